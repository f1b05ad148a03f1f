#include "core/net/node_runtime.h"

#include <fstream>
#include <sstream>

namespace tessera::net {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kRememberedFrames = 4096;

double seconds(Clock::duration d) {
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
    }
    for (int peer : peers) {
        if (auto s = node->m_transport->connect(peer, d.devices[std::size_t(peer)].endpoint); !s) {
            return s.error();
        }
    }
    return node;
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
            f.tasks[t].inputs.resize(spec.inputs.size());
            for (const auto& in : spec.inputs) {
                f.tasks[t].have.emplace_back(in.sources.size(), false);
                f.tasks[t].missing += int(in.sources.size());
            }
        }
        f.tasksLeft = int(m_d.tasks.size());
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
    log("serving as " + std::string(isGateway() ? "gateway" : "worker") + " '" +
        m_d.devices[std::size_t(m_d.device)].name + "' on " + m_transport->boundEndpoint() + " (" +
        std::to_string(m_d.tasks.size()) + " tasks)");
    while (!stop.stopRequested()) {
        // take in everything that has arrived, then run one task; wait only when there is nothing to run
        const auto wait = m_ready.empty() ? std::chrono::milliseconds(100) : std::chrono::milliseconds(0);
        if (auto in = m_transport->receive(wait)) {
            handle(*in);
            continue;
        }
        if (!m_ready.empty()) {
            runOne();
        }
    }
    return {};
}

void NodeRuntime::handle(Transport::Received& in) {
    const auto& m = in.message;
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
        deliver(id, p, data.data());
    }
    checkDone(id);
}

bool NodeRuntime::accept(std::uint64_t id, int task, int piece, const partition::Region& part,
                         const float* data, const partition::Region& held) {
    Frame& f = frame(id);
    auto fill = [&](const InputSpec& spec, std::vector<float>& buffer, std::vector<bool>& have) {
        for (std::size_t s = 0; s < spec.sources.size(); ++s) {
            if (have[s] || spec.sources[s].piece != piece || !(spec.sources[s].part == part)) {
                continue;
            }
            if (buffer.empty()) {
                buffer.assign(std::size_t(spec.region.elements()), 0.f);
            }
            partition::copyRegion(data, held, buffer.data(), spec.region, part);
            have[s] = true;
            return true;
        }
        return false;
    };
    if (task < 0) {
        for (std::size_t r = 0; r < m_d.results.size(); ++r) {
            if (isGateway() && fill(m_d.results[r], f.results[r], f.resultHave[r])) {
                --f.resultsMissing;
                return true;
            }
        }
        return false;
    }
    auto index = m_taskIndex.find(task);
    if (index == m_taskIndex.end()) {
        return false;
    }
    TaskRun& run = f.tasks[index->second];
    const auto& spec = m_d.tasks[index->second];
    for (std::size_t k = 0; k < spec.inputs.size(); ++k) {
        if (fill(spec.inputs[k], run.inputs[k], run.have[k])) {
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
        log("refused a part for frame " + std::to_string(id) + " from device " + std::to_string(sender) +
            ": the frame is over");
        return;
    }
    const auto region = toRegion(part.part());
    std::vector<float> data(std::size_t(region.elements()));
    copyFloats(part.data(), data.data());
    if (!accept(id, part.task(), part.piece(), region, data.data(), region)) {
        log("refused a part from device " + std::to_string(sender) + ": frame " + std::to_string(id) +
            " task " + std::to_string(part.task()) + " expects no part " + region.toString() + " of piece " +
            std::to_string(part.piece()) + " (or has it already)");
        return;
    }
    frame(id).own.set_bytes_in(frame(id).own.bytes_in() + std::int64_t(part.data().size()));
    checkDone(id);
}

void NodeRuntime::deliver(std::uint64_t id, const PieceSpec& piece, const float* data) {
    std::vector<float> buffer;
    for (const auto& c : piece.consumers) {
        if (c.device == m_d.device) {
            if (!accept(id, c.task, piece.id, c.part, data, piece.region)) {
                log("bundle inconsistent: local consumer of piece " + std::to_string(piece.id) +
                    " not found");
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
        Frame& f = frame(id);
        f.own.set_bytes_out(f.own.bytes_out() + std::int64_t(buffer.size() * sizeof(float)));
    }
}

void NodeRuntime::runOne() {
    const auto [id, index] = m_ready.front();
    m_ready.pop_front();
    auto found = m_frames.find(id);
    if (found == m_frames.end()) {
        return; // the frame failed meanwhile
    }
    TaskRun& run = found->second.tasks[index];
    const TaskSpec& spec = m_d.tasks[index];
    const auto started = Clock::now();
    exec::Session session(m_bundle.nets.at(spec.id), m_options.threads);
    for (std::size_t k = 0; k < spec.inputs.size(); ++k) {
        if (auto s = session.setInput(spec.inputs[k].name, run.inputs[k].data(), run.inputs[k].size()); !s) {
            return fail(id, "task " + std::to_string(spec.id) + ": " + s.error().message);
        }
    }
    if (auto s = session.run(); !s) {
        return fail(id, "task " + std::to_string(spec.id) + ": " + s.error().message);
    }
    run.inputs.clear(); // the inputs are no longer needed; free them before the outputs travel
    auto* timing = found->second.own.add_tasks();
    timing->set_task(spec.id);
    timing->set_queue_seconds(seconds(started - run.readySince));
    timing->set_compute_seconds(seconds(Clock::now() - started));
    for (std::size_t k = 0; k < spec.outputs.size(); ++k) {
        auto out = session.output(spec.outputNames[k]);
        if (!out) {
            return fail(id, "task " + std::to_string(spec.id) + ": " + out.error().message);
        }
        deliver(id, *m_pieces.at(spec.outputs[k]), out->data);
        if (!m_frames.count(id)) {
            return;
        }
    }
    --m_frames.at(id).tasksLeft;
    checkDone(id);
}

void NodeRuntime::onTelemetry(const wire::Telemetry& t) {
    auto it = m_frames.find(t.frame());
    if (!isGateway() || it == m_frames.end() || !it->second.reportsMissing.erase(t.device())) {
        log("refused telemetry of device " + std::to_string(t.device()) + " for frame " +
            std::to_string(t.frame()) + ": not expected");
        return;
    }
    *it->second.answer.add_devices() = t;
    checkDone(t.frame());
}

void NodeRuntime::onError(const wire::ErrorReport& e, int sender) {
    const std::string message =
        "device '" + (sender >= 0 ? m_d.devices[std::size_t(sender)].name : "client") + "': " + e.message();
    log("frame " + std::to_string(e.frame()) + " failed on " + message);
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
    if (isGateway()) {
        if (it->second.started) {
            e.mutable_frame_result()->set_frame(id);
            e.mutable_frame_result()->set_error(message);
            (void)m_transport->reply(it->second.client, e);
        }
    } else {
        e.mutable_error()->set_frame(id);
        e.mutable_error()->set_message(message);
        (void)m_transport->send(m_d.gateway, e);
    }
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
    if (!f.started || f.resultsMissing > 0 || !f.reportsMissing.empty()) {
        return;
    }
    auto* answer = e.mutable_frame_result();
    *answer = std::move(f.answer);
    answer->set_frame(id);
    *answer->add_devices() = f.own;
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
