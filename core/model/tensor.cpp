#include "core/model/tensor.h"

namespace tessera::model {

const char* toString(DType type) {
    switch (type) {
    case DType::Float32:
        return "float32";
    case DType::Int64:
        return "int64";
    case DType::Int32:
        return "int32";
    case DType::Int8:
        return "int8";
    case DType::UInt8:
        return "uint8";
    case DType::Bool:
        return "bool";
    }
    return "?";
}

std::size_t byteSize(DType type) {
    switch (type) {
    case DType::Float32:
        return 4;
    case DType::Int64:
        return 8;
    case DType::Int32:
        return 4;
    case DType::Int8:
    case DType::UInt8:
    case DType::Bool:
        return 1;
    }
    return 0;
}

bool isFloating(DType type) {
    return type == DType::Float32;
}

std::int64_t elementCount(const Shape& shape) {
    std::int64_t n = 1;
    for (std::int64_t d : shape) {
        n *= d;
    }
    return n;
}

std::string toString(const Shape& shape) {
    if (shape.empty()) {
        return "scalar";
    }
    std::string out;
    for (std::size_t i = 0; i < shape.size(); ++i) {
        out += (i ? "x" : "") + std::to_string(shape[i]);
    }
    return out;
}

Tensor Tensor::fromFloats(Shape shape, std::vector<float> values) {
    Tensor t;
    t.dtype = DType::Float32;
    t.shape = std::move(shape);
    t.floats = std::move(values);
    return t;
}

Tensor Tensor::fromInts(Shape shape, std::vector<std::int64_t> values, DType type) {
    Tensor t;
    t.dtype = type;
    t.shape = std::move(shape);
    t.ints = std::move(values);
    return t;
}

} // namespace tessera::model
