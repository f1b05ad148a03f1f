// kernel: Mul createMul
//
// Numpy-broadcasting Mul; see kernels/binary.h for the optimised and reference paths.

#include "kernels/binary.h"

namespace tessera::exec::kernels {

Expected<std::unique_ptr<Kernel>> createMul(const KernelInit& init) {
    return makeArithmetic<BinaryOp::Mul>(init);
}

} // namespace tessera::exec::kernels
