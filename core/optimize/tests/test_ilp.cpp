// The integer program (ilp.h) against exhaustive enumeration of every covering on random small problems
// (fixed seeds), for the three objectives, with and without budgets and memory caps; infeasible budgets and
// coverings named in the error; time limits and stops; the Pareto front.

#include <QtTest>

#include <chrono>
#include <cmath>
#include <functional>
#include <optional>
#include <random>
#include <stdexcept>

#include "core/optimize/ilp.h"

using namespace tessera;
using namespace tessera::optimize;

namespace {

constexpr std::int64_t kMiB = 1024 * 1024;
constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::max();

struct Scored {
    std::vector<int> chosen;
    Evaluation figures;
};

// Every exact cover: options are runs of units, so a cover is a path from unit 0 through the options.
std::vector<Scored> enumerate(const Problem& p) {
    std::vector<std::vector<int>> startingAt(p.units);
    for (std::size_t o = 0; o < p.options.size(); ++o) {
        startingAt[p.options[o].firstUnit].push_back(int(o));
    }
    std::vector<Scored> all;
    std::vector<int> path;
    std::function<void(std::size_t)> walk = [&](std::size_t unit) {
        if (unit == p.units) {
            all.push_back({path, evaluate(p, path)});
            return;
        }
        for (const int o : startingAt[unit]) {
            path.push_back(o);
            walk(p.options[std::size_t(o)].lastUnit + 1);
            path.pop_back();
        }
    };
    walk(0);
    return all;
}

bool fits(const Problem& p, const Evaluation& e, std::int64_t cap) {
    for (std::size_t d = 0; d < e.memoryBytes.size(); ++d) {
        if (e.memoryBytes[d] > std::min(p.budgetBytes[d], cap)) {
            return false;
        }
    }
    return true;
}

// The least `objective` over the covers within budgets and `cap` (and with `objective2` at most `limit2`).
std::optional<double> best(const Problem& p, const std::vector<Scored>& all, Objective objective,
                           std::int64_t cap, Objective objective2 = Objective::Memory,
                           double limit2 = HUGE_VAL) {
    std::optional<double> result;
    for (const Scored& s : all) {
        if (fits(p, s.figures, cap) && s.figures.value(objective2) <= limit2 * (1 + 1e-12)) {
            const double v = s.figures.value(objective);
            result = result ? std::min(*result, v) : v;
        }
    }
    return result;
}

// The number of (memory, objective) pairs no cover within budgets beats in both.
std::size_t frontSize(const Problem& p, const std::vector<Scored>& all, Objective objective) {
    std::vector<std::pair<std::int64_t, double>> pairs;
    for (const Scored& s : all) {
        if (fits(p, s.figures, kNone)) {
            pairs.emplace_back(s.figures.maxMemoryBytes, s.figures.value(objective));
        }
    }
    std::sort(pairs.begin(), pairs.end());
    std::size_t size = 0;
    double bestSoFar = HUGE_VAL;
    for (const auto& [memory, value] : pairs) {
        if (value < bestSoFar * (1 - 1e-12)) {
            ++size;
            bestSoFar = value;
        }
    }
    return size;
}

bool same(Objective objective, double a, double b) {
    return objective == Objective::Latency || objective == Objective::Throughput
               ? std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b))
               : a == b;
}

std::int64_t uniform(std::mt19937& rng, std::int64_t low, std::int64_t high) {
    return std::uniform_int_distribution<std::int64_t>(low, high)(rng);
}

struct Shape {
    std::int64_t minUnits = 1, maxUnits = 12, maxOptions = 40, minDevices = 2, maxDevices = 4, maxRun = 4;
};

