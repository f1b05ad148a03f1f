#include "core/partition/geometry.h"

#include <algorithm>
#include <set>

#include "core/partition/task_builder.h"

namespace tessera::partition {
namespace {

using model::Graph;
using model::Node;
using model::Shape;

const Shape& shapeOf(const Graph& g, const std::string& value) {
    static const Shape kNone;
    const model::ValueInfo* v = g.value(value);
    return v ? v->shape : kNone;
}

bool isUnary(const std::string& op) {
    static const std::set<std::string> kOps = {"Relu",      "LeakyRelu", "Clip",     "Sigmoid", "HardSigmoid",
                                               "HardSwish", "Tanh",      "Identity", "Dropout"};
    return kOps.count(op) != 0;
}

bool isBroadcasting(const std::string& op) {
    return op == "Add" || op == "Sub" || op == "Mul" || op == "Div" || op == "PRelu";
}

bool isWindowed(const std::string& op) {
    return op == "Conv" || op == "MaxPool" || op == "AveragePool";
}

int normalisedAxis(std::int64_t axis, std::size_t rank) {
    return int(axis < 0 ? axis + std::int64_t(rank) : axis);
}

// Kernel, stride, dilation and leading padding of a windowed op along spatial axis k (0 = rows, 1 = columns).
struct Window {
    std::int64_t kernel = 1, stride = 1, dilation = 1, padBegin = 0;
    // one past the last input position the window of output `o` reads (may lie beyond the input)
    std::int64_t endFor(std::int64_t o) const { return stride * o - padBegin + dilation * (kernel - 1) + 1; }
    std::int64_t beginFor(std::int64_t o) const { return stride * o - padBegin; }
};

Window windowOf(const Graph& g, const Node& n, int k) {
    Window w;
    const Shape& in = shapeOf(g, n.inputs[0]);
    const Shape& out = shapeOf(g, n.outputs[0]);
    if (n.opType == "Conv") {
        w.kernel = shapeOf(g, n.inputs[1]).at(std::size_t(2 + k));
    } else {
        w.kernel = n.attrInts("kernel_shape").at(std::size_t(k));
    }
    w.stride = n.attrInts("strides", {1, 1}).at(std::size_t(k));
    w.dilation = n.attrInts("dilations", {1, 1}).at(std::size_t(k));
    const std::string autoPad = n.attrString("auto_pad", "NOTSET");
    if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
        const std::int64_t total =
            std::max<std::int64_t>(0, (out[std::size_t(2 + k)] - 1) * w.stride + (w.kernel - 1) * w.dilation +
                                          1 - in[std::size_t(2 + k)]);
        w.padBegin = autoPad == "SAME_UPPER" ? total / 2 : total - total / 2;
    } else if (autoPad == "NOTSET") {
        w.padBegin = n.attrInts("pads", {0, 0, 0, 0}).at(std::size_t(k));
    }
    return w;
}

// Region of an input broadcast (numpy rules) to the output: axes of extent 1 read [0, 1).
Region broadcastRegion(const Shape& input, const Region& need) {
    Region r;
    const std::size_t offset = need.rank() - input.size();
    for (std::size_t j = 0; j < input.size(); ++j) {
        r.axes.push_back(input[j] == 1 ? Range{0, 1} : need[offset + j]);
    }
    return r;
}

NodeRegions wholeNode(const Graph& g, const Node& n) {
    NodeRegions r;
    r.compute = Region::full(shapeOf(g, n.outputs[0]));
    for (const auto& in : n.inputs) {
        r.inputs.push_back(in.empty() ? Region{} : Region::full(shapeOf(g, in)));
    }
    for (std::size_t k = 1; k < n.outputs.size(); ++k) {
        r.otherOutputs.push_back(n.outputs[k].empty() ? Region{} : Region::full(shapeOf(g, n.outputs[k])));
    }
    return r;
}

// Input region of a windowed op's data input: spatial axes through the window, the rest as given.
Region windowInput(const Graph& g, const Node& n, const Region& compute, Range channels) {
    const Shape& in = shapeOf(g, n.inputs[0]);
    Region r{{compute[0], channels, {}, {}}};
    for (int k = 0; k < 2; ++k) {
        const Window w = windowOf(g, n, k);
        const Range o = compute[std::size_t(2 + k)];
        r[std::size_t(2 + k)] = {std::max<std::int64_t>(0, w.beginFor(o.begin)),
                                 std::min(in[std::size_t(2 + k)], w.endFor(o.end - 1))};
    }
    return r;
}

bool hasMultipleOutputs(const Node& n) {
    return std::count_if(n.outputs.begin(), n.outputs.end(),
                         [](const std::string& o) { return !o.empty(); }) > 1;
}

} // namespace

