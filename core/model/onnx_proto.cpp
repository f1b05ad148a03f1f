#include "core/model/onnx_proto.h"

#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>

namespace tessera::model {
namespace {

using onnx::TensorProto_DataType;

float halfToFloat(std::uint16_t h) {
    const std::uint32_t sign = std::uint32_t(h >> 15) << 31;
    const std::uint32_t exponent = (h >> 10) & 0x1f;
    const std::uint32_t mantissa = h & 0x3ff;
    if (exponent == 0) {
        // zero or subnormal: mantissa * 2^-24
        const float magnitude = std::ldexp(float(mantissa), -24);
        return sign ? -magnitude : magnitude;
    }
    if (exponent == 31) {
        return std::bit_cast<float>(sign | 0x7f800000u | (mantissa << 13));
    }
    return std::bit_cast<float>(sign | ((exponent + 112) << 23) | (mantissa << 13));
}

Expected<std::string> externalBytes(const onnx::TensorProto& proto, const std::string& baseDir) {
    std::string location;
    std::int64_t offset = 0;
    std::int64_t length = -1;
    for (const auto& entry : proto.external_data()) {
        if (entry.key() == "location") {
            location = entry.value();
        } else if (entry.key() == "offset" || entry.key() == "length") {
            const std::string& text = entry.value();
            std::int64_t value = 0;
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
            if (ec != std::errc() || end != text.data() + text.size() || value < 0) {
                return Error{ErrorCode::InvalidModel, "initializer '" + proto.name() + "': external data " +
                                                          entry.key() + " '" + text +
                                                          "' is not a whole number of bytes"};
            }
            (entry.key() == "offset" ? offset : length) = value;
        }
    }
    if (location.empty() || location.find("..") != std::string::npos || location.front() == '/') {
        return Error{ErrorCode::InvalidModel, "initializer '" + proto.name() + "': external data location '" +
                                                  location + "' must be a file beside the model"};
    }
    const std::string path = baseDir.empty() ? location : baseDir + "/" + location;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Error{ErrorCode::Io,
                     "initializer '" + proto.name() + "': cannot open external data file " + path};
    }
    in.seekg(0, std::ios::end);
    const std::int64_t fileSize = in.tellg();
    if (length < 0 && offset <= fileSize) {
        length = fileSize - offset;
    }
    if (fileSize < 0 || offset > fileSize || length > fileSize - offset) {
        return Error{ErrorCode::Parse, "initializer '" + proto.name() + "': external data " + path +
                                           " is shorter than the tensor needs (truncated file?)"};
    }
    std::string bytes(std::size_t(length), '\0');
    in.seekg(offset);
    in.read(bytes.data(), length);
    return bytes;
}

template <typename T> std::vector<T> unpackRaw(const std::string& raw) {
    std::vector<T> out(raw.size() / sizeof(T));
    std::memcpy(out.data(), raw.data(), out.size() * sizeof(T));
    return out;
}

} // namespace

std::optional<DType> dtypeFromProto(int protoType) {
    switch (protoType) {
    case onnx::TensorProto::FLOAT:
    case onnx::TensorProto::FLOAT16:
    case onnx::TensorProto::DOUBLE:
        return DType::Float32;
    case onnx::TensorProto::INT64:
        return DType::Int64;
    case onnx::TensorProto::INT32:
        return DType::Int32;
    case onnx::TensorProto::INT8:
        return DType::Int8;
    case onnx::TensorProto::UINT8:
        return DType::UInt8;
    case onnx::TensorProto::BOOL:
        return DType::Bool;
    default:
        return std::nullopt;
    }
}

int dtypeToProto(DType type) {
    switch (type) {
    case DType::Float32:
        return onnx::TensorProto::FLOAT;
    case DType::Int64:
        return onnx::TensorProto::INT64;
    case DType::Int32:
        return onnx::TensorProto::INT32;
    case DType::Int8:
        return onnx::TensorProto::INT8;
    case DType::UInt8:
        return onnx::TensorProto::UINT8;
    case DType::Bool:
        return onnx::TensorProto::BOOL;
    }
    return onnx::TensorProto::UNDEFINED;
}

