// solveSpec() (ilp_model.h): the memory objective alone goes to the exact search of memory_search.h first;
// GLPK, with every device held below the search's best plan, only when the search did not finish.
//
// Measured on rpi4 clusters of 2..8 devices (docs/benchmarks.md, "Optimizer"): the search proves the
// memory-optimal plan of AlexNet, VGG-16, YOLOv2-608 and Extraction on 4..8 devices in at most 1.8 s (6
// devices: at most 0.9 s), where GLPK alone stopped at its time limit with gaps up to 6%. On 2 devices
// YOLOv2-608 and Extraction have so many tile blocks that the search does not finish: GLPK then proves
// YOLOv2-608 (15 s in all) but not Extraction.

#include <algorithm>
#include <chrono>

#include "core/optimize/ilp_model.h"
#include "core/optimize/memory_search.h"

namespace tessera::optimize::detail {
namespace {

using Clock = std::chrono::steady_clock;

// The search's share of the time limit; GLPK gets the rest when the search did not finish.
constexpr double kSearchShare = 1.0 / 3.0;

Clock::time_point after(Clock::time_point start, double seconds) {
    if (!(seconds < 1e7)) {
        return Clock::time_point::max();
    }
    return start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

std::int64_t saturatedSum(std::int64_t a, std::int64_t b) {
    if (b > 0 && a > kNoLimit - b) {
        return kNoLimit;
    }
    return a + b;
}

} // namespace

Expected<std::optional<Solution>> solveSpec(const Problem& p, MipSpec spec, const SolveOptions& options) {
    const bool alone = !spec.capObjective && spec.excluded.empty();
    if (spec.objective == Objective::Throughput && alone) {
        return solveThroughput(p, spec, options);
    }
    const bool memoryOnly = spec.objective == Objective::Memory && alone;
    if (!memoryOnly || !(options.timeLimitSeconds > 0)) {
        return solveSpecWithGlpk(p, std::move(spec), options);
    }
    const auto start = Clock::now();
    const auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
    const double limit = options.timeLimitSeconds;
    std::function<void(std::int64_t)> report;
    if (options.progress) {
        report = [&](std::int64_t best) {
            options.progress(std::min(1.0, elapsed() / limit),
                             best == kNoLimit
                                 ? "branch and bound: no plan yet"
                                 : "branch and bound: best " + formatValue(Objective::Memory, double(best)));
        };
    }
    const MemorySearch found = searchMemory(p, spec.memoryOffset, spec.memoryLimit,
                                            after(start, limit * kSearchShare), options.stop, report);
    std::optional<Solution> incumbent;
    if (!found.chosen.empty()) {
        Solution s;
        s.chosen = found.chosen;
        s.figures = evaluate(p, s.chosen);
        s.objective = s.figures.value(Objective::Memory);
        s.optimal = found.proven;
        // the search's figures are memory(d) - offset(d); the solution's the memory itself
        s.bound = double(found.bound) + (s.objective - double(found.objective));
        s.status = "optimal";
        incumbent = std::move(s);
    }
    const auto finish = [&](const std::string& why) {
        Solution& s = *incumbent;
        s.status = s.optimal ? "optimal" : why + gapText(s.objective, s.bound);
        s.seconds = elapsed();
        return std::optional<Solution>(std::move(s));
    };
    if (found.proven) {
        return incumbent ? finish("") : std::optional<Solution>{};
    }
    if (options.stop && options.stop->stopRequested()) {
        if (!incumbent) {
            return Error{ErrorCode::Cancelled, "cancelled before any plan was found"};
        }
        return finish("cancelled: ");
    }
    // GLPK in the rest of the time, for a plan below the search's best on every device
    if (incumbent) {
        if (spec.memoryLimit.empty()) {
            spec.memoryLimit.assign(p.deviceNames.size(), kNoLimit);
        }
        for (std::size_t d = 0; d < spec.memoryLimit.size(); ++d) {
            const std::int64_t offset = spec.memoryOffset.empty() ? 0 : spec.memoryOffset[d];
            spec.memoryLimit[d] = std::min(spec.memoryLimit[d], saturatedSum(found.objective - 1, offset));
        }
    }
    SolveOptions rest = options;
    const double searched = elapsed();
    rest.timeLimitSeconds = limit - searched;
    if (options.progress) {
        rest.progress = [&](double fraction, std::string_view text) {
            options.progress(std::min(1.0, (searched + fraction * rest.timeLimitSeconds) / limit), text);
        };
    }
    auto better = solveSpecWithGlpk(p, spec, rest);
    if (!incumbent) {
        if (better && *better) {
            (*better)->seconds = elapsed();
        }
        return better;
    }
    if (!better) {
        if (better.error().code != ErrorCode::Cancelled) {
            return better.error();
        }
        // no better plan found in time
        return finish(options.stop && options.stop->stopRequested() ? "cancelled: " : "time limit: ");
    }
    if (!*better) {
        // GLPK proved that no plan is below the search's best on every device
        incumbent->optimal = true;
        incumbent->bound = incumbent->objective;
        return finish("");
    }
    Solution& s = **better;
    if (!s.optimal) {
        // a lower bound holds for the whole problem once it is below the search's best
        s.bound = std::max(incumbent->bound, std::min(incumbent->objective, s.bound));
        s.status = s.status.substr(0, s.status.find("gap")) + gapText(s.objective, s.bound);
    }
    s.seconds = elapsed();
    return better;
}

} // namespace tessera::optimize::detail
