#include "core/net/telemetry_subscriber.h"

#include <cstring>

namespace tessera::net {

TelemetrySubscriber::TelemetrySubscriber(NodeBundle client)
    : m_client(std::move(client))
    , m_protocol{m_client.description.clusterId, int(m_client.description.devices.size())}
    , m_endpoint(m_client.description.telemetry) {}

TelemetrySubscriber::~TelemetrySubscriber() {
    m_monitor.reset();
    m_socket.reset();
    m_context.shutdown();
}

Expected<std::unique_ptr<TelemetrySubscriber>> TelemetrySubscriber::connect(NodeBundle client) {
    if (client.description.telemetry.empty()) {
        return Error{
            ErrorCode::InvalidArgument,
            "the bundle names no telemetry endpoint (bundle with `tessera bundle --telemetry ENDPOINT`)"};
    }
    std::unique_ptr<TelemetrySubscriber> s(new TelemetrySubscriber(std::move(client)));
    try {
        zmq::socket_t sub(s->m_context, zmq::socket_type::sub);
        sub.set(zmq::sockopt::linger, 0);
        sub.set(zmq::sockopt::curve_serverkey, s->m_client.keys.publicKey);
        sub.set(zmq::sockopt::curve_publickey, s->m_client.keys.publicKey);
        sub.set(zmq::sockopt::curve_secretkey, s->m_client.keys.secretKey);
        sub.set(zmq::sockopt::subscribe, "");
        const std::string monitorEndpoint =
            "inproc://telemetry-monitor-" + std::to_string(reinterpret_cast<std::uintptr_t>(s.get()));
        if (zmq_socket_monitor(sub.handle(), monitorEndpoint.c_str(),
                               ZMQ_EVENT_HANDSHAKE_FAILED_AUTH | ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL |
                                   ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL) != 0) {
            return Error{ErrorCode::Io, "cannot monitor the connection to " + s->m_endpoint};
        }
        zmq::socket_t monitor(s->m_context, zmq::socket_type::pair);
        monitor.connect(monitorEndpoint);
        sub.connect(s->m_endpoint);
        s->m_socket = std::move(sub);
        s->m_monitor = std::move(monitor);
    } catch (const zmq::error_t& e) {
        return Error{ErrorCode::Io, "cannot subscribe to '" + s->m_endpoint + "': " + e.what()};
    }
    return s;
}

void TelemetrySubscriber::readMonitor() {
    zmq::message_t event;
    while (m_monitor->recv(event, zmq::recv_flags::dontwait)) {
        while (event.more()) {
            zmq::message_t rest;
            (void)m_monitor->recv(rest, zmq::recv_flags::none);
            if (!rest.more()) {
                break;
            }
        }
        m_refused = true; // only handshake failures are monitored
    }
}

std::optional<wire::FrameResult> TelemetrySubscriber::next(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        zmq::pollitem_t items[] = {{m_socket->handle(), 0, ZMQ_POLLIN, 0},
                                   {m_monitor->handle(), 0, ZMQ_POLLIN, 0}};
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() < 0) {
            return std::nullopt;
        }
        zmq::poll(items, 2, left);
        if (items[1].revents & ZMQ_POLLIN) {
            readMonitor();
        }
        if (!(items[0].revents & ZMQ_POLLIN)) {
            continue;
        }
        zmq::message_t message;
        if (!m_socket->recv(message, zmq::recv_flags::dontwait)) {
            continue;
        }
        auto decoded =
            decode(std::string_view(static_cast<const char*>(message.data()), message.size()), m_protocol);
        if (decoded && decoded->has_frame_result()) {
            return std::move(*decoded->mutable_frame_result());
        }
    }
}

} // namespace tessera::net
