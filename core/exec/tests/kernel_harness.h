#pragma once
// Test helper: builds a one-node graph, creates its kernel (optimised or reference) through the kernel
// table and runs it on given inputs. Constant inputs (weights) are passed as model::Tensor.

#include <memory>
#include <optional>
#include <random>
#include <vector>

#include "core/exec/kernel.h"

namespace tessera::exec::test {

struct Operand {
    Shape shape;
    std::vector<float> data;
    bool constant = false; // a weight / folded constant rather than a run-time input
    bool omitted = false;  // an omitted optional input ("")
};

inline std::vector<float> randomData(std::int64_t n, std::uint32_t seed, float lo = -1.f, float hi = 1.f) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> dist(lo, hi);
    std::vector<float> v(static_cast<std::size_t>(n));
    for (auto& x : v) {
        x = dist(rng);
    }
    return v;
}

// Runs `node` (its inputs/outputs are renamed in0.., out0..) and returns the outputs' data; nullopt and a
// message on kernel creation failure.
inline std::optional<std::vector<std::vector<float>>>
runKernel(model::Node node, const std::vector<Operand>& operands, const std::vector<Shape>& outputShapes,
          bool reference, int threads = 2, std::string* error = nullptr, std::int64_t opset = 13,
          SparseChoice sparse = SparseChoice::Auto) {
    model::Graph graph;
    node.inputs.clear();
    node.outputs.clear();
    std::vector<const model::Tensor*> constants;
    std::vector<Shape> inputShapes;
    for (std::size_t i = 0; i < operands.size(); ++i) {
        const std::string name = operands[i].omitted ? "" : "in" + std::to_string(i);
        node.inputs.push_back(name);
        inputShapes.push_back(operands[i].omitted ? Shape{} : operands[i].shape);
        if (!name.empty()) {
            graph.values[name] = model::ValueInfo{name, model::DType::Float32, operands[i].shape};
            if (operands[i].constant) {
                graph.initializers[name] = model::Tensor::fromFloats(operands[i].shape, operands[i].data);
            }
        }
    }
    for (std::size_t i = 0; i < operands.size(); ++i) {
        constants.push_back(operands[i].constant ? graph.initializer(node.inputs[i]) : nullptr);
    }
    for (std::size_t i = 0; i < outputShapes.size(); ++i) {
        node.outputs.push_back("out" + std::to_string(i));
        graph.values["out" + std::to_string(i)] =
            model::ValueInfo{"out" + std::to_string(i), model::DType::Float32, outputShapes[i]};
    }
    graph.nodes.push_back(node);
    KernelFactory factory = findKernel(node.opType);
    if (!factory) {
        if (error) {
            *error = "no kernel for " + node.opType;
        }
        return std::nullopt;
    }
    KernelInit init{graph.nodes[0], graph, inputShapes, outputShapes, constants, reference, opset, sparse};
    auto kernel = factory(init);
    if (!kernel.ok()) {
        if (error) {
            *error = kernel.error().message;
        }
        return std::nullopt;
    }
    std::vector<ConstTensor> inputs;
    for (std::size_t i = 0; i < operands.size(); ++i) {
        inputs.push_back(operands[i].omitted ? ConstTensor{}
                                             : ConstTensor{operands[i].data.data(), operands[i].shape});
    }
    std::vector<std::vector<float>> results;
    for (const auto& s : outputShapes) {
        results.emplace_back(std::size_t(model::elementCount(s)), -12345.f);
    }
    std::vector<Tensor> outputs;
    for (std::size_t i = 0; i < outputShapes.size(); ++i) {
        outputs.push_back(Tensor{results[i].data(), outputShapes[i]});
    }
    ThreadPool pool(threads);
    std::vector<float> workspace((*kernel)->workspaceBytes() / sizeof(float) + 16);
    std::vector<float> threadWorkspace(
        std::size_t(threads) * slotBytes((*kernel)->workspaceBytesPerThread()) / sizeof(float) + 16);
    KernelContext ctx{pool, workspace.data(), threadWorkspace.data()};
    (*kernel)->run(inputs, outputs, ctx);
    return results;
}

inline float maxAbsDiff(const std::vector<float>& a, const std::vector<float>& b) {
    if (a.size() != b.size()) {
        return INFINITY;
    }
    float m = 0.f;
    for (std::size_t i = 0; i < a.size(); ++i) {
        m = std::max(m, std::abs(a[i] - b[i]));
    }
    return m;
}

} // namespace tessera::exec::test
