// Static plan costs against hand counts: weights per device (slices deduplicated by name, spread by work
// stealing), activation arenas plus held pieces, traffic per link, redundant MACs of tiles, the speed model.

#include <QtTest>

#include "core/model/model.h"
#include "core/partition/program.h"
#include "core/sim/plan_cost.h"
#include "support/onnx_builder.h"
#include "support/stages.h"

using namespace tessera;
using partition::Stage;
using partition::StageKind;
using tessera::test::stage;

class TestPlanCost : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    model::Model load(const test::OnnxBuilder& b, const std::string& name) {
        const std::string path = m_dir.filePath(QString::fromStdString(name + ".onnx")).toStdString();
        b.save(path);
        auto m = model::loadModel(path);
        if (!m) {
            qFatal("%s", m.error().message.c_str());
        }
        return std::move(*m);
    }

    // x[1,2,8,8] -> conv3x3 p1 (4, bias) -> relu (r1) -> conv3x3 p1 (4, bias) -> relu (r2), then with
    // `skip` an Add(r1, r2). Weights: w1 72 + b1 4 floats (304 B), w2 144 + b2 4 floats (592 B).
    model::Model convPair(bool skip) {
        test::OnnxBuilder b;
        b.input("x", {std::int64_t(1), std::int64_t(2), std::int64_t(8), std::int64_t(8)});
        for (const std::string k : {"1", "2"}) {
            const std::int64_t in = k == "1" ? 2 : 4;
            b.weights("w" + k, {4, in, 3, 3}, std::vector<float>(std::size_t(4 * in * 9), 0.1f));
            b.weights("b" + k, {4}, std::vector<float>(4, 0.f));
            auto& conv = b.node("Conv", {k == "1" ? "x" : "r1", "w" + k, "b" + k}, {"c" + k});
            test::OnnxBuilder::setInts(conv, "pads", {1, 1, 1, 1});
            b.node("Relu", {"c" + k}, {"r" + k});
        }
        if (skip) {
            b.node("Add", {"r1", "r2"}, {"sum"});
        }
        b.output(skip ? "sum" : "r2");
        return load(b, skip ? "skip" : "pair");
    }

    static partition::Program compile(const model::Model& m, std::vector<Stage> stages,
                                      const cost::Cluster& cluster) {
        partition::Plan plan;
        plan.stages = std::move(stages);
        auto program = partition::compile(m, plan, cluster);
        if (!program) {
            qFatal("%s", program.error().message.c_str());
        }
        return std::move(*program);
    }

    static cost::Cluster cluster(int count) {
        auto c = cost::uniformCluster("rpi4", count);
        for (auto& d : c.devices) {
            d.runtimeOverheadBytes = 0;
        }
        return c;
    }

