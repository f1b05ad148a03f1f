#pragma once
// Activation memory plan of a single-device run: which buffer every value lives in, when, and at what
// offset of one arena. The cost model reports this plan's arena size as the peak activation memory and the
// execution engine allocates exactly this arena, so prediction and execution agree by construction.
//
// Rules (docs/cost-model.md): nodes run in graph order; a buffer lives from its producer's step to its last
// consumer's step (graph inputs from step 0, graph outputs to the end). Reshape-like ops alias their input.
// Element-wise unary ops (activations, BatchNormalization) write into their input's buffer when they are its
// last consumer and it holds neither a graph input nor a graph output. Offsets: largest buffers first, each
// at the lowest 64-byte aligned offset that does not overlap a buffer alive at the same time.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/model/graph.h"

namespace tessera::cost {

struct MemoryPlan {
    struct Buffer {
        std::int64_t offset = 0;
        std::int64_t bytes = 0; // rounded up to kAlignment
        std::size_t birth = 0, death = 0;
    };
    static constexpr std::int64_t kAlignment = 64;

    std::vector<Buffer> buffers;
    std::map<std::string, std::size_t> bufferOf; // activation value -> buffer index
    std::int64_t arenaBytes = 0;                 // size of the planned arena
    std::int64_t peakLiveBytes = 0; // largest sum of live buffers at one step (a lower bound of the arena)
    std::size_t peakStep = 0;       // node index where peakLiveBytes occurs
};

// Reshape, Flatten, Squeeze, Unsqueeze, Identity, Dropout: the output is a view of the input buffer.
bool isAliasOp(const std::string& opType);
// Activations and BatchNormalization: may write their output over their input.
bool isInPlaceOp(const std::string& opType);

MemoryPlan planMemory(const model::Graph& graph);

} // namespace tessera::cost