Expected<Tensor> fromProto(const onnx::TensorProto& proto, const std::string& baseDir) {
    const auto dtype = dtypeFromProto(proto.data_type());
    if (!dtype) {
        return Error{ErrorCode::Unsupported,
                     "tensor '" + proto.name() + "' has element type " +
                         onnx::TensorProto_DataType_Name(TensorProto_DataType(proto.data_type())) +
                         ", which Tessera does not support (use float32/float16 weights)"};
    }
    Tensor t;
    t.dtype = *dtype;
    for (auto d : proto.dims()) {
        if (d < 0) {
            return Error{ErrorCode::Parse, "tensor '" + proto.name() + "' has a negative dimension"};
        }
        t.shape.push_back(d);
    }
    const auto count = std::size_t(t.elements());

    std::string external;
    bool hasRaw = proto.has_raw_data();
    if (proto.data_location() == onnx::TensorProto::EXTERNAL) {
        auto bytes = externalBytes(proto, baseDir);
        if (!bytes) {
            return bytes.error();
        }
        external = std::move(*bytes);
        hasRaw = true;
    }
    // no copy of the proto's bytes: unpacking below is the only copy
    const std::string& raw = external.empty() ? proto.raw_data() : external;

    const int type = proto.data_type();
    std::size_t got = 0;
    if (type == onnx::TensorProto::FLOAT) {
        t.floats = hasRaw ? unpackRaw<float>(raw)
                          : std::vector<float>(proto.float_data().begin(), proto.float_data().end());
        got = t.floats.size();
    } else if (type == onnx::TensorProto::FLOAT16) {
        // typed fp16 values are stored one per int32_data entry (low 16 bits)
        std::vector<std::uint16_t> halves =
            hasRaw ? unpackRaw<std::uint16_t>(raw)
                   : std::vector<std::uint16_t>(proto.int32_data().begin(), proto.int32_data().end());
        t.floats.reserve(halves.size());
        for (auto h : halves) {
            t.floats.push_back(halfToFloat(h));
        }
        got = t.floats.size();
    } else if (type == onnx::TensorProto::DOUBLE) {
        std::vector<double> doubles =
            hasRaw ? unpackRaw<double>(raw)
                   : std::vector<double>(proto.double_data().begin(), proto.double_data().end());
        t.floats.assign(doubles.begin(), doubles.end());
        got = t.floats.size();
    } else if (type == onnx::TensorProto::INT64) {
        t.ints = hasRaw ? unpackRaw<std::int64_t>(raw)
                        : std::vector<std::int64_t>(proto.int64_data().begin(), proto.int64_data().end());
        got = t.ints.size();
    } else if (type == onnx::TensorProto::INT32) {
        std::vector<std::int32_t> v =
            hasRaw ? unpackRaw<std::int32_t>(raw)
                   : std::vector<std::int32_t>(proto.int32_data().begin(), proto.int32_data().end());
        t.ints.assign(v.begin(), v.end());
        got = t.ints.size();
    } else if (type == onnx::TensorProto::INT8) {
        std::vector<std::int8_t> v =
            hasRaw ? unpackRaw<std::int8_t>(raw)
                   : std::vector<std::int8_t>(proto.int32_data().begin(), proto.int32_data().end());
        t.ints.assign(v.begin(), v.end());
        got = t.ints.size();
    } else { // UINT8, BOOL
        std::vector<std::uint8_t> v =
            hasRaw ? unpackRaw<std::uint8_t>(raw)
                   : std::vector<std::uint8_t>(proto.int32_data().begin(), proto.int32_data().end());
        t.ints.assign(v.begin(), v.end());
        got = t.ints.size();
    }
    if (got != count) {
        return Error{ErrorCode::Parse, "tensor '" + proto.name() + "' declares shape " + toString(t.shape) +
                                           " (" + std::to_string(count) + " elements) but holds " +
                                           std::to_string(got) + " (truncated or corrupt data)"};
    }
    return t;
}

