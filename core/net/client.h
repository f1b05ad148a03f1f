#pragma once
// The client side of a cluster: connects to the gateway named in a client bundle (bundle.h), submits frames
// and takes their results. Several frames may be in flight; results come back in the order they finish.

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/net/bundle.h"
#include "core/net/transport.h"

namespace tessera::net {

class ClusterClient {
public:
    // Connects and greets the gateway; fails with a clear message when it does not answer within `timeout`
    // or refuses our keys.
    static Expected<std::unique_ptr<ClusterClient>> connect(NodeBundle client,
                                                            std::chrono::milliseconds timeout,
                                                            std::function<void(const std::string&)> log = {});

    const NodeDescription& description() const { return m_bundle.description; }
    // Every graph input by name, whole, in its shape.
    Status submit(std::uint64_t frame, const std::map<std::string, std::vector<float>>& inputs);
    // The next result (a FrameResult with an error set when the frame failed); an error when nothing came
    // within `timeout`.
    Expected<wire::FrameResult> next(std::chrono::milliseconds timeout);

private:
    ClusterClient(NodeBundle bundle, std::unique_ptr<Transport> transport);
    std::string gatewayName() const;

    NodeBundle m_bundle;
    std::unique_ptr<Transport> m_transport;
};

} // namespace tessera::net
