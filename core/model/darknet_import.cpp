// Darknet reader: maps each cfg layer onto ONNX operators in the graph IR, optionally filling the weights
// from a .weights file, then runs the shared import pipeline (so ONNX shape inference checks our mapping).
//
// Layer mapping (see docs/file-formats.md for the details and the reorg derivation):
//   convolutional -> Conv [+ BatchNormalization] [+ activation]     maxpool -> MaxPool (Darknet padding)
//   avgpool -> GlobalAveragePool        connected -> [Flatten] Gemm [+ BatchNormalization] [+ activation]
//   route -> alias or Concat            shortcut -> Add [+ activation]
//   reorg -> Reshape, SpaceToDepth, Reshape (reproduces Darknet's channel order exactly)
//   region -> Reshape, Split, Sigmoid/Softmax, Concat, Reshape (Darknet's region activations)
//   softmax -> [Flatten] Softmax        dropout -> alias (inference no-op)      cost -> ignored (training
//   only)

#include <cstring>
#include <fstream>
#include <iterator>
#include <set>

#include "core/base/sha256.h"
#include "core/model/darknet_cfg.h"
#include "core/model/import_pipeline.h"

namespace tessera::model {
namespace {

using darknet::Options;
using darknet::Section;

constexpr std::int64_t kOpset = 13;

struct LayerOut {
    std::string name;
    std::int64_t c = 0, h = 0, w = 0;
    bool flat = false; // 2-D [1, c] rather than [1, c, h, w]
};

class Builder {
public:
    Builder(Graph& graph, std::string source)
        : m_g(graph)
        , m_source(std::move(source)) {}

    Status net(const Section& s, const ImportOptions& options);
    Status layer(const Section& s, int index);
    const LayerOut& current() const { return m_cur; }
    const std::vector<std::string>& weightOrder() const { return m_weightOrder; }

private:
    Status convolutional(const Options& o, const std::string& name);
    Status maxpool(const Options& o, const std::string& name);
    Status connected(const Options& o, const std::string& name);
    Status route(const Options& o, const std::string& name, int index);
    Status shortcut(const Options& o, const std::string& name, int index);
    Status reorg(const Options& o, const std::string& name);
    Status region(const Options& o, const std::string& name);
    Status softmax(const Options& o, const std::string& name);
    Status activation(const Options& o, const std::string& name);
    Expected<int> layerRef(const Options& o, const std::string& key, int value, int index) const;

    std::string weight(const std::string& name, Shape shape, bool loaded = true) {
        m_g.initializers[name] =
            Tensor::fromFloats(shape, std::vector<float>(std::size_t(elementCount(shape)), 0.f));
        if (loaded) {
            m_weightOrder.push_back(name);
        }
        return name;
    }
    std::string ints(const std::string& name, std::vector<std::int64_t> values) {
        m_g.initializers[name] = Tensor::fromInts({std::int64_t(values.size())}, values);
        return name;
    }
    std::string add(const std::string& op, const std::string& name, std::vector<std::string> inputs,
                    std::map<std::string, AttrValue> attrs = {}, std::vector<std::string> outputs = {}) {
        if (outputs.empty()) {
            outputs = {name};
        }
        m_g.nodes.push_back(Node{name, op, "", std::move(inputs), outputs, std::move(attrs)});
        return outputs.front();
    }
    void flatten(const std::string& name) {
        if (!m_cur.flat) {
            m_cur.name = add("Flatten", name + "_flatten", {m_cur.name}, {{"axis", std::int64_t(1)}});
            m_cur = LayerOut{m_cur.name, m_cur.c * m_cur.h * m_cur.w, 1, 1, true};
        }
    }

