// kernel: Conv createConv
//
// Optimised path: on CPUs with AVX-512, conv_packed.cpp (the im2col matrix built in packed panels, slice
// by slice, for packed_gemm.h, which applies bias and activation to each register tile). Elsewhere, per
// group, im2col of a tile of output columns into the workspace, then a GEMM (filters x columns, see
// sgemm.h), with bias and the fused activation applied to the tile while it is hot; 1x1 stride-1 unpadded
// convolutions skip im2col (the input is already the column matrix). Depthwise convolutions (one input
// channel per group) use a direct loop (conv_depthwise.cpp). Work is split over output-column tiles.
// Pruned weights that cost/weight_storage.h stores in CSR run in conv_sparse.cpp instead (any geometry).
// The reference path is the plain 7-deep loop.

#include <algorithm>
#include <cmath>

#include "kernels/activation.h"
#include "kernels/conv_depthwise.h"
#include "kernels/conv_geometry.h"
#include "kernels/conv_packed.h"
#include "kernels/conv_sparse.h"
#include "kernels/im2col.h"
#include "kernels/packed_gemm.h"
#include "kernels/sgemm.h"

namespace tessera::exec::kernels {
namespace {

using Activation = FusedActivation;

class ConvBase : public Kernel {
public:
    ConvBase(ConvGeometry g, const model::Tensor& w, const model::Tensor* bias, Activation act)
        : m_g(g)
        , m_w(w.floats.data())
        , m_bias(bias ? bias->floats.data() : nullptr)
        , m_act(act) {}

protected:
    float epilogue(std::int64_t channel, float acc) const {
        return m_act.apply(acc + (m_bias ? m_bias[channel] : 0.f));
    }

    ConvGeometry m_g;
    const float* m_w;    // [outC][inC/groups][kH][kW], owned by the Net's graph
    const float* m_bias; // [outC] or null
    Activation m_act;
};

class ConvReference final : public ConvBase {
public:
    using ConvBase::ConvBase;
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext&) override {
        const auto& g = m_g;
        const float* x = inputs[0].data;
        float* y = outputs[0].data;
        const std::int64_t icPerGroup = g.inC / g.groups, ocPerGroup = g.outC / g.groups;
        for (std::int64_t n = 0; n < g.batch; ++n) {
            for (std::int64_t oc = 0; oc < g.outC; ++oc) {
                const std::int64_t group = oc / ocPerGroup;
                for (std::int64_t oy = 0; oy < g.outH; ++oy) {
                    for (std::int64_t ox = 0; ox < g.outW; ++ox) {
                        double acc = 0;
                        for (std::int64_t ic = 0; ic < icPerGroup; ++ic) {
                            const std::int64_t c = group * icPerGroup + ic;
                            for (std::int64_t ky = 0; ky < g.kH; ++ky) {
                                const std::int64_t iy = oy * g.strideH - g.padTop + ky * g.dilH;
                                if (iy < 0 || iy >= g.inH) {
                                    continue;
                                }
                                for (std::int64_t kx = 0; kx < g.kW; ++kx) {
                                    const std::int64_t ix = ox * g.strideW - g.padLeft + kx * g.dilW;
                                    if (ix < 0 || ix >= g.inW) {
                                        continue;
                                    }
                                    acc += double(x[((n * g.inC + c) * g.inH + iy) * g.inW + ix]) *
                                           m_w[((oc * icPerGroup + ic) * g.kH + ky) * g.kW + kx];
                                }
                            }
                        }
                        y[((n * g.outC + oc) * g.outH + oy) * g.outW + ox] = epilogue(oc, float(acc));
                    }
                }
            }
        }
    }
};

class ConvGemm final : public ConvBase {
public:
    // Column tiles are sized so that one thread's im2col tile stays near kTileFloats floats.
    static constexpr std::int64_t kTileFloats = 1 << 20; // 4 MiB per thread
    static constexpr std::int64_t kMinTile = 256;        // narrower GEMMs lose efficiency

    ConvGemm(ConvGeometry g, const model::Tensor& w, const model::Tensor* bias, Activation act)
        : ConvBase(g, w, bias, act) {
        m_k = (g.inC / g.groups) * g.kH * g.kW;
        m_columns = g.outH * g.outW;
        m_direct = g.kH == 1 && g.kW == 1 && g.strideH == 1 && g.strideW == 1 && g.padTop == 0 &&
                   g.padLeft == 0 && g.inH == g.outH && g.inW == g.outW;
        m_tile = std::min(std::max(kTileFloats / std::max<std::int64_t>(m_k, 1), kMinTile), m_columns);
        m_tile = (m_tile + 15) / 16 * 16;
    }

