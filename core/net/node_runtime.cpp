#include "core/net/node_runtime.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace tessera::net {

std::int64_t peakRssBytes() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) {
            std::istringstream fields(line.substr(6));
            std::int64_t kib = 0;
            fields >> kib;
            return kib * 1024;
        }
    }
    return 0;
}

NodeRuntime::NodeRuntime(NodeBundle bundle, NodeOptions options)
    : m_d(bundle.description)
    , m_bundle(std::move(bundle))
    , m_options(std::move(options))
    , m_often(std::make_unique<LogLimiter>(m_options.log)) {}

Expected<std::unique_ptr<NodeRuntime>> NodeRuntime::create(NodeBundle bundle, NodeOptions options) {
    std::unique_ptr<NodeRuntime> node(new NodeRuntime(std::move(bundle), std::move(options)));
    const auto& d = node->m_d;
    for (std::size_t i = 0; i < d.tasks.size(); ++i) {
        node->m_taskIndex[d.tasks[i].id] = i;
        if (!node->m_bundle.net || !node->m_bundle.segments.count(d.tasks[i].id)) {
            return Error{ErrorCode::InvalidArgument, "task " + std::to_string(d.tasks[i].id) + " has no net"};
        }
    }
    if (node->m_bundle.net) {
        // one session for every task: its arena (the largest task's) and workspace are reused, never freed
        node->m_tasks = std::make_unique<exec::Session>(node->m_bundle.net, node->m_options.threads);
    }
    for (const auto& p : d.pieces) {
        node->m_pieces[p.id] = &p;
    }
    node->setUpRerun();
    const std::string listen =
        node->m_options.listen.empty() ? d.devices[std::size_t(d.device)].endpoint : node->m_options.listen;
    auto transport = Transport::create(
        {node->m_bundle.keys, int(d.devices.size()), d.device, listen, node->m_options.log});
    if (!transport) {
        return transport.error();
    }
    node->m_transport = std::move(*transport);
    const std::string telemetry =
        node->m_options.telemetryListen.empty() ? d.telemetry : node->m_options.telemetryListen;
    if (d.device == d.gateway && !telemetry.empty()) {
        if (auto s = node->m_transport->bindPublisher(telemetry); !s) {
            return s.error();
        }
    }
    const auto now = Clock::now();
    for (int w : d.reporting) {
        node->m_lastHeard[w] = now; // a grace period of one miss limit from start-up
    }
    node->m_nextHeartbeat = now;
    // persistent connections to every device this one sends to
    std::set<int> peers;
    for (const auto& p : d.pieces) {
        for (const auto& c : p.consumers) {
            if (c.device != d.device) {
                peers.insert(c.device);
            }
        }
    }
    if (d.device != d.gateway) {
        peers.insert(d.gateway);
    } else {
        peers.insert(d.reporting.begin(), d.reporting.end()); // heartbeats and failed-frame notices
    }
    node->setUpStealing();
    for (const auto& [stage, others] : node->m_stagePeers) {
        peers.insert(others.begin(), others.end());
    }
    for (int peer : peers) {
        if (auto s = node->m_transport->connect(peer, d.devices[std::size_t(peer)].endpoint); !s) {
            return s.error();
        }
    }
    if (d.device != d.gateway) {
        if (auto s = node->m_transport->startBeacon(d.gateway, node->m_options.heartbeatInterval); !s) {
            return s.error();
        }
    }
    return node;
}

std::string NodeRuntime::deviceName(int device) const {
    return device >= 0 && device < int(m_d.devices.size()) ? "'" + m_d.devices[std::size_t(device)].name + "'"
                                                           : "client";
}

void NodeRuntime::log(const std::string& line) const {
    if (m_options.log) {
        m_options.log(line);
    }
}

NodeRuntime::Frame& NodeRuntime::frame(std::uint64_t id) {
    auto [it, created] = m_frames.try_emplace(id);
    Frame& f = it->second;
    if (created) {
        f.begin = Clock::now();
        f.tasks.resize(m_d.tasks.size());
        for (std::size_t t = 0; t < m_d.tasks.size(); ++t) {
            const auto& spec = m_d.tasks[t];
            if (!owns(spec)) {
                continue; // arrives, if ever, whole in a StealGrant
            }
            f.tasks[t].inputs.resize(spec.inputs.size());
            for (const auto& in : spec.inputs) {
                f.tasks[t].have.emplace_back(in.sources.size(), false);
                f.tasks[t].missing += int(in.sources.size());
            }
            ++f.tasksLeft;
        }
        if (isGateway()) {
            f.results.resize(m_d.results.size());
            for (const auto& r : m_d.results) {
                f.resultHave.emplace_back(r.sources.size(), false);
                f.resultsMissing += int(r.sources.size());
            }
            f.reportsMissing.insert(m_d.reporting.begin(), m_d.reporting.end());
        }
        f.own.set_frame(id);
        f.own.set_device(m_d.device);
    }
    return f;
}

