// Data-movement kernels (Concat, Split, Slice, Transpose, Pad, SpaceToDepth, DepthToSpace, Resize,
// Upsample): hand-computed cases on both paths, and the optimised paths against the reference
// implementations on random data (fixed seeds) over option combinations. These ops copy values, so the
// comparison is exact (tolerance 0), except Resize/Upsample in linear mode: 1e-6 absolute on values in
// [-1, 1] (the optimised path interpolates in float, the reference in double).

#include <QtTest>

#include <cmath>

#include "kernel_harness.h"

using namespace tessera;
using namespace tessera::exec;
using namespace tessera::exec::test;

namespace {

constexpr float kLinearTolerance = 1e-6f;
constexpr float kUnwritten = -12345.f; // what runKernel() fills outputs with

using Attributes = std::map<std::string, model::AttrValue>;
using Ints = std::vector<std::int64_t>;

model::Node makeNode(const std::string& op, Attributes attributes = {}) {
    return model::Node{"n", op, "", {}, {}, std::move(attributes)};
}

std::vector<float> iota(std::int64_t n, float first = 0.f) {
    std::vector<float> v(static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < v.size(); ++i) {
        v[i] = first + float(i);
    }
    return v;
}

Operand input(const Shape& shape, std::uint32_t seed) {
    return Operand{shape, randomData(model::elementCount(shape), seed)};
}

Operand constant(const std::vector<float>& values) {
    return Operand{{std::int64_t(values.size())}, values, true};
}

Operand constantInts(const Ints& values) {
    return constant(std::vector<float>(values.begin(), values.end()));
}

Operand omitted() {
    return Operand{{}, {}, false, true};
}

QString describe(const std::vector<float>& v) {
    QStringList parts;
    for (float x : v) {
        parts << QString::number(x);
    }
    return "{" + parts.join(", ") + "}";
}

// Both paths must create and give `expected` (within `tolerance`); an empty string on success.
QString checkBoth(const model::Node& node, const std::vector<Operand>& operands,
                  const std::vector<Shape>& outShapes, const std::vector<std::vector<float>>& expected,
                  std::int64_t opset = 13, float tolerance = 0.f) {
    for (bool reference : {true, false}) {
        const QString path = reference ? "reference" : "optimised";
        std::string error;
        auto out = runKernel(node, operands, outShapes, reference, 2, &error, opset);
        if (!out) {
            return path + ": " + QString::fromStdString(error);
        }
        for (std::size_t k = 0; k < expected.size(); ++k) {
            if (maxAbsDiff((*out)[k], expected[k]) > tolerance) {
                return path + " output " + QString::number(k) + ": " + describe((*out)[k]) + " expected " +
                       describe(expected[k]);
            }
        }
    }
    return {};
}

// The optimised path (3 threads, so chunks split oddly) against the reference (1 thread).
QString compareToReference(const model::Node& node, const std::vector<Operand>& operands,
                           const std::vector<Shape>& outShapes, std::int64_t opset = 13,
                           float tolerance = 0.f) {
    std::string error;
    auto reference = runKernel(node, operands, outShapes, true, 1, &error, opset);
    if (!reference) {
        return "reference: " + QString::fromStdString(error);
    }
    auto optimised = runKernel(node, operands, outShapes, false, 3, &error, opset);
    if (!optimised) {
        return "optimised: " + QString::fromStdString(error);
    }
    for (std::size_t k = 0; k < outShapes.size(); ++k) {
        const auto& r = (*reference)[k];
        if (std::find(r.begin(), r.end(), kUnwritten) != r.end()) {
            return "reference left output " + QString::number(k) + " partly unwritten";
        }
        const float diff = maxAbsDiff(r, (*optimised)[k]);
        if (!(diff <= tolerance)) {
            return "output " + QString::number(k) + " differs by " + QString::number(diff);
        }
    }
    return {};
}

// The reference must reject the node (an attribute value the kernels cannot handle).
bool rejected(const model::Node& node, const std::vector<Operand>& operands,
              const std::vector<Shape>& outShapes, std::int64_t opset = 13) {
    return !runKernel(node, operands, outShapes, true, 1, nullptr, opset) &&
           !runKernel(node, operands, outShapes, false, 1, nullptr, opset);
}

// Slice output extent per the ONNX clamping rules (independent of the kernel's code).
std::int64_t sliceExtent(std::int64_t dim, std::int64_t start, std::int64_t end, std::int64_t step) {
    std::int64_t count = 0;
    for (std::int64_t i = 0; i < dim; ++i) { // count the indices the slice visits, by brute force
        std::int64_t s = start < 0 ? start + dim : start;
        s = step > 0 ? std::max<std::int64_t>(s, 0) : std::min(s, dim - 1);
        const std::int64_t e = end < 0 ? end + dim : end;
        if (step > 0 ? (i >= s && i < e && (i - s) % step == 0)
                     : (i <= s && i > e && (s - i) % (-step) == 0)) {
            ++count;
        }
    }
    return count;
}

} // namespace

