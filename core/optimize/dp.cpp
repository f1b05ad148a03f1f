#include "core/optimize/dp.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <limits>
#include <map>

namespace tessera::optimize {
namespace {

double seconds(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// For every option, the exchanges it produces (exchange -> layout) and reads (exchange -> need).
struct Roles {
    std::vector<std::map<std::size_t, int>> produces, reads;
    explicit Roles(const Problem& p)
        : produces(p.options.size())
        , reads(p.options.size()) {
        for (std::size_t x = 0; x < p.exchanges.size(); ++x) {
            for (const auto& [o, layout] : p.exchanges[x].producers) {
                produces[std::size_t(o)][x] = layout;
            }
            for (const auto& [o, need] : p.exchanges[x].readers) {
                reads[std::size_t(o)][x] = need;
            }
        }
    }
    // bytes and seconds of what `to` reads from `from`
    std::pair<std::int64_t, double> between(const Problem& p, int from, int to) const {
        std::int64_t bytes = 0;
        double s = 0;
        for (const auto& [x, need] : reads[std::size_t(to)]) {
            auto it = produces[std::size_t(from)].find(x);
            if (it != produces[std::size_t(from)].end()) {
                bytes += p.exchanges[x].bytes[std::size_t(it->second)][std::size_t(need)];
                s += p.exchanges[x].seconds[std::size_t(it->second)][std::size_t(need)];
            }
        }
        for (const auto& t : p.transitions) {
            if (t.from == from && t.to == to) {
                bytes += t.bytes;
                s += t.seconds;
            }
        }
        return {bytes, s};
    }
};

struct Label {
    double cost = 0;
    std::vector<std::int64_t> weights, arena;
    int previousOption = -1, previousLabel = -1;
    bool dominates(const Label& o) const {
        if (cost > o.cost) {
            return false;
        }
        for (std::size_t d = 0; d < weights.size(); ++d) {
            if (weights[d] > o.weights[d] || arena[d] > o.arena[d]) {
                return false;
            }
        }
        return true;
    }
};

std::int64_t worstMemory(const Problem& p, const Label& l) {
    std::int64_t worst = 0;
    for (std::size_t d = 0; d < l.weights.size(); ++d) {
        worst = std::max(worst, l.weights[d] + l.arena[d] + p.overheadBytes[d]);
    }
    return worst;
}

bool withinBudget(const Problem& p, const Label& l) {
    for (std::size_t d = 0; d < l.weights.size(); ++d) {
        if (l.weights[d] + l.arena[d] + p.overheadBytes[d] > p.budgetBytes[d]) {
            return false;
        }
    }
    return true;
}

// False when no choice at all could exceed a budget: per device, the heaviest option starting at each unit
// summed, plus the largest arena of any option, plus the overhead, fits.
bool budgetsMayBind(const Problem& p) {
    for (std::size_t d = 0; d < p.deviceNames.size(); ++d) {
        std::vector<std::int64_t> heaviest(p.units, 0);
        std::int64_t arena = 0;
        for (const auto& o : p.options) {
            heaviest[o.firstUnit] = std::max(heaviest[o.firstUnit], o.weightBytes[d]);
            arena = std::max(arena, o.arenaBytes[d]);
        }
        std::int64_t most = arena + p.overheadBytes[d];
        for (auto w : heaviest) {
            most += w;
        }
        if (most > p.budgetBytes[d]) {
            return true;
        }
    }
    return false;
}

} // namespace

bool isChain(const Problem& p) {
    for (const auto& x : p.exchanges) {
        for (const auto& [producer, layout] : x.producers) {
            for (const auto& [reader, need] : x.readers) {
                const Option& a = p.options[std::size_t(producer)];
                const Option& b = p.options[std::size_t(reader)];
                // a producer that ends before the reader's first unit must end right before it
                if (a.lastUnit < b.firstUnit && a.lastUnit + 1 != b.firstUnit) {
                    return false;
                }
            }
        }
    }
    for (const auto& t : p.transitions) {
        if (p.options[std::size_t(t.from)].lastUnit + 1 != p.options[std::size_t(t.to)].firstUnit) {
            return false;
        }
    }
    return true;
}

Expected<Solution> solveDp(const Problem& p, Objective objective, std::size_t maxLabels,
                           const StopToken* stop) {
    const auto start = std::chrono::steady_clock::now();
    if (objective == Objective::Throughput) {
        return Error{ErrorCode::InvalidArgument,
                     "the dynamic program adds costs along the chain, and the period is a maximum over the "
                     "devices: use the integer program for throughput"};
    }
    if (!isChain(p)) {
        return Error{ErrorCode::InvalidArgument,
                     "the dynamic program needs a chain: some stage reads a value from "
                     "further back than the stage before it (use the integer program)"};
    }
    const Roles roles(p);
    const std::size_t devices = p.deviceNames.size();
    // only the cost matters for traffic/latency without budgets; otherwise memory vectors too
    const bool vectors = objective == Objective::Memory || budgetsMayBind(p);
    std::vector<std::vector<int>> endingAt(p.units);
    for (std::size_t o = 0; o < p.options.size(); ++o) {
        endingAt[p.options[o].lastUnit].push_back(int(o));
    }
    std::vector<std::size_t> order(p.options.size());
    for (std::size_t o = 0; o < order.size(); ++o) {
        order[o] = o;
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return p.options[a].firstUnit < p.options[b].firstUnit;
    });
    std::vector<std::vector<Label>> labels(p.options.size());
    bool capped = false;
    auto insert = [&](std::vector<Label>& list, Label l) {
        if (vectors && !withinBudget(p, l)) {
            return;
        }
        if (!vectors) { // one label: the cheapest
            if (list.empty() || l.cost < list.front().cost) {
                list.assign(1, std::move(l));
            }
            return;
        }
        for (const auto& other : list) {
            if (other.dominates(l)) {
                return;
            }
        }
        list.erase(
            std::remove_if(list.begin(), list.end(), [&](const Label& other) { return l.dominates(other); }),
            list.end());
        list.push_back(std::move(l));
        if (list.size() > maxLabels) { // keep the labels best for the objective
            capped = true;
            std::sort(list.begin(), list.end(), [&](const Label& a, const Label& b) {
                return objective == Objective::Memory ? worstMemory(p, a) < worstMemory(p, b)
                                                      : a.cost < b.cost;
            });
            list.resize(maxLabels);
        }
    };
    auto ownCost = [&](const Option& o) {
        return objective == Objective::Traffic   ? double(o.ownBytes)
               : objective == Objective::Latency ? o.ownSeconds
                                                 : 0.0;
    };
    for (std::size_t index : order) {
        if (stop && stop->stopRequested()) {
            return Error{ErrorCode::Cancelled, "optimization cancelled"};
        }
        const Option& o = p.options[index];
        auto extend = [&](const Label* previous, int previousOption, int previousLabel, double between) {
            Label l;
            l.cost = (previous ? previous->cost : 0) + ownCost(o) + between;
            l.weights = previous ? previous->weights : std::vector<std::int64_t>(devices, 0);
            l.arena = previous ? previous->arena : std::vector<std::int64_t>(devices, 0);
            for (std::size_t d = 0; d < devices; ++d) {
                l.weights[d] += o.weightBytes[d];
                l.arena[d] = std::max(l.arena[d], o.arenaBytes[d]);
            }
            l.previousOption = previousOption;
            l.previousLabel = previousLabel;
            insert(labels[index], std::move(l));
        };
        if (o.firstUnit == 0) {
            extend(nullptr, -1, -1, 0);
            continue;
        }
        for (int q : endingAt[o.firstUnit - 1]) {
            const auto [bytes, s] = roles.between(p, q, int(index));
            const double between = objective == Objective::Traffic   ? double(bytes)
                                   : objective == Objective::Latency ? s
                                                                     : 0.0;
            for (std::size_t k = 0; k < labels[std::size_t(q)].size(); ++k) {
                extend(&labels[std::size_t(q)][k], q, int(k), between);
            }
        }
    }
    // the best complete label
    int bestOption = -1, bestLabel = -1;
    double best = 0;
    for (int o : endingAt.empty() ? std::vector<int>{} : endingAt.back()) {
        for (std::size_t k = 0; k < labels[std::size_t(o)].size(); ++k) {
            const Label& l = labels[std::size_t(o)][k];
            const double value = objective == Objective::Memory ? double(worstMemory(p, l)) : l.cost;
            if (bestOption < 0 || value < best) {
                best = value;
                bestOption = o;
                bestLabel = int(k);
            }
        }
    }
    if (bestOption < 0) {
        return Error{ErrorCode::InvalidArgument, "no choice of stages fits the memory budgets"};
    }
    Solution solution;
    for (int o = bestOption, k = bestLabel; o >= 0;) {
        solution.chosen.push_back(o);
        const Label& l = labels[std::size_t(o)][std::size_t(k)];
        o = l.previousOption;
        k = l.previousLabel;
    }
    std::reverse(solution.chosen.begin(), solution.chosen.end());
    solution.figures = evaluate(p, solution.chosen);
    solution.objective = solution.bound = solution.figures.value(objective);
    solution.optimal = !capped;
    solution.status = capped ? "label cap reached: best found, not proven" : "optimal";
    solution.seconds = seconds(start);
    return solution;
}

Expected<Solution> solveBruteForce(const Problem& p, Objective objective, std::int64_t maxChoices) {
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::vector<int>> startingAt(p.units);
    for (std::size_t o = 0; o < p.options.size(); ++o) {
        startingAt[p.options[o].firstUnit].push_back(int(o));
    }
    // count the coverings first
    std::vector<double> count(p.units + 1, 0);
    count[p.units] = 1;
    for (std::size_t u = p.units; u-- > 0;) {
        for (int o : startingAt[u]) {
            count[u] += count[p.options[std::size_t(o)].lastUnit + 1];
        }
    }
    if (count[0] > double(maxChoices)) {
        return Error{ErrorCode::InvalidArgument,
                     "too many choices to enumerate (" + std::to_string(std::int64_t(count[0])) + ")"};
    }
    Solution best;
    bool found = false;
    std::vector<int> chosen;
    std::function<void(std::size_t)> walk = [&](std::size_t unit) {
        if (unit == p.units) {
            const Evaluation e = evaluate(p, chosen);
            if (e.covers && e.withinBudget && (!found || e.value(objective) < best.objective)) {
                best.chosen = chosen;
                best.figures = e;
                best.objective = e.value(objective);
                found = true;
            }
            return;
        }
        for (int o : startingAt[unit]) {
            chosen.push_back(o);
            walk(p.options[std::size_t(o)].lastUnit + 1);
            chosen.pop_back();
        }
    };
    walk(0);
    if (!found) {
        return Error{ErrorCode::InvalidArgument, "no choice of stages fits the memory budgets"};
    }
    best.bound = best.objective;
    best.optimal = true;
    best.status = "optimal";
    best.seconds = seconds(start);
    return best;
}

} // namespace tessera::optimize
