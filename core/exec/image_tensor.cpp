#include "core/exec/image_tensor.h"

#include <algorithm>
#include <cmath>

namespace tessera::exec {

RgbImage resizeBilinear(const RgbImage& image, int width, int height) {
    if (width == image.width && height == image.height) {
        return image;
    }
    // source coordinate of an output pixel centre, clamped to the first/last pixel centre
    struct Tap {
        int i0, i1;
        float w1;
    };
    auto taps = [](int in, int out) {
        std::vector<Tap> result(static_cast<std::size_t>(out));
        const float scale = float(in) / float(out);
        for (int o = 0; o < out; ++o) {
            const float x = std::clamp((float(o) + 0.5f) * scale - 0.5f, 0.f, float(in - 1));
            const int i0 = int(std::floor(x));
            result[std::size_t(o)] = {i0, std::min(i0 + 1, in - 1), x - float(i0)};
        }
        return result;
    };
    const auto xs = taps(image.width, width);
    const auto ys = taps(image.height, height);
    RgbImage out;
    out.width = width;
    out.height = height;
    out.pixels.resize(std::size_t(width) * std::size_t(height) * 3);
    auto at = [&](int y, int x, int c) {
        return image
            .pixels[(std::size_t(y) * std::size_t(image.width) + std::size_t(x)) * 3 + std::size_t(c)];
    };
    for (int y = 0; y < height; ++y) {
        const Tap& ty = ys[std::size_t(y)];
        for (int x = 0; x < width; ++x) {
            const Tap& tx = xs[std::size_t(x)];
            for (int c = 0; c < 3; ++c) {
                const float top = at(ty.i0, tx.i0, c) * (1 - tx.w1) + at(ty.i0, tx.i1, c) * tx.w1;
                const float bottom = at(ty.i1, tx.i0, c) * (1 - tx.w1) + at(ty.i1, tx.i1, c) * tx.w1;
                out.pixels[(std::size_t(y) * std::size_t(width) + std::size_t(x)) * 3 + std::size_t(c)] =
                    top * (1 - ty.w1) + bottom * ty.w1;
            }
        }
    }
    return out;
}

Expected<std::vector<float>> imageToTensor(const RgbImage& image, const model::Shape& shape) {
    if (shape.size() != 4 || (shape[1] != 3 && shape[1] != 1) || shape[0] < 1 || shape[2] < 1 ||
        shape[3] < 1) {
        return Error{ErrorCode::InvalidArgument,
                     "an image can only feed an input of shape Nx3xHxW or Nx1xHxW, not " +
                         model::toString(shape)};
    }
    const RgbImage resized = resizeBilinear(image, int(shape[3]), int(shape[2]));
    const std::size_t plane = std::size_t(shape[2] * shape[3]);
    const std::size_t channels = std::size_t(shape[1]);
    std::vector<float> tensor(std::size_t(model::elementCount(shape)));
    for (std::size_t i = 0; i < plane; ++i) {
        const float* p = &resized.pixels[i * 3];
        if (channels == 3) {
            tensor[i] = p[0];
            tensor[plane + i] = p[1];
            tensor[2 * plane + i] = p[2];
        } else {
            tensor[i] = 0.299f * p[0] + 0.587f * p[1] + 0.114f * p[2];
        }
    }
    for (std::int64_t n = 1; n < shape[0]; ++n) {
        std::copy_n(tensor.begin(), plane * channels,
                    tensor.begin() + std::ptrdiff_t(std::size_t(n) * plane * channels));
    }
    return tensor;
}

} // namespace tessera::exec
