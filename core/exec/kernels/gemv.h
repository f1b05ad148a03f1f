#pragma once
// Matrix-vector products for the M = 1 GEMMs of fully-connected layers at batch 1 (VGG-16's first FC layer
// reads 411 MB of weights per inference). A BLAS sgemm with M = 1 packs the whole weight matrix first,
// reading it twice; these read it once, which is all a memory-bound product can do. Written as 16
// independent partial sums per row so that the compiler vectorises them on any target (no reassociation
// needed); the summation order differs from a sequential loop by float rounding only.

#include <algorithm>
#include <cstdint>

namespace tessera::exec::kernels {

// y[j] = sum_p w[j * ldw + p] * x[p] for j in [begin, end): weights stored one row per output.
inline void gemvRows(std::int64_t begin, std::int64_t end, std::int64_t k, const float* w, std::int64_t ldw,
                     const float* x, float* y) {
    constexpr int kLanes = 16, kRows = 4;
    std::int64_t j = begin;
    for (; j + kRows <= end; j += kRows) {
        float acc[kRows][kLanes] = {};
        std::int64_t p = 0;
        for (; p + kLanes <= k; p += kLanes) {
            for (int r = 0; r < kRows; ++r) {
                const float* row = w + (j + r) * ldw + p;
                for (int l = 0; l < kLanes; ++l) {
                    acc[r][l] += row[l] * x[p + l];
                }
            }
        }
        for (int r = 0; r < kRows; ++r) {
            float sum = 0.f;
            for (int l = 0; l < kLanes; ++l) {
                sum += acc[r][l];
            }
            for (std::int64_t q = p; q < k; ++q) {
                sum += w[(j + r) * ldw + q] * x[q];
            }
            y[j + r] = sum;
        }
    }
    for (; j < end; ++j) {
        float acc[kLanes] = {};
        std::int64_t p = 0;
        for (; p + kLanes <= k; p += kLanes) {
            for (int l = 0; l < kLanes; ++l) {
                acc[l] += w[j * ldw + p + l] * x[p + l];
            }
        }
        float sum = 0.f;
        for (int l = 0; l < kLanes; ++l) {
            sum += acc[l];
        }
        for (; p < k; ++p) {
            sum += w[j * ldw + p] * x[p];
        }
        y[j] = sum;
    }
}

// y[j] = sum_p x[p] * w[p * ldw + j] for j in [begin, end): weights stored one row per input.
inline void gemvColumns(std::int64_t begin, std::int64_t end, std::int64_t k, const float* w,
                        std::int64_t ldw, const float* x, float* y) {
    std::fill(y + begin, y + end, 0.f);
    for (std::int64_t p = 0; p < k; ++p) {
        const float xp = x[p];
        const float* row = w + p * ldw;
        for (std::int64_t j = begin; j < end; ++j) {
            y[j] += xp * row[j];
        }
    }
}

} // namespace tessera::exec::kernels
