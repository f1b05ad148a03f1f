#include "kernels/packed_gemm.h"

#include <algorithm>
#include <array>
#include <utility>

#if defined(__AVX512F__)
#include <immintrin.h>

#include "kernels/activation_avx512.h"
#endif

namespace tessera::exec::kernels::packed {

#if defined(__AVX512F__)

namespace {

// Blocking: a kKc-row slice of one B panel (32 KiB) stays in L1 while the micro-kernel walks kMc rows of
// A, whose kMc x kKc block (240 KiB) stays in L2 while the panels go by.
constexpr std::int64_t kKc = 256;
constexpr std::int64_t kMc = 240;
constexpr std::int64_t kShortK = 64; // slices shorter than this are walked row group by row group
constexpr int kMr = 8; // rows per micro-kernel call: 16 accumulators, 2 vector loads and 8 broadcasts per k

using Epilogue = VectorActivation;

// c[0..MR)[0..16 * NV) (masked to the panel's width) = or += a[0..MR)[0..kc) * panel slice b[0..kc)[..];
// with `epilogue`, bias and activation are applied before the store. NV = 1 serves a last panel of at
// most 16 columns (a 13x13 map has 169 = 5 x 32 + 9 columns) at half the cost of a full one.
template <int MR, int NV>
void microKernel(std::int64_t kc, const float* a, std::int64_t lda, const float* b, float* c,
                 std::int64_t ldc, __mmask16 mask0, __mmask16 mask1, bool accumulate,
                 const Epilogue* epilogue, const float* bias) {
    __m512 acc[MR][NV];
    for (int i = 0; i < MR; ++i) {
        for (int v = 0; v < NV; ++v) {
            acc[i][v] = _mm512_setzero_ps();
        }
    }
    for (std::int64_t r = 0; r < kc; ++r) {
        __m512 bv[NV];
        for (int v = 0; v < NV; ++v) {
            bv[v] = _mm512_loadu_ps(b + 16 * v);
        }
        b += kPanel;
#pragma GCC unroll 8
        for (int i = 0; i < MR; ++i) {
            const __m512 ai = _mm512_set1_ps(a[i * lda + r]);
            for (int v = 0; v < NV; ++v) {
                acc[i][v] = _mm512_fmadd_ps(ai, bv[v], acc[i][v]);
            }
        }
    }
    const __mmask16 masks[2] = {mask0, mask1};
    for (int i = 0; i < MR; ++i) {
        float* row = c + i * ldc;
        for (int v = 0; v < NV; ++v) {
            __m512 value = acc[i][v];
            if (accumulate) {
                value = _mm512_add_ps(value, _mm512_maskz_loadu_ps(masks[v], row + 16 * v));
            }
            if (epilogue) {
                value = epilogue->apply(_mm512_add_ps(value, _mm512_set1_ps(bias ? bias[i] : 0.f)));
            }
            _mm512_mask_storeu_ps(row + 16 * v, masks[v], value);
        }
    }
}

using MicroKernel = void (*)(std::int64_t, const float*, std::int64_t, const float*, float*, std::int64_t,
                             __mmask16, __mmask16, bool, const Epilogue*, const float*);
// kMicroKernels<NV>[rows] handles `rows` rows, 1 <= rows <= kMr
template <int NV, std::size_t... Rows> constexpr auto microKernelTable(std::index_sequence<Rows...>) {
    return std::array<MicroKernel, sizeof...(Rows)>{
        (Rows == 0 ? nullptr : &microKernel<std::max(int(Rows), 1), NV>)...};
}
constexpr auto kFullPanel = microKernelTable<2>(std::make_index_sequence<kMr + 1>());
constexpr auto kHalfPanel = microKernelTable<1>(std::make_index_sequence<kMr + 1>());

} // namespace

void gemm(std::int64_t m, std::int64_t n, std::int64_t k, const float* a, std::int64_t lda, const float* b,
          float* c, std::int64_t ldc, const float* bias, const FusedActivation& act, bool accumulate,
          bool finish) {
    const Epilogue epilogue(act);
    const std::int64_t panels = (n + kPanel - 1) / kPanel;
    for (std::int64_t k0 = 0; k0 < k; k0 += kKc) {
        const std::int64_t kc = std::min(kKc, k - k0);
        const bool last = finish && k0 + kc == k;
        auto tile = [&](std::int64_t i, std::int64_t mEnd, std::int64_t p) {
            const std::int64_t width = std::min(kPanel, n - p * kPanel);
            const int rows = int(std::min<std::int64_t>(kMr, mEnd - i));
            (width > 16 ? kFullPanel : kHalfPanel)[rows](
                kc, a + i * lda + k0, lda, b + (p * k + k0) * kPanel, c + i * ldc + p * kPanel, ldc,
                laneMask(width), laneMask(width - 16), accumulate || k0 > 0, last ? &epilogue : nullptr,
                bias ? bias + i : nullptr);
        };
        if (kc < kShortK) {
            // few multiply-adds per stored value: write the output row group by row group, along its rows
            for (std::int64_t i = 0; i < m; i += kMr) {
                for (std::int64_t p = 0; p < panels; ++p) {
                    tile(i, m, p);
                }
            }
            continue;
        }
        for (std::int64_t m0 = 0; m0 < m; m0 += kMc) {
            const std::int64_t mEnd = std::min(m, m0 + kMc);
            for (std::int64_t p = 0; p < panels; ++p) {
                for (std::int64_t i = m0; i < mEnd; i += kMr) {
                    tile(i, mEnd, p);
                }
            }
        }
    }
}

#else

void gemm(std::int64_t m, std::int64_t n, std::int64_t k, const float* a, std::int64_t lda, const float* b,
          float* c, std::int64_t ldc, const float* bias, const FusedActivation& act, bool accumulate,
          bool finish) {
    for (std::int64_t i = 0; i < m; ++i) {
        float* row = c + i * ldc;
        if (!accumulate) {
            std::fill(row, row + n, 0.f);
        }
        for (std::int64_t r = 0; r < k; ++r) {
            const float air = a[i * lda + r];
            for (std::int64_t j = 0; j < n; ++j) {
                row[j] += air * b[packedIndex(k, r, j)];
            }
        }
        if (finish) {
            act.applyRow(row, n, bias ? bias[i] : 0.f);
        }
    }
}

#endif

} // namespace tessera::exec::kernels::packed