#define CHECK_OK(expr)                                                                                       \
    do {                                                                                                     \
        const QString message_ = (expr);                                                                     \
        QVERIFY2(message_.isEmpty(), qPrintable(message_));                                                  \
    } while (false)

class TestKernelsDataMovement : public QObject {
    Q_OBJECT
private slots:
    void concat() {
        const Operand a{{2, 2}, {1, 2, 3, 4}}, b{{2, 1}, {5, 6}};
        for (std::int64_t axis : {1, -1}) {
            CHECK_OK(checkBoth(makeNode("Concat", {{"axis", axis}}), {a, b}, {{2, 3}}, {{1, 2, 5, 3, 4, 6}}));
        }
        CHECK_OK(checkBoth(makeNode("Concat", {{"axis", std::int64_t(0)}}), {a, Operand{{1, 2}, {7, 8}}},
                           {{3, 2}}, {{1, 2, 3, 4, 7, 8}}));
        QVERIFY(rejected(makeNode("Concat", {{"axis", std::int64_t(2)}}), {a, b}, {{2, 3}}));

        std::uint32_t seed = 1;
        for (std::int64_t axis = -4; axis < 4; ++axis) {
            const std::size_t d = std::size_t(axis < 0 ? axis + 4 : axis);
            Shape out{2, 3, 4, 5};
            std::vector<Operand> inputs;
            std::int64_t total = 0;
            for (std::int64_t extent : {2, 0, 3, 1}) { // includes an empty input
                Shape s{2, 3, 4, 5};
                s[d] = extent;
                total += extent;
                inputs.push_back(input(s, seed++));
            }
            out[d] = total;
            CHECK_OK(compareToReference(makeNode("Concat", {{"axis", axis}}), inputs, {out}));
        }
    }

    void split() {
        const Operand x{{2, 4}, iota(8)};
        const std::vector<std::vector<float>> expected{{0, 4}, {1, 2, 3, 5, 6, 7}};
        CHECK_OK(checkBoth(makeNode("Split", {{"axis", std::int64_t(1)}}), {x, constantInts({1, 3})},
                           {{2, 1}, {2, 3}}, expected, 13));
        CHECK_OK(checkBoth(makeNode("Split", {{"axis", std::int64_t(-1)}, {"split", Ints{1, 3}}}), {x},
                           {{2, 1}, {2, 3}}, expected, 11));
        // no split given: equal parts
        CHECK_OK(checkBoth(makeNode("Split", {{"axis", std::int64_t(0)}}), {x}, {{1, 4}, {1, 4}},
                           {{0, 1, 2, 3}, {4, 5, 6, 7}}));
        // split sizes that contradict the output shapes
        QVERIFY(rejected(makeNode("Split", {{"axis", std::int64_t(1)}}), {x, constantInts({2, 2})},
                         {{2, 1}, {2, 3}}));

        std::uint32_t seed = 100;
        for (std::int64_t axis = -3; axis < 3; ++axis) {
            const std::size_t d = std::size_t(axis < 0 ? axis + 3 : axis);
            const Shape in{4, 6, 5};
            for (const Ints& sizes : {Ints{1, 3}, Ints{2, 0, 2}, Ints{1, 1, 1, 1}}) {
                if (d != 0 && sizes.size() == 4) {
                    continue;
                }
                Ints parts = sizes;
                parts.back() += in[d] - 4; // make the parts cover the dim
                std::vector<Shape> outs;
                for (std::int64_t p : parts) {
                    Shape s = in;
                    s[d] = p;
                    outs.push_back(s);
                }
                const Operand data = input(in, seed++);
                CHECK_OK(compareToReference(makeNode("Split", {{"axis", axis}}), {data, constantInts(parts)},
                                            outs, 13));
                CHECK_OK(compareToReference(makeNode("Split", {{"axis", axis}, {"split", parts}}), {data},
                                            outs, 11));
            }
        }
    }

