#include "core/optimize/checked.h"

#include <algorithm>

#include "core/cost/units.h"
#include "core/optimize/candidates.h"
#include "core/optimize/dp.h"

namespace tessera::optimize {

Expected<CheckedSolution> solveChecked(const model::Model& model, const cost::Cluster& cluster,
                                       Problem problem, const Solver& solve, int maxSolves) {
    const std::vector<std::int64_t> budgets = problem.budgetBytes;
    std::vector<std::int64_t> reserve(budgets.size(), 0);
    std::string lowered; // "rpi4-1 to 42.8 MiB, ..." once a budget was lowered
    for (int round = 1;; ++round) {
        auto solution = solve(problem);
        if (!solution) {
            if (lowered.empty()) {
                return solution.error();
            }
            return solution.error().withContext(
                "with budgets lowered to leave room for the pieces devices hold between tasks (" + lowered +
                ")");
        }
        CheckedSolution checked;
        checked.plan = toPlan(problem, solution->chosen);
        auto program = partition::compile(model, checked.plan, cluster);
        if (!program) {
            return program.error().withContext("compiling the chosen plan");
        }
        checked.cost = sim::planCost(*program, model.graph, cluster);
        const auto over = checked.cost.overBudget(cluster);
        if (over.empty()) {
            checked.program = std::move(*program);
            checked.solution = std::move(*solution);
            checked.solves = round;
            return checked;
        }
        if (round == maxSolves) {
            std::string text;
            for (const auto& line : over) {
                text += (text.empty() ? "" : "; ") + line;
            }
            return Error{
                ErrorCode::InvalidArgument,
                "no plan found within the budgets after " + std::to_string(round) +
                    " solves (each lowering the budgets of the devices the last plan overloaded): " + text};
        }
        // reserve on each overloaded device the most that a plan so far needed beyond the optimizer's model
        lowered.clear();
        for (std::size_t d = 0; d < cluster.devices.size(); ++d) {
            if (checked.cost.devices[d].totalBytes > cluster.devices[d].memoryBytes) {
                reserve[d] = std::max(reserve[d],
                                      checked.cost.devices[d].totalBytes - solution->figures.memoryBytes[d]);
                problem.budgetBytes[d] = budgets[d] - reserve[d];
            }
            if (reserve[d] > 0) {
                lowered += (lowered.empty() ? "" : ", ") + cluster.devices[d].name + " to " +
                           cost::formatBytes(problem.budgetBytes[d]);
            }
        }
    }
}

Expected<CheckedSolution> solveBest(const model::Model& model, const cost::Cluster& cluster, Problem problem,
                                    Objective objective, SolverChoice choice, const SolveOptions& options) {
    const bool chain = isChain(problem);
    if (choice == SolverChoice::Dp && !chain) {
        return Error{ErrorCode::InvalidArgument,
                     "the dynamic program needs a chain-structured model; this one has branches or skip "
                     "connections: use the integer program"};
    }
    const bool dp =
        choice == SolverChoice::Dp || (choice == SolverChoice::Auto && chain &&
                                       (objective == Objective::Traffic || objective == Objective::Latency));
    auto best = solveChecked(model, cluster, std::move(problem), [&](const Problem& p) {
        return dp ? solveDp(p, objective, 64, options.stop) : solveIlp(p, objective, options);
    });
    if (best) {
        best->dynamicProgram = dp;
    }
    return best;
}

} // namespace tessera::optimize
