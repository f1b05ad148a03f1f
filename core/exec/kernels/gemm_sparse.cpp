// Y = alpha * op(A) * op(B) + beta * C with op(B) held as CSR rows, one per output feature j: each output
// y[i][j] is the dot product of feature j's nonzero weights with the row i of op(A) they select (a gather).
// Split over output features. For the usual M = 1 fully-connected layer this reads only the kept weights,
// so it runs faster than the dense matrix-vector product in proportion to the sparsity, minus the cost of
// the indexed loads (crossover in cost/weight_storage.h).

#include "kernels/gemm_sparse.h"

#include "kernels/csr_matrix.h"

namespace tessera::exec::kernels {
namespace {

class GemmSparse final : public Kernel {
public:
    GemmSparse(SparseGemmShape s, std::shared_ptr<const CsrMatrix> b, FusedActivation act)
        : m_s(std::move(s))
        , m_w(std::move(b))
        , m_act(act) {}

    std::size_t heldWeightBytes() const override { return m_w->bytes(); }

    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        const float* a = inputs[0].data;
        const float* c = inputs.size() > 2 ? inputs[2].data : nullptr;
        float* y = outputs[0].data;
        const auto& s = m_s;
        // op(A)[i][p] = a[i * rowStride + p * colStride]
        const std::int64_t rowStride = s.transA ? 1 : s.k, colStride = s.transA ? s.m : 1;
        ctx.pool.parallelFor(
            s.n,
            [&](std::int64_t begin, std::int64_t end) {
                for (std::int64_t j = begin; j < end; ++j) {
                    m_w->row(j, [&](const float* values, const auto* cols, std::int64_t count) {
                        for (std::int64_t i = 0; i < s.m; ++i) {
                            const float* row = a + i * rowStride;
                            float acc = 0.f;
                            for (std::int64_t e = 0; e < count; ++e) {
                                acc += values[e] * row[std::int64_t(cols[e]) * colStride];
                            }
                            float v = s.alpha * acc;
                            if (c) {
                                v += s.beta * c[cIndex(i, j)];
                            }
                            y[i * s.n + j] = m_act.apply(v);
                        }
                    });
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

    SparseGemmShape m_s;
    std::shared_ptr<const CsrMatrix> m_w; // [N] x [K]
    FusedActivation m_act;
};

} // namespace

std::unique_ptr<Kernel> makeGemmSparse(const SparseGemmShape& s, std::shared_ptr<const CsrMatrix> b,
                                       const FusedActivation& act) {
    return std::make_unique<GemmSparse>(s, std::move(b), act);
}

} // namespace tessera::exec::kernels