    void slice() {
        const Operand x{{3, 4}, iota(12)};
        // rows 0 and 2 (step 2), columns 3, 2, 1 (negative step, end 0 excluded)
        CHECK_OK(checkBoth(
            makeNode("Slice"),
            {x, constantInts({0, 3}), constantInts({3, 0}), constantInts({0, 1}), constantInts({2, -1})},
            {{2, 3}}, {{3, 2, 1, 11, 10, 9}}));
        // negative axis and start, end past the dim (clamped), axes/steps omitted
        CHECK_OK(checkBoth(makeNode("Slice"),
                           {x, constantInts({-3}), constantInts({100}), constantInts({-1})}, {{3, 3}},
                           {{1, 2, 3, 5, 6, 7, 9, 10, 11}}));
        // negative step down to the start with end far below (clamped to -1): the whole dim reversed
        CHECK_OK(
            checkBoth(makeNode("Slice"),
                      {x, constantInts({-1}), constantInts({-100}), constantInts({0}), constantInts({-1})},
                      {{3, 4}}, {{8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3}}));
        // opset < 10: attributes
        CHECK_OK(checkBoth(makeNode("Slice", {{"starts", Ints{1, 1}}, {"ends", Ints{2, 1000}}}), {x},
                           {{1, 3}}, {{5, 6, 7}}, 9));
        QVERIFY(rejected(makeNode("Slice"),
                         {x, constantInts({0}), constantInts({1}), constantInts({0}), constantInts({0})},
                         {{1, 4}}));

        const Shape in{3, 5, 7, 4};
        struct Case {
            Ints starts, ends, axes, steps;
        };
        const std::vector<Case> cases{
            {{1}, {3}, {0}, {1}},
            {{0, 1}, {5, -1}, {1, 2}, {2, 3}},
            {{-1, 6, 2}, {-100, -8, 100}, {1, 2, -1}, {-1, -2, 1}},
            {{100, 2}, {-100, 0}, {-4, 3}, {-2, -1}},
            {{0, 0, 0, 0}, {3, 5, 7, 4}, {0, 1, 2, 3}, {1, 1, 1, 1}}, // the whole tensor
            {{2, -3}, {2, 1000}, {0, 2}, {1, 1}},                     // an empty slice
            {{0, 1, 0}, {1000, 4, 1000}, {3, 1, 2}, {3, 1, 7}},
        };
        std::uint32_t seed = 200;
        for (const Case& c : cases) {
            Shape out = in;
            for (std::size_t k = 0; k < c.axes.size(); ++k) {
                const auto d = std::size_t(c.axes[k] < 0 ? c.axes[k] + 4 : c.axes[k]);
                out[d] = sliceExtent(in[d], c.starts[k], c.ends[k], c.steps[k]);
            }
            const Operand data = input(in, seed++);
            CHECK_OK(compareToReference(makeNode("Slice"),
                                        {data, constantInts(c.starts), constantInts(c.ends),
                                         constantInts(c.axes), constantInts(c.steps)},
                                        {out}));
            if (std::all_of(c.steps.begin(), c.steps.end(), [](std::int64_t s) { return s == 1; })) {
                CHECK_OK(compareToReference(
                    makeNode("Slice", {{"starts", c.starts}, {"ends", c.ends}, {"axes", c.axes}}), {data},
                    {out}, 9));
            }
        }
    }