NodeRegions mapRegions(const Graph& g, const Node& n, const Region& need) {
    const std::string& op = n.opType;
    if (hasMultipleOutputs(n)) {
        return wholeNode(g, n);
    }
    NodeRegions r;
    r.compute = need;
    r.inputs.resize(n.inputs.size());
    auto fullInput = [&](std::size_t i) {
        if (!n.inputs[i].empty()) {
            r.inputs[i] = Region::full(shapeOf(g, n.inputs[i]));
        }
    };
    if (op == "Conv") {
        const Shape& w = shapeOf(g, n.inputs[1]);
        const std::int64_t groups = n.attrInt("group", 1);
        const std::int64_t outPerGroup = w[0] / groups, inPerGroup = w[1];
        // grouped: whole groups only, a group's filters read that group's input channels
        const std::int64_t g0 = need[1].begin / outPerGroup;
        const std::int64_t g1 = (need[1].end + outPerGroup - 1) / outPerGroup;
        Range inChannels{0, shapeOf(g, n.inputs[0])[1]};
        if (groups > 1) {
            r.compute[1] = {g0 * outPerGroup, g1 * outPerGroup};
            inChannels = {g0 * inPerGroup, g1 * inPerGroup};
        }
        r.inputs[0] = windowInput(g, n, r.compute, inChannels);
        r.inputs[1] = Region{{r.compute[1], {0, w[1]}, {0, w[2]}, {0, w[3]}}};
        if (n.inputs.size() > 2 && !n.inputs[2].empty()) {
            r.inputs[2] = Region{{r.compute[1]}};
        }
        return r;
    }
    if (op == "MaxPool" || op == "AveragePool") {
        r.inputs[0] = windowInput(g, n, need, need[1]);
        return r;
    }
    if (op == "GlobalAveragePool") {
        const Shape& in = shapeOf(g, n.inputs[0]);
        r.inputs[0] = Region{{need[0], need[1], {0, in[2]}, {0, in[3]}}};
        return r;
    }
    if (isUnary(op)) {
        r.inputs[0] = need;
        for (std::size_t i = 1; i < n.inputs.size(); ++i) {
            fullInput(i);
        }
        return r;
    }
    if (op == "BatchNormalization") {
        r.inputs[0] = need;
        for (std::size_t i = 1; i < n.inputs.size(); ++i) {
            r.inputs[i] = Region{{need[1]}};
        }
        return r;
    }
    if (isBroadcasting(op)) {
        for (std::size_t i = 0; i < n.inputs.size(); ++i) {
            r.inputs[i] = broadcastRegion(shapeOf(g, n.inputs[i]), need);
        }
        return r;
    }
    if (op == "Concat") {
        const int axis = normalisedAxis(n.attrInt("axis", 1), need.rank());
        std::int64_t offset = 0;
        for (std::size_t i = 0; i < n.inputs.size(); ++i) {
            const Shape& in = shapeOf(g, n.inputs[i]);
            Region part = need;
            part[std::size_t(axis)] = {std::max(need[std::size_t(axis)].begin, offset) - offset,
                                       std::min(need[std::size_t(axis)].end, offset + in[std::size_t(axis)]) -
                                           offset};
            if (part[std::size_t(axis)].empty()) {
                part[std::size_t(axis)] = {0, 0};
            }
            r.inputs[i] = part;
            offset += in[std::size_t(axis)];
        }
        return r;
    }
    if (op == "LRN") {
        const std::int64_t size = n.attrInt("size", 1);
        const std::int64_t channels = shapeOf(g, n.inputs[0])[1];
        r.compute[1] = {std::max<std::int64_t>(0, need[1].begin - (size - 1) / 2),
                        std::min(channels, need[1].end + size / 2)};
        r.inputs[0] = r.compute;
        return r;
    }
    if (op == "Softmax") {
        // opset < 13 normalises over every axis from `axis` on; computing them all is right for both
        const int axis = normalisedAxis(n.attrInt("axis", -1), need.rank());
        const Shape& out = shapeOf(g, n.outputs[0]);
        for (std::size_t a = std::size_t(axis); a < out.size(); ++a) {
            r.compute[a] = {0, out[a]};
        }
        r.inputs[0] = r.compute;
        return r;
    }
    if (op == "Flatten" && n.attrInt("axis", 1) == 1 && shapeOf(g, n.inputs[0]).size() == 4) {
        const Shape& in = shapeOf(g, n.inputs[0]);
        const std::int64_t plane = in[2] * in[3];
        const std::int64_t c0 = need[1].begin / plane, c1 = (need[1].end + plane - 1) / plane;
        r.compute[1] = {c0 * plane, c1 * plane};
        r.inputs[0] = Region{{need[0], {c0, c1}, {0, in[2]}, {0, in[3]}}};
        return r;
    }
    if (op == "Gemm") {
        const Shape& a = shapeOf(g, n.inputs[0]);
        const Shape& b = shapeOf(g, n.inputs[1]);
        r.inputs[0] = n.attrInt("transA", 0) ? Region{{{0, a[0]}, need[0]}} : Region{{need[0], {0, a[1]}}};
        r.inputs[1] = n.attrInt("transB", 0) ? Region{{need[1], {0, b[1]}}} : Region{{{0, b[0]}, need[1]}};
        if (n.inputs.size() > 2 && !n.inputs[2].empty()) {
            r.inputs[2] = broadcastRegion(shapeOf(g, n.inputs[2]), need);
        }
        return r;
    }
    if (op == "MatMul" && shapeOf(g, n.inputs[1]).size() == 2 && shapeOf(g, n.inputs[0]).size() >= 2) {
        const Shape& a = shapeOf(g, n.inputs[0]);
        Region ra = need;
        ra.axes.back() = {0, a.back()};
        r.inputs[0] = ra;
        r.inputs[1] = Region{{{0, shapeOf(g, n.inputs[1])[0]}, need.axes.back()}};
        return r;
    }
    return wholeNode(g, n);
}

