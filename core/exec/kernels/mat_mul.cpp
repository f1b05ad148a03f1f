// kernel: MatMul createMatMul
//
// NumPy matmul: 1-D operands are promoted (and the added dimension removed from the result), leading
// dimensions broadcast. The optimised path runs one GEMM (sgemm.h) per batch item (in parallel over items,
// or over columns when there is a single item); the reference path is the plain loop.

#include "kernels/common.h"
#include "kernels/sgemm.h"

namespace tessera::exec::kernels {
namespace {

class MatMulKernel final : public Kernel {
public:
    MatMulKernel(Shape a, Shape b, Shape batch, std::int64_t m, std::int64_t k, std::int64_t n,
                 bool reference)
        : m_a(std::move(a))
        , m_b(std::move(b))
        , m_batch(std::move(batch))
        , m_m(m)
        , m_k(k)
        , m_n(n)
        , m_reference(reference) {}

    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        const std::int64_t items = model::elementCount(m_batch);
        auto one = [&](std::int64_t item, std::int64_t c0, std::int64_t c1) {
            const float* a = inputs[0].data + offset(m_a, item) * m_m * m_k;
            const float* b = inputs[1].data + offset(m_b, item) * m_k * m_n;
            float* y = outputs[0].data + item * m_m * m_n;
            if (m_reference) {
                for (std::int64_t i = 0; i < m_m; ++i) {
                    for (std::int64_t j = c0; j < c1; ++j) {
                        double acc = 0;
                        for (std::int64_t p = 0; p < m_k; ++p) {
                            acc += double(a[i * m_k + p]) * b[p * m_n + j];
                        }
                        y[i * m_n + j] = float(acc);
                    }
                }
                return;
            }
            sgemm(false, false, m_m, c1 - c0, m_k, 1.f, a, m_k, b + c0, m_n, 0.f, y + c0, m_n);
        };
        if (items == 1) {
            ctx.pool.parallelFor(
                m_n, [&](std::int64_t b, std::int64_t e) { one(0, b, e); }, 64);
        } else {
            ctx.pool.parallelFor(items, [&](std::int64_t b, std::int64_t e) {
                for (std::int64_t item = b; item < e; ++item) {
                    one(item, 0, m_n);
                }
            });
        }
    }

private:
    // Index of the matrix of an operand (batch dims `dims`, right-aligned and broadcast) for output item.
    std::int64_t offset(const Shape& dims, std::int64_t item) const {
        std::int64_t index = 0, stride = 1;
        for (std::size_t d = 0; d < m_batch.size(); ++d) {
            const std::size_t fromEnd = m_batch.size() - 1 - d;
            const std::int64_t coord = item % m_batch[fromEnd];
            item /= m_batch[fromEnd];
            if (d < dims.size()) {
                const std::int64_t size = dims[dims.size() - 1 - d];
                index += (size == 1 ? 0 : coord) * stride;
                stride *= size;
            }
        }
        return index;
    }

    Shape m_a, m_b, m_batch; // batch dims of A, of B, of the result
    std::int64_t m_m, m_k, m_n;
    bool m_reference;
};

} // namespace

Expected<std::unique_ptr<Kernel>> createMatMul(const KernelInit& init) {
    Shape a = init.inputShapes.at(0);
    Shape b = init.inputShapes.at(1);
    if (a.empty() || b.empty()) {
        return kernelError(init, "scalar operands are not valid for MatMul");
    }
    if (a.size() == 1) {
        a.insert(a.begin(), 1);
    }
    if (b.size() == 1) {
        b.push_back(1);
    }
    const std::int64_t m = a[a.size() - 2], k = a.back(), n = b.back();
    if (b[b.size() - 2] != k) {
        return kernelError(init, "inner dimensions differ");
    }
    Shape batchA(a.begin(), a.end() - 2), batchB(b.begin(), b.end() - 2);
    Shape batch(std::max(batchA.size(), batchB.size()), 1);
    for (std::size_t d = 0; d < batch.size(); ++d) {
        const std::int64_t da = d < batchA.size() ? batchA[batchA.size() - 1 - d] : 1;
        const std::int64_t db = d < batchB.size() ? batchB[batchB.size() - 1 - d] : 1;
        batch[batch.size() - 1 - d] = std::max(da, db);
    }
    return make<MatMulKernel>(batchA, batchB, batch, m, k, n, init.reference);
}

} // namespace tessera::exec::kernels
