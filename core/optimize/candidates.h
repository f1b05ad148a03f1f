#pragma once
// Candidate stages for the optimizer, measured by compiling each one (partition::compileStage): its tasks'
// weights and arenas per device, compute time under each device's speed model, the exchanges inside it, what
// it reads and what it publishes; and the cost of every redistribution between a stage that publishes a value
// and one that reads it (Problem::exchanges). Turns a chosen set back into a plan.
//
// Units: the graph's nodes grouped into layers. A node joins the unit of the node before it when it is a
// BatchNormalization, an activation, Identity or Dropout reading only that node's output (and constants),
// and nothing else reads that output; every other node starts a unit.
//
// Candidates, per unit range: the unit whole on each device; tile blocks of 1 .. maxTileUnits units in square
// grids (tiles spread over all devices in proportion to their speed, largest first), with and without data
// reuse; for a single unit, an output-channel split (LOP) and an input-channel split (LIP, reduced on the
// gateway) over all devices, with equal shares and, when the devices differ, shares in proportion to speed.

#include <vector>

#include "core/base/cancel.h"
#include "core/base/error.h"
#include "core/cost/cluster.h"
#include "core/model/model.h"
#include "core/optimize/problem.h"

namespace tessera::optimize {

struct Unit {
    std::size_t first = 0, last = 0; // node indices, inclusive
};
std::vector<Unit> graphUnits(const model::Graph& graph);

struct CandidateOptions {
    std::vector<int> grids = {2, 3, 4, 5}; // square tile grids
    int maxTileUnits = 16;
    bool dataReuse = true;     // also each tile block with data reuse
    bool channelSplits = true; // LOP and LIP options
    // Whole-layer options on every device. Off: a layer that can be split (tiles, LOP, LIP) must be, and the
    // others run on the gateway (DeeperThings' setting, where every layer is spread over all devices).
    bool wholeLayers = true;
    int threads = 2; // candidates are compiled in parallel
    const StopToken* stop = nullptr;
    ProgressFn progress;
};

Expected<Problem> buildProblem(const model::Model& model, const cost::Cluster& cluster,
                               const CandidateOptions& options = {});

// The plan of a choice: the chosen options' stages in node order, consecutive whole-layer stages on the same
// device merged into one.
partition::Plan toPlan(const Problem& problem, const std::vector<int>& chosen);

} // namespace tessera::optimize
