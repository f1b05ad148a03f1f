#pragma once
// Calibrating a device's speed model (cost/cluster.h) from measurements: the engine runs a model with
// per-node profiling and the three coefficients of
//     seconds(node) = macs / macsPerSecond + bytes / bytesPerSecond + nodeOverheadSeconds
// are fitted by least squares over the nodes that do work (plan_cost.h: nodeWork), all kept positive.

#include <vector>

#include "core/base/cancel.h"
#include "core/base/error.h"
#include "core/model/model.h"
#include "core/sim/plan_cost.h"

namespace tessera::sim {

struct SpeedFit {
    double macsPerSecond = 0;  // 0 when no measured node had MACs
    double bytesPerSecond = 0; // 0 when no measured node was memory-bound
    double nodeOverheadSeconds = 0;
    int samples = 0;
    double measuredSeconds = 0;  // sum of the measured node times
    double predictedSeconds = 0; // the same nodes under the fitted model
};

// `work` and `seconds` per node; nodes with no work (nodes == 0) are ignored.
Expected<SpeedFit> fitSpeed(const std::vector<TaskWork>& work, const std::vector<double>& seconds);

// Runs `model` on this machine with `threads` threads (one warm-up, then `runs` profiled runs on a fixed
// input) and fits the speed model to the least time of every node over the runs (the least disturbed by other
// work on the machine).
Expected<SpeedFit> calibrate(const model::Model& model, int threads, int runs,
                             const StopToken* stop = nullptr);

} // namespace tessera::sim
