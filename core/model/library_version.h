#pragma once
// The version of the ONNX library tessera_model is built with (its headers; ONNX has no run-time query).

#include <string>

namespace tessera::model {

// "1.12.0"
std::string onnxVersion();

} // namespace tessera::model