Expected<Node> fromProto(const onnx::NodeProto& proto, const std::string& baseDir) {
    Node node;
    node.name = proto.name();
    node.opType = proto.op_type();
    node.domain = proto.domain() == "ai.onnx" ? "" : proto.domain();
    node.inputs.assign(proto.input().begin(), proto.input().end());
    node.outputs.assign(proto.output().begin(), proto.output().end());
    for (const auto& a : proto.attribute()) {
        switch (a.type()) {
        case onnx::AttributeProto::INT:
            node.attributes[a.name()] = std::int64_t(a.i());
            break;
        case onnx::AttributeProto::FLOAT:
            node.attributes[a.name()] = a.f();
            break;
        case onnx::AttributeProto::STRING:
            node.attributes[a.name()] = a.s();
            break;
        case onnx::AttributeProto::INTS:
            node.attributes[a.name()] = std::vector<std::int64_t>(a.ints().begin(), a.ints().end());
            break;
        case onnx::AttributeProto::FLOATS:
            node.attributes[a.name()] = std::vector<float>(a.floats().begin(), a.floats().end());
            break;
        case onnx::AttributeProto::STRINGS:
            node.attributes[a.name()] = std::vector<std::string>(a.strings().begin(), a.strings().end());
            break;
        case onnx::AttributeProto::TENSOR: {
            auto t = fromProto(a.t(), baseDir);
            if (!t) {
                return t.error().withContext("attribute '" + a.name() + "'");
            }
            node.attributes[a.name()] = std::move(*t);
            break;
        }
        default:
            return Error{ErrorCode::Unsupported,
                         "attribute '" + a.name() +
                             "' is a sub-graph or sparse tensor, which Tessera does not support"};
        }
    }
    return node;
}

Expected<ValueInfo> fromProto(const onnx::ValueInfoProto& proto) {
    ValueInfo v;
    v.name = proto.name();
    if (!proto.type().has_tensor_type()) {
        return Error{ErrorCode::Unsupported,
                     "value '" + proto.name() + "' is not a tensor (sequences and maps are not supported)"};
    }
    const auto& tt = proto.type().tensor_type();
    const auto dtype = dtypeFromProto(tt.elem_type());
    if (!dtype) {
        return Error{ErrorCode::Unsupported,
                     "value '" + proto.name() + "' has unsupported element type " +
                         onnx::TensorProto_DataType_Name(TensorProto_DataType(tt.elem_type()))};
    }
    v.dtype = *dtype;
    if (tt.has_shape()) {
        for (const auto& d : tt.shape().dim()) {
            v.shape.push_back(d.has_dim_value() ? d.dim_value() : -1);
        }
    } else {
        v.shape = {-1}; // unknown rank
    }
    return v;
}

void toProto(const Tensor& tensor, const std::string& name, onnx::TensorProto& out) {
    out.set_name(name);
    out.set_data_type(dtypeToProto(tensor.dtype));
    for (auto d : tensor.shape) {
        out.add_dims(d);
    }
    if (tensor.elements() == 0) {
        return; // the checker refuses data (even empty raw_data) in a 0-element tensor
    }
    switch (tensor.dtype) {
    case DType::Float32:
        out.set_raw_data(
            std::string(reinterpret_cast<const char*>(tensor.floats.data()), tensor.floats.size() * 4));
        break;
    case DType::Int64:
        out.set_raw_data(
            std::string(reinterpret_cast<const char*>(tensor.ints.data()), tensor.ints.size() * 8));
        break;
    default:
        for (auto v : tensor.ints) {
            out.add_int32_data(std::int32_t(v));
        }
        break;
    }
}

