// The exact memory search (memory_search.h) and its dominance pruning against enumeration of every cover on
// random problems (fixed seeds): with identical devices (whole-layer options that are permutations of one
// another, equal channel splits), with deliberately dominated and duplicated options, with offsets and
// limits; and a stop that returns the best plan so far with a bound.

#include <QtTest>

#include <chrono>
#include <functional>
#include <optional>
#include <random>

#include "core/optimize/memory_search.h"

using namespace tessera;
using namespace tessera::optimize;

namespace {

constexpr std::int64_t kKiB = 1024;
constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::max();

std::int64_t uniform(std::mt19937& rng, std::int64_t low, std::int64_t high) {
    return std::uniform_int_distribution<std::int64_t>(low, high)(rng);
}

// 2..maxUnits units in a chain, 2..4 devices; per unit a whole-layer option on each device, a split over all
// devices (nearly equal shares, as channel cuts that do not divide evenly), sometimes a second split; runs
// of 2..4 units as tile blocks (weights on every device, small arenas); and copies of some options made no
// smaller on every device (some exactly equal), which dominatedOptions() must drop without changing the
// optimum.
Problem randomProblem(unsigned seed, std::size_t maxUnits) {
    std::mt19937 rng(seed);
    Problem p;
    p.units = std::size_t(uniform(rng, 2, std::int64_t(maxUnits)));
    const std::size_t devices = std::size_t(uniform(rng, 2, 4));
    const std::int64_t overhead = uniform(rng, 0, 64) * kKiB;
    for (std::size_t d = 0; d < devices; ++d) {
        p.deviceNames.push_back("dev" + std::to_string(d));
        p.overheadBytes.push_back(overhead);
        p.budgetBytes.push_back(kNone);
    }
    const auto add = [&](std::size_t first, std::size_t last, std::vector<std::int64_t> weights,
                         std::vector<std::int64_t> arenas) {
        Option o;
        o.firstUnit = first;
        o.lastUnit = last;
        o.weightBytes = std::move(weights);
        o.arenaBytes = std::move(arenas);
        o.label = "o" + std::to_string(p.options.size());
        p.options.push_back(std::move(o));
    };
    for (std::size_t u = 0; u < p.units; ++u) {
        const std::int64_t weight = uniform(rng, 0, 4096) * kKiB, arena = uniform(rng, 1, 2048) * kKiB;
        for (std::size_t d = 0; d < devices; ++d) {
            std::vector<std::int64_t> w(devices, 0), a(devices, 0);
            w[d] = weight;
            a[d] = arena;
            add(u, u, w, a);
        }
        for (int splits = int(uniform(rng, 1, 2)); splits > 0; --splits) {
            std::vector<std::int64_t> w, a;
            for (std::size_t d = 0; d < devices; ++d) {
                w.push_back(weight / std::int64_t(devices) +
                            (d < std::size_t(uniform(rng, 0, 2)) ? 1024 : 0));
                a.push_back(arena * uniform(rng, 2, 4) / 4);
            }
            add(u, u, w, a);
        }
        if (u + 1 < p.units && uniform(rng, 0, 2) == 0) {
            const std::size_t last = std::min(p.units - 1, u + std::size_t(uniform(rng, 1, 3)));
            std::vector<std::int64_t> w(devices), a;
            for (std::size_t d = 0; d < devices; ++d) {
                w[d] = uniform(rng, 0, 2048) * kKiB;
                a.push_back(uniform(rng, 1, 512) * kKiB);
            }
            add(u, last, w, a);
        }
    }
    const std::size_t originals = p.options.size();
    for (std::size_t i = 0; i < originals / 3; ++i) {
        Option copy = p.options[std::size_t(uniform(rng, 0, std::int64_t(originals) - 1))];
        if (uniform(rng, 0, 1) == 0) {
            const std::size_t d = std::size_t(uniform(rng, 0, std::int64_t(devices) - 1));
            (uniform(rng, 0, 1) ? copy.weightBytes : copy.arenaBytes)[d] += uniform(rng, 1, 64) * kKiB;
        }
        copy.label += " copy";
        p.options.push_back(std::move(copy));
    }
    return p;
}

// The least max over devices of memory(d) - offset(d) over every cover within the limits, enumerated (options
// flagged in `skip` left out); nullopt when no cover keeps the limits.
std::optional<std::int64_t> enumerate(const Problem& p, const std::vector<std::int64_t>& offset,
                                      const std::vector<std::int64_t>& limit, const std::vector<bool>& skip) {
    std::vector<std::vector<int>> startingAt(p.units);
    for (std::size_t o = 0; o < p.options.size(); ++o) {
        if (!skip[o]) {
            startingAt[p.options[o].firstUnit].push_back(int(o));
        }
    }
    std::optional<std::int64_t> best;
    const std::size_t devices = p.deviceNames.size();
    std::vector<std::int64_t> weights(devices, 0), arena(devices, 0);
    std::function<void(std::size_t)> walk = [&](std::size_t unit) {
        if (unit == p.units) {
            std::int64_t value = std::numeric_limits<std::int64_t>::min();
            for (std::size_t d = 0; d < devices; ++d) {
                const std::int64_t memory = weights[d] + arena[d] + p.overheadBytes[d];
                if (!limit.empty() && memory > limit[d]) {
                    return;
                }
                value = std::max(value, memory - (offset.empty() ? 0 : offset[d]));
            }
            best = best ? std::min(*best, value) : value;
            return;
        }
        for (const int o : startingAt[unit]) {
            const Option& option = p.options[std::size_t(o)];
            const std::vector<std::int64_t> saved = arena;
            for (std::size_t d = 0; d < devices; ++d) {
                weights[d] += option.weightBytes[d];
                arena[d] = std::max(arena[d], option.arenaBytes[d]);
            }
            walk(option.lastUnit + 1);
            for (std::size_t d = 0; d < devices; ++d) {
                weights[d] -= option.weightBytes[d];
            }
            arena = saved;
        }
    };
    walk(0);
    return best;
}

std::int64_t valueOf(const Problem& p, const std::vector<int>& chosen,
                     const std::vector<std::int64_t>& offset) {
    const Evaluation e = evaluate(p, chosen);
    std::int64_t value = std::numeric_limits<std::int64_t>::min();
    for (std::size_t d = 0; d < e.memoryBytes.size(); ++d) {
        value = std::max(value, e.memoryBytes[d] - (offset.empty() ? 0 : offset[d]));
    }
    return value;
}

const auto kLater = std::chrono::steady_clock::now() + std::chrono::hours(1);

} // namespace

