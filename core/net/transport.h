#pragma once
// Messages between nodes over ZeroMQ, encrypted and authenticated with the cluster's CURVE keys.
//
// Each node listens on one ROUTER socket (its endpoint from the bundle) and keeps one persistent DEALER
// connection per peer it sends to, made on first use; so a message from A to B always travels on A's
// connection into B's listening socket, and a client (the CLI) gets its answers on the connection it made.
// Every socket is a CURVE server or client with the cluster's key pair; an authentication handler (ZAP)
// inside the node admits only clients presenting the cluster's public key and logs every refusal.
// Incoming bytes pass protocol.h's decode(): a refused message is logged (rate-limited) and counted, never
// delivered.
// High-water marks are off: a node sending to a busy peer queues rather than blocks or drops (two nodes
// sending each other large tensors must not deadlock).

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "core/base/error.h"
#include "core/net/keys.h"
#include "core/net/log_limiter.h"
#include "core/net/protocol.h"

namespace tessera::net {

struct TransportOptions {
    ClusterKeys keys;
    int devices = 0;    // of the cluster (senders are checked against it)
    int self = -1;      // this process's device index; -1 for a client
    std::string listen; // endpoint to bind ("tcp://*:7701"); empty for a client
    // Called from the transport's threads too (authentication); must be thread-safe.
    std::function<void(const std::string&)> log;
    // Refused messages and refused connections each log at most `logBurst` lines per `logWindow`, then a
    // count of the lines left out (log_limiter.h): a peer cannot flood the log.
    int logBurst = 10;
    std::chrono::milliseconds logWindow{10000};
};

class Transport {
public:
    static Expected<std::unique_ptr<Transport>> create(TransportOptions options);
    ~Transport();
    Transport(const Transport&) = delete;
    Transport& operator=(const Transport&) = delete;

    // Connects to a peer (device index, or any id the caller chooses) at `endpoint`; messages sent before
    // the connection is up wait in its queue. Connecting twice to the same peer is a no-op.
    Status connect(int peer, const std::string& endpoint);
    // Sends over the connection to `peer` (connect() first). Returns the bytes put on the wire.
    Expected<std::size_t> send(int peer, wire::Envelope& message);
    // Sends `peer` (connect() first) a Heartbeat every `interval` from a thread of its own, on a connection
    // of its own, until the transport ends: the process signals it is alive even while its caller is busy
    // (a long task). A stopped or killed process stops beating.
    Status startBeacon(int peer, std::chrono::milliseconds interval);
    // Changes the beacon's interval (from its next beat on).
    void setBeaconInterval(std::chrono::milliseconds interval) { *m_beaconInterval = interval.count(); }
    // Binds a PUB socket (a CURVE server with the cluster's keys, admitted by the same authentication
    // handler) at `endpoint`; publish() then sends to every admitted subscriber. A subscriber that falls
    // behind loses messages rather than making this process queue without bound.
    Status bindPublisher(const std::string& endpoint);
    Status publish(wire::Envelope& message);
    // Answers on the listening socket whoever sent a message with this route (Received::route).
    Expected<std::size_t> reply(const std::string& route, wire::Envelope& message);

    struct Received {
        wire::Envelope message;
        std::string route; // the sender's route on our listening socket; empty when it came over a connection
        std::size_t bytes = 0;
    };
    // The next valid message, waiting at most `timeout`; nullopt when none came. Refused messages are logged
    // and counted, then skipped.
    std::optional<Received> receive(std::chrono::milliseconds timeout);

    std::uint64_t refusedMessages() const { return m_refusedMessages; }
    // Connections the authentication handler refused (wrong keys).
    std::uint64_t refusedPeers() const { return *m_refusedPeers; }
    // Set when a peer refused one of our connections during the handshake (it does not know our keys).
    const std::string& handshakeFailure() const { return m_handshakeFailure; }
    // The endpoint actually bound (a "tcp://*:0" request resolved to its port), empty for a client.
    const std::string& boundEndpoint() const { return m_bound; }

private:
    explicit Transport(TransportOptions options);
    void log(const std::string& line) const;
    void readMonitor(zmq::socket_t& monitor, int peer);

    TransportOptions m_options;
    ProtocolContext m_protocol;
    std::shared_ptr<LogLimiter> m_limited; // refusals caused by peers (shared with the ZAP thread)
    zmq::context_t m_context;
    std::thread m_zap;
    std::thread m_beacon;
    std::shared_ptr<std::atomic<std::int64_t>> m_beaconInterval; // milliseconds
    std::shared_ptr<std::atomic<std::uint64_t>> m_refusedPeers;
    std::optional<zmq::socket_t> m_router;
    std::optional<zmq::socket_t> m_publisher;
    struct Connection {
        std::string endpoint;
        zmq::socket_t socket;
        zmq::socket_t monitor;
    };
    std::map<int, Connection> m_connections;
    std::uint64_t m_refusedMessages = 0;
    std::string m_handshakeFailure;
    std::string m_bound;
};

} // namespace tessera::net
