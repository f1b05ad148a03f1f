#include "core/cost/weight_storage.h"

namespace tessera::cost {
namespace {

constexpr std::int64_t kFloatBytes = 4;
constexpr std::int64_t kRowStartBytes = 4;

} // namespace

const char* toString(SparseKind kind) {
    switch (kind) {
    case SparseKind::Conv:
        return "conv";
    case SparseKind::DepthwiseConv:
        return "depthwise conv";
    case SparseKind::Gemm:
        return "gemm";
    }
    return "?";
}

double sparseThreshold(SparseKind kind) {
    // Crossovers measured by tests/bench/bench_sparse (docs/benchmarks.md, "Pruning"): sparse / dense time at
    // 0.8 sparsity 1.29-1.72 for Conv (the dense path is a register-blocked GEMM) and 0.98-3.2 for Gemm, at
    // 0.9 0.69-0.92 and 0.31-0.49: from 0.9 the sparse kernels are faster on every measured layer.
    switch (kind) {
    case SparseKind::Conv:
        return 0.9;
    case SparseKind::DepthwiseConv:
        return 2.0; // never: slower than the direct depthwise loop at every sparsity measured (1.14-1.43)
    case SparseKind::Gemm:
        return 0.9;
    }
    return 2.0;
}

int csrIndexBytes(std::int64_t cols) {
    return cols <= 65536 ? 2 : 4;
}

std::int64_t csrBytes(std::int64_t rows, std::int64_t cols, std::int64_t nonzeros) {
    return nonzeros * (kFloatBytes + csrIndexBytes(cols)) + (rows + 1) * kRowStartBytes;
}

WeightStorage weightStorage(const WeightMatrix& matrix, std::int64_t nonzeros) {
    WeightStorage s;
    s.elements = matrix.rows * matrix.cols;
    s.nonzeros = nonzeros;
    s.denseBytes = s.elements * kFloatBytes;
    s.csrBytes = csrBytes(matrix.rows, matrix.cols, nonzeros);
    const bool sparse =
        s.elements > 0 && s.sparsity() >= sparseThreshold(matrix.kind) && s.csrBytes < s.denseBytes;
    s.form = sparse ? WeightForm::Csr : WeightForm::Dense;
    s.storedBytes = sparse ? s.csrBytes : s.denseBytes;
    return s;
}

std::optional<WeightMatrix> weightMatrix(const model::Node& node, const model::Shape& w) {
    if (node.opType == "Conv" && w.size() == 4) {
        const std::int64_t group = node.attrInt("group", 1);
        const bool depthwise = group > 1 && w[1] == 1 && group == w[0];
        return WeightMatrix{depthwise ? SparseKind::DepthwiseConv : SparseKind::Conv, w[0],
                            w[1] * w[2] * w[3]};
    }
    if (node.opType == "Gemm" && w.size() == 2) {
        const bool transB = node.attrInt("transB", 0) != 0;
        return WeightMatrix{SparseKind::Gemm, transB ? w[0] : w[1], transB ? w[1] : w[0]};
    }
    return std::nullopt;
}

std::int64_t countNonzeros(const model::Tensor& tensor) {
    if (tensor.dtype != model::DType::Float32 || tensor.placeholder) {
        return tensor.elements();
    }
    std::int64_t n = 0;
    for (float v : tensor.floats) {
        n += v != 0.f;
    }
    return n;
}

std::optional<WeightStorage> sparseCandidate(const model::Graph& graph, const model::Node& node) {
    if (node.inputs.size() < 2 || node.inputs[1].empty()) {
        return std::nullopt;
    }
    const model::Tensor* w = graph.initializer(node.inputs[1]);
    if (!w || w->dtype != model::DType::Float32 || std::int64_t(w->floats.size()) != w->elements()) {
        return std::nullopt; // not a weight, or a hollow one (a task graph before materialize())
    }
    const auto matrix = weightMatrix(node, w->shape);
    if (!matrix) {
        return std::nullopt;
    }
    std::size_t readers = 0;
    for (const auto& n : graph.nodes) {
        for (const auto& in : n.inputs) {
            readers += in == node.inputs[1];
        }
    }
    if (readers != 1) {
        return std::nullopt;
    }
    return weightStorage(*matrix, countNonzeros(*w));
}

std::int64_t storedBytes(const model::Graph& graph, const model::Node& node, std::size_t input) {
    const model::Tensor* t = input < node.inputs.size() ? graph.initializer(node.inputs[input]) : nullptr;
    if (!t) {
        return 0;
    }
    if (input == 1) {
        if (auto s = sparseCandidate(graph, node)) {
            return s->storedBytes;
        }
    }
    return std::int64_t(t->bytes());
}

} // namespace tessera::cost
