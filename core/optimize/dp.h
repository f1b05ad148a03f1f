#pragma once
// Exact solvers over a Problem (problem.h) besides the integer program: a dynamic program for chains, where
// every value a stage reads comes from the stage just before it (or from the graph inputs), and an
// enumeration of every choice for small problems. Both score choices with the cost model of problem.h, so
// on the same problem they must find the same optimum as the integer program; the tests hold them to it.

#include "core/base/cancel.h"
#include "core/base/error.h"
#include "core/optimize/problem.h"

namespace tessera::optimize {

// True when the problem is a chain: every exchange's reader starts right after its producer's unit.
bool isChain(const Problem& problem);

// Dynamic program over units. For the memory objective, and for the other two under memory budgets, the
// states keep every non-dominated (cost, weights per device, largest arena per device) label; `maxLabels`
// caps them per option, and a result reached after a cap was hit is marked optimal = false.
Expected<Solution> solveDp(const Problem& problem, Objective objective, std::size_t maxLabels = 64,
                           const StopToken* stop = nullptr);

// Every covering choice, scored with evaluate(); refuses problems with more than `maxChoices` of them.
Expected<Solution> solveBruteForce(const Problem& problem, Objective objective,
                                   std::int64_t maxChoices = 5'000'000);

} // namespace tessera::optimize
