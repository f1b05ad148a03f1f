// Work stealing at run time (DeepThings), the part of NodeRuntime that moves stealable tasks between the
// devices of a stage. Contract (node_runtime.h): a victim grants only a task of its own whose inputs are
// complete and which has not started, and forgets it at once, so each task runs exactly once per frame; the
// thief sends the outputs where the plan sends them and reports the task's timing to the gateway in a
// Telemetry marked steal_report. Bytes a steal moves are counted apart (steal_bytes_in/out).

#include <algorithm>

#include "core/net/node_runtime.h"

namespace tessera::net {
namespace {

double secondsOf(std::chrono::steady_clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

} // namespace

void NodeRuntime::setUpStealing() {
    std::map<int, std::set<int>> stages;
    for (const auto& t : m_d.tasks) {
        if (t.stealable && t.device != m_d.device) {
            stages[t.stage].insert(t.device);
        }
    }
    for (const auto& [stage, devices] : stages) {
        m_stagePeers[stage].assign(devices.begin(), devices.end());
    }
}

void NodeRuntime::startStealing(int stage) {
    auto peers = m_stagePeers.find(stage);
    if (peers == m_stagePeers.end()) {
        return;
    }
    m_stealStage = stage;
    m_toAsk = peers->second;
    // start each round with another peer, so thieves spread over the victims
    std::rotate(m_toAsk.begin(), m_toAsk.begin() + std::ptrdiff_t(m_steals % m_toAsk.size()), m_toAsk.end());
}

void NodeRuntime::askForWork() {
    if (m_waitingForGrant) {
        if (Clock::now() - m_askedAt < m_options.heartbeatInterval) {
            return;
        }
        m_waitingForGrant = false; // the peer did not answer: ask the next one
    }
    if (m_stealStage < 0) {
        return;
    }
    if (m_toAsk.empty()) {
        m_stealStage = -1; // every peer of the stage had nothing to give; wait for our next task of it
        return;
    }
    const int peer = m_toAsk.front();
    m_toAsk.erase(m_toAsk.begin());
    wire::Envelope e;
    e.mutable_steal_request()->set_stage(m_stealStage);
    if (auto s = m_transport->send(peer, e); !s) {
        log(s.error().message);
        return;
    }
    m_waitingForGrant = true;
    m_askedAt = Clock::now();
}

void NodeRuntime::onStealRequest(const wire::StealRequest& request, int sender) {
    wire::Envelope answer;
    auto* grant = answer.mutable_steal_grant();
    grant->set_task(-1);
    const auto peers = m_stagePeers.find(request.stage());
    if (peers == m_stagePeers.end() ||
        std::find(peers->second.begin(), peers->second.end(), sender) == peers->second.end()) {
        logOften("refused steal request", "refused a steal request from device " + deviceName(sender) +
                                              ": it shares no stealing stage " +
                                              std::to_string(request.stage()) + " with this device");
        if (sender >= 0) {
            (void)m_transport->send(sender, answer);
        }
        return;
    }
    // the most recently readied task: the one this device would otherwise run last
    for (auto it = m_ready.rbegin(); it != m_ready.rend(); ++it) {
        const auto [id, index] = *it;
        const TaskSpec& spec = m_d.tasks[index];
        auto f = m_frames.find(id);
        // (never to a worker whose tiles of the frame are re-run here: its report would be waived)
        if (!spec.stealable || spec.stage != request.stage() || f == m_frames.end() ||
            f->second.tasks[index].granted || f->second.waived.count(sender)) {
            continue;
        }
        m_ready.erase(std::next(it).base());
        TaskRun& run = f->second.tasks[index];
        std::int64_t bytes = 0;
        for (std::size_t k = 0; k < spec.inputs.size(); ++k) {
            auto* t = grant->add_inputs();
            t->set_name(spec.inputs[k].name);
            setRegion(t->mutable_region(), spec.inputs[k].region);
            t->set_data(floatBytes(run.inputs[k].data(), run.inputs[k].size()));
            bytes += std::int64_t(t->data().size());
        }
        grant->set_frame(id);
        grant->set_task(spec.id);
        run.granted = true;
        run.inputs.clear();
        Frame& frame = f->second;
        frame.own.set_steal_bytes_out(frame.own.steal_bytes_out() + bytes);
        auto* given = frame.own.add_given();
        given->set_task(spec.id);
        given->set_thief(sender);
        if (isGateway()) {
            frame.given[spec.id] = sender;
        }
        --frame.tasksLeft;
        if (auto s = m_transport->send(sender, answer); !s) {
            return fail(id, s.error().message); // the task is neither here nor there: the frame cannot end
        }
        logOften("steal", "gave task " + std::to_string(spec.id) + " of frame " + std::to_string(id) +
                              " to device " + deviceName(sender));
        return checkDone(id);
    }
    (void)m_transport->send(sender, answer);
}

void NodeRuntime::onStealGrant(const wire::StealGrant& grant, int sender) {
    if (grant.task() < 0) {
        m_waitingForGrant = false;
        return;
    }
    m_waitingForGrant = false;
    const std::uint64_t id = grant.frame();
    if (auto f = m_frames.find(id); f != m_frames.end() && f->second.waived.count(sender)) {
        return; // a late grant of a worker declared down: the frame re-runs its tiles here already
    }
    std::string why;
    const auto index = m_taskIndex.find(grant.task());
    if (index == m_taskIndex.end()) {
        why = "this device cannot run task " + std::to_string(grant.task());
    } else {
        const TaskSpec& spec = m_d.tasks[index->second];
        if (!spec.stealable || spec.device != sender) {
            why = "task " + std::to_string(spec.id) + " is not a stealable task of device " +
                  deviceName(sender);
        } else if (grant.inputs_size() != int(spec.inputs.size())) {
            why = "it carries " + std::to_string(grant.inputs_size()) + " inputs, task " +
                  std::to_string(spec.id) + " has " + std::to_string(spec.inputs.size());
        }
        for (std::size_t k = 0; why.empty() && k < spec.inputs.size(); ++k) {
            const auto& t = grant.inputs(int(k));
            if (t.name() != spec.inputs[k].name || !(toRegion(t.region()) == spec.inputs[k].region)) {
                why = "input " + std::to_string(k) + " is not " + spec.inputs[k].name + " " +
                      spec.inputs[k].region.toString();
            }
        }
    }
    if (!why.empty()) {
        const std::string message = "refused a steal grant from device " + deviceName(sender) +
                                    " for frame " + std::to_string(id) + ": " + why;
        log(message);
        // the victim no longer holds the task: the frame cannot complete
        if (isGateway()) {
            return fail(id, message);
        }
        wire::Envelope e;
        e.mutable_error()->set_frame(id);
        e.mutable_error()->set_message(message);
        (void)m_transport->send(m_d.gateway, e);
        return;
    }
    StolenRun run{id, index->second, {}, 0, Clock::now()};
    for (const auto& t : grant.inputs()) {
        run.inputs.emplace_back(t.data().size() / sizeof(float));
        copyFloats(t.data(), run.inputs.back().data());
        run.bytes += std::int64_t(t.data().size());
    }
    ++m_steals;
    m_stolen.push_back(std::move(run));
}

void NodeRuntime::runStolen() {
    StolenRun run = std::move(m_stolen.front());
    m_stolen.pop_front();
    if (run.rerunOf >= 0) {
        return rerun(std::move(run));
    }
    const TaskSpec& spec = m_d.tasks[run.index];
    const auto started = Clock::now();
    wire::Telemetry report;
    report.set_frame(run.frame);
    report.set_device(m_d.device);
    report.set_steal_report(true);
    report.set_steal_bytes_in(run.bytes);
    double computeSeconds = 0;
    auto status = compute(spec, std::move(run.inputs), computeSeconds, [&](std::size_t k, const float* data) {
        deliver(run.frame, *m_pieces.at(spec.outputs[k]), data, report, true);
        return true;
    });
    auto* timing = report.add_tasks();
    timing->set_task(spec.id);
    timing->set_queue_seconds(secondsOf(started - run.readySince));
    timing->set_compute_seconds(computeSeconds);
    report.set_peak_rss_bytes(peakRssBytes());
    wire::Envelope e;
    if (!status) {
        e.mutable_error()->set_frame(run.frame);
        e.mutable_error()->set_message("stolen " + status.error().message);
    } else {
        *e.mutable_telemetry() = report;
    }
    if (isGateway()) {
        if (!m_frames.count(run.frame)) {
            // the frame failed while the task ran: nothing waits for it
        } else if (status) {
            onTelemetry(report);
        } else {
            fail(run.frame, e.error().message());
        }
    } else if (auto s = m_transport->send(m_d.gateway, e); !s) {
        log(s.error().message);
    }
    startStealing(spec.stage);
}

} // namespace tessera::net
