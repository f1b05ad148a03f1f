#include "core/cost/layer_cost.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/cost/memory_plan.h"
#include "core/cost/weight_storage.h"

namespace tessera::cost {
namespace {

using model::Graph;
using model::Node;

std::int64_t bytesOf(const Graph& g, const std::string& value) {
    const model::ValueInfo* v = g.value(value);
    return v ? model::elementCount(v->shape) * std::int64_t(model::byteSize(v->dtype)) : 0;
}

std::int64_t elementsOf(const Graph& g, const std::string& value) {
    const model::ValueInfo* v = g.value(value);
    return v ? model::elementCount(v->shape) : 0;
}

const model::Shape& shapeOf(const Graph& g, const std::string& value) {
    static const model::Shape kEmpty;
    const model::ValueInfo* v = g.value(value);
    return v ? v->shape : kEmpty;
}

const std::set<std::string> kElementwise = {"Relu",      "LeakyRelu", "Clip",   "Sigmoid", "HardSigmoid",
                                            "HardSwish", "Tanh",      "PRelu",  "Add",     "Sub",
                                            "Mul",       "Div",       "Resize", "Upsample"};

std::int64_t productOf(const model::Shape& s, std::size_t from) {
    std::int64_t p = 1;
    for (std::size_t i = from; i < s.size(); ++i) {
        p *= s[i];
    }
    return p;
}

} // namespace

const char* toString(Dominance d) {
    return d == Dominance::Weight ? "weight" : "feature";
}

LayerCost nodeCost(const Graph& g, std::size_t nodeIndex) {
    const Node& n = g.nodes.at(nodeIndex);
    LayerCost c;
    for (const auto& in : n.inputs) {
        if (!in.empty() && !g.isInitializer(in)) {
            c.inputBytes += bytesOf(g, in);
        }
    }
    std::int64_t outElements = 0;
    for (const auto& out : n.outputs) {
        c.outputBytes += bytesOf(g, out);
        outElements += elementsOf(g, out);
    }
    const auto& op = n.opType;
    const bool hasBias = n.inputs.size() > 2 && !n.inputs[2].empty();
    if (op == "Conv") {
        const auto& w = shapeOf(g, n.inputs.at(1)); // [Cout, Cin/group, kH, kW]
        c.macs = outElements * productOf(w, 1);
        c.flops = 2 * c.macs + (hasBias ? outElements : 0);
    } else if (op == "ConvTranspose") {
        const auto& w = shapeOf(g, n.inputs.at(1)); // [Cin, Cout/group, kH, kW]
        c.macs = elementsOf(g, n.inputs[0]) * productOf(w, 1);
        c.flops = 2 * c.macs + (hasBias ? outElements : 0);
    } else if (op == "Gemm" || op == "MatMul") {
        const auto& a = shapeOf(g, n.inputs.at(0));
        const bool transA = op == "Gemm" && n.attrInt("transA", 0) != 0;
        const std::int64_t k = a.empty() ? 0 : (transA ? a[a.size() - 2] : a.back());
        c.macs = outElements * k;
        c.flops = 2 * c.macs + (hasBias ? outElements : 0);
    } else if (op == "BatchNormalization") {
        c.flops = 2 * outElements;
    } else if (kElementwise.count(op)) {
        c.flops = outElements;
    } else if (op == "MaxPool" || op == "AveragePool") {
        c.flops = outElements * productOf(n.attrInts("kernel_shape"), 0);
    } else if (op == "GlobalAveragePool") {
        c.flops = elementsOf(g, n.inputs.at(0));
    } else if (op == "LRN") {
        c.flops = outElements * (n.attrInt("size", 1) + 3);
    } else if (op == "Softmax") {
        c.flops = 3 * outElements;
    }
    c.dominance = Dominance::Feature; // refined by analyze(), which knows which weights are shared
    return c;
}

ModelCost analyze(const Graph& g) {
    ModelCost total;
    std::set<std::string> counted;
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        LayerCost c = nodeCost(g, i);
        for (std::size_t k = 0; k < g.nodes[i].inputs.size(); ++k) {
            const std::string& in = g.nodes[i].inputs[k];
            const model::Tensor* t = in.empty() ? nullptr : g.initializer(in);
            if (t && model::isFloating(t->dtype) && counted.insert(in).second) {
                // rank-0 constants are operator settings (clip bounds, scales), not parameters; they are
                // stored
                c.params += t->shape.empty() ? 0 : t->elements();
                c.weightBytes += std::int64_t(t->bytes());
                c.storedWeightBytes += storedBytes(g, g.nodes[i], k);
            }
        }
        c.dominance = c.weightBytes > c.inputBytes + c.outputBytes ? Dominance::Weight : Dominance::Feature;
        total.macs += c.macs;
        total.flops += c.flops;
        total.params += c.params;
        total.weightBytes += c.weightBytes;
        total.storedWeightBytes += c.storedWeightBytes;
        total.layers.push_back(c);
    }

    for (const auto& in : g.inputs) {
        total.inputBytes += bytesOf(g, in.name);
    }
    for (const auto& out : g.outputs) {
        total.outputBytes += bytesOf(g, out.name);
    }
    const MemoryPlan plan = planMemory(g);
    for (const auto& b : plan.buffers) {
        total.totalActivationBytes += b.bytes;
    }
    total.peakActivationBytes = plan.arenaBytes;
    total.peakLiveBytes = plan.peakLiveBytes;
    total.peakNode = plan.peakStep;
    return total;
}

} // namespace tessera::cost
