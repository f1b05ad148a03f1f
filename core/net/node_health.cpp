// Heartbeats and dead workers, the part of NodeRuntime that notices faults (contract in node_runtime.h):
// the gateway sends every reporting worker a Heartbeat each interval (with the interval, which the worker's
// own heartbeat thread then keeps) and counts any message from a worker as a sign of life. A worker silent
// for `heartbeatMisses` intervals is declared down: every frame still waiting for its telemetry or for a task
// it stole fails, naming the device and the frame - unless the gateway can re-run what it owed the frame
// (node_rerun.cpp) - and new frames are refused while it is down. Its next message (a heartbeat answer, after
// a restart or SIGCONT) makes it usable again.

#include <algorithm>

#include "core/net/node_runtime.h"

namespace tessera::net {

void NodeRuntime::heartbeat() {
    const auto now = Clock::now();
    if (now < m_nextHeartbeat) {
        return;
    }
    m_nextHeartbeat = now + m_options.heartbeatInterval;
    wire::Envelope beat;
    beat.mutable_heartbeat()->set_sequence(++m_heartbeat);
    beat.mutable_heartbeat()->set_interval_ms(std::uint32_t(m_options.heartbeatInterval.count()));
    if (m_session == 0) {
        m_session = std::uint64_t(std::chrono::system_clock::now().time_since_epoch().count()) | 1;
    }
    beat.mutable_heartbeat()->set_session(m_session);
    for (int w : m_d.reporting) {
        (void)m_transport->send(w, beat);
    }
}

void NodeRuntime::declareSilentWorkersDown() {
    const auto now = Clock::now();
    const auto limit = m_options.heartbeatInterval * m_options.heartbeatMisses;
    for (const auto& [worker, last] : m_lastHeard) {
        if (now - last <= limit || m_down.count(worker)) {
            continue;
        }
        m_down.insert(worker);
        const auto silent = std::chrono::duration_cast<std::chrono::milliseconds>(now - last).count();
        const std::string why = "device " + deviceName(worker) + " stopped answering (silent for " +
                                std::to_string(silent) + " ms, " + std::to_string(m_options.heartbeatMisses) +
                                " heartbeats missed)";
        log(why + ": declared down");
        m_downReason[worker] = why;
        std::vector<std::uint64_t> waiting;
        for (auto& [id, f] : m_frames) {
            // (bindings named in init-captures: clang 14 cannot capture structured bindings)
            const bool stole =
                std::any_of(f.given.begin(), f.given.end(), [&frame = f, down = worker](const auto& g) {
                    return g.second == down && !frame.stolenReported.count(g.first);
                });
            if (f.reportsMissing.count(worker) || stole) {
                waiting.push_back(id);
            }
        }
        for (auto id : waiting) {
            if (takeOver(id, worker)) {
                checkDone(id); // its outputs may all be in already
            } else {
                fail(id, why + " during frame " + std::to_string(id));
            }
        }
    }
}

void NodeRuntime::heard(int device) {
    auto last = m_lastHeard.find(device);
    if (!isGateway() || last == m_lastHeard.end()) {
        return;
    }
    last->second = Clock::now();
    if (m_down.erase(device)) {
        log("device " + deviceName(device) + " answers again: rejoined");
    }
}

void NodeRuntime::onGatewaySession(std::uint64_t session) {
    if (session == 0 || session == m_session) {
        return;
    }
    const bool restarted = m_session != 0;
    m_session = session;
    if (!restarted) {
        return;
    }
    log("the gateway restarted: dropped " + std::to_string(m_frames.size() + m_stolen.size()) +
        " unfinished frames or stolen tasks; frame numbers start afresh");
    m_frames.clear();
    m_ready.clear();
    m_stolen.clear();
    m_finished.clear();
}

std::string NodeRuntime::downDevices() const {
    std::string list;
    for (int d : m_down) {
        list += (list.empty() ? "" : ", ") + deviceName(d);
    }
    return list.empty()
               ? list
               : "device " + list + " is down (no answer to heartbeats); frames resume when it rejoins";
}

} // namespace tessera::net
