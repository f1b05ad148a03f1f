// kernel: LeakyRelu createLeakyRelu
//
// y = x >= 0 ? x : alpha * x (alpha default 0.01). The single element-wise loop of kernels/unary.h is both
// the optimised and the reference implementation.

#include "kernels/unary.h"

namespace tessera::exec::kernels {

Expected<std::unique_ptr<Kernel>> createLeakyRelu(const KernelInit& init) {
    const float alpha = init.node.attrFloat("alpha", 0.01f);
    return makeUnary([alpha](float x) { return x >= 0.f ? x : alpha * x; });
}

} // namespace tessera::exec::kernels
