// searchMemory() (memory_search.h): depth-first branch and bound over the options of one unit at a time.

#include "core/optimize/memory_search.h"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <utility>

namespace tessera::optimize::detail {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kLeast = std::numeric_limits<std::int64_t>::min();

bool noBigger(const Option& a, const Option& b) {
    for (std::size_t d = 0; d < a.weightBytes.size(); ++d) {
        if (a.weightBytes[d] > b.weightBytes[d] || a.arenaBytes[d] > b.arenaBytes[d]) {
            return false;
        }
    }
    return true;
}

// Sets of units as bit words, so that "does this option overlap the units covered so far" is a few ANDs.
using Units = std::vector<std::uint64_t>;

class Search {
public:
    Search(const Problem& p, const std::vector<std::int64_t>& offset, const std::vector<std::int64_t>& limit,
           Clock::time_point deadline, const StopToken* stop, const std::function<void(std::int64_t)>& report)
        : m_p(p)
        , m_devices(p.deviceNames.size())
        , m_words((p.units + 63) / 64)
        , m_deadline(deadline)
        , m_stop(stop)
        , m_report(report)
        , m_lastReport(Clock::now())
        , m_weights(m_devices, 0)
        , m_arena(m_devices, 0)
        , m_covered(m_words, 0) {
        for (std::size_t d = 0; d < m_devices; ++d) {
            m_base.push_back(p.overheadBytes[d] - (offset.empty() ? 0 : offset[d]));
            m_limit.push_back(limit.empty() ? kNone : limit[d]);
        }
        // The average bound compares memory(d) - offset(d) across devices: it needs one offset for all.
        m_average = offset.empty() ||
                    std::all_of(offset.begin(), offset.end(), [&](std::int64_t o) { return o == offset[0]; });
        const std::vector<bool> dominated = dominatedOptions(p);
        std::vector<std::int64_t> heaviness(p.units, kNone), share(p.units, kNone);
        for (std::size_t o = 0; o < p.options.size(); ++o) {
            if (dominated[o]) {
                continue;
            }
            const Option& option = p.options[o];
            Candidate c;
            c.option = &option;
            c.index = int(o);
            c.units.assign(m_words, 0);
            c.length = std::int64_t(option.lastUnit - option.firstUnit + 1);
            const std::int64_t weights =
                std::accumulate(option.weightBytes.begin(), option.weightBytes.end(), std::int64_t(0));
            const std::int64_t arenas =
                std::accumulate(option.arenaBytes.begin(), option.arenaBytes.end(), std::int64_t(0));
            c.share = weights / c.length; // rounded down: still a lower bound
            for (std::size_t u = option.firstUnit; u <= option.lastUnit; ++u) {
                c.units[u / 64] |= std::uint64_t(1) << (u % 64);
                heaviness[u] = std::min(heaviness[u], weights + arenas);
            }
            for (std::size_t d = 0; d < m_devices; ++d) {
                c.deviceShares.push_back(option.weightBytes[d] / c.length);
            }
            m_candidates.push_back(std::move(c));
        }
        m_order.resize(p.units);
        std::iota(m_order.begin(), m_order.end(), std::size_t(0));
        std::stable_sort(m_order.begin(), m_order.end(),
                         [&](std::size_t a, std::size_t b) { return heaviness[a] > heaviness[b]; });
        m_unitLeast.resize(p.units);
        m_unitShare.resize(p.units);
        m_unitArena.assign(p.units, std::vector<std::int64_t>(m_devices));
        m_unitWeights.assign(p.units, std::vector<std::int64_t>(m_devices));
        m_values.resize(m_candidates.size());
    }

