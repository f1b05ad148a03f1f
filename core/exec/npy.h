#pragma once
// NumPy .npy files of float tensors: the exchange format of `tessera run` (inputs and outputs) and of the
// tests that compare against other runtimes.
//
// Reading accepts format versions 1.0, 2.0 and 3.0, C order, dtype '<f4' (float32) or '<f8' (float64,
// converted to float32). Writing produces version 1.0 '<f4' C-order files, as numpy.save does.
// Every error message starts with the file's path and says what is wrong with it.

#include <span>
#include <string>
#include <vector>

#include "core/base/error.h"
#include "core/model/tensor.h"

namespace tessera::exec {

struct NpyArray {
    model::Shape shape; // empty for a 0-d array (one element)
    std::vector<float> data;
};

Expected<NpyArray> readNpy(const std::string& path);

// Parses the bytes of an .npy file; `name` is used in error messages (normally the path).
Expected<NpyArray> parseNpy(std::span<const char> bytes, const std::string& name);

// Writes `data` (C order; its size must equal the shape's element count) as a float32 .npy file.
Status writeNpy(const std::string& path, const model::Shape& shape, std::span<const float> data);

// The bytes writeNpy writes.
std::string encodeNpy(const model::Shape& shape, std::span<const float> data);

} // namespace tessera::exec
