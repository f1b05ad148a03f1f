// kernel: HardSwish createHardSwish
//
// y = x * max(0, min(1, x / 6 + 0.5)) (HardSigmoid with alpha 1/6, beta 0.5, times x). The single
// element-wise loop of kernels/unary.h is both the optimised and the reference implementation.

#include <algorithm>

#include "kernels/unary.h"

namespace tessera::exec::kernels {

Expected<std::unique_ptr<Kernel>> createHardSwish(const KernelInit&) {
    return makeUnary([](float x) { return x * std::clamp(x * (1.f / 6.f) + 0.5f, 0.f, 1.f); });
}

} // namespace tessera::exec::kernels