    MemorySearch run() {
        std::int64_t root = kLeast;
        for (std::size_t d = 0; d < m_devices; ++d) {
            root = std::max(root, m_base[d]);
        }
        visit(root);
        MemorySearch result;
        result.nodes = m_nodes;
        result.proven = !m_aborted;
        if (m_best != kNone) {
            result.chosen = m_bestChoice;
            std::sort(result.chosen.begin(), result.chosen.end(), [&](int a, int b) {
                return m_p.options[std::size_t(a)].firstUnit < m_p.options[std::size_t(b)].firstUnit;
            });
            result.objective = m_best;
            result.bound = m_aborted ? std::min(m_best, m_openBound) : m_best;
        }
        return result;
    }

private:
    struct Candidate {
        const Option* option = nullptr;
        int index = -1; // in the problem
        Units units;
        std::int64_t length = 1, share = 0;     // units covered; total weight / length
        std::vector<std::int64_t> deviceShares; // weight on each device / length
    };
    struct Child {
        std::size_t candidate = 0;
        std::int64_t value = 0, added = 0;
    };

    bool available(const Candidate& c) const {
        for (std::size_t w = 0; w < m_words; ++w) {
            if (c.units[w] & m_covered[w]) {
                return false;
            }
        }
        return true;
    }

    bool isCovered(std::size_t unit) const { return (m_covered[unit / 64] >> (unit % 64)) & 1; }

    // The largest memory(d) - offset(d) with the option added, or kNone when it breaks a limit; `added`: the
    // bytes it adds over all devices.
    std::int64_t valueWith(const Option& o, std::int64_t& added) const {
        std::int64_t value = kLeast;
        added = 0;
        for (std::size_t d = 0; d < m_devices; ++d) {
            const std::int64_t arena = std::max(m_arena[d], o.arenaBytes[d]);
            const std::int64_t memory = m_weights[d] + o.weightBytes[d] + arena + m_p.overheadBytes[d];
            if (memory > m_limit[d]) {
                return kNone;
            }
            value = std::max(value, memory - m_p.overheadBytes[d] + m_base[d]);
            added += o.weightBytes[d] + arena - m_arena[d];
        }
        return value;
    }

    bool timeUp() {
        if (++m_nodes % 1024 != 1) { // the first node, then every 1024th
            return false;
        }
        const auto now = Clock::now();
        if (m_report && now - m_lastReport >= std::chrono::milliseconds(100)) {
            m_lastReport = now;
            m_report(m_best);
        }
        return now >= m_deadline || (m_stop && m_stop->stopRequested());
    }

    // A lower bound on every completion of the partial choice better than m_best, or kNone when none can be;
    // fills m_values: per candidate, its value when it can be part of such a completion, else kNone.
    std::int64_t lowerBound(std::int64_t lower) {
        // Per uncovered unit u, over the options that can cover it in a better completion (their value with
        // the option added is below m_best): the least such value; per device, the least arena and the least
        // weight per unit covered; the least total weight per unit covered.
        for (std::size_t u = 0; u < m_p.units; ++u) {
            if (!isCovered(u)) {
                m_unitLeast[u] = m_unitShare[u] = kNone;
                std::fill(m_unitArena[u].begin(), m_unitArena[u].end(), kNone);
                std::fill(m_unitWeights[u].begin(), m_unitWeights[u].end(), kNone);
            }
        }
        for (std::size_t i = 0; i < m_candidates.size(); ++i) {
            const Candidate& c = m_candidates[i];
            m_values[i] = kNone;
            if (!available(c)) {
                continue;
            }
            std::int64_t added = 0;
            const std::int64_t value = valueWith(*c.option, added);
            if (value >= m_best) {
                continue;
            }
            m_values[i] = value;
            for (std::size_t u = c.option->firstUnit; u <= c.option->lastUnit; ++u) {
                m_unitLeast[u] = std::min(m_unitLeast[u], value);
                m_unitShare[u] = std::min(m_unitShare[u], c.share);
                for (std::size_t d = 0; d < m_devices; ++d) {
                    m_unitArena[u][d] = std::min(m_unitArena[u][d], c.option->arenaBytes[d]);
                    m_unitWeights[u][d] = std::min(m_unitWeights[u][d], c.deviceShares[d]);
                }
            }
        }
        // Every device ends with at least its weights, the least weights each uncovered unit puts there and
        // an arena of at least the least arena each uncovered unit leaves there.
        std::vector<std::int64_t>& floor = m_floor;
        std::vector<std::int64_t>& rest = m_rest;
        floor = m_arena;
        rest.assign(m_devices, 0);
        std::int64_t restTotal = 0;
        for (std::size_t u = 0; u < m_p.units; ++u) {
            if (isCovered(u)) {
                continue;
            }
            if (m_unitLeast[u] == kNone) {
                return kNone; // no option of this unit fits a better plan
            }
            lower = std::max(lower, m_unitLeast[u]);
            restTotal += m_unitShare[u];
            for (std::size_t d = 0; d < m_devices; ++d) {
                floor[d] = std::max(floor[d], m_unitArena[u][d]);
                rest[d] += m_unitWeights[u][d];
            }
        }
        std::int64_t fixed = 0, restWeights = 0;
        for (std::size_t d = 0; d < m_devices; ++d) {
            lower = std::max(lower, m_weights[d] + rest[d] + floor[d] + m_base[d]);
            fixed += m_weights[d] + floor[d] + m_p.overheadBytes[d];
            restWeights += rest[d];
        }
        // the average over the devices: at least the largest memory(d) - offset(d)
        if (m_average) {
            const std::int64_t devices = std::int64_t(m_devices);
            const std::int64_t total = fixed + std::max(restTotal, restWeights);
            lower = std::max(lower, (total + devices - 1) / devices - m_p.overheadBytes[0] + m_base[0]);
        }
        return lower;
    }

