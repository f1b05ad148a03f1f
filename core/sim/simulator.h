#pragma once
// Event-driven simulation of a compiled plan on a cluster: when every task starts and ends on which device,
// when every transfer crosses which links, the end-to-end latency of each frame and the throughput of a
// stream of frames.
//
// Rules:
//   - A device runs one task at a time; among its ready tasks it takes the earliest frame first, then
//     program order. Its compute time is taskSeconds() on that device (plan_cost.h).
//   - A task is ready when every source of its inputs is on its device (produced there, or arrived).
//   - Transfers are pushed as soon as the producing task ends (graph inputs: when the frame arrives at the
//     gateway), in program order of their consumers (results after every task); there is one transfer per
//     source on another device, as in Program::transfers(). Under the switched-star model (cluster.h) a
//     transfer waits until the sender's uplink and the receiver's downlink are both free, holds both for
//     latency + bytes * 8 / min(sender, receiver bandwidth); with a shared medium it holds the one channel
//     for latency + bytes * 8 / mediumBitsPerSecond. The latency is the sender's plus the receiver's
//     linkLatencySeconds (the path crosses both links to the switch). Waiting transfers start in the order
//     they were pushed; one whose links are busy does not hold back a later one whose links are free.
//     Sources on the consumer's own device cost nothing.
//   - Work stealing (stages with `stealing`): their tasks are not bound to a device; every device the stage
//     assigns a task to may run any of them (Program::mayRun; as in DeepThings, idle devices steal, and the
//     plan's assignment is each task's initial queue). A stealable task is pending once every piece it
//     reads exists. Inputs of a stealable task are pulled from the devices that produced them (the gateway
//     for graph inputs) when a device takes it: a device that is idle, with no ready task of its own, and not
//     already waiting for the inputs of a task it took, takes the first pending stealable task it may run
//     (earliest frame, then program order): its own assigned tasks first, then others', from the device with
//     the most such tasks left (ties: the lower device index), and the task's input transfers are pushed
//     then.
//   - Events at the same instant are all applied before anything starts at that instant; then idle devices
//     (in index order) start or take tasks, then waiting transfers start.
//   - Frame f arrives at the gateway at f * frameIntervalSeconds (0: all frames at time 0, i.e. as fast as
//     the pipeline goes); its latency runs from arrival until the last result part reaches the gateway
//     (infinite if it never does, which a compiled program cannot cause).

#include <string>
#include <vector>

#include "core/cost/cluster.h"
#include "core/partition/program.h"

namespace tessera::sim {

struct SimOptions {
    int frames = 1;
    double frameIntervalSeconds = 0;
};

struct TaskEvent {
    int frame = 0, task = -1, device = -1;
    double start = 0, end = 0;
};

struct TransferEvent {
    int frame = 0, piece = -1, task = -1; // task -1: a result going to the gateway
    int from = -1, to = -1;
    std::int64_t bytes = 0;
    double start = 0, end = 0;
};

struct SimResult {
    std::vector<TaskEvent> tasks;         // in start order
    std::vector<TransferEvent> transfers; // in start order
    std::vector<double> frameLatency;     // seconds, per frame
    double makespan = 0;                  // end of the last event
    // Frames per second over the stream: frames / (last completion - first arrival); for one frame,
    // 1/latency.
    double throughput = 0;
    std::vector<double> deviceBusySeconds; // compute time per device
    std::vector<std::int64_t> deviceSentBytes, deviceReceivedBytes;
    std::vector<double> deviceUpSeconds, deviceDownSeconds; // time transfers held each link (switched star)
    // CPU time for the messages each device sent and received (plan_cost.h, messageSeconds; on the gateway
    // also each frame's graph inputs arriving and results leaving). Not part of the event timing above.
    std::vector<double> deviceMessageSeconds;
    // Per frame, the busiest resource: a device's CPU (compute and messages), one of its link directions or
    // the shared medium. No stream of frames can go faster than one per period (the optimizer's throughput
    // objective, optimize/problem.h, minimises the same figure).
    double periodSeconds = 0;
};

SimResult simulate(const partition::Program& program, const cost::Cluster& cluster,
                   const SimOptions& options = {});

// A text Gantt chart: one row per device (compute) and per busy link direction ("<device> up", "<device>
// down"; one "medium" row with a shared medium), `width` columns of time from 0 to the makespan; each cell
// shows the stage of the task running then (0-9, then a-z, '#' beyond) or '~' for a transfer, '.' idle. A
// cell shows the event that covers most of it. A first line gives the time span and the time per column.
std::string ganttText(const SimResult& result, const partition::Program& program,
                      const cost::Cluster& cluster, int width = 100);

} // namespace tessera::sim