// Up to 12 units, up to 40 options (a single-unit option for every unit, so that a cover exists, plus runs of
// up to 4 units, some over the same units), 2 to 4 devices, sizes to the byte, transitions between adjacent
// options and a few skips, exchanges; `negative` lets some transitions and exchanges save instead of cost.
// The period's figures (compute per device, bytes per device, link rates, sometimes a shared medium) come
// from a second generator, so the rest of each seed's problem is what it was before they existed.
Problem randomProblem(unsigned seed, bool negative = false, Shape shape = {}) {
    std::mt19937 rng(seed), periodRng(seed ^ 0x9e3779b9u);
    const bool medium = uniform(periodRng, 0, 4) == 0;
    const auto links = [&](std::size_t devices) {
        const auto seconds = [&] {
            return uniform(periodRng, 0, 3) == 0 ? 0.0
                                                 : std::uniform_real_distribution<double>(0, 0.1)(periodRng);
        };
        LinkLoad load;
        const bool bytesOnly = uniform(periodRng, 0, 4) == 0; // messages' CPU without link time
        for (std::size_t d = 0; d < devices; ++d) {
            load.sentBytes.push_back(uniform(periodRng, 0, 2) == 0 ? 0 : uniform(periodRng, 0, 4 * kMiB));
            load.receivedBytes.push_back(uniform(periodRng, 0, 2) == 0 ? 0 : uniform(periodRng, 0, 4 * kMiB));
            if (!medium && !bytesOnly) {
                load.upSeconds.push_back(seconds());
                load.downSeconds.push_back(seconds());
            }
        }
        load.mediumSeconds = medium && !bytesOnly ? seconds() : 0.0;
        return load;
    };
    Problem p;
    p.units = std::size_t(uniform(rng, shape.minUnits, shape.maxUnits));
    const std::size_t devices = std::size_t(uniform(rng, shape.minDevices, shape.maxDevices));
    for (std::size_t d = 0; d < devices; ++d) {
        p.deviceNames.push_back("dev" + std::to_string(d));
        p.overheadBytes.push_back(uniform(rng, 0, 16 * kMiB));
        p.budgetBytes.push_back(kNone);
        p.messageSecondsPerByte.push_back(std::uniform_real_distribution<double>(0, 2e-8)(periodRng));
        p.frameSeconds.push_back(
            uniform(periodRng, 0, 2) == 0 ? std::uniform_real_distribution<double>(0, 0.1)(periodRng) : 0.0);
    }
    for (std::size_t u = 0; u < p.units; ++u) {
        p.unitNames.push_back("u" + std::to_string(u));
    }
    const std::size_t extra = std::size_t(uniform(rng, 0, shape.maxOptions - std::int64_t(p.units)));
    for (std::size_t o = 0; o < p.units + extra; ++o) {
        Option option;
        option.firstUnit = o < p.units ? o : std::size_t(uniform(rng, 0, std::int64_t(p.units) - 1));
        const std::size_t room = p.units - option.firstUnit;
        option.lastUnit =
            option.firstUnit +
            (o < p.units
                 ? 0
                 : std::size_t(uniform(
                       rng, 0, std::int64_t(std::min<std::size_t>(room, std::size_t(shape.maxRun))) - 1)));
        for (std::size_t d = 0; d < devices; ++d) {
            const bool holds = uniform(rng, 0, 9) < 7;
            option.weightBytes.push_back(holds ? uniform(rng, 0, 64 * kMiB) : 0);
            option.arenaBytes.push_back(holds ? uniform(rng, 0, 32 * kMiB) : 0);
        }
        option.ownBytes = uniform(rng, 0, 16 * kMiB);
        option.ownSeconds = std::uniform_real_distribution<double>(0, 0.05)(rng);
        for (std::size_t d = 0; d < devices; ++d) {
            option.computeSeconds.push_back(std::uniform_real_distribution<double>(0, 0.2)(periodRng));
        }
        option.links = links(devices);
        option.label = "o" + std::to_string(o);
        p.options.push_back(option);
    }
    for (std::size_t a = 0; a < p.options.size(); ++a) {
        for (std::size_t b = 0; b < p.options.size(); ++b) {
            const bool adjacent = p.options[b].firstUnit == p.options[a].lastUnit + 1;
            const bool skip = p.options[b].firstUnit > p.options[a].lastUnit + 1;
            if ((adjacent && uniform(rng, 0, 9) < 7) || (skip && uniform(rng, 0, 19) == 0)) {
                const std::int64_t low = negative ? -4 * kMiB : 0;
                p.transitions.push_back(
                    {int(a), int(b), uniform(rng, low, 8 * kMiB),
                     std::uniform_real_distribution<double>(negative ? -0.01 : 0, 0.02)(rng),
                     links(devices)});
            }
        }
    }
    // exchanges: a value of one unit read by a later one, priced per (layout, need)
    const std::int64_t exchanges = p.units > 1 ? uniform(rng, 0, 3) : 0;
    for (std::int64_t i = 0; i < exchanges; ++i) {
        const std::size_t from = std::size_t(uniform(rng, 0, std::int64_t(p.units) - 2));
        const std::size_t to = std::size_t(uniform(rng, std::int64_t(from) + 1, std::int64_t(p.units) - 1));
        Exchange x;
        const std::size_t layouts = std::size_t(uniform(rng, 1, 3)), needs = std::size_t(uniform(rng, 1, 3));
        for (std::size_t o = 0; o < p.options.size(); ++o) {
            const Option& option = p.options[o];
            const bool coversFrom = option.firstUnit <= from && from <= option.lastUnit;
            const bool coversTo = option.firstUnit <= to && to <= option.lastUnit;
            if (coversFrom != coversTo) {
                (coversFrom ? x.producers : x.readers)
                    .push_back(
                        {int(o), int(uniform(rng, 0, std::int64_t(coversFrom ? layouts : needs) - 1))});
            }
        }
        x.bytes.assign(layouts, std::vector<std::int64_t>(needs));
        x.seconds.assign(layouts, std::vector<double>(needs));
        x.links.assign(layouts, std::vector<LinkLoad>(needs));
        for (std::size_t l = 0; l < layouts; ++l) {
            for (std::size_t n = 0; n < needs; ++n) {
                x.links[l][n] = links(devices);
                x.bytes[l][n] = uniform(rng, negative ? -2 * kMiB : 0, 8 * kMiB);
                x.seconds[l][n] = std::uniform_real_distribution<double>(negative ? -0.005 : 0, 0.02)(rng);
            }
        }
        p.exchanges.push_back(std::move(x));
    }
    return p;
}

} // namespace

