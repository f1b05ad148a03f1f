// Conv, ConvTranspose, Gemm and MatMul: hand-computed cases, and the optimised paths against the reference
// implementations over option combinations (fixed seeds). Tolerance: 1e-4 absolute on values of order 1
// (float accumulation order differs between Eigen's GEMM and the double-accumulating reference).

#include <QtTest>

#include "kernel_harness.h"

using namespace tessera;
using namespace tessera::exec;
using namespace tessera::exec::test;

namespace {

constexpr float kTolerance = 1e-4f;

model::Node convNode(std::vector<std::int64_t> strides, std::vector<std::int64_t> pads,
                     std::vector<std::int64_t> dilations, std::int64_t group,
                     const std::string& autoPad = "NOTSET") {
    model::Node n{"conv", "Conv", "", {}, {}, {}};
    n.attributes["strides"] = strides;
    n.attributes["pads"] = pads;
    n.attributes["dilations"] = dilations;
    n.attributes["group"] = group;
    if (autoPad != "NOTSET") {
        n.attributes["auto_pad"] = autoPad;
        n.attributes.erase("pads");
    }
    return n;
}

std::int64_t convOut(std::int64_t in, std::int64_t k, std::int64_t s, std::int64_t p0, std::int64_t p1,
                     std::int64_t d) {
    return (in + p0 + p1 - d * (k - 1) - 1) / s + 1;
}

} // namespace

