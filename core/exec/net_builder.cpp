#include "core/exec/net_builder.h"

#include <cmath>

#include "core/model/import_pipeline.h"

namespace tessera::exec {

std::vector<float> NetBuilder::uniform(std::int64_t count, float lo, float hi) {
    std::vector<float> values(std::size_t(std::max<std::int64_t>(count, 0)));
    for (float& v : values) {
        // 24 random bits -> [0, 1): exact in float, independent of the library's distributions
        v = lo + (hi - lo) * float(m_rng() >> 8) * (1.f / 16777216.f);
    }
    return values;
}

std::string NetBuilder::fresh(const std::string& prefix) {
    return prefix + std::to_string(m_counter++);
}

std::string NetBuilder::input(const model::Shape& shape, float lo, float hi) {
    const std::string name = fresh("input");
    m_graph.inputs.push_back(model::ValueInfo{name, model::DType::Float32, shape});
    m_inputs.emplace_back(name, uniform(model::elementCount(shape), lo, hi));
    return name;
}

std::string NetBuilder::weights(const model::Shape& shape) {
    const std::int64_t fanIn = shape.empty() || shape[0] == 0 ? 1 : model::elementCount(shape) / shape[0];
    const float s = std::sqrt(3.f / float(std::max<std::int64_t>(fanIn, 1)));
    return constant(shape, -s, s);
}

std::string NetBuilder::constant(const model::Shape& shape, float lo, float hi) {
    return floats(shape, uniform(model::elementCount(shape), lo, hi));
}

std::string NetBuilder::floats(const model::Shape& shape, std::vector<float> values) {
    const std::string name = fresh("const");
    m_graph.initializers[name] = model::Tensor::fromFloats(shape, std::move(values));
    return name;
}

std::string NetBuilder::ints(std::vector<std::int64_t> values) {
    const std::string name = fresh("const");
    const std::int64_t n = std::int64_t(values.size());
    m_graph.initializers[name] = model::Tensor::fromInts({n}, std::move(values));
    return name;
}

std::vector<std::string> NetBuilder::nodeOutputs(const std::string& opType, std::vector<std::string> inputs,
                                                 Attributes attributes, int outputs) {
    model::Node node{fresh(opType), opType, "", std::move(inputs), {}, std::move(attributes)};
    for (int i = 0; i < outputs; ++i) {
        node.outputs.push_back(node.name + "_out" + std::to_string(i));
    }
    m_graph.nodes.push_back(node);
    return node.outputs;
}

std::string NetBuilder::node(const std::string& opType, std::vector<std::string> inputs,
                             Attributes attributes) {
    return nodeOutputs(opType, std::move(inputs), std::move(attributes), 1)[0];
}

Expected<BuiltNet> NetBuilder::finish(const std::string& name, std::int64_t opset) {
    BuiltNet net;
    net.model.path = name;
    net.model.format = "onnx";
    net.model.opset = opset;
    m_graph.name = name;
    for (const auto& out : m_outputs) {
        m_graph.outputs.push_back(model::ValueInfo{out, model::DType::Float32, {}});
    }
    net.model.graph = std::move(m_graph);
    if (auto status = model::finishImport(net.model, {}); !status) {
        return status.error();
    }
    net.inputs = std::move(m_inputs);
    return net;
}

} // namespace tessera::exec
