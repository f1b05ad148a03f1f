// kernel: Tanh createTanh
//
// y = tanh(x). The single element-wise loop of kernels/unary.h is both the optimised and the reference
// implementation.

#include <cmath>

#include "kernels/unary.h"

namespace tessera::exec::kernels {

Expected<std::unique_ptr<Kernel>> createTanh(const KernelInit&) {
    return makeUnary([](float x) { return std::tanh(x); });
}

} // namespace tessera::exec::kernels
