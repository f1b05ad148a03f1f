#pragma once
// Internal to ilp.cpp and ilp_pareto.cpp: one GLPK branch-and-cut run over a Problem (problem.h).
//
// Variables: x_o binary per option; y_ab in [0, 1] per pair of options with a transition cost (continuous:
// for binary x it equals x_a * x_b at any optimum, see ilp_model.cpp); A_d >= 0, the arena of device d; Z
// (memory objective only). Rows: every unit covered exactly once; A_d >= the arena of the option covering u,
// for every unit u; per-device memory limits; the objective as an epigraph; optional cap on the traffic or
// latency; no-good cuts. Coefficients are in MiB (bytes) and milliseconds (seconds) so that GLPK's tolerances
// behave.

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/base/cancel.h"
#include "core/base/error.h"
#include "core/optimize/ilp.h"
#include "core/optimize/problem.h"

struct glp_prob;

namespace tessera::optimize::detail {

constexpr std::int64_t kNoLimit = std::numeric_limits<std::int64_t>::max();

struct MipSpec {
    Objective objective = Objective::Memory;
    // Memory objective: minimise max over d of (memory(d) - memoryOffset[d]); empty means all zero. With the
    // budgets as offsets this finds the choice that comes closest to fitting them.
    std::vector<std::int64_t> memoryOffset;
    // Per device: memory(d) <= memoryLimit[d]; kNoLimit (or an empty vector) leaves the device unconstrained.
    std::vector<std::int64_t> memoryLimit;
    // A second objective (Traffic or Latency) held at or below a value: the lexicographic steps of
    // paretoFront.
    std::optional<Objective> capObjective;
    double capValue = 0; // bytes or seconds
    // Choices cut off (each an exact cover, option indices): a solution may not contain all of one.
    std::vector<std::vector<int>> excluded;
};

struct MipRun {
    enum class End {
        Optimal,    // proven optimal (within GLPK's objective tolerance, 1e-9 relative)
        TimeLimit,  // stopped by the time limit; `chosen` holds the best choice found, if any
        Stopped,    // stopped by the StopToken; likewise
        Infeasible, // proven: no choice satisfies the rows
        Failed,     // GLPK could not solve it; `detail` says why
    };
    End end = End::Failed;
    std::vector<int> chosen; // option indices, empty when no integer solution was found
    // Lower bound on the optimum in objective units (bytes or seconds); -infinity when unknown.
    double bound = -std::numeric_limits<double>::infinity();
    std::string detail;
};

// The conversion factor from objective units (bytes, seconds) to the model's (MiB, milliseconds).
double modelScale(Objective objective);

// Fills `lp` (fresh from glp_create_prob) with the model of `spec`; returns the x column of every option.
std::vector<int> buildModel(glp_prob* lp, const Problem& problem, const MipSpec& spec);

// `progress` receives the fraction of `timeLimitSeconds` used and "branch and bound: best ..., bound ...
// (gap ...)"; `stop` is polled at every callback of the search. The problem must be valid (checked by the
// caller). Never prints.
MipRun runMip(const Problem& problem, const MipSpec& spec, double timeLimitSeconds, const StopToken* stop,
              const ProgressFn& progress);

// "31.2 MiB" or "12.3 ms": a value of `objective` for messages.
std::string formatValue(Objective objective, double value);

// Everything solveIlp() refuses before building a model: inconsistent sizes, indices out of range, negative
// sizes, non-finite times, a unit no option covers, options that cannot tile the units exactly.
Status checkProblem(const Problem& problem);

// Per device: the smaller of its budget and `memoryCapBytes`.
std::vector<std::int64_t> memoryLimits(const Problem& problem, std::int64_t memoryCapBytes);

// The Solution of a spec, with evaluate()'s figures, `objective` = figures.value(spec.objective), the bound
// and the status. An empty optional when no choice satisfies the spec; errors: Cancelled when the stop or the
// time limit came before any choice was found, InvalidArgument when GLPK fails. The time limit covers
// everything. The memory objective alone (no cap on another objective, nothing excluded) goes to the exact
// search of memory_search.h first, for a third of the time, and to GLPK for a better plan than the search's
// best only when the search did not finish (ilp_memory.cpp); everything else to solveSpecWithGlpk().
Expected<std::optional<Solution>> solveSpec(const Problem& problem, MipSpec spec,
                                            const SolveOptions& options);

// The throughput objective (without a cap or exclusions): a descent of period caps on the latency program
// (ilp_throughput.cpp); otherwise as solveSpec().
Expected<std::optional<Solution>> solveThroughput(const Problem& problem, const MipSpec& spec,
                                                  const SolveOptions& options);

// runMip() until its choice really keeps the spec's memory limits and cap (a choice that GLPK accepted within
// its tolerances but evaluate() finds a few bytes over is cut off and the search repeated); otherwise as
// solveSpec().
Expected<std::optional<Solution>> solveSpecWithGlpk(const Problem& problem, MipSpec spec,
                                                    const SolveOptions& options);

// "gap 3.2%" ((objective - bound) / objective), "gap unknown" for a bound of -infinity.
std::string gapText(double objective, double bound);

// The InvalidArgument error for budgets (and a memory cap) that no choice fits: names every device the
// closest choice overloads, with what it needs, its limit and the biggest contributors.
Error explainInfeasible(const Problem& problem, const SolveOptions& options);

} // namespace tessera::optimize::detail
