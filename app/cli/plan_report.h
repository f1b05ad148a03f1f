#pragma once
// Text output shared by the plan commands: a plan's stages, and its predicted costs per device.

#include <ostream>

#include "core/cost/cluster.h"
#include "core/model/graph.h"
#include "core/partition/plan.h"
#include "core/sim/plan_cost.h"

namespace tessera::cli {

// "  1. tiles  conv_0 .. conv_15_leaky (40 nodes), 5x5 tiles, data reuse on rpi4-1 rpi4-2 ..."
void printStages(std::ostream& out, const partition::Plan& plan, const model::Graph& graph,
                 const cost::Cluster& cluster);

// The per-device table (memory against budget, bytes sent and received, compute time), traffic per link
// and the redundant work.
void printPlanCosts(std::ostream& out, const sim::PlanCost& costs, const cost::Cluster& cluster);

} // namespace tessera::cli