    void transpose() {
        const Operand x{{2, 3}, {1, 2, 3, 4, 5, 6}};
        CHECK_OK(checkBoth(makeNode("Transpose"), {x}, {{3, 2}}, {{1, 4, 2, 5, 3, 6}}));
        const Operand y{{1, 2, 3}, {1, 2, 3, 4, 5, 6}};
        CHECK_OK(checkBoth(makeNode("Transpose", {{"perm", Ints{2, 0, 1}}}), {y}, {{3, 1, 2}},
                           {{1, 4, 2, 5, 3, 6}}));
        QVERIFY(rejected(makeNode("Transpose", {{"perm", Ints{0, 0, 1}}}), {y}, {{1, 1, 2}}));

        const Shape in{2, 3, 4, 5};
        Ints perm{0, 1, 2, 3};
        std::uint32_t seed = 300;
        do { // all 24 permutations of a 4-D tensor
            Shape out(4);
            for (std::size_t d = 0; d < 4; ++d) {
                out[d] = in[std::size_t(perm[d])];
            }
            CHECK_OK(compareToReference(makeNode("Transpose", {{"perm", perm}}), {input(in, seed++)}, {out}));
        } while (std::next_permutation(perm.begin(), perm.end()));
        CHECK_OK(
            compareToReference(makeNode("Transpose"), {input({3, 1, 4, 2, 5}, seed++)}, {{5, 2, 4, 1, 3}}));
        CHECK_OK(compareToReference(makeNode("Transpose", {{"perm", Ints{0, 2, 3, 1}}}),
                                    {input({1, 64, 13, 17}, seed++)}, {{1, 13, 17, 64}}));
    }

    void pad() {
        const Operand x{{1, 3}, {1, 2, 3}};
        const Ints pads{0, 2, 0, 1};
        const std::vector<std::pair<std::string, std::vector<float>>> cases{
            {"constant", {9, 9, 1, 2, 3, 9}}, {"reflect", {3, 2, 1, 2, 3, 2}}, {"edge", {1, 1, 1, 2, 3, 3}}};
        for (const auto& [mode, expected] : cases) {
            CHECK_OK(checkBoth(makeNode("Pad", {{"mode", mode}}), {x, constantInts(pads), constant({9})},
                               {{1, 6}}, {expected}, 13));
            CHECK_OK(checkBoth(makeNode("Pad", {{"mode", mode}, {"pads", pads}, {"value", 9.f}}), {x},
                               {{1, 6}}, {expected}, 2));
        }
        // constant value omitted (0), padding the first dim in front and the second at the end
        CHECK_OK(checkBoth(makeNode("Pad"),
                           {Operand{{2, 2}, {1, 2, 3, 4}}, constantInts({1, 0, 0, 1}), omitted()}, {{3, 3}},
                           {{0, 0, 0, 1, 2, 0, 3, 4, 0}}));
        // negative pads crop; reflect further than the dim repeats the mirror
        CHECK_OK(checkBoth(makeNode("Pad"), {x, constantInts({0, -1, 0, 1})}, {{1, 3}}, {{2, 3, 0}}));
        CHECK_OK(checkBoth(makeNode("Pad", {{"mode", std::string("reflect")}}),
                           {x, constantInts({0, 5, 0, 0})}, {{1, 8}}, {{2, 1, 2, 3, 2, 1, 2, 3}}));
        QVERIFY(
            rejected(makeNode("Pad", {{"mode", std::string("wrap")}}), {x, constantInts(pads)}, {{1, 6}}));

        const Shape in{2, 3, 4, 5};
        const std::vector<Ints> padSets{{0, 0, 1, 2, 0, 0, 2, 1},   {1, 0, 0, 0, 0, 2, 0, 3},
                                        {0, 1, -1, 2, 1, 0, 2, -2}, {0, 0, 7, 9, 0, 0, 6, 10},
                                        {0, 0, 0, 0, 0, 0, 0, 0},   {1, 1, 1, 1, 1, 1, 1, 1},
                                        {0, 0, 0, -3, 0, 0, 0, -2}};
        std::uint32_t seed = 400;
        for (const Ints& p : padSets) {
            Shape out = in;
            for (std::size_t d = 0; d < 4; ++d) {
                out[d] += p[d] + p[d + 4];
            }
            for (const std::string mode : {"constant", "reflect", "edge"}) {
                const Operand data = input(in, seed++);
                CHECK_OK(compareToReference(makeNode("Pad", {{"mode", mode}}),
                                            {data, constantInts(p), constant({0.5f})}, {out}, 13));
                CHECK_OK(compareToReference(makeNode("Pad", {{"mode", mode}, {"pads", p}, {"value", -2.f}}),
                                            {data}, {out}, 2));
            }
        }
    }

