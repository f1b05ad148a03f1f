#include "core/net/transport.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

namespace tessera::net {
namespace {

constexpr const char* kZapEndpoint = "inproc://zeromq.zap.01";
constexpr int kMaxMessageBytes = 1 << 30; // refuse anything larger before it is read into memory

std::string binaryKey(const std::string& z85) {
    std::array<std::uint8_t, 32> key{};
    zmq_z85_decode(key.data(), z85.c_str());
    return std::string(reinterpret_cast<const char*>(key.data()), key.size());
}

void commonOptions(zmq::socket_t& s) {
    s.set(zmq::sockopt::linger, 0);
    s.set(zmq::sockopt::sndhwm, 0);
    s.set(zmq::sockopt::rcvhwm, 0);
    s.set(zmq::sockopt::maxmsgsize, std::int64_t(kMaxMessageBytes));
}

// The ZAP handler (ZeroMQ RFC 27): admits CURVE clients whose public key is the cluster's.
void authenticate(zmq::socket_t socket, std::string allowed, std::shared_ptr<LogLimiter> log,
                  std::shared_ptr<std::atomic<std::uint64_t>> refused) {
    while (true) {
        std::vector<zmq::message_t> request;
        try {
            if (!zmq::recv_multipart(socket, std::back_inserter(request))) {
                continue;
            }
        } catch (const zmq::error_t&) {
            break; // the context is shutting down
        }
        if (request.size() < 6) {
            continue;
        }
        const bool curve = request[5].to_string() == "CURVE";
        const bool ok = curve && request.size() >= 7 && request[6].to_string() == allowed;
        if (!ok) {
            ++*refused;
            log->log("refused connection",
                     "refused a connection from " + printable(request[3].to_string()) +
                         ": it does not present this cluster's key (bundle from another "
                         "cluster?)");
        }
        std::array<zmq::const_buffer, 6> reply{zmq::str_buffer("1.0"),
                                               zmq::buffer(request[1].data(), request[1].size()),
                                               ok ? zmq::str_buffer("200") : zmq::str_buffer("400"),
                                               ok ? zmq::str_buffer("OK") : zmq::str_buffer("unknown key"),
                                               zmq::str_buffer(""),
                                               zmq::str_buffer("")};
        try {
            zmq::send_multipart(socket, reply);
        } catch (const zmq::error_t&) {
            break;
        }
    }
}

} // namespace

Transport::Transport(TransportOptions options)
    : m_options(std::move(options))
    , m_protocol{m_options.keys.clusterId, m_options.devices}
    , m_limited(std::make_shared<LogLimiter>(m_options.log, m_options.logBurst, m_options.logWindow))
    , m_beaconInterval(std::make_shared<std::atomic<std::int64_t>>(1000))
    , m_refusedPeers(std::make_shared<std::atomic<std::uint64_t>>(0)) {}

Expected<std::unique_ptr<Transport>> Transport::create(TransportOptions options) {
    std::unique_ptr<Transport> t(new Transport(std::move(options)));
    if (!zmq_has("curve")) {
        return Error{ErrorCode::Unsupported,
                     "this ZeroMQ library has no CURVE support (built without libsodium)"};
    }
    if (t->m_options.listen.empty()) {
        return t;
    }
    try {
        zmq::socket_t zap(t->m_context, zmq::socket_type::rep);
        zap.bind(kZapEndpoint);
        t->m_zap = std::thread(authenticate, std::move(zap), binaryKey(t->m_options.keys.publicKey),
                               t->m_limited, t->m_refusedPeers);
        zmq::socket_t router(t->m_context, zmq::socket_type::router);
        commonOptions(router);
        router.set(zmq::sockopt::router_mandatory, 1);
        router.set(zmq::sockopt::curve_server, 1);
        router.set(zmq::sockopt::curve_secretkey, t->m_options.keys.secretKey);
        router.set(zmq::sockopt::zap_domain, "tessera");
        router.bind(t->m_options.listen);
        t->m_bound = router.get(zmq::sockopt::last_endpoint);
        t->m_router = std::move(router);
    } catch (const zmq::error_t& e) {
        return Error{ErrorCode::Io, "cannot listen on '" + t->m_options.listen + "': " + e.what() +
                                        " (is the port in use, or the address not this machine's?)"};
    }
    return t;
}

Status Transport::startBeacon(int peer, std::chrono::milliseconds interval) {
    auto c = m_connections.find(peer);
    if (c == m_connections.end() || m_beacon.joinable()) {
        return Error{ErrorCode::InvalidArgument,
                     "no connection to peer " + std::to_string(peer) + " to beat to, or already beating"};
    }
    zmq::socket_t s(m_context, zmq::socket_type::dealer);
    try {
        commonOptions(s);
        s.set(zmq::sockopt::curve_serverkey, m_options.keys.publicKey);
        s.set(zmq::sockopt::curve_publickey, m_options.keys.publicKey);
        s.set(zmq::sockopt::curve_secretkey, m_options.keys.secretKey);
        s.set(zmq::sockopt::sndhwm, 4); // beats queued for a peer that is away are not worth keeping
        s.connect(c->second.endpoint);
    } catch (const zmq::error_t& e) {
        return Error{ErrorCode::Io, "cannot connect to '" + c->second.endpoint + "': " + e.what()};
    }
    *m_beaconInterval = interval.count();
    m_beacon = std::thread([socket = std::move(s), period = m_beaconInterval, protocol = m_protocol,
                            self = m_options.self]() mutable {
        std::uint64_t sequence = 0;
        zmq::pollitem_t item{socket.handle(), 0, ZMQ_POLLIN, 0};
        using Clock = std::chrono::steady_clock;
        auto sent = Clock::time_point::min();
        while (true) {
            try {
                // the interval is read afresh each time, so that a shorter one set meanwhile
                // (setBeaconInterval) applies at once, not after the old interval, which may exceed the
                // gateway's miss limit
                const auto every = std::chrono::milliseconds(period->load());
                const auto now = Clock::now();
                if (sent == Clock::time_point::min() || now - sent >= every) {
                    wire::Envelope beat;
                    beat.mutable_heartbeat()->set_sequence(++sequence);
                    const std::string bytes = encode(beat, protocol, self);
                    (void)socket.send(zmq::buffer(bytes), zmq::send_flags::dontwait);
                    sent = now;
                }
                // nothing arrives on this socket: the poll is the clock (in short slices), and ends with
                // the context
                const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(sent + every - now);
                zmq::poll(&item, 1,
                          std::clamp(wait, std::chrono::milliseconds(1), std::chrono::milliseconds(50)));
            } catch (const zmq::error_t& e) {
                if (e.num() == EINTR) {
                    continue;
                }
                break; // the context is shutting down
            }
        }
    });
    return {};
}

Status Transport::bindPublisher(const std::string& endpoint) {
    if (!m_zap.joinable()) {
        return Error{ErrorCode::InvalidArgument, "only a listening node can publish"};
    }
    try {
        zmq::socket_t pub(m_context, zmq::socket_type::pub);
        commonOptions(pub);
        pub.set(zmq::sockopt::sndhwm, 1000); // a slow subscriber loses telemetry; the node does not queue it
        pub.set(zmq::sockopt::curve_server, 1);
        pub.set(zmq::sockopt::curve_secretkey, m_options.keys.secretKey);
        pub.set(zmq::sockopt::zap_domain, "tessera");
        pub.bind(endpoint);
        m_publisher = std::move(pub);
    } catch (const zmq::error_t& e) {
        return Error{ErrorCode::Io, "cannot publish telemetry on '" + endpoint + "': " + e.what() +
                                        " (is the port in use, or the address not this machine's?)"};
    }
    return {};
}

Status Transport::publish(wire::Envelope& message) {
    if (!m_publisher) {
        return {};
    }
    const std::string bytes = encode(message, m_protocol, m_options.self);
    try {
        m_publisher->send(zmq::buffer(bytes), zmq::send_flags::dontwait);
    } catch (const zmq::error_t& e) {
        return Error{ErrorCode::Io, std::string("publishing telemetry: ") + e.what()};
    }
    return {};
}

Transport::~Transport() {
    m_publisher.reset();
    m_router.reset();
    m_connections.clear();
    m_context.shutdown();
    if (m_zap.joinable()) {
        m_zap.join();
    }
    if (m_beacon.joinable()) {
        m_beacon.join();
    }
}

void Transport::log(const std::string& line) const {
    if (m_options.log) {
        m_options.log(line);
    }
}

Status Transport::connect(int peer, const std::string& endpoint) {
    if (m_connections.count(peer)) {
        return {};
    }
    try {
        zmq::socket_t s(m_context, zmq::socket_type::dealer);
        commonOptions(s);
        s.set(zmq::sockopt::curve_serverkey, m_options.keys.publicKey);
        s.set(zmq::sockopt::curve_publickey, m_options.keys.publicKey);
        s.set(zmq::sockopt::curve_secretkey, m_options.keys.secretKey);
        // handshake failures (the peer refused our keys) are reported through a monitor
        const std::string monitorEndpoint = "inproc://monitor-" +
                                            std::to_string(reinterpret_cast<std::uintptr_t>(this)) + "-" +
                                            std::to_string(peer);
        if (zmq_socket_monitor(s.handle(), monitorEndpoint.c_str(),
                               ZMQ_EVENT_HANDSHAKE_FAILED_AUTH | ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL |
                                   ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL) != 0) {
            return Error{ErrorCode::Io, "cannot monitor the connection to " + endpoint};
        }
        zmq::socket_t monitor(m_context, zmq::socket_type::pair);
        monitor.connect(monitorEndpoint);
        s.connect(endpoint);
        m_connections.emplace(peer, Connection{endpoint, std::move(s), std::move(monitor)});
    } catch (const zmq::error_t& e) {
        return Error{ErrorCode::Io, "cannot connect to '" + endpoint + "': " + e.what()};
    }
    return {};
}

Expected<std::size_t> Transport::send(int peer, wire::Envelope& message) {
    auto c = m_connections.find(peer);
    if (c == m_connections.end()) {
        return Error{ErrorCode::InvalidArgument, "no connection to peer " + std::to_string(peer)};
    }
    const std::string bytes = encode(message, m_protocol, m_options.self);
    try {
        c->second.socket.send(zmq::buffer(bytes), zmq::send_flags::none);
    } catch (const zmq::error_t& e) {
        return Error{ErrorCode::Io, "sending to " + c->second.endpoint + ": " + e.what()};
    }
    return bytes.size();
}

Expected<std::size_t> Transport::reply(const std::string& route, wire::Envelope& message) {
    if (!m_router) {
        return Error{ErrorCode::InvalidArgument, "a client cannot reply"};
    }
    const std::string bytes = encode(message, m_protocol, m_options.self);
    try {
        m_router->send(zmq::buffer(route), zmq::send_flags::sndmore);
        m_router->send(zmq::buffer(bytes), zmq::send_flags::none);
    } catch (const zmq::error_t& e) {
        // router_mandatory: the client has gone
        return Error{ErrorCode::Io,
                     std::string("answering a client that is no longer connected: ") + e.what()};
    }
    return bytes.size();
}

void Transport::readMonitor(zmq::socket_t& monitor, int peer) {
    zmq::message_t event, address;
    if (!monitor.recv(event, zmq::recv_flags::dontwait)) {
        return;
    }
    if (event.more()) {
        (void)monitor.recv(address, zmq::recv_flags::none);
    }
    std::uint16_t code = 0;
    if (event.size() >= sizeof code) {
        std::memcpy(&code, event.data(), sizeof code);
    }
    const std::string what = code == ZMQ_EVENT_HANDSHAKE_FAILED_AUTH
                                 ? "refused this process's keys"
                                 : "failed the encrypted handshake (it holds another cluster's keys)";
    m_handshakeFailure = "peer " + std::to_string(peer) + " at " + address.to_string() + " " + what;
    log(m_handshakeFailure);
}

std::optional<Transport::Received> Transport::receive(std::chrono::milliseconds timeout) {
    m_limited->flush(); // a flood that has ended is summed up
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        std::vector<zmq::pollitem_t> items;
        std::vector<Connection*> owners;
        if (m_router) {
            items.push_back({m_router->handle(), 0, ZMQ_POLLIN, 0});
            owners.push_back(nullptr);
        }
        std::vector<std::pair<zmq::socket_t*, int>> monitors;
        for (auto& [peer, c] : m_connections) {
            items.push_back({c.socket.handle(), 0, ZMQ_POLLIN, 0});
            owners.push_back(&c);
        }
        for (auto& [peer, c] : m_connections) {
            items.push_back({c.monitor.handle(), 0, ZMQ_POLLIN, 0});
            monitors.emplace_back(&c.monitor, peer);
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        try {
            if (zmq::poll(items, std::max(left, std::chrono::milliseconds(0))) == 0) {
                return std::nullopt;
            }
        } catch (const zmq::error_t& e) {
            if (e.num() == EINTR) {
                return std::nullopt; // a signal (the node's SIGTERM): let the caller look at its stop token
            }
            throw;
        }
        for (std::size_t m = 0; m < monitors.size(); ++m) {
            if (items[owners.size() + m].revents & ZMQ_POLLIN) {
                readMonitor(*monitors[m].first, monitors[m].second);
            }
        }
        for (std::size_t i = 0; i < owners.size(); ++i) {
            if (!(items[i].revents & ZMQ_POLLIN)) {
                continue;
            }
            zmq::socket_t& s = owners[i] ? owners[i]->socket : *m_router;
            std::vector<zmq::message_t> parts;
            if (!zmq::recv_multipart(s, std::back_inserter(parts), zmq::recv_flags::dontwait)) {
                continue;
            }
            const bool routed = owners[i] == nullptr;
            if (parts.size() != (routed ? 2u : 1u)) {
                ++m_refusedMessages;
                m_limited->log("refused message", "refused a message of " + std::to_string(parts.size()) +
                                                      " frames (expected one envelope)");
                continue;
            }
            const zmq::message_t& payload = parts.back();
            auto decoded = decode(std::string_view(static_cast<const char*>(payload.data()), payload.size()),
                                  m_protocol);
            if (!decoded) {
                ++m_refusedMessages;
                m_limited->log("refused message", "refused a message: " + decoded.error().message);
                continue;
            }
            return Received{std::move(*decoded), routed ? parts[0].to_string() : std::string(),
                            payload.size()};
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            return std::nullopt;
        }
    }
}

} // namespace tessera::net
