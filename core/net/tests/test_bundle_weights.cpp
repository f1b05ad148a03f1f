// What a node holds for a tile stage once its bundle is loaded: the stage's weights once (folded, shared by
// every tile it may run), and one activation arena as large as its largest task's - the figures sim::planCost
// predicts for the device.

#include <QtTest>

#include <algorithm>
#include <filesystem>

#include "core/model/zoo.h"
#include "core/net/bundle.h"
#include "core/partition/plan.h"
#include "core/sim/plan_cost.h"

using namespace tessera;

namespace {

std::size_t nodeIndex(const model::Graph& g, const std::string& name) {
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        if (g.nodes[i].name == name) {
            return i;
        }
    }
    qFatal("no node %s", name.c_str());
}

// tiny-yolov2 with conv_0..conv_8_leaky in 3x3 tiles (uneven sizes at the borders), `tilesOnWorker` of them
// on device 1 and the rest on device 0, stealing as asked; the rest of the network on device 0.
partition::Program tileProgram(const model::Model& m, const cost::Cluster& cluster, int tilesOnWorker,
                               bool steal) {
    const auto& g = m.graph;
    partition::Stage tiles;
    tiles.kind = partition::StageKind::Tiles;
    tiles.first = 0;
    tiles.last = nodeIndex(g, "conv_8_leaky");
    const auto shape = g.value(g.nodes[tiles.last].outputs[0])->shape;
    tiles.rowCuts = partition::uniformCuts(shape[2], 3);
    tiles.colCuts = partition::uniformCuts(shape[3], 3);
    for (int t = 0; t < 9; ++t) {
        tiles.devices.push_back(t < tilesOnWorker ? 1 : 0);
    }
    tiles.stealing = steal;
    partition::Stage rest;
    rest.first = tiles.last + 1;
    rest.last = g.nodes.size() - 1;
    rest.devices = {0};
    partition::Plan plan;
    plan.stages = {tiles, rest};
    auto program = partition::compile(m, plan, cluster);
    if (!program) {
        qFatal("%s", program.error().message.c_str());
    }
    return std::move(*program);
}

} // namespace

class TestBundleWeights : public QObject {
    Q_OBJECT

    model::Model m_model;
    cost::Cluster m_cluster = cost::uniformCluster("rpi4", 2);
    QTemporaryDir m_dir;

    // Writes the bundles of `program` and loads device 1's.
    net::NodeBundle workerBundle(const partition::Program& program, const std::string& name) {
        const std::string dir = (std::filesystem::path(m_dir.path().toStdString()) / name).string();
        net::BundleOptions options;
        options.endpoints = {"tcp://127.0.0.1:7700", "tcp://127.0.0.1:7701"};
        auto written = net::writeBundles(program, m_model, m_cluster, options, dir);
        if (!written) {
            qFatal("%s", written.error().message.c_str());
        }
        auto bundle = net::loadBundle((std::filesystem::path(dir) / m_cluster.devices[1].name).string());
        if (!bundle) {
            qFatal("%s", bundle.error().message.c_str());
        }
        return std::move(*bundle);
    }

    // Bytes of one copy of the weights of conv_0..conv_8 as the engine holds them: each Conv's weights and
    // one bias per output channel (BatchNormalization folded into them).
    std::int64_t oneFoldedCopy() const {
        std::int64_t bytes = 0;
        for (const auto& n : m_model.graph.nodes) {
            if (n.opType == "Conv" &&
                nodeIndex(m_model.graph, n.name) < nodeIndex(m_model.graph, "maxpool_9")) {
                const auto& w = *m_model.graph.initializer(n.inputs[1]);
                bytes += (w.elements() + w.shape[0]) * std::int64_t(sizeof(float));
            }
        }
        return bytes;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto g = model::buildZooModel("tiny-yolov2");
        QVERIFY(g.ok());
        m_model = std::move(*g);
    }

    // Nine tiles on the worker, or every tile of a stealing stage: the stage's weights are held once, not
    // once per tile, and they are what planCost counts for the device (less the BatchNormalization parameters
    // folded away).
    void tileStageHoldsItsWeightsOnce_data() {
        QTest::addColumn<int>("tilesOnWorker");
        QTest::addColumn<bool>("steal");
        QTest::newRow("9 own tiles") << 9 << false;
        QTest::newRow("3 own tiles, 9 it may steal") << 3 << true;
    }
    void tileStageHoldsItsWeightsOnce() {
        QFETCH(int, tilesOnWorker);
        QFETCH(bool, steal);
        const auto program = tileProgram(m_model, m_cluster, tilesOnWorker, steal);
        const auto bundle = workerBundle(program, QTest::currentDataTag());
        QCOMPARE(int(bundle.segments.size()), 9);
        const auto held = std::int64_t(bundle.net->weightBytes());
        QCOMPARE(held, oneFoldedCopy());
        const auto cost = sim::planCost(program, m_model.graph, m_cluster);
        const std::int64_t predicted = cost.devices[1].weightBytes;
        // the prediction counts the raw BatchNormalization parameters (4 per channel) the engine folds into
        // one bias per channel: a few KiB here, never a second copy of the filters
        QVERIFY2(held <= predicted && held >= predicted * 99 / 100,
                 qPrintable(QString("held %1 B, predicted %2 B").arg(held).arg(predicted)));
    }

    // The session arena serves every task in turn: as large as the largest task's planned arena (what
    // planCost predicts as the device's activations), not their sum.
    void oneArenaSizedForTheLargestTile() {
        const auto program = tileProgram(m_model, m_cluster, 9, false);
        const auto bundle = workerBundle(program, "arena");
        std::int64_t largest = 0;
        for (const auto& task : program.tasks) {
            if (task.device == 1) {
                largest = std::max(largest, task.arenaBytes);
            }
        }
        QCOMPARE(std::int64_t(bundle.net->arenaBytes()), largest);
        const auto cost = sim::planCost(program, m_model.graph, m_cluster);
        QCOMPARE(cost.devices[1].activationBytes, largest);
        exec::Session session(bundle.net);
        QCOMPARE(session.arenaBytes(), bundle.net->arenaBytes());
    }
};

QTEST_GUILESS_MAIN(TestBundleWeights)
#include "test_bundle_weights.moc"
