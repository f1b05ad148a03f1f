#pragma once
// Shared helpers of the data-movement kernels (Transpose, Slice, SpaceToDepth, DepthToSpace, Concat,
// Split, Pad): index arithmetic on row-major shapes and a strided-view copy.

#include <algorithm>
#include <array>
#include <cstring>

#include "kernels/common.h"

namespace tessera::exec::kernels {

// Rank limit of the data-movement kernels: run() walks indices in fixed arrays so it never allocates.
constexpr std::size_t kMaxMoveRank = 8;

// Row-major strides of `shape` (in elements).
inline std::vector<std::int64_t> rowMajorStrides(const Shape& shape) {
    std::vector<std::int64_t> strides(shape.size(), 1);
    for (std::size_t d = shape.size(); d-- > 1;) {
        strides[d - 1] = strides[d] * shape[d];
    }
    return strides;
}

// Normalises a possibly negative axis into [0, rank); -1 when out of range.
inline std::int64_t normaliseAxis(std::int64_t axis, std::size_t rank) {
    const auto r = std::int64_t(rank);
    if (axis < -r || axis >= r) {
        return -1;
    }
    return axis < 0 ? axis + r : axis;
}

// Integer values of a constant input (int64 or float storage alike).
inline std::vector<std::int64_t> constantInts(const model::Tensor& t) {
    std::vector<std::int64_t> v(std::size_t(t.elements()));
    for (std::size_t i = 0; i < v.size(); ++i) {
        v[i] = t.intAt(i);
    }
    return v;
}

// Copies a strided view of a tensor into a contiguous output:
//     out[i_0, ..., i_k] = in[offset + sum_d i_d * strides[d]]
// Adjacent dims that are contiguous in the source are merged at construction, so the innermost loop is a
// memcpy whenever the view keeps rows contiguous. Work is split over output rows.
class StridedCopy {
public:
    StridedCopy() = default;
    // dims.size() == strides.size() <= kMaxMoveRank (after merging, callers check the unmerged rank).
    StridedCopy(const Shape& dims, const std::vector<std::int64_t>& strides, std::int64_t offset)
        : m_offset(offset) {
        for (std::size_t d = 0; d < dims.size(); ++d) {
            if (dims[d] == 1) {
                continue; // a unit dim contributes nothing to any source index
            }
            if (m_rank > 0 && m_strides[m_rank - 1] == strides[d] * dims[d]) {
                m_dims[m_rank - 1] *= dims[d];
                m_strides[m_rank - 1] = strides[d];
            } else {
                m_dims[m_rank] = dims[d];
                m_strides[m_rank] = strides[d];
                ++m_rank;
            }
        }
        if (m_rank == 0) { // a single element
            m_dims[0] = 1;
            m_strides[0] = 1;
            m_rank = 1;
        }
        m_total = 1;
        for (std::size_t d = 0; d < m_rank; ++d) {
            m_total *= m_dims[d];
        }
    }

    void run(const float* in, float* out, ThreadPool& pool) const {
        const std::int64_t rowLength = m_dims[m_rank - 1];
        const std::int64_t rows = rowLength == 0 ? 0 : m_total / rowLength;
        const std::int64_t grain = std::max<std::int64_t>(1, 16384 / std::max<std::int64_t>(rowLength, 1));
        pool.parallelFor(
            rows, [&](std::int64_t begin, std::int64_t end) { copyRows(in, out, begin, end); }, grain);
    }

private:
    void copyRows(const float* in, float* out, std::int64_t begin, std::int64_t end) const {
        const std::size_t outer = m_rank - 1;
        const std::int64_t rowLength = m_dims[outer];
        const std::int64_t innerStride = m_strides[outer];
        std::array<std::int64_t, kMaxMoveRank> index{};
        std::int64_t source = m_offset;
        for (std::size_t d = outer, rest = std::size_t(begin); d-- > 0;) {
            index[d] = std::int64_t(rest) % m_dims[d];
            rest /= std::size_t(m_dims[d]);
            source += index[d] * m_strides[d];
        }
        float* dst = out + begin * rowLength;
        for (std::int64_t row = begin; row < end; ++row, dst += rowLength) {
            const float* src = in + source;
            if (innerStride == 1) {
                std::memcpy(dst, src, std::size_t(rowLength) * sizeof(float));
            } else {
                for (std::int64_t i = 0; i < rowLength; ++i) {
                    dst[i] = src[i * innerStride];
                }
            }
            for (std::size_t d = outer; d-- > 0;) { // odometer step over the outer dims
                source += m_strides[d];
                if (++index[d] < m_dims[d]) {
                    break;
                }
                source -= m_strides[d] * m_dims[d];
                index[d] = 0;
            }
        }
    }

    std::array<std::int64_t, kMaxMoveRank> m_dims{};
    std::array<std::int64_t, kMaxMoveRank> m_strides{};
    std::size_t m_rank = 0;
    std::int64_t m_offset = 0;
    std::int64_t m_total = 0;
};

// A kernel that is one strided copy of input 0 into output 0 (the optimised Transpose, Slice,
// SpaceToDepth and DepthToSpace).
class StridedCopyKernel final : public Kernel {
public:
    explicit StridedCopyKernel(StridedCopy copy)
        : m_copy(copy) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        m_copy.run(inputs[0].data, outputs[0].data, ctx.pool);
    }

private:
    StridedCopy m_copy;
};

} // namespace tessera::exec::kernels
