#pragma once
// Magnitude pruning of Conv and Gemm weights to a target sparsity: the smallest weights (by absolute value)
// become zero. Two modes:
//   - per-layer: every prunable layer loses round(sparsity * its weights) of its smallest weights;
//   - global: one magnitude threshold over all prunable weights together, so that round(sparsity * all of
//     them) become zero; layers with many small weights lose more, sensitive layers less.
// Deterministic: ties at the threshold magnitude are broken by layer order, then element order.
//
// Prunable layer: a Conv or Gemm node whose weight (input 1) is a float initializer that no other node reads.
// Excluded by default (defaultExclusions()): the first convolution (it reads the image; few weights,
// everything after it depends on them) and depthwise convolutions (one filter per channel of 3x3 or 5x5
// weights: little to save, much to lose, and no faster sparse kernel - cost/weight_storage.h). Biases are
// never pruned. Weights that are already zero count towards the target.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/error.h"
#include "core/model/graph.h"

namespace tessera::compress {

enum class PruneMode { Global, PerLayer };
const char* toString(PruneMode mode); // "global", "per-layer"
std::optional<PruneMode> pruneModeFromString(const std::string& text);

// Exclusion kinds besides node names and op types ("Conv", "Gemm").
inline constexpr const char* kExcludeFirstConv = "first-conv";
inline constexpr const char* kExcludeDepthwise = "depthwise";
std::vector<std::string> defaultExclusions(); // {"first-conv", "depthwise"}

struct PruneSettings {
    static constexpr double kMaxSparsity = 0.99;
    PruneMode mode = PruneMode::Global;
    double sparsity = 0.5; // target fraction of zero weights among the prunable ones, in [0, kMaxSparsity]
    // Layers left dense: node names, op types ("Conv", "Gemm"), "first-conv", "depthwise".
    std::vector<std::string> exclude = defaultExclusions();

    bool operator==(const PruneSettings&) const = default;
};

struct LayerPruning {
    std::size_t node = 0;
    std::string name, opType, weight;
    std::int64_t elements = 0;
    std::int64_t zerosBefore = 0, zeros = 0; // zero weights before and after pruning
    std::string excludedBy;                  // the exclusion that kept it dense; empty when pruned
    double sparsity() const { return elements ? double(zeros) / double(elements) : 0.0; }
};

struct PruneReport {
    std::vector<LayerPruning> layers; // every Conv/Gemm node with a float initializer weight, graph order
    std::int64_t prunableElements = 0, prunedZeros = 0; // over the layers not excluded
    float threshold = 0.f; // global mode: weights with a smaller magnitude became zero (0 in per-layer mode)
    double sparsity() const {
        return prunableElements ? double(prunedZeros) / double(prunableElements) : 0.0;
    }
};

// Problems with `settings` for this graph (sparsity outside [0, kMaxSparsity], exclusions naming neither a
// node, nor an op type, nor a kind), each naming the field: "sparsity: 1.5 is outside [0, 0.99]".
std::vector<std::string> checkSettings(const PruneSettings& settings, const model::Graph& graph);

// Prunes `graph`'s weights in place. InvalidArgument listing checkSettings()'s problems.
Expected<PruneReport> prune(model::Graph& graph, const PruneSettings& settings);

} // namespace tessera::compress
