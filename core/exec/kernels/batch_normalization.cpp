// kernel: BatchNormalization createBatchNormalization
//
// Inference form, per channel c (axis 1): y = scale * (x - mean) / sqrt(var + epsilon) + B, with scale, B,
// mean and var constant inputs 1..4 of C values each. Training mode (extra outputs, training_mode = 1) and
// the per-activation statistics of spatial = 0 (before opset 9) are refused.
// Optimised path: folded at load into y = x * a[c] + b[c], split over (n, c) rows. Reference: the formula
// per element, in double. The output may share X's buffer: each element is read just before it is written.

#include <algorithm>
#include <cmath>

#include "kernels/common.h"

namespace tessera::exec::kernels {
namespace {

struct BatchNormSpec {
    std::int64_t batch = 1, channels = 0, inner = 1; // x viewed as [batch, channels, inner]
    float epsilon = 1e-5f;
    std::vector<float> scale, bias, mean, var;
};

class BatchNormReference final : public Kernel {
public:
    explicit BatchNormReference(BatchNormSpec s)
        : m_s(std::move(s)) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext&) override {
        const std::int64_t total = outputs[0].elements();
        for (std::int64_t i = 0; i < total; ++i) {
            const auto c = std::size_t((i / m_s.inner) % m_s.channels);
            const double x = inputs[0].data[i];
            const double norm = (x - m_s.mean[c]) / std::sqrt(double(m_s.var[c]) + double(m_s.epsilon));
            outputs[0].data[i] = float(m_s.scale[c] * norm + m_s.bias[c]);
        }
    }
    bool inPlace() const override { return true; }

private:
    BatchNormSpec m_s;
};

class BatchNormKernel final : public Kernel {
public:
    explicit BatchNormKernel(const BatchNormSpec& s)
        : m_channels(s.channels)
        , m_inner(s.inner) {
        for (std::size_t c = 0; c < std::size_t(s.channels); ++c) {
            const double a = s.scale[c] / std::sqrt(double(s.var[c]) + double(s.epsilon));
            m_mul.push_back(float(a));
            m_add.push_back(float(s.bias[c] - a * s.mean[c]));
        }
    }
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        const float* x = inputs[0].data;
        float* y = outputs[0].data;
        const std::int64_t rows = m_inner == 0 ? 0 : outputs[0].elements() / m_inner;
        ctx.pool.parallelFor(
            rows,
            [&](std::int64_t begin, std::int64_t end) {
                for (std::int64_t row = begin; row < end; ++row) {
                    const auto c = std::size_t(row % m_channels);
                    const float a = m_mul[c], b = m_add[c];
                    const float* xr = x + row * m_inner;
                    float* yr = y + row * m_inner;
                    for (std::int64_t i = 0; i < m_inner; ++i) {
                        yr[i] = xr[i] * a + b;
                    }
                }
            },
            std::max<std::int64_t>(1, 16384 / std::max<std::int64_t>(m_inner, 1)));
    }
    bool inPlace() const override { return true; }

private:
    std::int64_t m_channels, m_inner;
    std::vector<float> m_mul, m_add; // per channel
};

} // namespace

Expected<std::unique_ptr<Kernel>> createBatchNormalization(const KernelInit& init) {
    const Shape& x = init.inputShapes.at(0);
    if (x.size() < 2) {
        return kernelError(init, "X must have a channel axis (rank >= 2), got " + model::toString(x));
    }
    if (init.node.attrInt("training_mode", 0) != 0 || init.outputShapes.size() > 1) {
        return kernelError(init, "training mode (running statistics outputs) is not supported");
    }
    if (init.opset < 9 && init.node.attrInt("spatial", 1) == 0) {
        return kernelError(init, "spatial = 0 (per-activation statistics) is not supported");
    }
    BatchNormSpec s;
    s.batch = x[0];
    s.channels = x[1];
    for (std::size_t d = 2; d < x.size(); ++d) {
        s.inner *= x[d];
    }
    s.epsilon = init.node.attrFloat("epsilon", 1e-5f);
    std::vector<float>* params[4] = {&s.scale, &s.bias, &s.mean, &s.var};
    static const char* const kNames[4] = {"scale", "B", "mean", "var"};
    for (std::size_t i = 1; i <= 4; ++i) {
        const model::Tensor* t = i < init.constants.size() ? init.constants[i] : nullptr;
        if (!t || t->dtype != model::DType::Float32) {
            return kernelError(init, std::string(kNames[i - 1]) + " must be a float constant");
        }
        if (t->elements() != s.channels) {
            return kernelError(init, std::string(kNames[i - 1]) + " has " + std::to_string(t->elements()) +
                                         " values for " + std::to_string(s.channels) + " channels");
        }
        *params[i - 1] = t->floats;
    }
    if (s.channels == 0) {
        return kernelError(init, "X has no channels");
    }
    if (init.reference) {
        return make<BatchNormReference>(std::move(s));
    }
    return make<BatchNormKernel>(s);
}

} // namespace tessera::exec::kernels
