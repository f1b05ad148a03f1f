// kernel: Add createAdd
//
// Numpy-broadcasting Add; see kernels/binary.h for the optimised and reference paths.

#include "kernels/binary.h"

namespace tessera::exec::kernels {

Expected<std::unique_ptr<Kernel>> createAdd(const KernelInit& init) {
    return makeArithmetic<BinaryOp::Add>(init);
}

} // namespace tessera::exec::kernels
