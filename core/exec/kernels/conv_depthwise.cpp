// One filter per channel, planes split over the threads.
//
// With AVX-512 and stride 1 or 2, output rows are computed in four 16-column vectors held in registers
// over all kH x kW taps (four independent accumulation chains: one row of 64 columns, two rows of 32 or
// four rows of 16): lanes whose tap falls in the padding are masked out of the load (so borders need no
// scalar path, which dominated small maps), stride 2 picks the even lanes of two loads, and bias and
// activation are applied before the one store.
//
// Otherwise each output row accumulates kH x kW shifted input rows: the columns whose taps all fall inside
// the input form a contiguous range computed once per layer, without bounds checks (it vectorises), the
// border columns on a checked path; bias and activation are applied to each finished row while in L1.

#include "kernels/conv_depthwise.h"

#include <algorithm>

#include "kernels/activation_avx512.h"

namespace tessera::exec::kernels {
namespace {

class ConvDepthwise final : public Kernel {
public:
    ConvDepthwise(const ConvGeometry& g, const float* w, const float* bias, const FusedActivation& act)
        : m_g(g)
        , m_w(w)
        , m_bias(bias)
        , m_act(act) {
        // output columns ox whose every tap ix = ox*s - pad + kx*d is in [0, inW)
        m_oxLo = std::min(g.outW, (g.padLeft + g.strideW - 1) / g.strideW);
        // last such ox: floor((inW - 1 + padLeft - (kW-1)*dilW) / strideW); none when that is negative
        const std::int64_t lastInside = g.inW - 1 + g.padLeft - (g.kW - 1) * g.dilW;
        m_oxHi = lastInside < 0 ? m_oxLo : std::max(m_oxLo, std::min(g.outW, lastInside / g.strideW + 1));
    }

    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        const auto& g = m_g;
        const float* x = inputs[0].data;
        float* y = outputs[0].data;
        ctx.pool.parallelFor(g.batch * g.outC, [&](std::int64_t begin, std::int64_t end) {
            for (std::int64_t plane = begin; plane < end; ++plane) {
                const std::int64_t c = plane % g.outC;
                const float* in = x + plane * g.inH * g.inW;
                const float* w = m_w + c * g.kH * g.kW;
                float* out = y + plane * g.outH * g.outW;
                const float bias = m_bias ? m_bias[c] : 0.f;
                if (!planeVectorised(in, w, out, bias)) {
                    for (std::int64_t oy = 0; oy < g.outH; ++oy) {
                        rowPortable(in, w, out + oy * g.outW, oy, bias);
                    }
                }
            }
        });
    }

private:
    void rowPortable(const float* in, const float* w, float* row, std::int64_t oy, float bias) const {
        const auto& g = m_g;
        std::fill(row, row + g.outW, 0.f);
        for (std::int64_t ky = 0; ky < g.kH; ++ky) {
            const std::int64_t iy = oy * g.strideH - g.padTop + ky * g.dilH;
            if (iy < 0 || iy >= g.inH) {
                continue;
            }
            const float* src = in + iy * g.inW;
            for (std::int64_t kx = 0; kx < g.kW; ++kx) {
                const float wv = w[ky * g.kW + kx];
                const std::int64_t shift = kx * g.dilW - g.padLeft;
                auto checked = [&](std::int64_t ox) {
                    const std::int64_t ix = ox * g.strideW + shift;
                    row[ox] += (ix >= 0 && ix < g.inW) ? wv * src[ix] : 0.f;
                };
                for (std::int64_t ox = 0; ox < m_oxLo; ++ox) {
                    checked(ox);
                }
                if (g.strideW == 1) {
                    const float* s1 = src + shift;
                    for (std::int64_t ox = m_oxLo; ox < m_oxHi; ++ox) {
                        row[ox] += wv * s1[ox];
                    }
                } else {
                    for (std::int64_t ox = m_oxLo; ox < m_oxHi; ++ox) {
                        row[ox] += wv * src[ox * g.strideW + shift];
                    }
                }
                for (std::int64_t ox = m_oxHi; ox < g.outW; ++ox) {
                    checked(ox);
                }
            }
        }
        m_act.applyRow(row, g.outW, bias);
    }

#if defined(__AVX512F__)
    // Lanes [lo, hi) of p[0], p[Stride], p[2 * Stride], ...; the other lanes zero and their memory untouched.
    template <int Stride> static __m512 load(const float* p, std::int64_t lo, std::int64_t hi) {
        if (hi <= lo) {
            return _mm512_setzero_ps();
        }
        if constexpr (Stride == 1) {
            return _mm512_maskz_loadu_ps(__mmask16(laneMask(hi) & ~laneMask(lo)), p);
        } else {
            // elements [2 lo, 2 hi - 1) of p, in two loads, then the even ones
            const std::int64_t first = 2 * lo, last = 2 * hi - 1;
            const __mmask16 low = __mmask16(laneMask(last) & ~laneMask(first));
            const __mmask16 high = __mmask16(laneMask(last - 16) & ~laneMask(first - 16));
            const __m512i even = _mm512_set_epi32(30, 28, 26, 24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2, 0);
            return _mm512_permutex2var_ps(_mm512_maskz_loadu_ps(low, p), even,
                                          _mm512_maskz_loadu_ps(high, p + 16));
        }
    }

