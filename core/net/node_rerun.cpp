// Re-running a dead worker's tiles at the gateway, the part of NodeRuntime that lets a frame complete
// without a worker declared down (contract in node_runtime.h, docs/runtime.md "Faults"). Only tasks whose
// needs and results the gateway sees whole qualify: stealable (its sub-model holds their weights), every
// input cut from a graph input (it keeps each frame's), every output consumed by the gateway alone (it knows
// what arrived). A re-run is queued as a stolen run of the gateway's but reports nothing as a steal: it is
// listed in the gateway's own telemetry (`rerun`, and its timing in `tasks`). Outputs that arrive twice (from
// the re-run and from a thief the dead worker had given the task to, or from the worker itself once it
// answers again) are kept once, the second refused without a log line.

#include <algorithm>

#include "core/net/node_runtime.h"

namespace tessera::net {

void NodeRuntime::setUpRerun() {
    m_rerunnable.assign(m_d.tasks.size(), false);
    if (!isGateway()) {
        return;
    }
    auto graphInput = [&](int piece) {
        auto p = m_pieces.find(piece);
        return p != m_pieces.end() &&
               std::any_of(m_d.inputs.begin(), m_d.inputs.end(),
                           [&](const ValueSpec& v) { return v.name == p->second->value; });
    };
    auto consumedHereOnly = [&](int piece) {
        auto p = m_pieces.find(piece);
        return p != m_pieces.end() &&
               std::all_of(p->second->consumers.begin(), p->second->consumers.end(),
                           [&](const ConsumerSpec& c) { return c.device == m_d.device; });
    };
    for (std::size_t t = 0; t < m_d.tasks.size(); ++t) {
        const TaskSpec& spec = m_d.tasks[t];
        bool ok = spec.stealable && std::all_of(spec.outputs.begin(), spec.outputs.end(), consumedHereOnly);
        for (const auto& in : spec.inputs) {
            for (const auto& s : in.sources) {
                ok = ok && graphInput(s.piece);
            }
        }
        m_rerunnable[t] = ok;
        m_keepInputs = m_keepInputs || ok;
    }
}

bool NodeRuntime::outputsArrived(const Frame& f, std::size_t index) const {
    // whether `input` has every source that is part `part` of `piece`
    auto has = [](const InputSpec& input, const std::vector<bool>& have, int piece,
                  const partition::Region& part) {
        for (std::size_t s = 0; s < input.sources.size(); ++s) {
            if (input.sources[s].piece == piece && input.sources[s].part == part && !have[s]) {
                return false;
            }
        }
        return true;
    };
    for (int piece : m_d.tasks[index].outputs) {
        for (const auto& c : m_pieces.at(piece)->consumers) {
            if (c.task < 0) {
                for (std::size_t r = 0; r < m_d.results.size(); ++r) {
                    if (!has(m_d.results[r], f.resultHave[r], piece, c.part)) {
                        return false;
                    }
                }
                continue;
            }
            const std::size_t consumer = m_taskIndex.at(c.task);
            const auto& run = f.tasks[consumer];
            for (std::size_t k = 0; k < run.have.size(); ++k) {
                if (!has(m_d.tasks[consumer].inputs[k], run.have[k], piece, c.part)) {
                    return false;
                }
            }
        }
    }
    return true;
}

bool NodeRuntime::rerunTasks(std::uint64_t id, const std::vector<int>& tasks, int down) {
    auto found = m_frames.find(id);
    if (found == m_frames.end() || !m_keepInputs) {
        return false;
    }
    Frame& f = found->second;
    std::vector<std::size_t> runs;
    for (int task : tasks) {
        const auto index = m_taskIndex.find(task);
        if (index == m_taskIndex.end() || !m_rerunnable[index->second] || !f.started) {
            return false;
        }
        const bool queuedAsSteal = std::any_of(m_stolen.begin(), m_stolen.end(), [&](const StolenRun& r) {
            return r.frame == id && r.index == index->second;
        });
        if (!f.rerun.count(task) && !queuedAsSteal && !outputsArrived(f, index->second)) {
            runs.push_back(index->second);
        }
    }
    for (std::size_t index : runs) {
        const TaskSpec& spec = m_d.tasks[index];
        StolenRun run{id, index, {}, 0, Clock::now(), down};
        for (const auto& in : spec.inputs) {
            auto& buffer = run.inputs.emplace_back(std::size_t(in.region.elements()));
            for (const auto& s : in.sources) {
                const PieceSpec& piece = *m_pieces.at(s.piece);
                partition::copyRegion(f.graphInputs.at(s.piece).data(), piece.region, buffer.data(),
                                      in.region, s.part);
            }
        }
        f.rerun.insert(spec.id);
        m_stolen.push_back(std::move(run));
    }
    return true;
}

bool NodeRuntime::takeOver(std::uint64_t id, int down) {
    auto found = m_frames.find(id);
    const auto worker = std::find(m_d.reporting.begin(), m_d.reporting.end(), down);
    if (found == m_frames.end() || worker == m_d.reporting.end() || m_d.reportingTasks.empty()) {
        return false;
    }
    Frame& f = found->second;
    std::vector<int> owed;
    if (f.reportsMissing.count(down)) {
        owed = m_d.reportingTasks[std::size_t(worker - m_d.reporting.begin())];
    }
    for (const auto& [task, thief] : f.given) {
        if (thief == down && !f.stolenReported.count(task)) {
            owed.push_back(task);
        }
    }
    if (!rerunTasks(id, owed, down)) {
        return false;
    }
    f.waived.insert(down);
    f.reportsMissing.erase(down);
    return true;
}

bool NodeRuntime::duplicateOfRerun(std::uint64_t id, int piece, int sender) const {
    auto found = m_frames.find(id);
    if (found == m_frames.end()) {
        return false;
    }
    return std::any_of(found->second.rerun.begin(), found->second.rerun.end(), [&](int task) {
        const TaskSpec& spec = m_d.tasks[m_taskIndex.at(task)];
        // sent by a device that may run the task (so refused as already held, not as a stranger's part)
        const auto peers = m_stagePeers.find(spec.stage);
        const bool mayRun =
            sender == m_d.device || sender == spec.device ||
            (peers != m_stagePeers.end() &&
             std::find(peers->second.begin(), peers->second.end(), sender) != peers->second.end());
        return mayRun && std::find(spec.outputs.begin(), spec.outputs.end(), piece) != spec.outputs.end();
    });
}

void NodeRuntime::rerun(StolenRun run) {
    auto frame = m_frames.find(run.frame);
    if (frame == m_frames.end()) {
        return; // the frame ended while the re-run waited
    }
    if (outputsArrived(frame->second, run.index)) {
        return checkDone(run.frame); // they came from elsewhere meanwhile
    }
    const TaskSpec& spec = m_d.tasks[run.index];
    const auto started = Clock::now();
    const std::uint64_t id = run.frame;
    double computeSeconds = 0;
    bool timed = false;
    auto status = compute(spec, std::move(run.inputs), computeSeconds, [&](std::size_t k, const float* data) {
        auto f = m_frames.find(id);
        if (f == m_frames.end()) {
            return false; // completed meanwhile (the outputs came from elsewhere), or failed
        }
        if (!timed) {
            auto* timing = f->second.own.add_tasks();
            timing->set_task(spec.id);
            timing->set_queue_seconds(std::chrono::duration<double>(started - run.readySince).count());
            timing->set_compute_seconds(computeSeconds);
            auto* rerun = f->second.own.add_rerun();
            rerun->set_task(spec.id);
            rerun->set_device(run.rerunOf);
            timed = true;
        }
        // every consumer is here: nothing is sent, and were it, it would count as steal bytes
        deliver(id, *m_pieces.at(spec.outputs[k]), data, f->second.own, true);
        return m_frames.count(id) > 0;
    });
    if (!status) {
        return fail(id, "re-running " + status.error().message + " of device " + deviceName(run.rerunOf));
    }
    checkDone(id);
}

void NodeRuntime::endTakeOvers(std::uint64_t id, const Frame& f) {
    std::map<int, int> reran; // per device declared down, tasks re-run here
    for (const auto& r : f.own.rerun()) {
        ++reran[r.device()];
    }
    for (const auto& [device, tasks] : reran) {
        logOften("re-run", "re-ran " + std::to_string(tasks) + " tiles of device " + deviceName(device) +
                               " for frame " + std::to_string(id));
    }
    wire::Envelope e;
    e.mutable_error()->set_frame(id);
    for (int device : f.waived) {
        e.mutable_error()->set_message("the frame completed without device " + deviceName(device) +
                                       " (declared down; the gateway re-ran its tiles)");
        (void)m_transport->send(device, e); // it drops what it still holds of the frame
    }
}

} // namespace tessera::net
