#include "core/model/op_support.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace tessera::model {
namespace {

using Problems = std::vector<std::string>;
using Checker = std::function<void(const Node&, const Graph&, Problems&)>;

void requireRank4(const Node& node, const Graph& graph, Problems& problems) {
    const ValueInfo* in = node.inputs.empty() ? nullptr : graph.value(node.inputs[0]);
    if (in && in->shape.size() != 4) {
        problems.push_back("only 4-D (N,C,H,W) inputs are supported, input '" + in->name + "' is " +
                           std::to_string(in->shape.size()) + "-D");
    }
}

void requireOneOf(const Node& node, const std::string& attr, const std::string& fallback,
                  std::initializer_list<const char*> allowed, Problems& problems) {
    const std::string value = node.attrString(attr, fallback);
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return value == a; })) {
        std::string list;
        for (const char* a : allowed) {
            list += (list.empty() ? "" : ", ") + std::string(a);
        }
        problems.push_back(attr + " '" + value + "' is not supported (supported: " + list + ")");
    }
}

// Inputs from `first` on must be constants (weights or folded shape values).
void requireConstantInputs(const Node& node, const Graph& graph, std::size_t first, Problems& problems) {
    for (std::size_t i = first; i < node.inputs.size(); ++i) {
        if (!node.inputs[i].empty() && !graph.isInitializer(node.inputs[i])) {
            problems.push_back("input '" + node.inputs[i] +
                               "' must be a constant (it is computed at run time)");
        }
    }
}

void checkConv(const Node& node, const Graph& graph, Problems& problems) {
    requireRank4(node, graph, problems);
    requireOneOf(node, "auto_pad", "NOTSET", {"NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID"}, problems);
    requireConstantInputs(node, graph, 1, problems);
}

void checkPool(const Node& node, const Graph& graph, Problems& problems) {
    requireRank4(node, graph, problems);
    requireOneOf(node, "auto_pad", "NOTSET", {"NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID"}, problems);
    if (node.attrInt("storage_order", 0) != 0) {
        problems.push_back("storage_order 1 (column-major indices) is not supported");
    }
    if (node.outputs.size() > 1 && !node.outputs[1].empty()) {
        problems.push_back("the Indices output of MaxPool is not supported");
    }
}

void checkResize(const Node& node, const Graph& graph, Problems& problems) {
    requireRank4(node, graph, problems);
    requireOneOf(node, "mode", "nearest", {"nearest", "linear"}, problems);
    requireOneOf(node, "coordinate_transformation_mode", "half_pixel",
                 {"half_pixel", "pytorch_half_pixel", "align_corners", "asymmetric"}, problems);
    requireOneOf(node, "nearest_mode", "round_prefer_floor",
                 {"round_prefer_floor", "round_prefer_ceil", "floor", "ceil"}, problems);
    requireConstantInputs(node, graph, 1, problems);
}

const std::map<std::string, Checker>& table() {
    static const auto noCheck = [](const Node&, const Graph&, Problems&) {};
    static const auto constantsAfterData = [](const Node& n, const Graph& g, Problems& p) {
        requireConstantInputs(n, g, 1, p);
    };
    static const std::map<std::string, Checker> kTable = {
        {"Conv", checkConv},
        {"ConvTranspose", checkConv},
        {"Gemm", noCheck},
        {"MatMul", noCheck},
        {"BatchNormalization",
         [](const Node& n, const Graph& g, Problems& p) {
             if (n.attrInt("training_mode", 0) != 0 || n.outputs.size() > 1) {
                 p.push_back("training mode (running statistics outputs) is not supported");
             }
             requireConstantInputs(n, g, 1, p);
         }},
        {"Relu", noCheck},
        {"LeakyRelu", noCheck},
        {"Clip", constantsAfterData},
        {"Sigmoid", noCheck},
        {"HardSigmoid", noCheck},
        {"HardSwish", noCheck},
        {"Tanh", noCheck},
        {"PRelu", noCheck},
        {"Add", noCheck},
        {"Sub", noCheck},
        {"Mul", noCheck},
        {"Div", noCheck},
        {"MaxPool", checkPool},
        {"AveragePool", checkPool},
        {"GlobalAveragePool", requireRank4},
        {"LRN", requireRank4},
        {"Concat", noCheck},
        {"Split", constantsAfterData},
        {"Slice", constantsAfterData},
        {"Reshape", constantsAfterData},
        {"Flatten", noCheck},
        {"Transpose", noCheck},
        {"Squeeze", constantsAfterData},
        {"Unsqueeze", constantsAfterData},
        {"Softmax", noCheck},
        {"Resize", checkResize},
        {"Upsample",
         [](const Node& n, const Graph& g, Problems& p) {
             requireRank4(n, g, p);
             requireOneOf(n, "mode", "nearest", {"nearest", "linear"}, p);
             requireConstantInputs(n, g, 1, p);
         }},
        {"Pad",
         [](const Node& n, const Graph& g, Problems& p) {
             requireOneOf(n, "mode", "constant", {"constant", "reflect", "edge"}, p);
             requireConstantInputs(n, g, 1, p);
         }},
        {"SpaceToDepth", requireRank4},
        {"DepthToSpace",
         [](const Node& n, const Graph& g, Problems& p) {
             requireRank4(n, g, p);
             requireOneOf(n, "mode", "DCR", {"DCR", "CRD"}, p);
         }},
        {"Dropout",
         [](const Node& n, const Graph& g, Problems& p) {
             // inference: identity. Training mode with a non-zero ratio drops values at random.
             const std::string& mode = n.inputs.size() > 2 ? n.inputs[2] : std::string();
             const model::Tensor* training = mode.empty() ? nullptr : g.initializer(mode);
             const std::string& ratioName = n.inputs.size() > 1 ? n.inputs[1] : std::string();
             const model::Tensor* ratio = ratioName.empty() ? nullptr : g.initializer(ratioName);
             const bool ratioZero = ratio && ratio->elements() == 1 && ratio->at(0) == 0.0;
             if (!mode.empty() && (!training || (training->elements() == 1 && training->at(0) != 0.0)) &&
                 !ratioZero) {
                 p.push_back("training mode (random dropout) is not supported");
             }
         }},
        {"Identity", noCheck},
    };
    return kTable;
}

} // namespace

bool isSupportedOp(const Node& node) {
    return node.domain.empty() && table().count(node.opType) != 0;
}

std::vector<std::string> supportedOps() {
    std::vector<std::string> ops;
    for (const auto& entry : table()) {
        ops.push_back(entry.first);
    }
    return ops;
}

std::vector<std::string> checkNode(const Node& node, const Graph& graph) {
    Problems problems;
    auto it = table().find(node.opType);
    if (it != table().end()) {
        it->second(node, graph, problems);
    }
    // Activations flow as float32; integer tensors may only appear as constant shape/index inputs.
    for (const auto& out : node.outputs) {
        const ValueInfo* v = graph.value(out);
        if (v && v->dtype != DType::Float32 && !(node.opType == "Dropout" && out != node.outputs[0])) {
            problems.push_back("output '" + out + "' is " + toString(v->dtype) +
                               "; only float32 activations are supported");
        }
    }
    return problems;
}

} // namespace tessera::model
