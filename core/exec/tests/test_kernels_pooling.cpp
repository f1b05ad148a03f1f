// Pooling and normalisation kernels (MaxPool, AveragePool, GlobalAveragePool, LRN, Softmax): hand-computed
// cases on both paths, and the optimised paths against the reference on random data (fixed seeds) over
// kernel shapes, strides, pads, auto_pad, ceil_mode, dilations, count_include_pad, LRN sizes and Softmax
// axes under both opset semantics.
// Tolerances: hand-computed cases 1e-6 absolute (the expected values are decimal roundings); random
// comparisons 1e-5 absolute on inputs in [-1, 1] (the references sum and divide in double, the optimised
// paths in float; MaxPool compares exactly the same values, so it must agree exactly).

#include <QtTest>

#include <cmath>
#include <limits>

#include "kernel_harness.h"

using namespace tessera;
using namespace tessera::exec;
using namespace tessera::exec::test;

namespace {

constexpr float kHandTolerance = 1e-6f;
constexpr float kTolerance = 1e-5f;
constexpr float kUnwritten = -12345.f; // what runKernel() fills outputs with

using Attributes = std::map<std::string, model::AttrValue>;
using Ints = std::vector<std::int64_t>;

model::Node makeNode(const std::string& op, Attributes attributes = {}) {
    return model::Node{"n", op, "", {}, {}, std::move(attributes)};
}

std::vector<float> iota(std::int64_t n) {
    std::vector<float> v(static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < v.size(); ++i) {
        v[i] = float(i);
    }
    return v;
}

Operand input(const Shape& shape, std::uint32_t seed, float lo = -1.f, float hi = 1.f) {
    return Operand{shape, randomData(model::elementCount(shape), seed, lo, hi)};
}

QString describe(const std::vector<float>& v) {
    QStringList parts;
    for (float x : v) {
        parts << QString::number(double(x), 'g', 9);
    }
    return "{" + parts.join(", ") + "}";
}

// Both paths must create the kernel and give `expected` within kHandTolerance; empty on success.
QString checkBoth(const model::Node& node, const Operand& x, const Shape& outShape,
                  const std::vector<float>& expected, std::int64_t opset = 13) {
    for (bool reference : {true, false}) {
        const QString path = reference ? "reference" : "optimised";
        std::string error;
        auto out = runKernel(node, {x}, {outShape}, reference, 2, &error, opset);
        if (!out) {
            return path + ": " + QString::fromStdString(error);
        }
        if (!(maxAbsDiff((*out)[0], expected) <= kHandTolerance)) {
            return path + ": " + describe((*out)[0]) + " expected " + describe(expected);
        }
    }
    return {};
}

// The optimised path (3 threads, so chunks split oddly) against the reference (1 thread); empty on success.
QString compareToReference(const model::Node& node, const Operand& x, const Shape& outShape, float tolerance,
                           std::int64_t opset = 13) {
    std::string error;
    auto reference = runKernel(node, {x}, {outShape}, true, 1, &error, opset);
    if (!reference) {
        return "reference: " + QString::fromStdString(error);
    }
    auto optimised = runKernel(node, {x}, {outShape}, false, 3, &error, opset);
    if (!optimised) {
        return "optimised: " + QString::fromStdString(error);
    }
    const auto& r = (*reference)[0];
    if (std::find(r.begin(), r.end(), kUnwritten) != r.end()) {
        return "the reference left part of the output unwritten";
    }
    const float diff = maxAbsDiff(r, (*optimised)[0]);
    if (!(diff <= tolerance)) {
        return "optimised differs from reference by " + QString::number(double(diff));
    }
    return {};
}

bool rejected(const model::Node& node, const Operand& x, const Shape& outShape, std::int64_t opset = 13) {
    return !runKernel(node, {x}, {outShape}, true, 1, nullptr, opset) &&
           !runKernel(node, {x}, {outShape}, false, 1, nullptr, opset);
}

// ONNX output extent of one spatial dim (the formulas of the MaxPool / AveragePool specs), with the
// ceil_mode correction ONNX Runtime and PyTorch apply: the last window starts inside the input or the
// leading padding.
std::int64_t poolExtent(std::int64_t in, std::int64_t kernel, std::int64_t stride, std::int64_t dilation,
                        std::int64_t padBegin, std::int64_t padEnd, bool ceilMode,
                        const std::string& autoPad) {
    const std::int64_t span = (kernel - 1) * dilation + 1;
    if (autoPad == "VALID") {
        return (in - span) / stride + 1;
    }
    if (autoPad != "NOTSET") {
        return (in + stride - 1) / stride;
    }
    const std::int64_t room = in + padBegin + padEnd - span;
    std::int64_t out = (ceilMode ? (room + stride - 1) / stride : room / stride) + 1;
    if (ceilMode && (out - 1) * stride >= in + padBegin) {
        --out;
    }
    return out;
}

struct PoolCase {
    Ints kernel, strides, dilations, pads;
    std::string autoPad;
    bool ceilMode = false;
};

// Every combination the random comparison covers (pads smaller than the window span, as ONNX requires).
std::vector<PoolCase> poolCases() {
    std::vector<PoolCase> cases;
    for (const Ints& kernel : {Ints{1, 1}, Ints{2, 2}, Ints{3, 3}, Ints{2, 3}, Ints{3, 1}}) {
        for (const Ints& strides : {Ints{1, 1}, Ints{2, 2}, Ints{2, 1}, Ints{3, 3}}) {
            for (const Ints& dilations : {Ints{1, 1}, Ints{2, 2}, Ints{1, 3}}) {
                const Ints span = {(kernel[0] - 1) * dilations[0] + 1, (kernel[1] - 1) * dilations[1] + 1};
                for (const char* autoPad : {"NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID"}) {
                    const bool notSet = std::string(autoPad) == "NOTSET";
                    for (const Ints& pads :
                         {Ints{0, 0, 0, 0}, Ints{1, 1, 1, 1}, Ints{0, 1, 1, 0}, Ints{2, 0, 1, 2}}) {
                        const bool fits =
                            pads[0] < span[0] && pads[2] < span[0] && pads[1] < span[1] && pads[3] < span[1];
                        if (!fits || (!notSet && pads != Ints{0, 0, 0, 0})) {
                            continue;
                        }
                        for (bool ceilMode : {false, true}) {
                            if (ceilMode && !notSet) {
                                continue;
                            }
                            cases.push_back({kernel, strides, dilations, pads, autoPad, ceilMode});
                        }
                    }
                }
            }
        }
    }
    return cases;
}

} // namespace

