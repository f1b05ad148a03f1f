#pragma once
// Per-node and whole-model cost of a graph on a single device: MACs, FLOPs, parameters, activation sizes,
// and the peak of live activation memory when buffers are reused (what an embedded tool reports as
// "activations (rw)"). Definitions are in docs/cost-model.md.

#include <cstdint>
#include <string>
#include <vector>

#include "core/model/graph.h"

namespace tessera::cost {

// Feature-dominated layers move more activation bytes than they store weights (candidates for tiling, FTP);
// weight-dominated layers store more than they move (candidates for channel splits, LOP/LIP).
enum class Dominance { Feature, Weight };
const char* toString(Dominance d);

struct LayerCost {
    std::int64_t macs = 0;        // multiply-accumulates of Conv, ConvTranspose, Gemm, MatMul
    std::int64_t flops = 0;       // 2 per MAC, plus element-wise work (see docs/cost-model.md)
    std::int64_t params = 0;      // float weight elements first used by this node (rank-0 constants excluded)
    std::int64_t weightBytes = 0; // bytes of those weights, dense
    // bytes the engine holds for them: a pruned Conv/Gemm weight in CSR where that pays off
    // (weight_storage.h)
    std::int64_t storedWeightBytes = 0;
    std::int64_t inputBytes = 0;  // activations read (inputs that are not weights)
    std::int64_t outputBytes = 0; // activations written
    Dominance dominance = Dominance::Feature;
};

struct ModelCost {
    std::vector<LayerCost> layers; // one per graph node, same order
    std::int64_t macs = 0, flops = 0, params = 0, weightBytes = 0, storedWeightBytes = 0;
    std::int64_t inputBytes = 0;  // graph inputs
    std::int64_t outputBytes = 0; // graph outputs
    // Activation memory with buffer reuse (graph inputs and outputs included): the arena of planMemory(),
    // which the execution engine allocates. peakLiveBytes is the largest sum of buffers live at one step.
    std::int64_t peakActivationBytes = 0;
    std::int64_t peakLiveBytes = 0;
    std::size_t peakNode = 0; // index of the node during which the live sum peaks
    // Sum of every activation buffer, i.e. memory without reuse, for contrast.
    std::int64_t totalActivationBytes = 0;
};

LayerCost nodeCost(const model::Graph& graph, std::size_t nodeIndex);
ModelCost analyze(const model::Graph& graph);

} // namespace tessera::cost
