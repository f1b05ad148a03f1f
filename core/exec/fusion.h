#pragma once
// Which nodes the engine folds into the Conv or Gemm before them when it loads a network: a
// BatchNormalization right after a Conv (folded into its weights and bias) and then a Relu, LeakyRelu or
// Clip (applied by the Conv/Gemm kernel as it writes its output). A node is folded only when it is the sole
// reader of its input, that input is not a graph output, and all the parameters involved are constants.
// Net::load applies exactly these; the speed model uses them to charge folded nodes nothing.

#include <optional>
#include <vector>

#include "core/model/graph.h"

namespace tessera::exec {

struct Fusion {
    std::size_t node = 0;                  // the Conv or Gemm
    std::optional<std::size_t> batchNorm;  // folded into the Conv's weights
    std::optional<std::size_t> activation; // applied by the kernel
};

// Only Conv/Gemm nodes that fold something are listed, in graph order.
std::vector<Fusion> findFusions(const model::Graph& graph);

} // namespace tessera::exec
