#pragma once
// Element-wise binary ops with numpy (multidirectional) broadcasting, shared by Add, Sub, Mul, Div and PRelu
// (whose slope broadcasts one way, onto X). The output shape (from shape inference) is the truth; operand
// shapes must broadcast to it.
// Optimised path: output dims of extent 1 are dropped and adjacent dims merged where both operands step
// through them alike, which leaves [n] for same-shape and scalar operands (one flat loop, split over
// threads) and [rows, inner] or [outer, C, inner] for per-channel broadcasts (per row: a contiguous or
// constant operand in the inner loop). Reference: per output element, unravel its index and gather from
// both operands. Both paths apply the same float operation per element, so they agree exactly.

#include <array>

#include "kernels/common.h"

namespace tessera::exec::kernels {

enum class BinaryOp { Add, Sub, Mul, Div, PRelu };

template <BinaryOp Op> inline float applyBinary(float a, float b) {
    if constexpr (Op == BinaryOp::Add) {
        return a + b;
    } else if constexpr (Op == BinaryOp::Sub) {
        return a - b;
    } else if constexpr (Op == BinaryOp::Mul) {
        return a * b;
    } else if constexpr (Op == BinaryOp::Div) {
        return a / b;
    } else {
        return a < 0.f ? a * b : a;
    }
}

// run() walks indices in fixed arrays, so the rank is bounded.
constexpr std::size_t kMaxBinaryRank = 8;

// Output shape plus each operand's shape right-aligned to it (missing leading dims are 1).
struct BroadcastShapes {
    Shape out, a, b;
};

// Strides of `shape` in elements, 0 on dims of extent 1 (a broadcast operand stays put along them).
inline std::vector<std::int64_t> broadcastStrides(const Shape& shape) {
    std::vector<std::int64_t> strides(shape.size(), 0);
    std::int64_t step = 1;
    for (std::size_t d = shape.size(); d-- > 0;) {
        strides[d] = shape[d] == 1 ? 0 : step;
        step *= shape[d];
    }
    return strides;
}

// Checks that `a` and `b` broadcast to `out` and right-aligns them; an error message otherwise.
inline Expected<BroadcastShapes> alignBroadcast(const KernelInit& init, const Shape& a, const Shape& b,
                                                const Shape& out) {
    if (out.size() > kMaxBinaryRank || a.size() > out.size() || b.size() > out.size()) {
        return kernelError(init, "shapes " + model::toString(a) + " and " + model::toString(b) +
                                     " do not broadcast to " + model::toString(out) + " (rank limit " +
                                     std::to_string(kMaxBinaryRank) + ")");
    }
    BroadcastShapes s{out, Shape(out.size() - a.size(), 1), Shape(out.size() - b.size(), 1)};
    s.a.insert(s.a.end(), a.begin(), a.end());
    s.b.insert(s.b.end(), b.begin(), b.end());
    for (std::size_t d = 0; d < out.size(); ++d) {
        const bool aOk = s.a[d] == out[d] || s.a[d] == 1;
        const bool bOk = s.b[d] == out[d] || s.b[d] == 1;
        const bool reaches = s.a[d] == out[d] || s.b[d] == out[d];
        if (!aOk || !bOk || !reaches) {
            return kernelError(init, "shapes " + model::toString(a) + " and " + model::toString(b) +
                                         " do not broadcast to " + model::toString(out));
        }
    }
    return s;
}

template <BinaryOp Op> class BinaryReference final : public Kernel {
public:
    explicit BinaryReference(const BroadcastShapes& s)
        : m_out(s.out)
        , m_aStrides(broadcastStrides(s.a))
        , m_bStrides(broadcastStrides(s.b)) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext&) override {
        const std::int64_t total = outputs[0].elements();
        for (std::int64_t i = 0; i < total; ++i) {
            std::int64_t rest = i, ai = 0, bi = 0;
            for (std::size_t d = m_out.size(); d-- > 0;) {
                const std::int64_t coord = rest % m_out[d];
                rest /= m_out[d];
                ai += coord * m_aStrides[d];
                bi += coord * m_bStrides[d];
            }
            outputs[0].data[i] = applyBinary<Op>(inputs[0].data[ai], inputs[1].data[bi]);
        }
    }

private:
    Shape m_out;
    std::vector<std::int64_t> m_aStrides, m_bStrides;
};

