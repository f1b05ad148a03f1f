// kernel: DepthToSpace createDepthToSpace
//
// [N, C, H, W] -> [N, C/b^2, H*b, W*b] (b = blocksize). Per the ONNX spec, with C' = C/b^2:
//   DCR (default): out[n, c, h*b + i, w*b + j] = in[n, (i*b + j)*C' + c, h, w]
//   CRD:           out[n, c, h*b + i, w*b + j] = in[n, (c*b + i)*b + j, h, w]
// Optimised path: the output seen as [N, C', H, b, W, b] is a strided view of the input (one strided
// copy). Reference: the formula above per output element.

#include "kernels/strided_copy.h"

namespace tessera::exec::kernels {
namespace {

class DepthToSpaceReference final : public Kernel {
public:
    DepthToSpaceReference(Shape in, std::int64_t block, bool crd)
        : m_in(std::move(in))
        , m_block(block)
        , m_crd(crd) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext&) override {
        const std::int64_t b = m_block, c = m_in[1], h = m_in[2], w = m_in[3];
        const std::int64_t oc = c / (b * b), oh = h * b, ow = w * b;
        const float* x = inputs[0].data;
        float* y = outputs[0].data;
        for (std::int64_t n = 0; n < m_in[0]; ++n) {
            for (std::int64_t ch = 0; ch < oc; ++ch) {
                for (std::int64_t oy = 0; oy < oh; ++oy) {
                    for (std::int64_t ox = 0; ox < ow; ++ox) {
                        const std::int64_t i = oy % b, j = ox % b;
                        const std::int64_t sc = m_crd ? (ch * b + i) * b + j : (i * b + j) * oc + ch;
                        y[((n * oc + ch) * oh + oy) * ow + ox] = x[((n * c + sc) * h + oy / b) * w + ox / b];
                    }
                }
            }
        }
    }

private:
    Shape m_in;
    std::int64_t m_block;
    bool m_crd;
};

} // namespace

Expected<std::unique_ptr<Kernel>> createDepthToSpace(const KernelInit& init) {
    const Shape& in = init.inputShapes[0];
    const std::int64_t b = init.node.attrInt("blocksize", 0);
    const std::string mode = init.node.attrString("mode", "DCR");
    if (in.size() != 4) {
        return kernelError(init, "only 4-D inputs are supported");
    }
    if (b < 1 || in[1] % (b * b) != 0) {
        return kernelError(init, "blocksize " + std::to_string(b) + " does not divide the channels");
    }
    if (mode != "DCR" && mode != "CRD") {
        return kernelError(init, "mode '" + mode + "' is not supported");
    }
    const bool crd = mode == "CRD";
    if (init.reference) {
        return make<DepthToSpaceReference>(in, b, crd);
    }
    const std::int64_t c = in[1], h = in[2], w = in[3], oc = c / (b * b), plane = h * w;
    const Shape view{in[0], oc, h, b, w, b};
    const std::vector<std::int64_t> strides =
        crd ? std::vector<std::int64_t>{c * plane, b * b * plane, w, b * plane, 1, plane}
            : std::vector<std::int64_t>{c * plane, plane, w, b * oc * plane, 1, oc * plane};
    return make<StridedCopyKernel>(StridedCopy(view, strides, 0));
}

} // namespace tessera::exec::kernels
