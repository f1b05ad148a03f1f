#include "core/net/library_version.h"

#include <google/protobuf/stubs/common.h>
#include <zmq.h>

namespace tessera::net {

std::string zmqVersion() {
    int major = 0, minor = 0, patch = 0;
    zmq_version(&major, &minor, &patch);
    return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

std::string protobufVersion() {
    return google::protobuf::internal::VersionString(GOOGLE_PROTOBUF_VERSION);
}

} // namespace tessera::net
