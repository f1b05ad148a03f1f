#pragma once
// The integer program (GLPK) over a Problem (problem.h): one binary per option, every unit covered exactly
// once, the costs of pairs of choices (transitions, exchanges) as linearised products, per-device memory
// within budget, and the objective: the largest per-device memory, the total traffic or the latency. Also the
// Pareto front of latency (or traffic) against the largest per-device memory, by epsilon constraints on
// memory.
//
// Costs between options that touch (one ends right before the other starts) ride on a flow through the units,
// so on a chain the traffic and latency programs are shortest paths that the LP relaxation solves outright;
// other pairs (skip connections, branches) are products with lower-bound rows, exact for costs of either
// sign. Every figure reported (objective, memory, traffic, latency) is evaluate() of the chosen set, never
// the LP's arithmetic; a choice GLPK accepts within its tolerances but that breaks a budget by a byte is cut
// off and the search repeated. Objective values within 1e-9 (relative) of each other count as equal. Never
// prints.

#include <cstdint>
#include <limits>
#include <vector>

#include "core/base/cancel.h"
#include "core/base/error.h"
#include "core/optimize/problem.h"

namespace tessera::optimize {

struct SolveOptions {
    // The whole call's budget, model building and repeats included (for paretoFront, all its solves); 0 or
    // less stops the search before it starts.
    double timeLimitSeconds = 30;
    const StopToken* stop = nullptr; // cancels the solve; the best plan found so far is returned
    // Called during branch and bound, at most every 100 ms and at every better plan, with the fraction of the
    // time limit used and a stage text such as
    // "branch and bound: best 31.2 MiB, bound 30.9 MiB (gap 1.0%)" (paretoFront: the fraction of all its
    // solves, "Pareto front, best latency: branch and bound: ..."). Called on the solving thread; an
    // exception it throws ends the search and reaches the caller.
    ProgressFn progress;
    // Epsilon constraint: the largest per-device memory of the solution may not exceed this.
    std::int64_t memoryCapBytes = std::numeric_limits<std::int64_t>::max();
};

// The best choice for `objective`, `chosen` in unit order, figures from evaluate(). Status "optimal" (proven;
// bound = objective). When the time limit or a stop ends the search early, the best choice found is returned
// with optimal = false, a lower bound on the optimum in `bound` and "time limit: gap 3.2%" or
// "cancelled: gap 3.2%" in `status` (gap = (objective - bound) / objective; "gap unknown" when no bound was
// reached, bound = -infinity). Errors: Cancelled when the time limit or a stop came before any choice was
// found (also for a stop requested before the call); InvalidArgument for an inconsistent problem (sizes,
// indices, an exchange whose producers or readers do not share a unit), for units no set of options covers
// exactly once (naming the unit), and for budgets (and memoryCapBytes) that no choice fits: the message names
// every device the closest choice (the least worst overshoot) overloads, with its need, its budget or cap and
// its three biggest parts, e.g. "no plan fits the memory budgets: even the plan closest to fitting needs 812
// MiB on 'rpi3b-2' (budget 768 MiB): weights of 'lop conv_9' 410 MiB, arena of 'tiles 2x2 conv_0..conv_4' 200
// MiB, runtime overhead 50.0 MiB"; identical devices share a line ("on each of 'pi-0', 'pi-1' and 'pi-2'").
Expected<Solution> solveIlp(const Problem& problem, Objective objective, const SolveOptions& options = {});

// Non-dominated choices for `objective` (Latency or Traffic; Memory is an InvalidArgument) against the
// largest per-device memory, within the budgets and options.memoryCapBytes, sorted by memory ascending
// (objective strictly descending). The ends are the least-memory choice (with the best objective at that
// memory) and the best-objective choice (with the least memory at that objective). Each point is solved
// lexicographically (the best objective under a memory cap, then the least memory keeping that objective), so
// a proven point is Pareto-optimal. The `points` epsilon steps in between each halve the widest remaining
// memory gap between neighbouring points (then try just below its top), so with enough steps the result is
// the whole front and with fewer the points spread along memory. A stop or the time limit returns the points
// found so far (unproven ones have optimal = false); errors as solveIlp when not even the first point was
// found.
Expected<std::vector<Solution>> paretoFront(const Problem& problem, Objective objective, int points = 8,
                                            const SolveOptions& options = {});

} // namespace tessera::optimize
