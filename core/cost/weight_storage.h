#pragma once
// How the engine keeps a Conv or Gemm weight in memory, and so how many bytes it costs: dense, or in
// compressed sparse rows (CSR) when the weight is pruned enough. One rule, used by the cost model (per node,
// task, device) and by the kernels (which form they build), so that predicted memory is what is held.
//
// The CSR matrix has one row per output channel (Conv: filters, [outC, inC/group * kH * kW]; Gemm: output
// features, [N, K], the transpose of B when transB = 0). It stores the nonzero values (float32), a column
// index per value (uint16 when the matrix has at most 65,536 columns, else uint32) and rows + 1 row starts
// (uint32):   csrBytes = nonzeros * (4 + indexBytes) + (rows + 1) * 4.
//
// A weight is stored in CSR when both hold: its sparsity is at least the measured crossover of its kernel
// kind (sparseThreshold; below it the dense kernel is faster, see docs/compression.md) and the CSR form is
// smaller than the dense one. Otherwise it is dense (4 bytes per element).

#include <cstdint>
#include <optional>

#include "core/model/graph.h"

namespace tessera::cost {

enum class SparseKind { Conv, DepthwiseConv, Gemm };
const char* toString(SparseKind kind); // "conv", "depthwise conv", "gemm"

enum class WeightForm { Dense, Csr };

// The matrix view of a prunable weight (input 1 of a Conv or Gemm).
struct WeightMatrix {
    SparseKind kind = SparseKind::Conv;
    std::int64_t rows = 0, cols = 0;
};

struct WeightStorage {
    WeightForm form = WeightForm::Dense;
    std::int64_t elements = 0, nonzeros = 0;
    std::int64_t denseBytes = 0;  // elements * 4
    std::int64_t csrBytes = 0;    // of the CSR form (whether or not it is chosen)
    std::int64_t storedBytes = 0; // denseBytes or csrBytes, per the rule above
    double sparsity() const { return elements ? 1.0 - double(nonzeros) / double(elements) : 0.0; }
};

// Sparsity from which the sparse kernel of `kind` is at least as fast as the dense one (measured with
// tests/bench/bench_sparse; a value above 1 means never).
double sparseThreshold(SparseKind kind);

// Bytes of the CSR form of a rows x cols matrix with `nonzeros` nonzero values.
std::int64_t csrBytes(std::int64_t rows, std::int64_t cols, std::int64_t nonzeros);
// Column index width of the CSR form: 2 or 4 bytes.
int csrIndexBytes(std::int64_t cols);

// The storage rule for a weight matrix with `nonzeros` nonzero values.
WeightStorage weightStorage(const WeightMatrix& matrix, std::int64_t nonzeros);

// The matrix view of `node`'s weight, given the weight's shape: Conv (rank-4 weight; DepthwiseConv when
// every group has one input and one output channel) and Gemm (rank-2 B). nullopt for other ops.
std::optional<WeightMatrix> weightMatrix(const model::Node& node, const model::Shape& weightShape);

// Nonzero elements of a float tensor (every element for other types and for placeholders).
std::int64_t countNonzeros(const model::Tensor& tensor);

// The storage of `node`'s weight when it may be stored sparse: the node is a Conv or Gemm whose input 1 is
// a float initializer with data that no other node reads (a shared weight stays dense for every reader).
std::optional<WeightStorage> sparseCandidate(const model::Graph& graph, const model::Node& node);

// Bytes the engine holds for the initializer of `node`'s input `input`: the storage rule for a sparse
// candidate's weight, the dense bytes otherwise.
std::int64_t storedBytes(const model::Graph& graph, const model::Node& node, std::size_t input);

} // namespace tessera::cost
