// kernel: Gemm createGemm
//
// Y = alpha * op(A) * op(B) + beta * C, with op = optional transpose and C broadcast to [M, N]. The
// optimised path is a GEMM (sgemm.h) split over column blocks of Y, with the fused activation applied
// per block; the usual M = 1 fully-connected layer is a matrix-vector product (gemv.h) split over output
// neurons. A pruned constant B that cost/weight_storage.h stores in CSR runs in gemm_sparse.cpp instead.
// The reference path is the triple loop.

#include "kernels/activation.h"
#include "kernels/common.h"
#include "kernels/gemm_sparse.h"
#include "kernels/gemv.h"
#include "kernels/sgemm.h"

namespace tessera::exec::kernels {
namespace {

struct GemmShape {
    std::int64_t m = 0, n = 0, k = 0;
    bool transA = false, transB = false;
    float alpha = 1.f, beta = 1.f;
    Shape cShape; // empty when C is absent
};

class GemmKernel final : public Kernel {
public:
    GemmKernel(GemmShape s, FusedActivation act, bool reference)
        : m_s(std::move(s))
        , m_act(act)
        , m_reference(reference) {}

    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        const float* a = inputs[0].data;
        const float* b = inputs[1].data;
        const float* c = inputs.size() > 2 ? inputs[2].data : nullptr;
        float* y = outputs[0].data;
        const auto& s = m_s;
        auto finish = [&](std::int64_t row, std::int64_t col, float acc) {
            float v = s.alpha * acc;
            if (c) {
                v += s.beta * c[cIndex(row, col)];
            }
            return m_act.apply(v);
        };
        if (m_reference) {
            for (std::int64_t i = 0; i < s.m; ++i) {
                for (std::int64_t j = 0; j < s.n; ++j) {
                    double acc = 0;
                    for (std::int64_t p = 0; p < s.k; ++p) {
                        const float av = s.transA ? a[p * s.m + i] : a[i * s.k + p];
                        const float bv = s.transB ? b[j * s.k + p] : b[p * s.n + j];
                        acc += double(av) * bv;
                    }
                    y[i * s.n + j] = finish(i, j, float(acc));
                }
            }
            return;
        }
        ctx.pool.parallelFor(
            s.n,
            [&](std::int64_t begin, std::int64_t end) {
                // columns begin..end of op(B): rows of B when transposed, else a column block
                if (s.m == 1) { // op(A) is the vector a[0..k) whether transposed or not
                    if (s.transB) {
                        gemvRows(begin, end, s.k, b, s.k, a, y);
                    } else {
                        gemvColumns(begin, end, s.k, b, s.n, a, y);
                    }
                    for (std::int64_t j = begin; j < end; ++j) {
                        y[j] = finish(0, j, y[j]);
                    }
                    return;
                }
                const float* bBlock = s.transB ? b + begin * s.k : b + begin;
                sgemm(s.transA, s.transB, s.m, end - begin, s.k, 1.f, a, s.transA ? s.m : s.k, bBlock,
                      s.transB ? s.k : s.n, 0.f, y + begin, s.n);
                for (std::int64_t i = 0; i < s.m; ++i) {
                    for (std::int64_t j = begin; j < end; ++j) {
                        y[i * s.n + j] = finish(i, j, y[i * s.n + j]);
                    }
                }
            },
            64);
    }

private:
    // Unidirectional broadcast of C ([], [N], [1,N], [M,1], [M,N]) to [M, N].
    std::int64_t cIndex(std::int64_t i, std::int64_t j) const {
        const Shape& c = m_s.cShape;
        if (c.empty()) {
            return 0;
        }
        if (c.size() == 1) {
            return c[0] == 1 ? 0 : j;
        }
        return (c[0] == 1 ? 0 : i) * c[1] + (c[1] == 1 ? 0 : j);
    }

    GemmShape m_s;
    FusedActivation m_act;
    bool m_reference;
};

} // namespace

Expected<std::unique_ptr<Kernel>> createGemm(const KernelInit& init) {
    const auto& n = init.node;
    GemmShape s;
    s.transA = n.attrInt("transA", 0) != 0;
    s.transB = n.attrInt("transB", 0) != 0;
    s.alpha = n.attrFloat("alpha", 1.f);
    s.beta = n.attrFloat("beta", 1.f);
    const Shape& a = init.inputShapes.at(0);
    const Shape& y = init.outputShapes.at(0);
    if (a.size() != 2 || y.size() != 2) {
        return kernelError(init, "Gemm takes 2-D matrices");
    }
    s.m = y[0];
    s.n = y[1];
    s.k = s.transA ? a[0] : a[1];
    if (init.inputShapes.size() > 2 && !n.inputs[2].empty()) {
        s.cShape = init.inputShapes[2];
        if (s.cShape.size() > 2) {
            return kernelError(init, "C must have at most 2 dimensions");
        }
    }
    const model::Tensor* b = init.constants.size() > 1 ? init.constants[1] : nullptr;
    if (b && std::int64_t(b->floats.size()) == s.n * s.k && useSparseWeights(init)) {
        return std::unique_ptr<Kernel>(
            makeGemmSparse({s.m, s.n, s.k, s.transA, s.transB, s.alpha, s.beta, s.cShape},
                           csrOf(init, b->floats.data(), s.n, s.k, !s.transB), FusedActivation::from(n)));
    }
    return make<GemmKernel>(s, FusedActivation::from(n), init.reference);
}

} // namespace tessera::exec::kernels