    // `bound`: a lower bound on every completion of this partial choice (for the bound reported on a stop).
    void visit(std::int64_t bound) {
        if (m_aborted || timeUp()) {
            m_aborted = true;
            m_openBound = std::min(m_openBound, bound);
            return;
        }
        std::size_t branch = m_p.units;
        for (const std::size_t u : m_order) {
            if (!isCovered(u)) {
                branch = u;
                break;
            }
        }
        if (branch == m_p.units) {
            std::int64_t value = kLeast;
            for (std::size_t d = 0; d < m_devices; ++d) {
                value = std::max(value, m_weights[d] + m_arena[d] + m_base[d]);
            }
            if (value < m_best) {
                m_best = value;
                m_bestChoice = m_chosen;
                if (m_report) {
                    m_lastReport = Clock::now();
                    m_report(m_best);
                }
            }
            return;
        }
        const std::int64_t lower = lowerBound(bound);
        if (lower >= m_best) {
            return;
        }
        std::vector<Child> children;
        for (std::size_t i = 0; i < m_candidates.size(); ++i) {
            const Option& option = *m_candidates[i].option;
            if (m_values[i] != kNone && option.firstUnit <= branch && branch <= option.lastUnit) {
                Child child{i, m_values[i], 0};
                valueWith(option, child.added);
                children.push_back(child);
            }
        }
        dropDominated(children);
        // the least memory first (a good plan early prunes the most), then the fewest bytes added
        std::sort(children.begin(), children.end(), [](const Child& a, const Child& b) {
            return a.value != b.value ? a.value < b.value : a.added < b.added;
        });
        std::vector<std::int64_t> savedArena;
        for (std::size_t i = 0; i < children.size(); ++i) {
            const std::int64_t childBound = std::max(lower, children[i].value);
            if (m_aborted) {
                m_openBound = std::min(m_openBound, childBound);
                return;
            }
            if (childBound >= m_best) {
                break; // sorted: the rest are no better
            }
            const Candidate& c = m_candidates[children[i].candidate];
            savedArena = m_arena;
            for (std::size_t d = 0; d < m_devices; ++d) {
                m_weights[d] += c.option->weightBytes[d];
                m_arena[d] = std::max(m_arena[d], c.option->arenaBytes[d]);
            }
            for (std::size_t w = 0; w < m_words; ++w) {
                m_covered[w] |= c.units[w];
            }
            m_chosen.push_back(c.index);
            visit(childBound);
            m_chosen.pop_back();
            for (std::size_t w = 0; w < m_words; ++w) {
                m_covered[w] &= ~c.units[w];
            }
            for (std::size_t d = 0; d < m_devices; ++d) {
                m_weights[d] -= c.option->weightBytes[d];
            }
            m_arena = savedArena;
        }
    }