    std::size_t workspaceBytesPerThread() const override {
        return m_direct ? 0 : std::size_t(m_k * m_tile) * sizeof(float);
    }

    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        const auto& g = m_g;
        const std::int64_t tiles = (m_columns + m_tile - 1) / m_tile;
        const std::int64_t ocPerGroup = g.outC / g.groups;
        const std::int64_t icPerGroup = g.inC / g.groups;
        // When there are fewer column tiles than threads (small late-layer maps), split the filters too;
        // each thread then builds its own copy of the im2col tile (a 1/ocPerGroup overhead).
        const std::int64_t filterBlocks = std::min<std::int64_t>(
            ocPerGroup, std::max<std::int64_t>(1, ctx.pool.threads() / (g.batch * g.groups * tiles)));
        const std::int64_t filtersPerBlock = (ocPerGroup + filterBlocks - 1) / filterBlocks;
        const std::int64_t jobs = g.batch * g.groups * tiles * filterBlocks;
        // chunks of whole jobs; each parallelFor chunk is one thread, which owns one workspace slot
        const std::int64_t perThread = (jobs + ctx.pool.threads() - 1) / ctx.pool.threads();
        const std::int64_t slotFloats = std::int64_t(slotBytes(workspaceBytesPerThread()) / sizeof(float));
        ctx.pool.parallelFor(
            jobs,
            [&](std::int64_t begin, std::int64_t end) {
                // chunks start at multiples of perThread, so begin / perThread is a distinct slot < threads
                float* col = ctx.threadWorkspace + (begin / perThread) * slotFloats;
                for (std::int64_t job = begin; job < end; ++job) {
                    const std::int64_t block = job % filterBlocks;
                    const std::int64_t tile = (job / filterBlocks) % tiles;
                    const std::int64_t group = (job / (filterBlocks * tiles)) % g.groups;
                    const std::int64_t n = job / (filterBlocks * tiles * g.groups);
                    const std::int64_t c0 = tile * m_tile;
                    const std::int64_t width = std::min(m_tile, m_columns - c0);
                    const std::int64_t oc0 = block * filtersPerBlock;
                    const std::int64_t filters = std::min(filtersPerBlock, ocPerGroup - oc0);
                    if (filters <= 0) {
                        continue;
                    }
                    const float* x = inputs[0].data + (n * g.inC + group * icPerGroup) * g.inH * g.inW;
                    float* y = outputs[0].data + (n * g.outC + group * ocPerGroup + oc0) * m_columns;
                    const float* b;
                    std::int64_t bStride;
                    if (m_direct) {
                        b = x + c0;
                        bStride = m_columns;
                    } else {
                        im2col(g, x, col, c0, width);
                        b = col;
                        bStride = width;
                    }
                    sgemm(false, false, filters, width, m_k, 1.f, m_w + (group * ocPerGroup + oc0) * m_k, m_k,
                          b, bStride, 0.f, y + c0, m_columns);
                    for (std::int64_t oc = 0; oc < filters; ++oc) {
                        const std::int64_t channel = group * ocPerGroup + oc0 + oc;
                        m_act.applyRow(y + oc * m_columns + c0, width, m_bias ? m_bias[channel] : 0.f);
                    }
                }
            },
            perThread);
    }

private:
    std::int64_t m_k = 0, m_columns = 0, m_tile = 0;
    bool m_direct = false;
};

} // namespace

Expected<std::unique_ptr<Kernel>> createConv(const KernelInit& init) {
    const model::Tensor* w = init.constants.at(1);
    if (!w) {
        return kernelError(init, "the weights must be constant");
    }
    auto geometry = convGeometry(init, w->shape);
    if (!geometry) {
        return geometry.error();
    }
    const model::Tensor* bias = init.constants.size() > 2 ? init.constants[2] : nullptr;
    if (init.constants.size() > 2 && !init.node.inputs[2].empty() && !bias) {
        return kernelError(init, "the bias must be constant");
    }
    const auto& g = *geometry;
    if (g.groups <= 0 || g.inC % g.groups || g.outC % g.groups) {
        return kernelError(init, "group " + std::to_string(g.groups) + " does not divide the channels");
    }
    const Activation act = Activation::from(init.node);
    if (init.reference) {
        return make<ConvReference>(g, *w, bias, act);
    }
    if (useSparseWeights(init)) {
        return std::unique_ptr<Kernel>(
            makeConvSparse(g, csrOf(init, w->floats.data(), g.outC, (g.inC / g.groups) * g.kH * g.kW),
                           bias ? bias->floats.data() : nullptr, act));
    }
    if (g.groups == g.inC && g.groups == g.outC) {
        return makeConvDepthwise(g, w->floats.data(), bias ? bias->floats.data() : nullptr, act);
    }
    if (packed::kVectorised) {
        return makeConvPacked(g, w->floats.data(), bias ? bias->floats.data() : nullptr, act);
    }
    return make<ConvGemm>(g, *w, bias, act);
}

} // namespace tessera::exec::kernels
