// Tile and slice geometry: region arithmetic, cut lines, the per-operator region rules, YOLOv2's fused
// tiles against a hand calculation of the FTP formula, and plan validation messages.

#include <QtTest>

#include "core/model/zoo.h"
#include "core/partition/program.h"
#include "core/partition/task_builder.h"
#include "support/random_plans.h"
#include "support/stages.h"

using namespace tessera;
using partition::Range;
using partition::Region;
using partition::Stage;
using partition::StageKind;
using tessera::test::stage;

class TestGeometry : public QObject {
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

    // x[1,4,12,12] -> conv3x3 s1 p1 (8) -> relu -> conv1x1 (6) -> relu -> conv3x3 s2 p1 (4) -> flatten ->
    // gemm(5)
    model::Model chain() {
        test::OnnxBuilder b;
        b.input("x", {std::int64_t(1), std::int64_t(4), std::int64_t(12), std::int64_t(12)});
        auto conv = [&](const std::string& in, const std::string& out, std::int64_t ic, std::int64_t oc,
                        int k, int s) {
            b.weights(out + "_w", {oc, ic, k, k}, std::vector<float>(std::size_t(oc * ic * k * k), 0.05f));
            b.weights(out + "_b", {oc}, std::vector<float>(std::size_t(oc), 0.1f));
            auto& n = b.node("Conv", {in, out + "_w", out + "_b"}, {out});
            test::OnnxBuilder::setInts(n, "strides", {s, s});
            test::OnnxBuilder::setInts(n, "pads", {k / 2, k / 2, k / 2, k / 2});
        };
        conv("x", "c1", 4, 8, 3, 1);
        b.node("Relu", {"c1"}, {"r1"});
        conv("r1", "c2", 8, 6, 1, 1);
        b.node("Relu", {"c2"}, {"r2"});
        conv("r2", "c3", 6, 4, 3, 2);
        b.node("Flatten", {"c3"}, {"f"});
        b.weights("fw", {5, 144}, std::vector<float>(720, 0.01f));
        auto& g = b.node("Gemm", {"f", "fw"}, {"y"});
        test::OnnxBuilder::setInt(g, "transB", 1);
        b.output("y", 2);
        return load(b, "chain");
    }

private slots:
    void regionArithmetic() {
        const Region a{{{0, 1}, {0, 8}, {2, 6}, {0, 4}}};
        const Region b{{{0, 1}, {4, 12}, {4, 9}, {1, 3}}};
        QCOMPARE(partition::intersect(a, b), (Region{{{0, 1}, {4, 8}, {4, 6}, {1, 3}}}));
        QCOMPARE(partition::hull(a, b), (Region{{{0, 1}, {0, 12}, {2, 9}, {0, 4}}}));
        QVERIFY(partition::intersect(a, Region{{{0, 1}, {0, 8}, {7, 9}, {0, 4}}}).empty());
        QCOMPARE(a.elements(), std::int64_t(8 * 4 * 4));
        QVERIFY(partition::contains(a, partition::intersect(a, b)));
        QVERIFY(!partition::contains(b, a));
        QCOMPARE(Region{}.elements(), std::int64_t(1)); // a scalar
        QCOMPARE(a.toString(), std::string("[0:1, 0:8, 2:6, 0:4]"));
    }

    void cutLines() {
        // DeepThings' grid: step ceil(38/5) = 8, the last tile takes the remainder
        QCOMPARE(partition::uniformCuts(38, 5), (std::vector<std::int64_t>{8, 16, 24, 32}));
        QCOMPARE(partition::uniformCuts(608, 3), (std::vector<std::int64_t>{203, 406}));
        QCOMPARE(partition::uniformCuts(5, 9), (std::vector<std::int64_t>{1, 2, 3, 4}));
        QCOMPARE(partition::rangesFromCuts(10, {3, 7}), (std::vector<Range>{{0, 3}, {3, 7}, {7, 10}}));
        QVERIFY(partition::rangesFromCuts(10, {7, 3}).empty());
        QVERIFY(partition::rangesFromCuts(10, {0, 3}).empty());
        QCOMPARE(partition::proportionalCuts(512, {1, 1}), (std::vector<std::int64_t>{256}));
        QCOMPARE(partition::proportionalCuts(512, {3, 1}), (std::vector<std::int64_t>{384}));
        QCOMPARE(partition::proportionalCuts(1000, {1, 1, 1}), (std::vector<std::int64_t>{334, 667}));
        // whole 7x7 planes of a flattened 512-channel map: cuts on multiples of 49
        QCOMPARE(partition::proportionalCuts(25088, {2, 1, 1}, 49),
                 (std::vector<std::int64_t>{12544, 18816}));
    }

