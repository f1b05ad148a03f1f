#pragma once
// 2-D MaxPool / AveragePool on NCHW tensors (shared by max_pool.cpp and average_pool.cpp).
// Windows follow kernel_shape, strides, dilations and pads ([top, left, bottom, right], or from auto_pad
// NOTSET / VALID / SAME_UPPER / SAME_LOWER). ceil_mode only changes the output extent, and the output shape
// from shape inference is the truth: windows may run past the bottom/right padding there. Padded cells never
// win a max; an average divides by the window's cells inside the input, or with count_include_pad by those
// inside the padded input (cells past the padding, from ceil_mode, never count). A max over a window with
// no input cell is the lowest float, an average over one is 0.
// Optimised path: per output row, the window rows inside the input are found once; columns whose window lies
// wholly inside the input run a bounds-free loop, the others use per-column tap ranges computed at load.
// Reference: every window cell checked, sums in double.

#include <algorithm>
#include <limits>
#include <string>

#include "kernels/common.h"

namespace tessera::exec::kernels {

enum class PoolKind { Max, Average };

struct PoolGeometry {
    std::int64_t planes = 0; // batch * channels
    std::int64_t inH = 0, inW = 0, outH = 0, outW = 0;
    std::int64_t kH = 1, kW = 1, strideH = 1, strideW = 1, dilH = 1, dilW = 1;
    std::int64_t padTop = 0, padLeft = 0, padBottom = 0, padRight = 0;
    bool countIncludePad = false;
};

// The taps k in [first, last) of a window whose coordinates are start + k * dil, k < kernel, that fall in
// [lo, hi); first >= last when none does.
struct TapRange {
    std::int64_t first = 0, last = 0;
    std::int64_t count() const { return std::max<std::int64_t>(0, last - first); }
};

inline TapRange tapRange(std::int64_t start, std::int64_t kernel, std::int64_t dil, std::int64_t lo,
                         std::int64_t hi) {
    TapRange r;
    r.first = start >= lo ? 0 : (lo - start + dil - 1) / dil;
    r.last = start >= hi ? 0 : std::min(kernel, (hi - start + dil - 1) / dil);
    return r;
}

// Reads and checks the pooling attributes against the input and (inferred) output shapes.
inline Expected<PoolGeometry> poolGeometry(const KernelInit& init, PoolKind kind) {
    const model::Node& n = init.node;
    const Shape& in = init.inputShapes.at(0);
    const Shape& out = init.outputShapes.at(0);
    if (in.size() != 4 || out.size() != 4 || out[0] != in[0] || out[1] != in[1]) {
        return kernelError(init, "only 2-D pooling of 4-D (N,C,H,W) tensors is supported, got " +
                                     model::toString(in) + " -> " + model::toString(out));
    }
    if (n.outputs.size() > 1 && !n.outputs[1].empty()) {
        return kernelError(init, "the Indices output is not supported");
    }
    const auto kernel = n.attrInts("kernel_shape");
    const auto strides = n.attrInts("strides", {1, 1});
    const auto dilations = n.attrInts("dilations", {1, 1});
    const auto pads = n.attrInts("pads", {0, 0, 0, 0});
    if (kernel.size() != 2 || strides.size() != 2 || dilations.size() != 2 || pads.size() != 4) {
        return kernelError(init, "kernel_shape, strides and dilations need 2 values and pads 4");
    }
    PoolGeometry g;
    g.planes = in[0] * in[1];
    g.inH = in[2];
    g.inW = in[3];
    g.outH = out[2];
    g.outW = out[3];
    g.kH = kernel[0];
    g.kW = kernel[1];
    g.strideH = strides[0];
    g.strideW = strides[1];
    g.dilH = dilations[0];
    g.dilW = dilations[1];
    g.countIncludePad = kind == PoolKind::Average && n.attrInt("count_include_pad", 0) != 0;
    if (std::min({g.kH, g.kW, g.strideH, g.strideW, g.dilH, g.dilW}) < 1) {
        return kernelError(init, "kernel_shape, strides and dilations must be positive");
    }
    const std::int64_t spanH = (g.kH - 1) * g.dilH + 1, spanW = (g.kW - 1) * g.dilW + 1;
    const std::string autoPad = n.attrString("auto_pad", "NOTSET");
    if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
        // total padding that makes the inferred output fit; the odd pixel goes at the end (UPPER) or start
        const std::int64_t totalH = std::max<std::int64_t>(0, (g.outH - 1) * g.strideH + spanH - g.inH);
        const std::int64_t totalW = std::max<std::int64_t>(0, (g.outW - 1) * g.strideW + spanW - g.inW);
        g.padTop = autoPad == "SAME_UPPER" ? totalH / 2 : totalH - totalH / 2;
        g.padLeft = autoPad == "SAME_UPPER" ? totalW / 2 : totalW - totalW / 2;
        g.padBottom = totalH - g.padTop;
        g.padRight = totalW - g.padLeft;
    } else if (autoPad == "NOTSET") {
        g.padTop = pads[0];
        g.padLeft = pads[1];
        g.padBottom = pads[2];
        g.padRight = pads[3];
    } else if (autoPad != "VALID") {
        return kernelError(init, "auto_pad '" + autoPad + "' is not supported");
    }
    if (std::min({g.padTop, g.padLeft, g.padBottom, g.padRight}) < 0) {
        return kernelError(init, "pads must not be negative");
    }
    // Windows past the padding (an output extent inferred without the ceil_mode correction) are allowed:
    // they simply hold no input cell.
    return g;
}

