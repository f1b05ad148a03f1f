#pragma once
// A loaded model: the graph IR plus where it came from. Produced by loadModel() (ONNX or Darknet).

#include <map>
#include <string>
#include <vector>

#include "core/base/cancel.h"
#include "core/base/error.h"
#include "core/model/graph.h"

namespace tessera::model {

struct Model {
    Graph graph;
    std::string path;
    std::string format;     // "onnx" or "darknet"
    std::string sha256;     // of the model file (for Darknet: of the .cfg, then the .weights if given)
    std::string producer;   // e.g. "pytorch 2.1"
    std::int64_t opset = 0; // default-domain opset of the (converted) ONNX graph
    std::int64_t irVersion = 0;
    std::vector<std::string> notes; // informational import messages, e.g. a symbolic batch size set to 1
};

struct ImportOptions {
    // Shapes for graph inputs whose dims are symbolic, by input name; the key "" means "the only input".
    std::map<std::string, Shape> inputShapes;
    // Darknet only: the .weights file. Without it, weights are zero-filled tensors of the right shapes.
    std::string darknetWeights;
    const StopToken* stop = nullptr;
    ProgressFn progress;
};

// Loads an ONNX file (.onnx) or a Darknet network (.cfg). Every failure names the file and the node/field.
Expected<Model> loadModel(const std::string& path, const ImportOptions& options = {});

// "1,3,224,224" or "input:1,3,224,224" -> (name, shape); name is "" when not given.
Expected<std::pair<std::string, Shape>> parseInputShape(const std::string& text);

} // namespace tessera::model
