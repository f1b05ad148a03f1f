// How frames end, the part of NodeRuntime that collects telemetry and answers or fails frames (contract in
// node_runtime.h): a worker reports when its own tasks of a frame are done; the gateway answers the client
// once the results, every reporting worker's telemetry and every thief's report are in (but those of a
// worker declared down whose tiles it re-ran: node_rerun.cpp), and a failed frame is announced to the client
// and to every worker, which drops its state.

#include <algorithm>

#include "core/net/node_runtime.h"

namespace tessera::net {
namespace {

constexpr std::size_t kRememberedFrames = 4096;

} // namespace

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
    into.mutable_rerun()->MergeFrom(t.rerun());
}

} // namespace

void NodeRuntime::onTelemetry(const wire::Telemetry& t) {
    const std::uint64_t id = t.frame();
    auto it = m_frames.find(id);
    if (isGateway() && it != m_frames.end() && it->second.waived.count(t.device())) {
        logOften("refused telemetry", "refused telemetry of device " + deviceName(t.device()) +
                                          " for frame " + std::to_string(id) +
                                          ": it was declared down and its tiles re-run");
        return;
    }
    // a thief's report may come before the victim's telemetry that announces the task: either order counts
    const bool expected = isGateway() && it != m_frames.end() &&
                          (t.steal_report() || it->second.reportsMissing.erase(t.device()) > 0);
    if (!expected) {
        logOften("refused telemetry", "refused telemetry of device " + deviceName(t.device()) +
                                          " for frame " + std::to_string(id) + ": not expected");
        return;
    }
    Frame& f = it->second;
    if (t.steal_report()) {
        for (const auto& task : t.tasks()) {
            f.stolenReported.insert(task.task());
        }
    }
    merge(f.reports[t.device()], t);
    for (const auto& g : t.given()) {
        const int thief = g.thief();
        f.given[g.task()] = thief;
        if (f.stolenReported.count(g.task())) {
            continue;
        }
        // given to a worker already declared down (for this frame, or before the gift was announced): its
        // report will not come
        const bool rerun = f.waived.count(thief) ? rerunTasks(id, {g.task()}, thief)
                                                 : !m_down.count(thief) || takeOver(id, thief);
        if (!rerun) {
            return fail(id, m_downReason[thief] + " during frame " + std::to_string(id));
        }
    }
    checkDone(id);
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
    auto f = m_frames.find(e.frame());
    if (f != m_frames.end() &&
        !f->second.waived.count(sender)) { // a waived worker's frame no longer needs it
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
        wire::Envelope answer;
        answer.mutable_frame_result()->set_frame(id);
        answer.mutable_frame_result()->set_error(message);
        answer.mutable_frame_result()->set_seconds(
            std::chrono::duration<double>(Clock::now() - it->second.begin).count());
        if (it->second.started) {
            (void)m_transport->reply(it->second.client, answer);
        }
        publish(answer);
    } else {
        (void)m_transport->send(m_d.gateway, e);
    }
    std::erase_if(m_stolen, [&](const StolenRun& r) { return r.frame == id; });
    finish(id);
}

void NodeRuntime::publish(wire::Envelope& result) {
    if (auto s = m_transport->publish(result); !s) {
        log(s.error().message);
    }
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
    // every task given to a thief reported by it, but those given to a worker whose reports were waived
    const bool stealsReported = std::all_of(f.given.begin(), f.given.end(), [&](const auto& g) {
        return f.stolenReported.count(g.first) || f.waived.count(g.second);
    });
    if (!f.started || f.resultsMissing > 0 || !f.reportsMissing.empty() || !stealsReported) {
        return;
    }
    auto* answer = e.mutable_frame_result();
    answer->set_frame(id);
    answer->set_seconds(std::chrono::duration<double>(Clock::now() - f.begin).count());
    endTakeOvers(id, f);
    merge(f.reports[m_d.device], f.own);
    for (auto& [device, t] : f.reports) {
        *answer->add_devices() = std::move(t);
    }
    publish(e); // before the outputs: subscribers get the figures only
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
