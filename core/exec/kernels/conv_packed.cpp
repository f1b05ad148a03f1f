// Conv as filters x im2col matrix with packed_gemm.h, in the loop order of GotoBLAS: the output columns
// are cut into tiles and, for each tile, the im2col rows (ic, ky, kx) into slices of at most 256 rows; each
// slice of the tile is built directly in packed panels (about 384 KiB, so it stays in L2 while every filter
// passes over it) and multiplied into the output, the first slice storing, the later ones accumulating and
// the last one applying bias and activation. The filters are thus read once per column tile. Threads take
// (image, group, tile, filter block) jobs; filter blocks split a layer whose maps are too small to give
// every thread a tile, each thread then building its own copy of the slices.

#include "kernels/conv_packed.h"

#include <algorithm>

#include "kernels/packed_gemm.h"

namespace tessera::exec::kernels {
namespace {

class ConvPacked final : public Kernel {
public:
    static constexpr std::int64_t kSliceRows = 256;         // rows of a packed slice (at most)
    static constexpr std::int64_t kSliceFloats = 96 * 1024; // target size of a packed slice (384 KiB)

    ConvPacked(const ConvGeometry& g, const float* w, const float* bias, const FusedActivation& act)
        : m_g(g)
        , m_w(w)
        , m_bias(bias)
        , m_act(act) {
        m_k = (g.inC / g.groups) * g.kH * g.kW;
        m_columns = g.outH * g.outW;
        m_direct = g.kH == 1 && g.kW == 1 && g.strideH == 1 && g.strideW == 1 && g.padTop == 0 &&
                   g.padLeft == 0 && g.inH == g.outH && g.inW == g.outW;
        // equal slices of at most kSliceRows rows; equal tiles of whole panels
        const std::int64_t slices = (m_k + kSliceRows - 1) / kSliceRows;
        m_sliceRows = (m_k + slices - 1) / slices;
        const std::int64_t maxTile = std::max(packed::kPanel, kSliceFloats / m_sliceRows);
        m_tiles = (m_columns + maxTile - 1) / maxTile;
        m_tile = roundUp((m_columns + m_tiles - 1) / m_tiles, packed::kPanel);
        m_tiles = (m_columns + m_tile - 1) / m_tile;
    }

    std::size_t workspaceBytesPerThread() const override {
        return std::size_t(packed::packedFloats(m_sliceRows, m_tile)) * sizeof(float);
    }

    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        const auto& g = m_g;
        const std::int64_t ocPerGroup = g.outC / g.groups;
        const std::int64_t icPerGroup = g.inC / g.groups;
        const std::int64_t filterBlocks = std::min<std::int64_t>(
            ocPerGroup, std::max<std::int64_t>(1, ctx.pool.threads() / (g.batch * g.groups * m_tiles)));
        // blocks of whole 8-row groups, so that only the last block has a partial group
        const std::int64_t filtersPerBlock = roundUp((ocPerGroup + filterBlocks - 1) / filterBlocks, 8);
        const std::int64_t jobs = g.batch * g.groups * m_tiles * filterBlocks;
        // chunks of whole jobs; each parallelFor chunk is one thread, which owns one workspace slot
        const std::int64_t perThread = (jobs + ctx.pool.threads() - 1) / ctx.pool.threads();
        const std::int64_t slotFloats = std::int64_t(slotBytes(workspaceBytesPerThread()) / sizeof(float));
        ctx.pool.parallelFor(
            jobs,
            [&](std::int64_t begin, std::int64_t end) {
                // chunks start at multiples of perThread, so begin / perThread is a distinct slot < threads
                float* slice = ctx.threadWorkspace + (begin / perThread) * slotFloats;
                for (std::int64_t job = begin; job < end; ++job) {
                    const std::int64_t block = job % filterBlocks;
                    const std::int64_t tile = (job / filterBlocks) % m_tiles;
                    const std::int64_t group = (job / (filterBlocks * m_tiles)) % g.groups;
                    const std::int64_t n = job / (filterBlocks * m_tiles * g.groups);
                    const std::int64_t c0 = tile * m_tile;
                    const std::int64_t width = std::min(m_tile, m_columns - c0);
                    const std::int64_t oc0 = block * filtersPerBlock;
                    const std::int64_t filters = std::min(filtersPerBlock, ocPerGroup - oc0);
                    if (filters <= 0) {
                        continue;
                    }
                    const float* x = inputs[0].data + (n * g.inC + group * icPerGroup) * g.inH * g.inW;
                    float* y = outputs[0].data + (n * g.outC + group * ocPerGroup + oc0) * m_columns + c0;
                    const std::int64_t channel0 = group * ocPerGroup + oc0;
                    for (std::int64_t r0 = 0; r0 < m_k; r0 += m_sliceRows) {
                        const std::int64_t rows = std::min(m_sliceRows, m_k - r0);
                        pack(x, slice, c0, width, r0, rows);
                        packed::gemm(filters, width, rows, m_w + channel0 * m_k + r0, m_k, slice, y,
                                     m_columns, m_bias ? m_bias + channel0 : nullptr, m_act, r0 > 0,
                                     r0 + rows == m_k);
                    }
                }
            },
            perThread);
    }

private:
    static std::int64_t roundUp(std::int64_t v, std::int64_t multiple) {
        return (v + multiple - 1) / multiple * multiple;
    }

