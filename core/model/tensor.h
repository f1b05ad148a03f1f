#pragma once
// Element types, static shapes and constant tensors (weights, folded constants) of the graph IR.

#include <cstdint>
#include <string>
#include <vector>

namespace tessera::model {

// Element types the IR keeps. fp16/double weights are converted to Float32 on import.
enum class DType { Float32, Int64, Int32, Int8, UInt8, Bool };

const char* toString(DType type);
std::size_t byteSize(DType type);
bool isFloating(DType type);

using Shape = std::vector<std::int64_t>;

std::int64_t elementCount(const Shape& shape);
// "1x3x224x224"; a scalar prints as "scalar".
std::string toString(const Shape& shape);

// A constant tensor. Float32 data lives in `floats`, every integer/bool type in `ints`.
struct Tensor {
    DType dtype = DType::Float32;
    Shape shape;
    std::vector<float> floats;
    std::vector<std::int64_t> ints;
    // The values stand in for weights the user did not give (a Darknet .cfg without its .weights): they are
    // zero, but costs count them as the real, dense weights will be (cost::countNonzeros).
    bool placeholder = false;

    std::int64_t elements() const { return elementCount(shape); }
    std::size_t bytes() const { return std::size_t(elements()) * byteSize(dtype); }
    // Element i as double / as integer, whatever the storage.
    double at(std::size_t i) const { return dtype == DType::Float32 ? floats[i] : double(ints[i]); }
    std::int64_t intAt(std::size_t i) const {
        return dtype == DType::Float32 ? std::int64_t(floats[i]) : ints[i];
    }

    static Tensor fromFloats(Shape shape, std::vector<float> values);
    static Tensor fromInts(Shape shape, std::vector<std::int64_t> values, DType type = DType::Int64);
};

} // namespace tessera::model
