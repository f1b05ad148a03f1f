// Tasks and their data, the part of NodeRuntime that moves tensors (contract in node_runtime.h): parts are
// checked against the devices that may send them and copied into their consumer's inputs; a task whose
// inputs are complete is queued, run, and its outputs delivered to every consumer, locally or as parts.

#include <algorithm>

#include "core/net/node_runtime.h"

namespace tessera::net {
namespace {

double seconds(std::chrono::steady_clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

} // namespace

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
        logOften("refused part", "refused a part for frame " + std::to_string(id) + " from device " +
                                     deviceName(sender) + ": the frame is over");
        return;
    }
    if (sender < 0) {
        logOften("refused part", "refused a part for frame " + std::to_string(id) +
                                     " from a client: parts come from devices");
        return;
    }
    const auto region = toRegion(part.part());
    std::vector<float> data(std::size_t(region.elements()));
    copyFloats(part.data(), data.data());
    std::string why;
    bool fromProducer = true;
    const bool known = m_frames.count(id) > 0;
    if (!accept(id, part.task(), part.piece(), region, data.data(), region, sender, why, fromProducer)) {
        if (!duplicateOfRerun(id, part.piece(),
                              sender)) { // the gateway re-ran its producer: expected, not logged
            logOften("refused part", "refused a part from device " + deviceName(sender) + ": " + why);
        }
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
            if (!accept(id, c.task, piece.id, c.part, data, piece.region, m_d.device, why, fromProducer) &&
                !duplicateOfRerun(id, piece.id, m_d.device)) {
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

Status NodeRuntime::compute(const TaskSpec& spec, std::vector<std::vector<float>> inputs,
                            double& computeSeconds,
                            const std::function<bool(std::size_t, const float*)>& onOutput) {
    const auto started = Clock::now();
    exec::Session& session = *m_tasks;
    auto failed = [&](const Error& e) {
        return Error{e.code, "task " + std::to_string(spec.id) + ": " + e.message};
    };
    for (std::size_t k = 0; k < spec.inputs.size(); ++k) {
        if (auto s = session.setInput(spec.inputs[k].name, inputs[k].data(), inputs[k].size()); !s) {
            return failed(s.error());
        }
    }
    std::vector<std::vector<float>>().swap(inputs); // in the arena now: not held twice while the task runs
    if (auto s = session.run(m_bundle.segments.at(spec.id)); !s) {
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
    // plain variables, not a structured binding: clang before 16 cannot capture those in the lambda below
    const std::uint64_t id = m_ready.front().first;
    const std::size_t index = m_ready.front().second;
    m_ready.pop_front();
    auto found = m_frames.find(id);
    if (found == m_frames.end() || found->second.tasks[index].granted) {
        return; // the frame failed meanwhile, or a thief took the task
    }
    const TaskSpec& spec = m_d.tasks[index];
    const auto started = Clock::now();
    double computeSeconds = 0;
    const auto readySince = found->second.tasks[index].readySince;
    auto inputs = std::move(found->second.tasks[index].inputs); // freed once copied into the arena
    found->second.tasks[index].inputs.clear();
    bool timed = false;
    auto status = compute(spec, std::move(inputs), computeSeconds, [&](std::size_t k, const float* data) {
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

} // namespace tessera::net
