#include "core/net/node_runtime.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace tessera::net {
namespace {

constexpr std::size_t kRememberedFrames = 4096;

double seconds(std::chrono::steady_clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

} // namespace

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
    , m_options(std::move(options)) {}

Expected<std::unique_ptr<NodeRuntime>> NodeRuntime::create(NodeBundle bundle, NodeOptions options) {
    std::unique_ptr<NodeRuntime> node(new NodeRuntime(std::move(bundle), std::move(options)));
    const auto& d = node->m_d;
    for (std::size_t i = 0; i < d.tasks.size(); ++i) {
        node->m_taskIndex[d.tasks[i].id] = i;
        if (!node->m_bundle.nets.count(d.tasks[i].id)) {
            return Error{ErrorCode::InvalidArgument, "task " + std::to_string(d.tasks[i].id) + " has no net"};
        }
    }
    for (const auto& p : d.pieces) {
        node->m_pieces[p.id] = &p;
    }
    const std::string listen =
        node->m_options.listen.empty() ? d.devices[std::size_t(d.device)].endpoint : node->m_options.listen;
    auto transport = Transport::create(
        {node->m_bundle.keys, int(d.devices.size()), d.device, listen, node->m_options.log});
    if (!transport) {
        return transport.error();
    }
    node->m_transport = std::move(*transport);
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
        }
        if (auto in = m_transport->receive(wait)) {
            handle(*in);
            continue;
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
            log("refused a frame from sender " + std::to_string(m.sender()) +
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
        log("refused frame " + std::to_string(id) + ": " + why);
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
    }
    checkDone(id);
}

bool NodeRuntime::accept(std::uint64_t id, int task, int piece, const partition::Region& part,
                         const float* data, const partition::Region& held, int sender, std::string& why,
                         bool& fromProducer) {
    Frame& f = frame(id);
    // the source of `spec` this part is, or -1
    auto find = [&](const InputSpec& spec, const std::vector<bool>& have) {
        for (std::size_t s = 0; s < spec.sources.size(); ++s) {
            if (!have[s] && spec.sources[s].piece == piece && spec.sources[s].part == part) {
                return int(s);
            }
        }
        return -1;
    };
    auto fill = [&](const InputSpec& spec, std::vector<float>& buffer, std::vector<bool>& have, int s) {
        const auto& senders = spec.sources[std::size_t(s)].senders;
        if (!senders.empty() && std::find(senders.begin(), senders.end(), sender) == senders.end()) {
            why = "device " + deviceName(sender) + " does not produce piece " + std::to_string(piece) +
                  " (its producer is " + deviceName(senders.front()) + ")";
            return false;
        }
        fromProducer = senders.empty() || senders.front() == sender;
        if (buffer.empty()) {
            buffer.assign(std::size_t(spec.region.elements()), 0.f);
        }
        partition::copyRegion(data, held, buffer.data(), spec.region, part);
        have[std::size_t(s)] = true;
        return true;
    };
    why = "frame " + std::to_string(id) + " task " + std::to_string(task) + " expects no part " +
          part.toString() + " of piece " + std::to_string(piece) + " (or has it already)";
    if (task < 0) {
        for (std::size_t r = 0; isGateway() && r < m_d.results.size(); ++r) {
            if (const int s = find(m_d.results[r], f.resultHave[r]); s >= 0) {
                if (!fill(m_d.results[r], f.results[r], f.resultHave[r], s)) {
                    return false;
                }
                --f.resultsMissing;
                return true;
            }
        }
        return false;
    }
    auto index = m_taskIndex.find(task);
    if (index == m_taskIndex.end() || !owns(m_d.tasks[index->second])) {
        return false;
    }
    TaskRun& run = f.tasks[index->second];
    const auto& spec = m_d.tasks[index->second];
    for (std::size_t k = 0; k < spec.inputs.size(); ++k) {
        if (const int s = find(spec.inputs[k], run.have[k]); s >= 0) {
            if (!fill(spec.inputs[k], run.inputs[k], run.have[k], s)) {
                return false;
            }
            if (--run.missing == 0) {
                run.readySince = Clock::now();
                m_ready.emplace_back(id, index->second);
            }
            return true;
        }
    }
    return false;
}

void NodeRuntime::onTensorPart(const wire::TensorPart& part, int sender) {
    const std::uint64_t id = part.frame();
    if (m_finished.count(id)) {
        log("refused a part for frame " + std::to_string(id) + " from device " + deviceName(sender) +
            ": the frame is over");
        return;
    }
    if (sender < 0) {
        log("refused a part for frame " + std::to_string(id) + " from a client: parts come from devices");
        return;
    }
    const auto region = toRegion(part.part());
    std::vector<float> data(std::size_t(region.elements()));
    copyFloats(part.data(), data.data());
    std::string why;
    bool fromProducer = true;
    const bool known = m_frames.count(id) > 0;
    if (!accept(id, part.task(), part.piece(), region, data.data(), region, sender, why, fromProducer)) {
        log("refused a part from device " + deviceName(sender) + ": " + why);
        if (!known) {
            m_frames.erase(id); // made only for this refused part
        }
        return;
    }
    auto& own = frame(id).own;
    const auto bytes = std::int64_t(part.data().size());
    fromProducer ? own.set_bytes_in(own.bytes_in() + bytes)
                 : own.set_steal_bytes_in(own.steal_bytes_in() + bytes);
    checkDone(id);
}

void NodeRuntime::deliver(std::uint64_t id, const PieceSpec& piece, const float* data, wire::Telemetry& stats,
                          bool stolen) {
    std::vector<float> buffer;
    for (const auto& c : piece.consumers) {
        if (c.device == m_d.device) {
            if (m_finished.count(id)) {
                continue; // a stolen task of a frame that ended here
            }
            std::string why;
            bool fromProducer = true;
            if (!accept(id, c.task, piece.id, c.part, data, piece.region, m_d.device, why, fromProducer)) {
                log("bundle inconsistent: local consumer of piece " + std::to_string(piece.id) + ": " + why);
            }
            continue;
        }
        buffer.resize(std::size_t(c.part.elements()));
        partition::copyRegion(data, piece.region, buffer.data(), c.part, c.part);
        wire::Envelope e;
        auto* part = e.mutable_tensor_part();
        part->set_frame(id);
        part->set_piece(piece.id);
        part->set_task(c.task);
        setRegion(part->mutable_part(), c.part);
        part->set_data(floatBytes(buffer.data(), buffer.size()));
        if (auto s = m_transport->send(c.device, e); !s) {
            fail(id, s.error().message);
            return;
        }
        const auto bytes = std::int64_t(buffer.size() * sizeof(float));
        stolen ? stats.set_steal_bytes_out(stats.steal_bytes_out() + bytes)
               : stats.set_bytes_out(stats.bytes_out() + bytes);
    }
}

Status NodeRuntime::compute(const TaskSpec& spec, const std::vector<std::vector<float>>& inputs,
                            double& computeSeconds,
                            const std::function<bool(std::size_t, const float*)>& onOutput) {
    const auto started = Clock::now();
    exec::Session session(m_bundle.nets.at(spec.id), m_options.threads);
    auto failed = [&](const Error& e) {
        return Error{e.code, "task " + std::to_string(spec.id) + ": " + e.message};
    };
    for (std::size_t k = 0; k < spec.inputs.size(); ++k) {
        if (auto s = session.setInput(spec.inputs[k].name, inputs[k].data(), inputs[k].size()); !s) {
            return failed(s.error());
        }
    }
    if (auto s = session.run(); !s) {
        return failed(s.error());
    }
    if (m_options.slowdown > 1.0) {
        // an emulated slower device stays busy (deaf to messages), as a slower CPU would
        const auto busyUntil = started + std::chrono::duration_cast<Clock::duration>(
                                             (Clock::now() - started) * m_options.slowdown);
        while (Clock::now() < busyUntil) {
        }
    }
    computeSeconds = seconds(Clock::now() - started);
    for (std::size_t k = 0; k < spec.outputNames.size(); ++k) {
        auto out = session.output(spec.outputNames[k]);
        if (!out) {
            return failed(out.error());
        }
        if (!onOutput(k, out->data)) {
            return {}; // the frame ended meanwhile
        }
    }
    return {};
}

void NodeRuntime::runOne() {
    const auto [id, index] = m_ready.front();
    m_ready.pop_front();
    auto found = m_frames.find(id);
    if (found == m_frames.end() || found->second.tasks[index].granted) {
        return; // the frame failed meanwhile, or a thief took the task
    }
    const TaskSpec& spec = m_d.tasks[index];
    const auto started = Clock::now();
    double computeSeconds = 0;
    const auto readySince = found->second.tasks[index].readySince;
    const auto inputs = std::move(found->second.tasks[index].inputs); // freed when the task ends
    found->second.tasks[index].inputs.clear();
    bool timed = false;
    auto status = compute(spec, inputs, computeSeconds, [&](std::size_t k, const float* data) {
        auto it = m_frames.find(id);
        if (it == m_frames.end()) {
            return false;
        }
        if (!timed) {
            auto* timing = it->second.own.add_tasks();
            timing->set_task(spec.id);
            timing->set_queue_seconds(seconds(started - readySince));
            timing->set_compute_seconds(computeSeconds);
            timed = true;
        }
        deliver(id, *m_pieces.at(spec.outputs[k]), data, it->second.own, false);
        return m_frames.count(id) > 0;
    });
    if (!status) {
        return fail(id, status.error().message);
    }
    auto it = m_frames.find(id);
    if (it == m_frames.end()) {
        return;
    }
    --it->second.tasksLeft;
    if (spec.stealable) {
        startStealing(spec.stage);
    }
    checkDone(id);
}

namespace {

// Adds `t` (a device's telemetry or a thief's report) into `into`, the device's figures for the frame.
void merge(wire::Telemetry& into, const wire::Telemetry& t) {
    into.set_frame(t.frame());
    into.set_device(t.device());
    into.set_bytes_in(into.bytes_in() + t.bytes_in());
    into.set_bytes_out(into.bytes_out() + t.bytes_out());
    into.set_steal_bytes_in(into.steal_bytes_in() + t.steal_bytes_in());
    into.set_steal_bytes_out(into.steal_bytes_out() + t.steal_bytes_out());
    into.set_peak_rss_bytes(std::max(into.peak_rss_bytes(), t.peak_rss_bytes()));
    into.mutable_tasks()->MergeFrom(t.tasks());
    into.mutable_given()->MergeFrom(t.given());
}

} // namespace

void NodeRuntime::onTelemetry(const wire::Telemetry& t) {
    auto it = m_frames.find(t.frame());
    // a thief's report may come before the victim's telemetry that announces it: counts may go below zero
    const bool expected = isGateway() && it != m_frames.end() &&
                          (t.steal_report() || it->second.reportsMissing.erase(t.device()) > 0);
    if (!expected) {
        log("refused telemetry of device " + deviceName(t.device()) + " for frame " +
            std::to_string(t.frame()) + ": not expected");
        return;
    }
    Frame& f = it->second;
    for (const auto& g : t.given()) {
        ++f.stealReportsMissing[g.thief()];
    }
    if (t.steal_report()) {
        f.stealReportsMissing[t.device()] -= t.tasks_size();
    }
    merge(f.reports[t.device()], t);
    checkDone(t.frame());
}

void NodeRuntime::onError(const wire::ErrorReport& e, int sender) {
    if (!isGateway()) {
        if (sender == m_d.gateway) {
            // the frame failed elsewhere: drop what this device holds of it
            if (m_frames.erase(e.frame()) > 0) {
                log("dropped frame " + std::to_string(e.frame()) + ": " + e.message());
            }
            std::erase_if(m_stolen, [&](const StolenRun& r) { return r.frame == e.frame(); });
            finish(e.frame());
        }
        return;
    }
    const std::string message = "device " + deviceName(sender) + ": " + e.message();
    if (m_frames.count(e.frame())) {
        fail(e.frame(), message);
    }
}

void NodeRuntime::fail(std::uint64_t id, const std::string& message) {
    auto it = m_frames.find(id);
    if (it == m_frames.end()) {
        return;
    }
    log("frame " + std::to_string(id) + " failed: " + message);
    wire::Envelope e;
    e.mutable_error()->set_frame(id);
    e.mutable_error()->set_message(message);
    if (isGateway()) {
        for (int w : m_d.reporting) {
            (void)m_transport->send(w, e); // every worker drops the frame's state
        }
        if (it->second.started) {
            wire::Envelope answer;
            answer.mutable_frame_result()->set_frame(id);
            answer.mutable_frame_result()->set_error(message);
            (void)m_transport->reply(it->second.client, answer);
        }
    } else {
        (void)m_transport->send(m_d.gateway, e);
    }
    std::erase_if(m_stolen, [&](const StolenRun& r) { return r.frame == id; });
    finish(id);
}

void NodeRuntime::finish(std::uint64_t id) {
    m_frames.erase(id);
    m_finished.insert(id);
    while (m_finished.size() > kRememberedFrames) {
        m_finished.erase(m_finished.begin());
    }
}

void NodeRuntime::checkDone(std::uint64_t id) {
    auto it = m_frames.find(id);
    if (it == m_frames.end()) {
        return;
    }
    Frame& f = it->second;
    if (f.tasksLeft > 0) {
        return;
    }
    f.own.set_peak_rss_bytes(peakRssBytes());
    wire::Envelope e;
    if (!isGateway()) {
        *e.mutable_telemetry() = f.own;
        if (auto s = m_transport->send(m_d.gateway, e); !s) {
            log(s.error().message);
        }
        finish(id);
        return;
    }
    const bool stealsReported = std::all_of(f.stealReportsMissing.begin(), f.stealReportsMissing.end(),
                                            [](const auto& thief) { return thief.second == 0; });
    if (!f.started || f.resultsMissing > 0 || !f.reportsMissing.empty() || !stealsReported) {
        return;
    }
    auto* answer = e.mutable_frame_result();
    answer->set_frame(id);
    merge(f.reports[m_d.device], f.own);
    for (auto& [device, t] : f.reports) {
        *answer->add_devices() = std::move(t);
    }
    for (std::size_t r = 0; r < m_d.results.size(); ++r) {
        auto* t = answer->add_outputs();
        t->set_name(m_d.results[r].name);
        setRegion(t->mutable_region(), m_d.results[r].region);
        t->set_data(floatBytes(f.results[r].data(), f.results[r].size()));
    }
    if (auto s = m_transport->reply(f.client, e); !s) {
        log("frame " + std::to_string(id) + ": " + s.error().message);
    }
    finish(id);
}

} // namespace tessera::net
