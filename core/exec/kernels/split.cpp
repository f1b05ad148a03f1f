// kernel: Split createSplit
//
// Cuts input 0 along `axis` into the outputs. The part sizes are the outputs' (statically inferred)
// extents along the axis; an explicit split (opset >= 13: constant input 1, before: the `split`
// attribute) must agree with them. Optimised path: one memcpy per (outer index, output) block; the
// reference walks every input element and stores it in the output that owns its axis coordinate.

#include <cstring>

#include "kernels/strided_copy.h"

namespace tessera::exec::kernels {
namespace {

struct SplitLayout {
    std::int64_t outer = 1;            // product of the dims before the axis
    std::int64_t inner = 1;            // product of the dims after the axis
    std::int64_t inAxis = 0;           // input extent along the axis
    std::vector<std::int64_t> extents; // per output, extent along the axis
    std::vector<std::int64_t> firsts;  // per output, its first coordinate along the input axis
};

class SplitReference final : public Kernel {
public:
    explicit SplitReference(SplitLayout layout)
        : m_l(std::move(layout)) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext&) override {
        const std::int64_t total = inputs[0].elements();
        for (std::int64_t i = 0; i < total; ++i) {
            const std::int64_t inner = i % m_l.inner, a = i / m_l.inner % m_l.inAxis,
                               outer = i / m_l.inner / m_l.inAxis;
            std::size_t k = 0;
            while (a >= m_l.firsts[k] + m_l.extents[k]) {
                ++k;
            }
            if (outputs[k].data) {
                outputs[k].data[(outer * m_l.extents[k] + a - m_l.firsts[k]) * m_l.inner + inner] =
                    inputs[0].data[i];
            }
        }
    }

private:
    SplitLayout m_l;
};

class SplitKernel final : public Kernel {
public:
    explicit SplitKernel(SplitLayout layout)
        : m_l(std::move(layout)) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        const auto parts = std::int64_t(m_l.extents.size());
        const std::int64_t rowLength = m_l.inAxis * m_l.inner;
        const std::int64_t grain =
            std::max<std::int64_t>(1, 16384 * parts / std::max<std::int64_t>(rowLength, 1));
        ctx.pool.parallelFor(
            m_l.outer * parts,
            [&](std::int64_t begin, std::int64_t end) {
                for (std::int64_t job = begin; job < end; ++job) {
                    const std::int64_t outer = job / parts;
                    const auto k = std::size_t(job % parts);
                    const std::int64_t block = m_l.extents[k] * m_l.inner;
                    if (!outputs[k].data || block == 0) {
                        continue; // an empty output, or one the engine did not allocate
                    }
                    std::memcpy(outputs[k].data + outer * block,
                                inputs[0].data + outer * rowLength + m_l.firsts[k] * m_l.inner,
                                std::size_t(block) * sizeof(float));
                }
            },
            grain);
    }

private:
    SplitLayout m_l;
};

} // namespace

Expected<std::unique_ptr<Kernel>> createSplit(const KernelInit& init) {
    const Shape& in = init.inputShapes[0];
    const std::int64_t axis = normaliseAxis(init.node.attrInt("axis", 0), in.size());
    if (axis < 0) {
        return kernelError(init, "axis " + std::to_string(init.node.attrInt("axis", 0)) + " is out of range");
    }
    std::vector<std::int64_t> split;
    if (init.opset >= 13) {
        if (init.constants.size() > 1 && init.constants[1]) {
            split = constantInts(*init.constants[1]);
        } else if (init.node.inputs.size() > 1 && !init.node.inputs[1].empty()) {
            return kernelError(init, "the split input must be a constant");
        }
    } else {
        split = init.node.attrInts("split");
    }
    SplitLayout l;
    for (std::size_t d = 0; d < in.size(); ++d) {
        if (std::int64_t(d) < axis) {
            l.outer *= in[d];
        } else if (std::int64_t(d) > axis) {
            l.inner *= in[d];
        }
    }
    l.inAxis = in[std::size_t(axis)];
    std::int64_t next = 0;
    for (const Shape& s : init.outputShapes) {
        if (s.size() != in.size()) {
            return kernelError(init, "an output's rank differs from the input's");
        }
        l.firsts.push_back(next);
        l.extents.push_back(s[std::size_t(axis)]);
        next += s[std::size_t(axis)];
    }
    if (next != l.inAxis || l.extents.empty()) {
        return kernelError(init, "the outputs do not cover the input along the axis");
    }
    if (!split.empty() && split != l.extents) {
        return kernelError(init, "the split sizes differ from the inferred output shapes");
    }
    if (init.reference) {
        return make<SplitReference>(std::move(l));
    }
    return make<SplitKernel>(std::move(l));
}

} // namespace tessera::exec::kernels
