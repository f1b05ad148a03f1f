#pragma once
// FusedActivation (activation.h) on AVX-512 vectors, for kernels that apply bias and activation in
// registers before storing (packed_gemm.cpp, conv_depthwise.cpp). Only when __AVX512F__ is defined.

#if defined(__AVX512F__)
#include <immintrin.h>

#include "kernels/activation.h"

namespace tessera::exec::kernels {

// _mm512_max_ps/_mm512_min_ps pass GCC 12 an "undefined" source operand that -Wmaybe-uninitialized
// reports; the masked forms with every lane selected are the same instruction.
inline __m512 maxPs(__m512 x, __m512 y) {
    return _mm512_mask_max_ps(x, __mmask16(0xffff), x, y);
}
inline __m512 minPs(__m512 x, __m512 y) {
    return _mm512_mask_min_ps(x, __mmask16(0xffff), x, y);
}

// The first `lanes` lanes (none when lanes <= 0, all when lanes >= 16).
inline __mmask16 laneMask(std::int64_t lanes) {
    return lanes >= 16 ? __mmask16(0xffff) : lanes <= 0 ? __mmask16(0) : __mmask16((1u << lanes) - 1);
}

struct VectorActivation {
    FusedActivation act;
    __m512 alpha, lo, hi;
    explicit VectorActivation(const FusedActivation& a)
        : act(a)
        , alpha(_mm512_set1_ps(a.alpha))
        , lo(_mm512_set1_ps(a.lo))
        , hi(_mm512_set1_ps(a.hi)) {}

    // Same results as FusedActivation::applyRow, NaN included: max/min return their second operand when
    // either is NaN, so the value goes second.
    __m512 apply(__m512 v) const {
        switch (act.kind) {
        case FusedActivation::Relu:
            return maxPs(_mm512_setzero_ps(), v);
        case FusedActivation::Leaky: {
            const __mmask16 positive = _mm512_cmp_ps_mask(v, _mm512_setzero_ps(), _CMP_GT_OQ);
            return _mm512_mask_blend_ps(positive, _mm512_mul_ps(alpha, v), v);
        }
        case FusedActivation::Clip:
            return minPs(hi, maxPs(lo, v));
        case FusedActivation::None:
            break;
        }
        return v;
    }
};

} // namespace tessera::exec::kernels

#endif
