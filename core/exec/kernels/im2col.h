#pragma once
// The im2col tile shared by the GEMM-based and the sparse Conv kernels (conv.cpp, conv_sparse.cpp).

#include <algorithm>

#include "kernels/conv_geometry.h"

namespace tessera::exec::kernels {

// col[k][j] for output columns c0 .. c0+width of one group, k = (ic, ky, kx); zero where the window is in
// padding. `x` is the group's first input channel. Walks output rows so that bounds are checked per row
// segment, not per element.
inline void im2col(const ConvGeometry& g, const float* x, float* col, std::int64_t c0, std::int64_t width) {
    const std::int64_t icPerGroup = g.inC / g.groups;
    for (std::int64_t ic = 0; ic < icPerGroup; ++ic) {
        const float* plane = x + ic * g.inH * g.inW;
        for (std::int64_t ky = 0; ky < g.kH; ++ky) {
            for (std::int64_t kx = 0; kx < g.kW; ++kx) {
                float* dst = col + ((ic * g.kH + ky) * g.kW + kx) * width;
                std::int64_t oy = c0 / g.outW, ox = c0 % g.outW;
                for (std::int64_t j = 0; j < width;) {
                    const std::int64_t run = std::min(width - j, g.outW - ox);
                    const std::int64_t iy = oy * g.strideH - g.padTop + ky * g.dilH;
                    float* out = dst + j;
                    if (iy < 0 || iy >= g.inH) {
                        std::fill(out, out + run, 0.f);
                    } else {
                        const float* src = plane + iy * g.inW;
                        const std::int64_t ix0 = ox * g.strideW - g.padLeft + kx * g.dilW;
                        if (g.strideW == 1) {
                            const std::int64_t lo = std::clamp<std::int64_t>(-ix0, 0, run);
                            const std::int64_t hi = std::clamp<std::int64_t>(g.inW - ix0, lo, run);
                            std::fill(out, out + lo, 0.f);
                            std::copy(src + ix0 + lo, src + ix0 + hi, out + lo);
                            std::fill(out + hi, out + run, 0.f);
                        } else {
                            for (std::int64_t t = 0; t < run; ++t) {
                                const std::int64_t ix = ix0 + t * g.strideW;
                                out[t] = (ix >= 0 && ix < g.inW) ? src[ix] : 0.f;
                            }
                        }
                    }
                    j += run;
                    ox = 0;
                    ++oy;
                }
            }
        }
    }
}

} // namespace tessera::exec::kernels
