#pragma once
// The device runtime: serves one device's share of a compiled plan from its bundle (bundle.h).
//
// Every node runs the same loop: receive messages, run the tasks whose inputs are complete (one at a time,
// in the order they became ready), and deliver each output piece to its consumers - copied locally, or sent
// as a TensorPart straight to the consuming device. The gateway additionally takes frames from clients
// (FrameStart), delivers the graph inputs as pieces, assembles the results, collects every reporting
// device's Telemetry for the frame and answers the client with a FrameResult. All state is per frame, so
// frames overlap freely (a client may keep several in flight).
// Assignment is static (Task::device) except in work-stealing stages: a device with nothing left to run
// asks the other devices of a stage it has just worked on for one of their stealable tasks whose inputs are
// complete and which has not started (node_stealing.cpp); a granted task is the thief's alone, so every task
// runs exactly once per frame. Bytes are counted as tensor payload (elements x 4): bytes_in/bytes_out are
// the parts sent by their static producer (the quantity sim::planCost predicts), steal_bytes_* the rest.
// Faults (node_health.cpp): the gateway sends every worker a Heartbeat each interval; a worker silent for
// `heartbeatMisses` intervals is declared down and every frame still waiting for it fails with an error
// naming the device and the frame, unless the gateway can run what the device still owed the frame itself
// (node_rerun.cpp: tiles of a work-stealing stage whose inputs are cut from the graph inputs and whose
// outputs only the gateway consumes); any later message from it makes it usable again. A failed frame is
// announced to every worker (ErrorReport), which drops its state; so is a frame completed without a worker,
// to that worker. Workers beat from a thread of their own
// (Transport::startBeacon), so a long task does not look like a dead worker. Heartbeats carry the gateway's
// session: a worker seeing a new one (the gateway restarted) drops every frame and forgets their numbers.
// Telemetry: when the bundle names a telemetry endpoint, the gateway publishes there (ZeroMQ PUB, CURVE with
// the cluster's keys) one FrameResult per frame, without outputs: every device's figures, or the error.

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/base/cancel.h"
#include "core/net/bundle.h"
#include "core/net/log_limiter.h"
#include "core/net/transport.h"

namespace tessera::net {

struct NodeOptions {
    int threads = 1;
    std::chrono::milliseconds heartbeatInterval{1000}; // gateway: how often it checks on the workers
    int heartbeatMisses = 3;                           // intervals of silence before a worker is down
    double slowdown = 1.0; // emulates a slower device: every task takes this many times its compute time
    std::string listen; // overrides the bundle's endpoint for binding ("tcp://*:7701"); empty = the bundle's
    std::string telemetryListen; // gateway: overrides the bundle's telemetry endpoint for binding
    std::function<void(const std::string&)> log; // thread-safe
};

// Peak resident set size of this process (VmHWM), 0 when unknown.
std::int64_t peakRssBytes();

class NodeRuntime {
public:
    static Expected<std::unique_ptr<NodeRuntime>> create(NodeBundle bundle, NodeOptions options);
    // Serves until `stop` is requested.
    Status serve(const StopToken& stop);
    const std::string& endpoint() const { return m_transport->boundEndpoint(); }

private:
    using Clock = std::chrono::steady_clock;
    struct TaskRun {
        std::vector<std::vector<float>> inputs; // allocated when their first part arrives
        std::vector<std::vector<bool>> have;    // per input, per source
        int missing = 0;
        bool granted = false; // given to a thief
        Clock::time_point readySince;
    };
    struct Frame {
        std::vector<TaskRun> tasks;              // as description.tasks (other devices' tasks stay empty)
        int tasksLeft = 0;                       // of this device's own tasks, not yet run or granted
        std::vector<std::vector<float>> results; // gateway
        std::vector<std::vector<bool>> resultHave;
        int resultsMissing = 0;
        std::set<int> reportsMissing;
        std::map<int, int> given;     // gateway: task -> thief, as the victims announced them
        std::set<int> stolenReported; // gateway: tasks whose thief reported them
        std::set<int> waived;         // gateway: devices declared down whose tiles it re-runs
        std::set<int> rerun;          // gateway: tasks it re-runs (queued or run)
        std::map<int, std::vector<float>> graphInputs; // gateway: by piece id, kept when tiles may be re-run
        std::map<int, wire::Telemetry> reports;        // gateway: per device, merged
        bool started = false;                          // gateway: its FrameStart arrived
        std::string client;                            // gateway: the client's route
        wire::Telemetry own;
        Clock::time_point begin;
    };
    // A task this device stole, or at the gateway one it re-runs for a device declared down: runs before its
    // own (the victim, or the frame, is waiting on it).
    struct StolenRun {
        std::uint64_t frame = 0;
        std::size_t index = 0; // in m_d.tasks
        std::vector<std::vector<float>> inputs;
        std::int64_t bytes = 0; // of the granted inputs
        Clock::time_point readySince;
        int rerunOf = -1; // the device declared down whose task this is; -1: a steal
    };