class TestKernelsPooling : public QObject {
    Q_OBJECT

private slots:
    void maxPool() {
        const Operand x16{{1, 1, 4, 4}, iota(16)};
        QCOMPARE(checkBoth(makeNode("MaxPool", {{"kernel_shape", Ints{2, 2}}, {"strides", Ints{2, 2}}}), x16,
                           {1, 1, 2, 2}, {5.f, 7.f, 13.f, 15.f}),
                 QString());
        // padding never wins, even over negative values
        Operand negative{{1, 1, 3, 3}, iota(9)};
        for (float& v : negative.data) {
            v = -(v + 1.f);
        }
        QCOMPARE(checkBoth(makeNode("MaxPool", {{"kernel_shape", Ints{3, 3}}, {"pads", Ints{1, 1, 1, 1}}}),
                           negative, {1, 1, 3, 3}, {-1.f, -1.f, -2.f, -1.f, -1.f, -2.f, -4.f, -4.f, -5.f}),
                 QString());
        QCOMPARE(checkBoth(makeNode("MaxPool", {{"kernel_shape", Ints{2, 2}}, {"dilations", Ints{2, 2}}}),
                           x16, {1, 1, 2, 2}, {10.f, 11.f, 14.f, 15.f}),
                 QString());
        // an extent inferred without the ceil_mode correction: the last window holds no input cell
        QCOMPARE(checkBoth(makeNode("MaxPool", {{"kernel_shape", Ints{1, 1}},
                                                {"strides", Ints{1, 2}},
                                                {"ceil_mode", std::int64_t(1)}}),
                           Operand{{1, 1, 1, 4}, {1.f, 2.f, 3.f, 4.f}}, {1, 1, 1, 3},
                           {1.f, 3.f, std::numeric_limits<float>::lowest()}),
                 QString());
        QVERIFY(rejected(makeNode("MaxPool", {{"kernel_shape", Ints{2}}}), Operand{{1, 1, 4}, iota(4)},
                         {1, 1, 3}));
        QVERIFY(
            rejected(makeNode("MaxPool", {{"kernel_shape", Ints{2, 2}}, {"storage_order", std::int64_t(1)}}),
                     x16, {1, 1, 3, 3}));
        QVERIFY(
            rejected(makeNode("MaxPool", {{"kernel_shape", Ints{2, 2}}, {"auto_pad", std::string("SAME")}}),
                     x16, {1, 1, 4, 4}));
    }

