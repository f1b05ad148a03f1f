#pragma once
// Gemm with a pruned constant B held in CSR (csr_matrix.h): see gemm_sparse.cpp. Internal to gemm.cpp, which
// uses it where cost/weight_storage.h stores B in CSR (or when KernelInit::sparse forces it).

#include <memory>

#include "kernels/activation.h"
#include "kernels/common.h"
#include "kernels/csr_matrix.h"

namespace tessera::exec::kernels {

struct SparseGemmShape {
    std::int64_t m = 0, n = 0, k = 0;
    bool transA = false, transB = false;
    float alpha = 1.f, beta = 1.f;
    Shape cShape; // empty when C is absent
};

// b: CSR rows of op(B)^T, one per output feature: csrOf(init, B as stored, N, K, !transB).
std::unique_ptr<Kernel> makeGemmSparse(const SparseGemmShape& s, std::shared_ptr<const CsrMatrix> b,
                                       const FusedActivation& act);

} // namespace tessera::exec::kernels