    NodeRuntime(NodeBundle bundle, NodeOptions options);
    bool isGateway() const { return m_d.device == m_d.gateway; }
    bool owns(const TaskSpec& task) const { return task.device == m_d.device; }
    std::string deviceName(int device) const;
    void log(const std::string& line) const;
    // Lines that come with every frame or every message of a kind (a steal, a refused part): at most 10 per
    // 10 s of each kind, then a count (log_limiter.h), so a long stream or a misbehaving peer cannot fill the
    // log.
    void logOften(const std::string& kind, const std::string& line) const { m_often->log(kind, line); }
    Frame& frame(std::uint64_t id);
    void handle(Transport::Received& in);
    void onFrameStart(const std::string& route, const wire::FrameStart& start);
    void onTensorPart(const wire::TensorPart& part, int sender);
    void onTelemetry(const wire::Telemetry& t);
    void onError(const wire::ErrorReport& e, int sender);
    // A piece this device now holds: copied to local consumers, sent to the others. Bytes sent go to `stats`.
    void deliver(std::uint64_t id, const PieceSpec& piece, const float* data, wire::Telemetry& stats,
                 bool stolen);
    // Copies `part` of a piece into the consumer's buffer. Refuses (false, with the reason in `why`) a part
    // the consumer does not expect, or one whose sender may not produce it.
    bool accept(std::uint64_t id, int task, int piece, const partition::Region& part, const float* data,
                const partition::Region& held, int sender, std::string& why, bool& fromProducer);
    // Runs a task (its segment of the net, in the one session) on `inputs`, which are freed once copied into
    // the session's arena; sets `seconds`, then hands each output (by index) to `onOutput` while the session
    // holds it; stops early when `onOutput` returns false.
    Status compute(const TaskSpec& spec, std::vector<std::vector<float>> inputs, double& seconds,
                   const std::function<bool(std::size_t, const float*)>& onOutput);
    void runOne();
    void checkDone(std::uint64_t id);
    void fail(std::uint64_t id, const std::string& message);
    void finish(std::uint64_t id);
    void publish(wire::Envelope& result); // gateway: a FrameResult without outputs, to telemetry subscribers

    // node_stealing.cpp
    void setUpStealing();
    void startStealing(int stage); // after running a task of a stealing stage: ask its peers, one at a time
    void askForWork();             // when idle
    void onStealRequest(const wire::StealRequest& request, int sender);
    void onStealGrant(const wire::StealGrant& grant, int sender);
    void runStolen();

    // node_health.cpp
    void heartbeat(); // gateway: sends heartbeats each interval
    // Gateway: declares workers silent for heartbeatMisses intervals down. Only called with the mailbox
    // empty: after a long task of its own, the gateway first reads what the workers sent meanwhile.
    void declareSilentWorkersDown();
    void heard(int device);
    std::string downDevices() const; // empty when every reporting worker answers
    // worker: a gateway that restarted has forgotten every frame; so does this worker, numbers included
    void onGatewaySession(std::uint64_t session);

    // node_rerun.cpp (gateway)
    // Decides once per plan which tasks the gateway can re-run for a dead worker: stealable (the gateway
    // holds their weights), every input cut from a graph input, every output consumed by the gateway alone.
    void setUpRerun();
    // Worker `down` was declared down (`why`) while frame `id` waited for it: queues what it still owed the
    // frame (its own tasks if its telemetry is missing, and the tasks given to it that it has not reported)
    // whose outputs have not all arrived, as runs at the gateway, and waives its reports. False (nothing
    // changed) when one of those tasks cannot be re-run here.
    bool takeOver(std::uint64_t id, int down);
    // Queues, as runs here for `down`, those of `tasks` that are not re-run yet and whose outputs have not
    // all arrived for frame `id`. False (nothing queued) when one of them cannot be re-run here.
    bool rerunTasks(std::uint64_t id, const std::vector<int>& tasks, int down);
    bool outputsArrived(const Frame& f, std::size_t index) const; // every consumer here has its parts
    void rerun(StolenRun run); // runs a re-run queued by rerunTasks, lists it in the gateway's telemetry
    // True when a part of `piece` for frame `id` from `sender` duplicates the output of a task re-run here
    // (refused quietly): the piece is an output of such a task, and `sender` a device that may run it.
    bool duplicateOfRerun(std::uint64_t id, int piece, int sender) const;
    // After a frame completed: the re-run line, and the notice to each waived worker (it drops the frame).
    void endTakeOvers(std::uint64_t id, const Frame& f);

    NodeDescription m_d;
    NodeBundle m_bundle;
    NodeOptions m_options;
    std::unique_ptr<LogLimiter> m_often;
    std::unique_ptr<exec::Session> m_tasks; // runs every task of m_bundle.net
    std::unique_ptr<Transport> m_transport;
    std::map<int, std::size_t> m_taskIndex;   // task id -> index in m_d.tasks
    std::map<int, const PieceSpec*> m_pieces; // produced here (or by a task this device may steal), by id
    std::map<std::uint64_t, Frame> m_frames;
    std::set<std::uint64_t> m_finished; // recent frames, to refuse late or repeated messages
    std::deque<std::pair<std::uint64_t, std::size_t>> m_ready; // (frame, task index), own tasks
    std::deque<StolenRun> m_stolen;

    std::map<int, std::vector<int>> m_stagePeers; // stealing stage -> the other devices of the stage
    int m_stealStage = -1;                        // stage whose peers are being asked, -1: none
    std::vector<int> m_toAsk;                     // peers not asked yet in this round
    bool m_waitingForGrant = false;
    Clock::time_point m_askedAt;
    std::uint64_t m_steals = 0;

    std::map<int, Clock::time_point> m_lastHeard; // gateway: per reporting worker
    std::set<int> m_down;
    std::map<int, std::string> m_downReason; // gateway: why each device was last declared down
    std::vector<bool> m_rerunnable;          // gateway: per task of m_d.tasks (setUpRerun)
    bool m_keepInputs = false;               // gateway: some task is re-runnable, so frames keep their inputs
    Clock::time_point m_nextHeartbeat;
    std::uint64_t m_heartbeat = 0;
    std::uint64_t m_session = 0; // gateway: this run's; worker: the gateway's last seen
};

} // namespace tessera::net
