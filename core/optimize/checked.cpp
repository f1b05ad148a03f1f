#include "core/optimize/checked.h"

#include "core/cost/units.h"
#include "core/optimize/candidates.h"

namespace tessera::optimize {

Expected<CheckedSolution> solveChecked(const model::Model& model, const cost::Cluster& cluster, Problem problem,
                                       const Solver& solve, int maxSolves) {
    std::string lowered; // "rpi4-1 to 42.8 MiB, ..." once a budget was lowered
    for (int round = 1;; ++round) {
        auto solution = solve(problem);
        if (!solution) {
            if (lowered.empty()) {
                return solution.error();
            }
            return solution.error().withContext(
                "with budgets lowered to leave room for the pieces devices hold between tasks (" + lowered + ")");
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
            return Error{ErrorCode::InvalidArgument,
                         "no plan found within the budgets after " + std::to_string(round) +
                             " solves (each lowering the budgets of the devices the last plan overloaded): " +
                             text};
        }
        lowered.clear();
        for (std::size_t d = 0; d < cluster.devices.size(); ++d) {
            const std::int64_t excess = checked.cost.devices[d].totalBytes - cluster.devices[d].memoryBytes;
            if (excess > 0) {
                problem.budgetBytes[d] = std::min(problem.budgetBytes[d], solution->figures.memoryBytes[d]) - excess;
            }
            if (problem.budgetBytes[d] < cluster.devices[d].memoryBytes) {
                lowered += (lowered.empty() ? "" : ", ") + cluster.devices[d].name + " to " +
                           cost::formatBytes(problem.budgetBytes[d]);
            }
        }
    }
}

} // namespace tessera::optimize
