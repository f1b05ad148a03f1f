#pragma once
// The device runtime: serves one device's share of a compiled plan from its bundle (bundle.h).
//
// Every node runs the same loop: receive messages, run the tasks whose inputs are complete (one at a time,
// in the order they became ready), and deliver each output piece to its consumers - copied locally, or sent
// as a TensorPart straight to the consuming device. The gateway additionally takes frames from clients
// (FrameStart), delivers the graph inputs as pieces, assembles the results, collects every reporting
// device's Telemetry for the frame and answers the client with a FrameResult. All state is per frame, so
// frames overlap freely (a client may keep several in flight).
// Assignment is static (Task::device). Bytes are counted as tensor payload (elements x 4), the quantity
// sim::planCost predicts.

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
#include "core/net/transport.h"

namespace tessera::net {

struct NodeOptions {
    int threads = 1;
    std::string listen; // overrides the bundle's endpoint for binding ("tcp://*:7701"); empty = the bundle's
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
    struct TaskRun {
        std::vector<std::vector<float>> inputs; // allocated when their first part arrives
        std::vector<std::vector<bool>> have;    // per input, per source
        int missing = 0;
        std::chrono::steady_clock::time_point readySince;
    };
    struct Frame {
        std::vector<TaskRun> tasks; // as description.tasks
        int tasksLeft = 0;
        std::vector<std::vector<float>> results; // gateway
        std::vector<std::vector<bool>> resultHave;
        int resultsMissing = 0;
        std::set<int> reportsMissing;
        bool started = false; // gateway: its FrameStart arrived
        std::string client;   // gateway: the client's route
        wire::Telemetry own;
        wire::FrameResult answer;
        std::chrono::steady_clock::time_point begin;
    };

    NodeRuntime(NodeBundle bundle, NodeOptions options);
    bool isGateway() const { return m_d.device == m_d.gateway; }
    void log(const std::string& line) const;
    Frame& frame(std::uint64_t id);
    void handle(Transport::Received& in);
    void onFrameStart(const std::string& route, const wire::FrameStart& start);
    void onTensorPart(const wire::TensorPart& part, int sender);
    void onTelemetry(const wire::Telemetry& t);
    void onError(const wire::ErrorReport& e, int sender);
    // A piece this device now holds: copied to local consumers, sent to the others.
    void deliver(std::uint64_t id, const PieceSpec& piece, const float* data);
    // Copies `part` of a piece into the consumer's buffer; false when the consumer expects no such part.
    bool accept(std::uint64_t id, int task, int piece, const partition::Region& part, const float* data,
                const partition::Region& held);
    void runOne();
    void checkDone(std::uint64_t id);
    void fail(std::uint64_t id, const std::string& message);
    void finish(std::uint64_t id);

    NodeDescription m_d;
    NodeBundle m_bundle;
    NodeOptions m_options;
    std::unique_ptr<Transport> m_transport;
    std::map<int, std::size_t> m_taskIndex;   // task id -> index in m_d.tasks
    std::map<int, const PieceSpec*> m_pieces; // produced here, by id
    std::map<std::uint64_t, Frame> m_frames;
    std::set<std::uint64_t> m_finished; // recent frames, to refuse late or repeated messages
    std::deque<std::pair<std::uint64_t, std::size_t>> m_ready; // (frame, task index)
};

} // namespace tessera::net
