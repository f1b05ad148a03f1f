#pragma once
// Shared by the Resize and Upsample kernels: the interpolation of a float tensor to a static output
// shape, after the op's inputs and attributes have been reduced to a ResizeSpec.

#include <cmath>

#include "kernels/common.h"

namespace tessera::exec::kernels {

enum class ResizeMode { Nearest, Linear };

// How an output coordinate maps to an input coordinate (ONNX coordinate_transformation_mode).
enum class CoordinateMode { HalfPixel, PytorchHalfPixel, AlignCorners, Asymmetric };

// How a fractional input coordinate picks an element in nearest mode. Simple is the rule of Upsample
// and of Resize before opset 11 (as ONNX Runtime implements it): floor when enlarging, ceil when shrinking.
enum class NearestMode { RoundPreferFloor, RoundPreferCeil, Floor, Ceil, Simple };

struct ResizeSpec {
    Shape in, out;
    std::vector<double> scales; // per dim, output/input as the model states it
    ResizeMode mode = ResizeMode::Nearest;
    CoordinateMode coordinates = CoordinateMode::HalfPixel;
    NearestMode nearest = NearestMode::RoundPreferFloor;
};

// Input coordinate of output coordinate `o` along a dim (input extent inLength, output extent outLength).
inline double sourceCoordinate(std::int64_t o, double scale, std::int64_t inLength, std::int64_t outLength,
                               CoordinateMode mode) {
    switch (mode) {
    case CoordinateMode::HalfPixel:
        return (double(o) + 0.5) / scale - 0.5;
    case CoordinateMode::PytorchHalfPixel:
        return outLength > 1 ? (double(o) + 0.5) / scale - 0.5 : 0.0;
    case CoordinateMode::AlignCorners: {
        // ONNX uses the unrounded resized length (input length x scale), e.g. 2.4 for 4 x 0.6, not the
        // whole-number output length (onnx/onnx#2462); with `sizes` given the two are the same.
        const double resized = double(inLength) * scale;
        return outLength == 1 || resized <= 1.0 ? 0.0 : double(o) * double(inLength - 1) / (resized - 1.0);
    }
    case CoordinateMode::Asymmetric:
        return double(o) / scale;
    }
    return 0.0;
}

// The input element nearest mode reads for input coordinate x, clamped to [0, inLength).
inline std::int64_t nearestIndex(double x, double scale, std::int64_t inLength, NearestMode mode) {
    double i = 0.0;
    switch (mode) {
    case NearestMode::RoundPreferFloor:
        i = std::ceil(x - 0.5);
        break;
    case NearestMode::RoundPreferCeil:
        i = std::floor(x + 0.5);
        break;
    case NearestMode::Floor:
        i = std::floor(x);
        break;
    case NearestMode::Ceil:
        i = std::ceil(x);
        break;
    case NearestMode::Simple:
        i = scale < 1.0 ? std::ceil(x) : std::floor(x);
        break;
    }
    return std::min<std::int64_t>(std::max<std::int64_t>(std::int64_t(i), 0), inLength - 1);
}

// The kernel for `spec` (reference or optimised per init.reference). Linear mode interpolates the last two
// dims of a 4-D tensor only; kernelError otherwise.
Expected<std::unique_ptr<Kernel>> makeResizeKernel(const KernelInit& init, ResizeSpec spec);

} // namespace tessera::exec::kernels
