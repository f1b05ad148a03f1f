#pragma once
// Static cost of a compiled plan on a cluster: per-device memory against its budget, traffic per device and
// per link, compute time under the speed model, and the redundant work that tiling adds.
//
// Memory of a device (what its runtime holds at its worst moment):
//   weights    the distinct weight slices of its tasks (by task-graph initializer name); for a stage with
//              work stealing, every device of the stage holds the weights of all the stage's tasks;
//   activations + buffers: the device runs its tasks one at a time in program order. While task t runs it
//              needs t's activation arena (cost::planMemory of t's graph, inputs and outputs included) plus
//              the pieces it produced earlier that some task at or after t in program order (or the result
//              delivery at the end) still needs. The peak of that sum over its tasks is reported split into
//              `activationBytes` (the arena) and `bufferBytes` (the held pieces) at the peak task. The
//              gateway also holds the graph inputs until their last consumer and the results at the end.
//   overhead   the device's measured runtime overhead (cost::Device::runtimeOverheadBytes).
// Traffic: every Transfer of the program under the static assignment.

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
    std::int64_t overheadBytes = 0;
    std::int64_t totalBytes = 0; // sum of the four above
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
    // Names the devices over budget and by how much; empty when everything fits.
    std::vector<std::string> overBudget(const cost::Cluster& cluster) const;
};

// Compute time of a task on a device under the speed model (cost/cluster.h).
double taskSeconds(const partition::Task& task, const cost::Device& device);

PlanCost planCost(const partition::Program& program, const model::Graph& graph, const cost::Cluster& cluster);

} // namespace tessera::sim
