// The sparse (CSR) Conv and Gemm kernels against the dense reference on pruned random layers of every
// geometry, at several sparsities and thread counts (fixed seeds); and that a loaded Net holds exactly the
// bytes the cost model predicts, in CSR where the storage rule says so, dense elsewhere.

#include <QtTest>

#include <numeric>

#include "core/cost/layer_cost.h"
#include "core/cost/weight_storage.h"
#include "core/exec/net.h"
#include "kernel_harness.h"

using namespace tessera;
using namespace tessera::exec;
using namespace tessera::exec::test;

namespace {

constexpr float kTolerance = 1e-4f;

// Zeroes a deterministic `sparsity` share of the values (a fixed pseudo-random pattern, not by magnitude:
// the kernels must not care which weights are zero).
std::vector<float> pruned(std::vector<float> v, double sparsity, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::vector<std::size_t> order(v.size());
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    for (std::size_t i = 0; i < std::size_t(std::llround(sparsity * double(v.size()))); ++i) {
        v[order[i]] = 0.f;
    }
    return v;
}

// The tolerance for outputs of this magnitude: float sums of thousands of products differ in the last bits.
float tolerance(const std::vector<float>& reference) {
    float largest = 1.f;
    for (float v : reference) {
        largest = std::max(largest, std::abs(v));
    }
    return kTolerance * largest;
}

std::int64_t convOut(std::int64_t in, std::int64_t k, std::int64_t s, std::int64_t p0, std::int64_t p1,
                     std::int64_t d) {
    return (in + p0 + p1 - d * (k - 1) - 1) / s + 1;
}

} // namespace

class TestKernelsSparse : public QObject {
    Q_OBJECT
private slots:
    void convSparseMatchesReference_data() {
        QTest::addColumn<int>("inC");
        QTest::addColumn<int>("outC");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("stride");
        QTest::addColumn<QList<int>>("pads");
        QTest::addColumn<int>("dilation");
        QTest::addColumn<int>("group");
        QTest::addColumn<QString>("activation");
        QTest::newRow("3x3 pad 1") << 8 << 16 << 13 << 3 << 1 << QList<int>{1, 1, 1, 1} << 1 << 1 << "";
        QTest::newRow("1x1 direct") << 16 << 24 << 9 << 1 << 1 << QList<int>{0, 0, 0, 0} << 1 << 1 << "Relu";
        QTest::newRow("1x1 stride 2") << 16 << 8 << 9 << 1 << 2 << QList<int>{0, 0, 0, 0} << 1 << 1 << "";
        QTest::newRow("7x7 stride 2 pad 3")
            << 3 << 16 << 32 << 7 << 2 << QList<int>{3, 3, 3, 3} << 1 << 1 << "Relu";
        QTest::newRow("asymmetric pads") << 4 << 6 << 10 << 3 << 2 << QList<int>{0, 1, 2, 0} << 1 << 1 << "";
        QTest::newRow("dilation 2") << 4 << 4 << 12 << 3 << 1 << QList<int>{2, 2, 2, 2} << 2 << 1 << "";
        QTest::newRow("groups 2") << 8 << 6 << 9 << 3 << 1 << QList<int>{1, 1, 1, 1} << 1 << 2 << "LeakyRelu";
        QTest::newRow("groups 4 stride 2")
            << 16 << 8 << 11 << 3 << 2 << QList<int>{1, 0, 1, 0} << 1 << 4 << "Clip";
        QTest::newRow("depthwise") << 12 << 12 << 11 << 3 << 1 << QList<int>{1, 1, 1, 1} << 1 << 12 << "Clip";
        QTest::newRow("depthwise 5x5 dilation 2")
            << 4 << 4 << 21 << 5 << 1 << QList<int>{4, 3, 2, 4} << 2 << 4 << "";
        // K = 2304 rows: column tiles narrower than the map (several tiles per image)
        QTest::newRow("large K, column tiles")
            << 256 << 40 << 20 << 3 << 1 << QList<int>{1, 1, 1, 1} << 1 << 1 << "LeakyRelu";
    }

