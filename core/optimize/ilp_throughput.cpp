// solveThroughput() (ilp_model.h): the least period (problem.h) by seeds, local search and a descent of
// period caps.
//
// The throughput program minimises a maximum over devices: its LP relaxation spreads every layer over all
// devices, and GLPK's branch and bound finds plans slowly (YOLOv2-608 over 6 emulated devices: its best after
// 60 s had a period 1.3 times that of a simple layer pipeline). So:
//   1. a short run of that program, for a lower bound;
//   2. two seeds, the least-latency plan (the latency program's relaxation is nearly integral:
//      ilp_search.cpp) and a pipeline of whole layers, each improved by local search, then an iterated local
//      search from the best: a few random replacements (a kick out of the local optimum), local search again,
//      kept when better;
//   3. a descent: the least latency with every device's period held below the best plan's minus a step; a
//      plan found becomes the best, a proof that none exists raises the bound and halves the step, and a last
//      probe just below the best plan proves it optimal.
// Stopped by the time limit or the stop token, the best plan found is returned with the bound. On small
// problems the descent proves the optimum (test_ilp, against enumeration); on YOLOv2-608 over 6 devices the
// probes run out of time and the seeds' local search finds the plan (docs/optimizer.md).

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <random>

#include "core/optimize/ilp_model.h"

