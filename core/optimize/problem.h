#pragma once
// The optimizer's view of a partitioning problem: candidate stages ("options") with their costs per device,
// and the cost of moving data between two chosen options. Built from a model and a cluster by
// candidates.h; solved exactly by an integer program (GLPK, ilp.h), by dynamic programming for chains
// (dp.h) and, for small instances, by enumeration (brute_force.h). All of them score a choice with
// evaluate() below, so they optimise the same cost model.
//
// The graph's nodes are grouped into units (a layer: a Conv with its BatchNormalization and activation, a
// pool, a residual addition...). A choice picks options that cover every unit exactly once. For the chosen
// set S:
//   memory(d)  = sum over o in S of weightBytes[d] + max over o in S of arenaBytes[d] + overheadBytes[d]
//   memory     = max over devices of memory(d); every memory(d) must stay within budgetBytes[d]
//   traffic    = sum over o in S of ownBytes + sum over transitions (a, b) with a, b in S of bytes
//                + sum over exchanges of bytes[layout of its producer in S][need of its reader in S]
//   latency    = the same with ownSeconds and seconds
//   period     = max over devices of its busiest resource per frame: its CPU, cpu(d) = frameSeconds[d] + sum
//                over o in S of computeSeconds[d] + messageSecondsPerByte[d] x the bytes it sends and
//                receives (every cost term's `links`), and the time its link's two directions are held (with
//                a shared medium, the medium's one channel). The time between frames of a stream pipelined
//                through the plan when nothing else holds it up; throughput = 1 / period.
// `own` costs are an option's compute and its internal exchanges (data-reuse strips, partial sums) plus what
// it receives from the graph inputs and sends as results to the gateway; a transition is the redistribution
// of the values option a produces that option b reads. Latency is the sum over stages run one after the
// other (the simulator then predicts the pipelined figure of the chosen plan).

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/partition/plan.h"

namespace tessera::optimize {

// What one cost term puts on each device's link per frame; empty vectors mean none. As in the simulator
// (simulator.h), every transfer holds its sender's uplink and its receiver's downlink (with a shared medium,
// the medium) for both ends' link latency plus its bytes at the slower link's rate.
struct LinkLoad {
    std::vector<std::int64_t> sentBytes, receivedBytes; // per device
    std::vector<double> upSeconds, downSeconds;         // per device
    double mediumSeconds = 0;
};

struct Option {
    partition::Stage stage;                  // the plan stage it becomes (node range, kind, cuts, devices)
    std::size_t firstUnit = 0, lastUnit = 0; // units covered, inclusive
    std::vector<std::int64_t> weightBytes;   // per device
    std::vector<std::int64_t> arenaBytes;    // per device: the largest task arena it runs there
    std::int64_t ownBytes = 0;
    double ownSeconds = 0;
    std::vector<double> computeSeconds; // per device (empty: none)
    LinkLoad links;                     // its own exchanges, graph inputs and results
    std::string label;                  // "tiles 5x5 reuse conv_0..conv_15_leaky", for messages and logs
};

struct Transition {
    int from = -1, to = -1; // option indices: `to` reads values `from` produces
    std::int64_t bytes = 0;
    double seconds = 0;
    LinkLoad links;
};

// The same costs in aggregated form, which keeps the problem small when many options share a layout: one
// value crossing from the unit that produces it into one unit that reads it. Every option that can produce
// it leaves it in one of a few layouts (whole on a device, a tile grid's cells, channel slices), every
// option that can read it in that unit asks for one of a few needs; a choice contains at most one producer
// and one reader of an exchange, and pays bytes[layout][need] and seconds[layout][need].
struct Exchange {
    std::vector<std::pair<int, int>> producers;   // (option, layout index)
    std::vector<std::pair<int, int>> readers;     // (option, need index)
    std::vector<std::vector<std::int64_t>> bytes; // [layout][need]
    std::vector<std::vector<double>> seconds;     // [layout][need]
    std::vector<std::vector<LinkLoad>> links;     // [layout][need]; empty: none
};

struct Problem {
    std::size_t units = 0;
    std::vector<std::string> unitNames; // per unit: its first node's name
    std::vector<Option> options;
    std::vector<Transition> transitions; // only pairs that cost something
    std::vector<Exchange> exchanges;     // more of the same costs, aggregated
    std::vector<std::string> deviceNames;
    std::vector<std::int64_t> budgetBytes;   // per device
    std::vector<std::int64_t> overheadBytes; // per device
    // The period's CPU terms beyond the options' compute, per device (empty: none): per byte of messages sent
    // or received (sim::messageSeconds), and per frame whatever the choice (the gateway taking in the frame
    // and sending out the results).
    std::vector<double> messageSecondsPerByte, frameSeconds;
    int gateway = 0; // the device where frames enter
};

enum class Objective { Memory, Traffic, Latency, Throughput };
constexpr Objective kObjectives[] = {Objective::Memory, Objective::Traffic, Objective::Latency,
                                     Objective::Throughput};
// "memory", "traffic", "latency", "throughput" (minimises the period)
const char* toString(Objective objective);
// The objective of such a name (as toString writes it), or none.
std::optional<Objective> parseObjective(std::string_view name);

// Figures of a choice under the cost model above.
struct Evaluation {
    std::vector<std::int64_t> memoryBytes; // per device
    std::int64_t maxMemoryBytes = 0;
    std::int64_t trafficBytes = 0;
    double latencySeconds = 0;
    double periodSeconds = 0;       // seconds per frame of a pipelined stream
    std::vector<double> cpuSeconds; // per device, per frame: cpu(d) above
    LinkLoad links;                 // per frame, every device's entries filled
    bool covers = false;            // every unit exactly once
    bool withinBudget = false;      // every device within its budget
    double value(Objective objective) const;
};

// `into` += `more`, entry by entry (a shorter vector grows).
void accumulate(LinkLoad& into, const LinkLoad& more);

// `chosen`: option indices.
Evaluation evaluate(const Problem& problem, const std::vector<int>& chosen);

struct Solution {
    std::vector<int> chosen; // option indices, in unit order
    Evaluation figures;
    double objective = 0;
    // Lower bound on the optimum (equal to `objective` when proven optimal).
    double bound = 0;
    bool optimal = false;
    std::string status; // "optimal", "time limit: gap 3.2%", ...
    double seconds = 0; // solve time
};

} // namespace tessera::optimize
