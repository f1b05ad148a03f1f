// The optimizer's own solvers on real candidate problems: the dynamic program and the enumeration of every
// choice agree on the optimum for each objective, with and without memory budgets; the chosen plan is valid,
// runs exactly, and its traffic and weights are what the cost model said.

#include <QtTest>

#include "core/optimize/candidates.h"
#include "core/optimize/dp.h"
#include "core/optimize/ilp.h"
#include "core/partition/executor.h"
#include "core/partition/program.h"
#include "core/sim/plan_cost.h"
#include "core/sim/simulator.h"
#include "support/random_plans.h"

using namespace tessera;
using optimize::Objective;

class TestDp : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    model::Model m_chain;

    // x[1,3,24,24] -> conv3x3(8)+relu -> maxpool -> conv3x3(16)+BN+leaky -> conv1x1(8)+relu -> maxpool
    // -> flatten -> gemm(10): seven units in a chain
    model::Model chainModel() {
        test::OnnxBuilder b;
        b.input("x", {std::int64_t(1), std::int64_t(3), std::int64_t(24), std::int64_t(24)});
        auto conv = [&](const std::string& in, const std::string& out, std::int64_t ic, std::int64_t oc,
                        int k) {
            std::vector<float> w(std::size_t(oc * ic * k * k));
            for (std::size_t i = 0; i < w.size(); ++i) {
                w[i] = 0.05f * float((i * 7919) % 13) - 0.3f;
            }
            b.weights(out + "_w", {oc, ic, k, k}, w);
            b.weights(out + "_b", {oc}, std::vector<float>(std::size_t(oc), 0.1f));
            auto& n = b.node("Conv", {in, out + "_w", out + "_b"}, {out});
            test::OnnxBuilder::setInts(n, "pads", {k / 2, k / 2, k / 2, k / 2});
        };
        auto pool = [&](const std::string& in, const std::string& out) {
            auto& n = b.node("MaxPool", {in}, {out});
            test::OnnxBuilder::setInts(n, "kernel_shape", {2, 2});
            test::OnnxBuilder::setInts(n, "strides", {2, 2});
        };
        conv("x", "c1", 3, 8, 3);
        b.node("Relu", {"c1"}, {"r1"});
        pool("r1", "p1");
        conv("p1", "c2", 8, 16, 3);
        b.weights("g", {16}, std::vector<float>(16, 1.1f));
        b.weights("be", {16}, std::vector<float>(16, 0.1f));
        b.weights("mu", {16}, std::vector<float>(16, 0.05f));
        b.weights("va", {16}, std::vector<float>(16, 0.9f));
        b.node("BatchNormalization", {"c2", "g", "be", "mu", "va"}, {"n2"});
        b.node("LeakyRelu", {"n2"}, {"l2"});
        conv("l2", "c3", 16, 8, 1);
        b.node("Relu", {"c3"}, {"r3"});
        pool("r3", "p3");
        b.node("Flatten", {"p3"}, {"f"});
        b.weights("fw", {10, 288}, std::vector<float>(2880, 0.01f));
        b.weights("fb", {10}, std::vector<float>(10, 0.f));
        auto& g = b.node("Gemm", {"f", "fw", "fb"}, {"y"});
        test::OnnxBuilder::setInt(g, "transB", 1);
        b.output("y", 2);
        const std::string path = m_dir.filePath("chain.onnx").toStdString();
        b.save(path);
        auto m = model::loadModel(path);
        if (!m) {
            qFatal("%s", m.error().message.c_str());
        }
        return std::move(*m);
    }

    optimize::Problem problem(const cost::Cluster& cluster) {
        optimize::CandidateOptions options;
        options.grids = {2};
        options.maxTileUnits = 3;
        auto p = optimize::buildProblem(m_chain, cluster, options);
        if (!p) {
            qFatal("%s", p.error().message.c_str());
        }
        return std::move(*p);
    }

