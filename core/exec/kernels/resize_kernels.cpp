// The interpolation kernels behind Resize and Upsample (no op of its own: see resize.cpp, upsample.cpp).
// Nearest works on any rank; linear interpolates the last two dims of a 4-D tensor (bilinear).
// Optimised paths precompute per-dim source tables (indices, weights) at creation; the reference paths
// compute every output element's source coordinates on the spot, in double precision.

#include <algorithm>
#include <array>
#include <cstring>

#include "kernels/resize_common.h"
#include "kernels/strided_copy.h"

namespace tessera::exec::kernels {
namespace {

class NearestReference final : public Kernel {
public:
    explicit NearestReference(ResizeSpec spec)
        : m_s(std::move(spec))
        , m_inStrides(rowMajorStrides(m_s.in)) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext&) override {
        const std::int64_t total = outputs[0].elements();
        for (std::int64_t e = 0; e < total; ++e) {
            std::int64_t rest = e, source = 0;
            for (std::size_t d = m_s.out.size(); d-- > 0;) {
                const std::int64_t o = rest % m_s.out[d];
                rest /= m_s.out[d];
                const double x = sourceCoordinate(o, m_s.scales[d], m_s.in[d], m_s.out[d], m_s.coordinates);
                source += nearestIndex(x, m_s.scales[d], m_s.in[d], m_s.nearest) * m_inStrides[d];
            }
            outputs[0].data[e] = inputs[0].data[source];
        }
    }

private:
    ResizeSpec m_s;
    std::vector<std::int64_t> m_inStrides;
};

// Per dim a table of source offsets (index * input stride); output rows whose source row equals the
// previous row's (enlarging the outer dims) are copied from the previous output row.
class NearestKernel final : public Kernel {
public:
    explicit NearestKernel(const ResizeSpec& s)
        : m_out(s.out) {
        const std::vector<std::int64_t> inStrides = rowMajorStrides(s.in);
        for (std::size_t d = 0; d < s.out.size(); ++d) {
            m_tableStart.push_back(std::int64_t(m_table.size()));
            for (std::int64_t o = 0; o < s.out[d]; ++o) {
                const double x = sourceCoordinate(o, s.scales[d], s.in[d], s.out[d], s.coordinates);
                m_table.push_back(nearestIndex(x, s.scales[d], s.in[d], s.nearest) * inStrides[d]);
            }
        }
    }
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        const std::int64_t w = m_out.back();
        if (w == 0 || outputs[0].elements() == 0) {
            return;
        }
        ctx.pool.parallelFor(
            outputs[0].elements() / w,
            [&](std::int64_t begin, std::int64_t end) {
                resizeRows(inputs[0].data, outputs[0].data, begin, end);
            },
            std::max<std::int64_t>(1, 16384 / w));
    }

private:
    void resizeRows(const float* in, float* out, std::int64_t begin, std::int64_t end) const {
        const std::size_t outer = m_out.size() - 1;
        const std::int64_t w = m_out.back();
        const std::int64_t* lastTable = m_table.data() + m_tableStart[outer];
        std::array<std::int64_t, kMaxMoveRank> index{};
        for (std::size_t d = outer, rest = std::size_t(begin); d-- > 0;) {
            index[d] = std::int64_t(rest) % m_out[d];
            rest /= std::size_t(m_out[d]);
        }
        std::int64_t previousSource = -1;
        for (std::int64_t row = begin; row < end; ++row) {
            float* dst = out + row * w;
            std::int64_t source = 0;
            for (std::size_t d = 0; d < outer; ++d) {
                source += m_table[std::size_t(m_tableStart[d] + index[d])];
            }
            if (source == previousSource) {
                std::memcpy(dst, dst - w, std::size_t(w) * sizeof(float));
            } else {
                const float* src = in + source;
                for (std::int64_t x = 0; x < w; ++x) {
                    dst[x] = src[lastTable[x]];
                }
            }
            previousSource = source;
            for (std::size_t d = outer; d-- > 0;) { // odometer step over the outer dims
                if (++index[d] < m_out[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
    }

    Shape m_out;
    std::vector<std::int64_t> m_table;      // per dim, per output coordinate: source offset
    std::vector<std::int64_t> m_tableStart; // per dim, its first entry in m_table
};

// The two neighbours and the weight of the second one, for linear interpolation at input coordinate x
// (clamped into the input, so coordinates outside repeat the border element).
struct LinearTap {
    std::int64_t i0 = 0, i1 = 0;
    double weight = 0.0;
};

LinearTap linearTap(double x, std::int64_t inLength) {
    x = std::clamp(x, 0.0, double(inLength - 1));
    LinearTap t;
    t.i0 = std::int64_t(std::floor(x));
    t.i1 = std::min(t.i0 + 1, inLength - 1);
    t.weight = x - double(t.i0);
    return t;
}

class BilinearReference final : public Kernel {
public:
    explicit BilinearReference(ResizeSpec spec)
        : m_s(std::move(spec)) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext&) override {
        const std::int64_t planes = m_s.out[0] * m_s.out[1], ih = m_s.in[2], iw = m_s.in[3], oh = m_s.out[2],
                           ow = m_s.out[3];
        for (std::int64_t p = 0; p < planes; ++p) {
            const float* x = inputs[0].data + p * ih * iw;
            for (std::int64_t oy = 0; oy < oh; ++oy) {
                const LinearTap ty =
                    linearTap(sourceCoordinate(oy, m_s.scales[2], ih, oh, m_s.coordinates), ih);
                for (std::int64_t ox = 0; ox < ow; ++ox) {
                    const LinearTap tx =
                        linearTap(sourceCoordinate(ox, m_s.scales[3], iw, ow, m_s.coordinates), iw);
                    const double top =
                        (1 - tx.weight) * x[ty.i0 * iw + tx.i0] + tx.weight * x[ty.i0 * iw + tx.i1];
                    const double bottom =
                        (1 - tx.weight) * x[ty.i1 * iw + tx.i0] + tx.weight * x[ty.i1 * iw + tx.i1];
                    outputs[0].data[(p * oh + oy) * ow + ox] =
                        float((1 - ty.weight) * top + ty.weight * bottom);
                }
            }
        }
    }

private:
    ResizeSpec m_s;
};

// Row and column taps precomputed (float weights); work split over output rows of all planes.
class BilinearKernel final : public Kernel {
public:
    explicit BilinearKernel(const ResizeSpec& s)
        : m_in(s.in)
        , m_out(s.out) {
        for (std::int64_t oy = 0; oy < s.out[2]; ++oy) {
            m_rows.push_back(
                linearTap(sourceCoordinate(oy, s.scales[2], s.in[2], s.out[2], s.coordinates), s.in[2]));
        }
        for (std::int64_t ox = 0; ox < s.out[3]; ++ox) {
            const LinearTap t =
                linearTap(sourceCoordinate(ox, s.scales[3], s.in[3], s.out[3], s.coordinates), s.in[3]);
            m_x0.push_back(t.i0);
            m_x1.push_back(t.i1);
            m_wx.push_back(float(t.weight));
        }
    }
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        const std::int64_t ih = m_in[2], iw = m_in[3], oh = m_out[2], ow = m_out[3];
        const float* in = inputs[0].data;
        float* out = outputs[0].data;
        ctx.pool.parallelFor(
            m_out[0] * m_out[1] * oh,
            [&](std::int64_t begin, std::int64_t end) {
                for (std::int64_t row = begin; row < end; ++row) {
                    const LinearTap& ty = m_rows[std::size_t(row % oh)];
                    const float* plane = in + row / oh * ih * iw;
                    const float* r0 = plane + ty.i0 * iw;
                    const float* r1 = plane + ty.i1 * iw;
                    const auto wy = float(ty.weight);
                    float* dst = out + row * ow;
                    for (std::int64_t x = 0; x < ow; ++x) {
                        const float wx = m_wx[std::size_t(x)];
                        const std::int64_t x0 = m_x0[std::size_t(x)], x1 = m_x1[std::size_t(x)];
                        const float top = (1 - wx) * r0[x0] + wx * r0[x1];
                        const float bottom = (1 - wx) * r1[x0] + wx * r1[x1];
                        dst[x] = (1 - wy) * top + wy * bottom;
                    }
                }
            },
            std::max<std::int64_t>(1, 8192 / std::max<std::int64_t>(ow, 1)));
    }

private:
    Shape m_in, m_out;
    std::vector<LinearTap> m_rows;
    std::vector<std::int64_t> m_x0, m_x1;
    std::vector<float> m_wx;
};

} // namespace

Expected<std::unique_ptr<Kernel>> makeResizeKernel(const KernelInit& init, ResizeSpec spec) {
    const std::size_t rank = spec.in.size();
    if (rank == 0 || rank > kMaxMoveRank || spec.out.size() != rank || spec.scales.size() != rank) {
        return kernelError(init,
                           "input, output and scales ranks do not match (or the rank is not supported)");
    }
    for (std::size_t d = 0; d < rank; ++d) {
        if (!(spec.scales[d] > 0.0) || (spec.in[d] == 0 && spec.out[d] != 0)) {
            return kernelError(init, "scale " + std::to_string(spec.scales[d]) + " of dim " +
                                         std::to_string(d) + " is not usable");
        }
    }
    if (spec.mode == ResizeMode::Linear) {
        if (rank != 4 || spec.out[0] != spec.in[0] || spec.out[1] != spec.in[1]) {
            return kernelError(init, "linear mode resizes only the last two dims of a 4-D tensor");
        }
        if (init.reference) {
            return make<BilinearReference>(std::move(spec));
        }
        return make<BilinearKernel>(spec);
    }
    if (init.reference) {
        return make<NearestReference>(std::move(spec));
    }
    return make<NearestKernel>(spec);
}

} // namespace tessera::exec::kernels
