#include "core/sim/simulator.h"

#include <algorithm>
#include <deque>
#include <limits>
#include <map>
#include <queue>
#include <set>

#include "core/cost/units.h"
#include "core/sim/plan_cost.h"

namespace tessera::sim {
namespace {

using partition::Program;
using partition::Task;

// One source of a task input (or of a result) on a piece.
struct Use {
    int task = -1; // consumer; -1 for a result
    int piece = -1;
    std::int64_t bytes = 0;
};

enum class Kind { Arrival, TaskEnd, TransferEnd };

struct Event {
    double time = 0;
    long sequence = 0;
    Kind kind = Kind::Arrival;
    int a = 0, b = 0, c = 0; // Arrival: frame; TaskEnd: device, frame, task; TransferEnd: transfer id
    bool operator>(const Event& o) const { return time != o.time ? time > o.time : sequence > o.sequence; }
};

struct DeviceState {
    bool busy = false;
    bool waiting = false;                   // took a stealable task whose inputs have not all arrived
    bool up = false, down = false;          // its link directions are busy (switched star)
    std::set<std::pair<int, int>> ready;    // (frame, task) ready to run here
    std::set<std::pair<int, int>> assigned; // pending stealable (frame, task) assigned here
};

// Per-frame state, released once the frame is complete.
struct Frame {
    std::vector<int> location; // per piece: device holding it, -1 before it exists
    std::vector<int> missing;  // per task: sources not on its device yet (stealable: not produced yet)
    std::vector<int> device;   // per task: where it runs (stealable: -1 until taken)
    int resultsMissing = 0, tasksLeft = 0;
};

class Simulation {
public:
    Simulation(const Program& program, const cost::Cluster& cluster, const SimOptions& options)
        : m_p(program)
        , m_c(cluster)
        , m_options(options)
        , m_state(cluster.devices.size()) {
        m_uses.resize(m_p.tasks.size() + 1);
        for (std::size_t t = 0; t < m_p.tasks.size(); ++t) {
            for (const auto& input : m_p.tasks[t].inputs) {
                for (const auto& s : input.sources) {
                    addUse(int(t), s);
                }
            }
        }
        for (const auto& result : m_p.results) {
            for (const auto& s : result.sources) {
                addUse(-1, s);
                ++m_resultSources;
            }
        }
        m_result.deviceBusySeconds.assign(m_state.size(), 0);
        m_result.deviceSentBytes.assign(m_state.size(), 0);
        m_result.deviceReceivedBytes.assign(m_state.size(), 0);
        m_result.deviceUpSeconds.assign(m_state.size(), 0);
        m_result.deviceDownSeconds.assign(m_state.size(), 0);
    }

    SimResult run() {
        const int frames = std::max(0, m_options.frames);
        m_frames.resize(std::size_t(frames));
        m_done.assign(std::size_t(frames), std::numeric_limits<double>::infinity());
        for (int f = 0; f < frames; ++f) {
            push(f * m_options.frameIntervalSeconds, Kind::Arrival, f);
        }
        while (!m_events.empty()) {
            m_now = m_events.top().time;
            while (!m_events.empty() && m_events.top().time == m_now) {
                const Event e = m_events.top();
                m_events.pop();
                handle(e);
            }
            dispatchDevices();
            dispatchLinks();
        }
        m_result.makespan = m_now;
        double last = 0; // the first frame arrives at 0
        for (int f = 0; f < frames; ++f) {
            m_result.frameLatency.push_back(m_done[std::size_t(f)] - f * m_options.frameIntervalSeconds);
            last = std::max(last, m_done[std::size_t(f)]);
        }
        m_result.throughput = frames > 0 && last > 0 ? frames / last : 0;
        // the frames' graph inputs arrive at the gateway and their results leave it
        std::int64_t frameBytes = 0;
        for (const auto& piece : m_p.pieces) {
            frameBytes += piece.task < 0 ? piece.region.elements() * std::int64_t(sizeof(float)) : 0;
        }
        for (const auto& result : m_p.results) {
            frameBytes += result.region.elements() * std::int64_t(sizeof(float));
        }
        double busiest = m_mediumSeconds;
        for (std::size_t d = 0; d < m_state.size(); ++d) {
            const std::int64_t messages = m_result.deviceSentBytes[d] + m_result.deviceReceivedBytes[d] +
                                          (int(d) == m_p.gateway ? frames * frameBytes : 0);
            m_result.deviceMessageSeconds.push_back(messageSeconds(messages, m_c.devices[d]));
            busiest = std::max({busiest, m_result.deviceBusySeconds[d] + m_result.deviceMessageSeconds[d],
                                m_result.deviceUpSeconds[d], m_result.deviceDownSeconds[d]});
        }
        m_result.periodSeconds = frames > 0 ? busiest / frames : 0;
        return std::move(m_result);
    }

private:
    static std::int64_t bytesOf(const partition::Source& s) {
        return s.part.elements() * std::int64_t(sizeof(float));
    }