    void averagePool() {
        const Operand x9{{1, 1, 3, 3}, iota(9)};
        QCOMPARE(checkBoth(makeNode("AveragePool", {{"kernel_shape", Ints{2, 2}},
                                                    {"strides", Ints{2, 2}},
                                                    {"ceil_mode", std::int64_t(1)}}),
                           x9, {1, 1, 2, 2}, {2.f, 3.5f, 6.5f, 8.f}),
                 QString());
        const Attributes padded = {{"kernel_shape", Ints{3, 3}}, {"pads", Ints{1, 1, 1, 1}}};
        QCOMPARE(checkBoth(makeNode("AveragePool", padded), x9, {1, 1, 3, 3},
                           {2.f, 2.5f, 3.f, 3.5f, 4.f, 4.5f, 5.f, 5.5f, 6.f}),
                 QString());
        Attributes including = padded;
        including["count_include_pad"] = std::int64_t(1);
        QCOMPARE(checkBoth(makeNode("AveragePool", including), x9, {1, 1, 3, 3},
                           {8.f / 9, 15.f / 9, 12.f / 9, 21.f / 9, 4.f, 3.f, 20.f / 9, 33.f / 9, 24.f / 9}),
                 QString());
        // ceil_mode windows reaching past the padding: those cells never count, padded ones do on request
        const Operand x16{{1, 1, 4, 4}, iota(16)};
        const Attributes ceil = {{"kernel_shape", Ints{3, 3}},
                                 {"strides", Ints{2, 2}},
                                 {"pads", Ints{1, 1, 1, 1}},
                                 {"ceil_mode", std::int64_t(1)}};
        QCOMPARE(checkBoth(makeNode("AveragePool", ceil), x16, {1, 1, 3, 3},
                           {2.5f, 4.f, 5.f, 8.5f, 10.f, 11.f, 12.5f, 14.f, 15.f}),
                 QString());
        Attributes ceilIncluding = ceil;
        ceilIncluding["count_include_pad"] = std::int64_t(1);
        QCOMPARE(checkBoth(makeNode("AveragePool", ceilIncluding), x16, {1, 1, 3, 3},
                           {10.f / 9, 24.f / 9, 10.f / 6, 51.f / 9, 10.f, 5.5f, 25.f / 6, 7.f, 3.75f}),
                 QString());
        const Operand x4{{1, 1, 2, 2}, {1.f, 2.f, 3.f, 4.f}};
        QCOMPARE(checkBoth(makeNode("AveragePool",
                                    {{"kernel_shape", Ints{2, 2}}, {"auto_pad", std::string("SAME_UPPER")}}),
                           x4, {1, 1, 2, 2}, {2.5f, 3.f, 3.5f, 4.f}),
                 QString());
        QCOMPARE(checkBoth(makeNode("AveragePool",
                                    {{"kernel_shape", Ints{2, 2}}, {"auto_pad", std::string("SAME_LOWER")}}),
                           x4, {1, 1, 2, 2}, {1.f, 1.5f, 2.f, 2.5f}),
                 QString());
        QCOMPARE(checkBoth(makeNode("AveragePool", {{"kernel_shape", Ints{2, 2}},
                                                    {"strides", Ints{2, 2}},
                                                    {"auto_pad", std::string("VALID")}}),
                           x9, {1, 1, 1, 1}, {2.f}),
                 QString());
    }