    // Rows r0 .. r0+rows of the im2col matrix (row = (ic * kH + ky) * kW + kx, zero where the window is in
    // the padding), columns c0 .. c0+width, in packed_gemm.h's panel layout; lanes past `width` zeroed.
    // Walks output rows so that bounds are checked per row segment, not per element.
    void pack(const float* x, float* dst, std::int64_t c0, std::int64_t width, std::int64_t r0,
              std::int64_t rows) const {
        const auto& g = m_g;
        // slice row `row`, columns j .. j+len: src[0], src[stride], ..., or zeros when src is null
        auto put = [&](std::int64_t row, std::int64_t j, const float* src, std::int64_t len,
                       std::int64_t stride = 1) {
            while (len > 0) {
                const std::int64_t count = std::min(len, packed::kPanel - j % packed::kPanel);
                float* out = dst + packed::packedIndex(rows, row, j);
                if (!src) {
                    std::fill(out, out + count, 0.f);
                } else if (stride == 1) {
                    std::copy(src, src + count, out);
                    src += count;
                } else {
                    for (std::int64_t t = 0; t < count; ++t) {
                        out[t] = src[t * stride];
                    }
                    src += count * stride;
                }
                j += count;
                len -= count;
            }
        };
        const std::int64_t padded = roundUp(width, packed::kPanel);
        for (std::int64_t row = 0; row < rows; ++row) {
            put(row, width, nullptr, padded - width);
        }
        if (m_direct) {
            for (std::int64_t row = 0; row < rows; ++row) {
                put(row, 0, x + (r0 + row) * m_columns + c0, width);
            }
            return;
        }
        const std::int64_t taps = g.kH * g.kW;
        for (std::int64_t row = 0; row < rows; ++row) {
            const std::int64_t r = r0 + row;
            const std::int64_t ky = r % taps / g.kW, kx = r % g.kW;
            const float* plane = x + r / taps * g.inH * g.inW;
            std::int64_t oy = c0 / g.outW, ox = c0 % g.outW;
            for (std::int64_t j = 0; j < width;) {
                const std::int64_t run = std::min(width - j, g.outW - ox);
                const std::int64_t iy = oy * g.strideH - g.padTop + ky * g.dilH;
                if (iy < 0 || iy >= g.inH) {
                    put(row, j, nullptr, run);
                } else {
                    const float* src = plane + iy * g.inW;
                    const std::int64_t ix0 = ox * g.strideW - g.padLeft + kx * g.dilW;
                    // output columns t in [lo, hi) of the run read inside the row: 0 <= ix0 + t * s < inW
                    const std::int64_t s = g.strideW;
                    const std::int64_t lo = std::clamp<std::int64_t>((s - 1 - ix0) / s, 0, run);
                    const std::int64_t hi = std::clamp<std::int64_t>((g.inW - ix0 + s - 1) / s, lo, run);
                    put(row, j, nullptr, lo);
                    put(row, j + lo, src + ix0 + lo * s, hi - lo, s);
                    put(row, j + hi, nullptr, run - hi);
                }
                j += run;
                ox = 0;
                ++oy;
            }
        }
    }

    ConvGeometry m_g;
    const float* m_w;    // [outC][inC/groups][kH][kW]
    const float* m_bias; // [outC] or null
    FusedActivation m_act;
    std::int64_t m_k = 0, m_columns = 0, m_sliceRows = 0, m_tile = 0, m_tiles = 0;
    bool m_direct = false;
};

} // namespace

std::unique_ptr<Kernel> makeConvPacked(const ConvGeometry& g, const float* w, const float* bias,
                                       const FusedActivation& act) {
    return std::make_unique<ConvPacked>(g, w, bias, act);
}

} // namespace tessera::exec::kernels
