#pragma once
// The integer program (GLPK) over a Problem (problem.h): one binary per option, every unit covered exactly
// once, a linearised product for every transition, per-device memory within budget, and the objective —
// the largest per-device memory, the total traffic or the latency. Also the Pareto front of latency (or
// traffic) against the largest per-device memory, by epsilon constraints on memory.

#include <cstdint>
#include <limits>
#include <vector>

#include "core/base/cancel.h"
#include "core/base/error.h"
#include "core/optimize/problem.h"

namespace tessera::optimize {

struct SolveOptions {
    double timeLimitSeconds = 30;
    const StopToken* stop = nullptr; // cancels the solve; the best plan found so far is returned
    // Called during branch and bound with the fraction of the time limit used and a stage text such as
    // "branch and bound: best 31.2 MiB, bound 30.9 MiB (gap 1.0%)".
    ProgressFn progress;
    // Epsilon constraint: the largest per-device memory of the solution may not exceed this.
    std::int64_t memoryCapBytes = std::numeric_limits<std::int64_t>::max();
};

// The best choice for `objective`. When the time limit or a stop ends the search early the best choice found
// is returned with optimal = false, its bound and the gap in `status`; with no choice found at all, an error.
// Infeasible budgets give an InvalidArgument error that names the devices that cannot fit what they would
// have to hold and by how much (from the most even split of memory the options allow).
Expected<Solution> solveIlp(const Problem& problem, Objective objective, const SolveOptions& options = {});

// Non-dominated choices for `objective` (Latency or Traffic) against the largest per-device memory, from the
// memory-optimal to the `objective`-optimal choice, with up to `points` epsilon steps in between; sorted by
// memory ascending.
Expected<std::vector<Solution>> paretoFront(const Problem& problem, Objective objective, int points = 8,
                                            const SolveOptions& options = {});

} // namespace tessera::optimize
