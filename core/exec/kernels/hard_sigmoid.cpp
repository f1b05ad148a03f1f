// kernel: HardSigmoid createHardSigmoid
//
// y = max(0, min(1, alpha * x + beta)) (alpha 0.2, beta 0.5 by default). The single element-wise loop of
// kernels/unary.h is both the optimised and the reference implementation.

#include <algorithm>

#include "kernels/unary.h"

namespace tessera::exec::kernels {

Expected<std::unique_ptr<Kernel>> createHardSigmoid(const KernelInit& init) {
    const float alpha = init.node.attrFloat("alpha", 0.2f);
    const float beta = init.node.attrFloat("beta", 0.5f);
    return makeUnary([alpha, beta](float x) { return std::clamp(alpha * x + beta, 0.f, 1.f); });
}

} // namespace tessera::exec::kernels
