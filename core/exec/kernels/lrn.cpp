// kernel: LRN createLRN
//
// Local response normalisation across channels (ONNX): for channel c,
//     square_sum = sum of x[c']^2 for c' in [c - floor((size-1)/2), c + ceil((size-1)/2)] within [0, C)
//     y = x / (bias + alpha / size * square_sum)^beta
// on X [N, C, d1, ...]. Optimised path: blocks of up to kBlock positions of one image, each channel's
// square sums accumulated across the block (a vectorisable inner loop), and for the usual beta = 0.75
// t^-beta as 1 / sqrt(t * sqrt(t)) instead of pow. Reference: per element, in double with std::pow.

#include <algorithm>
#include <array>
#include <cmath>

#include "kernels/common.h"

namespace tessera::exec::kernels {
namespace {

struct LrnSpec {
    std::int64_t batch = 1, channels = 0, inner = 1; // x viewed as [batch, channels, inner]
    std::int64_t before = 0, after = 0;              // window: channels c - before .. c + after
    float alpha = 1e-4f, beta = 0.75f, bias = 1.f;
    std::int64_t size = 1;
};

class LrnReference final : public Kernel {
public:
    explicit LrnReference(const LrnSpec& s)
        : m_s(s) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext&) override {
        const LrnSpec& s = m_s;
        const float* x = inputs[0].data;
        for (std::int64_t i = 0; i < outputs[0].elements(); ++i) {
            const std::int64_t c = (i / s.inner) % s.channels;
            const std::int64_t base = i - c * s.inner; // element i's position in channel 0
            double sum = 0.0;
            for (std::int64_t k = std::max<std::int64_t>(0, c - s.before);
                 k <= std::min(s.channels - 1, c + s.after); ++k) {
                const double v = x[base + k * s.inner];
                sum += v * v;
            }
            const double t = double(s.bias) + double(s.alpha) / double(s.size) * sum;
            outputs[0].data[i] = float(double(x[i]) / std::pow(t, double(s.beta)));
        }
    }

private:
    LrnSpec m_s;
};

class LrnKernel final : public Kernel {
public:
    explicit LrnKernel(const LrnSpec& s)
        : m_s(s) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        const std::int64_t blocks = (m_s.inner + kBlock - 1) / kBlock;
        ctx.pool.parallelFor(
            m_s.batch * blocks,
            [&](std::int64_t begin, std::int64_t end) {
                for (std::int64_t job = begin; job < end; ++job) {
                    const std::int64_t n = job / blocks, first = (job % blocks) * kBlock;
                    const std::int64_t offset = n * m_s.channels * m_s.inner + first;
                    normaliseBlock(inputs[0].data + offset, outputs[0].data + offset,
                                   std::min(kBlock, m_s.inner - first));
                }
            },
            1); // a job is C channels x up to kBlock positions x size taps: worth a thread
    }

private:
    static constexpr std::int64_t kBlock = 256;

    // Positions [0, width) of one image, all channels; x and y point at channel 0 of the first position.
    void normaliseBlock(const float* x, float* y, std::int64_t width) const {
        const LrnSpec& s = m_s;
        const float scale = s.alpha / float(s.size);
        const bool fastBeta = s.beta == 0.75f;
        std::array<float, kBlock> sum;
        for (std::int64_t c = 0; c < s.channels; ++c) {
            std::fill(sum.begin(), sum.begin() + width, 0.f);
            const std::int64_t last = std::min(s.channels - 1, c + s.after);
            for (std::int64_t k = std::max<std::int64_t>(0, c - s.before); k <= last; ++k) {
                const float* xk = x + k * s.inner;
                for (std::int64_t i = 0; i < width; ++i) {
                    sum[std::size_t(i)] += xk[i] * xk[i];
                }
            }
            const float* xc = x + c * s.inner;
            float* yc = y + c * s.inner;
            for (std::int64_t i = 0; i < width; ++i) {
                const float t = s.bias + scale * sum[std::size_t(i)];
                yc[i] = fastBeta ? xc[i] / std::sqrt(t * std::sqrt(t)) : xc[i] * std::pow(t, -s.beta);
            }
        }
    }

    LrnSpec m_s;
};

} // namespace

Expected<std::unique_ptr<Kernel>> createLRN(const KernelInit& init) {
    const Shape& in = init.inputShapes.at(0);
    if (in.size() < 3) {
        return kernelError(init, "X must be [N, C, d1, ...], got " + model::toString(in));
    }
    LrnSpec s;
    s.batch = in[0];
    s.channels = in[1];
    for (std::size_t d = 2; d < in.size(); ++d) {
        s.inner *= in[d];
    }
    s.size = init.node.attrInt("size", 0);
    if (s.size < 1) {
        return kernelError(init, "size must be a positive integer");
    }
    s.before = (s.size - 1) / 2;
    s.after = s.size - 1 - s.before; // ceil((size - 1) / 2)
    s.alpha = init.node.attrFloat("alpha", 1e-4f);
    s.beta = init.node.attrFloat("beta", 0.75f);
    s.bias = init.node.attrFloat("bias", 1.f);
    if (init.reference) {
        return make<LrnReference>(s);
    }
    return make<LrnKernel>(s);
}

} // namespace tessera::exec::kernels
