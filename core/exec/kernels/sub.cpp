// kernel: Sub createSub
//
// Numpy-broadcasting Sub; see kernels/binary.h for the optimised and reference paths.

#include "kernels/binary.h"

namespace tessera::exec::kernels {

Expected<std::unique_ptr<Kernel>> createSub(const KernelInit& init) {
    return makeArithmetic<BinaryOp::Sub>(init);
}

} // namespace tessera::exec::kernels