    // Of two children over the same units, one whose weights and the arena it leaves are no bigger on any
    // device than the other's: every completion of the other is at least as big on every device with it.
    void dropDominated(std::vector<Child>& children) const {
        std::vector<bool> drop(children.size(), false);
        for (std::size_t i = 0; i < children.size(); ++i) {
            const Option& a = *m_candidates[children[i].candidate].option;
            for (std::size_t j = 0; j < children.size() && !drop[i]; ++j) {
                const Option& b = *m_candidates[children[j].candidate].option;
                if (i == j || drop[j] || a.firstUnit != b.firstUnit || a.lastUnit != b.lastUnit) {
                    continue;
                }
                bool bNoBigger = true, same = true;
                for (std::size_t d = 0; d < m_devices && bNoBigger; ++d) {
                    const std::int64_t arenaA = std::max(m_arena[d], a.arenaBytes[d]);
                    const std::int64_t arenaB = std::max(m_arena[d], b.arenaBytes[d]);
                    bNoBigger = b.weightBytes[d] <= a.weightBytes[d] && arenaB <= arenaA;
                    same = same && b.weightBytes[d] == a.weightBytes[d] && arenaB == arenaA;
                }
                drop[i] = bNoBigger && (!same || j < i);
            }
        }
        std::size_t kept = 0;
        for (std::size_t i = 0; i < children.size(); ++i) {
            if (!drop[i]) {
                children[kept++] = children[i];
            }
        }
        children.resize(kept);
    }

    const Problem& m_p;
    std::size_t m_devices, m_words;
    Clock::time_point m_deadline;
    const StopToken* m_stop;
    const std::function<void(std::int64_t)>& m_report;
    Clock::time_point m_lastReport;
    std::vector<std::int64_t> m_base, m_limit; // per device: overhead - offset; limit on memory(d)
    bool m_average = false;
    std::vector<Candidate> m_candidates; // the options not dominated
    std::vector<std::size_t> m_order;    // units, heaviest first
    // the partial choice
    std::vector<std::int64_t> m_weights, m_arena;
    Units m_covered;
    std::vector<int> m_chosen;
    // scratch of lowerBound()
    std::vector<std::int64_t> m_unitLeast, m_unitShare, m_values, m_floor, m_rest;
    std::vector<std::vector<std::int64_t>> m_unitArena, m_unitWeights;
    // the search
    std::int64_t m_best = kNone;
    std::vector<int> m_bestChoice;
    std::int64_t m_nodes = 0;
    bool m_aborted = false;
    std::int64_t m_openBound = kNone;
};

} // namespace

std::vector<bool> dominatedOptions(const Problem& p) {
    std::map<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>> byRange;
    for (std::size_t o = 0; o < p.options.size(); ++o) {
        byRange[{p.options[o].firstUnit, p.options[o].lastUnit}].push_back(o);
    }
    std::vector<bool> dominated(p.options.size(), false);
    for (const auto& [range, options] : byRange) {
        for (const std::size_t a : options) {
            for (const std::size_t b : options) {
                // b no bigger than a drops a, unless they are equal and a comes first
                if (a != b && noBigger(p.options[b], p.options[a]) &&
                    (b < a || !noBigger(p.options[a], p.options[b]))) {
                    dominated[a] = true;
                    break;
                }
            }
        }
    }
    return dominated;
}

MemorySearch searchMemory(const Problem& problem, const std::vector<std::int64_t>& offset,
                          const std::vector<std::int64_t>& limit, Clock::time_point deadline,
                          const StopToken* stop, const std::function<void(std::int64_t best)>& report) {
    return Search(problem, offset, limit, deadline, stop, report).run();
}

} // namespace tessera::optimize::detail
