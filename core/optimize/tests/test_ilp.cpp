// The integer program (ilp.h) against exhaustive enumeration of every covering on random small problems
// (fixed seeds), for the three objectives, with and without budgets and memory caps; infeasible budgets and
// coverings named in the error; time limits and stops; the Pareto front.

#include <QtTest>

#include <cmath>
#include <functional>
#include <optional>
#include <random>

#include "core/optimize/ilp.h"

using namespace tessera;
using namespace tessera::optimize;

namespace {

constexpr std::int64_t kMiB = 1024 * 1024;
constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::max();
constexpr Objective kObjectives[] = {Objective::Memory, Objective::Traffic, Objective::Latency};

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

bool same(Objective objective, double a, double b) {
    return objective == Objective::Latency ? std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)) : a == b;
}

std::int64_t uniform(std::mt19937& rng, std::int64_t low, std::int64_t high) {
    return std::uniform_int_distribution<std::int64_t>(low, high)(rng);
}

// Up to 12 units, up to 40 options (a single-unit option for every unit, so that a cover exists, plus runs of
// up to 4 units, some over the same units), 2 to 4 devices, sizes to the byte, transitions between adjacent
// options and a few skips; `negative` lets some transitions save instead of cost.
Problem randomProblem(unsigned seed, bool negative = false) {
    std::mt19937 rng(seed);
    Problem p;
    p.units = std::size_t(uniform(rng, 1, 12));
    const std::size_t devices = std::size_t(uniform(rng, 2, 4));
    for (std::size_t d = 0; d < devices; ++d) {
        p.deviceNames.push_back("dev" + std::to_string(d));
        p.overheadBytes.push_back(uniform(rng, 0, 16 * kMiB));
        p.budgetBytes.push_back(kNone);
    }
    for (std::size_t u = 0; u < p.units; ++u) {
        p.unitNames.push_back("u" + std::to_string(u));
    }
    const std::size_t extra = std::size_t(uniform(rng, 0, std::int64_t(40 - p.units)));
    for (std::size_t o = 0; o < p.units + extra; ++o) {
        Option option;
        option.firstUnit = o < p.units ? o : std::size_t(uniform(rng, 0, std::int64_t(p.units) - 1));
        const std::size_t room = p.units - option.firstUnit;
        option.lastUnit =
            option.firstUnit +
            (o < p.units ? 0
                         : std::size_t(uniform(rng, 0, std::int64_t(std::min<std::size_t>(room, 4)) - 1)));
        for (std::size_t d = 0; d < devices; ++d) {
            const bool holds = uniform(rng, 0, 9) < 7;
            option.weightBytes.push_back(holds ? uniform(rng, 0, 64 * kMiB) : 0);
            option.arenaBytes.push_back(holds ? uniform(rng, 0, 32 * kMiB) : 0);
        }
        option.ownBytes = uniform(rng, 0, 16 * kMiB);
        option.ownSeconds = std::uniform_real_distribution<double>(0, 0.05)(rng);
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
                     std::uniform_real_distribution<double>(negative ? -0.01 : 0, 0.02)(rng)});
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
        for (std::size_t l = 0; l < layouts; ++l) {
            for (std::size_t n = 0; n < needs; ++n) {
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
};

QTEST_APPLESS_MAIN(TestIlp)
#include "test_ilp.moc"
