// kernel: AveragePool createAveragePool
//
// 2-D average pooling (kernel_shape, strides, pads / auto_pad, ceil_mode through the inferred output shape,
// dilations from opset 19); padded cells are left out of the average unless count_include_pad is 1.
// Optimised and reference paths: kernels/pool.h.

#include "kernels/pool.h"

namespace tessera::exec::kernels {

Expected<std::unique_ptr<Kernel>> createAveragePool(const KernelInit& init) {
    return makePool<PoolKind::Average>(init);
}

} // namespace tessera::exec::kernels