    Graph& m_g;
    std::string m_source;
    LayerOut m_cur;
    std::vector<LayerOut> m_layers;
    std::vector<std::string> m_weightOrder;
};

#define TRY_ASSIGN(var, expr)                                                                                \
    auto var##_result = (expr);                                                                              \
    if (!var##_result) {                                                                                     \
        return var##_result.error();                                                                         \
    }                                                                                                        \
    auto var = *var##_result

Status Builder::net(const Section& s, const ImportOptions& options) {
    Options o(s, m_source);
    TRY_ASSIGN(width, o.integer("width"));
    TRY_ASSIGN(height, o.integer("height"));
    TRY_ASSIGN(channels, o.integer("channels", 3));
    Shape shape{1, channels, height, width};
    if (!options.inputShapes.empty()) {
        const Shape& given = options.inputShapes.begin()->second;
        if (given.size() != 4 || given[0] != 1 || given[1] != channels) {
            return Error{ErrorCode::InvalidArgument,
                         m_source + ": the input shape of a Darknet network is 1," +
                             std::to_string(channels) + ",H,W; got " + toString(given)};
        }
        shape = given;
    }
    if (shape[2] <= 0 || shape[3] <= 0) {
        return o.error("width and height must be positive");
    }
    m_g.inputs.push_back(ValueInfo{"input", DType::Float32, shape});
    m_cur = LayerOut{"input", shape[1], shape[2], shape[3], false};
    return {};
}

Status Builder::activation(const Options& o, const std::string& name) {
    const std::string act = o.text("activation", "logistic");
    if (act == "linear") {
        return {};
    }
    if (act == "leaky") {
        m_cur.name = add("LeakyRelu", name + "_leaky", {m_cur.name}, {{"alpha", 0.1f}});
    } else if (act == "relu") {
        m_cur.name = add("Relu", name + "_relu", {m_cur.name});
    } else if (act == "relu6") {
        m_g.initializers[name + "_min"] = Tensor::fromFloats({}, {0.f});
        m_g.initializers[name + "_max"] = Tensor::fromFloats({}, {6.f});
        m_cur.name = add("Clip", name + "_relu6", {m_cur.name, name + "_min", name + "_max"});
    } else if (act == "logistic") {
        m_cur.name = add("Sigmoid", name + "_logistic", {m_cur.name});
    } else if (act == "tanh") {
        m_cur.name = add("Tanh", name + "_tanh", {m_cur.name});
    } else {
        return o.error("activation",
                       "'" + act +
                           "' is not supported (supported: linear, leaky, relu, relu6, logistic, tanh)");
    }
    return {};
}

Status Builder::convolutional(const Options& o, const std::string& name) {
    TRY_ASSIGN(filters, o.integer("filters"));
    TRY_ASSIGN(size, o.integer("size", 1));
    TRY_ASSIGN(stride, o.integer("stride", 1));
    TRY_ASSIGN(pad, o.integer("pad", 0));
    TRY_ASSIGN(explicitPadding, o.integer("padding", 0));
    TRY_ASSIGN(groups, o.integer("groups", 1));
    TRY_ASSIGN(bn, o.integer("batch_normalize", 0));
    const int padding = pad ? size / 2 : explicitPadding;
    if (filters <= 0 || size <= 0 || stride <= 0 || groups <= 0) {
        return o.error("filters, size, stride and groups must be positive");
    }
    if (m_cur.flat) {
        return o.error("follows a layer with a flat (1-D) output");
    }
    if (m_cur.c % groups || filters % groups) {
        return o.error("groups", std::to_string(groups) + " does not divide the " + std::to_string(m_cur.c) +
                                     " input channels and the " + std::to_string(filters) + " filters");
    }
    // a filter bank beyond 1 GiB is no real network's (VGG-16's largest layer holds 392 MiB) and would be
    // allocated here when no .weights file gives it
    constexpr std::int64_t kMaxWeights = std::int64_t(1) << 28; // floats
    if (std::int64_t(filters) * (m_cur.c / groups) * size * size > kMaxWeights) {
        return o.error("filters", std::to_string(filters) + " filters of " + std::to_string(size) + "x" +
                                      std::to_string(size) + "x" + std::to_string(m_cur.c / groups) +
                                      " are more than the 1 GiB of weights a layer may hold");
    }
    const std::int64_t outH = (m_cur.h + 2 * padding - size) / stride + 1;
    const std::int64_t outW = (m_cur.w + 2 * padding - size) / stride + 1;
    if (outH <= 0 || outW <= 0) {
        return o.error("the " + std::to_string(size) + "x" + std::to_string(size) +
                       " kernel does not fit the " + std::to_string(m_cur.h) + "x" + std::to_string(m_cur.w) +
                       " input");
    }
    // .weights order: biases (or BN beta), [BN scales, means, variances], then the filters.
    const std::string bias = weight(name + (bn ? "_bn_bias" : "_bias"), {filters});
    std::string scale, mean, var;
    if (bn) {
        scale = weight(name + "_bn_scale", {filters});
        mean = weight(name + "_bn_mean", {filters});
        var = weight(name + "_bn_var", {filters});
    }
    const std::string w = weight(name + "_weights", {filters, m_cur.c / groups, size, size});
    std::vector<std::string> convInputs{m_cur.name, w};
    if (!bn) {
        convInputs.push_back(bias);
    }
    const std::int64_t p = padding;
    m_cur.name = add("Conv", name, convInputs,
                     {{"kernel_shape", std::vector<std::int64_t>{size, size}},
                      {"strides", std::vector<std::int64_t>{stride, stride}},
                      {"pads", std::vector<std::int64_t>{p, p, p, p}},
                      {"group", std::int64_t(groups)}});
    if (bn) {
        m_cur.name = add("BatchNormalization", name + "_bn", {m_cur.name, scale, bias, mean, var},
                         {{"epsilon", 1e-5f}});
    }
    m_cur.c = filters;
    m_cur.h = outH;
    m_cur.w = outW;
    return activation(o, name);
}

Status Builder::maxpool(const Options& o, const std::string& name) {
    TRY_ASSIGN(stride, o.integer("stride", 1));
    TRY_ASSIGN(size, o.integer("size", stride));
    TRY_ASSIGN(padding, o.integer("padding", size - 1));
    if (size <= 0 || stride <= 0 || padding < 0) {
        return o.error("size and stride must be positive and padding not negative");
    }
    if (m_cur.flat) {
        return o.error("follows a layer with a flat (1-D) output");
    }
    // Darknet pads `padding` in total: padding/2 before, the rest after; out = (in + padding - size)/stride
    // + 1.
    const std::int64_t before = padding / 2;
    const std::int64_t after = padding - before;
    if (after >= size) {
        return o.error("padding", std::to_string(padding) + " is too large for a " + std::to_string(size) +
                                      "-wide window");
    }
    const std::int64_t outH = (m_cur.h + padding - size) / stride + 1;
    const std::int64_t outW = (m_cur.w + padding - size) / stride + 1;
    m_cur.name = add("MaxPool", name, {m_cur.name},
                     {{"kernel_shape", std::vector<std::int64_t>{size, size}},
                      {"strides", std::vector<std::int64_t>{stride, stride}},
                      {"pads", std::vector<std::int64_t>{before, before, after, after}}});
    m_cur.h = outH;
    m_cur.w = outW;
    return {};
}

Status Builder::connected(const Options& o, const std::string& name) {
    TRY_ASSIGN(outputs, o.integer("output"));
    TRY_ASSIGN(bn, o.integer("batch_normalize", 0));
    if (outputs <= 0) {
        return o.error("output", "must be positive");
    }
    flatten(name);
    // .weights order: biases, weights [outputs x inputs], then BN scales, means, variances.
    const std::string bias = weight(name + (bn ? "_bn_bias" : "_bias"), {outputs});
    const std::string w = weight(name + "_weights", {outputs, m_cur.c});
    std::vector<std::string> inputs{m_cur.name, w};
    if (!bn) {
        inputs.push_back(bias);
    }
    m_cur.name = add("Gemm", name, inputs, {{"transB", std::int64_t(1)}});
    if (bn) {
        const std::string scale = weight(name + "_bn_scale", {outputs});
        const std::string mean = weight(name + "_bn_mean", {outputs});
        const std::string var = weight(name + "_bn_var", {outputs});
        m_cur.name = add("BatchNormalization", name + "_bn", {m_cur.name, scale, bias, mean, var},
                         {{"epsilon", 1e-5f}});
    }
    m_cur.c = outputs;
    return activation(o, name);
}

Expected<int> Builder::layerRef(const Options& o, const std::string& key, int value, int index) const {
    const int ref = value < 0 ? index + value : value;
    if (ref < 0 || ref >= index) {
        return o.error(key, std::to_string(value) + " refers to layer " + std::to_string(ref) +
                                ", which is not an earlier layer (0.." + std::to_string(index - 1) + ")");
    }
    return ref;
}

Status Builder::route(const Options& o, const std::string& name, int index) {
    TRY_ASSIGN(refs, o.integers("layers"));
    std::vector<LayerOut> parts;
    for (int r : refs) {
        TRY_ASSIGN(ref, layerRef(o, "layers", r, index));
        parts.push_back(m_layers[std::size_t(ref)]);
    }
    if (parts.size() == 1) {
        m_cur = parts.front();
        return {};
    }
    std::vector<std::string> names;
    std::int64_t channels = 0;
    for (const auto& p : parts) {
        if (p.h != parts[0].h || p.w != parts[0].w || p.flat != parts[0].flat) {
            return o.error("layers", "routed layers differ in size (" + std::to_string(p.h) + "x" +
                                         std::to_string(p.w) + " vs " + std::to_string(parts[0].h) + "x" +
                                         std::to_string(parts[0].w) + ")");
        }
        names.push_back(p.name);
        channels += p.c;
    }
    m_cur = parts[0];
    m_cur.c = channels;
    m_cur.name = add("Concat", name, names, {{"axis", std::int64_t(1)}});
    return {};
}

Status Builder::shortcut(const Options& o, const std::string& name, int index) {
    TRY_ASSIGN(from, o.integer("from"));
    TRY_ASSIGN(ref, layerRef(o, "from", from, index));
    const LayerOut& other = m_layers[std::size_t(ref)];
    if (other.c != m_cur.c || other.h != m_cur.h || other.w != m_cur.w) {
        return o.error("from",
                       "layer " + std::to_string(ref) + " (" + std::to_string(other.c) + "x" +
                           std::to_string(other.h) + "x" + std::to_string(other.w) +
                           ") does not match the current output; only same-size shortcuts are supported");
    }
    m_cur.name = add("Add", name, {m_cur.name, other.name});
    return activation(o, name);
}

Status Builder::reorg(const Options& o, const std::string& name) {
    TRY_ASSIGN(stride, o.integer("stride", 1));
    if (o.text("reverse", "0") != "0" || o.text("flatten", "0") != "0" || o.text("extra", "0") != "0") {
        return o.error("only the plain (forward) reorg is supported");
    }
    const std::int64_t s = stride;
    if (s <= 0 || m_cur.c % (s * s) || m_cur.h % s || m_cur.w % s) {
        return o.error("stride", std::to_string(stride) +
                                     " must divide the height and width, and its square the channels (" +
                                     std::to_string(m_cur.c) + "x" + std::to_string(m_cur.h) + "x" +
                                     std::to_string(m_cur.w) + ")");
    }
    // Darknet's reorg reads its CxHxW input as if it were (C/s^2)x(H*s)x(W*s) and applies a space-to-depth to
    // that view; the result, read flat, is the (C*s^2)x(H/s)x(W/s) output.
    const std::string view =
        add("Reshape", name + "_view",
            {m_cur.name, ints(name + "_view_shape", {1, m_cur.c / (s * s), m_cur.h * s, m_cur.w * s})});
    const std::string s2d = add("SpaceToDepth", name + "_s2d", {view}, {{"blocksize", s}});
    m_cur = LayerOut{"", m_cur.c * s * s, m_cur.h / s, m_cur.w / s, false};
    m_cur.name = add("Reshape", name, {s2d, ints(name + "_shape", {1, m_cur.c, m_cur.h, m_cur.w})});
    return {};
}

Status Builder::region(const Options& o, const std::string& name) {
    TRY_ASSIGN(classes, o.integer("classes", 20));
    TRY_ASSIGN(coords, o.integer("coords", 4));
    TRY_ASSIGN(num, o.integer("num", 1));
    TRY_ASSIGN(useSoftmax, o.integer("softmax", 0));
    if (coords != 4) {
        return o.error("coords", "only 4 box coordinates are supported");
    }
    const std::int64_t entries = coords + 1 + classes;
    if (m_cur.flat || m_cur.c != num * entries) {
        return o.error("expects num*(coords+1+classes) = " + std::to_string(num * entries) +
                       " channels, the input has " + std::to_string(m_cur.c));
    }
    // Per anchor: sigmoid on x, y and objectness; softmax (or sigmoid) over the class scores; w, h unchanged.
    const std::string grid =
        add("Reshape", name + "_anchors",
            {m_cur.name, ints(name + "_anchors_shape", {1, num, entries, m_cur.h, m_cur.w})});
    const std::vector<std::string> parts{name + "_xy", name + "_wh", name + "_obj", name + "_cls"};
    add("Split", name + "_split", {grid, ints(name + "_split_sizes", {2, 2, 1, classes})},
        {{"axis", std::int64_t(2)}}, parts);
    const std::string xy = add("Sigmoid", name + "_xy_sigmoid", {parts[0]});
    const std::string obj = add("Sigmoid", name + "_obj_sigmoid", {parts[2]});
    const std::string cls =
        useSoftmax ? add("Softmax", name + "_cls_softmax", {parts[3]}, {{"axis", std::int64_t(2)}})
                   : add("Sigmoid", name + "_cls_sigmoid", {parts[3]});
    const std::string joined =
        add("Concat", name + "_join", {xy, parts[1], obj, cls}, {{"axis", std::int64_t(2)}});
    m_cur.name = add("Reshape", name, {joined, ints(name + "_shape", {1, m_cur.c, m_cur.h, m_cur.w})});
    return {};
}

Status Builder::softmax(const Options& o, const std::string& name) {
    TRY_ASSIGN(groups, o.integer("groups", 1));
    if (groups != 1) {
        return o.error("groups", "grouped softmax is not supported");
    }
    flatten(name);
    m_cur.name = add("Softmax", name, {m_cur.name}, {{"axis", std::int64_t(1)}});
    return {};
}

Status Builder::layer(const Section& s, int index) {
    Options o(s, m_source);
    const std::string id = std::to_string(index);
    Status status;
    if (s.type == "convolutional" || s.type == "conv") {
        status = convolutional(o, "conv_" + id);
    } else if (s.type == "maxpool" || s.type == "max") {
        status = maxpool(o, "maxpool_" + id);
    } else if (s.type == "avgpool" || s.type == "avg") {
        if (m_cur.flat) {
            return o.error("follows a layer with a flat (1-D) output");
        }
        m_cur.name = add("GlobalAveragePool", "avgpool_" + id, {m_cur.name});
        m_cur.h = m_cur.w = 1;
    } else if (s.type == "connected") {
        status = connected(o, "fc_" + id);
    } else if (s.type == "route") {
        status = route(o, "route_" + id, index);
    } else if (s.type == "shortcut") {
        status = shortcut(o, "shortcut_" + id, index);
    } else if (s.type == "reorg") {
        status = reorg(o, "reorg_" + id);
    } else if (s.type == "region") {
        status = region(o, "region_" + id);
    } else if (s.type == "softmax") {
        status = softmax(o, "softmax_" + id);
    } else if (s.type == "dropout" || s.type == "cost") {
        // inference no-ops: the layer's output is its input
    } else {
        // Collected by the caller, which reads on to list every unsupported type: the layer's input stands in
        // for its output, so that later route/shortcut references still index the layers they name.
        m_layers.push_back(m_cur);
        return Error{ErrorCode::Unsupported, "[" + s.type + "]"};
    }
    if (status) {
        m_layers.push_back(m_cur);
    }
    return status;
}

#undef TRY_ASSIGN

Expected<std::string> readAll(const std::string& path, const char* what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Error{ErrorCode::Io, path + ": cannot open " + what + " (does it exist and is it readable?)"};
    }
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Fills the weights in .weights order. Header: int32 major, minor, revision; then `seen` as uint64 when
// major*10+minor >= 2, else uint32. Then raw float32 values.
Status loadWeights(Graph& g, const std::vector<std::string>& order, const std::string& bytes,
                   const std::string& path) {
    if (bytes.size() < 16) {
        return Error{ErrorCode::Parse, path + ": too short for a Darknet weights header (" +
                                           std::to_string(bytes.size()) + " bytes; truncated?)"};
    }
    std::int32_t header[3];
    std::memcpy(header, bytes.data(), sizeof(header));
    if (header[0] < 0 || header[0] > 1000 || header[1] < 0 || header[1] > 1000) {
        return Error{ErrorCode::Parse, path + ": header version " + std::to_string(header[0]) + "." +
                                           std::to_string(header[1]) + " is not a Darknet weights file"};
    }
    std::size_t offset = 12 + ((header[0] * 10 + header[1]) >= 2 ? 8 : 4);
    for (const auto& name : order) {
        Tensor& t = g.initializers.at(name);
        const std::size_t need = t.floats.size() * sizeof(float);
        if (offset + need > bytes.size()) {
            const std::size_t layer = name.find('_', name.find('_') + 1);
            return Error{ErrorCode::Parse, path + ": ends at byte " + std::to_string(bytes.size()) +
                                               " while reading '" + name + "' of layer " +
                                               name.substr(0, layer) + " (needs " + std::to_string(need) +
                                               " bytes from byte " + std::to_string(offset) +
                                               "): the file is truncated or belongs to a different .cfg"};
        }
        std::memcpy(t.floats.data(), bytes.data() + offset, need);
        offset += need;
    }
    if (offset != bytes.size()) {
        return Error{ErrorCode::Parse,
                     path + ": " + std::to_string(bytes.size() - offset) +
                         " bytes left after the last layer's weights: the file belongs to a different .cfg"};
    }
    return {};
}

} // namespace

Expected<Model> loadDarknet(const std::string& cfgPath, const ImportOptions& options) {
    auto text = readAll(cfgPath, "Darknet cfg");
    if (!text) {
        return text.error();
    }
    return loadDarknetText(*text, cfgPath, options);
}

Expected<Model> loadDarknetText(const std::string& cfgText, const std::string& cfgPath,
                                const ImportOptions& options) {
    const std::string* text = &cfgText;
    auto sections = darknet::parseCfg(*text, cfgPath);
    if (!sections) {
        return sections.error();
    }
    Model model;
    model.path = cfgPath;
    model.format = "darknet";
    model.opset = kOpset;
    model.producer = "darknet cfg";
    Sha256 hash;
    hash.update(text->data(), text->size());

    Builder builder(model.graph, cfgPath);
    if (auto s = builder.net(sections->front(), options); !s) {
        return s.error();
    }
    std::vector<std::string> unsupported;
    for (std::size_t i = 1; i < sections->size(); ++i) {
        const Section& s = (*sections)[i];
        auto status = builder.layer(s, int(i - 1));
        if (!status && status.error().code == ErrorCode::Unsupported &&
            status.error().message.front() == '[') {
            unsupported.push_back(status.error().message + " at line " + std::to_string(s.line));
            continue;
        }
        if (!status) {
            return status.error();
        }
    }
    if (!unsupported.empty()) {
        std::string list;
        for (const auto& u : unsupported) {
            list += (list.empty() ? "" : ", ") + u;
        }
        return Error{
            ErrorCode::Unsupported,
            cfgPath + ": layer types Tessera does not support: " + list +
                " (supported: convolutional, maxpool, avgpool, connected, route, shortcut, reorg, region, "
                "softmax, dropout)"};
    }
    const LayerOut& last = builder.current();
    model.graph.outputs.push_back(ValueInfo{last.name, DType::Float32, {}});
    model.graph.name = cfgPath;

    if (!options.darknetWeights.empty()) {
        auto bytes = readAll(options.darknetWeights, "Darknet weights");
        if (!bytes) {
            return bytes.error();
        }
        hash.update(bytes->data(), bytes->size());
        if (auto s = loadWeights(model.graph, builder.weightOrder(), *bytes, options.darknetWeights); !s) {
            return s.error();
        }
    } else {
        for (const auto& name : builder.weightOrder()) {
            model.graph.initializers[name].placeholder = true;
        }
        model.notes.push_back("no .weights file given: weights are zero (shapes and costs are exact)");
    }
    model.sha256 = hash.hexDigest();
    if (auto s = finishImport(model, options); !s) {
        return s.error();
    }
    return model;
}

} // namespace tessera::model