    void convAndPoolRules() {
        const auto m = chain();
        const auto& g = m.graph;
        // c3: 3x3 stride 2 pad 1, 12 -> 6. Output rows [2, 4) read input rows [3, 8).
        const Region need{{{0, 1}, {1, 3}, {2, 4}, {0, 6}}};
        const auto r = partition::mapRegions(g, g.nodes[4], need);
        QCOMPARE(r.compute, need);
        QCOMPARE(r.inputs[0], (Region{{{0, 1}, {0, 6}, {3, 8}, {0, 12}}}));
        QCOMPARE(r.inputs[1], (Region{{{1, 3}, {0, 6}, {0, 3}, {0, 3}}})); // filters 1..2
        QCOMPARE(r.inputs[2], (Region{{{1, 3}}}));
        // rewritten: pads only where the region meets the border (left column here), bottom covers row 7's
        // window
        const auto n = partition::rewriteNode(g, g.nodes[4], r);
        QCOMPARE(n.attrInts("pads"), (std::vector<std::int64_t>{0, 1, 0, 0}));
        // the first rows: output rows [0, 1) read [0, 2) with one row of top padding
        const auto top = partition::mapRegions(g, g.nodes[4], Region{{{0, 1}, {0, 4}, {0, 1}, {5, 6}}});
        QCOMPARE(top.inputs[0], (Region{{{0, 1}, {0, 6}, {0, 2}, {9, 12}}}));
        // (the last window [9, 12) ends at the border: the right padding of the whole layer is never read)
        QCOMPARE(partition::rewriteNode(g, g.nodes[4], top).attrInts("pads"),
                 (std::vector<std::int64_t>{1, 0, 0, 0}));
        // Flatten maps features back to whole channel planes (36 per channel of 6x6... here 4x6x6 -> 144)
        const auto f = partition::mapRegions(g, g.nodes[5], Region{{{0, 1}, {40, 80}}});
        QCOMPARE(f.compute, (Region{{{0, 1}, {36, 108}}}));
        QCOMPARE(f.inputs[0], (Region{{{0, 1}, {1, 3}, {0, 6}, {0, 6}}}));
        // cut lines follow the kernel centre back: output cut 3 of the stride-2 conv falls on input row 6
        QCOMPARE(partition::mapCutToInput(g, g.nodes[4], 0, 2, 3), std::int64_t(6));
    }

