// kernel: Pad createPad
//
// Pads (or, with negative pads, crops) every dim. pads = [x1_begin, x2_begin, ..., x1_end, x2_end, ...]:
// opset >= 11 from constant input 1 (constant_value: optional input 2; axes: optional input 3, opset 18),
// before from the `pads` / `value` attributes. Modes: constant, reflect (mirror without repeating the
// edge, repeated as often as the padding needs), edge (repeat the border element).
// Optimised path: per-dim tables map each output coordinate to its source coordinate (-1: the constant);
// each output row is a left fill, one memcpy of the interior and a right fill. Reference: per output
// element, the mapping of every coordinate computed on the spot.

#include <algorithm>
#include <cstring>

#include "kernels/strided_copy.h"

namespace tessera::exec::kernels {
namespace {

enum class PadMode { Constant, Reflect, Edge };

// Source coordinate of output coordinate `o` along a dim of input extent `n` padded by `begin` in front;
// -1 when the output element is the constant.
std::int64_t padSource(std::int64_t o, std::int64_t begin, std::int64_t n, PadMode mode) {
    const std::int64_t i = o - begin;
    if (i >= 0 && i < n) {
        return i;
    }
    switch (mode) {
    case PadMode::Constant:
        return -1;
    case PadMode::Edge:
        return std::clamp<std::int64_t>(i, 0, n - 1);
    case PadMode::Reflect:
        if (n == 1) {
            return 0;
        }
        const std::int64_t period = 2 * (n - 1);
        const std::int64_t r = ((i % period) + period) % period;
        return r < n ? r : period - r;
    }
    return -1;
}

struct PadSpec {
    Shape in, out;
    std::vector<std::int64_t> begin; // per dim
    PadMode mode = PadMode::Constant;
    float value = 0.f;
};

class PadReference final : public Kernel {
public:
    explicit PadReference(PadSpec spec)
        : m_s(std::move(spec))
        , m_inStrides(rowMajorStrides(m_s.in)) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext&) override {
        const std::int64_t total = outputs[0].elements();
        for (std::int64_t e = 0; e < total; ++e) {
            std::int64_t rest = e, source = 0;
            bool constant = false;
            for (std::size_t d = m_s.out.size(); d-- > 0;) {
                const std::int64_t i = padSource(rest % m_s.out[d], m_s.begin[d], m_s.in[d], m_s.mode);
                rest /= m_s.out[d];
                constant = constant || i < 0;
                source += i * m_inStrides[d];
            }
            outputs[0].data[e] = constant ? m_s.value : inputs[0].data[source];
        }
    }

private:
    PadSpec m_s;
    std::vector<std::int64_t> m_inStrides;
};

class PadKernel final : public Kernel {
public:
    explicit PadKernel(PadSpec spec)
        : m_s(std::move(spec))
        , m_inStrides(rowMajorStrides(m_s.in)) {
        for (std::size_t d = 0; d < m_s.out.size(); ++d) {
            m_tableStart.push_back(std::int64_t(m_table.size()));
            for (std::int64_t o = 0; o < m_s.out[d]; ++o) {
                m_table.push_back(padSource(o, m_s.begin[d], m_s.in[d], m_s.mode));
            }
        }
        const std::int64_t b = m_s.begin.back(), n = m_s.in.back(), w = m_s.out.back();
        m_interiorBegin = std::clamp<std::int64_t>(b, 0, w);
        m_interiorEnd = std::clamp<std::int64_t>(b + n, m_interiorBegin, w);
    }
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        const std::int64_t w = m_s.out.back();
        if (w == 0) {
            return;
        }
        const std::int64_t rows = outputs[0].elements() / w;
        ctx.pool.parallelFor(
            rows,
            [&](std::int64_t begin, std::int64_t end) {
                padRows(inputs[0].data, outputs[0].data, begin, end);
            },
            std::max<std::int64_t>(1, 16384 / w));
    }

private:
    void padRows(const float* in, float* out, std::int64_t begin, std::int64_t end) const {
        const std::size_t outer = m_s.out.size() - 1;
        const std::int64_t w = m_s.out.back();
        const std::int64_t* lastTable = m_table.data() + m_tableStart[outer];
        std::array<std::int64_t, kMaxMoveRank> index{};
        for (std::size_t d = outer, rest = std::size_t(begin); d-- > 0;) {
            index[d] = std::int64_t(rest) % m_s.out[d];
            rest /= std::size_t(m_s.out[d]);
        }
        for (std::int64_t row = begin; row < end; ++row) {
            float* dst = out + row * w;
            std::int64_t source = 0;
            bool constant = false;
            for (std::size_t d = 0; d < outer; ++d) {
                const std::int64_t i = m_table[std::size_t(m_tableStart[d] + index[d])];
                constant = constant || i < 0;
                source += i * m_inStrides[d];
            }
            if (constant) {
                std::fill(dst, dst + w, m_s.value);
            } else {
                const float* src = in + source;
                for (std::int64_t x = 0; x < m_interiorBegin; ++x) {
                    dst[x] = lastTable[x] < 0 ? m_s.value : src[lastTable[x]];
                }
                if (m_interiorEnd > m_interiorBegin) {
                    std::memcpy(dst + m_interiorBegin, src + (m_interiorBegin - m_s.begin.back()),
                                std::size_t(m_interiorEnd - m_interiorBegin) * sizeof(float));
                }
                for (std::int64_t x = m_interiorEnd; x < w; ++x) {
                    dst[x] = lastTable[x] < 0 ? m_s.value : src[lastTable[x]];
                }
            }
            for (std::size_t d = outer; d-- > 0;) { // odometer step over the outer dims
                if (++index[d] < m_s.out[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
    }

    PadSpec m_s;
    std::vector<std::int64_t> m_inStrides;
    std::vector<std::int64_t> m_table;      // per dim, per output coordinate: source coordinate or -1
    std::vector<std::int64_t> m_tableStart; // per dim, its first entry in m_table
    std::int64_t m_interiorBegin = 0;       // last-dim output range copied straight from the input
    std::int64_t m_interiorEnd = 0;
};

} // namespace

Expected<std::unique_ptr<Kernel>> createPad(const KernelInit& init) {
    PadSpec s;
    s.in = init.inputShapes[0];
    const std::size_t rank = s.in.size();
    if (rank == 0 || rank > kMaxMoveRank) {
        return kernelError(init, "rank " + std::to_string(rank) + " is not supported");
    }
    const std::string mode = init.node.attrString("mode", "constant");
    if (mode == "constant") {
        s.mode = PadMode::Constant;
    } else if (mode == "reflect") {
        s.mode = PadMode::Reflect;
    } else if (mode == "edge") {
        s.mode = PadMode::Edge;
    } else {
        return kernelError(init, "mode '" + mode + "' is not supported");
    }
    auto constantInput = [&](std::size_t i) {
        return i < init.constants.size() ? init.constants[i] : nullptr;
    };
    std::vector<std::int64_t> pads;
    std::vector<std::int64_t> axes;
    if (init.opset >= 11) {
        for (std::size_t i = 1; i < init.node.inputs.size(); ++i) {
            if (!init.node.inputs[i].empty() && !constantInput(i)) {
                return kernelError(init, "input " + std::to_string(i) + " must be a constant");
            }
        }
        if (!constantInput(1)) {
            return kernelError(init, "the pads input is missing");
        }
        pads = constantInts(*constantInput(1));
        if (const model::Tensor* v = constantInput(2); v && v->elements() > 0) {
            s.value = float(v->at(0));
        }
        if (const model::Tensor* a = constantInput(3)) {
            axes = constantInts(*a);
        }
    } else {
        pads = init.node.attrInts("pads");
        s.value = init.node.attrFloat("value", 0.f);
    }
    if (axes.empty()) {
        for (std::size_t d = 0; d < rank; ++d) {
            axes.push_back(std::int64_t(d));
        }
    }
    if (pads.size() != 2 * axes.size()) {
        return kernelError(init, "pads has " + std::to_string(pads.size()) + " entries for " +
                                     std::to_string(axes.size()) + " axes");
    }
    s.begin.assign(rank, 0);
    s.out = s.in;
    for (std::size_t k = 0; k < axes.size(); ++k) {
        const std::int64_t axis = normaliseAxis(axes[k], rank);
        if (axis < 0) {
            return kernelError(init, "axis " + std::to_string(axes[k]) + " is out of range");
        }
        const auto d = std::size_t(axis);
        s.begin[d] = pads[k];
        s.out[d] = s.in[d] + pads[k] + pads[k + axes.size()];
        if (s.out[d] < 0) {
            return kernelError(init, "the pads crop more than the input holds");
        }
        if (s.in[d] == 0 && s.out[d] > 0 && s.mode != PadMode::Constant) {
            return kernelError(init, "cannot pad an empty dim in mode '" + mode + "'");
        }
    }
    if (!init.outputShapes.empty() && init.outputShapes[0] != s.out) {
        return kernelError(init, "computed output shape " + model::toString(s.out) +
                                     " differs from the inferred " + model::toString(init.outputShapes[0]));
    }
    if (init.reference) {
        return make<PadReference>(std::move(s));
    }
    return make<PadKernel>(std::move(s));
}

} // namespace tessera::exec::kernels
