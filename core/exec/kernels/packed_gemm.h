#pragma once
// C = activation(A * B + bias) with B packed in panels of kPanel columns: the GEMM behind Conv on x86-64
// CPUs with AVX-512. A (the filters) is read in place, row-major; B (the im2col tile, or the input itself
// for 1x1 convolutions) is packed by the caller while it builds it, so no separate im2col matrix is
// needed; the bias and the fused activation are applied to each register tile before it is stored
// (docs/benchmarks.md has the measurements that motivated it). Built without AVX-512 (aarch64, generic
// x86-64) the same interface has a plain loop, and Conv uses im2col + sgemm (sgemm.h) instead.

#include <cstdint>

#include "kernels/activation.h"

namespace tessera::exec::kernels::packed {

#if defined(__AVX512F__)
inline constexpr bool kVectorised = true;
#else
inline constexpr bool kVectorised = false;
#endif

// Columns per panel: two AVX-512 vectors.
inline constexpr std::int64_t kPanel = 32;

// Floats taken by a packed B of `rows` rows and `columns` columns (whole panels).
inline std::int64_t packedFloats(std::int64_t rows, std::int64_t columns) {
    return (columns + kPanel - 1) / kPanel * kPanel * rows;
}

// Packed layout: panel p = column / kPanel holds its rows one after the other, kPanel floats each, so
// B[row][column] is at (p * rows + row) * kPanel + column % kPanel. Lanes past the last column are
// ignored (the caller should zero them so that no NaN or denormal sits in the registers).
inline std::int64_t packedIndex(std::int64_t rows, std::int64_t row, std::int64_t column) {
    return (column / kPanel * rows + row) * kPanel + column % kPanel;
}

// c[i][j] = act(sum_r a[i * lda + r] * B[r][j] + bias[i]) for i < m, j < n, where B (k rows, n columns) is
// packed as above and c has row stride ldc; bias may be null. A product over K in slices: `accumulate`
// adds the sum to what c holds, and bias and activation are applied only when `finish`.
// Single-threaded, allocation-free; k >= 1.
void gemm(std::int64_t m, std::int64_t n, std::int64_t k, const float* a, std::int64_t lda, const float* b,
          float* c, std::int64_t ldc, const float* bias, const FusedActivation& act, bool accumulate = false,
          bool finish = true);

} // namespace tessera::exec::kernels::packed