class TestIlp : public QObject {
    Q_OBJECT

    int m_feasible = 0, m_infeasible = 0;

    // solveIlp against the enumeration for every objective; budgets and cap as set in p and `cap`. Counts the
    // problems that have a solution and those that do not.
    void checkAgainstEnumeration(const Problem& p, const std::vector<Scored>& all, std::int64_t cap,
                                 const QString& what) {
        ++(best(p, all, Objective::Memory, cap) ? m_feasible : m_infeasible);
        for (const Objective objective : kObjectives) {
            SolveOptions options;
            options.memoryCapBytes = cap;
            const auto expected = best(p, all, objective, cap);
            const auto got = solveIlp(p, objective, options);
            const QString where = what + " " + toString(objective);
            if (!expected) {
                QVERIFY2(!got, qPrintable(where + ": no cover fits, yet the solver found one"));
                QCOMPARE(got.error().code, ErrorCode::InvalidArgument);
                QVERIFY2(
                    QString::fromStdString(got.error().message).startsWith("no plan fits the memory budgets"),
                    got.error().message.c_str());
                QVERIFY2(got.error().message.find(" on 'dev") != std::string::npos,
                         got.error().message.c_str());
                continue;
            }
            QVERIFY2(got, qPrintable(where + ": " + QString::fromStdString(got ? "" : got.error().message)));
            QVERIFY2(same(objective, got->objective, *expected),
                     qPrintable(where + QString(": %1 instead of %2")
                                            .arg(got->objective, 0, 'g', 17)
                                            .arg(*expected, 0, 'g', 17)));
            QVERIFY(got->optimal);
            QCOMPARE(got->status, std::string("optimal"));
            QCOMPARE(got->bound, got->objective);
            QVERIFY(got->figures.covers);
            QVERIFY(fits(p, got->figures, cap));
            QCOMPARE(got->objective, got->figures.value(objective));
            for (std::size_t i = 1; i < got->chosen.size(); ++i) {
                QVERIFY(p.options[std::size_t(got->chosen[i - 1])].lastUnit <
                        p.options[std::size_t(got->chosen[i])].firstUnit);
            }
        }
    }

private slots:
    void objectivesAreNamed() {
        for (const Objective objective : kObjectives) {
            QCOMPARE(parseObjective(toString(objective)), std::optional<Objective>(objective));
        }
        QCOMPARE(parseObjective("speed"), std::optional<Objective>());
        QCOMPARE(parseObjective("Latency"), std::optional<Objective>());
    }

