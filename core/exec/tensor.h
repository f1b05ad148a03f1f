#pragma once
// Views of float32 tensors in NCHW (row-major, contiguous) layout. Views never own memory: activation
// buffers belong to the session's arena, weights to the loaded network.

#include <cstdint>
#include <span>

#include "core/model/tensor.h"

namespace tessera::exec {

using model::Shape;

struct Tensor {
    float* data = nullptr;
    Shape shape;
    std::int64_t elements() const { return model::elementCount(shape); }
    std::span<float> span() const { return {data, std::size_t(elements())}; }
};

struct ConstTensor {
    const float* data = nullptr;
    Shape shape;
    ConstTensor() = default;
    ConstTensor(const float* d, Shape s)
        : data(d)
        , shape(std::move(s)) {}
    ConstTensor(const Tensor& t)
        : data(t.data)
        , shape(t.shape) {}
    std::int64_t elements() const { return model::elementCount(shape); }
    std::span<const float> span() const { return {data, std::size_t(elements())}; }
};

} // namespace tessera::exec