    // DeepThings' configuration: YOLOv2 608x608, Darknet layers 0..15 fused (12 convolutions, 4 max pools,
    // ending in 38x38x256), N x N grids. Every tile's region at every layer equals the FTP formula of
    // design.md applied by hand: in = [max(0, S*o1 - P), min(W-1, S*o2 - P + F - 1)] (inclusive).
    void yolov2FusedTilesMatchTheFtpFormula() {
        auto m = model::buildZooModel("yolov2-608");
        QVERIFY(m.ok());
        const auto& g = m->graph;
        std::size_t last = 0;
        while (g.nodes[last].name != "conv_15_leaky") {
            ++last;
        }
        // Darknet layers 0..15: {kernel, stride, pad}; maxpool 2x2/2 has no padding
        struct Layer {
            int f, s, p;
            std::string name;
        };
        const std::vector<Layer> layers = {
            {3, 1, 1, "conv_0"},  {2, 2, 0, "maxpool_1"}, {3, 1, 1, "conv_2"},  {2, 2, 0, "maxpool_3"},
            {3, 1, 1, "conv_4"},  {1, 1, 0, "conv_5"},    {3, 1, 1, "conv_6"},  {2, 2, 0, "maxpool_7"},
            {3, 1, 1, "conv_8"},  {1, 1, 0, "conv_9"},    {3, 1, 1, "conv_10"}, {2, 2, 0, "maxpool_11"},
            {3, 1, 1, "conv_12"}, {1, 1, 0, "conv_13"},   {3, 1, 1, "conv_14"}, {1, 1, 0, "conv_15"}};
        const std::vector<std::int64_t> widths = {608, 608, 304, 304, 152, 152, 152, 152,
                                                  76,  76,  76,  76,  38,  38,  38,  38};
        std::map<std::string, std::size_t> index;
        for (std::size_t i = 0; i < g.nodes.size(); ++i) {
            index[g.nodes[i].name] = i;
        }
        QString table;
        for (int n = 1; n <= 5; ++n) {
            const auto cuts = partition::uniformCuts(38, n);
            const auto ranges = partition::rangesFromCuts(38, cuts);
            std::int64_t inputArea = 0;
            for (const auto& rr : ranges) {
                for (const auto& cr : ranges) {
                    Region cell = Region::full(g.value("conv_15_leaky")->shape);
                    cell[2] = rr;
                    cell[3] = cr;
                    const auto geo = partition::detail::backPropagate(g, 0, last, {{"conv_15_leaky", cell}});
                    // by hand, inclusive ranges, from the last layer down
                    std::int64_t r1 = rr.begin, r2 = rr.end - 1, c1 = cr.begin, c2 = cr.end - 1;
                    for (std::size_t l = layers.size(); l-- > 0;) {
                        const auto& L = layers[l];
                        const std::int64_t w = widths[l];
                        r1 = std::max<std::int64_t>(0, L.s * r1 - L.p);
                        r2 = std::min<std::int64_t>(w - 1, L.s * r2 - L.p + L.f - 1);
                        c1 = std::max<std::int64_t>(0, L.s * c1 - L.p);
                        c2 = std::min<std::int64_t>(w - 1, L.s * c2 - L.p + L.f - 1);
                        const auto& node = g.nodes[index.at(L.name)];
                        const auto& got = geo.need.at(node.inputs[0]);
                        QCOMPARE(got[2], (Range{r1, r2 + 1}));
                        QCOMPARE(got[3], (Range{c1, c2 + 1}));
                    }
                    // the same region as the receptive field of the block's entrance, its only one
                    const auto entering = partition::receptiveRegions(g, 0, last, cell);
                    QCOMPARE(entering.size(), std::size_t(1));
                    QCOMPARE(entering.at(g.nodes[0].inputs[0])[2], (Range{r1, r2 + 1}));
                    QCOMPARE(entering.at(g.nodes[0].inputs[0])[3], (Range{c1, c2 + 1}));
                    inputArea += (r2 - r1 + 1) * (c2 - c1 + 1);
                }
            }
            table += QString(" %1x%1: %2").arg(n).arg(double(inputArea) / (608.0 * 608.0), 0, 'f', 3);
        }
        qInfo("YOLOv2-608 layers 0-15, input area read by all tiles / frame area:%s", qPrintable(table));
    }

