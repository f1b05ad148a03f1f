// kernel: Relu createRelu

#include "kernels/unary.h"

namespace tessera::exec::kernels {

Expected<std::unique_ptr<Kernel>> createRelu(const KernelInit&) {
    return makeUnary([](float x) { return x > 0.f ? x : 0.f; });
}

} // namespace tessera::exec::kernels