    void convSparseMatchesReference() {
        QFETCH(int, inC);
        QFETCH(int, outC);
        QFETCH(int, size);
        QFETCH(int, k);
        QFETCH(int, stride);
        QFETCH(QList<int>, pads);
        QFETCH(int, dilation);
        QFETCH(int, group);
        QFETCH(QString, activation);
        const std::vector<std::int64_t> p(pads.begin(), pads.end());
        model::Node node{"conv", "Conv", "", {}, {}, {}};
        node.attributes["strides"] = std::vector<std::int64_t>{stride, stride};
        node.attributes["pads"] = p;
        node.attributes["dilations"] = std::vector<std::int64_t>{dilation, dilation};
        node.attributes["group"] = std::int64_t(group);
        if (!activation.isEmpty()) {
            node.attributes["tessera.activation"] = activation.toStdString();
            node.attributes["tessera.alpha"] = 0.1f;
            node.attributes["tessera.min"] = 0.f;
            node.attributes["tessera.max"] = 0.5f;
        }
        const Shape outShape{2, outC, convOut(size, k, stride, p[0], p[2], dilation),
                             convOut(size, k, stride, p[1], p[3], dilation)};
        Operand x{{2, inC, size, size}, randomData(2 * inC * size * size, 1)};
        Operand b{{outC}, randomData(outC, 3), true};
        const std::vector<float> dense = randomData(outC * inC / group * k * k, 2);
        for (double sparsity : {0.0, 0.5, 0.9, 1.0}) {
            Operand w{{outC, inC / group, k, k}, pruned(dense, sparsity, 7), true};
            std::string error;
            auto ref = runKernel(node, {x, w, b}, {outShape}, true, 1, &error);
            QVERIFY2(ref, error.c_str());
            for (int threads : {1, 3}) {
                auto sparse =
                    runKernel(node, {x, w, b}, {outShape}, false, threads, &error, 13, SparseChoice::Sparse);
                QVERIFY2(sparse, error.c_str());
                const float diff = maxAbsDiff((*ref)[0], (*sparse)[0]);
                QVERIFY2(diff < tolerance((*ref)[0]),
                         qPrintable(QString("sparsity %1, %2 threads: max |diff| %3")
                                        .arg(sparsity)
                                        .arg(threads)
                                        .arg(double(diff))));
            }
        }
    }

    void gemmSparseMatchesReference_data() {
        QTest::addColumn<int>("m");
        QTest::addColumn<int>("k");
        QTest::addColumn<bool>("transA");
        QTest::addColumn<bool>("transB");
        QTest::addColumn<QList<int>>("cShape");
        QTest::newRow("fc: transB, bias [N]") << 1 << 33 << false << true << QList<int>{70};
        QTest::newRow("fc: B [K,N], C [1,N]") << 1 << 33 << false << false << QList<int>{1, 70};
        QTest::newRow("M=5 transA, C [M,1]") << 5 << 33 << true << false << QList<int>{5, 1};
        QTest::newRow("M=5 both, scalar C") << 5 << 33 << true << true << QList<int>{};
        QTest::newRow("M=3 no C") << 3 << 33 << false << true << QList<int>{-1};
        // more than 65,536 columns: uint32 column indices
        QTest::newRow("K=70000, wide indices") << 2 << 70000 << false << true << QList<int>{70};
    }

