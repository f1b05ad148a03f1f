// kernel: Concat createConcat
//
// Joins the inputs along `axis` (negative counts from the end). With outer = product of the dims before
// the axis, each input contributes one contiguous block per outer index: the optimised path memcpy's
// those blocks ((outer, input) pairs spread over the threads); the reference finds, per output element,
// the input that holds its coordinate along the axis.

#include <cstring>

#include "kernels/strided_copy.h"

namespace tessera::exec::kernels {
namespace {

struct ConcatLayout {
    std::int64_t outer = 1;            // product of the dims before the axis
    std::int64_t inner = 1;            // product of the dims after the axis
    std::int64_t outAxis = 0;          // output extent along the axis
    std::vector<std::int64_t> extents; // per input, extent along the axis
    std::vector<std::int64_t> firsts;  // per input, its first coordinate along the output axis
};

class ConcatReference final : public Kernel {
public:
    explicit ConcatReference(ConcatLayout layout)
        : m_l(std::move(layout)) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext&) override {
        const std::int64_t total = outputs[0].elements();
        for (std::int64_t i = 0; i < total; ++i) {
            const std::int64_t inner = i % m_l.inner, a = i / m_l.inner % m_l.outAxis,
                               outer = i / m_l.inner / m_l.outAxis;
            std::size_t k = 0;
            while (a >= m_l.firsts[k] + m_l.extents[k]) {
                ++k;
            }
            outputs[0].data[i] =
                inputs[k].data[(outer * m_l.extents[k] + a - m_l.firsts[k]) * m_l.inner + inner];
        }
    }

private:
    ConcatLayout m_l;
};

class ConcatKernel final : public Kernel {
public:
    explicit ConcatKernel(ConcatLayout layout)
        : m_l(std::move(layout)) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        const auto parts = std::int64_t(m_l.extents.size());
        const std::int64_t rowLength = m_l.outAxis * m_l.inner;
        const std::int64_t grain =
            std::max<std::int64_t>(1, 16384 * parts / std::max<std::int64_t>(rowLength, 1));
        ctx.pool.parallelFor(
            m_l.outer * parts,
            [&](std::int64_t begin, std::int64_t end) {
                for (std::int64_t job = begin; job < end; ++job) {
                    const std::int64_t outer = job / parts;
                    const auto k = std::size_t(job % parts);
                    const std::int64_t block = m_l.extents[k] * m_l.inner;
                    if (block == 0) {
                        continue; // an empty input (its data may be null, which memcpy must not see)
                    }
                    std::memcpy(outputs[0].data + outer * rowLength + m_l.firsts[k] * m_l.inner,
                                inputs[k].data + outer * block, std::size_t(block) * sizeof(float));
                }
            },
            grain);
    }

private:
    ConcatLayout m_l;
};

} // namespace

Expected<std::unique_ptr<Kernel>> createConcat(const KernelInit& init) {
    if (init.inputShapes.empty()) {
        return kernelError(init, "no inputs");
    }
    const Shape& first = init.inputShapes[0];
    const std::int64_t axis = normaliseAxis(init.node.attrInt("axis", 0), first.size());
    if (axis < 0) {
        return kernelError(init, "axis " + std::to_string(init.node.attrInt("axis", 0)) + " is out of range");
    }
    ConcatLayout l;
    for (std::size_t d = 0; d < first.size(); ++d) {
        if (std::int64_t(d) < axis) {
            l.outer *= first[d];
        } else if (std::int64_t(d) > axis) {
            l.inner *= first[d];
        }
    }
    for (const Shape& s : init.inputShapes) {
        if (s.size() != first.size()) {
            return kernelError(init, "inputs of different rank");
        }
        for (std::size_t d = 0; d < s.size(); ++d) {
            if (std::int64_t(d) != axis && s[d] != first[d]) {
                return kernelError(init, "inputs differ outside the concatenation axis");
            }
        }
        l.firsts.push_back(l.outAxis);
        l.extents.push_back(s[std::size_t(axis)]);
        l.outAxis += s[std::size_t(axis)];
    }
    if (init.reference) {
        return make<ConcatReference>(std::move(l));
    }
    return make<ConcatKernel>(std::move(l));
}

} // namespace tessera::exec::kernels