Status NodeRuntime::serve(const StopToken& stop) {
    int own = 0;
    for (const auto& t : m_d.tasks) {
        own += owns(t) ? 1 : 0;
    }
    log("serving as " + std::string(isGateway() ? "gateway" : "worker") + " " + deviceName(m_d.device) +
        " on " + m_transport->boundEndpoint() + " (" + std::to_string(own) + " tasks" +
        (m_stagePeers.empty()
             ? ""
             : ", " + std::to_string(m_d.tasks.size() - std::size_t(own)) + " more it may steal") +
        ")");
    if (isGateway() && !m_d.telemetry.empty()) {
        log("publishing telemetry on " +
            (m_options.telemetryListen.empty() ? m_d.telemetry : m_options.telemetryListen));
    }
    while (!stop.stopRequested()) {
        if (isGateway()) {
            heartbeat();
        }
        // take in everything that has arrived, then run one task (stolen ones first: their victim waits);
        // wait only when there is nothing to run
        const bool idle = m_ready.empty() && m_stolen.empty();
        const auto wait = idle ? std::chrono::milliseconds(50) : std::chrono::milliseconds(0);
        if (idle) {
            askForWork();
            m_often->flush();
        }
        if (auto in = m_transport->receive(wait)) {
            handle(*in);
            continue;
        }
        if (isGateway()) {
            declareSilentWorkersDown();
        }
        if (!m_stolen.empty()) {
            runStolen();
        } else if (!m_ready.empty()) {
            runOne();
        }
    }
    return {};
}

void NodeRuntime::handle(Transport::Received& in) {
    const auto& m = in.message;
    if (m.sender() >= 0 && m.sender() != m_d.device) {
        heard(m.sender());
    }
    switch (m.body_case()) {
    case wire::Envelope::kHello:
        if (!in.route.empty()) {
            wire::Envelope answer;
            answer.mutable_hello()->set_node_name(m_d.devices[std::size_t(m_d.device)].name);
            answer.mutable_hello()->set_role(isGateway() ? "gateway" : "worker");
            if (auto s = m_transport->reply(in.route, answer); !s) {
                log(s.error().message);
            }
        }
        break;
    case wire::Envelope::kFrameStart:
        if (!isGateway() || m.sender() != -1) {
            logOften("refused frame", "refused a frame from sender " + std::to_string(m.sender()) +
                                          ": frames enter at the gateway");
            break;
        }
        onFrameStart(in.route, m.frame_start());
        break;
    case wire::Envelope::kTensorPart:
        onTensorPart(m.tensor_part(), m.sender());
        break;
    case wire::Envelope::kTelemetry:
        onTelemetry(m.telemetry());
        break;
    case wire::Envelope::kError:
        onError(m.error(), m.sender());
        break;
    case wire::Envelope::kHeartbeat:
        if (!isGateway() && m.sender() == m_d.gateway) {
            if (m.heartbeat().interval_ms() > 0) {
                m_transport->setBeaconInterval(std::chrono::milliseconds(m.heartbeat().interval_ms()));
            }
            onGatewaySession(m.heartbeat().session());
            wire::Envelope answer;
            answer.mutable_heartbeat()->set_sequence(m.heartbeat().sequence());
            if (auto s = m_transport->send(m_d.gateway, answer); !s) {
                log(s.error().message);
            }
        }
        break;
    case wire::Envelope::kStealRequest:
        onStealRequest(m.steal_request(), m.sender());
        break;
    case wire::Envelope::kStealGrant:
        onStealGrant(m.steal_grant(), m.sender());
        break;
    default:
        log(std::string("ignored a ") + bodyName(m) + " message from sender " + std::to_string(m.sender()));
        break;
    }
}

void NodeRuntime::onFrameStart(const std::string& route, const wire::FrameStart& start) {
    const std::uint64_t id = start.frame();
    auto refuse = [&](const std::string& why) {
        logOften("refused frame", "refused frame " + std::to_string(id) + ": " + why);
        wire::Envelope answer;
        answer.mutable_frame_result()->set_frame(id);
        answer.mutable_frame_result()->set_error(why);
        (void)m_transport->reply(route, answer);
    };
    if (m_frames.count(id) || m_finished.count(id)) {
        return refuse("frame number already used");
    }
    if (start.inputs_size() != int(m_d.inputs.size())) {
        return refuse("it carries " + std::to_string(start.inputs_size()) + " inputs, the model has " +
                      std::to_string(m_d.inputs.size()));
    }
    if (const std::string down = downDevices(); !down.empty()) {
        return refuse(down);
    }
    std::map<std::string, const wire::Tensor*> given;
    for (const auto& t : start.inputs()) {
        given[t.name()] = &t;
    }
    for (const auto& v : m_d.inputs) {
        auto it = given.find(v.name);
        if (it == given.end()) {
            return refuse("input '" + v.name + "' is missing");
        }
        if (!(toRegion(it->second->region()) == partition::Region::full(v.shape))) {
            return refuse("input '" + v.name + "' must be the whole tensor of shape " +
                          model::toString(v.shape));
        }
    }
    Frame& f = frame(id);
    f.started = true;
    f.client = route;
    f.begin = Clock::now();
    std::vector<float> data;
    for (const auto& p : m_d.pieces) {
        auto it = given.find(p.value);
        if (it == given.end()) {
            continue; // a task output
        }
        // the piece of a graph input is the whole input
        data.resize(std::size_t(p.region.elements()));
        copyFloats(it->second->data(), data.data());
        deliver(id, p, data.data(), f.own, false);
        if (!m_frames.count(id)) {
            return;
        }
        if (m_keepInputs) {
            f.graphInputs[p.id] = data; // a dead worker's tiles may have to be re-run from it
        }
    }
    checkDone(id);
}

} // namespace tessera::net
