#pragma once
// Static cost of a compiled plan on a cluster: per-device memory against its budget, traffic per device and
// per link, compute time under the speed model, and the redundant work that tiling adds.
//
// Memory of a device (what its runtime holds at its worst moment):
//   weights    the distinct weight slices of its tasks (deduplicated by task-graph initializer name, which
//              names the source and the slice): elements of the slice's shape x 4 bytes. Work stealing
//              (simulator.h) lets every device of a stage with stealing run any of its tasks
//              (Program::mayRun), so each of them holds the weights of all the stage's tasks.
//   activations  the one activation arena the device's runtime keeps for all its tasks (tessera-node runs
//              every task in one session): the largest Task::arenaBytes (cost::planMemory of the task's
//              graph, inputs and outputs included) of the tasks it may run, stolen ones included.
//   buffers    the device runs its tasks one at a time in program order. While task t runs it holds the
//              pieces it produced earlier (static assignment) that some task at or after t in program order
//              (t itself included: its inputs are copies) or the result delivery at the end still needs, and
//              the parts of other devices' pieces (graph inputs included) produced before t that its own
//              tasks after t read (received inputs wait in their task until it runs; the runtime frees a
//              task's inputs once it has copied them into its arena). A
//              device can also be handed any task of its stealing stages it is not assigned, so each is a
//              moment too, at its place in program order. The gateway holds the graph inputs from the start
//              until their last consumer (a moment before its first task holds all of them), or until the
//              frame ends when it could re-run a dead worker's tiles (docs/runtime.md, Faults), and, at a
//              last moment after every task, the assembled results. The largest of these, plus kMessageCopies
//              times the device's largest message (a Transfer it sends or receives; on the gateway also the
//              frame with every graph input and the answer with every result), is `bufferBytes`.
//   overhead   what the runtime needs beyond these, measured on tessera-node (docs/cost-model.md): the
//              device's fixed overhead (cost::Device::runtimeOverheadBytes: code, libraries, allocator, the
//              kernels' workspace) and runtimeNodeBytes() for the nodes of the task graphs it may run.
// Traffic: every Transfer of the program (Program::transfers(), static assignment), per device and per
// ordered device pair.
// Compute time (speed model, cluster.h), per node of the task graph: macs / macsPerSecond for a node with
// MACs (cost::nodeCost), else (inputBytes + outputBytes) / bytesPerSecond; plus nodeOverheadSeconds per node.
// Alias ops (cost::isAliasOp: Reshape, Flatten, Identity, Dropout...) cost nothing at all, and neither do the
// nodes the engine folds into the Conv/Gemm before them (exec::findFusions: a BatchNormalization, then a
// Relu, LeakyRelu or Clip), which its kernel applies as it writes the output.

#include <cstdint>
#include <string>
#include <vector>

#include "core/cost/cluster.h"
#include "core/partition/program.h"

namespace tessera::sim {

struct DeviceCost {
    std::int64_t weightBytes = 0;
    std::int64_t activationBytes = 0;
    std::int64_t bufferBytes = 0;
    std::int64_t messageBytes = 0; // the part of bufferBytes that is message copies (kMessageCopies)
    std::int64_t overheadBytes = 0;
    std::int64_t totalBytes = 0; // weight + activation + buffer + overhead bytes
    std::int64_t budgetBytes = 0;
    bool fits() const { return totalBytes <= budgetBytes; }
    std::int64_t sentBytes = 0, receivedBytes = 0;
    std::int64_t macs = 0;
    int tasks = 0;
    double computeSeconds = 0; // its tasks under the speed model, one frame
};

struct LinkCost {
    int from = -1, to = -1; // devices
    std::int64_t bytes = 0;
};

struct PlanCost {
    std::vector<DeviceCost> devices; // one per cluster device
    std::vector<LinkCost> links;     // device pairs that exchange data, sorted by (from, to)
    std::int64_t trafficBytes = 0;   // sum over links
    std::int64_t macs = 0;           // over all tasks
    std::int64_t modelMacs = 0;      // of the unpartitioned graph
    std::int64_t redundantMacs() const { return macs - modelMacs; }
    // Names the devices over budget and by how much (cost::formatBytes), one line each, e.g. "device
    // 'rpi3b-2' needs 812 MiB, 44.4 MiB over its budget of 768 MiB"; empty when everything fits.
    std::vector<std::string> overBudget(const cost::Cluster& cluster) const;
};

// The runtime's state per task-graph node held (graph, kernels, session views) and the copies of a message
// alive at once beside the tensor it carries (ZeroMQ's decrypted buffer and the parsed message), measured.
constexpr std::int64_t kRuntimeBytesPerNode = 5 * 1024;
constexpr std::int64_t kMessageCopies = 2;
inline std::int64_t runtimeNodeBytes(std::int64_t nodes) {
    return nodes * kRuntimeBytesPerNode;
}

using partition::TaskWork;
// partition::nodeWork() of any graph, and their sum (a compiled task carries its own: Task::work).
std::vector<TaskWork> nodeWork(const model::Graph& graph);
TaskWork taskWork(const model::Graph& graph);
// macs / macsPerSecond + bytes / bytesPerSecond + nodes * nodeOverheadSeconds (the per-node sums above).
double workSeconds(const TaskWork& work, const cost::Device& device);

// Compute time of a task on a device under the speed model: workSeconds(task.work, device).
double taskSeconds(const partition::Task& task, const cost::Device& device);

// CPU time a device spends on tensor messages: ZeroMQ, CURVE encryption, the protobuf message and the network
// stack, for every byte it sends or receives, as kMessageByteCost times the cost of a byte of an elementwise
// op (bytes / bytesPerSecond). Measured on tessera-node (docs/cost-model.md): about 4.7 ms of CPU per MiB on
// an x86-64 core, 19 ms per MiB on the `emulated` device (a quarter core, 1.5 GB/s). The simulator's event
// timing does not include it yet; the period (simulator.h) and the optimizer's throughput objective do.
constexpr double kMessageByteCost = 27;
inline double messageSeconds(std::int64_t bytes, const cost::Device& device) {
    return double(bytes) * kMessageByteCost / device.bytesPerSecond;
}

PlanCost planCost(const partition::Program& program, const model::Graph& graph, const cost::Cluster& cluster);

} // namespace tessera::sim