    void randomProblemsMatchEnumeration() {
        for (unsigned seed = 1; seed <= 150; ++seed) {
            Problem p = randomProblem(seed);
            const auto all = enumerate(p);
            QVERIFY(!all.empty());
            const QString what = QString("seed %1").arg(seed);
            checkAgainstEnumeration(p, all, kNone, what + " unconstrained");
            // budgets around the least possible memory: some instances fit, some do not
            const double least = *best(p, all, Objective::Memory, kNone);
            std::mt19937 rng(seed * 7919);
            for (std::size_t d = 0; d < p.budgetBytes.size(); ++d) {
                p.budgetBytes[d] =
                    std::int64_t(least * std::uniform_real_distribution<double>(0.8, 1.4)(rng));
            }
            checkAgainstEnumeration(p, all, kNone, what + " budgets");
            // a cap between the least and the largest memory of any cover
            std::int64_t largest = 0;
            for (const Scored& s : all) {
                largest = std::max(largest, s.figures.maxMemoryBytes);
            }
            const std::int64_t cap = std::int64_t(least) + (largest - std::int64_t(least)) / 3;
            p.budgetBytes.assign(p.budgetBytes.size(), kNone);
            checkAgainstEnumeration(p, all, cap, what + " cap");
            if (QTest::currentTestFailed()) {
                return;
            }
        }
        // the budgets made both kinds of problem
        QVERIFY2(m_feasible > 300 && m_infeasible > 40,
                 qPrintable(QString("%1 feasible, %2 infeasible").arg(m_feasible).arg(m_infeasible)));
    }

    // Transitions that save (negative costs) need the full linearisation of their products.
    void negativeTransitionsMatchEnumeration() {
        for (unsigned seed = 100; seed < 120; ++seed) {
            const Problem p = randomProblem(seed, true);
            checkAgainstEnumeration(p, enumerate(p), kNone, QString("seed %1").arg(seed));
            if (QTest::currentTestFailed()) {
                return;
            }
        }
    }

    // 'rpi-a' (budget 100 MiB) and 'rpi-b' (60 MiB), 10 MiB runtime each. Whole on rpi-a: 80 + 30 + 10 = 120
    // MiB there (20 over). Split: rpi-a 20 + 40 + 10 + 10 = 80 MiB, rpi-b 20 + 45 + 10 + 10 = 85 MiB (25
    // over). The closest plan is the whole one; under a 50 MiB cap it is the split (35 over, against 70).
    void infeasibleBudgetsNameTheDevice() {
        Problem p;
        p.units = 2;
        p.unitNames = {"conv_0", "conv_1"};
        p.deviceNames = {"rpi-a", "rpi-b"};
        p.budgetBytes = {100 * kMiB, 60 * kMiB};
        p.overheadBytes = {10 * kMiB, 10 * kMiB};
        const auto option = [&](std::size_t first, std::size_t last, std::vector<std::int64_t> weights,
                                std::vector<std::int64_t> arenas, std::string label) {
            Option o;
            o.firstUnit = first;
            o.lastUnit = last;
            for (std::size_t d = 0; d < 2; ++d) {
                o.weightBytes.push_back(weights[d] * kMiB);
                o.arenaBytes.push_back(arenas[d] * kMiB);
            }
            o.label = std::move(label);
            p.options.push_back(o);
        };
        option(0, 1, {80, 0}, {30, 0}, "whole conv_0..conv_1 on rpi-a");
        option(0, 0, {20, 20}, {10, 10}, "lop conv_0");
        option(1, 1, {40, 45}, {5, 5}, "lop conv_1");
        for (const Objective objective : kObjectives) {
            const auto got = solveIlp(p, objective);
            QVERIFY(!got);
            QCOMPARE(got.error().code, ErrorCode::InvalidArgument);
            QCOMPARE(got.error().message,
                     std::string(
                         "no plan fits the memory budgets: even the plan closest to fitting needs 120 MiB on "
                         "'rpi-a' (budget 100 MiB): weights of 'whole conv_0..conv_1 on rpi-a' 80.0 MiB, "
                         "arena of 'whole conv_0..conv_1 on rpi-a' 30.0 MiB, runtime overhead 10.0 MiB"));
        }
        SolveOptions capped;
        capped.memoryCapBytes = 50 * kMiB;
        const auto got = solveIlp(p, Objective::Traffic, capped);
        QVERIFY(!got);
        QCOMPARE(got.error().message,
                 std::string(
                     "no plan fits the memory budgets and the memory cap of 50.0 MiB: even the plan closest "
                     "to fitting needs 80.0 MiB on 'rpi-a' (memory cap 50.0 MiB, budget 100 MiB): weights of "
                     "'lop conv_1' 40.0 MiB, weights of 'lop conv_0' 20.0 MiB, arena of 'lop conv_0' 10.0 "
                     "MiB and 1 smaller part; 85.0 MiB on 'rpi-b' (memory cap 50.0 MiB, budget 60.0 MiB): "
                     "weights of 'lop conv_1' 45.0 MiB, weights of 'lop conv_0' 20.0 MiB, arena of 'lop "
                     "conv_0' 10.0 MiB and 1 smaller part"));
        // with room for the split, the split it is
        p.budgetBytes[1] = 85 * kMiB;
        const auto fits = solveIlp(p, Objective::Memory);
        QVERIFY(fits);
        QCOMPARE(fits->chosen, (std::vector<int>{1, 2}));
        QCOMPARE(fits->figures.memoryBytes, (std::vector<std::int64_t>{80 * kMiB, 85 * kMiB}));
    }