    // Output rows oy0 .. oy0+rows (rows <= R), each in vectors of V x 16 columns: R x V = 4 independent
    // accumulators, whatever the width (a 7-column map runs four rows at once).
    template <int Stride, int R, int V>
    void rowVectors(const float* in, const float* w, float* out, std::int64_t oy0, std::int64_t rows,
                    float bias) const {
        const auto& g = m_g;
        const VectorActivation act(m_act);
        for (std::int64_t ox0 = 0; ox0 < g.outW; ox0 += 16 * V) {
            const std::int64_t columns = std::min<std::int64_t>(16 * V, g.outW - ox0);
            __m512 acc[R][V];
            for (int r = 0; r < R; ++r) {
                for (int v = 0; v < V; ++v) {
                    acc[r][v] = _mm512_set1_ps(bias);
                }
            }
            for (std::int64_t kx = 0; kx < g.kW; ++kx) {
                // lane l of vector v reads column ix0[v] + l * Stride; lanes [lo, hi) are inside the row
                std::int64_t ix0[V], lo[V], hi[V];
                for (int v = 0; v < V; ++v) {
                    ix0[v] = (ox0 + 16 * v) * Stride + kx * g.dilW - g.padLeft;
                    lo[v] = ix0[v] >= 0 ? 0 : (Stride - 1 - ix0[v]) / Stride;
                    hi[v] = std::min<std::int64_t>(columns - 16 * v, (g.inW - ix0[v] + Stride - 1) / Stride);
                    hi[v] = std::min<std::int64_t>(hi[v], 16);
                }
                for (std::int64_t ky = 0; ky < g.kH; ++ky) {
                    const __m512 wv = _mm512_set1_ps(w[ky * g.kW + kx]);
                    for (int r = 0; r < R; ++r) {
                        const std::int64_t iy = (oy0 + r) * g.strideH - g.padTop + ky * g.dilH;
                        if (r >= rows || iy < 0 || iy >= g.inH) {
                            continue;
                        }
                        const float* src = in + iy * g.inW;
                        for (int v = 0; v < V; ++v) {
                            if (16 * v < columns) {
                                acc[r][v] =
                                    _mm512_fmadd_ps(wv, load<Stride>(src + ix0[v], lo[v], hi[v]), acc[r][v]);
                            }
                        }
                    }
                }
            }
            for (int r = 0; r < R && r < rows; ++r) {
                float* row = out + (oy0 + r) * g.outW + ox0;
                for (int v = 0; v < V; ++v) {
                    if (16 * v < columns) {
                        _mm512_mask_storeu_ps(row + 16 * v, laneMask(columns - 16 * v), act.apply(acc[r][v]));
                    }
                }
            }
        }
    }

    template <int Stride> void planeVectors(const float* in, const float* w, float* out, float bias) const {
        const std::int64_t outW = m_g.outW, outH = m_g.outH;
        const int rowsAtOnce = outW <= 16 ? 4 : outW <= 32 ? 2 : 1;
        for (std::int64_t oy = 0; oy < outH; oy += rowsAtOnce) {
            const std::int64_t rows = std::min<std::int64_t>(rowsAtOnce, outH - oy);
            if (rowsAtOnce == 4) {
                rowVectors<Stride, 4, 1>(in, w, out, oy, rows, bias);
            } else if (rowsAtOnce == 2) {
                rowVectors<Stride, 2, 2>(in, w, out, oy, rows, bias);
            } else {
                rowVectors<Stride, 1, 4>(in, w, out, oy, rows, bias);
            }
        }
    }
#endif

    // Computes a whole plane on the vectorised path when there is one for this layer.
    bool planeVectorised([[maybe_unused]] const float* in, [[maybe_unused]] const float* w,
                         [[maybe_unused]] float* out, [[maybe_unused]] float bias) const {
#if defined(__AVX512F__)
        if (m_g.strideW == 1) {
            planeVectors<1>(in, w, out, bias);
            return true;
        }
        if (m_g.strideW == 2) {
            planeVectors<2>(in, w, out, bias);
            return true;
        }
#endif
        return false;
    }

    ConvGeometry m_g;
    const float* m_w;    // [C][1][kH][kW]
    const float* m_bias; // [C] or null
    FusedActivation m_act;
    std::int64_t m_oxLo = 0, m_oxHi = 0; // output columns with every tap inside the input
};

} // namespace

std::unique_ptr<Kernel> makeConvDepthwise(const ConvGeometry& g, const float* w, const float* bias,
                                          const FusedActivation& act) {
    return std::make_unique<ConvDepthwise>(g, w, bias, act);
}

} // namespace tessera::exec::kernels