    void addUse(int consumer, const partition::Source& s) {
        const int producer = m_p.pieces[std::size_t(s.piece)].task;
        m_uses[std::size_t(producer + 1)].push_back({consumer, s.piece, bytesOf(s)});
    }

    void push(double time, Kind kind, int a, int b = 0, int c = 0) {
        m_events.push({time, m_sequence++, kind, a, b, c});
    }

    const Task& task(int t) const { return m_p.tasks[std::size_t(t)]; }

    void handle(const Event& e) {
        int frame = e.a;
        if (e.kind == Kind::Arrival) {
            arrive(e.a);
        } else if (e.kind == Kind::TaskEnd) {
            frame = e.b;
            m_state[std::size_t(e.a)].busy = false;
            --m_frames[std::size_t(e.b)].tasksLeft;
            produce(e.b, e.c, e.a);
        } else {
            const TransferEvent& t = m_transfers[std::size_t(e.a)];
            frame = t.frame;
            m_medium = false;
            m_state[std::size_t(t.from)].up = m_state[std::size_t(t.to)].down = false;
            if (t.task >= 0) {
                arrived(t.frame, t.task);
            } else {
                resultArrived(t.frame);
            }
        }
        release(frame);
    }

    void arrive(int f) {
        Frame& frame = m_frames[std::size_t(f)];
        frame.location.assign(m_p.pieces.size(), -1);
        frame.missing.assign(m_p.tasks.size(), 0);
        frame.device.assign(m_p.tasks.size(), -1);
        for (std::size_t t = 0; t < m_p.tasks.size(); ++t) {
            frame.device[t] = task(int(t)).stealable ? -1 : task(int(t)).device;
            for (const auto& input : task(int(t)).inputs) {
                frame.missing[t] += int(input.sources.size());
            }
        }
        frame.tasksLeft = int(m_p.tasks.size());
        frame.resultsMissing = m_resultSources;
        if (m_resultSources == 0) {
            m_done[std::size_t(f)] = m_now;
        }
        for (std::size_t t = 0; t < m_p.tasks.size(); ++t) {
            if (frame.missing[t] == 0) {
                becomeAvailable(f, int(t));
            }
        }
        produce(f, -1, m_p.gateway);
    }

    // The task has everything it waits for: ready on its device, or (stealable, not taken) pending.
    void becomeAvailable(int f, int t) {
        const int device = m_frames[std::size_t(f)].device[std::size_t(t)];
        if (device >= 0) {
            m_state[std::size_t(device)].ready.insert({f, t});
        } else {
            m_state[std::size_t(task(t).device)].assigned.insert({f, t});
        }
    }

    // Task `producer` (-1: the frame's arrival at the gateway) of frame f ended on `device`.
    void produce(int f, int producer, int device) {
        Frame& frame = m_frames[std::size_t(f)];
        for (std::size_t p = 0; p < m_p.pieces.size(); ++p) {
            if (m_p.pieces[p].task == producer) {
                frame.location[p] = device;
            }
        }
        for (const Use& use : m_uses[std::size_t(producer + 1)]) {
            const int to = use.task < 0 ? m_p.gateway : frame.device[std::size_t(use.task)];
            if (to < 0) { // stealable, not taken: pending once every piece it reads exists
                if (--frame.missing[std::size_t(use.task)] == 0) {
                    becomeAvailable(f, use.task);
                }
            } else if (to != device) {
                pushTransfer({f, use.piece, use.task, device, to, use.bytes, 0, 0});
            } else if (use.task >= 0) {
                arrived(f, use.task);
            } else {
                resultArrived(f);
            }
        }
    }

    void arrived(int f, int t) {
        if (--m_frames[std::size_t(f)].missing[std::size_t(t)] == 0) {
            becomeAvailable(f, t);
        }
    }

