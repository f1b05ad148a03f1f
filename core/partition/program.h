#pragma once
// A plan compiled for execution: the tasks each device runs, the pieces of tensors they produce, and which
// parts of which pieces every task needs. The in-process executor (executor.h), the cost model and the
// simulator (core/sim), the sub-model export and the device runtime all read this one structure, so what is
// predicted is what runs.
//
// A task is a self-contained sub-graph in the graph IR: its inputs are regions of original values (a tile's
// input with its halo, a channel slice, a border strip), its nodes are the original nodes rewritten for
// those regions (padding only at true borders, weights sliced), and its outputs are pieces. Weights are
// described, not copied: a task graph's float initializers are hollow (shape only, no data) until
// materialize() fills them from the original graph.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/cost/cluster.h"
#include "core/cost/layer_cost.h"
#include "core/model/model.h"
#include "core/partition/plan.h"
#include "core/partition/region.h"
#include "core/partition/weight_census.h"

namespace tessera::partition {

// A region of a value produced by one task (or, for graph inputs, held by the gateway from the start).
struct Piece {
    std::string value;  // original value name, or a synthetic name for private pieces (LIP partial sums)
    Region region;      // in the value's coordinates
    int task = -1;      // producing task; -1 for a graph input
    std::string output; // name of the task graph output holding it (the value name for graph inputs)
};

// Part of a piece that a consumer needs; `part` is in value coordinates and lies inside the piece.
struct Source {
    int piece = -1;
    Region part;
};

// One input of a task (or one result at the gateway): a region of a value assembled from parts of pieces.
struct TaskInput {
    std::string name;  // input name in the task graph (the output name, for results)
    std::string value; // original value (or private piece value)
    Region region;
    std::vector<Source> sources; // their parts tile `region` exactly, without overlap
};

// A float initializer of a task graph and where its data comes from.
struct WeightSlice {
    std::string name;   // initializer name in the task graph (the source name when not sliced)
    std::string source; // initializer of the original graph
    Region region;      // of the source tensor
    model::Shape shape; // of the task's tensor: the region's extents, possibly reshaped (a bias as [C,1,1])
    // Bytes a device holds for it: dense, or CSR for a pruned Conv/Gemm weight (cost/weight_storage.h).
    std::int64_t storedBytes = 0;
};

enum class TaskRole { Compute, Partial, Reduce };

// What a task graph asks of the speed model (sim::workSeconds): MACs of the nodes that have them, activation
// bytes read and written by the other nodes, and the number of nodes that do work (alias ops and the
// BatchNormalizations and activations the engine folds into a Conv/Gemm excluded).
struct TaskWork {
    std::int64_t macs = 0, bytes = 0;
    int nodes = 0;
};
// The same per node of `graph` (all zero for alias and folded nodes), from its layer costs
// (cost::analyze(graph).layers); a task's work is their sum.
std::vector<TaskWork> nodeWork(const model::Graph& graph, const std::vector<cost::LayerCost>& layers);
TaskWork totalWork(const std::vector<TaskWork>& work);

struct Task {
    int stage = -1;
    int cell = -1;   // tile or slice index in the stage; -1 for a LIP reduction
    int device = -1; // static assignment (work stealing may run it elsewhere)
    TaskRole role = TaskRole::Compute;
    bool stealable = false;
    int schedule = 0; // data reuse: 0 = computes its region fully, 1 = fetches border strips from schedule 0
    model::Graph graph;
    std::vector<TaskInput> inputs; // same order as graph.inputs
    std::vector<int> outputs;      // piece ids, same order as graph.outputs
    std::vector<WeightSlice> weights;
    std::int64_t macs = 0, flops = 0;
    std::int64_t arenaBytes = 0;  // activation arena of the task graph (cost::planMemory)
    std::int64_t weightBytes = 0; // bytes of its weight slices as stored (WeightSlice::storedBytes)
    TaskWork work;                // of `graph`, computed with the costs above
};

// Bytes moving between two devices for one source (static assignment).
struct Transfer {
    int piece = -1;
    int task = -1; // consuming task, -1 for a result delivered to the gateway
    Region part;
    int from = -1, to = -1;
    std::int64_t bytes = 0;
};

struct Program {
    std::vector<Task> tasks; // in an order where every task comes after the producers of its inputs
    std::vector<Piece> pieces;
    std::vector<TaskInput> results; // the graph outputs, assembled at the gateway (name = output name)
    // For each original value crossing a stage boundary: the pieces partitioning it.
    std::map<std::string, std::vector<int>> published;
    int gateway = 0;
    std::int64_t opset = 13; // of the original model; task graphs use the same

    // Device that produces a piece under the static assignment (the gateway for graph inputs).
    int pieceDevice(int piece) const;
    // True when `device` may run `task`: its assigned device, or, for a task of a work-stealing stage, any
    // device the stage assigns a task to (the devices that share the stage's work and hold its weights).
    bool mayRun(int task, int device) const;
    // Every source whose piece lives on another device than its consumer (static assignment).
    std::vector<Transfer> transfers() const;
};

// Compiles a valid plan (checkPlan first: errors list every problem). Cheap enough to run on every edit.
// The model's weights are what the program costs (stored weight bytes) and runs: for a plan with pruning,
// pass the model after applyPruning(plan). `census`: the model's (weight_census.h), to share the counting
// across calls; one is made for the call when none is given.
Expected<Program> compile(const model::Model& model, const Plan& plan, const cost::Cluster& cluster,
                          const WeightCensus* census = nullptr);

// One stage compiled on its own, as if every value it reads from outside were whole on the gateway (graph
// inputs and the rest: pieces with task -1); no results. The optimizer's measure of a candidate stage.
Expected<Program> compileStage(const model::Model& model, const Stage& stage, const cost::Cluster& cluster,
                               const WeightCensus* census = nullptr);

// A copy of the task's graph with its weight slices filled in from `original` (ready for exec::Net or ONNX).
model::Graph materialize(const Task& task, const model::Graph& original);

// Copies `part` (value coordinates) out of a tensor holding `held` of the same value into `dst`, which holds
// `dstRegion`. Both tensors are dense row-major floats.
void copyRegion(const float* src, const Region& held, float* dst, const Region& dstRegion,
                const Region& part);

} // namespace tessera::partition
