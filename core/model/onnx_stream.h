#pragma once
// Streaming ONNX reader: decodes a model file with protobuf, except the raw bytes of initializers, which
// are read from the file straight into float buffers. Weights are thus held once while loading (a device
// loading its share must not need twice its memory).

#include <onnx/onnx_pb.h>

#include <string>
#include <vector>

#include "core/base/error.h"

namespace tessera::model {

struct StreamedModel {
    onnx::ModelProto
        proto; // initializers keep dims/type/name; a streamed raw_data holds a 1-byte placeholder
    // payload of the k-th graph initializer's raw_data (bytes, padded to floats); empty if it had none
    std::vector<std::vector<float>> payloads;
    std::vector<std::size_t> payloadBytes;
};

// `fd` is read from its current position to the end. Errors name `path`.
Expected<StreamedModel> readOnnxStream(int fd, const std::string& path);

} // namespace tessera::model