model::Node rewriteNode(const Graph& g, const Node& n, const NodeRegions& regions) {
    Node out = n;
    if (isWindowed(n.opType) && regions.compute.rank() == 4) {
        std::vector<std::int64_t> pads(4, 0);
        for (int k = 0; k < 2; ++k) {
            const Window w = windowOf(g, n, k);
            const Range o = regions.compute[std::size_t(2 + k)];
            const Range in = regions.inputs[0][std::size_t(2 + k)];
            pads[std::size_t(k)] = in.begin - w.beginFor(o.begin);
            pads[std::size_t(2 + k)] = w.endFor(o.end - 1) - in.end;
        }
        out.attributes["pads"] = pads;
        out.attributes.erase("auto_pad");
        out.attributes.erase("ceil_mode"); // the end padding above already covers a ceil-mode overhang
        if (n.opType == "Conv" && n.attrInt("group", 1) > 1) {
            const Shape& w = shapeOf(g, n.inputs[1]);
            const std::int64_t outPerGroup = w[0] / n.attrInt("group", 1);
            out.attributes["group"] = regions.compute[1].size() / outPerGroup;
        }
    }
    return out;
}

std::int64_t mapCutToInput(const Graph& g, const Node& n, std::size_t input, int axis, std::int64_t cut) {
    const std::int64_t extent = shapeOf(g, n.inputs[input]).at(std::size_t(axis));
    if (!isWindowed(n.opType)) {
        return std::min(cut, extent); // same position (a broadcast input of extent 1 keeps its one cell)
    }
    const Window w = windowOf(g, n, axis - 2);
    return std::clamp<std::int64_t>(w.beginFor(cut) + w.dilation * (w.kernel - 1) / 2, 0, extent);
}