    void validationListsEveryProblem() {
        const auto m = chain(); // c1 r1 c2 r2 c3 f y
        const auto cluster = cost::uniformCluster("rpi4", 2);
        partition::Plan plan;
        Stage tiles = stage(StageKind::Tiles, 0, 1, {0});
        tiles.rowCuts = {8, 4};
        Stage tail = stage(StageKind::Tiles, 4, 6, {0, 1});
        tail.rowCuts = {3};
        plan.stages = {tiles, stage(StageKind::Device, 3, 3, {5}), tail};
        QCOMPARE(
            partition::validate(plan, m.graph, cluster),
            (std::vector<std::string>{
                "stage 1 (tiles, 'c1'..'r1'): needs 3 device assignment(s), has 1",
                "stage 1 (tiles, 'c1'..'r1'): row cuts [8,4] must be strictly increasing and inside (0, 12)",
                "nodes 'c2' (Conv) belong to no stage",
                "stage 2 (device, 'r2'): device #5 is not in the cluster (it has 2 devices)",
                "stage 3 (tiles, 'c3'..'y'): node 'f' (Flatten): tiles need 4-D (N,C,H,W) values; its output "
                "is 2-D",
                "stage 3 (tiles, 'c3'..'y'): node 'y' (Gemm): tiles need 4-D (N,C,H,W) values; its output is "
                "2-D",
            }));
        // a value leaving a split stage from the middle
        Stage lop = stage(StageKind::Lop, 0, 2, {0, 1});
        lop.channelCuts = {3};
        plan.stages = {lop, stage(StageKind::Device, 3, 6, {0})};
        QVERIFY(partition::validate(plan, m.graph, cluster).empty());
        Stage lip = stage(StageKind::Lip, 2, 2, {0, 1, 1});
        lip.channelCuts = {2, 5};
        lip.reducer = 1;
        plan.stages = {stage(StageKind::Device, 0, 1, {1}), lip, stage(StageKind::Device, 3, 6, {0})};
        QVERIFY(partition::validate(plan, m.graph, cluster).empty());
        lip.channelCuts = {2, 9};
        plan.stages[1] = lip;
        QCOMPARE(partition::validate(plan, m.graph, cluster),
                 (std::vector<std::string>{"stage 2 (lip, 'c2'): input channel cuts [2,9] must be strictly "
                                           "increasing and inside (0, 8)"}));
        const auto status = partition::checkPlan(plan, m.graph, cluster);
        QCOMPARE(QString::fromStdString(status.error().message),
                 QString("the plan is not valid (1 problem):\n  - stage 2 (lip, 'c2'): input channel cuts "
                         "[2,9] must be "
                         "strictly increasing and inside (0, 8)"));
    }

    // LOP then LIP with the same slices on the same devices: the pair exchanges nothing (DeeperThings' fused
    // layers); the LOP stage receives its whole input and the LIP reduction receives full partial sums.
    void fusedLopLipExchangesNothing() {
        const auto m = chain();
        const auto cluster = cost::uniformCluster("rpi4", 2);
        Stage lop = stage(StageKind::Lop, 0, 1, {0, 1}); // c1 + relu, output channels 0..4 | 5..7
        lop.channelCuts = {5};
        Stage lip = stage(StageKind::Lip, 2, 3, {0, 1}); // c2 + relu, input channels 0..4 | 5..7
        lip.channelCuts = {5};
        partition::Plan plan;
        plan.stages = {lop, lip, stage(StageKind::Device, 4, 6, {0})};
        auto program = partition::compile(m, plan, cluster);
        QVERIFY2(program.ok(), program.ok() ? "" : program.error().message.c_str());
        std::int64_t lopToLip = 0, input = 0, partials = 0;
        for (const auto& t : program->transfers()) {
            const auto& piece = program->pieces[std::size_t(t.piece)];
            const int producer = piece.task < 0 ? -1 : program->tasks[std::size_t(piece.task)].stage;
            const int consumer = t.task < 0 ? -1 : program->tasks[std::size_t(t.task)].stage;
            lopToLip += producer == 0 && consumer == 1 ? t.bytes : 0;
            input += producer == -1 ? t.bytes : 0;
            partials += producer == 1 && consumer == 1 ? t.bytes : 0;
        }
        QCOMPARE(lopToLip, std::int64_t(0));
        QCOMPARE(input, std::int64_t(4 * 12 * 12 * 4));    // the whole input to device 1
        QCOMPARE(partials, std::int64_t(6 * 12 * 12 * 4)); // device 1's partial sum to the reducer (device 0)
    }
};

QTEST_GUILESS_MAIN(TestGeometry)
#include "test_geometry.moc"
