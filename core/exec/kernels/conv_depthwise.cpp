// One filter per channel, planes split over the threads. The output columns whose taps all fall inside
// the input form a contiguous range computed once per layer. With AVX-512 and stride 1 or 2 that range
// is computed in groups of up to four 16-column vectors held in registers over all kH x kW taps (four
// independent accumulation chains, masked loads and stores for the last partial vector) and stored once.
// Otherwise, and for the border columns, each output row accumulates kH x kW shifted input rows, the
// inside range without bounds checks (it vectorises), the borders on a checked path. Bias and activation
// are applied to each finished row while it is in L1.

#include "kernels/conv_depthwise.h"

#include <algorithm>

#if defined(__AVX512F__)
#include <immintrin.h>
#endif

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
                for (std::int64_t oy = 0; oy < g.outH; ++oy) {
                    float* row = out + oy * g.outW;
                    const bool vectorised = insideVectorised(in, w, row, oy);
                    std::fill(row, row + m_oxLo, 0.f);
                    std::fill(row + m_oxHi, row + g.outW, 0.f);
                    if (!vectorised) {
                        std::fill(row + m_oxLo, row + m_oxHi, 0.f);
                    }
                    for (std::int64_t ky = 0; ky < g.kH; ++ky) {
                        const std::int64_t iy = oy * g.strideH - g.padTop + ky * g.dilH;
                        if (iy >= 0 && iy < g.inH) {
                            accumulateRow(in + iy * g.inW, w + ky * g.kW, row, vectorised);
                        }
                    }
                    m_act.applyRow(row, g.outW, m_bias ? m_bias[c] : 0.f);
                }
            }
        });
    }

private:
    // row += the kW taps of one input row `src` (weights wRow): border columns always, the inside range
    // unless insideVectorised() computed it.
    void accumulateRow(const float* src, const float* wRow, float* row, bool insideDone) const {
        const auto& g = m_g;
        for (std::int64_t kx = 0; kx < g.kW; ++kx) {
            const float wv = wRow[kx];
            const std::int64_t shift = kx * g.dilW - g.padLeft;
            auto checked = [&](std::int64_t ox) {
                const std::int64_t ix = ox * g.strideW + shift;
                row[ox] += (ix >= 0 && ix < g.inW) ? wv * src[ix] : 0.f;
            };
            for (std::int64_t ox = 0; ox < m_oxLo; ++ox) {
                checked(ox);
            }
            if (!insideDone) {
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
            }
            for (std::int64_t ox = m_oxHi; ox < g.outW; ++ox) {
                checked(ox);
            }
        }
    }

#if defined(__AVX512F__)
    static __mmask16 laneMask(std::int64_t lanes) {
        return lanes >= 16 ? __mmask16(0xffff) : lanes <= 0 ? __mmask16(0) : __mmask16((1u << lanes) - 1);
    }

    // src[0], src[Stride], ... for the `lanes` lanes of a vector; nothing read past the last one used.
    template <int Stride> static __m512 load(const float* src, std::int64_t lanes) {
        if constexpr (Stride == 1) {
            return _mm512_maskz_loadu_ps(laneMask(lanes), src);
        } else {
            const std::int64_t used = 2 * std::min<std::int64_t>(lanes, 16) - 1; // src[0 .. used)
            const __m512 lo = _mm512_maskz_loadu_ps(laneMask(used), src);
            const __m512 hi = _mm512_maskz_loadu_ps(laneMask(used - 16), src + 16);
            const __m512i even = _mm512_set_epi32(30, 28, 26, 24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2, 0);
            return _mm512_permutex2var_ps(lo, even, hi);
        }
    }

    template <int Stride> void inside(const float* in, const float* w, float* row, std::int64_t oy) const {
        const auto& g = m_g;
        constexpr int kVectors = 4;
        for (std::int64_t ox0 = m_oxLo; ox0 < m_oxHi; ox0 += 16 * kVectors) {
            const std::int64_t columns = std::min<std::int64_t>(16 * kVectors, m_oxHi - ox0);
            __m512 acc[kVectors];
            for (int v = 0; v < kVectors; ++v) {
                acc[v] = _mm512_setzero_ps();
            }
            for (std::int64_t ky = 0; ky < g.kH; ++ky) {
                const std::int64_t iy = oy * g.strideH - g.padTop + ky * g.dilH;
                if (iy < 0 || iy >= g.inH) {
                    continue;
                }
                const float* src = in + iy * g.inW + ox0 * Stride - g.padLeft;
                for (std::int64_t kx = 0; kx < g.kW; ++kx) {
                    const __m512 wv = _mm512_set1_ps(w[ky * g.kW + kx]);
                    const float* s = src + kx * g.dilW;
                    for (int v = 0; v < kVectors; ++v) {
                        if (16 * v < columns) {
                            acc[v] = _mm512_fmadd_ps(wv, load<Stride>(s + 16 * v * Stride, columns - 16 * v),
                                                     acc[v]);
                        }
                    }
                }
            }
            for (int v = 0; v < kVectors; ++v) {
                if (16 * v < columns) {
                    _mm512_mask_storeu_ps(row + ox0 + 16 * v, laneMask(columns - 16 * v), acc[v]);
                }
            }
        }
    }
#endif

    // Computes (assigns) the inside columns of output row oy when a vectorised path exists.
    bool insideVectorised([[maybe_unused]] const float* in, [[maybe_unused]] const float* w,
                          [[maybe_unused]] float* row, [[maybe_unused]] std::int64_t oy) const {
#if defined(__AVX512F__)
        if (m_g.strideW == 1) {
            inside<1>(in, w, row, oy);
            return true;
        }
        if (m_g.strideW == 2) {
            inside<2>(in, w, row, oy);
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
