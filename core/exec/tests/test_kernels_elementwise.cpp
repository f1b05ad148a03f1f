// Element-wise kernels (LeakyRelu, Clip, Sigmoid, HardSigmoid, HardSwish, Tanh, PRelu, Add, Sub, Mul, Div,
// BatchNormalization): hand-computed cases on both paths, the optimised paths against the reference on
// random data (fixed seeds) over shapes, broadcast patterns, constant / run-time operands and opsets, and
// the in-place ops run with the output sharing the input's buffer.
// Tolerances: hand-computed cases 1e-6 absolute (the expected values are decimal roundings); the binary ops
// apply the same float operation per element on both paths, so they must agree exactly (0); unary ops and
// BatchNormalization 1e-5 absolute on outputs of magnitude <= ~10 (the BatchNormalization reference works
// in double, the optimised path folds to one float multiply-add).

#include <QtTest>

#include <cmath>

#include "kernel_harness.h"

using namespace tessera;
using namespace tessera::exec;
using namespace tessera::exec::test;

namespace {

constexpr float kHandTolerance = 1e-6f;
constexpr float kTolerance = 1e-5f;
constexpr float kUnwritten = -12345.f; // what runKernel() fills outputs with

using Attributes = std::map<std::string, model::AttrValue>;

model::Node makeNode(const std::string& op, Attributes attributes = {}) {
    return model::Node{"n", op, "", {}, {}, std::move(attributes)};
}

Operand input(const Shape& shape, std::uint32_t seed, float lo = -1.f, float hi = 1.f) {
    return Operand{shape, randomData(model::elementCount(shape), seed, lo, hi)};
}

Operand values(const Shape& shape, std::vector<float> data, bool constant = false) {
    return Operand{shape, std::move(data), constant};
}

Operand omitted() {
    return Operand{{}, {}, false, true};
}

QString describe(const std::vector<float>& v) {
    QStringList parts;
    for (float x : v) {
        parts << QString::number(double(x), 'g', 9);
    }
    return "{" + parts.join(", ") + "}";
}

// Both paths must create the kernel and give `expected` within kHandTolerance; empty on success.
QString checkBoth(const model::Node& node, const std::vector<Operand>& operands, const Shape& outShape,
                  const std::vector<float>& expected, std::int64_t opset = 13) {
    for (bool reference : {true, false}) {
        const QString path = reference ? "reference" : "optimised";
        std::string error;
        auto out = runKernel(node, operands, {outShape}, reference, 2, &error, opset);
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
QString compareToReference(const model::Node& node, const std::vector<Operand>& operands,
                           const Shape& outShape, float tolerance, std::int64_t opset = 13) {
    std::string error;
    auto reference = runKernel(node, operands, {outShape}, true, 1, &error, opset);
    if (!reference) {
        return "reference: " + QString::fromStdString(error);
    }
    auto optimised = runKernel(node, operands, {outShape}, false, 3, &error, opset);
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

bool rejected(const model::Node& node, const std::vector<Operand>& operands, const Shape& outShape,
              std::int64_t opset = 13) {
    return !runKernel(node, operands, {outShape}, true, 1, nullptr, opset) &&
           !runKernel(node, operands, {outShape}, false, 1, nullptr, opset);
}

// Runs an in-place kernel with its output in input 0's buffer (as the memory planner arranges) and returns
// that buffer; the kernel must declare inPlace(). Empty on failure.
std::vector<float> runInPlace(model::Node node, std::vector<Operand> operands, bool reference,
                              std::int64_t opset = 13) {
    model::Graph graph;
    node.inputs.clear();
    node.outputs = {"out0"};
    KernelInit init{node, graph, {}, {operands[0].shape}, {}, reference, opset};
    for (std::size_t i = 0; i < operands.size(); ++i) {
        const std::string name = "in" + std::to_string(i);
        node.inputs.push_back(name);
        init.inputShapes.push_back(operands[i].shape);
        if (operands[i].constant) {
            graph.initializers[name] = model::Tensor::fromFloats(operands[i].shape, operands[i].data);
        }
    }
    for (std::size_t i = 0; i < operands.size(); ++i) {
        init.constants.push_back(graph.initializer(node.inputs[i]));
    }
    auto kernel = findKernel(node.opType)(init);
    if (!kernel.ok() || !(*kernel)->inPlace()) {
        return {};
    }
    std::vector<ConstTensor> inputs;
    for (const auto& o : operands) {
        inputs.emplace_back(o.data.data(), o.shape);
    }
    ThreadPool pool(3);
    std::vector<float> workspace((*kernel)->workspaceBytes() / sizeof(float) + 16);
    KernelContext ctx{pool, workspace.data(), nullptr};
    std::vector<float>& shared = operands[0].data;
    (*kernel)->run(inputs, {Tensor{shared.data(), operands[0].shape}}, ctx);
    return shared;
}

const std::vector<Shape> kUnaryShapes = {{1}, {7}, {2, 3, 5, 7}, {1, 16, 40, 41}};

} // namespace

class TestKernelsElementwise : public QObject {
    Q_OBJECT

private slots:
    void leakyRelu() {
        const Operand x = values({4}, {-2.f, -0.5f, 0.f, 3.f});
        QCOMPARE(checkBoth(makeNode("LeakyRelu"), {x}, {4}, {-0.02f, -0.005f, 0.f, 3.f}), QString());
        QCOMPARE(checkBoth(makeNode("LeakyRelu", {{"alpha", 0.5f}}), {x}, {4}, {-1.f, -0.25f, 0.f, 3.f}),
                 QString());
    }

    void clip() {
        const Operand x = values({5}, {-3.f, -1.f, 0.f, 2.f, 5.f});
        const Operand lo = values({}, {-1.f}, true), hi = values({}, {2.f}, true);
        QCOMPARE(checkBoth(makeNode("Clip"), {x, lo, hi}, {5}, {-1.f, -1.f, 0.f, 2.f, 2.f}), QString());
        QCOMPARE(checkBoth(makeNode("Clip"), {x, omitted(), hi}, {5}, {-3.f, -1.f, 0.f, 2.f, 2.f}),
                 QString());
        QCOMPARE(checkBoth(makeNode("Clip"), {x, lo}, {5}, {-1.f, -1.f, 0.f, 2.f, 5.f}), QString());
        QCOMPARE(checkBoth(makeNode("Clip"), {x}, {5}, x.data), QString());
        // a bound computed at run time
        QCOMPARE(checkBoth(makeNode("Clip"), {x, values({1}, {-1.f}), hi}, {5}, {-1.f, -1.f, 0.f, 2.f, 2.f}),
                 QString());
        // min > max: everything becomes max
        QCOMPARE(checkBoth(makeNode("Clip"), {x, values({}, {3.f}, true), values({}, {1.f}, true)}, {5},
                           {1.f, 1.f, 1.f, 1.f, 1.f}),
                 QString());
        // opset 6: attributes, and inputs are not read
        QCOMPARE(
            checkBoth(makeNode("Clip", {{"min", 0.f}, {"max", 1.f}}), {x}, {5}, {0.f, 0.f, 0.f, 1.f, 1.f}, 6),
            QString());
        QCOMPARE(checkBoth(makeNode("Clip", {{"max", 1.f}}), {x}, {5}, {-3.f, -1.f, 0.f, 1.f, 1.f}, 6),
                 QString());
        QVERIFY(rejected(makeNode("Clip"), {x, values({2}, {0.f, 1.f}, true)}, {5}));
    }

    void sigmoidTanh() {
        const float ln3 = std::log(3.f);
        QCOMPARE(checkBoth(makeNode("Sigmoid"), {values({5}, {0.f, ln3, -ln3, -100.f, 100.f})}, {5},
                           {0.5f, 0.75f, 0.25f, 0.f, 1.f}),
                 QString());
        const float atanhHalf = std::atanh(0.5f);
        QCOMPARE(checkBoth(makeNode("Tanh"), {values({4}, {0.f, atanhHalf, -atanhHalf, 20.f})}, {4},
                           {0.f, 0.5f, -0.5f, 1.f}),
                 QString());
    }

    void hardSigmoidSwish() {
        const Operand x = values({5}, {-3.f, -1.f, 0.f, 1.f, 3.f});
        QCOMPARE(checkBoth(makeNode("HardSigmoid"), {x}, {5}, {0.f, 0.3f, 0.5f, 0.7f, 1.f}), QString());
        QCOMPARE(checkBoth(makeNode("HardSigmoid", {{"alpha", 0.5f}, {"beta", 0.f}}), {x}, {5},
                           {0.f, 0.f, 0.f, 0.5f, 1.f}),
                 QString());
        QCOMPARE(checkBoth(makeNode("HardSwish"), {values({7}, {-4.f, -3.f, -1.f, 0.f, 1.f, 3.f, 4.f})}, {7},
                           {0.f, 0.f, -1.f / 3.f, 0.f, 2.f / 3.f, 3.f, 4.f}),
                 QString());
    }

    void unaryRandom() {
        const std::vector<std::pair<model::Node, std::int64_t>> nodes = {
            {makeNode("LeakyRelu", {{"alpha", 0.1f}}), 13},
            {makeNode("Sigmoid"), 13},
            {makeNode("HardSigmoid"), 13},
            {makeNode("HardSwish"), 14},
            {makeNode("Tanh"), 13},
            {makeNode("Clip", {{"min", -0.5f}, {"max", 0.25f}}), 6},
        };
        std::uint32_t seed = 1;
        for (const auto& [node, opset] : nodes) {
            for (const Shape& shape : kUnaryShapes) {
                const QString failure =
                    compareToReference(node, {input(shape, seed++, -6.f, 6.f)}, shape, kTolerance, opset);
                QVERIFY2(failure.isEmpty(),
                         qPrintable(QString::fromStdString(node.opType) + " " +
                                    QString::fromStdString(model::toString(shape)) + ": " + failure));
            }
        }
        for (const Shape& shape : kUnaryShapes) {
            const Operand x = input(shape, seed++, -2.f, 2.f);
            const QString failure = compareToReference(
                makeNode("Clip"), {x, values({}, {-1.f}, true), omitted()}, shape, kTolerance);
            QVERIFY2(failure.isEmpty(), qPrintable("Clip " + failure));
        }
    }

    void inPlace() {
        const Shape shape = {2, 3, 17, 19};
        const std::vector<std::pair<model::Node, std::vector<Operand>>> cases = {
            {makeNode("LeakyRelu"), {input(shape, 11)}},
            {makeNode("Clip"), {input(shape, 12), values({}, {-0.5f}, true), values({}, {0.5f}, true)}},
            {makeNode("Sigmoid"), {input(shape, 13)}},
            {makeNode("HardSigmoid"), {input(shape, 14)}},
            {makeNode("HardSwish"), {input(shape, 15)}},
            {makeNode("Tanh"), {input(shape, 16)}},
            {makeNode("BatchNormalization"),
             {input(shape, 17), input({3}, 18), input({3}, 19), input({3}, 20), input({3}, 21, 0.5f, 1.5f)}},
        };
        for (auto [node, operands] : cases) {
            for (std::size_t i = 1; i < operands.size(); ++i) {
                operands[i].constant = true;
            }
            for (bool reference : {true, false}) {
                auto separate = runKernel(node, operands, {shape}, reference);
                QVERIFY(separate);
                const std::vector<float> shared = runInPlace(node, operands, reference);
                QVERIFY2(!shared.empty(),
                         qPrintable(QString::fromStdString(node.opType) + " is not in place"));
                QVERIFY(maxAbsDiff(shared, (*separate)[0]) == 0.f);
            }
        }
    }

    void prelu() {
        const Operand x = values({1, 2, 2, 1}, {-1.f, 2.f, -3.f, 4.f});
        const std::vector<float> perChannel = {-0.5f, 2.f, -0.75f, 4.f};
        QCOMPARE(
            checkBoth(makeNode("PRelu"), {x, values({2, 1, 1}, {0.5f, 0.25f}, true)}, x.shape, perChannel),
            QString());
        // a 1-D slope of C values that numpy rules cannot place is taken per channel
        QCOMPARE(checkBoth(makeNode("PRelu"), {x, values({2}, {0.5f, 0.25f}, true)}, x.shape, perChannel),
                 QString());
        QCOMPARE(checkBoth(makeNode("PRelu"), {x, values({1}, {0.1f})}, x.shape, {-0.1f, 2.f, -0.3f, 4.f}),
                 QString());
        // numpy rules place a [W] slope on the last dim
        QCOMPARE(checkBoth(makeNode("PRelu"),
                           {values({2, 2}, {-1.f, -1.f, -2.f, 2.f}), values({2}, {0.5f, 2.f})}, {2, 2},
                           {-0.5f, -2.f, -1.f, 2.f}),
                 QString());
        // the slope may not grow X
        QVERIFY(rejected(makeNode("PRelu"), {values({2}, {1.f, 2.f}), values({2, 2}, {1.f, 2.f, 3.f, 4.f})},
                         {2, 2}));
    }

    void arithmetic() {
        const Operand a23 = values({2, 3}, {1.f, 2.f, 3.f, 4.f, 5.f, 6.f});
        QCOMPARE(checkBoth(makeNode("Add"), {a23, values({3}, {10.f, 20.f, 30.f}, true)}, {2, 3},
                           {11.f, 22.f, 33.f, 14.f, 25.f, 36.f}),
                 QString());
        QCOMPARE(checkBoth(makeNode("Add"), {a23, a23}, {2, 3}, {2.f, 4.f, 6.f, 8.f, 10.f, 12.f}), QString());
        QCOMPARE(checkBoth(makeNode("Sub"), {values({2, 1}, {1.f, 2.f}), values({1, 3}, {1.f, 2.f, 3.f})},
                           {2, 3}, {0.f, -1.f, -2.f, 1.f, 0.f, -1.f}),
                 QString());
        QCOMPARE(checkBoth(makeNode("Mul"),
                           {values({1, 2, 1, 2}, {1.f, 2.f, 3.f, 4.f}), values({1, 2, 1, 1}, {2.f, -1.f})},
                           {1, 2, 1, 2}, {2.f, 4.f, -3.f, -4.f}),
                 QString());
        QCOMPARE(checkBoth(makeNode("Div"), {values({}, {12.f}, true), values({4}, {1.f, 2.f, 3.f, 4.f})},
                           {4}, {12.f, 6.f, 4.f, 3.f}),
                 QString());
        QCOMPARE(checkBoth(makeNode("Div"), {values({}, {1.f}), values({}, {4.f})}, {}, {0.25f}), QString());
        // opset 6 legacy broadcast: B aligned at axis 1
        std::vector<float> iota(12);
        for (std::size_t i = 0; i < iota.size(); ++i) {
            iota[i] = float(i);
        }
        QCOMPARE(checkBoth(
                     makeNode("Add", {{"broadcast", std::int64_t(1)}, {"axis", std::int64_t(1)}}),
                     {values({2, 3, 2}, iota), values({3}, {100.f, 200.f, 300.f}, true)}, {2, 3, 2},
                     {100.f, 101.f, 202.f, 203.f, 304.f, 305.f, 106.f, 107.f, 208.f, 209.f, 310.f, 311.f}, 6),
                 QString());
        QVERIFY(rejected(makeNode("Add"), {a23, values({4}, {1.f, 2.f, 3.f, 4.f})}, {2, 3}));
        QVERIFY(rejected(makeNode("Mul"), {a23, values({3}, {1.f, 2.f, 3.f})}, {2, 4}));
    }

    void arithmeticRandom() {
        struct Case {
            Shape a, b, out;
        };
        const std::vector<Case> cases = {
            {{2, 3, 5, 7}, {2, 3, 5, 7}, {2, 3, 5, 7}}, // same shape
            {{2, 16, 33, 33}, {2, 16, 33, 33}, {2, 16, 33, 33}},
            {{2, 3, 5, 7}, {}, {2, 3, 5, 7}}, // scalar
            {{1}, {4, 9, 65}, {4, 9, 65}},
            {{2, 16, 33, 33}, {1, 16, 1, 1}, {2, 16, 33, 33}}, // per channel
            {{16, 1, 1}, {3, 16, 9, 10}, {3, 16, 9, 10}},
            {{2, 3, 4, 6}, {6}, {2, 3, 4, 6}}, // last dim
            {{4, 1, 5}, {1, 6, 1}, {4, 6, 5}}, // both broadcast
            {{2, 1, 5, 1}, {3, 1, 6}, {2, 3, 5, 6}},
            {{1, 1}, {1}, {1, 1}},
            {{3, 1, 1, 1, 1, 1, 1, 2}, {1, 2, 1, 1, 1, 1, 3, 1}, {3, 2, 1, 1, 1, 1, 3, 2}},
        };
        std::uint32_t seed = 100;
        for (const char* op : {"Add", "Sub", "Mul", "Div"}) {
            for (const Case& c : cases) {
                for (int constant = 0; constant < 3; ++constant) { // none, A, B
                    Operand a = input(c.a, seed++), b = input(c.b, seed++, 0.5f, 2.f);
                    a.constant = constant == 1;
                    b.constant = constant == 2;
                    const QString failure = compareToReference(makeNode(op), {a, b}, c.out, 0.f);
                    QVERIFY2(failure.isEmpty(),
                             qPrintable(QString(op) + " " + QString::fromStdString(model::toString(c.a)) +
                                        " " + QString::fromStdString(model::toString(c.b)) + ": " + failure));
                }
            }
        }
        for (const Case& c : cases) {
            if (model::elementCount(c.a) != model::elementCount(c.out)) {
                continue; // PRelu's slope broadcasts one way only
            }
            for (bool constant : {false, true}) {
                Operand slope = input(c.b, seed++);
                slope.constant = constant;
                const QString failure =
                    compareToReference(makeNode("PRelu"), {input(c.a, seed++), slope}, c.out, 0.f);
                QVERIFY2(failure.isEmpty(), qPrintable("PRelu " + failure));
            }
        }
        QVERIFY(compareToReference(makeNode("PRelu"),
                                   {input({2, 5, 6, 7}, 1), values({5}, {1.f, 2.f, 3.f, 4.f, 5.f}, true)},
                                   {2, 5, 6, 7}, 0.f)
                    .isEmpty());
    }

    void batchNormalization() {
        const Operand x = values({1, 2, 1, 2}, {1.f, 2.f, 3.f, 4.f});
        auto constant = [](std::vector<float> v) {
            const Shape shape = {std::int64_t(v.size())}; // before v is moved from
            return values(shape, std::move(v), true);
        };
        QCOMPARE(checkBoth(makeNode("BatchNormalization", {{"epsilon", 0.f}}),
                           {x, constant({1.f, 2.f}), constant({0.f, 1.f}), constant({1.f, 3.f}),
                            constant({4.f, 0.25f})},
                           x.shape, {0.f, 0.5f, 1.f, 5.f}),
                 QString());
        // a run-time mean is refused (the importer guarantees constants)
        QVERIFY(rejected(
            makeNode("BatchNormalization"),
            {x, constant({1.f, 2.f}), constant({0.f, 1.f}), values({2}, {1.f, 3.f}), constant({4.f, 1.f})},
            x.shape));
        QVERIFY(rejected(
            makeNode("BatchNormalization", {{"spatial", std::int64_t(0)}}),
            {x, constant({1.f, 2.f}), constant({0.f, 1.f}), constant({1.f, 3.f}), constant({4.f, 1.f})},
            x.shape, 7));

        std::uint32_t seed = 300;
        for (const Shape& shape : std::vector<Shape>{{2, 3, 4, 5}, {1, 8}, {3, 4, 7}, {2, 32, 19, 21}}) {
            for (float epsilon : {1e-5f, 1e-3f}) {
                const std::int64_t c = shape[1];
                std::vector<Operand> operands = {input(shape, seed++), input({c}, seed++), input({c}, seed++),
                                                 input({c}, seed++), input({c}, seed++, 0.5f, 1.5f)};
                for (std::size_t i = 1; i < operands.size(); ++i) {
                    operands[i].constant = true;
                }
                const QString failure = compareToReference(
                    makeNode("BatchNormalization", {{"epsilon", epsilon}}), operands, shape, kTolerance);
                QVERIFY2(failure.isEmpty(),
                         qPrintable(QString::fromStdString(model::toString(shape)) + ": " + failure));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestKernelsElementwise)
#include "test_kernels_elementwise.moc"
