// solveThroughput() (ilp_model.h): the least period by a descent of period caps.
//
// The throughput program minimises a maximum over devices, whose LP relaxation spreads every layer over all
// devices and whose branch and bound finds plans slowly: on YOLOv2-608 over 6 emulated devices GLPK's best
// after 60 s had a period 1.3 times that of a simple layer pipeline. The latency program's relaxation is
// nearly integral (ilp_search.cpp), and stays quick to solve with the period rows as a cap. So: the least
// latency first, then the least latency with every device's period held below the best plan's minus a step;
// a plan found becomes the best, a proof that none exists is a lower bound and halves the step. A last probe
// just below the best plan proves it optimal. Stopped by the time limit or the stop token, the best plan
// found is returned with the proven bound (the larger of the throughput program's own bound after a short
// search and the probes' proofs).

#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/optimize/ilp_model.h"

namespace tessera::optimize::detail {
namespace {

using Clock = std::chrono::steady_clock;

constexpr double kFirstStep = 0.1;   // the first probe asks for a period 10% below the best plan's
constexpr double kLastStep = 0.005;  // below this step, the last probe
constexpr double kProofStep = 4e-9;  // the last probe: just below the best plan (the cap row allows 1e-9)
constexpr double kProbeShare = 0.25; // a probe may take this share of the time left
constexpr double kBoundShare = 0.15; // the throughput program's own search, for a lower bound

} // namespace

Expected<std::optional<Solution>> solveThroughput(const Problem& p, const MipSpec& spec,
                                                  const SolveOptions& options) {
    const auto start = Clock::now();
    const auto left = [&] {
        return options.timeLimitSeconds - std::chrono::duration<double>(Clock::now() - start).count();
    };
    double bound = 0; // seconds: no plan has a smaller period
    std::optional<Solution> best;
    const auto within = [&](double seconds, const std::string& stage) {
        SolveOptions o = options;
        o.timeLimitSeconds = seconds;
        if (options.progress) {
            o.progress = [&, stage](double, std::string_view text) {
                const double used = 1 - std::max(0.0, left()) / options.timeLimitSeconds;
                options.progress(std::clamp(used, 0.0, 1.0), stage + std::string(text));
            };
        }
        return o;
    };

    // A lower bound: the throughput program's own relaxation and the start of its search.
    const MipRun direct =
        runMip(p, spec, left() * kBoundShare, options.stop, within(0, "throughput search, bound: ").progress);
    if (std::isfinite(direct.bound)) {
        bound = std::max(0.0, direct.bound);
    }

    MipSpec latency = spec;
    latency.objective = Objective::Latency;
    auto first = solveSpecWithGlpk(p, latency, within(left(), "throughput search, first plan: "));
    if (!first || !*first) {
        return first;
    }
    best = std::move(*first);
    double step = kFirstStep;
    bool proven = false;
    while (!(options.stop && options.stop->stopRequested()) && left() > 0) {
        const double period = best->figures.periodSeconds;
        if (period <= bound * (1 + 1e-9)) {
            proven = true;
            break;
        }
        const double target = std::max(period * (1 - step), bound);
        MipSpec probe = latency;
        probe.capObjective = Objective::Throughput;
        probe.capValue = target;
        const std::string stage = "throughput search, best " + formatValue(Objective::Throughput, period) +
                                  ", bound " + formatValue(Objective::Throughput, bound) + ": ";
        auto found =
            solveSpecWithGlpk(p, probe, within(step == kProofStep ? left() : left() * kProbeShare, stage));
        if (found && *found && (*found)->figures.periodSeconds < period) {
            best = std::move(*found);
            continue;
        }
        if (found &&
            !*found) { // no plan within the target (and the cap row's tolerance): the optimum is above
            bound = std::max(bound, target);
        }
        if (step == kProofStep) {
            proven = found && !*found;
            break;
        }
        step = step / 2 < kLastStep ? kProofStep : step / 2;
    }

    Solution s = std::move(*best);
    s.objective = s.figures.periodSeconds;
    s.optimal = proven;
    s.bound = proven ? s.objective : std::min(bound, s.objective);
    s.status =
        proven ? "optimal"
               : std::string(options.stop && options.stop->stopRequested() ? "cancelled: " : "time limit: ") +
                     gapText(s.objective, s.bound);
    s.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return std::optional<Solution>(std::move(s));
}

} // namespace tessera::optimize::detail
