// The storage rule for pruned weights, checked against byte counts worked out by hand, and the stored bytes
// the cost model reports per layer.

#include <QtTest>

#include "core/cost/layer_cost.h"
#include "core/cost/weight_storage.h"

using namespace tessera;
using namespace tessera::cost;

namespace {

model::Node conv(std::int64_t group = 1) {
    model::Node n;
    n.name = "conv";
    n.opType = "Conv";
    n.inputs = {"x", "w"};
    n.outputs = {"y"};
    n.attributes["group"] = group;
    return n;
}

} // namespace

class TestWeightStorage : public QObject {
    Q_OBJECT

private slots:
    void csrBytesByHand() {
        // 64 filters of 64x3x3 = 576 columns, 20% kept: 7373 nonzeros of 36864
        // values 7373 * 4 = 29492, uint16 columns 7373 * 2 = 14746, row starts 65 * 4 = 260 -> 44498
        QCOMPARE(csrBytes(64, 576, 7373), std::int64_t(44498));
        QCOMPARE(csrIndexBytes(65536), 2);
        QCOMPARE(csrIndexBytes(65537), 4);
        // a Gemm 1000 x 100000 (more columns than uint16 indexes), 1000 nonzeros: 1000*8 + 1001*4 = 12004
        QCOMPARE(csrBytes(1000, 100000, 1000), std::int64_t(12004));
    }

    void theRuleChoosesCsrOnlyPastTheThresholdAndWhenSmaller() {
        const WeightMatrix m{SparseKind::Conv, 64, 576};
        const std::int64_t elements = 64 * 576;
        const auto at = [&](double sparsity) {
            return weightStorage(m, elements - std::int64_t(std::llround(sparsity * elements)));
        };
        const auto dense = at(0.0);
        QCOMPARE(dense.form, WeightForm::Dense);
        QCOMPARE(dense.storedBytes, std::int64_t(147456));
        // 95% zero: 1843 nonzeros, 1843 * (4 + 2) + 65 * 4 = 11318 bytes
        const auto pruned = at(0.95);
        QCOMPARE(pruned.nonzeros, std::int64_t(1843));
        QCOMPARE(pruned.form, WeightForm::Csr);
        QCOMPARE(pruned.storedBytes, std::int64_t(11318));
        // just below the threshold: CSR would be smaller (6 bytes per nonzero) but the dense kernel is faster
        const double below = sparseThreshold(SparseKind::Conv) - 0.01;
        QCOMPARE(at(below).form, WeightForm::Dense);
        QVERIFY(at(below).csrBytes < at(below).denseBytes);
        // a 1-row matrix with 1 column: CSR (4 + 2 + 8 bytes) is never smaller than 4 bytes
        QCOMPARE(weightStorage({SparseKind::Gemm, 1, 1}, 0).form, WeightForm::Dense);
    }

    void matrixViews() {
        const model::Shape w{32, 16, 3, 3};
        QCOMPARE(weightMatrix(conv(), w)->rows, std::int64_t(32));
        QCOMPARE(weightMatrix(conv(), w)->cols, std::int64_t(144));
        QCOMPARE(weightMatrix(conv(2), {32, 8, 3, 3})->cols, std::int64_t(72));
        QCOMPARE(weightMatrix(conv(32), {32, 1, 3, 3})->kind, SparseKind::DepthwiseConv);
        model::Node gemm;
        gemm.opType = "Gemm";
        QCOMPARE(weightMatrix(gemm, {100, 10})->rows, std::int64_t(10)); // B is [K, N]: rows are N
        gemm.attributes["transB"] = std::int64_t(1);
        QCOMPARE(weightMatrix(gemm, {100, 10})->rows, std::int64_t(100));
        model::Node relu;
        relu.opType = "Relu";
        QVERIFY(!weightMatrix(relu, w));
    }

    void analyzeReportsStoredBytes() {
        model::Graph g;
        g.inputs = {{"x", model::DType::Float32, {1, 64, 8, 8}}};
        g.values["x"] = g.inputs[0];
        g.values["y"] = {"y", model::DType::Float32, {1, 64, 8, 8}};
        std::vector<float> w(std::size_t(64 * 576), 0.f);
        for (std::size_t i = 0; i < 1843; ++i) {
            w[i * 20] = 1.f; // 1843 nonzeros (95% zero) spread over the filters
        }
        g.initializers["w"] = model::Tensor::fromFloats({64, 64, 3, 3}, w);
        g.values["w"] = {"w", model::DType::Float32, {64, 64, 3, 3}};
        model::Node n = conv();
        n.attributes["pads"] = std::vector<std::int64_t>{1, 1, 1, 1};
        g.nodes = {n};
        g.outputs = {g.values["y"]};
        auto cost = analyze(g);
        QCOMPARE(cost.layers[0].weightBytes, std::int64_t(147456));
        QCOMPARE(cost.layers[0].storedWeightBytes, std::int64_t(11318));
        QCOMPARE(cost.storedWeightBytes, std::int64_t(11318));
        // a weight read by two nodes stays dense (each reader would otherwise build its own copy)
        model::Node second = n;
        second.name = "conv2";
        second.inputs[0] = "y";
        second.outputs = {"z"};
        g.values["z"] = {"z", model::DType::Float32, {1, 64, 8, 8}};
        g.nodes.push_back(second);
        cost = analyze(g);
        QCOMPARE(cost.storedWeightBytes, std::int64_t(147456));
    }
};

QTEST_GUILESS_MAIN(TestWeightStorage)
#include "test_weight_storage.moc"
