// kernel: MaxPool createMaxPool
//
// 2-D max pooling (kernel_shape, strides, pads / auto_pad, dilations, ceil_mode through the inferred output
// shape); padded cells never win. The Indices output is refused. Optimised and reference paths:
// kernels/pool.h.

#include "kernels/pool.h"

namespace tessera::exec::kernels {

Expected<std::unique_ptr<Kernel>> createMaxPool(const KernelInit& init) {
    if (init.node.attrInt("storage_order", 0) != 0) {
        return kernelError(init, "storage_order 1 (column-major indices) is not supported");
    }
    return makePool<PoolKind::Max>(init);
}

} // namespace tessera::exec::kernels
