#pragma once
// What the studio predicts for the current plan (no Qt): the plan compiled, its per-device memory and
// traffic (sim::planCost) and one simulated frame (sim::simulate). Recomputed on every plan or cluster edit.

#include <string>
#include <vector>

#include "core/cost/cluster.h"
#include "core/model/model.h"
#include "core/partition/plan.h"
#include "core/sim/plan_cost.h"

namespace tessera::ui {

struct PlanPreview {
    bool valid = false;
    std::vector<std::string> problems; // why the plan does not compile (core messages), when not valid
    sim::PlanCost cost;
    int tasks = 0;
    double latencySeconds = 0;             // one frame, event-driven simulation
    std::vector<double> deviceBusySeconds; // compute per device in that frame
    std::vector<std::string> overBudget;   // sim::PlanCost::overBudget
};

// A copy of `model` for costing plans, which compiles much faster: the float weights of Conv, Gemm and
// MatMul with too few zeros for any slice of them to be stored sparse are hollow (shape only). The compiler
// counts a weight slice's nonzeros to choose dense or sparse storage (cost/weight_storage.h) and takes a
// hollow weight as dense, so the predictions are exactly those of the full model. Pruned weights keep their
// data.
model::Model costingModel(const model::Model& model);

PlanPreview computePreview(const model::Model& model, const partition::Plan& plan,
                           const cost::Cluster& cluster);

} // namespace tessera::ui