    void spaceToDepth() {
        const Operand x{{1, 2, 2, 2}, {1, 2, 3, 4, 5, 6, 7, 8}};
        CHECK_OK(checkBoth(makeNode("SpaceToDepth", {{"blocksize", std::int64_t(2)}}), {x}, {{1, 8, 1, 1}},
                           {{1, 5, 2, 6, 3, 7, 4, 8}}));
        QVERIFY(rejected(makeNode("SpaceToDepth", {{"blocksize", std::int64_t(3)}}), {x}, {{1, 18, 0, 0}}));
        std::uint32_t seed = 500;
        for (std::int64_t b : {1, 2, 3, 4}) {
            const Shape in{2, 3, 12 * 1, 24};
            CHECK_OK(compareToReference(makeNode("SpaceToDepth", {{"blocksize", b}}), {input(in, seed++)},
                                        {{2, 3 * b * b, 12 / b, 24 / b}}));
        }
    }

    void depthToSpace() {
        const Operand x{{1, 8, 1, 1}, {1, 2, 3, 4, 5, 6, 7, 8}};
        CHECK_OK(checkBoth(makeNode("DepthToSpace", {{"blocksize", std::int64_t(2)}}), {x}, {{1, 2, 2, 2}},
                           {{1, 3, 5, 7, 2, 4, 6, 8}}));
        CHECK_OK(checkBoth(
            makeNode("DepthToSpace", {{"blocksize", std::int64_t(2)}, {"mode", std::string("CRD")}}), {x},
            {{1, 2, 2, 2}}, {{1, 2, 3, 4, 5, 6, 7, 8}}));
        // DCR undoes SpaceToDepth
        CHECK_OK(checkBoth(makeNode("DepthToSpace", {{"blocksize", std::int64_t(2)}}),
                           {Operand{{1, 8, 1, 1}, {1, 5, 2, 6, 3, 7, 4, 8}}}, {{1, 2, 2, 2}},
                           {{1, 2, 3, 4, 5, 6, 7, 8}}));
        QVERIFY(
            rejected(makeNode("DepthToSpace", {{"blocksize", std::int64_t(2)}, {"mode", std::string("XYZ")}}),
                     {x}, {{1, 2, 2, 2}}));
        std::uint32_t seed = 600;
        for (const std::string mode : {"DCR", "CRD"}) {
            for (std::int64_t b : {1, 2, 3}) {
                const Shape in{2, 5 * b * b, 7, 6};
                CHECK_OK(compareToReference(makeNode("DepthToSpace", {{"blocksize", b}, {"mode", mode}}),
                                            {input(in, seed++)}, {{2, 5, 7 * b, 6 * b}}));
            }
        }
    }

    void resizeNearest() {
        const Operand x{{1, 1, 2, 2}, {1, 2, 3, 4}};
        const std::vector<float> repeated{1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2,
                                          3, 3, 3, 4, 4, 4, 3, 3, 3, 4, 4, 4};
        CHECK_OK(checkBoth(makeNode("Resize"), {x, omitted(), constant({1, 1, 2, 3})}, {{1, 1, 4, 6}},
                           {repeated}, 13));
        CHECK_OK(checkBoth(makeNode("Resize"), {x, constant({}), constant({}), constantInts({1, 1, 4, 6})},
                           {{1, 1, 4, 6}}, {repeated}, 11));
        // opset 10: asymmetric; shrinking by 0.6 picks ceil(o / 0.6) = 0, 2 (the ONNX example)
        CHECK_OK(checkBoth(makeNode("Resize"),
                           {Operand{{1, 1, 2, 4}, iota(8, 1)}, constant({1, 1, 0.6f, 0.6f})}, {{1, 1, 1, 2}},
                           {{1, 3}}, 10));

        // nearest_mode on asymmetric coordinates: enlarging by 2 (x = o / 2) and shrinking 4 -> 3 (x = o /
        // 0.75)
        const Operand row{{1, 1, 1, 4}, {1, 2, 3, 4}};
        const std::vector<std::tuple<std::string, std::vector<float>, std::vector<float>>> modes{
            {"round_prefer_floor", {1, 1, 2, 2, 3, 3, 4, 4}, {1, 2, 4}},
            {"round_prefer_ceil", {1, 2, 2, 3, 3, 4, 4, 4}, {1, 2, 4}},
            {"floor", {1, 1, 2, 2, 3, 3, 4, 4}, {1, 2, 3}},
            {"ceil", {1, 2, 2, 3, 3, 4, 4, 4}, {1, 3, 4}},
        };
        for (const auto& [mode, up, down] : modes) {
            const model::Node node =
                makeNode("Resize", {{"nearest_mode", mode},
                                    {"coordinate_transformation_mode", std::string("asymmetric")}});
            CHECK_OK(checkBoth(node, {row, omitted(), constant({1, 1, 1, 2})}, {{1, 1, 1, 8}}, {up}));
            CHECK_OK(checkBoth(node, {row, omitted(), omitted(), constantInts({1, 1, 1, 3})}, {{1, 1, 1, 3}},
                               {down}));
        }
        // one output element: half_pixel reads x = 1.5 -> 1 (prefer floor), pytorch_half_pixel x = 0,
        // align_corners x = 0
        const std::vector<std::pair<std::string, float>> single{
            {"half_pixel", 2}, {"pytorch_half_pixel", 1}, {"align_corners", 1}};
        for (const auto& [mode, value] : single) {
            CHECK_OK(checkBoth(makeNode("Resize", {{"coordinate_transformation_mode", mode}}),
                               {row, omitted(), omitted(), constantInts({1, 1, 1, 1})}, {{1, 1, 1, 1}},
                               {{value}}));
        }
        QVERIFY(rejected(makeNode("Resize", {{"mode", std::string("cubic")}}),
                         {x, omitted(), constant({1, 1, 2, 2})}, {{1, 1, 4, 4}}));
        QVERIFY(rejected(
            makeNode("Resize", {{"coordinate_transformation_mode", std::string("tf_crop_and_resize")}}),
            {x, omitted(), constant({1, 1, 2, 2})}, {{1, 1, 4, 4}}));
    }

