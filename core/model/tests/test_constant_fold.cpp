#include <QtTest>

#include "core/model/constant_fold.h"

using namespace tessera;
using namespace tessera::model;

namespace {

Node makeNode(const std::string& op, std::size_t inputs, std::map<std::string, AttrValue> attrs = {}) {
    Node n{op + "_node", op, "", {}, {"out"}, std::move(attrs)};
    for (std::size_t i = 0; i < inputs; ++i) {
        n.inputs.push_back("in" + std::to_string(i));
    }
    return n;
}

Tensor fold(const Node& n, std::vector<const Tensor*> inputs, std::int64_t opset = 13) {
    std::vector<Shape> shapes;
    for (const Tensor* t : inputs) {
        shapes.push_back(t ? t->shape : Shape{});
    }
    auto out = foldNode(n, inputs, shapes, opset);
    if (!out.ok()) {
        qWarning("%s", out.error().message.c_str());
        return {};
    }
    return out->at(0);
}

} // namespace

class TestConstantFold : public QObject {
    Q_OBJECT
private slots:
    void shapeHonoursStartAndEnd() {
        Node shape = makeNode("Shape", 1, {{"start", std::int64_t(1)}, {"end", std::int64_t(-1)}});
        auto out = foldNode(shape, {nullptr}, {{2, 3, 5, 7}}, 15);
        QVERIFY(out.ok());
        QCOMPARE(out->at(0).ints, (std::vector<std::int64_t>{3, 5}));
    }

    void gatherWithNegativeIndex() {
        const Tensor data = Tensor::fromInts({4}, {10, 20, 30, 40});
        const Tensor index = Tensor::fromInts({}, {-1});
        const Tensor out = fold(makeNode("Gather", 2), {&data, &index});
        QCOMPARE(out.shape, Shape{});
        QCOMPARE(out.ints, std::vector<std::int64_t>{40});
        const Tensor matrix = Tensor::fromFloats({2, 3}, {1, 2, 3, 4, 5, 6});
        const Tensor cols = Tensor::fromInts({2}, {2, 0});
        const Tensor picked = fold(makeNode("Gather", 2, {{"axis", std::int64_t(1)}}), {&matrix, &cols});
        QCOMPARE(picked.shape, (Shape{2, 2}));
        QCOMPARE(picked.floats, (std::vector<float>{3, 1, 6, 4}));
    }

    void unsqueezeAxesFromAttributeOrInput() {
        const Tensor scalar = Tensor::fromInts({}, {7});
        const Tensor viaAttr =
            fold(makeNode("Unsqueeze", 1, {{"axes", std::vector<std::int64_t>{0}}}), {&scalar}, 11);
        QCOMPARE(viaAttr.shape, Shape{1});
        const Tensor axes = Tensor::fromInts({2}, {0, -1});
        const Tensor viaInput = fold(makeNode("Unsqueeze", 2), {&scalar, &axes});
        QCOMPARE(viaInput.shape, (Shape{1, 1}));
    }

    void concatReshapeAndSqueeze() {
        const Tensor a = Tensor::fromInts({1}, {1});
        const Tensor b = Tensor::fromInts({2}, {-1, 4});
        const Tensor joined = fold(makeNode("Concat", 2, {{"axis", std::int64_t(0)}}), {&a, &b});
        QCOMPARE(joined.ints, (std::vector<std::int64_t>{1, -1, 4}));
        const Tensor data = Tensor::fromFloats({2, 6}, std::vector<float>(12, 1.f));
        const Tensor reshaped = fold(makeNode("Reshape", 2), {&data, &joined});
        QCOMPARE(reshaped.shape, (Shape{1, 3, 4}));
        const Tensor zeroCopy = Tensor::fromInts({2}, {0, -1});
        QCOMPARE(fold(makeNode("Reshape", 2), {&data, &zeroCopy}).shape, (Shape{2, 6}));
        const Tensor squeezed = fold(makeNode("Squeeze", 1), {&reshaped});
        QCOMPARE(squeezed.shape, (Shape{3, 4}));
    }

    void sliceWithStepsAndNegativeIndices() {
        const Tensor data = Tensor::fromInts({6}, {0, 1, 2, 3, 4, 5});
        const Tensor starts = Tensor::fromInts({1}, {-1});
        const Tensor ends = Tensor::fromInts({1}, {-7}); // past the front
        const Tensor axes = Tensor::fromInts({1}, {0});
        const Tensor steps = Tensor::fromInts({1}, {-2});
        const Tensor out = fold(makeNode("Slice", 5), {&data, &starts, &ends, &axes, &steps});
        QCOMPARE(out.ints, (std::vector<std::int64_t>{5, 3, 1}));
        const Tensor s2 = Tensor::fromInts({1}, {1});
        const Tensor e2 = Tensor::fromInts({1}, {1000});
        QCOMPARE(fold(makeNode("Slice", 3), {&data, &s2, &e2}).ints,
                 (std::vector<std::int64_t>{1, 2, 3, 4, 5}));
    }

    void arithmeticBroadcastsAndCasts() {
        const Tensor w = Tensor::fromFloats({2, 2}, {1, 2, 3, 4});
        const Tensor scale = Tensor::fromFloats({2}, {10, 100});
        QCOMPARE(fold(makeNode("Mul", 2), {&w, &scale}).floats, (std::vector<float>{10, 200, 30, 400}));
        const Tensor i = Tensor::fromInts({1}, {7});
        const Tensor two = Tensor::fromInts({}, {2});
        QCOMPARE(fold(makeNode("Div", 2), {&i, &two}).ints, std::vector<std::int64_t>{3});
        const Tensor cast = fold(makeNode("Cast", 1, {{"to", std::int64_t(1)}}), {&i});
        QCOMPARE(cast.dtype, DType::Float32);
        QCOMPARE(cast.floats, std::vector<float>{7.f});
        const Tensor zero = Tensor::fromInts({}, {0});
        QVERIFY(!foldNode(makeNode("Div", 2), {&i, &zero}, {{1}, {}}, 13).ok());
    }

    void rangeAndConstantOfShape() {
        const Tensor start = Tensor::fromInts({}, {2});
        const Tensor limit = Tensor::fromInts({}, {9});
        const Tensor delta = Tensor::fromInts({}, {3});
        QCOMPARE(fold(makeNode("Range", 3), {&start, &limit, &delta}).ints,
                 (std::vector<std::int64_t>{2, 5, 8}));
        const Tensor dims = Tensor::fromInts({2}, {2, 3});
        const Tensor filled =
            fold(makeNode("ConstantOfShape", 1, {{"value", Tensor::fromFloats({1}, {1.5f})}}), {&dims});
        QCOMPARE(filled.shape, (Shape{2, 3}));
        QCOMPARE(filled.floats, std::vector<float>(6, 1.5f));
    }
};

QTEST_GUILESS_MAIN(TestConstantFold)
#include "test_constant_fold.moc"
