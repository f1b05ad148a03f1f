// kernel: SpaceToDepth createSpaceToDepth
//
// [N, C, H, W] -> [N, C*b^2, H/b, W/b] (b = blocksize), per the ONNX spec:
//   out[n, (i*b + j)*C + c, h, w] = in[n, c, h*b + i, w*b + j]
// Optimised path: the output seen as [N, b, b, C, H/b, W/b] is a strided view of the input (one strided
// copy). Reference: the formula above per output element.

#include "kernels/strided_copy.h"

namespace tessera::exec::kernels {
namespace {

class SpaceToDepthReference final : public Kernel {
public:
    SpaceToDepthReference(Shape in, std::int64_t block)
        : m_in(std::move(in))
        , m_block(block) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext&) override {
        const std::int64_t b = m_block, c = m_in[1], h = m_in[2], w = m_in[3];
        const std::int64_t oc = c * b * b, oh = h / b, ow = w / b;
        const float* x = inputs[0].data;
        float* y = outputs[0].data;
        for (std::int64_t n = 0; n < m_in[0]; ++n) {
            for (std::int64_t ch = 0; ch < oc; ++ch) {
                const std::int64_t i = ch / c / b, j = ch / c % b, sc = ch % c;
                for (std::int64_t oy = 0; oy < oh; ++oy) {
                    for (std::int64_t ox = 0; ox < ow; ++ox) {
                        y[((n * oc + ch) * oh + oy) * ow + ox] =
                            x[((n * c + sc) * h + oy * b + i) * w + ox * b + j];
                    }
                }
            }
        }
    }

private:
    Shape m_in;
    std::int64_t m_block;
};

} // namespace

Expected<std::unique_ptr<Kernel>> createSpaceToDepth(const KernelInit& init) {
    const Shape& in = init.inputShapes[0];
    const std::int64_t b = init.node.attrInt("blocksize", 0);
    if (in.size() != 4) {
        return kernelError(init, "only 4-D inputs are supported");
    }
    if (b < 1 || in[2] % b != 0 || in[3] % b != 0) {
        return kernelError(init, "blocksize " + std::to_string(b) + " does not divide the spatial dims");
    }
    if (init.reference) {
        return make<SpaceToDepthReference>(in, b);
    }
    const std::int64_t c = in[1], h = in[2], w = in[3];
    const Shape view{in[0], b, b, c, h / b, w / b};
    const std::vector<std::int64_t> strides{c * h * w, w, 1, h * w, b * w, b};
    return make<StridedCopyKernel>(StridedCopy(view, strides, 0));
}

} // namespace tessera::exec::kernels