template <BinaryOp Op> class BinaryKernel final : public Kernel {
public:
    explicit BinaryKernel(const BroadcastShapes& s) {
        const auto aStrides = broadcastStrides(s.a);
        const auto bStrides = broadcastStrides(s.b);
        for (std::size_t d = 0; d < s.out.size(); ++d) {
            m_total *= s.out[d];
            if (s.out[d] == 1) {
                continue; // contributes nothing to any index
            }
            const bool merge = m_rank > 0 && m_aStrides[m_rank - 1] == aStrides[d] * s.out[d] &&
                               m_bStrides[m_rank - 1] == bStrides[d] * s.out[d];
            if (merge) {
                m_dims[m_rank - 1] *= s.out[d];
                m_aStrides[m_rank - 1] = aStrides[d];
                m_bStrides[m_rank - 1] = bStrides[d];
            } else {
                m_dims[m_rank] = s.out[d];
                m_aStrides[m_rank] = aStrides[d];
                m_bStrides[m_rank] = bStrides[d];
                ++m_rank;
            }
        }
        if (m_rank == 0) { // a single element: both operands are read at offset 0
            m_dims[0] = 1;
            m_rank = 1;
        }
    }

    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        const float* a = inputs[0].data;
        const float* b = inputs[1].data;
        float* y = outputs[0].data;
        const std::int64_t inner = m_dims[m_rank - 1];
        const std::int64_t as = m_aStrides[m_rank - 1], bs = m_bStrides[m_rank - 1];
        if (m_total == 0) {
            return;
        }
        if (m_rank == 1) { // same shape or scalar operand: one flat range
            ctx.pool.parallelFor(
                m_total,
                [&](std::int64_t begin, std::int64_t end) {
                    applyRow(a + begin * as, as, b + begin * bs, bs, y + begin, end - begin);
                },
                16384);
            return;
        }
        ctx.pool.parallelFor(
            m_total / inner,
            [&](std::int64_t begin, std::int64_t end) {
                for (std::int64_t row = begin; row < end; ++row) {
                    std::int64_t rest = row, ai = 0, bi = 0;
                    for (std::size_t d = m_rank - 1; d-- > 0;) {
                        const std::int64_t coord = rest % m_dims[d];
                        rest /= m_dims[d];
                        ai += coord * m_aStrides[d];
                        bi += coord * m_bStrides[d];
                    }
                    applyRow(a + ai, as, b + bi, bs, y + row * inner, inner);
                }
            },
            std::max<std::int64_t>(1, 16384 / inner));
    }

private:
    // y[i] = a[i * as] op b[i * bs] for i < n; strides are 0 or 1 (the innermost merged dim), and not both 0.
    static void applyRow(const float* a, std::int64_t as, const float* b, std::int64_t bs, float* y,
                         std::int64_t n) {
        if (as == 1 && bs == 1) {
            for (std::int64_t i = 0; i < n; ++i) {
                y[i] = applyBinary<Op>(a[i], b[i]);
            }
        } else if (bs == 0) {
            const float bv = *b;
            for (std::int64_t i = 0; i < n; ++i) {
                y[i] = applyBinary<Op>(a[i], bv);
            }
        } else {
            const float av = *a;
            for (std::int64_t i = 0; i < n; ++i) {
                y[i] = applyBinary<Op>(av, b[i]);
            }
        }
    }

    std::size_t m_rank = 0;
    std::int64_t m_total = 1;
    std::array<std::int64_t, kMaxBinaryRank> m_dims{};
    std::array<std::int64_t, kMaxBinaryRank> m_aStrides{}; // 0 where A is broadcast
    std::array<std::int64_t, kMaxBinaryRank> m_bStrides{};
};

// The kernel for `Op` on operands of the given shapes (which may differ from init.inputShapes when a caller
// reinterprets a legacy layout) producing init.outputShapes[0].
template <BinaryOp Op>
Expected<std::unique_ptr<Kernel>> makeBinary(const KernelInit& init, const Shape& a, const Shape& b) {
    if (init.inputShapes.size() < 2 || init.outputShapes.empty()) {
        return kernelError(init, "expects two inputs and one output");
    }
    auto shapes = alignBroadcast(init, a, b, init.outputShapes[0]);
    if (!shapes) {
        return shapes.error();
    }
    if (init.reference) {
        return make<BinaryReference<Op>>(*shapes);
    }
    return make<BinaryKernel<Op>>(*shapes);
}

// Add, Sub, Mul, Div: numpy broadcasting; before opset 7, B may instead be aligned at the `axis` attribute
// when `broadcast` is 1 (the legacy form), which is padded here into the numpy form.
template <BinaryOp Op> Expected<std::unique_ptr<Kernel>> makeArithmetic(const KernelInit& init) {
    if (init.inputShapes.size() < 2) {
        return kernelError(init, "expects two inputs");
    }
    Shape b = init.inputShapes[1];
    const Shape& a = init.inputShapes[0];
    if (init.opset < 7 && init.node.attrInt("broadcast", 0) == 1 && init.node.has("axis")) {
        std::int64_t axis = init.node.attrInt("axis", 0);
        axis = axis < 0 ? axis + std::int64_t(a.size()) : axis;
        const std::int64_t trailing = std::int64_t(a.size()) - axis - std::int64_t(b.size());
        if (axis < 0 || trailing < 0) {
            return kernelError(init, "legacy broadcast axis " + std::to_string(axis) + " does not fit");
        }
        b.insert(b.end(), std::size_t(trailing), 1);
    }
    return makeBinary<Op>(init, a, b);
}

} // namespace tessera::exec::kernels
