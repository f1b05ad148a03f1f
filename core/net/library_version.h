#pragma once
// The versions of the messaging and serialisation libraries linked into tessera_net.

#include <string>

namespace tessera::net {

// ZeroMQ's zmq_version(), asked at run time: "4.3.4".
std::string zmqVersion();
// protobuf's version this module was built against ("3.21.12"); the library refuses to load with an
// incompatible run-time version, so it is also the one running.
std::string protobufVersion();

} // namespace tessera::net