    void gemmSparseMatchesReference() {
        QFETCH(int, m);
        QFETCH(int, k);
        QFETCH(bool, transA);
        QFETCH(bool, transB);
        QFETCH(QList<int>, cShape);
        const std::int64_t n = 70;
        model::Node node{"gemm", "Gemm", "", {}, {}, {}};
        node.attributes["transA"] = std::int64_t(transA);
        node.attributes["transB"] = std::int64_t(transB);
        node.attributes["alpha"] = 0.5f;
        node.attributes["beta"] = 2.f;
        node.attributes["tessera.activation"] = std::string("Relu");
        Operand a{transA ? Shape{k, m} : Shape{m, k}, randomData(std::int64_t(m) * k, 4)};
        const std::vector<float> dense = randomData(k * n, 5);
        for (double sparsity : {0.0, 0.6, 0.95}) {
            Operand b{transB ? Shape{n, k} : Shape{k, n}, pruned(dense, sparsity, 8), true};
            std::vector<Operand> operands{a, b};
            if (cShape != QList<int>{-1}) {
                Shape c(cShape.begin(), cShape.end());
                operands.push_back(Operand{c, randomData(model::elementCount(c), 6), true});
            }
            auto ref = runKernel(node, operands, {{m, n}}, true);
            auto sparse = runKernel(node, operands, {{m, n}}, false, 2, nullptr, 13, SparseChoice::Sparse);
            QVERIFY(ref && sparse);
            QVERIFY2(maxAbsDiff((*ref)[0], (*sparse)[0]) < tolerance((*ref)[0]),
                     qPrintable(QString::number(double(maxAbsDiff((*ref)[0], (*sparse)[0])))));
        }
    }

    // conv (3x3, 32 -> 64) -> gemm (64*8*8 -> 10): the Net holds what cost::analyze predicts, the sparse form
    // where the storage rule says CSR, and runs it to the reference's result.
    void netHoldsWhatTheCostModelCounts() {
        for (double sparsity : {0.0, 0.5, 0.8, 0.95}) {
            model::Model m;
            auto& g = m.graph;
            g.inputs = {{"x", model::DType::Float32, {1, 32, 8, 8}}};
            g.values["x"] = g.inputs[0];
            g.values["c"] = {"c", model::DType::Float32, {1, 64, 8, 8}};
            g.values["f"] = {"f", model::DType::Float32, {1, 4096}};
            g.values["y"] = {"y", model::DType::Float32, {1, 10}};
            g.initializers["w"] =
                model::Tensor::fromFloats({64, 32, 3, 3}, pruned(randomData(18432, 9), sparsity, 1));
            g.initializers["fc"] =
                model::Tensor::fromFloats({10, 4096}, pruned(randomData(40960, 10), sparsity, 2));
            g.values["w"] = {"w", model::DType::Float32, {64, 32, 3, 3}};
            g.values["fc"] = {"fc", model::DType::Float32, {10, 4096}};
            model::Node conv{"conv", "Conv", "", {"x", "w"}, {"c"}, {}};
            conv.attributes["pads"] = std::vector<std::int64_t>{1, 1, 1, 1};
            model::Node flatten{"flatten", "Flatten", "", {"c"}, {"f"}, {}};
            model::Node gemm{"gemm", "Gemm", "", {"f", "fc"}, {"y"}, {}};
            gemm.attributes["transB"] = std::int64_t(1);
            g.nodes = {conv, flatten, gemm};
            g.outputs = {g.values["y"]};
            const auto predicted = cost::analyze(g);
            auto reference = Net::load(m, {true});
            auto net = Net::load(m);
            QVERIFY(net.ok() && reference.ok());
            QCOMPARE(std::int64_t((*net)->weightBytes()), predicted.storedWeightBytes);
            // the CSR forms really replaced the dense tensors when the rule chose them
            const bool convSparse = sparsity >= cost::sparseThreshold(cost::SparseKind::Conv);
            if (sparsity == 0.0 || sparsity == 0.95) { // dense below any crossover, CSR past every one
                QCOMPARE(predicted.storedWeightBytes < predicted.weightBytes, sparsity == 0.95);
            }
            QCOMPARE((*net)->constantData((*net)->valueId("w")) == nullptr, convSparse);
            std::vector<float> input = randomData(2048, 11);
            std::vector<std::vector<float>> outputs;
            for (const auto& n : {*reference, *net}) {
                Session session(n, 2);
                QVERIFY(session.setInput("x", input.data(), input.size()).ok());
                QVERIFY(session.run().ok());
                const auto y = session.output("y");
                outputs.emplace_back(y->data, y->data + 10);
            }
            QVERIFY(maxAbsDiff(outputs[0], outputs[1]) < tolerance(outputs[0]));
        }
    }
};

QTEST_GUILESS_MAIN(TestKernelsSparse)
#include "test_kernels_sparse.moc"
