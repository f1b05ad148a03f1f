#pragma once
// A solve whose plan is checked against the devices' budgets with the plan's own costs.
//
// The optimizer's memory model (problem.h) counts weights, the largest task arena and the fixed runtime
// overhead of each device; the plan's costs (sim::planCost) also count what a device holds between its tasks:
// pieces it produced that a later task or the result delivery still needs, on the gateway the graph inputs
// and the assembled results, the copies of its largest message, and the runtime's state per node. So a choice
// within the budgets of the model can be over budget as a plan, by a few percent. solveChecked closes that
// gap: it compiles the chosen plan, and while a device needs more than its budget, reserves on that device
// the most any plan so far needed beyond the model (its budget in the problem becomes budget - reserve) and
// solves again. The plan returned fits every budget by its own costs; its optimality (Solution::optimal) is
// under the lowered budgets. Reserves only grow, so budgets that some plan meets can still be refused when
// the plans tried on the way need more buffers than that one; the error then says the budgets were lowered
// and to what.

#include <functional>

#include "core/cost/cluster.h"
#include "core/model/model.h"
#include "core/optimize/ilp.h"
#include "core/optimize/problem.h"
#include "core/partition/program.h"
#include "core/sim/plan_cost.h"

namespace tessera::optimize {

struct CheckedSolution {
    Solution solution;
    partition::Plan plan;
    partition::Program program;
    sim::PlanCost cost;
    int solves = 0;              // 1 when the first plan fitted
    bool dynamicProgram = false; // solved by the dynamic program (solveBest), else by the integer program
};

using Solver = std::function<Expected<Solution>(const Problem&)>;

// `problem` built for `model` on `cluster` (candidates.h). Errors: the solver's (with a note on the lowered
// budgets when it refuses them), and InvalidArgument when `maxSolves` plans in a row did not fit, naming the
// devices of the last one.
Expected<CheckedSolution> solveChecked(const model::Model& model, const cost::Cluster& cluster,
                                       Problem problem, const Solver& solve, int maxSolves = 8);

enum class SolverChoice {
    Auto, // the dynamic program for traffic and latency on chains (exact and fast), else the integer program
    Ilp,  // GLPK (ilp.h)
    Dp,   // the dynamic program (dp.h); chains only
};

// solveChecked with the solver `choice` picks; `options` as solveIlp (the dynamic program takes only its
// stop token). Errors: InvalidArgument for Dp on a model that is not a chain; else solveChecked's.
Expected<CheckedSolution> solveBest(const model::Model& model, const cost::Cluster& cluster, Problem problem,
                                    Objective objective, SolverChoice choice, const SolveOptions& options);

} // namespace tessera::optimize
