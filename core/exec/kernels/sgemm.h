#pragma once
// Single-threaded row-major SGEMM used by Conv, Gemm and MatMul: C = alpha * op(A) * op(B) + beta * C.
// Kernels split work over their own thread pool and call this per block. Backed by OpenBLAS where
// available (measured 1.5-1.9x faster than Eigen's product on YOLOv2/VGG-16 layer shapes, see
// docs/benchmarks.md), by Eigen otherwise.

#include <cstdint>

namespace tessera::exec::kernels {

void sgemm(bool transA, bool transB, std::int64_t m, std::int64_t n, std::int64_t k, float alpha,
           const float* a, std::int64_t lda, const float* b, std::int64_t ldb, float beta, float* c,
           std::int64_t ldc);

} // namespace tessera::exec::kernels