std::optional<std::string> tileProblem(const Graph& g, const Node& n) {
    const std::string& op = n.opType;
    if (hasMultipleOutputs(n)) {
        return op + " with more than one output cannot be tiled";
    }
    if (shapeOf(g, n.outputs[0]).size() != 4) {
        return "tiles need 4-D (N,C,H,W) values; its output is " +
               std::to_string(shapeOf(g, n.outputs[0]).size()) + "-D";
    }
    if (op == "AveragePool" && n.attrInt("count_include_pad", 0) && n.attrInt("ceil_mode", 0)) {
        return "AveragePool with both count_include_pad and ceil_mode cannot be tiled exactly";
    }
    if (op == "Concat" && normalisedAxis(n.attrInt("axis", 1), 4) != 1) {
        return "only a Concat along channels (axis 1) can be tiled";
    }
    if (isWindowed(op) || isUnary(op) || isBroadcasting(op) || op == "BatchNormalization" || op == "Concat" ||
        op == "LRN") {
        return std::nullopt;
    }
    return op + " is not spatially local (tile blocks take Conv, MaxPool, AveragePool, activations, "
                "BatchNormalization, element-wise arithmetic, LRN and channel Concat)";
}

std::optional<std::string> channelSplitProblem(const Graph& g, const Node& n) {
    const std::string& op = n.opType;
    if (hasMultipleOutputs(n)) {
        return op + " with more than one output cannot be split by channels";
    }
    if (shapeOf(g, n.outputs[0]).size() < 2) {
        return "its output has no channel axis";
    }
    if (op == "Softmax") {
        const int axis = normalisedAxis(n.attrInt("axis", -1), shapeOf(g, n.outputs[0]).size());
        if (axis <= 1) {
            return "Softmax normalises across channels, so every slice needs all of them";
        }
        return std::nullopt;
    }
    if (op == "Flatten" && !(n.attrInt("axis", 1) == 1 && shapeOf(g, n.inputs[0]).size() == 4)) {
        return "only Flatten(axis=1) of a 4-D value can be split by channels";
    }
    if (op == "MatMul" && shapeOf(g, n.inputs[1]).size() != 2) {
        return "only a MatMul with a 2-D right-hand side can be split by output features";
    }
    if (isWindowed(op) || isUnary(op) || isBroadcasting(op) || op == "BatchNormalization" || op == "Concat" ||
        op == "LRN" || op == "GlobalAveragePool" || op == "Flatten" || op == "Gemm" || op == "MatMul") {
        return std::nullopt;
    }
    return op + " mixes channels in a way a channel slice cannot follow";
}

std::optional<std::string> lipProblem(const Graph& g, const Node& n) {
    auto constant = [&](std::size_t i) {
        return i >= n.inputs.size() || n.inputs[i].empty() || g.isInitializer(n.inputs[i]);
    };
    if (n.opType == "Conv") {
        if (n.attrInt("group", 1) != 1) {
            return std::string("a grouped Conv cannot be split by input channels (use LOP)");
        }
        if (!constant(1) || !constant(2)) {
            return std::string("the Conv's weights must be constants");
        }
        return std::nullopt;
    }
    if (n.opType == "Gemm") {
        if (n.attrInt("transA", 0) != 0) {
            return std::string("a Gemm with transA cannot be split by input features");
        }
        if (!constant(1) || !constant(2)) {
            return std::string("the Gemm's weights must be constants");
        }
        if (n.inputs.size() > 2 && !n.inputs[2].empty() && n.attrFloat("beta", 1.f) != 1.f) {
            return std::string("a Gemm with beta != 1 cannot be split by input features");
        }
        return std::nullopt;
    }
    if (n.opType == "MatMul") {
        if (!constant(1) || shapeOf(g, n.inputs[1]).size() != 2 || shapeOf(g, n.inputs[0]).size() != 2) {
            return std::string("only a 2-D MatMul with constant 2-D weights can be split by input features");
        }
        return std::nullopt;
    }
    return "LIP splits the input channels of a Conv, Gemm or MatMul; the stage starts with " + n.opType;
}

std::map<std::string, Region> receptiveRegions(const Graph& graph, std::size_t first, std::size_t last,
                                               const Region& need) {
    const detail::RangeGeometry geo =
        detail::backPropagate(graph, first, last, {{graph.nodes.at(last).outputs.at(0), need}});
    std::map<std::string, Region> entering;
    for (const auto& [value, region] : geo.need) {
        const auto producer = graph.producer(value);
        if (!region.empty() && !graph.isInitializer(value) && (!producer || *producer < first)) {
            entering[value] = region;
        }
    }
    return entering;
}

} // namespace tessera::partition
