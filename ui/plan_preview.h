#pragma once
// What the studio predicts for the current plan (no Qt): the plan compiled, its per-device memory and
// traffic (sim::planCost) and one simulated frame (sim::simulate). Recomputed on every plan or cluster edit.

#include <memory>
#include <string>
#include <vector>

#include "core/cost/cluster.h"
#include "core/model/model.h"
#include "core/partition/plan.h"
#include "core/partition/program.h"
#include "core/partition/weight_census.h"
#include "core/sim/plan_cost.h"
#include "core/sim/simulator.h"

namespace tessera::ui {

struct PlanPreview {
    bool valid = false;
    std::vector<std::string> problems; // why the plan does not compile (core messages), when not valid
    sim::PlanCost cost;
    int tasks = 0;
    double latencySeconds = 0;             // one frame, event-driven simulation
    std::vector<double> deviceBusySeconds; // compute per device in that frame
    std::vector<std::string> overBudget;   // sim::PlanCost::overBudget
    // The compiled program (task graphs without weight data) and its simulated frame, for the timeline.
    std::shared_ptr<const partition::Program> program;
    sim::SimResult frame;

    // The most memory any device needs (0 when not valid).
    std::int64_t largestDeviceBytes() const;
    // The frames per second a stream pipelined through the plan reaches at most: one per period of its
    // busiest resource (0 when not valid).
    double framesPerSecond() const;
};

// `census`: the model's (partition/weight_census.h), kept for the loaded model so that each edit's compile
// counts no weight's zeros again; nullptr counts them for this call.
PlanPreview computePreview(const model::Model& model, const partition::Plan& plan,
                           const cost::Cluster& cluster, const partition::WeightCensus* census = nullptr);

} // namespace tessera::ui