private slots:
    void initTestCase() { m_chain = chainModel(); }

    void unitsGroupLayers() {
        const auto units = optimize::graphUnits(m_chain.graph);
        QCOMPARE(units.size(), std::size_t(7));
        QCOMPARE(m_chain.graph.nodes[units[2].first].name, std::string("c2"));
        QCOMPARE(m_chain.graph.nodes[units[2].last].name, std::string("l2")); // conv, BN and activation
    }

    // Every objective, on a uniform and on a mixed cluster, with budgets that do not bind and with budgets
    // that force the model apart: the dynamic program finds the enumeration's optimum.
    void dynamicProgramMatchesEnumeration_data() {
        QTest::addColumn<int>("objective");
        QTest::addColumn<bool>("tight");
        QTest::addColumn<bool>("mixed");
        for (int o = 0; o < 3; ++o) {
            for (bool tight : {false, true}) {
                for (bool mixed : {false, true}) {
                    const QString name = QString("%1%2%3").arg(optimize::toString(Objective(o)),
                                                               tight ? " tight" : "", mixed ? " mixed" : "");
                    QTest::newRow(qPrintable(name)) << o << tight << mixed;
                }
            }
        }
    }

    void dynamicProgramMatchesEnumeration() {
        QFETCH(int, objective);
        QFETCH(bool, tight);
        QFETCH(bool, mixed);
        auto cluster = cost::uniformCluster("rpi4", 2);
        if (mixed) {
            cluster.devices[1] = *cost::presetDevice("rpi3b");
            cluster.devices[1].name = "slow";
        }
        auto p = problem(cluster);
        QVERIFY(optimize::isChain(p));
        if (tight) { // between the most even split and the traffic optimum (everything on the gateway)
            const auto even = optimize::solveBruteForce(p, Objective::Memory);
            const auto gathered = optimize::solveBruteForce(p, Objective::Traffic);
            QVERIFY(even.ok() && gathered.ok());
            const std::int64_t cap = even->figures.maxMemoryBytes +
                                     (gathered->figures.maxMemoryBytes - even->figures.maxMemoryBytes) / 4;
            std::fill(p.budgetBytes.begin(), p.budgetBytes.end(), cap);
            QVERIFY(!optimize::evaluate(p, gathered->chosen).withinBudget); // the budgets bind
        }
        const auto brute = optimize::solveBruteForce(p, Objective(objective));
        const auto dp = optimize::solveDp(p, Objective(objective), 100000);
        QVERIFY2(brute.ok(), brute.ok() ? "" : brute.error().message.c_str());
        QVERIFY2(dp.ok(), dp.ok() ? "" : dp.error().message.c_str());
        QVERIFY(dp->optimal);
        QCOMPARE(dp->objective, brute->objective);
        QVERIFY(dp->figures.covers && dp->figures.withinBudget);
    }

    // The chosen plan is valid, computes what the model computes, moves exactly the bytes the cost model
    // counted and stores the weights it counted.
    void chosenPlansRunAndCostWhatWasPredicted() {
        const auto cluster = cost::uniformCluster("rpi4", 3);
        const auto p = problem(cluster);
        for (Objective objective : {Objective::Memory, Objective::Traffic, Objective::Latency}) {
            auto s = optimize::solveDp(p, objective, 100000);
            QVERIFY(s.ok());
            const auto plan = optimize::toPlan(p, s->chosen);
            QVERIFY(partition::checkPlan(plan, m_chain.graph, cluster).ok());
            auto program = partition::compile(m_chain, plan, cluster);
            QVERIFY(program.ok());
            const auto costs = sim::planCost(*program, m_chain.graph, cluster);
            QCOMPARE(costs.trafficBytes, s->figures.trafficBytes);
            for (std::size_t d = 0; d < cluster.devices.size(); ++d) {
                // planCost adds buffers (held pieces, message copies) and the runtime's state per node (the
                // overhead beyond the device's fixed part): the optimizer's figure is a lower bound
                const auto& c = costs.devices[d];
                QVERIFY(c.totalBytes >= s->figures.memoryBytes[d]);
                QVERIFY(c.totalBytes - c.bufferBytes -
                            (c.overheadBytes - cluster.devices[d].runtimeOverheadBytes) <=
                        s->figures.memoryBytes[d]);
            }
            const auto inputs = test::sampleInputs(m_chain.graph);
            auto got = partition::execute(*program, m_chain, inputs);
            QVERIFY(got.ok());
            const auto d = test::deviation(got->outputs.at("y"), test::runWhole(m_chain, inputs).at("y"));
            QVERIFY(d.relativeL2 < 1e-5);
        }
    }

    // The throughput objective: the integer program's plan has the least period of any objective's plan; the
    // optimizer's per-device compute, bytes and link times are the simulator's for that plan, and a
    // simulated stream is no faster than the period allows. The dynamic program refuses it (a maximum, not a
    // sum).
    void throughputPlanHasTheLeastPeriod() {
        for (const bool shared : {false, true}) { // a switched star, then a shared medium
            auto cluster = cost::uniformCluster("rpi4", 3);
            cluster.sharedMedium = shared;
            cluster.mediumBitsPerSecond = 100e6;
            for (auto& device : cluster.devices) {
                device.macsPerSecond /= shared ? 1000 : 1; // slow enough that the best plan still splits
            }
            const auto p = problem(cluster);
            const auto best = optimize::solveIlp(p, Objective::Throughput);
            QVERIFY2(best.ok(), best.ok() ? "" : best.error().message.c_str());
            QVERIFY(best->optimal);
            QCOMPARE(best->objective, best->figures.periodSeconds);
            for (Objective objective : {Objective::Memory, Objective::Traffic, Objective::Latency}) {
                const auto other = optimize::solveIlp(p, objective);
                QVERIFY(other.ok());
                QVERIFY(best->objective <= other->figures.periodSeconds * (1 + 1e-9));
            }
            auto program = partition::compile(m_chain, optimize::toPlan(p, best->chosen), cluster);
            QVERIFY(program.ok());
            sim::SimOptions stream;
            stream.frames = 32;
            const auto simulated = sim::simulate(*program, cluster, stream);
            const auto near = [](double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(a, b); };
            const auto& links = best->figures.links;
            for (std::size_t d = 0; d < cluster.devices.size(); ++d) {
                QCOMPARE(simulated.deviceSentBytes[d], links.sentBytes[d] * 32);
                QCOMPARE(simulated.deviceReceivedBytes[d], links.receivedBytes[d] * 32);
                QVERIFY(near(simulated.deviceBusySeconds[d] + simulated.deviceMessageSeconds[d],
                             32 * best->figures.cpuSeconds[d]));
                QVERIFY(near(simulated.deviceUpSeconds[d], 32 * links.upSeconds[d]));
                QVERIFY(near(simulated.deviceDownSeconds[d], 32 * links.downSeconds[d]));
            }
            QCOMPARE(links.mediumSeconds > 0, shared);
            QVERIFY(near(simulated.periodSeconds, best->objective));
            // the event timing leaves out the messages' CPU: no stream beats its busiest resource without
            // them
            double timed = 0;
            for (std::size_t d = 0; d < cluster.devices.size(); ++d) {
                timed = std::max({timed, simulated.deviceBusySeconds[d], simulated.deviceUpSeconds[d],
                                  simulated.deviceDownSeconds[d]});
            }
            QVERIFY(simulated.throughput <= (1 + 1e-9) * 32 / std::max(timed, 32 * links.mediumSeconds));
        }
        const auto dp = optimize::solveDp(problem(cost::uniformCluster("rpi4", 3)), Objective::Throughput);
        QVERIFY(!dp.ok());
        QCOMPARE(dp.error().code, ErrorCode::InvalidArgument);
    }

    void impossibleBudgetsAreRefused() {
        auto p = problem(cost::uniformCluster("rpi4", 2));
        for (auto& b : p.budgetBytes) {
            b = p.overheadBytes[0] + 1000; // not even one layer's weights fit
        }
        QVERIFY(!optimize::solveDp(p, Objective::Memory, 100000).ok());
        QVERIFY(!optimize::solveBruteForce(p, Objective::Memory).ok());
    }
};

QTEST_GUILESS_MAIN(TestDp)
#include "test_dp.moc"
