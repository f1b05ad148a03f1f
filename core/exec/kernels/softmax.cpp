// kernel: Softmax createSoftmax
//
// y = exp(x - max) / sum(exp(x - max)) (the max subtracted so exp cannot overflow) over:
//   opset >= 13: the single axis `axis` (default -1);
//   opset < 13:  the input coerced to 2-D at `axis` (default 1), i.e. all dims from `axis` on together.
// Both views are [outer, n, inner] with the softmax over n (inner is 1 before opset 13).
// Optimised path: inner == 1: one contiguous row per job; inner > 1: blocks of up to kBlock columns whose
// running max and sum stay on the stack while the n rows are swept. Reference: per column, in double.

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "kernels/common.h"

namespace tessera::exec::kernels {
namespace {

struct SoftmaxSpec {
    std::int64_t outer = 1, n = 1, inner = 1;
};

class SoftmaxReference final : public Kernel {
public:
    explicit SoftmaxReference(const SoftmaxSpec& s)
        : m_s(s) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext&) override {
        const auto [outer, n, inner] = m_s;
        for (std::int64_t o = 0; o < outer; ++o) {
            for (std::int64_t j = 0; j < inner; ++j) {
                const float* x = inputs[0].data + o * n * inner + j;
                float* y = outputs[0].data + o * n * inner + j;
                double max = -std::numeric_limits<double>::infinity();
                for (std::int64_t k = 0; k < n; ++k) {
                    max = std::max(max, double(x[k * inner]));
                }
                double sum = 0.0;
                for (std::int64_t k = 0; k < n; ++k) {
                    sum += std::exp(double(x[k * inner]) - max);
                }
                for (std::int64_t k = 0; k < n; ++k) {
                    y[k * inner] = float(std::exp(double(x[k * inner]) - max) / sum);
                }
            }
        }
    }

private:
    SoftmaxSpec m_s;
};

class SoftmaxKernel final : public Kernel {
public:
    explicit SoftmaxKernel(const SoftmaxSpec& s)
        : m_s(s) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        const float* x = inputs[0].data;
        float* y = outputs[0].data;
        // plain variables, not a structured binding: clang before 16 cannot capture those in the lambdas
        const std::int64_t outer = m_s.outer, n = m_s.n, inner = m_s.inner;
        if (inner == 1) {
            ctx.pool.parallelFor(
                outer,
                [&](std::int64_t begin, std::int64_t end) {
                    for (std::int64_t o = begin; o < end; ++o) {
                        softmaxRow(x + o * n, y + o * n, n);
                    }
                },
                std::max<std::int64_t>(1, 4096 / n));
            return;
        }
        const std::int64_t blocks = (inner + kBlock - 1) / kBlock;
        ctx.pool.parallelFor(
            outer * blocks,
            [&](std::int64_t begin, std::int64_t end) {
                for (std::int64_t job = begin; job < end; ++job) {
                    const std::int64_t first = (job % blocks) * kBlock;
                    const std::int64_t offset = (job / blocks) * n * inner + first;
                    softmaxColumns(x + offset, y + offset, std::min(kBlock, inner - first));
                }
            },
            std::max<std::int64_t>(1, 4096 / (n * kBlock)));
    }

private:
    static constexpr std::int64_t kBlock = 64;

    static void softmaxRow(const float* x, float* y, std::int64_t n) {
        float max = -std::numeric_limits<float>::infinity();
        for (std::int64_t k = 0; k < n; ++k) {
            max = std::max(max, x[k]);
        }
        float sum = 0.f;
        for (std::int64_t k = 0; k < n; ++k) {
            y[k] = std::exp(x[k] - max);
            sum += y[k];
        }
        const float scale = 1.f / sum;
        for (std::int64_t k = 0; k < n; ++k) {
            y[k] *= scale;
        }
    }

    // Columns [0, width) of one [n, inner] slice; x and y point at row 0 of the first column.
    void softmaxColumns(const float* x, float* y, std::int64_t width) const {
        const std::int64_t n = m_s.n, inner = m_s.inner;
        std::array<float, kBlock> max, sum;
        std::fill(max.begin(), max.end(), -std::numeric_limits<float>::infinity());
        std::fill(sum.begin(), sum.end(), 0.f);
        for (std::int64_t k = 0; k < n; ++k) {
            for (std::int64_t j = 0; j < width; ++j) {
                max[std::size_t(j)] = std::max(max[std::size_t(j)], x[k * inner + j]);
            }
        }
        for (std::int64_t k = 0; k < n; ++k) {
            for (std::int64_t j = 0; j < width; ++j) {
                const float e = std::exp(x[k * inner + j] - max[std::size_t(j)]);
                y[k * inner + j] = e;
                sum[std::size_t(j)] += e;
            }
        }
        for (std::int64_t j = 0; j < width; ++j) {
            sum[std::size_t(j)] = 1.f / sum[std::size_t(j)];
        }
        for (std::int64_t k = 0; k < n; ++k) {
            for (std::int64_t j = 0; j < width; ++j) {
                y[k * inner + j] *= sum[std::size_t(j)];
            }
        }
    }

    SoftmaxSpec m_s;
};

} // namespace

Expected<std::unique_ptr<Kernel>> createSoftmax(const KernelInit& init) {
    const Shape& in = init.inputShapes.at(0);
    const auto rank = std::int64_t(in.size());
    const bool perAxis = init.opset >= 13;
    std::int64_t axis = init.node.attrInt("axis", perAxis ? -1 : 1);
    axis = axis < 0 ? axis + rank : axis;
    if (axis < 0 || axis >= rank) {
        return kernelError(init, "axis " + std::to_string(init.node.attrInt("axis", 0)) +
                                     " is out of range for rank " + std::to_string(rank));
    }
    SoftmaxSpec s;
    for (std::int64_t d = 0; d < rank; ++d) {
        std::int64_t& part = d < axis ? s.outer : (d == axis || !perAxis ? s.n : s.inner);
        part *= in[std::size_t(d)];
    }
    if (s.n == 0 || s.inner == 0) {
        s.outer = 0; // an empty tensor: nothing to do
        s.n = s.inner = 1;
    }
    if (init.reference) {
        return make<SoftmaxReference>(s);
    }
    return make<SoftmaxKernel>(s);
}

} // namespace tessera::exec::kernels
