// paretoFront() (ilp.h): epsilon constraints on the largest per-device memory, each point solved
// lexicographically (the best objective under the cap, then the least memory that keeps that objective), so
// that every point is Pareto-optimal, not merely optimal for its cap.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <string>

#include "core/optimize/ilp.h"
#include "core/optimize/ilp_model.h"

namespace tessera::optimize {
namespace {

using Clock = std::chrono::steady_clock;
using detail::MipSpec;

// Objective values this close are one value: latencies summed in different orders differ in the last bits.
bool clearlyLess(double a, double b) {
    return a < b - std::fabs(b) * 1e-9 - 1e-15;
}

class Front {
public:
    Front(const Problem& problem, Objective objective, int solves, const SolveOptions& options)
        : m_problem(problem)
        , m_objective(objective)
        , m_solves(solves)
        , m_options(options)
        , m_start(Clock::now()) {}

    // The choice of least memory, under the caller's cap and the budgets: the front's low end needs its
    // figure.
    Expected<std::optional<Solution>> leastMemory() {
        MipSpec spec;
        spec.objective = Objective::Memory;
        spec.memoryLimit = detail::memoryLimits(m_problem, m_options.memoryCapBytes);
        return detail::solveSpec(m_problem, spec, next("least memory"));
    }

    // The best objective with every device's memory within `cap` (and its budget), then the least memory that
    // keeps that objective. `objective` of the result is in m_objective's units.
    Expected<std::optional<Solution>> point(std::int64_t cap) {
        MipSpec spec;
        spec.objective = m_objective;
        spec.memoryLimit = detail::memoryLimits(m_problem, std::min(cap, m_options.memoryCapBytes));
        auto best = detail::solveSpec(m_problem, spec, next("best " + std::string(toString(m_objective))));
        if (!best || !*best) {
            return best;
        }
        Solution& s = **best;
        spec.objective = Objective::Memory;
        spec.capObjective = m_objective;
        spec.capValue = s.objective;
        auto lean = detail::solveSpec(m_problem, spec,
                                      next("least memory at that " + std::string(toString(m_objective))));
        if (lean && *lean) {
            Solution& l = **lean;
            l.objective = l.figures.value(m_objective);
            // the objective is s's (proven or not); only its memory may have improved
            l.bound = s.bound;
            l.optimal = s.optimal && l.optimal;
            l.status = !s.optimal  ? s.status
                       : l.optimal ? "optimal"
                                   : "optimal " + std::string(toString(m_objective)) + ", memory " + l.status;
            l.seconds += s.seconds;
            return lean;
        }
        return best; // the second step ran out of time: s stands, perhaps with more memory than needed
    }

    bool exhausted() const { return remaining() <= 0 || (m_options.stop && m_options.stop->stopRequested()); }

private:
    double remaining() const {
        return m_options.timeLimitSeconds - std::chrono::duration<double>(Clock::now() - m_start).count();
    }

    SolveOptions next(const std::string& what) {
        SolveOptions o = m_options;
        o.timeLimitSeconds = remaining();
        if (m_options.progress) {
            const int index = m_done++;
            const double solves = double(m_solves);
            const ProgressFn outer = m_options.progress;
            o.progress = [outer, index, solves, what](double fraction, std::string_view stage) {
                outer(std::min(1.0, (index + fraction) / solves),
                      "Pareto front, " + what + ": " + std::string(stage));
            };
        }
        return o;
    }

    const Problem& m_problem;
    Objective m_objective;
    int m_solves;
    const SolveOptions& m_options;
    Clock::time_point m_start;
    int m_done = 0;
};

// Sorted by memory; a point stays if its objective is clearly below that of every point with less memory.
std::vector<Solution> nonDominated(std::vector<Solution> points) {
    std::stable_sort(points.begin(), points.end(), [](const Solution& a, const Solution& b) {
        return a.figures.maxMemoryBytes != b.figures.maxMemoryBytes
                   ? a.figures.maxMemoryBytes < b.figures.maxMemoryBytes
                   : a.objective < b.objective;
    });
    std::vector<Solution> front;
    for (Solution& s : points) {
        if (front.empty() || clearlyLess(s.objective, front.back().objective)) {
            front.push_back(std::move(s));
        }
    }
    return front;
}

} // namespace

Expected<std::vector<Solution>> paretoFront(const Problem& problem, Objective objective, int points,
                                            const SolveOptions& options) {
    if (objective == Objective::Memory) {
        return Error{ErrorCode::InvalidArgument,
                     "a Pareto front sets latency, traffic or throughput against memory"};
    }
    if (Status valid = detail::checkProblem(problem); !valid) {
        return valid.error();
    }
    if (options.stop && options.stop->stopRequested()) {
        return Error{ErrorCode::Cancelled, "cancelled before the search started"};
    }
    points = std::max(points, 0);
    Front front(problem, objective, 5 + 2 * points, options);
    auto least = front.leastMemory();
    if (!least) {
        return least.error();
    }
    if (!*least) {
        return detail::explainInfeasible(problem, options);
    }
    std::vector<Solution> found;
    const std::int64_t low = (*least)->figures.maxMemoryBytes;
    // The low end first, then the unconstrained objective: a stop or the time limit keeps what was found.
    for (const std::int64_t cap : {low, options.memoryCapBytes}) {
        auto p = front.point(cap);
        if (p && *p) {
            found.push_back(std::move(**p));
        }
        if (found.empty()) { // the least-memory choice, its objective unimproved, is all there is
            Solution& s = **least;
            s.objective = s.figures.value(objective);
            s.optimal = false;
            s.bound = -std::numeric_limits<double>::infinity();
            s.status = p ? "not improved" : p.error().message;
            found.push_back(std::move(s));
        }
        if (!p || !*p || front.exhausted()) {
            return nonDominated(std::move(found));
        }
    }
    // Each step solves under a cap inside a gap between neighbouring points of the front, widest gap first:
    // the point it returns is the front's last one at or below the cap, so the gap splits in two around a new
    // point, or shrinks to (cap, top) when there is none; a gap whose middle held nothing is asked just below
    // its top next, which either finds the point next to the top or closes the gap. With enough steps this is
    // the whole front; with fewer, points spread along the memory axis.
    struct Gap {
        std::int64_t floor, top; // no point of the front has its memory in (floor's point, floor]
        bool askTop = false;
    };
    std::vector<Gap> gaps;
    const std::int64_t high = found.back().figures.maxMemoryBytes;
    if (high - low > 1) {
        gaps.push_back({low, high});
    }
    for (int step = 0; step < points && !gaps.empty() && !front.exhausted(); ++step) {
        const auto widest = std::max_element(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) {
            return a.top - a.floor < b.top - b.floor;
        });
        const Gap gap = *widest;
        gaps.erase(widest);
        const std::int64_t cap = gap.askTop ? gap.top - 1 : gap.floor + (gap.top - gap.floor) / 2;
        auto p = front.point(cap);
        if (!p || !*p) {
            break; // the time limit or a stop
        }
        const std::int64_t memory = (*p)->figures.maxMemoryBytes;
        if (memory > gap.floor) {
            found.push_back(std::move(**p));
            if (memory - gap.floor > 1) {
                gaps.push_back({gap.floor, memory});
            }
        }
        if (gap.top - cap > 1) {
            gaps.push_back({cap, gap.top, memory <= gap.floor});
        }
    }
    return nonDominated(std::move(found));
}

} // namespace tessera::optimize
