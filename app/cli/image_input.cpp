#include "app/cli/image_input.h"

#include <png.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

namespace tessera::cli {

Expected<RgbImage> readPng(const std::string& path) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) {
        return Error{ErrorCode::Io, path + ": cannot open the file"};
    }
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_stdio(&image, file.get())) {
        const std::string reason = image.message;
        png_image_free(&image);
        return Error{ErrorCode::Parse, path + ": not a readable PNG image (" + reason + ")"};
    }
    image.format = PNG_FORMAT_RGB;
    std::vector<png_byte> bytes(PNG_IMAGE_SIZE(image));
    const png_color white{255, 255, 255};
    if (!png_image_finish_read(&image, &white, bytes.data(), 0, nullptr)) {
        const std::string reason = image.message;
        png_image_free(&image);
        return Error{ErrorCode::Parse, path + ": cannot decode the PNG image (" + reason + ")"};
    }
    RgbImage rgb;
    rgb.width = int(image.width);
    rgb.height = int(image.height);
    rgb.pixels.resize(bytes.size());
    std::transform(bytes.begin(), bytes.end(), rgb.pixels.begin(),
                   [](png_byte b) { return float(b) / 255.f; });
    return rgb;
}

} // namespace tessera::cli
