// kernel: Clip createClip
//
// y = min(max(x, min), max). Opset >= 11: min and max are optional inputs 1 and 2 (omitted: -inf / +inf),
// normally constants (read once here) but scalars computed at run time are read in run(); opset < 11: the
// min / max attributes. When min > max every element becomes max (as ONNX Runtime does). NaN stays NaN.
// The single element-wise loop is both the optimised and the reference implementation.

#include <algorithm>
#include <cmath>

#include "kernels/common.h"

namespace tessera::exec::kernels {
namespace {

class ClipKernel final : public Kernel {
public:
    // minInput / maxInput: the input index holding the bound at run time, or 0 for the fixed value.
    ClipKernel(float lo, float hi, std::size_t minInput, std::size_t maxInput)
        : m_lo(lo)
        , m_hi(hi)
        , m_minInput(minInput)
        , m_maxInput(maxInput) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        const float lo = m_minInput ? inputs[m_minInput].data[0] : m_lo;
        const float hi = m_maxInput ? inputs[m_maxInput].data[0] : m_hi;
        const float* in = inputs[0].data;
        float* out = outputs[0].data;
        ctx.pool.parallelFor(
            outputs[0].elements(),
            [&](std::int64_t begin, std::int64_t end) {
                for (std::int64_t i = begin; i < end; ++i) {
                    out[i] = std::min(std::max(in[i], lo), hi);
                }
            },
            16384);
    }
    bool inPlace() const override { return true; }

private:
    float m_lo, m_hi;
    std::size_t m_minInput, m_maxInput;
};

} // namespace

Expected<std::unique_ptr<Kernel>> createClip(const KernelInit& init) {
    float bounds[2] = {-INFINITY, INFINITY};
    std::size_t fromInput[2] = {0, 0};
    if (init.opset < 11) {
        bounds[0] = init.node.attrFloat("min", bounds[0]);
        bounds[1] = init.node.attrFloat("max", bounds[1]);
    } else {
        for (std::size_t i = 1; i < 3 && i < init.node.inputs.size(); ++i) {
            if (init.node.inputs[i].empty()) {
                continue;
            }
            const model::Tensor* c = i < init.constants.size() ? init.constants[i] : nullptr;
            const std::int64_t elements = c ? c->elements() : model::elementCount(init.inputShapes[i]);
            if (elements != 1) {
                return kernelError(init, std::string(i == 1 ? "min" : "max") + " must be a scalar, not " +
                                             model::toString(init.inputShapes[i]));
            }
            if (c) {
                bounds[i - 1] = float(c->at(0));
            } else {
                fromInput[i - 1] = i;
            }
        }
    }
    return make<ClipKernel>(bounds[0], bounds[1], fromInput[0], fromInput[1]);
}

} // namespace tessera::exec::kernels