    void poolRandom() {
        const std::vector<PoolCase> cases = poolCases();
        QVERIFY(cases.size() > 300); // the combinations did not collapse
        std::uint32_t seed = 1;
        for (const Shape& in : std::vector<Shape>{{2, 3, 9, 11}, {1, 2, 6, 7}}) {
            for (const PoolCase& c : cases) {
                const Shape out = {in[0], in[1],
                                   poolExtent(in[2], c.kernel[0], c.strides[0], c.dilations[0], c.pads[0],
                                              c.pads[2], c.ceilMode, c.autoPad),
                                   poolExtent(in[3], c.kernel[1], c.strides[1], c.dilations[1], c.pads[1],
                                              c.pads[3], c.ceilMode, c.autoPad)};
                if (out[2] < 1 || out[3] < 1) {
                    continue; // the window does not fit a VALID input
                }
                Attributes attributes = {{"kernel_shape", c.kernel},
                                         {"strides", c.strides},
                                         {"dilations", c.dilations},
                                         {"auto_pad", c.autoPad},
                                         {"ceil_mode", std::int64_t(c.ceilMode)}};
                if (c.autoPad == "NOTSET") {
                    attributes["pads"] = c.pads;
                }
                const QString label =
                    QString("kernel %1x%2 strides %3x%4 dilations %5x%6 pads %7,%8,%9,%10 %11 ceil %12 "
                            "on %13x%14")
                        .arg(c.kernel[0])
                        .arg(c.kernel[1])
                        .arg(c.strides[0])
                        .arg(c.strides[1])
                        .arg(c.dilations[0])
                        .arg(c.dilations[1])
                        .arg(c.pads[0])
                        .arg(c.pads[1])
                        .arg(c.pads[2])
                        .arg(c.pads[3])
                        .arg(QString::fromStdString(c.autoPad))
                        .arg(int(c.ceilMode))
                        .arg(in[2])
                        .arg(in[3]);
                const Operand x = input(in, seed++);
                QString failure = compareToReference(makeNode("MaxPool", attributes), x, out, 0.f, 12);
                QVERIFY2(failure.isEmpty(), qPrintable("MaxPool " + label + ": " + failure));
                for (std::int64_t include : {0, 1}) {
                    attributes["count_include_pad"] = include;
                    failure = compareToReference(makeNode("AveragePool", attributes), x, out, kTolerance, 19);
                    QVERIFY2(failure.isEmpty(), qPrintable("AveragePool " + label + " count_include_pad " +
                                                           QString::number(include) + ": " + failure));
                }
            }
        }
        // a larger plane, so rows split over threads mid-plane
        const Attributes big = {
            {"kernel_shape", Ints{3, 3}}, {"strides", Ints{2, 2}}, {"pads", Ints{1, 1, 1, 1}}};
        QCOMPARE(compareToReference(makeNode("MaxPool", big), input({2, 8, 57, 57}, 7), {2, 8, 29, 29}, 0.f),
                 QString());
        QCOMPARE(compareToReference(makeNode("AveragePool", big), input({2, 8, 57, 57}, 8), {2, 8, 29, 29},
                                    kTolerance),
                 QString());
    }

    void globalAveragePool() {
        QCOMPARE(checkBoth(makeNode("GlobalAveragePool"),
                           Operand{{1, 2, 2, 2}, {1.f, 2.f, 3.f, 4.f, -1.f, -2.f, -3.f, -6.f}}, {1, 2, 1, 1},
                           {2.5f, -3.f}),
                 QString());
        std::uint32_t seed = 50;
        for (const Shape& in :
             std::vector<Shape>{{2, 3, 7, 7}, {1, 5, 1, 1}, {2, 4, 30, 31}, {1, 2, 3, 4, 5}}) {
            Shape out = in;
            std::fill(out.begin() + 2, out.end(), 1);
            QCOMPARE(compareToReference(makeNode("GlobalAveragePool"), input(in, seed++), out, kTolerance),
                     QString());
        }
        QVERIFY(rejected(makeNode("GlobalAveragePool"), Operand{{2, 3}, iota(6)}, {2, 3}));
    }

