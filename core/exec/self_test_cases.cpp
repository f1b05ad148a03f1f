#include "core/exec/self_test_cases.h"

namespace tessera::exec {
namespace {

using Ints = std::vector<std::int64_t>;

// The tolerances the unit tests in core/exec/tests state for each kernel family: GEMM-based kernels (Conv,
// ConvTranspose, Gemm, MatMul, and networks of them) 1e-4 absolute on values of order 1, float against the
// reference's double accumulation; unary ops, normalisation and averaging pools 1e-5; linear interpolation
// 1e-6; binary element-wise ops, MaxPool and data movement compute or copy the same floats: exact.
constexpr float kGemm = 1e-4f;
constexpr float kFloat = 1e-5f;
constexpr float kLinear = 1e-6f;
constexpr float kExact = 0.f;

// A k x k Conv of `x` (inC channels) into outC channels with random filters and bias.
std::string conv(NetBuilder& b, const std::string& x, std::int64_t inC, std::int64_t outC, std::int64_t k,
                 Attributes attributes = {}) {
    auto group = attributes.find("group");
    const std::int64_t groups = group == attributes.end() ? 1 : std::get<std::int64_t>(group->second);
    attributes["kernel_shape"] = Ints{k, k};
    return b.node("Conv", {x, b.weights({outC, inC / groups, k, k}), b.constant({outC}, -0.1f, 0.1f)},
                  std::move(attributes));
}

std::string batchNorm(NetBuilder& b, const std::string& x, std::int64_t c) {
    return b.node("BatchNormalization", {x, b.constant({c}, 0.5f, 1.5f), b.constant({c}, -0.1f, 0.1f),
                                         b.constant({c}, -0.1f, 0.1f), b.constant({c}, 0.5f, 1.5f)});
}

std::string clip(NetBuilder& b, const std::string& x, float lo, float hi) {
    return b.node("Clip", {x, b.floats({}, {lo}), b.floats({}, {hi})});
}

std::vector<SelfTestCase> convolutionCases() {
    return {
        {"conv 3x3 pad 1", kGemm, 13,
         [](NetBuilder& b) {
             b.output(conv(b, b.input({2, 3, 13, 13}), 3, 8, 3, {{"pads", Ints{1, 1, 1, 1}}}));
         }},
        {"conv 1x1", kGemm, 13,
         [](NetBuilder& b) {
             b.output(conv(b, b.input({2, 16, 9, 9}), 16, 24, 1));
         }},
        {"conv 1x1 stride 2", kGemm, 13,
         [](NetBuilder& b) {
             b.output(conv(b, b.input({1, 16, 9, 9}), 16, 8, 1, {{"strides", Ints{2, 2}}}));
         }},
        {"conv 7x7 stride 2 pad 3 + Relu", kGemm, 13,
         [](NetBuilder& b) {
             const auto c = conv(b, b.input({1, 3, 32, 32}), 3, 16, 7,
                                 {{"strides", Ints{2, 2}}, {"pads", Ints{3, 3, 3, 3}}});
             b.output(b.node("Relu", {c}));
         }},
        {"conv asymmetric pads stride 2", kGemm, 13,
         [](NetBuilder& b) {
             b.output(conv(b, b.input({2, 4, 10, 10}), 4, 6, 3,
                           {{"strides", Ints{2, 2}}, {"pads", Ints{0, 1, 2, 0}}}));
         }},
        {"conv dilation 2", kGemm, 13,
         [](NetBuilder& b) {
             b.output(conv(b, b.input({1, 4, 12, 12}), 4, 4, 3,
                           {{"dilations", Ints{2, 2}}, {"pads", Ints{2, 2, 2, 2}}}));
         }},
        {"grouped conv (2 groups) + LeakyRelu", kGemm, 13,
         [](NetBuilder& b) {
             const auto c = conv(b, b.input({1, 8, 9, 9}), 8, 6, 3,
                                 {{"group", std::int64_t(2)}, {"pads", Ints{1, 1, 1, 1}}});
             b.output(b.node("LeakyRelu", {c}, {{"alpha", 0.1f}}));
         }},
        {"depthwise 3x3 + Clip 0..6", kGemm, 13,
         [](NetBuilder& b) {
             const auto c = conv(b, b.input({1, 12, 11, 11}), 12, 12, 3,
                                 {{"group", std::int64_t(12)}, {"pads", Ints{1, 1, 1, 1}}});
             b.output(clip(b, c, 0.f, 6.f));
         }},
        {"depthwise 3x3 stride 2", kGemm, 13,
         [](NetBuilder& b) {
             b.output(
                 conv(b, b.input({2, 8, 10, 10}), 8, 8, 3,
                      {{"group", std::int64_t(8)}, {"strides", Ints{2, 2}}, {"pads", Ints{1, 1, 1, 1}}}));
         }},
        {"conv SAME_UPPER stride 2", kGemm, 13,
         [](NetBuilder& b) {
             b.output(conv(b, b.input({1, 3, 10, 10}), 3, 5, 3,
                           {{"strides", Ints{2, 2}}, {"auto_pad", std::string("SAME_UPPER")}}));
         }},
        {"conv 3x3 over 256 channels", kGemm, 13,
         [](NetBuilder& b) {
             b.output(conv(b, b.input({1, 256, 20, 20}), 256, 32, 3));
         }},
        {"conv + BatchNormalization + Relu (folded)", kGemm, 13,
         [](NetBuilder& b) {
             const auto c = conv(b, b.input({1, 8, 12, 12}), 8, 16, 3, {{"pads", Ints{1, 1, 1, 1}}});
             b.output(b.node("Relu", {batchNorm(b, c, 16)}));
         }},
        {"ConvTranspose 3x3 stride 2", kGemm, 13,
         [](NetBuilder& b) {
             b.output(b.node(
                 "ConvTranspose",
                 {b.input({1, 4, 6, 6}), b.weights({4, 3, 3, 3}), b.constant({3}, -0.1f, 0.1f)},
                 {{"strides", Ints{2, 2}}, {"pads", Ints{1, 1, 1, 1}}, {"output_padding", Ints{1, 1}}}));
         }},
    };
}

std::vector<SelfTestCase> matrixAndPoolingCases() {
    return {
        {"Gemm transB + bias + Relu", kGemm, 13,
         [](NetBuilder& b) {
             const auto g =
                 b.node("Gemm", {b.input({5, 33}), b.weights({70, 33}), b.constant({70}, -0.1f, 0.1f)},
                        {{"transB", std::int64_t(1)}});
             b.output(b.node("Relu", {g}));
         }},
        {"Gemm transA alpha beta, C [M,N]", kGemm, 13,
         [](NetBuilder& b) {
             b.output(b.node("Gemm", {b.input({33, 5}), b.weights({33, 70}), b.constant({5, 70}, -1.f, 1.f)},
                             {{"transA", std::int64_t(1)}, {"alpha", 0.5f}, {"beta", 2.f}}));
         }},
        {"MatMul broadcast", kGemm, 13,
         [](NetBuilder& b) {
             b.output(b.node("MatMul", {b.input({2, 1, 3, 4}), b.input({3, 4, 5})}));
         }},
        {"MaxPool 3x3 stride 2 pad 1", kExact, 13,
         [](NetBuilder& b) {
             b.output(
                 b.node("MaxPool", {b.input({2, 3, 13, 13})},
                        {{"kernel_shape", Ints{3, 3}}, {"strides", Ints{2, 2}}, {"pads", Ints{1, 1, 1, 1}}}));
         }},
        {"MaxPool 2x2 stride 2 ceil_mode", kExact, 13,
         [](NetBuilder& b) {
             b.output(b.node(
                 "MaxPool", {b.input({1, 4, 11, 11})},
                 {{"kernel_shape", Ints{2, 2}}, {"strides", Ints{2, 2}}, {"ceil_mode", std::int64_t(1)}}));
         }},
        {"AveragePool 3x3 pad 1, pads counted or not", kFloat, 13,
         [](NetBuilder& b) {
             const auto x = b.input({2, 5, 9, 8});
             for (std::int64_t count : {0, 1}) {
                 b.output(b.node("AveragePool", {x},
                                 {{"kernel_shape", Ints{3, 3}},
                                  {"pads", Ints{1, 1, 1, 1}},
                                  {"count_include_pad", count}}));
             }
         }},
        {"GlobalAveragePool", kFloat, 13,
         [](NetBuilder& b) {
             b.output(b.node("GlobalAveragePool", {b.input({2, 16, 7, 9})}));
         }},
        {"BatchNormalization", kFloat, 13,
         [](NetBuilder& b) {
             b.output(batchNorm(b, b.input({2, 6, 5, 7}), 6));
         }},
        {"LRN size 5", kFloat, 13,
         [](NetBuilder& b) {
             b.output(b.node("LRN", {b.input({1, 16, 7, 7})},
                             {{"size", std::int64_t(5)}, {"alpha", 0.1f}, {"beta", 0.75f}, {"bias", 2.f}}));
         }},
        {"Softmax axis 1 and -1", kFloat, 13,
         [](NetBuilder& b) {
             const auto x = b.input({2, 10, 3, 4}, -4.f, 4.f);
             b.output(b.node("Softmax", {x}, {{"axis", std::int64_t(1)}}));
             b.output(b.node("Softmax", {x}));
         }},
    };
}

std::vector<SelfTestCase> elementwiseCases() {
    return {
        {"Relu LeakyRelu Sigmoid Tanh", kFloat, 13,
         [](NetBuilder& b) {
             const auto x = b.input({2, 3, 17, 19}, -6.f, 6.f);
             b.output(b.node("Relu", {x}));
             b.output(b.node("LeakyRelu", {x}, {{"alpha", 0.1f}}));
             b.output(b.node("Sigmoid", {x}));
             b.output(b.node("Tanh", {x}));
         }},
        {"HardSigmoid HardSwish Clip PRelu", kFloat, 14,
         [](NetBuilder& b) {
             const auto x = b.input({2, 3, 17, 19}, -6.f, 6.f);
             b.output(b.node("HardSigmoid", {x}));
             b.output(b.node("HardSwish", {x}));
             b.output(clip(b, x, -0.5f, 0.25f));
             b.output(b.node("PRelu", {x, b.constant({3, 1, 1}, 0.f, 0.5f)}));
         }},
        {"Add Sub Mul Div broadcasting", kExact, 13,
         [](NetBuilder& b) {
             const auto x = b.input({2, 3, 5, 7});
             b.output(b.node("Add", {x, b.input({1, 3, 1, 7})}));
             b.output(b.node("Sub", {x, b.constant({7}, -1.f, 1.f)}));
             b.output(b.node("Mul", {x, b.floats({}, {1.5f})}));
             b.output(b.node("Div", {x, b.constant({3, 1, 1}, 0.5f, 2.f)}));
         }},
    };
}

std::vector<SelfTestCase> dataMovementCases() {
    return {
        {"Concat Split", kExact, 13,
         [](NetBuilder& b) {
             const auto c = b.node("Concat", {b.input({1, 3, 5, 5}), b.input({1, 5, 5, 5})},
                                   {{"axis", std::int64_t(1)}});
             for (const auto& part :
                  b.nodeOutputs("Split", {c, b.ints({2, 6})}, {{"axis", std::int64_t(1)}}, 2)) {
                 b.output(part);
             }
         }},
        {"Slice steps and negative indices", kExact, 13,
         [](NetBuilder& b) {
             b.output(b.node("Slice", {b.input({2, 6, 9, 10}), b.ints({1, -1}), b.ints({5, 0}),
                                       b.ints({1, 3}), b.ints({2, -3})}));
         }},
        {"Transpose", kExact, 13,
         [](NetBuilder& b) {
             b.output(b.node("Transpose", {b.input({2, 3, 4, 5})}, {{"perm", Ints{0, 2, 3, 1}}}));
         }},
        {"Pad constant reflect edge", kExact, 13,
         [](NetBuilder& b) {
             const auto x = b.input({1, 2, 5, 6});
             const auto pads = b.ints({0, 0, 1, 2, 0, 0, 2, 1});
             b.output(b.node("Pad", {x, pads, b.floats({}, {0.5f})}));
             b.output(b.node("Pad", {x, pads}, {{"mode", std::string("reflect")}}));
             b.output(b.node("Pad", {x, pads}, {{"mode", std::string("edge")}}));
         }},
        {"SpaceToDepth DepthToSpace DCR CRD", kExact, 13,
         [](NetBuilder& b) {
             const auto s = b.node("SpaceToDepth", {b.input({1, 4, 6, 8})}, {{"blocksize", std::int64_t(2)}});
             b.output(s);
             b.output(b.node("DepthToSpace", {s}, {{"blocksize", std::int64_t(2)}}));
             b.output(
                 b.node("DepthToSpace", {s}, {{"blocksize", std::int64_t(2)}, {"mode", std::string("CRD")}}));
         }},
        {"Resize nearest", kExact, 13,
         [](NetBuilder& b) {
             const auto x = b.input({2, 3, 7, 9});
             b.output(b.node("Resize", {x, "", b.floats({4}, {1, 1, 2, 2})}));
             b.output(b.node("Resize", {x, "", b.floats({4}, {1, 1, 0.6f, 1.7f})},
                             {{"coordinate_transformation_mode", std::string("asymmetric")},
                              {"nearest_mode", std::string("floor")}}));
         }},
        {"Resize linear", kLinear, 13,
         [](NetBuilder& b) {
             const auto x = b.input({2, 3, 7, 9});
             b.output(b.node("Resize", {x, "", b.floats({4}, {1, 1, 1.5f, 3})},
                             {{"mode", std::string("linear")}}));
             b.output(b.node("Resize", {x, "", b.floats({4}, {1, 1, 0.6f, 1.7f})},
                             {{"mode", std::string("linear")},
                              {"coordinate_transformation_mode", std::string("align_corners")}}));
         }},
        {"Upsample nearest and linear (opset 9)", kLinear, 9,
         [](NetBuilder& b) {
             const auto x = b.input({2, 3, 5, 6});
             b.output(b.node("Upsample", {x, b.floats({4}, {1, 1, 2, 2})}));
             b.output(
                 b.node("Upsample", {x, b.floats({4}, {1, 1, 3, 1.5f})}, {{"mode", std::string("linear")}}));
         }},
    };
}

// Small networks in the shape of the zoo's: fusion, buffer reuse and in-place ops across several layers.
std::vector<SelfTestCase> networkCases() {
    return {
        {"ResNet basic block", kGemm, 13,
         [](NetBuilder& b) {
             const auto x = b.input({1, 16, 14, 14});
             const Attributes same{{"pads", Ints{1, 1, 1, 1}}};
             auto y = b.node("Relu", {batchNorm(b, conv(b, x, 16, 16, 3, same), 16)});
             y = batchNorm(b, conv(b, y, 16, 16, 3, same), 16);
             b.output(b.node("Relu", {b.node("Add", {y, x})}));
         }},
        {"MobileNetV2 inverted residual + classifier", kGemm, 13,
         [](NetBuilder& b) {
             const auto x = b.input({1, 16, 14, 14});
             auto y = clip(b, batchNorm(b, conv(b, x, 16, 64, 1), 64), 0.f, 6.f);
             y = conv(b, y, 64, 64, 3, {{"group", std::int64_t(64)}, {"pads", Ints{1, 1, 1, 1}}});
             y = clip(b, batchNorm(b, y, 64), 0.f, 6.f);
             y = b.node("Add", {batchNorm(b, conv(b, y, 64, 16, 1), 16), x});
             y = b.node("Flatten", {b.node("GlobalAveragePool", {y})});
             b.output(b.node("Gemm", {y, b.weights({10, 16}), b.constant({10}, -0.1f, 0.1f)},
                             {{"transB", std::int64_t(1)}}));
         }},
        {"tiny-YOLO style: pool, reorg, route", kGemm, 13,
         [](NetBuilder& b) {
             const Attributes same{{"pads", Ints{1, 1, 1, 1}}};
             const Attributes leaky{{"alpha", 0.1f}};
             const auto c1 = b.node(
                 "LeakyRelu", {batchNorm(b, conv(b, b.input({1, 3, 32, 32}), 3, 16, 3, same), 16)}, leaky);
             const auto p = b.node("MaxPool", {c1}, {{"kernel_shape", Ints{2, 2}}, {"strides", Ints{2, 2}}});
             const auto c2 = b.node("LeakyRelu", {batchNorm(b, conv(b, p, 16, 32, 3, same), 32)}, leaky);
             const auto reorg = b.node("SpaceToDepth", {c1}, {{"blocksize", std::int64_t(2)}});
             const auto route = b.node("Concat", {reorg, c2}, {{"axis", std::int64_t(1)}});
             b.output(conv(b, route, 96, 8, 1));
         }},
    };
}

} // namespace

const std::vector<SelfTestCase>& selfTestCases() {
    static const std::vector<SelfTestCase> kCases = [] {
        std::vector<SelfTestCase> all;
        for (auto group : {convolutionCases(), matrixAndPoolingCases(), elementwiseCases(),
                           dataMovementCases(), networkCases()}) {
            all.insert(all.end(), group.begin(), group.end());
        }
        return all;
    }();
    return kCases;
}

} // namespace tessera::exec
