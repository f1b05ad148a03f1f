#pragma once
// The versioned wire protocol (wire.proto): encoding envelopes and decoding them with strict validation.
// Everything that arrives from the network goes through decode(); a message it refuses never reaches the
// runtime, and the error says what was wrong (for the log), so a bad or hostile peer cannot crash a node.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/error.h"
#include "core/net/wire.pb.h"
#include "core/partition/region.h"

namespace tessera::net {

// Raised whenever a peer of another version would misread a message.
constexpr std::uint32_t kProtocolVersion = 1;
// Tensors of more axes than this are refused (the runtime's values are NCHW or smaller).
constexpr int kMaxRank = 8;

// What the receiver knows about its cluster, against which messages are checked.
struct ProtocolContext {
    std::string clusterId;
    int devices = 0; // senders must be -1 (a client) or a device index below this
};

// Fills in version, cluster and sender, and serialises.
std::string encode(wire::Envelope& envelope, const ProtocolContext& context, int sender);

// Parses and checks: the bytes parse, the version and the cluster id are ours, the sender is a device of the
// cluster or a client, a body is set, and every region is well formed (begin <= end, at most kMaxRank axes,
// sizes that do not overflow) with exactly elements * 4 bytes of data.
Expected<wire::Envelope> decode(std::string_view bytes, const ProtocolContext& context);

// Conversions between wire regions and partition::Region (decode has checked the wire side).
partition::Region toRegion(const wire::Region& region);
void setRegion(wire::Region* out, const partition::Region& region);

// The floats of a checked tensor payload, and the payload bytes of floats.
void copyFloats(const std::string& data, float* out);
std::string floatBytes(const float* data, std::size_t count);

// "tensor_part", "frame_start", ... for logs.
const char* bodyName(const wire::Envelope& envelope);

} // namespace tessera::net