template <PoolKind Kind> class PoolReference final : public Kernel {
public:
    explicit PoolReference(const PoolGeometry& g)
        : m_g(g) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext&) override {
        const PoolGeometry& g = m_g;
        for (std::int64_t p = 0; p < g.planes; ++p) {
            const float* x = inputs[0].data + p * g.inH * g.inW;
            float* y = outputs[0].data + p * g.outH * g.outW;
            for (std::int64_t oh = 0; oh < g.outH; ++oh) {
                for (std::int64_t ow = 0; ow < g.outW; ++ow) {
                    float best = std::numeric_limits<float>::lowest();
                    double sum = 0.0;
                    std::int64_t inside = 0, insidePadded = 0;
                    for (std::int64_t kh = 0; kh < g.kH; ++kh) {
                        const std::int64_t ih = oh * g.strideH - g.padTop + kh * g.dilH;
                        for (std::int64_t kw = 0; kw < g.kW; ++kw) {
                            const std::int64_t iw = ow * g.strideW - g.padLeft + kw * g.dilW;
                            if (ih >= -g.padTop && ih < g.inH + g.padBottom && iw >= -g.padLeft &&
                                iw < g.inW + g.padRight) {
                                ++insidePadded;
                            }
                            if (ih < 0 || ih >= g.inH || iw < 0 || iw >= g.inW) {
                                continue;
                            }
                            const float v = x[ih * g.inW + iw];
                            best = v > best ? v : best;
                            sum += v;
                            ++inside;
                        }
                    }
                    const std::int64_t divisor = g.countIncludePad ? insidePadded : inside;
                    y[oh * g.outW + ow] =
                        Kind == PoolKind::Max ? best : (divisor > 0 ? float(sum / double(divisor)) : 0.f);
                }
            }
        }
    }

private:
    PoolGeometry m_g;
};

