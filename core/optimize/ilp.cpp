#include "core/optimize/ilp.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>

#include "core/cost/units.h"
#include "core/optimize/ilp_model.h"

namespace tessera::optimize {
namespace detail {
namespace {

using Clock = std::chrono::steady_clock;

// A choice GLPK accepted within its tolerances may break a limit by a few bytes; so many are cut off before
// giving up (in practice it happens rarely, and once).
constexpr int kMaxRepeats = 16;

Error invalid(std::string message) {
    return Error{ErrorCode::InvalidArgument, std::move(message)};
}

std::string unitName(const Problem& p, std::size_t unit) {
    return unit < p.unitNames.size() ? "'" + p.unitNames[unit] + "'" : "unit " + std::to_string(unit);
}

std::string optionName(const Problem& p, std::size_t option) {
    const std::string& label = p.options[option].label;
    return label.empty() ? "option " + std::to_string(option) : "'" + label + "'";
}

// Cap on the traffic or latency within which evaluate()'s figure counts as meeting it (traffic is whole
// bytes; latency sums doubles in another order than the LP).
bool exceedsCap(Objective objective, double value, double cap) {
    return objective == Objective::Traffic ? value > cap + 0.5 : value > cap + std::fabs(cap) * 1e-9 + 1e-15;
}

bool breaksSpec(const MipSpec& spec, const Evaluation& e) {
    for (std::size_t d = 0; d < spec.memoryLimit.size(); ++d) {
        if (e.memoryBytes[d] > spec.memoryLimit[d]) {
            return true;
        }
    }
    return spec.capObjective && exceedsCap(*spec.capObjective, e.value(*spec.capObjective), spec.capValue);
}

// "weights of 'lop conv_9' 410 MiB, arena of 'tiles 2x2 conv_0..conv_4' 200 MiB, runtime overhead 50 MiB":
// the three biggest parts of the device's memory in the choice.
std::string contributors(const Problem& p, const std::vector<int>& chosen, std::size_t d) {
    std::vector<std::pair<std::int64_t, std::string>> parts;
    int arenaOption = -1;
    for (const int o : chosen) {
        const Option& option = p.options[std::size_t(o)];
        if (option.weightBytes[d] > 0) {
            parts.emplace_back(option.weightBytes[d], "weights of " + optionName(p, std::size_t(o)));
        }
        if (option.arenaBytes[d] > 0 &&
            (arenaOption < 0 || option.arenaBytes[d] > p.options[std::size_t(arenaOption)].arenaBytes[d])) {
            arenaOption = o;
        }
    }
    if (arenaOption >= 0) {
        parts.emplace_back(p.options[std::size_t(arenaOption)].arenaBytes[d],
                           "arena of " + optionName(p, std::size_t(arenaOption)));
    }
    if (p.overheadBytes[d] > 0) {
        parts.emplace_back(p.overheadBytes[d], "runtime overhead");
    }
    std::stable_sort(parts.begin(), parts.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::string text;
    const std::size_t shown = std::min<std::size_t>(parts.size(), 3);
    for (std::size_t i = 0; i < shown; ++i) {
        text += (i ? ", " : "") + parts[i].second + " " + cost::formatBytes(parts[i].first);
    }
    if (parts.size() > shown) {
        const std::size_t more = parts.size() - shown;
        text += " and " + std::to_string(more) + (more == 1 ? " smaller part" : " smaller parts");
    }
    return text;
}

// A cost term's link load: each vector empty or one entry per device, nothing negative or non-finite.
bool linksValid(const Problem& p, const LinkLoad& links) {
    const auto valid = [&](const auto& values) {
        return values.empty() || (values.size() == p.deviceNames.size() &&
                                  std::all_of(values.begin(), values.end(),
                                              [](auto v) { return v >= 0 && std::isfinite(double(v)); }));
    };
    return valid(links.sentBytes) && valid(links.receivedBytes) && valid(links.upSeconds) &&
           valid(links.downSeconds) && links.mediumSeconds >= 0 && std::isfinite(links.mediumSeconds);
}

// The integer program prices an exchange as (sum of x over producers in layout l) * (sum over readers with
// need n), which is evaluate()'s figure only if a choice holds at most one producer and one reader: so the
// producers must share a unit, the readers too, and no option may be listed twice on one side.
Status checkExchange(const Problem& p, const Exchange& x) {
    const std::size_t layouts = x.bytes.size(), needs = layouts ? x.bytes[0].size() : 0;
    bool shaped = x.seconds.size() == layouts;
    for (std::size_t l = 0; l < layouts && shaped; ++l) {
        shaped =
            x.bytes[l].size() == needs && x.seconds[l].size() == needs &&
            std::all_of(x.seconds[l].begin(), x.seconds[l].end(), [](double s) { return std::isfinite(s); });
    }
    shaped = shaped && (x.links.empty() || x.links.size() == layouts);
    for (std::size_t l = 0; l < x.links.size() && shaped; ++l) {
        shaped = x.links[l].size() == needs && std::all_of(x.links[l].begin(), x.links[l].end(),
                                                           [&](const auto& b) { return linksValid(p, b); });
    }
    if (!shaped) {
        return invalid("its bytes, seconds and link loads must be finite tables of the same shape");
    }
    for (const auto* side : {&x.producers, &x.readers}) {
        const std::size_t limit = side == &x.producers ? layouts : needs;
        std::size_t first = 0, last = p.units;
        std::set<int> seen;
        for (const auto& [option, index] : *side) {
            if (option < 0 || std::size_t(option) >= p.options.size() || index < 0 ||
                std::size_t(index) >= limit) {
                return invalid("an option or a layout or need index is out of range");
            }
            if (!seen.insert(option).second) {
                return invalid(optionName(p, std::size_t(option)) + " is listed twice on one side");
            }
            first = std::max(first, p.options[std::size_t(option)].firstUnit);
            last = std::min(last, p.options[std::size_t(option)].lastUnit);
        }
        if (!side->empty() && first > last) {
            return invalid(std::string(side == &x.producers ? "producers" : "readers") +
                           " cover no common unit, so one choice could hold two of them");
        }
    }
    return {};
}

} // namespace

std::string gapText(double objective, double bound) {
    if (!(bound > -std::numeric_limits<double>::infinity())) {
        return "gap unknown";
    }
    const double gap =
        objective == 0 ? (bound >= 0 ? 0.0 : 100.0) : (objective - bound) / std::fabs(objective);
    char text[48];
    std::snprintf(text, sizeof text, "gap %.1f%%", std::max(0.0, gap) * 100);
    return text;
}

Status checkProblem(const Problem& p) {
    const std::size_t devices = p.deviceNames.size();
    if (p.budgetBytes.size() != devices || p.overheadBytes.size() != devices) {
        return invalid("the problem has " + std::to_string(devices) + " devices but " +
                       std::to_string(p.budgetBytes.size()) + " budgets and " +
                       std::to_string(p.overheadBytes.size()) + " overheads");
    }
    for (const auto* perDevice : {&p.messageSecondsPerByte, &p.frameSeconds}) {
        if ((!perDevice->empty() && perDevice->size() != devices) ||
            std::any_of(perDevice->begin(), perDevice->end(),
                        [](double s) { return !(s >= 0) || !std::isfinite(s); })) {
            return invalid(
                "the problem's message and frame times must be one per device, finite, not negative");
        }
    }
    if (p.units == 0 || p.options.empty()) {
        return invalid("the problem has no units or no options");
    }
    if (!p.unitNames.empty() && p.unitNames.size() != p.units) {
        return invalid("the problem has " + std::to_string(p.units) + " units but " +
                       std::to_string(p.unitNames.size()) + " unit names");
    }
    for (std::size_t d = 0; d < devices; ++d) {
        if (p.overheadBytes[d] < 0) {
            return invalid("device '" + p.deviceNames[d] + "' has a negative overhead");
        }
    }
    std::vector<bool> covered(p.units, false);
    for (std::size_t o = 0; o < p.options.size(); ++o) {
        const Option& option = p.options[o];
        if (option.firstUnit > option.lastUnit || option.lastUnit >= p.units) {
            return invalid(optionName(p, o) + " covers units " + std::to_string(option.firstUnit) + ".." +
                           std::to_string(option.lastUnit) + " of " + std::to_string(p.units));
        }
        if (option.weightBytes.size() != devices || option.arenaBytes.size() != devices) {
            return invalid(optionName(p, o) + " needs weight and arena sizes for each of the " +
                           std::to_string(devices) + " devices");
        }
        for (std::size_t d = 0; d < devices; ++d) {
            if (option.weightBytes[d] < 0 || option.arenaBytes[d] < 0) {
                return invalid(optionName(p, o) + " has a negative size on device '" + p.deviceNames[d] +
                               "'");
            }
        }
        if (!std::isfinite(option.ownSeconds) ||
            (!option.computeSeconds.empty() &&
             (option.computeSeconds.size() != devices ||
              std::any_of(option.computeSeconds.begin(), option.computeSeconds.end(),
                          [](double s) { return !std::isfinite(s) || s < 0; })))) {
            return invalid(optionName(p, o) + " has a non-finite time or compute times not one per device");
        }
        if (!linksValid(p, option.links)) {
            return invalid(optionName(p, o) + " has a link load not one per device, negative or non-finite");
        }
        std::fill(covered.begin() + std::ptrdiff_t(option.firstUnit),
                  covered.begin() + std::ptrdiff_t(option.lastUnit) + 1, true);
    }
    for (const Transition& t : p.transitions) {
        const auto valid = [&](int o) { return o >= 0 && std::size_t(o) < p.options.size(); };
        if (!valid(t.from) || !valid(t.to) || !std::isfinite(t.seconds) || !linksValid(p, t.links)) {
            return invalid("transition " + std::to_string(t.from) + " -> " + std::to_string(t.to) +
                           " names an option out of range, has a non-finite time or an invalid link load");
        }
    }
    for (std::size_t i = 0; i < p.exchanges.size(); ++i) {
        if (Status valid = checkExchange(p, p.exchanges[i]); !valid) {
            return invalid("exchange " + std::to_string(i) + ": " + valid.error().message);
        }
    }
    for (std::size_t u = 0; u < p.units; ++u) {
        if (!covered[u]) {
            return invalid("no plan exists: no option covers unit " + unitName(p, u));
        }
    }
    // Options are runs of units, so a choice is a partition of 0..units-1 into runs: the boundaries a choice
    // can reach from unit 0 are those of a path, and the end must be one of them.
    std::vector<bool> reached(p.units + 1, false);
    reached[0] = true;
    std::vector<std::vector<std::size_t>> endsFrom(p.units);
    for (const Option& option : p.options) {
        endsFrom[option.firstUnit].push_back(option.lastUnit + 1);
    }
    std::size_t furthest = 0;
    for (std::size_t u = 0; u < p.units; ++u) {
        if (reached[u]) {
            furthest = u;
            for (const std::size_t end : endsFrom[u]) {
                reached[end] = true;
            }
        }
    }
    if (!reached[p.units]) {
        return invalid(
            "no plan exists: no set of options covers every unit exactly once (a choice that covers the "
            "units before " +
            unitName(p, furthest) + " finds no option starting there)");
    }
    return {};
}

std::vector<std::int64_t> memoryLimits(const Problem& p, std::int64_t memoryCapBytes) {
    std::vector<std::int64_t> limits;
    for (const std::int64_t budget : p.budgetBytes) {
        limits.push_back(std::min(budget, memoryCapBytes));
    }
    return limits;
}

Expected<std::optional<Solution>> solveSpecWithGlpk(const Problem& p, MipSpec spec,
                                                    const SolveOptions& options) {
    const auto start = Clock::now();
    const auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
    for (int repeat = 0;; ++repeat) {
        const MipRun run =
            runMip(p, spec, options.timeLimitSeconds - elapsed(), options.stop, options.progress);
        if (run.end == MipRun::End::Infeasible) {
            return std::optional<Solution>{};
        }
        if (run.end == MipRun::End::Failed) {
            return invalid(run.detail);
        }
        if (run.chosen.empty()) {
            return Error{ErrorCode::Cancelled, run.end == MipRun::End::Stopped
                                                   ? std::string("cancelled before any plan was found")
                                                   : "the time limit (" +
                                                         cost::formatSeconds(options.timeLimitSeconds) +
                                                         ") ran out before any plan was found"};
        }
        Evaluation figures = evaluate(p, run.chosen);
        if (!figures.covers) {
            return invalid(
                "internal error: the integer program's choice does not cover every unit exactly once");
        }
        if (breaksSpec(spec, figures)) {
            if (run.end != MipRun::End::Optimal || repeat == kMaxRepeats) {
                return Error{ErrorCode::Cancelled,
                             "the search stopped before it found a plan within the limits"};
            }
            spec.excluded.push_back(run.chosen);
            continue;
        }
        Solution s;
        s.chosen = run.chosen;
        std::stable_sort(s.chosen.begin(), s.chosen.end(), [&](int a, int b) {
            return p.options[std::size_t(a)].firstUnit < p.options[std::size_t(b)].firstUnit;
        });
        s.objective = figures.value(spec.objective);
        s.figures = std::move(figures);
        s.optimal = run.end == MipRun::End::Optimal;
        s.bound = s.optimal ? s.objective : std::min(run.bound, s.objective);
        s.status = s.optimal ? "optimal"
                             : std::string(run.end == MipRun::End::Stopped ? "cancelled: " : "time limit: ") +
                                   gapText(s.objective, s.bound);
        s.seconds = elapsed();
        return std::optional<Solution>(std::move(s));
    }
}

Error explainInfeasible(const Problem& p, const SolveOptions& options) {
    const std::vector<std::int64_t> limits = memoryLimits(p, options.memoryCapBytes);
    bool capped = false;
    for (std::size_t d = 0; d < limits.size(); ++d) {
        capped = capped || limits[d] < p.budgetBytes[d];
    }
    const std::string header = capped ? "no plan fits the memory budgets and the memory cap of " +
                                            cost::formatBytes(options.memoryCapBytes)
                                      : "no plan fits the memory budgets";
    // The choice whose worst device is least over its limit: the closest any plan comes to fitting.
    MipSpec spec;
    spec.objective = Objective::Memory;
    spec.memoryOffset = limits;
    const auto closest = solveSpec(p, spec, options);
    if (!closest || !*closest) {
        return invalid(header + " (" + (closest ? "no plan covers every unit" : closest.error().message) +
                       " while looking for the closest plan)");
    }
    const Solution& s = **closest;
    std::string text = header + ": " +
                       (s.optimal ? "even the plan closest to fitting" : "the closest plan found") +
                       " needs ";
    // Devices that need the same for the same reasons share one line (a cluster of identical boards).
    struct Line {
        std::string need, why;
        std::vector<std::string> devices;
    };
    std::vector<Line> lines;
    for (std::size_t d = 0; d < limits.size(); ++d) {
        if (s.figures.memoryBytes[d] <= limits[d]) {
            continue;
        }
        const std::string need = cost::formatBytes(s.figures.memoryBytes[d]);
        const std::string why =
            " (" + (limits[d] < p.budgetBytes[d] ? "memory cap " + cost::formatBytes(limits[d]) + ", " : "") +
            "budget " + cost::formatBytes(p.budgetBytes[d]) + "): " + contributors(p, s.chosen, d);
        auto line = std::find_if(lines.begin(), lines.end(),
                                 [&](const Line& l) { return l.need == need && l.why == why; });
        if (line == lines.end()) {
            line = lines.insert(lines.end(), Line{need, why, {}});
        }
        line->devices.push_back("'" + p.deviceNames[d] + "'");
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        text += (i ? "; " : "") + line.need + " on " + (line.devices.size() > 1 ? "each of " : "");
        for (std::size_t k = 0; k < line.devices.size(); ++k) {
            text += (k == 0 ? "" : k + 1 == line.devices.size() ? " and " : ", ") + line.devices[k];
        }
        text += line.why;
    }
    return invalid(text);
}

} // namespace detail

Expected<Solution> solveIlp(const Problem& problem, Objective objective, const SolveOptions& options) {
    if (Status valid = detail::checkProblem(problem); !valid) {
        return valid.error();
    }
    if (options.stop && options.stop->stopRequested()) {
        return Error{ErrorCode::Cancelled, "cancelled before the search started"};
    }
    const auto start = std::chrono::steady_clock::now();
    detail::MipSpec spec;
    spec.objective = objective;
    spec.memoryLimit = detail::memoryLimits(problem, options.memoryCapBytes);
    auto solved = detail::solveSpec(problem, spec, options);
    if (!solved) {
        return solved.error();
    }
    if (!*solved) {
        SolveOptions rest = options;
        rest.timeLimitSeconds -=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return detail::explainInfeasible(problem, rest);
    }
    return std::move(**solved);
}

} // namespace tessera::optimize
