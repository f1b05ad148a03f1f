#pragma once
// The format-independent part of model import, shared by the ONNX and Darknet readers.

#include "core/model/model.h"

namespace tessera::model {

// Highest default-domain opset the bundled ONNX library knows.
std::int64_t maxSupportedOpset();

// Turns a freshly read graph (nodes in topological order, runtime inputs possibly symbolic) into a final
// Model graph: resolves input shapes, infers every shape with ONNX shape inference, folds constant
// sub-graphs, drops dead nodes, and refuses unsupported ops/attributes and unresolved shapes, listing them
// all. `model.graph`, `model.opset` and `model.path` must be set; errors are prefixed with the path.
Status finishImport(Model& model, const ImportOptions& options);

Expected<Model> loadOnnx(const std::string& path, const ImportOptions& options);
Expected<Model> loadDarknet(const std::string& cfgPath, const ImportOptions& options);
// `cfgPath` only names the network in messages.
Expected<Model> loadDarknetText(const std::string& cfgText, const std::string& cfgPath,
                                const ImportOptions& options);

} // namespace tessera::model
