// libFuzzer harness: the wire-protocol decoder, then what the runtime does with every tensor of a message
// it accepts (region conversion and copying the floats out), for a cluster of four devices.

#include <cstddef>
#include <cstdint>

#include <google/protobuf/stubs/logging.h>
#include <vector>

#include "core/net/protocol.h"

namespace {

void readTensor(const tessera::net::wire::Region& wireRegion, const std::string& data) {
    const tessera::partition::Region region = tessera::net::toRegion(wireRegion);
    std::vector<float> floats(std::size_t(region.elements()));
    tessera::net::copyFloats(data, floats.data());
}

void readTensors(const google::protobuf::RepeatedPtrField<tessera::net::wire::Tensor>& tensors) {
    for (const auto& t : tensors) {
        readTensor(t.region(), t.data());
    }
}

} // namespace

// protobuf logs every malformed string field it parses: silence it, or the log drowns the findings
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    google::protobuf::SetLogHandler(nullptr);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tessera;
    static const net::ProtocolContext kContext{"fuzz-cluster", 4};
    auto envelope = net::decode({reinterpret_cast<const char*>(data), size}, kContext);
    if (!envelope) {
        return 0;
    }
    (void)net::bodyName(*envelope);
    if (envelope->has_tensor_part()) {
        readTensor(envelope->tensor_part().part(), envelope->tensor_part().data());
    }
    readTensors(envelope->frame_start().inputs());
    readTensors(envelope->frame_result().outputs());
    readTensors(envelope->steal_grant().inputs());
    return 0;
}
