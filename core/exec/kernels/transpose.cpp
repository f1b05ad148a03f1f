// kernel: Transpose createTranspose
//
// Output dim d is input dim perm[d] (default: the dims reversed). Optimised path: one strided copy (rows
// that stay contiguous are memcpy'd). Reference: per output element, unravel its index and gather.

#include "kernels/strided_copy.h"

namespace tessera::exec::kernels {
namespace {

class TransposeReference final : public Kernel {
public:
    TransposeReference(Shape outShape, std::vector<std::int64_t> sourceStrides)
        : m_outShape(std::move(outShape))
        , m_sourceStrides(std::move(sourceStrides)) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext&) override {
        const std::int64_t total = outputs[0].elements();
        for (std::int64_t i = 0; i < total; ++i) {
            std::int64_t rest = i, source = 0;
            for (std::size_t d = m_outShape.size(); d-- > 0;) {
                source += (rest % m_outShape[d]) * m_sourceStrides[d];
                rest /= m_outShape[d];
            }
            outputs[0].data[i] = inputs[0].data[source];
        }
    }

private:
    Shape m_outShape;
    std::vector<std::int64_t> m_sourceStrides; // input stride of each output dim
};

} // namespace

Expected<std::unique_ptr<Kernel>> createTranspose(const KernelInit& init) {
    const Shape& in = init.inputShapes[0];
    const std::size_t rank = in.size();
    if (rank > kMaxMoveRank) {
        return kernelError(init, "rank " + std::to_string(rank) + " is above the supported " +
                                     std::to_string(kMaxMoveRank));
    }
    std::vector<std::int64_t> perm = init.node.attrInts("perm");
    if (perm.empty()) {
        for (std::size_t d = 0; d < rank; ++d) {
            perm.push_back(std::int64_t(rank - 1 - d));
        }
    }
    if (perm.size() != rank) {
        return kernelError(init, "perm has " + std::to_string(perm.size()) + " entries for a rank-" +
                                     std::to_string(rank) + " input");
    }
    const std::vector<std::int64_t> inStrides = rowMajorStrides(in);
    std::vector<bool> used(rank, false);
    Shape outShape(rank);
    std::vector<std::int64_t> sourceStrides(rank);
    for (std::size_t d = 0; d < rank; ++d) {
        const std::int64_t p = normaliseAxis(perm[d], rank);
        if (p < 0 || used[std::size_t(p)]) {
            return kernelError(init, "perm is not a permutation of the input dims");
        }
        used[std::size_t(p)] = true;
        outShape[d] = in[std::size_t(p)];
        sourceStrides[d] = inStrides[std::size_t(p)];
    }
    if (init.reference) {
        return make<TransposeReference>(outShape, sourceStrides);
    }
    return make<StridedCopyKernel>(StridedCopy(outShape, sourceStrides, 0));
}

} // namespace tessera::exec::kernels
