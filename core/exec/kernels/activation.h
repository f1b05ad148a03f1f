#pragma once
// The activation Net::load fuses into a Conv or Gemm (attributes "tessera.activation", "tessera.alpha",
// "tessera.min", "tessera.max" on the node).

#include <algorithm>
#include <cmath>

#include "core/model/graph.h"

namespace tessera::exec::kernels {

struct FusedActivation {
    enum Kind { None, Relu, Leaky, Clip } kind = None;
    float alpha = 0.f, lo = 0.f, hi = 0.f;

    static FusedActivation from(const model::Node& n) {
        FusedActivation a;
        const std::string kind = n.attrString("tessera.activation", "");
        if (kind == "Relu") {
            a.kind = Relu;
        } else if (kind == "LeakyRelu") {
            a.kind = Leaky;
            a.alpha = n.attrFloat("tessera.alpha", 0.01f);
        } else if (kind == "Clip") {
            a.kind = Clip;
            a.lo = n.attrFloat("tessera.min", -INFINITY);
            a.hi = n.attrFloat("tessera.max", INFINITY);
        }
        return a;
    }
    // row[i] = apply(row[i] + bias) for a whole row; the activation is chosen once per row so the inner
    // loops vectorise.
    void applyRow(float* row, std::int64_t n, float bias) const {
        switch (kind) {
        case None:
            for (std::int64_t i = 0; i < n; ++i) {
                row[i] += bias;
            }
            break;
        case Relu:
            for (std::int64_t i = 0; i < n; ++i) {
                row[i] = std::max(row[i] + bias, 0.f);
            }
            break;
        case Leaky:
            for (std::int64_t i = 0; i < n; ++i) {
                const float v = row[i] + bias;
                row[i] = v > 0.f ? v : alpha * v;
            }
            break;
        case Clip:
            for (std::int64_t i = 0; i < n; ++i) {
                row[i] = std::min(std::max(row[i] + bias, lo), hi);
            }
            break;
        }
    }

    float apply(float x) const {
        switch (kind) {
        case Relu:
            return x > 0.f ? x : 0.f;
        case Leaky:
            return x > 0.f ? x : alpha * x;
        case Clip:
            return std::min(std::max(x, lo), hi);
        case None:
            break;
        }
        return x;
    }
};

} // namespace tessera::exec::kernels
