// kernel: Div createDiv
//
// Numpy-broadcasting Div; see kernels/binary.h for the optimised and reference paths.

#include "kernels/binary.h"

namespace tessera::exec::kernels {

Expected<std::unique_ptr<Kernel>> createDiv(const KernelInit& init) {
    return makeArithmetic<BinaryOp::Div>(init);
}

} // namespace tessera::exec::kernels