class TestKernelsConv : public QObject {
    Q_OBJECT
private slots:
    void convHandComputed() {
        // 1 input channel 3x3, one 2x2 filter of ones, bias 10, no padding, stride 1 -> 2x2 sums of windows.
        Operand x{{1, 1, 3, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};
        Operand w{{1, 1, 2, 2}, {1, 1, 1, 1}, true};
        Operand b{{1}, {10}, true};
        for (bool reference : {true, false}) {
            auto out =
                runKernel(convNode({1, 1}, {0, 0, 0, 0}, {1, 1}, 1), {x, w, b}, {{1, 1, 2, 2}}, reference);
            QVERIFY(out);
            QCOMPARE((*out)[0], (std::vector<float>{22, 26, 34, 38}));
        }
        // with padding 1 and stride 2: windows centred on (0,0), (0,2), (2,0), (2,2) of the padded input
        for (bool reference : {true, false}) {
            auto out =
                runKernel(convNode({2, 2}, {1, 1, 1, 1}, {1, 1}, 1), {x, w, b}, {{1, 1, 2, 2}}, reference);
            QVERIFY(out);
            QCOMPARE((*out)[0], (std::vector<float>{11, 15, 21, 38}));
        }
    }

    void convOptimisedMatchesReference_data() {
        QTest::addColumn<int>("inC");
        QTest::addColumn<int>("outC");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("stride");
        QTest::addColumn<QList<int>>("pads");
        QTest::addColumn<int>("dilation");
        QTest::addColumn<int>("group");
        QTest::addColumn<QString>("autoPad");
        QTest::addColumn<QString>("activation");
        QTest::newRow("3x3 same") << 3 << 8 << 13 << 3 << 1 << QList<int>{1, 1, 1, 1} << 1 << 1 << "NOTSET"
                                  << "";
        QTest::newRow("1x1 direct") << 16 << 24 << 9 << 1 << 1 << QList<int>{0, 0, 0, 0} << 1 << 1 << "NOTSET"
                                    << "";
        QTest::newRow("1x1 stride 2")
            << 16 << 8 << 9 << 1 << 2 << QList<int>{0, 0, 0, 0} << 1 << 1 << "NOTSET"
            << "";
        QTest::newRow("7x7 stride 2 pad 3")
            << 3 << 16 << 32 << 7 << 2 << QList<int>{3, 3, 3, 3} << 1 << 1 << "NOTSET"
            << "Relu";
        QTest::newRow("asymmetric pads")
            << 4 << 6 << 10 << 3 << 2 << QList<int>{0, 1, 2, 0} << 1 << 1 << "NOTSET"
            << "";
        QTest::newRow("dilation 2") << 4 << 4 << 12 << 3 << 1 << QList<int>{2, 2, 2, 2} << 2 << 1 << "NOTSET"
                                    << "";
        QTest::newRow("groups 2") << 8 << 6 << 9 << 3 << 1 << QList<int>{1, 1, 1, 1} << 1 << 2 << "NOTSET"
                                  << "LeakyRelu";
        QTest::newRow("depthwise") << 12 << 12 << 11 << 3 << 1 << QList<int>{1, 1, 1, 1} << 1 << 12
                                   << "NOTSET"
                                   << "Clip";
        QTest::newRow("depthwise stride 2")
            << 8 << 8 << 10 << 3 << 2 << QList<int>{1, 1, 1, 1} << 1 << 8 << "NOTSET"
            << "";
        // wide enough for the register blocks of 16 columns (stride 1 and 2), with a tail and borders
        QTest::newRow("depthwise wide")
            << 6 << 6 << 37 << 3 << 1 << QList<int>{1, 1, 1, 1} << 1 << 6 << "NOTSET"
            << "Relu";
        QTest::newRow("depthwise 17-32 columns")
            << 5 << 5 << 27 << 3 << 1 << QList<int>{1, 1, 1, 1} << 1 << 5 << "NOTSET"
            << "Clip";
        QTest::newRow("depthwise wide stride 2")
            << 6 << 6 << 75 << 3 << 2 << QList<int>{1, 1, 1, 1} << 1 << 6 << "NOTSET"
            << "";
        QTest::newRow("depthwise wide 5x5 dilation 2")
            << 4 << 4 << 41 << 5 << 1 << QList<int>{4, 3, 2, 4} << 2 << 4 << "NOTSET"
            << "";
        // narrower than the kernel: no output column has all its taps inside (a tile at a border does this)
        QTest::newRow("depthwise 5x5 narrow")
            << 4 << 4 << 4 << 5 << 2 << QList<int>{0, 0, 1, 1} << 1 << 4 << "NOTSET"
            << "";
        QTest::newRow("SAME_UPPER stride 2")
            << 3 << 5 << 10 << 3 << 2 << QList<int>{} << 1 << 1 << "SAME_UPPER"
            << "";
        QTest::newRow("SAME_LOWER") << 3 << 5 << 9 << 4 << 1 << QList<int>{} << 1 << 1 << "SAME_LOWER"
                                    << "";
        QTest::newRow("VALID large K tiles")
            << 256 << 32 << 20 << 3 << 1 << QList<int>{0, 0, 0, 0} << 1 << 1 << "VALID"
            << "";
        // several column tiles, more filters than one row block of the packed GEMM (240), a K split into
        // blocks, and partial row groups and panels (250 = 31 x 8 + 2 filters, 1089 = 34 x 32 + 1 columns)
        QTest::newRow("tiles, row blocks, K blocks")
            << 128 << 250 << 33 << 3 << 1 << QList<int>{1, 1, 1, 1} << 1 << 1 << "NOTSET"
            << "LeakyRelu";
        QTest::newRow("1x1 direct, K blocks")
            << 300 << 20 << 7 << 1 << 1 << QList<int>{0, 0, 0, 0} << 1 << 1 << "NOTSET"
            << "Clip";
    }

    void convOptimisedMatchesReference() {
        QFETCH(int, inC);
        QFETCH(int, outC);
        QFETCH(int, size);
        QFETCH(int, k);
        QFETCH(int, stride);
        QFETCH(QList<int>, pads);
        QFETCH(int, dilation);
        QFETCH(int, group);
        QFETCH(QString, autoPad);
        QFETCH(QString, activation);
        std::vector<std::int64_t> p(pads.begin(), pads.end());
        if (p.empty()) {
            p = {0, 0, 0, 0};
        }
        model::Node node = convNode({stride, stride}, p, {dilation, dilation}, group, autoPad.toStdString());
        std::int64_t outH, outW;
        if (autoPad.startsWith("SAME")) {
            outH = outW = (size + stride - 1) / stride;
        } else {
            outH = convOut(size, k, stride, p[0], p[2], dilation);
            outW = convOut(size, k, stride, p[1], p[3], dilation);
        }
        if (!activation.isEmpty()) {
            node.attributes["tessera.activation"] = activation.toStdString();
            node.attributes["tessera.alpha"] = 0.1f;
            node.attributes["tessera.min"] = 0.f;
            node.attributes["tessera.max"] = 0.5f;
        }
        Operand x{{2, inC, size, size}, randomData(2 * inC * size * size, 1)};
        Operand w{{outC, inC / group, k, k}, randomData(outC * inC / group * k * k, 2), true};
        Operand b{{outC}, randomData(outC, 3), true};
        const Shape outShape{2, outC, outH, outW};
        std::string error;
        auto ref = runKernel(node, {x, w, b}, {outShape}, true, 1, &error);
        QVERIFY2(ref, error.c_str());
        for (int threads : {1, 2, 3}) {
            auto opt = runKernel(node, {x, w, b}, {outShape}, false, threads, &error);
            QVERIFY2(opt, error.c_str());
            QVERIFY2(maxAbsDiff((*ref)[0], (*opt)[0]) < kTolerance,
                     std::to_string(maxAbsDiff((*ref)[0], (*opt)[0])).c_str());
        }
    }

    void gemmVariants_data() {
        QTest::addColumn<int>("m");
        QTest::addColumn<bool>("transA");
        QTest::addColumn<bool>("transB");
        QTest::addColumn<QList<int>>("cShape");
        QTest::newRow("fc: transB, bias [N]") << 5 << false << true << QList<int>{70};
        QTest::newRow("plain, C [M,N]") << 5 << false << false << QList<int>{5, 70};
        QTest::newRow("transA, C [M,1]") << 5 << true << false << QList<int>{5, 1};
        QTest::newRow("both, scalar C") << 5 << true << true << QList<int>{};
        QTest::newRow("no C") << 5 << false << true << QList<int>{-1};
        // M = 1: the matrix-vector path (gemv.h)
        QTest::newRow("M=1 fc: transB, bias [N]") << 1 << false << true << QList<int>{70};
        QTest::newRow("M=1 plain, C [1,N]") << 1 << false << false << QList<int>{1, 70};
        QTest::newRow("M=1 transA, scalar C") << 1 << true << false << QList<int>{};
        QTest::newRow("M=1 both, no C") << 1 << true << true << QList<int>{-1};
    }

    void gemmVariants() {
        QFETCH(int, m);
        QFETCH(bool, transA);
        QFETCH(bool, transB);
        QFETCH(QList<int>, cShape);
        const std::int64_t k = 33, n = 70;
        model::Node node{"gemm", "Gemm", "", {}, {}, {}};
        node.attributes["transA"] = std::int64_t(transA);
        node.attributes["transB"] = std::int64_t(transB);
        node.attributes["alpha"] = 0.5f;
        node.attributes["beta"] = 2.f;
        Operand a{transA ? Shape{k, m} : Shape{m, k}, randomData(m * k, 4)};
        Operand b{transB ? Shape{n, k} : Shape{k, n}, randomData(k * n, 5), true};
        std::vector<Operand> operands{a, b};
        if (cShape != QList<int>{-1}) {
            Shape c(cShape.begin(), cShape.end());
            operands.push_back(Operand{c, randomData(model::elementCount(c), 6), true});
        }
        auto ref = runKernel(node, operands, {{m, n}}, true);
        auto opt = runKernel(node, operands, {{m, n}}, false, 2);
        QVERIFY(ref && opt);
        QVERIFY(maxAbsDiff((*ref)[0], (*opt)[0]) < kTolerance);
        // spot-check one element (row i, column 3) against the definition
        const std::int64_t i = std::min<std::int64_t>(2, m - 1);
        double acc = 0;
        for (std::int64_t p = 0; p < k; ++p) {
            const float av = transA ? a.data[std::size_t(p * m + i)] : a.data[std::size_t(i * k + p)];
            const float bv = transB ? b.data[std::size_t(3 * k + p)] : b.data[std::size_t(p * n + 3)];
            acc += double(av) * bv;
        }
        float expected = 0.5f * float(acc);
        if (operands.size() > 2) {
            const auto& c = operands[2];
            const std::size_t ci = c.shape.empty()       ? 0
                                   : c.shape.size() == 1 ? 3
                                   : c.shape[1] == 1     ? std::size_t(i)
                                                         : std::size_t(i * n + 3);
            expected += 2.f * c.data[ci];
        }
        QVERIFY(std::abs((*opt)[0][std::size_t(i * n + 3)] - expected) < kTolerance);
    }

    void matMulBroadcasts() {
        model::Node node{"mm", "MatMul", "", {}, {}, {}};
        Operand a{{2, 1, 3, 4}, randomData(24, 7)};
        Operand b{{3, 4, 5}, randomData(60, 8)};
        auto ref = runKernel(node, {a, b}, {{2, 3, 3, 5}}, true);
        auto opt = runKernel(node, {a, b}, {{2, 3, 3, 5}}, false, 2);
        QVERIFY(ref && opt);
        QVERIFY(maxAbsDiff((*ref)[0], (*opt)[0]) < kTolerance);
        // item (1, 2): A[1,0] x B[2]
        double acc = 0;
        for (int p = 0; p < 4; ++p) {
            acc += double(a.data[std::size_t(12 + 1 * 4 + p)]) * b.data[std::size_t(2 * 20 + p * 5 + 4)];
        }
        QVERIFY(std::abs((*opt)[0][std::size_t((1 * 3 + 2) * 15 + 1 * 5 + 4)] - float(acc)) < kTolerance);
        // 1-D times 2-D
        Operand v{{4}, {1, 2, 3, 4}};
        Operand m{{4, 2}, {1, 0, 0, 1, 1, 0, 0, 1}, true};
        auto vec = runKernel(node, {v, m}, {{2}}, false);
        QVERIFY(vec);
        QCOMPARE((*vec)[0], (std::vector<float>{4, 6}));
    }

    void convTransposeHandComputed() {
        // 1x1x2x2 input, 1->1 channel 2x2 kernel of ones, stride 2: each input pixel becomes a 2x2 block.
        model::Node node{"deconv", "ConvTranspose", "", {}, {}, {}};
        node.attributes["strides"] = std::vector<std::int64_t>{2, 2};
        Operand x{{1, 1, 2, 2}, {1, 2, 3, 4}};
        Operand w{{1, 1, 2, 2}, {1, 1, 1, 1}, true};
        auto out = runKernel(node, {x, w}, {{1, 1, 4, 4}}, false);
        QVERIFY(out);
        QCOMPARE((*out)[0], (std::vector<float>{1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}));
        // stride 1 with overlap: sums where the 2x2 kernel placements overlap, plus bias 0.5
        node.attributes["strides"] = std::vector<std::int64_t>{1, 1};
        Operand b{{1}, {0.5f}, true};
        out = runKernel(node, {x, w, b}, {{1, 1, 3, 3}}, false);
        QVERIFY(out);
        QCOMPARE((*out)[0], (std::vector<float>{1.5f, 3.5f, 2.5f, 4.5f, 10.5f, 6.5f, 3.5f, 7.5f, 4.5f}));
    }
};

QTEST_GUILESS_MAIN(TestKernelsConv)
#include "test_kernels_conv.moc"