    void resultArrived(int f) {
        if (--m_frames[std::size_t(f)].resultsMissing == 0) {
            m_done[std::size_t(f)] = m_now;
        }
    }

    // Frees a complete frame's state (nothing refers to it any more).
    void release(int f) {
        Frame& frame = m_frames[std::size_t(f)];
        if (frame.tasksLeft == 0 && frame.resultsMissing == 0) {
            frame = Frame{};
        }
    }

    std::deque<int>& queueOf(const TransferEvent& t) {
        return m_queues[m_c.sharedMedium ? std::make_pair(-1, -1) : std::make_pair(t.from, t.to)];
    }

    void pushTransfer(const TransferEvent& t) {
        m_transfers.push_back(t);
        queueOf(t).push_back(int(m_transfers.size()) - 1);
    }

    // An idle device with no ready task takes a pending stealable task it may run: its own first, then from
    // the device with the most of those left. The inputs are pulled from where they were produced.
    void take(int device) {
        auto runnable = [&](const std::pair<int, int>& entry) { return m_p.mayRun(entry.second, device); };
        auto* pool = &m_state[std::size_t(device)].assigned;
        std::ptrdiff_t most = 0;
        for (auto& other : m_state) {
            const auto count = std::count_if(other.assigned.begin(), other.assigned.end(), runnable);
            if (pool->empty() && count > most) {
                pool = &other.assigned;
                most = count;
            }
        }
        const auto entry = std::find_if(pool->begin(), pool->end(), runnable);
        if (entry == pool->end()) {
            return;
        }
        const auto [f, t] = *entry;
        pool->erase(entry);
        Frame& frame = m_frames[std::size_t(f)];
        frame.device[std::size_t(t)] = device;
        m_state[std::size_t(device)].waiting = true;
        for (const auto& input : task(t).inputs) {
            for (const auto& s : input.sources) {
                const int holder = frame.location[std::size_t(s.piece)];
                if (holder != device) {
                    ++frame.missing[std::size_t(t)];
                    pushTransfer({f, s.piece, t, holder, device, bytesOf(s), 0, 0});
                }
            }
        }
        if (frame.missing[std::size_t(t)] == 0) {
            becomeAvailable(f, t);
        }
    }

    void dispatchDevices() {
        for (std::size_t d = 0; d < m_state.size(); ++d) {
            DeviceState& state = m_state[d];
            if (state.busy) {
                continue;
            }
            if (state.ready.empty() && !state.waiting) {
                take(int(d));
            }
            if (state.ready.empty()) {
                continue;
            }
            const auto [f, t] = *state.ready.begin();
            state.ready.erase(state.ready.begin());
            state.waiting = state.waiting && !task(t).stealable;
            const double seconds = workSeconds(m_p.tasks[std::size_t(t)].work, m_c.devices[d]);
            state.busy = true;
            m_result.tasks.push_back({f, t, int(d), m_now, m_now + seconds});
            m_result.deviceBusySeconds[d] += seconds;
            push(m_now + seconds, Kind::TaskEnd, int(d), f, t);
        }
    }

    void dispatchLinks() {
        // only the head of each queue can start: those behind it need the same links
        std::vector<int> heads;
        for (const auto& [key, queue] : m_queues) {
            if (!queue.empty()) {
                heads.push_back(queue.front());
            }
        }
        std::sort(heads.begin(), heads.end());
        for (int id : heads) {
            TransferEvent t = m_transfers[std::size_t(id)];
            DeviceState& from = m_state[std::size_t(t.from)];
            DeviceState& to = m_state[std::size_t(t.to)];
            if (m_c.sharedMedium ? m_medium : from.up || to.down) {
                continue;
            }
            m_medium = m_c.sharedMedium;
            from.up = to.down = !m_c.sharedMedium;
            queueOf(t).pop_front();
            const cost::Device& sender = m_c.devices[std::size_t(t.from)];
            const cost::Device& receiver = m_c.devices[std::size_t(t.to)];
            const double bitsPerSecond = m_c.sharedMedium
                                             ? m_c.mediumBitsPerSecond
                                             : std::min(sender.linkBitsPerSecond, receiver.linkBitsPerSecond);
            t.start = m_now;
            t.end = m_now + sender.linkLatencySeconds + receiver.linkLatencySeconds +
                    double(t.bytes) * 8 / bitsPerSecond;
            m_result.transfers.push_back(t);
            m_result.deviceSentBytes[std::size_t(t.from)] += t.bytes;
            if (m_c.sharedMedium) {
                m_mediumSeconds += t.end - t.start;
            } else {
                m_result.deviceUpSeconds[std::size_t(t.from)] += t.end - t.start;
                m_result.deviceDownSeconds[std::size_t(t.to)] += t.end - t.start;
            }
            m_result.deviceReceivedBytes[std::size_t(t.to)] += t.bytes;
            push(t.end, Kind::TransferEnd, id);
        }
    }

