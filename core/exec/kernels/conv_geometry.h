#pragma once
// 2-D convolution geometry from ONNX attributes (shared by Conv and ConvTranspose).

#include <array>

#include "kernels/common.h"

namespace tessera::exec::kernels {

struct ConvGeometry {
    std::int64_t batch = 1, inC = 0, inH = 0, inW = 0;
    std::int64_t outC = 0, outH = 0, outW = 0;
    std::int64_t kH = 1, kW = 1, strideH = 1, strideW = 1, dilH = 1, dilW = 1;
    std::int64_t padTop = 0, padLeft = 0;
    std::int64_t groups = 1;
};

// Reads strides, dilations, group and explicit or auto_pad padding for a Conv whose input and output
// shapes are known (the output shape from shape inference is the reference for SAME_* padding).
inline Expected<ConvGeometry> convGeometry(const KernelInit& init, const Shape& weightShape) {
    const auto& n = init.node;
    const Shape& in = init.inputShapes.at(0);
    const Shape& out = init.outputShapes.at(0);
    if (in.size() != 4 || weightShape.size() != 4) {
        return kernelError(init, "only 2-D convolutions on 4-D tensors are supported");
    }
    ConvGeometry g;
    g.batch = in[0];
    g.inC = in[1];
    g.inH = in[2];
    g.inW = in[3];
    g.outC = out[1];
    g.outH = out[2];
    g.outW = out[3];
    g.kH = weightShape[2];
    g.kW = weightShape[3];
    const auto strides = n.attrInts("strides", {1, 1});
    const auto dilations = n.attrInts("dilations", {1, 1});
    g.strideH = strides.at(0);
    g.strideW = strides.at(1);
    g.dilH = dilations.at(0);
    g.dilW = dilations.at(1);
    g.groups = n.attrInt("group", 1);
    const std::string autoPad = n.attrString("auto_pad", "NOTSET");
    if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
        // total padding so that out = ceil(in / stride); the extra pixel goes at the end (UPPER) or start
        const std::int64_t totalH =
            std::max<std::int64_t>(0, (g.outH - 1) * g.strideH + (g.kH - 1) * g.dilH + 1 - g.inH);
        const std::int64_t totalW =
            std::max<std::int64_t>(0, (g.outW - 1) * g.strideW + (g.kW - 1) * g.dilW + 1 - g.inW);
        g.padTop = autoPad == "SAME_UPPER" ? totalH / 2 : totalH - totalH / 2;
        g.padLeft = autoPad == "SAME_UPPER" ? totalW / 2 : totalW - totalW / 2;
    } else if (autoPad == "NOTSET") {
        const auto pads = n.attrInts("pads", {0, 0, 0, 0});
        g.padTop = pads.at(0);
        g.padLeft = pads.at(1);
    }
    return g;
}

} // namespace tessera::exec::kernels
