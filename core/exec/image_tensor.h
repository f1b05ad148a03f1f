#pragma once
// Images as network input: RGB floats in [0, 1], resized bilinearly to the input's height and width, laid out
// NCHW. Decoding is the caller's (the CLI reads PNG with libpng, the studio any format Qt reads).

#include <vector>

#include "core/base/error.h"
#include "core/model/tensor.h"

namespace tessera::exec {

// An 8-bit sRGB image as floats in [0, 1], row-major, interleaved RGB (HWC).
struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<float> pixels; // width * height * 3
};

// Bilinear resampling with half-pixel centres (as OpenCV's INTER_LINEAR and PyTorch's
// align_corners=False), without antialiasing.
RgbImage resizeBilinear(const RgbImage& image, int width, int height);

// The image as a tensor of `shape` [N, C, H, W] with C = 3 (RGB planes) or 1 (luma, Rec. 601), resized
// to H x W and repeated over the batch. Errors name the shape when it is not such a tensor.
Expected<std::vector<float>> imageToTensor(const RgbImage& image, const model::Shape& shape);

} // namespace tessera::exec
