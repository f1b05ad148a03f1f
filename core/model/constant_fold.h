#pragma once
// Evaluates shape-computation nodes on constant inputs at import time, so that chains such as
// Shape -> Gather -> Unsqueeze -> Concat -> Reshape collapse into constants and every shape becomes static.

#include <optional>
#include <vector>

#include "core/base/error.h"
#include "core/model/graph.h"

namespace tessera::model {

bool isFoldableOp(const Node& node);

// Evaluates `node`. `inputs[i]` is the constant value of input i, or null when it is not constant (allowed
// only for Shape/Size, which need just `inputShapes[i]`). Returns the node's outputs, in order.
Expected<std::vector<Tensor>> foldNode(const Node& node, const std::vector<const Tensor*>& inputs,
                                       const std::vector<Shape>& inputShapes, std::int64_t opset);

} // namespace tessera::model