private slots:
    // x[1,16,8,8] -> conv1 3x3 (16, dense: excluded) -> relu -> conv2 3x3 (32) with magnitudes
    // (i % 16 + 1) / 16, pruned per layer to 15/16: exactly the 15 smallest classes go, 9 of 144 weights stay
    // in every filter. conv2 split by output channels (LOP, cut 16) over two devices: each slice has 16 rows
    // and 144 nonzeros, stored in CSR as 144 * (4 + 2) + 17 * 4 = 932 bytes instead of 16 * 144 * 4 = 9,216.
    void prunedWeightsAreCountedAsStored() {
        test::OnnxBuilder b;
        b.input("x", {std::int64_t(1), std::int64_t(16), std::int64_t(8), std::int64_t(8)});
        b.weights("w1", {16, 16, 3, 3}, std::vector<float>(2304, 0.1f));
        std::vector<float> w2(4608);
        for (std::size_t i = 0; i < w2.size(); ++i) {
            w2[i] = float(i % 16 + 1) / 16.f * (i % 3 ? 1.f : -1.f);
        }
        b.weights("w2", {32, 16, 3, 3}, w2);
        test::OnnxBuilder::setInts(b.node("Conv", {"x", "w1"}, {"c1"}), "pads", {1, 1, 1, 1});
        b.node("Relu", {"c1"}, {"r1"});
        test::OnnxBuilder::setInts(b.node("Conv", {"r1", "w2"}, {"c2"}), "pads", {1, 1, 1, 1});
        b.output("c2");
        auto m = load(b, "pruned");
        partition::Plan plan;
        Stage lop = stage(StageKind::Lop, 2, 2, {0, 1});
        lop.channelCuts = {16};
        plan.stages = {stage(StageKind::Device, 0, 1, {0}), lop};
        plan.pruning = compress::PruneSettings{compress::PruneMode::PerLayer, 0.9375, {"first-conv"}};
        const auto c = cluster(2);
        const auto dense = sim::planCost(*partition::compile(m, plan, c), m.graph, c);
        QCOMPARE(dense.devices[0].weightBytes, std::int64_t(9216 + 9216));
        QCOMPARE(dense.devices[1].weightBytes, std::int64_t(9216));
        QVERIFY(partition::applyPruning(plan, m.graph).ok());
        const auto pruned = sim::planCost(*partition::compile(m, plan, c), m.graph, c);
        QCOMPARE(pruned.devices[0].weightBytes, std::int64_t(9216 + 932));
        QCOMPARE(pruned.devices[1].weightBytes, std::int64_t(932));
        QCOMPARE(pruned.devices[1].totalBytes, dense.devices[1].totalBytes - (9216 - 932));
    }

    // A Darknet .cfg without its .weights has zero weights as stand-ins: they cost what the real ones will,
    // dense (an LOP half of 8x4x3x3 filters: 144 floats, 576 B), not a few bytes of an empty sparse matrix.
    void placeholderWeightsAreCountedDense() {
        const QString cfg = m_dir.filePath("placeholder.cfg");
        QFile file(cfg);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[net]\nwidth=8\nheight=8\nchannels=4\n\n"
                   "[convolutional]\nfilters=8\nsize=3\nstride=1\npad=1\nactivation=linear\n");
        file.close();
        auto m = model::loadModel(cfg.toStdString());
        QVERIFY2(m.ok(), m ? "" : m.error().message.c_str());
        Stage lop = stage(StageKind::Lop, 0, 0, {0, 1});
        lop.channelCuts = {4};
        const auto c = cluster(2);
        const auto cost = sim::planCost(compile(*m, {lop}, c), m->graph, c);
        QCOMPARE(cost.devices[1].weightBytes, std::int64_t(4 * 4 * 9 * 4 + 4 * 4));
    }

    // x -> relu (512 B in, 512 B out) -> conv (4,608 MACs) -> relu (folded into the conv by the engine: free)
    // -> maxpool 2x2 (1,024 B in, 256 B out) -> flatten (an alias: free). Three nodes do work.
    void speedModelPerNode() {
        test::OnnxBuilder b;
        b.input("x", {std::int64_t(1), std::int64_t(2), std::int64_t(8), std::int64_t(8)});
        b.node("Relu", {"x"}, {"r0"});
        b.weights("w", {4, 2, 3, 3}, std::vector<float>(72, 0.1f));
        auto& conv = b.node("Conv", {"r0", "w"}, {"c"});
        test::OnnxBuilder::setInts(conv, "pads", {1, 1, 1, 1});
        b.node("Relu", {"c"}, {"r"});
        auto& pool = b.node("MaxPool", {"r"}, {"p"});
        test::OnnxBuilder::setInts(pool, "kernel_shape", {2, 2});
        test::OnnxBuilder::setInts(pool, "strides", {2, 2});
        b.node("Flatten", {"p"}, {"f"});
        b.output("f", 2);
        const auto m = load(b, "flat");
        auto c = cluster(1);
        const auto program = compile(m, {stage(StageKind::Device, 0, 4, {0})}, c);
        QCOMPARE(program.tasks.size(), std::size_t(1));
        const auto work = sim::taskWork(program.tasks[0].graph);
        QCOMPARE(work.macs, std::int64_t(4 * 64 * 18));
        QCOMPARE(work.bytes, std::int64_t(1024 + 1280));
        QCOMPARE(work.nodes, 3);
        // compile() stores the same work on the task, which the speed model reads
        QCOMPARE(program.tasks[0].work.macs, work.macs);
        QCOMPARE(program.tasks[0].work.bytes, work.bytes);
        QCOMPARE(program.tasks[0].work.nodes, work.nodes);
        cost::Device& d = c.devices[0];
        d.macsPerSecond = 4608;
        d.bytesPerSecond = 1152;
        d.nodeOverheadSeconds = 0.25;
        QCOMPARE(sim::taskSeconds(program.tasks[0], d), 1.0 + 2.0 + 0.75);
        const auto costs = sim::planCost(program, m.graph, c);
        QCOMPARE(costs.devices[0].computeSeconds, 3.75);
        QCOMPARE(costs.devices[0].macs, std::int64_t(4608));
        QCOMPARE(costs.devices[0].tasks, 1);
    }

    void weightsPerDevice() {
        const auto m = convPair(false);
        const auto c = cluster(2);
        auto tiles = stage(StageKind::Tiles, 0, 3, {0, 0});
        tiles.rowCuts = {4};
        // both tiles hold every filter under the same slice names: stored once
        auto costs = sim::planCost(compile(m, {tiles}, c), m.graph, c);
        QCOMPARE(costs.devices[0].weightBytes, std::int64_t(896));
        QCOMPARE(costs.devices[1].weightBytes, std::int64_t(0));
        tiles.devices = {0, 1};
        costs = sim::planCost(compile(m, {tiles}, c), m.graph, c);
        QCOMPARE(costs.devices[0].weightBytes, std::int64_t(896));
        QCOMPARE(costs.devices[1].weightBytes, std::int64_t(896));
        // stealing stays among the stage's devices: a device without a tile of the stage holds none of it
        tiles.devices = {0, 0};
        tiles.stealing = true;
        costs = sim::planCost(compile(m, {tiles}, c), m.graph, c);
        QCOMPARE(costs.devices[1].weightBytes, std::int64_t(0));
        QCOMPARE(costs.devices[1].tasks, 0);
        // LOP of the first conv at filter 1: device 0 holds w1[0:1] + b1[0:1] (19 floats) and the second
        // conv, device 1 holds w1[1:4] + b1[1:4] (57 floats)
        auto lop = stage(StageKind::Lop, 0, 1, {0, 1});
        lop.channelCuts = {1};
        costs = sim::planCost(compile(m, {lop, stage(StageKind::Device, 2, 3, {0})}, c), m.graph, c);
        QCOMPARE(costs.devices[0].weightBytes, std::int64_t(19 * 4 + 592));
        QCOMPARE(costs.devices[1].weightBytes, std::int64_t(57 * 4));
    }

    // A gateway that could re-run a dead worker's tiles (stealable, cut from the graph input, read by the
    // gateway alone) keeps the graph input x (512 B) until the frame ends, beside the result r2 (1,024 B).
    // Without stealing, or when the gateway has no tile of the stage, x is held until it is sent.
    void gatewayKeepsInputsForReruns() {
        const auto m = convPair(false);
        const auto c = cluster(2);
        const std::int64_t copies = sim::kMessageCopies * 1024; // the largest message: the result
        auto tiles = stage(StageKind::Tiles, 0, 3, {0, 1});
        tiles.rowCuts = {4};
        QCOMPARE(sim::planCost(compile(m, {tiles}, c), m.graph, c).devices[0].bufferBytes, 1024 + copies);
        tiles.stealing = true;
        QCOMPARE(sim::planCost(compile(m, {tiles}, c), m.graph, c).devices[0].bufferBytes,
                 512 + 1024 + copies);
        tiles.devices = {1, 1};
        QCOMPARE(sim::planCost(compile(m, {tiles}, c), m.graph, c).devices[0].bufferBytes, 1024 + copies);
    }

    // Two rows of tiles through both convs: each tile's first conv computes one extra row (the halo the
    // second conv reads), 2 rows x 8 columns x 4 filters x 18 MACs. A 2x2 grid computes 5x5 instead of 4x4
    // per tile.
    void redundantMacsOfTiles() {
        const auto m = convPair(false);
        const auto c = cluster(2);
        auto tiles = stage(StageKind::Tiles, 0, 3, {0, 1});
        tiles.rowCuts = {4};
        auto costs = sim::planCost(compile(m, {tiles}, c), m.graph, c);
        QCOMPARE(costs.modelMacs, std::int64_t(4 * 64 * 18 + 4 * 64 * 36));
        QCOMPARE(costs.redundantMacs(), std::int64_t(2 * 8 * 4 * 18));
        QCOMPARE(costs.devices[0].macs, std::int64_t(5 * 8 * 4 * 18 + 4 * 8 * 4 * 36));
        tiles.colCuts = {4};
        tiles.devices = {0, 1, 1, 0};
        costs = sim::planCost(compile(m, {tiles}, c), m.graph, c);
        QCOMPARE(costs.redundantMacs(), std::int64_t((4 * 25 - 64) * 4 * 18));
        // traffic of the row tiles: tile 1 (device 1) reads x rows [2, 8) from the gateway and returns its
        // output rows [4, 8); tile 0 runs on the gateway
        tiles.colCuts = {};
        tiles.devices = {0, 1};
        costs = sim::planCost(compile(m, {tiles}, c), m.graph, c);
        QCOMPARE(costs.links.size(), std::size_t(2));
        QCOMPARE(costs.links[0].bytes, std::int64_t(2 * 6 * 8 * 4));
        QCOMPARE(costs.links[1].bytes, std::int64_t(4 * 4 * 8 * 4));
        QCOMPARE(costs.trafficBytes, std::int64_t(384 + 512));
    }

    // conv1+relu on a (the gateway), conv2+relu on b, the Add on a: a keeps r1 (1,024 B) from its first task
    // to its second. Arenas: task 0 x + c1 (relu in place) = 1,536; task 1 r1 + c2 = 2,048; task 2 r1 + r2 +
    // sum = 3,072; each device keeps one arena, its largest task's. Buffers of a: r1 held at task 2; x held
    // at task 0 (512) is less. Received inputs (r1 at b, r2 at a) are in the arena when their task runs.
    void heldPiecesAndTraffic() {
        const auto m = convPair(true);
        auto c = cluster(2);
        c.devices[0].runtimeOverheadBytes = 100;
        c.devices[0].memoryBytes = 4096;
        const auto program =
            compile(m,
                    {stage(StageKind::Device, 0, 1, {0}), stage(StageKind::Device, 2, 3, {1}),
                     stage(StageKind::Device, 4, 4, {0})},
                    c);
        QCOMPARE(program.tasks[0].arenaBytes, std::int64_t(1536));
        QCOMPARE(program.tasks[1].arenaBytes, std::int64_t(2048));
        QCOMPARE(program.tasks[2].arenaBytes, std::int64_t(3072));
        const auto costs = sim::planCost(program, m.graph, c);
        const auto& a = costs.devices[0];
        QCOMPARE(a.weightBytes, std::int64_t(304));
        QCOMPARE(a.activationBytes, std::int64_t(3072));
        // ... plus the copies of its largest message (r1 out, r2 in, the result: 1,024 B each)
        QCOMPARE(a.bufferBytes, std::int64_t(1024) + sim::kMessageCopies * 1024);
        QCOMPARE(a.messageBytes, sim::kMessageCopies * 1024);
        // the fixed overhead and the runtime's state for the nodes of tasks 0 and 2
        const std::int64_t nodesOfA =
            std::int64_t(program.tasks[0].graph.nodes.size() + program.tasks[2].graph.nodes.size());
        QCOMPARE(nodesOfA, std::int64_t(3));
        QCOMPARE(a.overheadBytes, 100 + sim::runtimeNodeBytes(nodesOfA));
        QCOMPARE(a.totalBytes, std::int64_t(304 + 3072 + 3072 + 100 + 3 * 5120));
        QVERIFY(!a.fits());
        const auto& b = costs.devices[1];
        QCOMPARE(b.weightBytes, std::int64_t(592));
        QCOMPARE(b.activationBytes, std::int64_t(2048));
        QCOMPARE(b.bufferBytes, sim::kMessageCopies * 1024);
        QVERIFY(b.fits());
        // r1 goes to b, r2 comes back; a's own r1 costs nothing
        QCOMPARE(costs.links.size(), std::size_t(2));
        QCOMPARE(costs.links[0].from, 0);
        QCOMPARE(costs.links[0].to, 1);
        QCOMPARE(costs.links[0].bytes, std::int64_t(1024));
        QCOMPARE(costs.links[1].from, 1);
        QCOMPARE(costs.links[1].bytes, std::int64_t(1024));
        QCOMPARE(costs.trafficBytes, std::int64_t(2048));
        std::int64_t transfers = 0;
        for (const auto& t : program.transfers()) {
            transfers += t.bytes;
        }
        QCOMPARE(costs.trafficBytes, transfers);
        QCOMPARE(a.sentBytes, std::int64_t(1024));
        QCOMPARE(b.receivedBytes, std::int64_t(1024));
        QCOMPARE(
            costs.overBudget(c),
            std::vector<std::string>{"device 'rpi4-1' needs 21.4 KiB, 17.4 KiB over its budget of 4.00 KiB"});

        // everything on b: the gateway only holds x (512 B) at the start and the result (1,024 B) at the end
        const auto remote = sim::planCost(compile(m, {stage(StageKind::Device, 0, 4, {1})}, c), m.graph, c);
        QCOMPARE(remote.devices[0].activationBytes, std::int64_t(0));
        QCOMPARE(remote.devices[0].bufferBytes, std::int64_t(1024) + sim::kMessageCopies * 1024);
        QCOMPARE(remote.devices[0].totalBytes, std::int64_t(3072 + 100));
        QVERIFY(remote.overBudget(c).empty());
    }
};

QTEST_GUILESS_MAIN(TestPlanCost)
#include "test_plan_cost.moc"