class TestMemorySearch : public QObject {
    Q_OBJECT

    // The search against enumeration for the given offsets and limits.
    void check(const Problem& p, const std::vector<std::int64_t>& offset,
               const std::vector<std::int64_t>& limit, const QString& what) {
        const auto expected = enumerate(p, offset, limit, std::vector<bool>(p.options.size(), false));
        const auto got = detail::searchMemory(p, offset, limit, kLater, nullptr);
        QVERIFY2(got.proven, qPrintable(what));
        if (!expected) {
            QVERIFY2(got.chosen.empty(),
                     qPrintable(what + ": no cover keeps the limits, yet the search found one"));
            ++m_infeasible;
            return;
        }
        QVERIFY2(!got.chosen.empty(), qPrintable(what + ": no plan found"));
        QVERIFY(evaluate(p, got.chosen).covers);
        QCOMPARE(valueOf(p, got.chosen, offset), got.objective);
        QVERIFY2(got.objective == *expected,
                 qPrintable(what + QString(": %1 instead of %2").arg(got.objective).arg(*expected)));
        QCOMPARE(got.bound, got.objective);
        const Evaluation e = evaluate(p, got.chosen);
        for (std::size_t d = 0; !limit.empty() && d < limit.size(); ++d) {
            QVERIFY(e.memoryBytes[d] <= limit[d]);
        }
        ++m_feasible;
    }

    int m_feasible = 0, m_infeasible = 0;

private slots:
    // Dropping dominated options keeps the optimum, also under limits, and drops some on most problems.
    void dominatedOptionsKeepTheOptimum() {
        int dropped = 0;
        for (unsigned seed = 1; seed <= 200; ++seed) {
            const Problem p = randomProblem(seed, 5);
            const std::vector<bool> dominated = detail::dominatedOptions(p);
            dropped += int(std::count(dominated.begin(), dominated.end(), true));
            const auto all = enumerate(p, {}, {}, std::vector<bool>(p.options.size(), false));
            QCOMPARE(enumerate(p, {}, {}, dominated), all);
            std::vector<std::int64_t> limit(p.deviceNames.size(), *all + std::int64_t(seed % 5) * 64 * kKiB);
            limit[seed % limit.size()] -= 32 * kKiB; // sometimes no cover fits
            QCOMPARE(enumerate(p, {}, limit, dominated),
                     enumerate(p, {}, limit, std::vector<bool>(p.options.size(), false)));
        }
        QVERIFY2(dropped > 200, qPrintable(QString("%1 options dropped").arg(dropped)));
    }

    void searchMatchesEnumeration() {
        for (unsigned seed = 1; seed <= 200; ++seed) {
            const Problem p = randomProblem(seed, 6);
            const QString what = QString("seed %1").arg(seed);
            check(p, {}, {}, what + " unconstrained");
            const auto least = *enumerate(p, {}, {}, std::vector<bool>(p.options.size(), false));
            std::mt19937 rng(seed * 31);
            std::vector<std::int64_t> limit, offset;
            for (std::size_t d = 0; d < p.deviceNames.size(); ++d) {
                limit.push_back(least + uniform(rng, -64, 256) * kKiB);
                offset.push_back(uniform(rng, 0, 512) * kKiB);
            }
            check(p, {}, limit, what + " limits");
            check(p, offset, {}, what + " offsets");
            check(p, limit, {}, what + " budgets as offsets"); // as explainInfeasible asks
            if (QTest::currentTestFailed()) {
                return;
            }
        }
        QVERIFY2(m_feasible > 500 && m_infeasible > 20,
                 qPrintable(QString("%1 feasible, %2 infeasible").arg(m_feasible).arg(m_infeasible)));
    }

    // Stopped at once: the best plan so far (if any) with a bound no higher than it; not proven.
    void stopsWithABound() {
        const Problem p = randomProblem(7, 60);
        StopToken stop;
        stop.requestStop();
        const auto got = detail::searchMemory(p, {}, {}, kLater, &stop);
        QVERIFY(!got.proven);
        QVERIFY(got.nodes <= 1024);
        if (!got.chosen.empty()) {
            QVERIFY(got.bound <= got.objective);
            QCOMPARE(valueOf(p, got.chosen, {}), got.objective);
        }
        int reports = 0;
        const auto full = detail::searchMemory(p, {}, {}, kLater, nullptr, [&](std::int64_t) { ++reports; });
        QVERIFY(full.proven);
        QVERIFY(reports >= 1); // at least the first plan
        QVERIFY(full.objective <= (got.chosen.empty() ? kNone : got.objective));
    }
};

QTEST_APPLESS_MAIN(TestMemorySearch)
#include "test_memory_search.moc"