    void resizeLinear() {
        const Operand x{{1, 1, 2, 2}, {1, 2, 3, 4}};
        CHECK_OK(checkBoth(
            makeNode("Resize", {{"mode", std::string("linear")}}), {x, omitted(), constant({1, 1, 2, 2})},
            {{1, 1, 4, 4}},
            {{1, 1.25f, 1.75f, 2, 1.5f, 1.75f, 2.25f, 2.5f, 2.5f, 2.75f, 3.25f, 3.5f, 3, 3.25f, 3.75f, 4}},
            13, kLinearTolerance));
        std::vector<float> corners;
        for (int y = 0; y < 4; ++y) {
            for (int xx = 0; xx < 4; ++xx) {
                corners.push_back(float(1.0 + 2.0 * y / 3.0 + xx / 3.0)); // 1 + 2 * (y / 3) + (x / 3)
            }
        }
        CHECK_OK(checkBoth(
            makeNode("Resize", {{"mode", std::string("linear")},
                                {"coordinate_transformation_mode", std::string("align_corners")}}),
            {x, omitted(), constant({1, 1, 2, 2})}, {{1, 1, 4, 4}}, {corners}, 13, kLinearTolerance));
        // opset 10: asymmetric, x = o / 0.6 = 0, 1.667 -> 1, 2.667 (the ONNX Runtime example)
        CHECK_OK(checkBoth(makeNode("Resize", {{"mode", std::string("linear")}}),
                           {Operand{{1, 1, 2, 4}, iota(8, 1)}, constant({1, 1, 0.6f, 0.6f})}, {{1, 1, 1, 2}},
                           {{1, 2.6666667f}}, 10, kLinearTolerance));
        // linear over the channel dim is not supported
        QVERIFY(rejected(makeNode("Resize", {{"mode", std::string("linear")}}),
                         {x, omitted(), constant({1, 2, 1, 1})}, {{1, 2, 2, 2}}));
    }

