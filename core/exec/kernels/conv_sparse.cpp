// Conv as CSR filters x im2col columns. The output columns are cut into tiles whose im2col matrix (K rows =
// inC/groups * kH * kW) stays near 1 MiB; for each filter row the tile's output row is the sum, over the
// filter's nonzero weights only, of weight * im2col row - an axpy over contiguous columns that vectorises.
// Work is skipped in proportion to the sparsity, but axpy runs below the speed of a register-blocked GEMM,
// so the kernel pays off only past a crossover sparsity (cost/weight_storage.h, measured by
// tests/bench/bench_sparse). 1x1 stride-1 unpadded convolutions read the input rows directly (no im2col).
// Threads take (image, group, tile, filter block) jobs as in conv.cpp.

#include "kernels/conv_sparse.h"

#include <algorithm>

#include "kernels/csr_matrix.h"
#include "kernels/im2col.h"

namespace tessera::exec::kernels {
namespace {

class ConvSparse final : public Kernel {
public:
    static constexpr std::int64_t kTileFloats = 1 << 18; // im2col tile of about 1 MiB per thread
    static constexpr std::int64_t kMinTile = 64;

    ConvSparse(const ConvGeometry& g, std::shared_ptr<const CsrMatrix> w, const float* bias,
               const FusedActivation& act)
        : m_g(g)
        , m_w(std::move(w))
        , m_bias(bias)
        , m_act(act) {
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
    std::size_t heldWeightBytes() const override { return m_w->bytes(); }

    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        const auto& g = m_g;
        const std::int64_t tiles = (m_columns + m_tile - 1) / m_tile;
        const std::int64_t ocPerGroup = g.outC / g.groups;
        const std::int64_t icPerGroup = g.inC / g.groups;
        const std::int64_t filterBlocks = std::min<std::int64_t>(
            ocPerGroup, std::max<std::int64_t>(1, ctx.pool.threads() / (g.batch * g.groups * tiles)));
        const std::int64_t filtersPerBlock = (ocPerGroup + filterBlocks - 1) / filterBlocks;
        const std::int64_t jobs = g.batch * g.groups * tiles * filterBlocks;
        const std::int64_t perThread = (jobs + ctx.pool.threads() - 1) / ctx.pool.threads();
        const std::int64_t slotFloats = std::int64_t(slotBytes(workspaceBytesPerThread()) / sizeof(float));
        ctx.pool.parallelFor(
            jobs,
            [&](std::int64_t begin, std::int64_t end) {
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
                    const float* x = inputs[0].data + (n * g.inC + group * icPerGroup) * g.inH * g.inW;
                    const float* b = m_direct ? x + c0 : col;
                    const std::int64_t bStride = m_direct ? m_columns : width;
                    if (filters <= 0) {
                        continue;
                    }
                    if (!m_direct) {
                        im2col(g, x, col, c0, width);
                    }
                    for (std::int64_t f = 0; f < filters; ++f) {
                        const std::int64_t channel = group * ocPerGroup + oc0 + f;
                        float* y = outputs[0].data + (n * g.outC + channel) * m_columns + c0;
                        std::fill(y, y + width, 0.f);
                        m_w->row(channel, [&](const float* values, const auto* cols, std::int64_t count) {
                            for (std::int64_t e = 0; e < count; ++e) {
                                const float v = values[e];
                                const float* src = b + std::int64_t(cols[e]) * bStride;
                                for (std::int64_t j = 0; j < width; ++j) {
                                    y[j] += v * src[j];
                                }
                            }
                        });
                        m_act.applyRow(y, width, m_bias ? m_bias[channel] : 0.f);
                    }
                }
            },
            perThread);
    }

private:
    ConvGeometry m_g;
    std::shared_ptr<const CsrMatrix> m_w; // [outC] x [inC/groups * kH * kW]
    const float* m_bias;
    FusedActivation m_act;
    std::int64_t m_k = 0, m_columns = 0, m_tile = 0;
    bool m_direct = false;
};

} // namespace

std::unique_ptr<Kernel> makeConvSparse(const ConvGeometry& g, std::shared_ptr<const CsrMatrix> w,
                                       const float* bias, const FusedActivation& act) {
    return std::make_unique<ConvSparse>(g, std::move(w), bias, act);
}

} // namespace tessera::exec::kernels
