#include "core/net/client.h"

namespace tessera::net {

ClusterClient::ClusterClient(NodeBundle bundle, std::unique_ptr<Transport> transport)
    : m_bundle(std::move(bundle))
    , m_transport(std::move(transport)) {}

std::string ClusterClient::gatewayName() const {
    const auto& d = m_bundle.description;
    const auto& g = d.devices[std::size_t(d.gateway)];
    return "gateway '" + g.name + "' at " + g.endpoint;
}

Expected<std::unique_ptr<ClusterClient>> ClusterClient::connect(NodeBundle client,
                                                                std::chrono::milliseconds timeout,
                                                                std::function<void(const std::string&)> log) {
    const auto& d = client.description;
    auto transport = Transport::create({client.keys, int(d.devices.size()), -1, "", std::move(log)});
    if (!transport) {
        return transport.error();
    }
    std::unique_ptr<ClusterClient> c(new ClusterClient(std::move(client), std::move(*transport)));
    const auto& gateway = c->m_bundle.description.devices[std::size_t(c->m_bundle.description.gateway)];
    if (auto s = c->m_transport->connect(0, gateway.endpoint); !s) {
        return s.error();
    }
    wire::Envelope hello;
    hello.mutable_hello()->set_node_name("client");
    hello.mutable_hello()->set_role("client");
    if (auto s = c->m_transport->send(0, hello); !s) {
        return s.error();
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        auto in = c->m_transport->receive(std::chrono::milliseconds(100));
        if (!c->m_transport->handshakeFailure().empty()) {
            return Error{ErrorCode::InvalidArgument,
                         c->gatewayName() + " refused the connection: " + c->m_transport->handshakeFailure() +
                             " (are the keys from this cluster's bundle?)"};
        }
        if (in && in->message.has_hello()) {
            return c;
        }
    }
    return Error{ErrorCode::Io, "no answer from the " + c->gatewayName() + " within " +
                                    std::to_string(timeout.count()) + " ms (is tessera-node running there?)"};
}

Status ClusterClient::submit(std::uint64_t frame, const std::map<std::string, std::vector<float>>& inputs) {
    wire::Envelope e;
    auto* start = e.mutable_frame_start();
    start->set_frame(frame);
    for (const auto& v : m_bundle.description.inputs) {
        auto it = inputs.find(v.name);
        if (it == inputs.end()) {
            return Error{ErrorCode::InvalidArgument, "no data for the model input '" + v.name + "'"};
        }
        const auto region = partition::Region::full(v.shape);
        if (std::int64_t(it->second.size()) != region.elements()) {
            return Error{ErrorCode::InvalidArgument, "input '" + v.name + "' takes " +
                                                         std::to_string(region.elements()) + " values, got " +
                                                         std::to_string(it->second.size())};
        }
        auto* t = start->add_inputs();
        t->set_name(v.name);
        setRegion(t->mutable_region(), region);
        t->set_data(floatBytes(it->second.data(), it->second.size()));
    }
    auto sent = m_transport->send(0, e);
    if (!sent) {
        return sent.error();
    }
    return {};
}

Expected<wire::FrameResult> ClusterClient::next(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        auto in = m_transport->receive(std::chrono::milliseconds(100));
        if (in && in->message.has_frame_result()) {
            return std::move(*in->message.mutable_frame_result());
        }
    }
    return Error{ErrorCode::Io, "no result from the " + gatewayName() + " within " +
                                    std::to_string(timeout.count()) +
                                    " ms (a worker may have stopped; see the nodes' logs)"};
}

} // namespace tessera::net