void toProto(const Node& node, onnx::NodeProto& out) {
    out.set_name(node.name);
    out.set_op_type(node.opType);
    if (!node.domain.empty()) {
        out.set_domain(node.domain);
    }
    for (const auto& in : node.inputs) {
        out.add_input(in);
    }
    for (const auto& o : node.outputs) {
        out.add_output(o);
    }
    for (const auto& attribute : node.attributes) {
        // named, not a structured binding: clang before 16 cannot capture those in the lambda below
        const std::string& attrName = attribute.first;
        const auto& value = attribute.second;
        auto* a = out.add_attribute();
        a->set_name(attrName);
        std::visit(
            [a, &attrName](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::int64_t>) {
                    a->set_type(onnx::AttributeProto::INT);
                    a->set_i(v);
                } else if constexpr (std::is_same_v<T, float>) {
                    a->set_type(onnx::AttributeProto::FLOAT);
                    a->set_f(v);
                } else if constexpr (std::is_same_v<T, std::string>) {
                    a->set_type(onnx::AttributeProto::STRING);
                    a->set_s(v);
                } else if constexpr (std::is_same_v<T, std::vector<std::int64_t>>) {
                    a->set_type(onnx::AttributeProto::INTS);
                    for (auto x : v) {
                        a->add_ints(x);
                    }
                } else if constexpr (std::is_same_v<T, std::vector<float>>) {
                    a->set_type(onnx::AttributeProto::FLOATS);
                    for (auto x : v) {
                        a->add_floats(x);
                    }
                } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                    a->set_type(onnx::AttributeProto::STRINGS);
                    for (const auto& x : v) {
                        a->add_strings(x);
                    }
                } else {
                    a->set_type(onnx::AttributeProto::TENSOR);
                    toProto(v, attrName, *a->mutable_t());
                }
            },
            value);
    }
}

void toProto(const ValueInfo& value, onnx::ValueInfoProto& out) {
    out.set_name(value.name);
    auto* tt = out.mutable_type()->mutable_tensor_type();
    tt->set_elem_type(dtypeToProto(value.dtype));
    auto* shape = tt->mutable_shape();
    for (auto d : value.shape) {
        auto* dim = shape->add_dim();
        if (d >= 0) {
            dim->set_dim_value(d);
        }
    }
}

namespace {

onnx::ModelProto graphProto(const Graph& graph, std::int64_t opset, const std::string& producer,
                            std::int64_t maxInlineElements) {
    onnx::ModelProto model;
    model.set_ir_version(8); // ONNX 1.10+ (opset <= 17 here)
    model.set_producer_name(producer);
    auto* op = model.add_opset_import();
    op->set_domain("");
    op->set_version(opset);
    auto* g = model.mutable_graph();
    g->set_name(graph.name.empty() ? "tessera" : graph.name);
    for (const auto& in : graph.inputs) {
        toProto(in, *g->add_input());
    }
    for (const auto& [name, tensor] : graph.initializers) {
        if (maxInlineElements < 0 || tensor.elements() <= maxInlineElements) {
            toProto(tensor, name, *g->add_initializer());
        } else {
            toProto(ValueInfo{name, tensor.dtype, tensor.shape}, *g->add_input());
        }
    }
    for (const auto& node : graph.nodes) {
        toProto(node, *g->add_node());
    }
    for (const auto& out : graph.outputs) {
        auto* vp = g->add_output();
        toProto(out, *vp);
        if (maxInlineElements >= 0) {
            // for shape inference: declare only the element type, let inference find the shape
            vp->mutable_type()->mutable_tensor_type()->clear_shape();
        }
    }
    return model;
}

} // namespace

onnx::ModelProto toModelProto(const Graph& graph, std::int64_t opset, const std::string& producer) {
    auto model = graphProto(graph, opset, producer, -1);
    // Intermediate shapes help viewers (Netron) and make the file self-describing.
    auto* g = model.mutable_graph();
    for (const auto& node : graph.nodes) {
        for (const auto& out : node.outputs) {
            const ValueInfo* v = graph.value(out);
            const bool isOutput = std::any_of(graph.outputs.begin(), graph.outputs.end(),
                                              [&](const ValueInfo& o) { return o.name == out; });
            if (v && !isOutput) {
                toProto(*v, *g->add_value_info());
            }
        }
    }
    return model;
}

onnx::ModelProto toSkeletonProto(const Graph& graph, std::int64_t opset, std::int64_t maxInlineElements) {
    return graphProto(graph, opset, "tessera", maxInlineElements);
}

} // namespace tessera::model
