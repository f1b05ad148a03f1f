#include <QtTest>

#include "core/cost/analysis_report.h"
#include "core/cost/layer_cost.h"
#include "core/cost/memory_plan.h"
#include "core/model/model.h"
#include "support/onnx_builder.h"

using namespace tessera;
using tessera::test::OnnxBuilder;

class TestCost : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    // x[1,3,8,8] -> conv3x3(4) -> relu -> maxpool2 -> {conv1x1(2), conv1x1(2)} -> concat -> flatten ->
    // gemm(10)
    model::Model branchyNet() {
        OnnxBuilder b;
        b.input("x", {std::int64_t(1), std::int64_t(3), std::int64_t(8), std::int64_t(8)});
        b.weights("w0", {4, 3, 3, 3}, std::vector<float>(108, 0.1f));
        b.weights("b0", {4}, std::vector<float>(4, 0.f));
        auto& conv = b.node("Conv", {"x", "w0", "b0"}, {"c"});
        OnnxBuilder::setInts(conv, "pads", {1, 1, 1, 1});
        b.node("Relu", {"c"}, {"r"});
        auto& pool = b.node("MaxPool", {"r"}, {"p"});
        OnnxBuilder::setInts(pool, "kernel_shape", {2, 2});
        OnnxBuilder::setInts(pool, "strides", {2, 2});
        b.weights("wa", {2, 4, 1, 1}, std::vector<float>(8, 0.1f));
        b.weights("wb", {2, 4, 1, 1}, std::vector<float>(8, 0.1f));
        b.node("Conv", {"p", "wa"}, {"a"});
        b.node("Conv", {"p", "wb"}, {"bb"});
        auto& cat = b.node("Concat", {"a", "bb"}, {"cat"});
        OnnxBuilder::setInt(cat, "axis", 1);
        b.node("Flatten", {"cat"}, {"f"});
        b.weights("wf", {10, 64}, std::vector<float>(640, 0.1f));
        b.weights("bf", {10}, std::vector<float>(10, 0.f));
        auto& gemm = b.node("Gemm", {"f", "wf", "bf"}, {"y"});
        OnnxBuilder::setInt(gemm, "transB", 1);
        b.output("y", 2);
        const std::string path = m_dir.filePath("branchy.onnx").toStdString();
        b.save(path);
        auto m = model::loadModel(path);
        if (!m.ok()) {
            qFatal("%s", m.error().message.c_str());
        }
        return *m;
    }

private slots:
    void perLayerFigures() {
        const auto m = branchyNet();
        const auto cost = cost::analyze(m.graph);
        QCOMPARE(cost.layers.size(), std::size_t(8));
        const auto& conv = cost.layers[0];
        QCOMPARE(conv.macs, std::int64_t(4 * 8 * 8 * 27));
        QCOMPARE(conv.flops, std::int64_t(2 * 6912 + 256)); // plus one add per output for the bias
        QCOMPARE(conv.params, std::int64_t(112));
        QCOMPARE(conv.weightBytes, std::int64_t(448));
        QCOMPARE(conv.inputBytes, std::int64_t(768));
        QCOMPARE(conv.outputBytes, std::int64_t(1024));
        QCOMPARE(conv.dominance, cost::Dominance::Feature);
        QCOMPARE(cost.layers[2].flops, std::int64_t(64 * 4)); // 2x2 max over 64 outputs
        QCOMPARE(cost.layers[3].macs, std::int64_t(2 * 4 * 4 * 4));
        const auto& gemm = cost.layers[7];
        QCOMPARE(gemm.macs, std::int64_t(640));
        QCOMPARE(gemm.params, std::int64_t(650));
        QCOMPARE(gemm.dominance, cost::Dominance::Weight);
        QCOMPARE(cost.macs, std::int64_t(6912 + 128 + 128 + 640));
        QCOMPARE(cost.params, std::int64_t(112 + 8 + 8 + 650));
    }

    void peakActivationsWithBufferReuse() {
        // Live bytes per step: conv 768+1024 (peak); relu in place 1024; pool 1024+256; conv_a 256+128;
        // conv_b 256+128+128; concat 128+128+256; flatten aliases; gemm 256+64 (40 rounded to 64-byte
        // alignment).
        const auto m = branchyNet();
        const auto cost = cost::analyze(m.graph);
        QCOMPARE(cost.peakLiveBytes, std::int64_t(1792));
        QCOMPARE(cost.peakActivationBytes,
                 std::int64_t(1792)); // the planned arena reaches the lower bound here
        QCOMPARE(m.graph.nodes[cost.peakNode].opType, std::string("Conv"));
        QCOMPARE(cost.totalActivationBytes, std::int64_t(768 + 1024 + 256 + 128 + 128 + 256 + 64));
        const auto plan = cost::planMemory(m.graph);
        QCOMPARE(plan.bufferOf.at("r"), plan.bufferOf.at("c"));   // Relu writes over its input
        QCOMPARE(plan.bufferOf.at("f"), plan.bufferOf.at("cat")); // Flatten is a view
        QVERIFY(plan.bufferOf.at("x") != plan.bufferOf.at("c"));
        // buffers alive at the same step never overlap in the arena
        for (const auto& a : plan.buffers) {
            for (const auto& b : plan.buffers) {
                if (&a != &b && a.birth <= b.death && b.birth <= a.death) {
                    QVERIFY(a.offset + a.bytes <= b.offset || b.offset + b.bytes <= a.offset);
                }
            }
        }
        QCOMPARE(cost.inputBytes, std::int64_t(768));
        QCOMPARE(cost.outputBytes, std::int64_t(40));
    }

    void reportFormats() {
        const auto m = branchyNet();
        const auto cost = cost::analyze(m.graph);
        const std::string table = cost::formatReport(m, cost, cost::ReportFormat::Table);
        QVERIFY(table.find("Params       778\n") != std::string::npos);
        QVERIFY(table.find("peak 1.75 KiB with buffer reuse (during 'c')") != std::string::npos);
        QVERIFY(table.find(
                    "id | name | op      | output shape | params |  MACs | activations (B) | dominated by") !=
                std::string::npos);
        QVERIFY(
            table.find(" 0 | c    | Conv    | 1x4x8x8      |    112 | 6,912 |           1,024 | feature") !=
            std::string::npos);
        const std::string csv = cost::formatReport(m, cost, cost::ReportFormat::Csv);
        QCOMPARE(std::count(csv.begin(), csv.end(), '\n'), 9L);
        QVERIFY(csv.find("7,y,Gemm,1x10,650,640,1290,2600,256,40,weight\n") != std::string::npos);
        const std::string json = cost::formatReport(m, cost, cost::ReportFormat::Json);
        const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(json));
        QVERIFY(doc.isObject());
        QCOMPARE(doc["totals"]["peak_activation_bytes"].toInteger(), 1792);
        QCOMPARE(doc["layers"].toArray().size(), 8);
        QCOMPARE(doc["model"]["inputs"][0]["shape"].toArray().size(), 4);
    }

    void numberFormatting() {
        QCOMPARE(cost::groupDigits(138357544), std::string("138,357,544"));
        QCOMPARE(cost::groupDigits(999), std::string("999"));
        QCOMPARE(cost::groupDigits(-1000), std::string("-1,000"));
        QCOMPARE(cost::humanBytes(1536), std::string("1.50 KiB"));
        QCOMPARE(cost::humanCount(15470264320), std::string("15.47 G"));
    }
};

QTEST_GUILESS_MAIN(TestCost)
#include "test_cost.moc"
