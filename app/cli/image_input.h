#pragma once
// PNG images as network input for `tessera run` and `tessera cluster-run`: decoded with libpng, then
// converted as core/exec/image_tensor.h says.

#include <string>

#include "core/base/error.h"
#include "core/exec/image_tensor.h"

namespace tessera::cli {

using exec::imageToTensor;
using exec::RgbImage;

// Any PNG (grey, palette, 16-bit, with alpha) becomes RGB; transparency is composited onto white.
// Errors name the file.
Expected<RgbImage> readPng(const std::string& path);

} // namespace tessera::cli