    void resizeMatchesReference() {
        const Shape in{2, 3, 7, 9};
        struct Scaling {
            std::vector<float> scales;
            Shape out; // floor(in * scale)
        };
        const std::vector<Scaling> scalings{
            {{1, 1, 2, 2}, {2, 3, 14, 18}},     {{1, 1, 1.5f, 3}, {2, 3, 10, 27}},
            {{1, 1, 0.5f, 0.5f}, {2, 3, 3, 4}}, {{1, 1, 0.6f, 1.7f}, {2, 3, 4, 15}},
            {{1, 1, 1, 1}, {2, 3, 7, 9}},
        };
        std::uint32_t seed = 700;
        for (const std::string mode : {"nearest", "linear"}) {
            const float tolerance = mode == "linear" ? kLinearTolerance : 0.f;
            for (const Scaling& s : scalings) {
                const Operand data = input(in, seed++);
                CHECK_OK(compareToReference(makeNode("Resize", {{"mode", mode}}), {data, constant(s.scales)},
                                            {s.out}, 10, tolerance));
                for (const std::string coordinates :
                     {"half_pixel", "pytorch_half_pixel", "align_corners", "asymmetric"}) {
                    for (const std::string nearest :
                         {"round_prefer_floor", "round_prefer_ceil", "floor", "ceil"}) {
                        if (mode == "linear" && nearest != "round_prefer_floor") {
                            continue; // nearest_mode does not affect linear
                        }
                        const model::Node node =
                            makeNode("Resize", {{"mode", mode},
                                                {"coordinate_transformation_mode", coordinates},
                                                {"nearest_mode", nearest}});
                        CHECK_OK(compareToReference(node, {data, omitted(), constant(s.scales)}, {s.out}, 13,
                                                    tolerance));
                        CHECK_OK(compareToReference(node,
                                                    {data, constant({}), constant({}), constantInts(s.out)},
                                                    {s.out}, 11, tolerance));
                    }
                }
            }
        }
        // nearest may scale every dim
        CHECK_OK(compareToReference(makeNode("Resize"),
                                    {input(in, seed++), omitted(), constant({2, 0.5f, 1.5f, 1})},
                                    {{4, 1, 10, 9}}));
        // opset 18: sizes on named axes, keeping the aspect ratio (scale min(14/7, 12/9) = 4/3 -> 9 x 12)
        CHECK_OK(compareToReference(
            makeNode("Resize",
                     {{"axes", Ints{2, 3}}, {"keep_aspect_ratio_policy", std::string("not_larger")}}),
            {input(in, seed++), omitted(), omitted(), constantInts({14, 12})}, {{2, 3, 9, 12}}, 18));
    }

    void upsample() {
        const Operand x{{1, 1, 2, 2}, {1, 2, 3, 4}};
        const std::vector<float> repeated{1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2,
                                          3, 3, 3, 4, 4, 4, 3, 3, 3, 4, 4, 4};
        CHECK_OK(checkBoth(makeNode("Upsample"), {x, constant({1, 1, 2, 3})}, {{1, 1, 4, 6}}, {repeated}, 9));
        CHECK_OK(checkBoth(makeNode("Upsample", {{"scales", std::vector<float>{1, 1, 2, 3}}}), {x},
                           {{1, 1, 4, 6}}, {repeated}, 7));
        // linear, asymmetric: x = o / 2 = 0, 0.5, 1, 1.5 (clamped to 1)
        CHECK_OK(checkBoth(makeNode("Upsample", {{"mode", std::string("linear")}}),
                           {x, constant({1, 1, 2, 2})}, {{1, 1, 4, 4}},
                           {{1, 1.5f, 2, 2, 2, 2.5f, 3, 3, 3, 3.5f, 4, 4, 3, 3.5f, 4, 4}}, 9,
                           kLinearTolerance));
        QVERIFY(rejected(makeNode("Upsample"), {x, constant({2, 2})}, {{1, 1, 4, 4}}, 9));

        const Shape in{2, 3, 5, 6};
        std::uint32_t seed = 800;
        for (const std::string mode : {"nearest", "linear"}) {
            const float tolerance = mode == "linear" ? kLinearTolerance : 0.f;
            for (const auto& [scales, out] :
                 std::vector<std::pair<std::vector<float>, Shape>>{{{1, 1, 2, 2}, {2, 3, 10, 12}},
                                                                   {{1, 1, 3, 1.5f}, {2, 3, 15, 9}},
                                                                   {{1, 1, 1, 1}, {2, 3, 5, 6}}}) {
                const Operand data = input(in, seed++);
                CHECK_OK(compareToReference(makeNode("Upsample", {{"mode", mode}}), {data, constant(scales)},
                                            {out}, 9, tolerance));
                CHECK_OK(compareToReference(makeNode("Upsample", {{"mode", mode}, {"scales", scales}}),
                                            {data}, {out}, 7, tolerance));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestKernelsDataMovement)
#include "test_kernels_data_movement.moc"
