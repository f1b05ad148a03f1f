// kernel: ConvTranspose createConvTranspose
//
// Each input pixel scatters kH x kW x (Cout/group) contributions into the output. One implementation
// serves as reference and production path (parallel over output channels, so writes never collide);
// ConvTranspose is rare in the CNNs Tessera targets, so no GEMM variant is kept.

#include "kernels/common.h"

namespace tessera::exec::kernels {
namespace {

class ConvTransposeKernel final : public Kernel {
public:
    struct Geometry {
        std::int64_t batch, inC, inH, inW, outC, outH, outW, kH, kW, strideH, strideW, dilH, dilW, padTop,
            padLeft, groups;
    };
    ConvTransposeKernel(Geometry g, const float* w, const float* bias)
        : m_g(g)
        , m_w(w)
        , m_bias(bias) {}

    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        const auto& g = m_g;
        const float* x = inputs[0].data;
        float* y = outputs[0].data;
        const std::int64_t icPerGroup = g.inC / g.groups, ocPerGroup = g.outC / g.groups;
        ctx.pool.parallelFor(g.batch * g.outC, [&](std::int64_t begin, std::int64_t end) {
            for (std::int64_t plane = begin; plane < end; ++plane) {
                const std::int64_t n = plane / g.outC, oc = plane % g.outC;
                const std::int64_t group = oc / ocPerGroup, ocInGroup = oc % ocPerGroup;
                float* out = y + plane * g.outH * g.outW;
                std::fill(out, out + g.outH * g.outW, m_bias ? m_bias[oc] : 0.f);
                for (std::int64_t ic = 0; ic < icPerGroup; ++ic) {
                    const std::int64_t c = group * icPerGroup + ic;
                    const float* in = x + (n * g.inC + c) * g.inH * g.inW;
                    const float* w =
                        m_w + (c * ocPerGroup + ocInGroup) * g.kH * g.kW; // W is [Cin][Cout/g][kH][kW]
                    for (std::int64_t iy = 0; iy < g.inH; ++iy) {
                        for (std::int64_t ix = 0; ix < g.inW; ++ix) {
                            const float v = in[iy * g.inW + ix];
                            for (std::int64_t ky = 0; ky < g.kH; ++ky) {
                                const std::int64_t oy = iy * g.strideH - g.padTop + ky * g.dilH;
                                if (oy < 0 || oy >= g.outH) {
                                    continue;
                                }
                                for (std::int64_t kx = 0; kx < g.kW; ++kx) {
                                    const std::int64_t ox = ix * g.strideW - g.padLeft + kx * g.dilW;
                                    if (ox >= 0 && ox < g.outW) {
                                        out[oy * g.outW + ox] += v * w[ky * g.kW + kx];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        });
    }

private:
    Geometry m_g;
    const float* m_w;
    const float* m_bias;
};

} // namespace

Expected<std::unique_ptr<Kernel>> createConvTranspose(const KernelInit& init) {
    const auto& n = init.node;
    const model::Tensor* w = init.constants.at(1);
    const model::Tensor* bias = init.constants.size() > 2 ? init.constants[2] : nullptr;
    const Shape& in = init.inputShapes.at(0);
    const Shape& out = init.outputShapes.at(0);
    if (!w || in.size() != 4 || out.size() != 4) {
        return kernelError(init, "only 2-D transposed convolutions with constant weights are supported");
    }
    ConvTransposeKernel::Geometry g{};
    g.batch = in[0];
    g.inC = in[1];
    g.inH = in[2];
    g.inW = in[3];
    g.outC = out[1];
    g.outH = out[2];
    g.outW = out[3];
    g.kH = w->shape[2];
    g.kW = w->shape[3];
    const auto strides = n.attrInts("strides", {1, 1});
    const auto dilations = n.attrInts("dilations", {1, 1});
    g.strideH = strides.at(0);
    g.strideW = strides.at(1);
    g.dilH = dilations.at(0);
    g.dilW = dilations.at(1);
    g.groups = n.attrInt("group", 1);
    const std::string autoPad = n.attrString("auto_pad", "NOTSET");
    if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
        // total padding = stride*(in-1) + output_padding + effective kernel - out
        const auto outPad = n.attrInts("output_padding", {0, 0});
        const std::int64_t totalH = g.strideH * (g.inH - 1) + outPad[0] + (g.kH - 1) * g.dilH + 1 - g.outH;
        const std::int64_t totalW = g.strideW * (g.inW - 1) + outPad[1] + (g.kW - 1) * g.dilW + 1 - g.outW;
        g.padTop = autoPad == "SAME_UPPER" ? totalH / 2 : totalH - totalH / 2;
        g.padLeft = autoPad == "SAME_UPPER" ? totalW / 2 : totalW - totalW / 2;
    } else if (n.has("output_shape") && !n.has("pads")) {
        const std::int64_t totalH = g.strideH * (g.inH - 1) + (g.kH - 1) * g.dilH + 1 - g.outH;
        const std::int64_t totalW = g.strideW * (g.inW - 1) + (g.kW - 1) * g.dilW + 1 - g.outW;
        g.padTop = totalH / 2;
        g.padLeft = totalW / 2;
    } else {
        const auto pads = n.attrInts("pads", {0, 0, 0, 0});
        g.padTop = pads.at(0);
        g.padLeft = pads.at(1);
    }
    if (g.groups <= 0 || g.inC % g.groups || g.outC % g.groups) {
        return kernelError(init, "group does not divide the channels");
    }
    return make<ConvTransposeKernel>(g, w->floats.data(), bias ? bias->floats.data() : nullptr);
}

} // namespace tessera::exec::kernels