    void badProblemsAreRefused() {
        Problem p = randomProblem(7);
        p.units = 3;
        p.unitNames = {"a", "b", "c"};
        p.transitions.clear();
        p.exchanges.clear();
        p.options.resize(2);
        const auto message = [](const Problem& q) {
            const auto got = solveIlp(q, Objective::Traffic);
            return got ? std::string("solved") : got.error().message;
        };
        p.options[0].firstUnit = p.options[0].lastUnit = 0;
        p.options[1].firstUnit = p.options[1].lastUnit = 2;
        QCOMPARE(message(p), std::string("no plan exists: no option covers unit 'b'"));
        p.options[0].lastUnit = 1;  // a..b
        p.options[1].firstUnit = 1; // b..c: both cover b, neither starts at c
        QCOMPARE(message(p),
                 std::string("no plan exists: no set of options covers every unit exactly once (a choice "
                             "that covers the units before 'c' finds no option starting there)"));
        p.options[1].firstUnit = 2;
        QCOMPARE(message(p), std::string("solved"));
        Exchange x;
        x.producers = {{0, 0}, {1, 0}}; // a..b and c: no common unit
        x.bytes = {{1}};
        x.seconds = {{0.0}};
        p.exchanges = {x};
        QCOMPARE(message(p),
                 std::string("exchange 0: producers cover no common unit, so one choice could hold two of "
                             "them"));
        p.exchanges.clear();
        p.budgetBytes.pop_back();
        QVERIFY(message(p).find("budgets") != std::string::npos);
        QCOMPARE(paretoFront(randomProblem(7), Objective::Memory).error().code, ErrorCode::InvalidArgument);
    }

    // A problem the search needs a few seconds to prove: a time limit or a stop ends it with the best plan so
    // far and its gap, or with a Cancelled error when there is none; never a crash or a wrong figure.
    void timeLimitAndStop() {
        const Problem p = randomProblem(3, false, {60, 60, 400, 6, 6, 6});
        const auto checkEarly = [&](const Expected<Solution>& got, const std::string& prefix) {
            if (!got) {
                QCOMPARE(got.error().code, ErrorCode::Cancelled);
                QVERIFY2(got.error().message.find(prefix == "time limit: " ? "time limit" : "cancelled") !=
                             std::string::npos,
                         got.error().message.c_str());
                return;
            }
            QVERIFY(got->figures.covers);
            QCOMPARE(got->objective, got->figures.value(Objective::Memory));
            if (!got->optimal) {
                QVERIFY2(
                    QString::fromStdString(got->status).startsWith(QString::fromStdString(prefix + "gap ")),
                    got->status.c_str());
                QVERIFY(got->bound <= got->objective);
            }
        };
        SolveOptions options;
        options.timeLimitSeconds = 0;
        const auto none = solveIlp(p, Objective::Memory, options);
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::Cancelled);
        QCOMPARE(none.error().message, std::string("the time limit (0 s) ran out before any plan was found"));