    void lrn() {
        const Operand x{{1, 3, 1, 1}, {1.f, 2.f, 3.f}};
        // alpha / size == 1 and beta == 1 keep the numbers simple: y = x / (1 + square_sum)
        QCOMPARE(checkBoth(makeNode("LRN", {{"size", std::int64_t(3)}, {"alpha", 3.f}, {"beta", 1.f}}), x,
                           x.shape, {1.f / 6, 2.f / 15, 3.f / 14}),
                 QString());
        // an even size: the window reaches ceil((size-1)/2) = 1 channel up and floor((size-1)/2) = 0 down
        QCOMPARE(checkBoth(makeNode("LRN", {{"size", std::int64_t(2)}, {"alpha", 2.f}, {"beta", 1.f}}), x,
                           x.shape, {1.f / 6, 2.f / 14, 3.f / 10}),
                 QString());
        // bias 2, beta 0.5: y = x / sqrt(2 + x^2) with size 1
        QCOMPARE(
            checkBoth(
                makeNode("LRN", {{"size", std::int64_t(1)}, {"alpha", 1.f}, {"beta", 0.5f}, {"bias", 2.f}}),
                x, x.shape, {1.f / std::sqrt(3.f), 2.f / std::sqrt(6.f), 3.f / std::sqrt(11.f)}),
            QString());
        QVERIFY(rejected(makeNode("LRN"), x, x.shape)); // size is required

        std::uint32_t seed = 70;
        for (const Shape& shape : std::vector<Shape>{{2, 5, 7, 9}, {1, 16, 20, 20}, {1, 3, 1, 1}}) {
            for (std::int64_t size : {1, 2, 3, 5}) {
                for (float beta : {0.75f, 0.5f}) {
                    for (float alpha : {1e-4f, 0.5f}) {
                        const model::Node node = makeNode("LRN", {{"size", size},
                                                                  {"alpha", alpha},
                                                                  {"beta", beta},
                                                                  {"bias", size == 2 ? 2.f : 1.f}});
                        const QString failure =
                            compareToReference(node, input(shape, seed++, -2.f, 2.f), shape, kTolerance);
                        QVERIFY2(failure.isEmpty(),
                                 qPrintable(QString("size %1 beta %2 alpha %3 on %4: %5")
                                                .arg(size)
                                                .arg(beta)
                                                .arg(alpha)
                                                .arg(QString::fromStdString(model::toString(shape)))
                                                .arg(failure)));
                    }
                }
            }
        }
    }

    void softmax() {
        const float ln2 = std::log(2.f), ln3 = std::log(3.f), ln5 = std::log(5.f);
        // the default axis -1, and a row of large numbers (exp would overflow without the max subtracted)
        QCOMPARE(checkBoth(makeNode("Softmax"), Operand{{2, 3}, {0.f, ln2, ln5, 1000.f, 1000.f, 1000.f}},
                           {2, 3}, {0.125f, 0.25f, 0.625f, 1.f / 3, 1.f / 3, 1.f / 3}),
                 QString());
        QCOMPARE(checkBoth(makeNode("Softmax", {{"axis", std::int64_t(0)}}),
                           Operand{{2, 2}, {0.f, 0.f, ln3, -ln3}}, {2, 2}, {0.25f, 0.75f, 0.75f, 0.25f}),
                 QString());
        // axis 1 on [1, 2, 2]: opset 13 normalises over dim 1 alone, opset 11 over dims 1 and 2 together
        const Operand x{{1, 2, 2}, {0.f, ln2, ln2, 2 * ln2}};
        const model::Node axis1 = makeNode("Softmax", {{"axis", std::int64_t(1)}});
        QCOMPARE(checkBoth(axis1, x, x.shape, {1.f / 3, 1.f / 3, 2.f / 3, 2.f / 3}, 13), QString());
        QCOMPARE(checkBoth(axis1, x, x.shape, {1.f / 9, 2.f / 9, 2.f / 9, 4.f / 9}, 11), QString());
        // opset 11's default axis is 1, not -1
        QCOMPARE(checkBoth(makeNode("Softmax"), x, x.shape, {1.f / 9, 2.f / 9, 2.f / 9, 4.f / 9}, 11),
                 QString());
        QVERIFY(rejected(makeNode("Softmax", {{"axis", std::int64_t(3)}}), x, x.shape));

        std::uint32_t seed = 90;
        for (const Shape& shape : std::vector<Shape>{{2, 3, 4, 5}, {1, 1000}, {2, 3, 130}, {7}}) {
            const auto rank = std::int64_t(shape.size());
            for (std::int64_t opset : {11, 13}) {
                for (std::int64_t axis = -rank; axis < rank; ++axis) {
                    for (float offset : {0.f, 1000.f}) {
                        Operand in = input(shape, seed++, -5.f, 5.f);
                        for (float& v : in.data) {
                            v += offset;
                        }
                        const QString failure = compareToReference(makeNode("Softmax", {{"axis", axis}}), in,
                                                                   shape, kTolerance, opset);
                        QVERIFY2(failure.isEmpty(),
                                 qPrintable(QString("axis %1 opset %2 offset %3 on %4: %5")
                                                .arg(axis)
                                                .arg(opset)
                                                .arg(offset)
                                                .arg(QString::fromStdString(model::toString(shape)))
                                                .arg(failure)));
                    }
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestKernelsPooling)
#include "test_kernels_pooling.moc"
