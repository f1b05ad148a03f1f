#include "core/net/protocol.h"

#include <bit>
#include <cstring>
#include <limits>

#include "core/net/log_limiter.h"

namespace tessera::net {
namespace {

static_assert(std::endian::native == std::endian::little, "the wire format carries little-endian floats");

Error invalid(const std::string& message) {
    return Error{ErrorCode::Parse, message};
}

// The number of elements of a wire region, or an error naming what is wrong with it.
Expected<std::int64_t> checkRegion(const wire::Region& region, const std::string& what) {
    if (region.begin_size() != region.end_size()) {
        return invalid(what + ": region has " + std::to_string(region.begin_size()) + " begins and " +
                       std::to_string(region.end_size()) + " ends");
    }
    if (region.begin_size() > kMaxRank) {
        return invalid(what + ": region has " + std::to_string(region.begin_size()) + " axes (at most " +
                       std::to_string(kMaxRank) + ")");
    }
    std::int64_t elements = 1;
    for (int a = 0; a < region.begin_size(); ++a) {
        const std::int64_t b = region.begin(a), e = region.end(a);
        if (b < 0 || e < b) {
            return invalid(what + ": axis " + std::to_string(a) + " is [" + std::to_string(b) + ", " +
                           std::to_string(e) + ")");
        }
        // the byte count below must not overflow either
        if (e - b > 0 && elements > std::numeric_limits<std::int64_t>::max() / 4 / (e - b)) {
            return invalid(what + ": region too large");
        }
        elements *= e - b;
    }
    return elements;
}

Status checkPayload(const wire::Region& region, const std::string& data, const std::string& what) {
    auto elements = checkRegion(region, what);
    if (!elements) {
        return elements.error();
    }
    if (std::int64_t(data.size()) != *elements * 4) {
        return invalid(what + ": " + std::to_string(data.size()) + " bytes of data for " +
                       std::to_string(*elements) + " floats (" + std::to_string(*elements * 4) + " bytes)");
    }
    return {};
}

Status checkTensors(const google::protobuf::RepeatedPtrField<wire::Tensor>& tensors,
                    const std::string& what) {
    for (const auto& t : tensors) {
        if (auto s = checkPayload(t.region(), t.data(), what + " tensor '" + printable(t.name()) + "'"); !s) {
            return s;
        }
    }
    return {};
}

} // namespace

std::string encode(wire::Envelope& envelope, const ProtocolContext& context, int sender) {
    envelope.set_version(kProtocolVersion);
    envelope.set_cluster(context.clusterId);
    envelope.set_sender(sender);
    return envelope.SerializeAsString();
}

Expected<wire::Envelope> decode(std::string_view bytes, const ProtocolContext& context) {
    wire::Envelope e;
    if (bytes.size() > std::size_t(std::numeric_limits<int>::max()) ||
        !e.ParseFromArray(bytes.data(), int(bytes.size()))) {
        return invalid("malformed or truncated message (" + std::to_string(bytes.size()) + " bytes)");
    }
    if (e.version() != kProtocolVersion) {
        return invalid("protocol version " + std::to_string(e.version()) + ", this node speaks version " +
                       std::to_string(kProtocolVersion) + " (update the older side)");
    }
    if (e.cluster() != context.clusterId) {
        return invalid("message for cluster '" + printable(e.cluster()) + "', this node belongs to '" +
                       context.clusterId + "' (bundles from different `tessera bundle` runs?)");
    }
    if (e.sender() < -1 || e.sender() >= context.devices) {
        return invalid("sender " + std::to_string(e.sender()) + " is not a device of this cluster (0.." +
                       std::to_string(context.devices - 1) + ") nor a client (-1)");
    }
    const std::string what = bodyName(e);
    Status s;
    switch (e.body_case()) {
    case wire::Envelope::BODY_NOT_SET:
        return invalid("message without a body (from a newer protocol?)");
    case wire::Envelope::kFrameStart:
        s = checkTensors(e.frame_start().inputs(), what);
        break;
    case wire::Envelope::kTensorPart:
        s = checkPayload(e.tensor_part().part(), e.tensor_part().data(), what);
        break;
    case wire::Envelope::kFrameResult:
        s = checkTensors(e.frame_result().outputs(), what);
        break;
    case wire::Envelope::kStealGrant:
        s = checkTensors(e.steal_grant().inputs(), what);
        break;
    default:
        break;
    }
    if (!s) {
        return s.error();
    }
    return e;
}

partition::Region toRegion(const wire::Region& region) {
    partition::Region r;
    for (int a = 0; a < region.begin_size(); ++a) {
        r.axes.push_back({region.begin(a), region.end(a)});
    }
    return r;
}

void setRegion(wire::Region* out, const partition::Region& region) {
    out->clear_begin();
    out->clear_end();
    for (const auto& range : region.axes) {
        out->add_begin(range.begin);
        out->add_end(range.end);
    }
}

void copyFloats(const std::string& data, float* out) {
    if (data.empty()) {
        return; // an empty region: `out` may be null, which memcpy must not be given even for no bytes
    }
    std::memcpy(out, data.data(), data.size());
}

std::string floatBytes(const float* data, std::size_t count) {
    return std::string(reinterpret_cast<const char*>(data), count * sizeof(float));
}

const char* bodyName(const wire::Envelope& envelope) {
    switch (envelope.body_case()) {
    case wire::Envelope::kHello:
        return "hello";
    case wire::Envelope::kFrameStart:
        return "frame_start";
    case wire::Envelope::kTensorPart:
        return "tensor_part";
    case wire::Envelope::kFrameResult:
        return "frame_result";
    case wire::Envelope::kHeartbeat:
        return "heartbeat";
    case wire::Envelope::kStealRequest:
        return "steal_request";
    case wire::Envelope::kStealGrant:
        return "steal_grant";
    case wire::Envelope::kTelemetry:
        return "telemetry";
    case wire::Envelope::kError:
        return "error";
    case wire::Envelope::BODY_NOT_SET:
        break;
    }
    return "empty";
}

} // namespace tessera::net
