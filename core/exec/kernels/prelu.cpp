// kernel: PRelu createPRelu
//
// y = x < 0 ? slope * x : x, the slope (input 1, constant or run-time) broadcast one way onto X: numpy
// rules from opset 7. A 1-D slope of X's channel count that numpy rules cannot place (before opset 7 always,
// and as some exporters still write it) is taken per channel, i.e. as [C, 1, ..., 1]. Optimised and
// reference paths: kernels/binary.h.

#include "kernels/binary.h"

namespace tessera::exec::kernels {

Expected<std::unique_ptr<Kernel>> createPRelu(const KernelInit& init) {
    if (init.inputShapes.size() < 2 || init.outputShapes.empty()) {
        return kernelError(init, "expects X and slope");
    }
    const Shape& x = init.inputShapes[0];
    Shape slope = init.inputShapes[1];
    if (x != init.outputShapes[0]) {
        return kernelError(init, "the output shape must equal X's (the slope broadcasts one way)");
    }
    const bool perChannel = slope.size() == 1 && x.size() >= 2 && slope[0] == x[1] && slope[0] != 1;
    if (perChannel && (init.opset < 7 || slope[0] != x.back())) {
        slope.insert(slope.end(), x.size() - 2, 1);
    }
    return makeBinary<BinaryOp::PRelu>(init, x, slope);
}

} // namespace tessera::exec::kernels