        options.timeLimitSeconds = 0.3;
        const auto start = std::chrono::steady_clock::now();
        checkEarly(solveIlp(p, Objective::Memory, options), "time limit: ");
        QVERIFY(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));

        StopToken stop;
        stop.requestStop();
        options.timeLimitSeconds = 30;
        options.stop = &stop;
        const auto cancelled = solveIlp(p, Objective::Memory, options);
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
        QCOMPARE(paretoFront(p, Objective::Latency, 4, options).error().code, ErrorCode::Cancelled);

        // stopped from the progress callback at its first report
        StopToken later;
        options.stop = &later;
        std::vector<std::string> reports;
        options.progress = [&](double fraction, std::string_view text) {
            QVERIFY(fraction >= 0 && fraction <= 1);
            reports.emplace_back(text);
            later.requestStop();
        };
        const auto stopped = solveIlp(p, Objective::Memory, options);
        checkEarly(stopped, "cancelled: ");
        QVERIFY(!reports.empty());
        QVERIFY2(QString::fromStdString(reports[0]).startsWith("branch and bound: "), reports[0].c_str());
        if (stopped) {
            QVERIFY(!stopped->optimal);
        }
        // a progress callback that throws: the exception reaches the caller, GLPK's frames are not unwound
        options.stop = nullptr;
        options.progress = [](double, std::string_view) { throw std::runtime_error("from progress"); };
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, (void)solveIlp(p, Objective::Memory, options));
    }

    // Every point of the front is Pareto-optimal (the least objective within its memory, the least memory for
    // its objective), the ends are the least-memory and the best-objective plans, and points come sorted.
    void paretoFrontIsExact() {
        int longFronts = 0;
        for (unsigned seed = 300; seed < 340; ++seed) {
            Problem p = randomProblem(seed);
            auto all = enumerate(p);
            if (seed % 2) {
                const double least = *best(p, all, Objective::Memory, kNone);
                std::mt19937 rng(seed);
                for (auto& budget : p.budgetBytes) {
                    budget = std::int64_t(least * std::uniform_real_distribution<double>(1.0, 1.4)(rng));
                }
            }
            for (const Objective objective :
                 {Objective::Traffic, Objective::Latency, Objective::Throughput}) {
                const QString where = QString("seed %1 %2").arg(seed).arg(toString(objective));
                const auto front = paretoFront(p, objective, 40);
                QVERIFY2(front, qPrintable(where));
                QVERIFY(!front->empty());
                // enough steps for the whole front
                QCOMPARE(front->size(), frontSize(p, all, objective));
                longFronts += front->size() > 2 ? 1 : 0;
                QCOMPARE(double(front->front().figures.maxMemoryBytes),
                         *best(p, all, Objective::Memory, kNone));
                QVERIFY(same(objective, front->back().objective, *best(p, all, objective, kNone)));
                for (std::size_t i = 0; i < front->size(); ++i) {
                    const Solution& s = (*front)[i];
                    QVERIFY2(s.optimal, qPrintable(where + " " + QString::fromStdString(s.status)));
                    QVERIFY(s.figures.covers && s.figures.withinBudget);
                    QCOMPARE(s.objective, s.figures.value(objective));
                    const std::int64_t memory = s.figures.maxMemoryBytes;
                    QVERIFY2(same(objective, s.objective, *best(p, all, objective, memory)),
                             qPrintable(where));
                    QCOMPARE(double(memory), *best(p, all, Objective::Memory, kNone, objective, s.objective));
                    if (i > 0) {
                        QVERIFY(memory > (*front)[i - 1].figures.maxMemoryBytes);
                        QVERIFY(s.objective < (*front)[i - 1].objective);
                    }
                }
            }
        }
        QVERIFY2(longFronts >= 5,
                 qPrintable(QString("%1 fronts with a point between the ends").arg(longFronts)));
    }

    // Unit u either holds 2^u MiB of weights or takes 2^u ms: memory (MiB) + latency (ms) = 255 for each of
    // the 256 choices, all of them on the front. Six steps halve the widest gap each: 127, then 191, 63, 159,
    // 223 and 95 MiB.
    void paretoFrontSpreadsItsSteps() {
        Problem p;
        p.units = 8;
        p.deviceNames = {"pi"};
        p.budgetBytes = {kNone};
        p.overheadBytes = {0};
        for (std::size_t u = 0; u < 8; ++u) {
            for (const bool holds : {true, false}) {
                Option o;
                o.firstUnit = o.lastUnit = u;
                o.weightBytes = {holds ? (std::int64_t(1) << u) * kMiB : 0};
                o.arenaBytes = {0};
                o.ownSeconds = holds ? 0 : double(1 << u) / 1000;
                p.options.push_back(o);
            }
        }
        const auto front = paretoFront(p, Objective::Latency, 6);
        QVERIFY(front);
        std::vector<std::int64_t> memory;
        for (const Solution& s : *front) {
            memory.push_back(s.figures.maxMemoryBytes / kMiB);
            QVERIFY(s.optimal);
            QCOMPARE(s.figures.maxMemoryBytes % kMiB, std::int64_t(0));
            QVERIFY(same(Objective::Latency, s.objective, double(255 - memory.back()) / 1000));
        }
        QCOMPARE(memory, (std::vector<std::int64_t>{0, 63, 95, 127, 159, 191, 223, 255}));
    }
};

QTEST_APPLESS_MAIN(TestIlp)
#include "test_ilp.moc"
