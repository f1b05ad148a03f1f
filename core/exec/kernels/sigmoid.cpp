// kernel: Sigmoid createSigmoid
//
// y = 1 / (1 + exp(-x)); for very negative x, exp(-x) overflows to inf and y is 0 as it should be. The
// single element-wise loop of kernels/unary.h is both the optimised and the reference implementation.

#include <cmath>

#include "kernels/unary.h"

namespace tessera::exec::kernels {

Expected<std::unique_ptr<Kernel>> createSigmoid(const KernelInit&) {
    return makeUnary([](float x) { return 1.f / (1.f + std::exp(-x)); });
}

} // namespace tessera::exec::kernels