template <PoolKind Kind> class PoolKernel final : public Kernel {
public:
    explicit PoolKernel(const PoolGeometry& g)
        : m_g(g) {
        m_interiorBegin = g.outW;
        m_interiorEnd = g.outW;
        for (std::int64_t ow = 0; ow < g.outW; ++ow) {
            const std::int64_t start = ow * g.strideW - g.padLeft;
            const TapRange taps = tapRange(start, g.kW, g.dilW, 0, g.inW);
            m_colTaps.push_back(taps);
            const TapRange padded = tapRange(start, g.kW, g.dilW, -g.padLeft, g.inW + g.padRight);
            m_colCount.push_back(g.countIncludePad ? padded.count() : taps.count());
            const bool whole = taps.first == 0 && taps.last == g.kW;
            if (whole && m_interiorBegin == g.outW) {
                m_interiorBegin = ow;
            }
            if (whole) {
                m_interiorEnd = ow + 1; // starts grow with ow, so whole windows form one run
            }
        }
    }

    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        const PoolGeometry& g = m_g;
        ctx.pool.parallelFor(
            g.planes * g.outH,
            [&](std::int64_t begin, std::int64_t end) {
                for (std::int64_t row = begin; row < end; ++row) {
                    poolRow(inputs[0].data + (row / g.outH) * g.inH * g.inW, row % g.outH,
                            outputs[0].data + row * g.outW);
                }
            },
            std::max<std::int64_t>(1, 4096 / std::max<std::int64_t>(1, g.outW * g.kH * g.kW)));
    }

private:
    static float combine(float acc, float v) {
        if constexpr (Kind == PoolKind::Max) {
            return v > acc ? v : acc;
        } else {
            return acc + v;
        }
    }

    // Output row oh of one plane: x is the input plane, y the output row.
    void poolRow(const float* x, std::int64_t oh, float* y) const {
        const PoolGeometry& g = m_g;
        const std::int64_t rowStart = oh * g.strideH - g.padTop;
        const TapRange rows = tapRange(rowStart, g.kH, g.dilH, 0, g.inH);
        std::fill(y, y + g.outW, Kind == PoolKind::Max ? std::numeric_limits<float>::lowest() : 0.f);
        for (std::int64_t kh = rows.first; kh < rows.last; ++kh) {
            const float* xr = x + (rowStart + kh * g.dilH) * g.inW;
            border(xr, y, 0, m_interiorBegin);
            for (std::int64_t kw = 0; kw < g.kW; ++kw) {
                const std::int64_t offset = kw * g.dilW - g.padLeft;
                for (std::int64_t ow = m_interiorBegin; ow < m_interiorEnd; ++ow) {
                    y[ow] = combine(y[ow], xr[ow * g.strideW + offset]);
                }
            }
            border(xr, y, m_interiorEnd, g.outW);
        }
        if constexpr (Kind == PoolKind::Average) {
            const std::int64_t rowCount =
                g.countIncludePad ? tapRange(rowStart, g.kH, g.dilH, -g.padTop, g.inH + g.padBottom).count()
                                  : rows.count();
            for (std::int64_t ow = 0; ow < g.outW; ++ow) {
                const std::int64_t divisor = rowCount * m_colCount[std::size_t(ow)];
                y[ow] = divisor > 0 ? y[ow] / float(divisor) : 0.f;
            }
        }
    }

    // Columns [from, to) of one window row xr, each over its own valid taps.
    void border(const float* xr, float* y, std::int64_t from, std::int64_t to) const {
        const PoolGeometry& g = m_g;
        for (std::int64_t ow = from; ow < to; ++ow) {
            const TapRange taps = m_colTaps[std::size_t(ow)];
            const std::int64_t start = ow * g.strideW - g.padLeft;
            for (std::int64_t kw = taps.first; kw < taps.last; ++kw) {
                y[ow] = combine(y[ow], xr[start + kw * g.dilW]);
            }
        }
    }

    PoolGeometry m_g;
    std::vector<TapRange> m_colTaps;      // per output column: taps inside the input
    std::vector<std::int64_t> m_colCount; // per output column: taps counted by an average
    std::int64_t m_interiorBegin = 0;     // output columns whose whole window is inside the input
    std::int64_t m_interiorEnd = 0;
};

template <PoolKind Kind> Expected<std::unique_ptr<Kernel>> makePool(const KernelInit& init) {
    auto g = poolGeometry(init, Kind);
    if (!g) {
        return g.error();
    }
    if (init.reference) {
        return make<PoolReference<Kind>>(*g);
    }
    return make<PoolKernel<Kind>>(*g);
}

} // namespace tessera::exec::kernels