namespace tessera::optimize::detail {
namespace {

using Clock = std::chrono::steady_clock;

constexpr double kFirstStep = 0.1;   // the first probe asks for a period 10% below the best plan's
constexpr double kLastStep = 0.005;  // below this step, the last probe
constexpr double kProofStep = 4e-9;  // the last probe: just below the best plan (the cap row allows 1e-9)
constexpr double kProbeShare = 0.25; // a probe may take this share of the time left
constexpr double kBoundShare = 0.15; // the throughput program's own search, for a lower bound
constexpr double kLocalShare = 0.5;  // the local search from the first plans, then iterated
constexpr int kIdleKicks = 200;      // the iterated local search stops after this many rounds without a gain

bool keepsLimits(const MipSpec& spec, const Evaluation& e) {
    for (std::size_t d = 0; d < spec.memoryLimit.size(); ++d) {
        if (e.memoryBytes[d] > spec.memoryLimit[d]) {
            return false;
        }
    }
    return e.covers;
}

// A pipeline: consecutive units whole on one device after another (the gateway first: it holds the frame),
// each device taking units while its CPU per frame stays within a target; the least target for which the
// units fit on the devices, by bisection, and of the pipelines found the one with the least period. Empty
// when some unit lacks a whole-unit option on some device, or no pipeline keeps the memory limits; the
// bisection stops early at the deadline or a stop.
std::vector<int> pipeline(const Problem& p, const MipSpec& spec, Clock::time_point deadline,
                          const StopToken* stop) {
    const std::size_t devices = p.deviceNames.size();
    std::vector<std::vector<int>> whole(p.units, std::vector<int>(devices, -1));
    for (std::size_t o = 0; o < p.options.size(); ++o) {
        const Option& option = p.options[o];
        if (option.stage.kind == partition::StageKind::Device && option.stage.devices.size() == 1 &&
            option.firstUnit == option.lastUnit && option.stage.devices[0] >= 0 &&
            std::size_t(option.stage.devices[0]) < devices) {
            whole[option.firstUnit][std::size_t(option.stage.devices[0])] = int(o);
        }
    }
    for (const auto& perDevice : whole) {
        if (std::count(perDevice.begin(), perDevice.end(), -1) > 0) {
            return {};
        }
    }
    const std::size_t gateway = std::size_t(std::clamp(p.gateway, 0, int(devices) - 1));
    std::vector<std::size_t> order{gateway};
    for (std::size_t d = 0; d < devices; ++d) {
        if (d != gateway) {
            order.push_back(d);
        }
    }
    // the pipeline for a target, or empty when the units do not fit on the devices
    const auto build = [&](double target) {
        std::vector<int> chosen;
        std::size_t k = 0, segment = 0; // device of the current segment, its units so far
        for (std::size_t u = 0; u < p.units; ++u) {
            chosen.push_back(whole[u][order[k]]);
            ++segment;
            if (segment > 1 && evaluate(p, chosen).cpuSeconds[order[k]] > target) {
                if (++k == order.size()) {
                    return std::vector<int>{};
                }
                chosen.back() = whole[u][order[k]];
                segment = 1;
            }
        }
        return chosen;
    };
    std::vector<int> best;
    double bestPeriod = std::numeric_limits<double>::infinity();
    double low = 0, high = evaluate(p, build(std::numeric_limits<double>::infinity())).cpuSeconds[order[0]];
    for (int step = 0; step < 40 && high > low * (1 + 1e-3); ++step) {
        if (Clock::now() > deadline || (stop && stop->stopRequested())) {
            break;
        }
        const double target = (low + high) / 2;
        const std::vector<int> chosen = build(target);
        if (chosen.empty()) {
            low = target;
            continue;
        }
        high = target;
        const Evaluation e = evaluate(p, chosen);
        if (keepsLimits(spec, e) && e.periodSeconds < bestPeriod) {
            best = chosen;
            bestPeriod = e.periodSeconds;
        }
    }
    return best;
}

// The options over each range of units (first, last).
using OptionsByRange = std::map<std::pair<std::size_t, std::size_t>, std::vector<int>>;

// A device's busiest resource per frame: its CPU or one direction of its link.
double deviceLoad(const Evaluation& e, std::size_t d) {
    return std::max({e.cpuSeconds[d], e.links.upSeconds[d], e.links.downSeconds[d]});
}

// The period and, for ties, the sum of the devices' loads (which moves load off the other devices, so that a
// later move can lower the period); `better` orders them.
std::pair<double, double> score(const Evaluation& e) {
    double load = 0;
    for (std::size_t d = 0; d < e.cpuSeconds.size(); ++d) {
        load += deviceLoad(e, d);
    }
    return {e.periodSeconds, load};
}

bool better(std::pair<double, double> a, std::pair<double, double> b) {
    return a.first < b.first * (1 - 1e-12) || (a.first <= b.first && a.second < b.second * (1 - 1e-9));
}

// `chosen` with its options i .. i + run - 1 (in unit order) replaced by option o.
std::vector<int> replaced(const std::vector<int>& chosen, std::size_t i, std::size_t run, int o) {
    std::vector<int> out(chosen.begin(), chosen.begin() + std::ptrdiff_t(i));
    out.push_back(o);
    out.insert(out.end(), chosen.begin() + std::ptrdiff_t(i + run), chosen.end());
    return out;
}

void sortByUnit(const Problem& p, std::vector<int>& chosen) {
    std::sort(chosen.begin(), chosen.end(), [&](int a, int b) {
        return p.options[std::size_t(a)].firstUnit < p.options[std::size_t(b)].firstUnit;
    });
}

std::pair<std::size_t, std::size_t> unitsOf(const Problem& p, const std::vector<int>& chosen, std::size_t i,
                                            std::size_t run) {
    return {p.options[std::size_t(chosen[i])].firstUnit,
            p.options[std::size_t(chosen[i + run - 1])].lastUnit};
}

// Local search from a choice: replace a run of 1..kMergeRun consecutive chosen options by one option covering
// the same units (another device, a channel split, a tile block over the run), taking the first move that
// is better (`better`), until none is, the deadline or a stop.
std::vector<int> improve(const Problem& p, const MipSpec& spec, const OptionsByRange& byRange,
                         std::vector<int> chosen, Clock::time_point deadline, const StopToken* stop) {
    constexpr std::size_t kMergeRun = 4;
    sortByUnit(p, chosen);
    auto current = score(evaluate(p, chosen));
    for (bool moved = true; moved;) {
        moved = false;
        for (std::size_t i = 0; i < chosen.size() && !moved; ++i) {
            for (std::size_t run = 1; run <= kMergeRun && i + run <= chosen.size() && !moved; ++run) {
                if (Clock::now() > deadline || (stop && stop->stopRequested())) {
                    return chosen;
                }
                const auto it = byRange.find(unitsOf(p, chosen, i, run));
                if (it == byRange.end()) {
                    continue;
                }
                for (const int o : it->second) {
                    std::vector<int> candidate = replaced(chosen, i, run, o);
                    const Evaluation e = evaluate(p, candidate);
                    if (keepsLimits(spec, e) && better(score(e), current)) {
                        chosen = std::move(candidate);
                        current = score(e);
                        moved = true;
                        break;
                    }
                }
            }
        }
    }
    return chosen;
}

// The device whose load sets the period.
std::size_t busiestDevice(const Evaluation& e) {
    std::size_t busiest = 0;
    for (std::size_t d = 1; d < e.cpuSeconds.size(); ++d) {
        if (deviceLoad(e, d) > deviceLoad(e, busiest)) {
            busiest = d;
        }
    }
    return busiest;
}

// Iterated local search from a local optimum: 1..3 kicks, each replacing 1..3 consecutive options by a random
// option over the same units (the first kick at an option that runs on the busiest device), then local
// search, kept when better; until kIdleKicks rounds in a row gain nothing, the deadline or a stop. The random
// sequence is fixed, so a run repeats itself up to where time cuts it.
std::vector<int> iterate(const Problem& p, const MipSpec& spec, const OptionsByRange& byRange,
                         std::vector<int> best, Clock::time_point deadline, const StopToken* stop) {
    std::mt19937 random(1);
    const auto below = [&](std::size_t n) { return std::size_t(random() % n); };
    sortByUnit(p, best);
    Evaluation bestFigures = evaluate(p, best);
    for (int idle = 0; idle < kIdleKicks && Clock::now() < deadline && !(stop && stop->stopRequested());) {
        std::vector<std::size_t> onBusiest;
        const int busiest = int(busiestDevice(bestFigures));
        for (std::size_t i = 0; i < best.size(); ++i) {
            const auto& devices = p.options[std::size_t(best[i])].stage.devices;
            if (std::find(devices.begin(), devices.end(), busiest) != devices.end()) {
                onBusiest.push_back(i);
            }
        }
        std::vector<int> chosen = best;
        for (std::size_t kick = 0, kicks = 1 + below(3); kick < kicks; ++kick) {
            const std::size_t i =
                kick == 0 && !onBusiest.empty() ? onBusiest[below(onBusiest.size())] : below(chosen.size());
            const std::size_t run = 1 + below(std::min<std::size_t>(3, chosen.size() - i));
            const auto it = byRange.find(unitsOf(p, chosen, i, run));
            if (it != byRange.end()) {
                chosen = replaced(chosen, i, run, it->second[below(it->second.size())]);
            }
        }
        chosen = improve(p, spec, byRange, std::move(chosen), deadline, stop);
        Evaluation e = evaluate(p, chosen);
        if (keepsLimits(spec, e) && better(score(e), score(bestFigures))) {
            best = std::move(chosen);
            bestFigures = std::move(e);
            idle = 0;
        } else {
            ++idle;
        }
    }
    return best;
}

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
    // the least-latency plan and a pipeline of whole layers, each improved by local search; the better of
    // them, iterated
    const auto deadline =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(
                           std::chrono::duration<double>(std::max(0.0, left()) * kLocalShare));
    OptionsByRange byRange;
    for (std::size_t o = 0; o < p.options.size(); ++o) {
        byRange[{p.options[o].firstUnit, p.options[o].lastUnit}].push_back(int(o));
    }
    const auto keepBetter = [&](std::vector<int> chosen) {
        Evaluation figures = evaluate(p, chosen);
        if (keepsLimits(spec, figures) && figures.periodSeconds < best->figures.periodSeconds) {
            best->chosen = std::move(chosen);
            best->figures = std::move(figures);
        }
    };
    for (std::vector<int> seed : {best->chosen, pipeline(p, spec, deadline, options.stop)}) {
        if (!seed.empty()) {
            keepBetter(improve(p, spec, byRange, std::move(seed), deadline, options.stop));
        }
    }
    keepBetter(iterate(p, spec, byRange, best->chosen, deadline, options.stop));
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
        // no plan within the target (and the cap row's tolerance): the optimum is above it
        if (found && !*found) {
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