    const Program& m_p;
    const cost::Cluster& m_c;
    SimOptions m_options;
    std::vector<std::vector<Use>> m_uses; // per producer + 1 (0: graph inputs), consumers in program order
    int m_resultSources = 0;

    double m_now = 0;
    long m_sequence = 0;
    std::priority_queue<Event, std::vector<Event>, std::greater<Event>> m_events;
    std::vector<DeviceState> m_state;
    std::vector<Frame> m_frames;
    std::vector<double> m_done;                              // completion time per frame
    bool m_medium = false;                                   // the shared medium is busy
    double m_mediumSeconds = 0;                              // time transfers held it
    std::vector<TransferEvent> m_transfers;                  // every pushed transfer; index = push order
    std::map<std::pair<int, int>, std::deque<int>> m_queues; // waiting transfers per (from, to) or medium
    SimResult m_result;
};

char stageSymbol(int stage) {
    if (stage >= 0 && stage < 10) {
        return char('0' + stage);
    }
    return stage >= 10 && stage < 36 ? char('a' + stage - 10) : '#';
}

struct Span {
    double start = 0, end = 0;
    char symbol = '.';
};

// Each cell shows the span covering most of it ('.' when none covers any of it).
std::string cells(const std::vector<Span>& spans, double makespan, int width) {
    std::string row(std::size_t(width), '.');
    std::vector<double> best(std::size_t(width), 0);
    for (const Span& s : spans) {
        if (!(makespan > 0)) {
            break;
        }
        const int first = std::clamp(int(s.start / makespan * width), 0, width - 1);
        const int last = std::clamp(int(s.end / makespan * width), 0, width - 1);
        for (int c = first; c <= last; ++c) {
            const double lo = makespan * c / width, hi = makespan * (c + 1) / width;
            const double overlap = std::min(hi, s.end) - std::max(lo, s.start);
            if (overlap > best[std::size_t(c)]) {
                best[std::size_t(c)] = overlap;
                row[std::size_t(c)] = s.symbol;
            }
        }
    }
    return row;
}

} // namespace

SimResult simulate(const Program& program, const cost::Cluster& cluster, const SimOptions& options) {
    return Simulation(program, cluster, options).run();
}

std::string ganttText(const SimResult& result, const Program& program, const cost::Cluster& cluster,
                      int width) {
    width = std::max(width, 1);
    std::vector<std::pair<std::string, std::vector<Span>>> rows;
    for (const auto& d : cluster.devices) {
        rows.push_back({d.name, {}});
    }
    for (const auto& t : result.tasks) {
        rows[std::size_t(t.device)].second.push_back(
            {t.start, t.end, stageSymbol(program.tasks[std::size_t(t.task)].stage)});
    }
    std::map<std::pair<int, int>, std::vector<Span>> links; // (device, 0 up / 1 down), or (-1, 0) the medium
    for (const auto& t : result.transfers) {
        const Span span{t.start, t.end, '~'};
        if (cluster.sharedMedium) {
            links[{-1, 0}].push_back(span);
        } else {
            links[{t.from, 0}].push_back(span);
            links[{t.to, 1}].push_back(span);
        }
    }
    for (auto& [key, spans] : links) {
        const std::string name = key.first < 0 ? "medium" : cluster.devices[std::size_t(key.first)].name;
        rows.push_back({key.first < 0 ? name : name + (key.second == 0 ? " up" : " down"), std::move(spans)});
    }
    std::size_t labelWidth = 0;
    for (const auto& row : rows) {
        labelWidth = std::max(labelWidth, row.first.size());
    }
    std::string text = "time 0 .. " + cost::formatSeconds(result.makespan) + ", " +
                       cost::formatSeconds(result.makespan / width) + " per column\n";
    for (const auto& [label, spans] : rows) {
        text += label + std::string(labelWidth - label.size(), ' ') + " |" +
                cells(spans, result.makespan, width) + "|\n";
    }
    return text;
}

} // namespace tessera::sim
