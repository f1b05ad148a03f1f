#pragma once
// Test helper: builds small ONNX models with the protobuf classes and writes them to disk, so that import
// tests exercise real files (including deliberately broken ones).

#include <onnx/onnx_pb.h>

#include <fstream>
#include <string>
#include <variant>
#include <vector>

namespace tessera::test {

using Dim = std::variant<std::int64_t, std::string>; // value or symbolic name

class OnnxBuilder {
public:
    explicit OnnxBuilder(std::int64_t opset = 13) {
        m_model.set_ir_version(8);
        m_model.set_producer_name("tessera-tests");
        auto* op = m_model.add_opset_import();
        op->set_domain("");
        op->set_version(opset);
        m_model.mutable_graph()->set_name("test");
    }

    onnx::ModelProto& model() { return m_model; }
    onnx::GraphProto& graph() { return *m_model.mutable_graph(); }

    void input(const std::string& name, const std::vector<Dim>& dims, int type = onnx::TensorProto::FLOAT) {
        describe(*graph().add_input(), name, dims, type);
    }
    // An output of the given rank with symbolic dims: shape inference fills them in.
    void output(const std::string& name, int rank = 4, int type = onnx::TensorProto::FLOAT) {
        std::vector<Dim> dims;
        for (int i = 0; i < rank; ++i) {
            dims.emplace_back(std::in_place_type<std::string>, name + "_d" + std::to_string(i));
        }
        describe(*graph().add_output(), name, dims, type);
    }
    onnx::TensorProto& weights(const std::string& name, const std::vector<std::int64_t>& dims,
                               const std::vector<float>& values) {
        auto* t = graph().add_initializer();
        fill(*t, name, dims, values);
        return *t;
    }
    onnx::TensorProto& ints(const std::string& name, const std::vector<std::int64_t>& values) {
        auto* t = graph().add_initializer();
        t->set_name(name);
        t->set_data_type(onnx::TensorProto::INT64);
        t->add_dims(std::int64_t(values.size()));
        for (auto v : values) {
            t->add_int64_data(v);
        }
        return *t;
    }
    onnx::NodeProto& node(const std::string& op, const std::vector<std::string>& inputs,
                          const std::vector<std::string>& outputs, const std::string& name = {}) {
        auto* n = graph().add_node();
        n->set_op_type(op);
        n->set_name(name.empty() ? outputs.at(0) : name);
        for (const auto& i : inputs) {
            n->add_input(i);
        }
        for (const auto& o : outputs) {
            n->add_output(o);
        }
        return *n;
    }
    // Weights given as a Constant node, as PaddlePaddle exports do.
    onnx::NodeProto& constant(const std::string& name, const std::vector<std::int64_t>& dims,
                              const std::vector<float>& values) {
        auto& n = node("Constant", {}, {name});
        auto* a = n.add_attribute();
        a->set_name("value");
        a->set_type(onnx::AttributeProto::TENSOR);
        fill(*a->mutable_t(), name, dims, values);
        return n;
    }

    static void setInt(onnx::NodeProto& n, const std::string& name, std::int64_t v) {
        auto* a = n.add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INT);
        a->set_i(v);
    }
    static void setInts(onnx::NodeProto& n, const std::string& name, const std::vector<std::int64_t>& v) {
        auto* a = n.add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INTS);
        for (auto x : v) {
            a->add_ints(x);
        }
    }
    static void setString(onnx::NodeProto& n, const std::string& name, const std::string& v) {
        auto* a = n.add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::STRING);
        a->set_s(v);
    }

    std::string bytes() const { return m_model.SerializeAsString(); }
    void save(const std::string& path) const { std::ofstream(path, std::ios::binary) << bytes(); }

    // A 3x3 "same" conv with 8 filters over a [1,3,16,16] input, then ReLU.
    static OnnxBuilder smallConvNet() {
        OnnxBuilder b;
        b.input("image", {std::int64_t(1), std::int64_t(3), std::int64_t(16), std::int64_t(16)});
        b.weights("w", {8, 3, 3, 3}, std::vector<float>(8 * 3 * 3 * 3, 0.1f));
        b.weights("b", {8}, std::vector<float>(8, 0.f));
        auto& conv = b.node("Conv", {"image", "w", "b"}, {"conv"});
        setInts(conv, "kernel_shape", {3, 3});
        setInts(conv, "pads", {1, 1, 1, 1});
        b.node("Relu", {"conv"}, {"out"});
        b.output("out");
        return b;
    }

private:
    static void describe(onnx::ValueInfoProto& v, const std::string& name, const std::vector<Dim>& dims,
                         int type) {
        v.set_name(name);
        auto* tt = v.mutable_type()->mutable_tensor_type();
        tt->set_elem_type(type);
        auto* shape = tt->mutable_shape();
        for (const auto& d : dims) {
            auto* dim = shape->add_dim();
            if (auto* value = std::get_if<std::int64_t>(&d)) {
                dim->set_dim_value(*value);
            } else {
                dim->set_dim_param(std::get<std::string>(d));
            }
        }
    }
    static void fill(onnx::TensorProto& t, const std::string& name, const std::vector<std::int64_t>& dims,
                     const std::vector<float>& values) {
        t.set_name(name);
        t.set_data_type(onnx::TensorProto::FLOAT);
        for (auto d : dims) {
            t.add_dims(d);
        }
        for (auto v : values) {
            t.add_float_data(v);
        }
    }

    onnx::ModelProto m_model;
};

} // namespace tessera::test
