#pragma once
// A subscriber to the telemetry a gateway publishes (node_runtime.h): one FrameResult per frame, without
// outputs - every device's compute time per task, queue waits, bytes in and out (planned and by steals),
// peak RSS - or the frame's error. It connects with the cluster's keys from a client bundle (bundle.h); a
// process without them fails the handshake and receives nothing.

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include <zmq.hpp>

#include "core/net/bundle.h"
#include "core/net/protocol.h"

namespace tessera::net {

class TelemetrySubscriber {
public:
    // Fails when the bundle names no telemetry endpoint. Connecting does not wait for the gateway.
    static Expected<std::unique_ptr<TelemetrySubscriber>> connect(NodeBundle client);
    ~TelemetrySubscriber();

    // The next frame's telemetry, or nullopt when none came within `timeout`. Messages that do not decode
    // (protocol.h) are skipped.
    std::optional<wire::FrameResult> next(std::chrono::milliseconds timeout);
    // Set when the gateway refused our keys (a handshake failure seen on the connection).
    bool refused() const { return m_refused; }
    const std::string& endpoint() const { return m_endpoint; }

private:
    TelemetrySubscriber(NodeBundle client);
    void readMonitor();

    NodeBundle m_client;
    ProtocolContext m_protocol;
    std::string m_endpoint;
    zmq::context_t m_context;
    std::optional<zmq::socket_t> m_socket, m_monitor;
    bool m_refused = false;
};

} // namespace tessera::net
