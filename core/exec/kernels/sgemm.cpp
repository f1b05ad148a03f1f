#include "kernels/sgemm.h"

#if TESSERA_HAVE_OPENBLAS
#include <cblas.h>

#include <mutex>
#else
#include <Eigen/Core>
#endif

namespace tessera::exec::kernels {

#if TESSERA_HAVE_OPENBLAS

void sgemm(bool transA, bool transB, std::int64_t m, std::int64_t n, std::int64_t k, float alpha,
           const float* a, std::int64_t lda, const float* b, std::int64_t ldb, float beta, float* c,
           std::int64_t ldc) {
    // OpenBLAS must not start threads of its own: parallelism comes from the session's pool.
    static std::once_flag once;
    std::call_once(once, [] { openblas_set_num_threads(1); });
    cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans, int(m),
                int(n), int(k), alpha, a, int(lda), b, int(ldb), beta, c, int(ldc));
}

#else

void sgemm(bool transA, bool transB, std::int64_t m, std::int64_t n, std::int64_t k, float alpha,
           const float* a, std::int64_t lda, const float* b, std::int64_t ldb, float beta, float* c,
           std::int64_t ldc) {
    using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    using ConstMap = Eigen::Map<const RowMatrix, 0, Eigen::OuterStride<>>;
    Eigen::Map<RowMatrix, 0, Eigen::OuterStride<>> cm(c, m, n, Eigen::OuterStride<>(ldc));
    ConstMap am(a, transA ? k : m, transA ? m : k, Eigen::OuterStride<>(lda));
    ConstMap bm(b, transB ? n : k, transB ? k : n, Eigen::OuterStride<>(ldb));
    if (beta == 0.f) {
        cm.setZero();
    } else if (beta != 1.f) {
        cm *= beta;
    }
    if (transA && transB) {
        cm.noalias() += alpha * (am.transpose() * bm.transpose());
    } else if (transA) {
        cm.noalias() += alpha * (am.transpose() * bm);
    } else if (transB) {
        cm.noalias() += alpha * (am * bm.transpose());
    } else {
        cm.noalias() += alpha * (am * bm);
    }
}

#endif

} // namespace tessera::exec::kernels
