#include "core/optimize/problem.h"

#include <algorithm>
#include <set>

namespace tessera::optimize {

const char* toString(Objective objective) {
    switch (objective) {
    case Objective::Memory:
        return "memory";
    case Objective::Traffic:
        return "traffic";
    case Objective::Latency:
        return "latency";
    case Objective::Throughput:
        return "throughput";
    }
    return "?";
}

std::optional<Objective> parseObjective(std::string_view name) {
    for (const Objective objective : kObjectives) {
        if (name == toString(objective)) {
            return objective;
        }
    }
    return std::nullopt;
}

double Evaluation::value(Objective objective) const {
    switch (objective) {
    case Objective::Memory:
        return double(maxMemoryBytes);
    case Objective::Traffic:
        return double(trafficBytes);
    case Objective::Latency:
        return latencySeconds;
    case Objective::Throughput:
        return periodSeconds;
    }
    return 0;
}

namespace {

template <typename T> void addEntries(std::vector<T>& into, const std::vector<T>& more) {
    into.resize(std::max(into.size(), more.size()), T{});
    for (std::size_t i = 0; i < more.size(); ++i) {
        into[i] += more[i];
    }
}

} // namespace

void accumulate(LinkLoad& into, const LinkLoad& more) {
    addEntries(into.sentBytes, more.sentBytes);
    addEntries(into.receivedBytes, more.receivedBytes);
    addEntries(into.upSeconds, more.upSeconds);
    addEntries(into.downSeconds, more.downSeconds);
    into.mediumSeconds += more.mediumSeconds;
}

Evaluation evaluate(const Problem& p, const std::vector<int>& chosen) {
    Evaluation e;
    const std::size_t devices = p.deviceNames.size();
    std::vector<std::int64_t> weights(devices, 0), arena(devices, 0);
    auto& compute = e.cpuSeconds;
    compute.assign(devices, 0);
    e.links.sentBytes.assign(devices, 0);
    e.links.receivedBytes.assign(devices, 0);
    e.links.upSeconds.assign(devices, 0);
    e.links.downSeconds.assign(devices, 0);
    std::vector<int> cover(p.units, 0);
    std::set<int> in(chosen.begin(), chosen.end());
    for (int o : chosen) {
        const Option& option = p.options[std::size_t(o)];
        for (std::size_t d = 0; d < devices; ++d) {
            weights[d] += option.weightBytes[d];
            arena[d] = std::max(arena[d], option.arenaBytes[d]);
        }
        for (std::size_t u = option.firstUnit; u <= option.lastUnit; ++u) {
            ++cover[u];
        }
        e.trafficBytes += option.ownBytes;
        e.latencySeconds += option.ownSeconds;
        for (std::size_t d = 0; d < option.computeSeconds.size(); ++d) {
            compute[d] += option.computeSeconds[d];
        }
        accumulate(e.links, option.links);
    }
    for (const auto& t : p.transitions) {
        if (in.count(t.from) && in.count(t.to)) {
            e.trafficBytes += t.bytes;
            e.latencySeconds += t.seconds;
            accumulate(e.links, t.links);
        }
    }
    for (const auto& x : p.exchanges) {
        auto pick = [&](const std::vector<std::pair<int, int>>& list) {
            auto it = std::find_if(list.begin(), list.end(),
                                   [&](const auto& entry) { return in.count(entry.first); });
            return it == list.end() ? -1 : it->second;
        };
        const int layout = pick(x.producers), need = pick(x.readers);
        if (layout >= 0 && need >= 0) {
            e.trafficBytes += x.bytes[std::size_t(layout)][std::size_t(need)];
            e.latencySeconds += x.seconds[std::size_t(layout)][std::size_t(need)];
            if (!x.links.empty()) {
                accumulate(e.links, x.links[std::size_t(layout)][std::size_t(need)]);
            }
        }
    }
    // the period: each device's CPU (compute, frame, messages), its link directions and the shared medium
    e.periodSeconds = e.links.mediumSeconds;
    for (std::size_t d = 0; d < devices; ++d) {
        compute[d] += (d < p.frameSeconds.size() ? p.frameSeconds[d] : 0) +
                      (d < p.messageSecondsPerByte.size() ? p.messageSecondsPerByte[d] : 0) *
                          double(e.links.sentBytes[d] + e.links.receivedBytes[d]);
        e.periodSeconds =
            std::max({e.periodSeconds, compute[d], e.links.upSeconds[d], e.links.downSeconds[d]});
    }
    e.covers = std::all_of(cover.begin(), cover.end(), [](int c) { return c == 1; });
    e.withinBudget = true;
    for (std::size_t d = 0; d < devices; ++d) {
        const std::int64_t total = weights[d] + arena[d] + p.overheadBytes[d];
        e.memoryBytes.push_back(total);
        e.maxMemoryBytes = std::max(e.maxMemoryBytes, total);
        e.withinBudget = e.withinBudget && total <= p.budgetBytes[d];
    }
    return e;
}

} // namespace tessera::optimize
