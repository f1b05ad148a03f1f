// The model zoo against the published figures of each network, and the ONNX checker on every file.

#include <QtTest>

#include <onnx/checker.h>
#include <onnx/defs/schema.h>
#include <onnx/shape_inference/implementation.h>

#include <fstream>

#include "core/base/sha256.h"
#include "core/cost/layer_cost.h"
#include "core/model/model.h"
#include "core/model/zoo.h"

using namespace tessera;

namespace {

struct Published {
    const char* name;
    std::int64_t params;      // every stored weight element (BN running statistics included)
    double macsLow, macsHigh; // multiply-accumulates of conv and fully-connected layers
    const char* source;
};

// Darknet's published operation counts are BFLOPs = 2 x MACs, rounded to two decimals (+-0.005e9 FLOPs).
constexpr double kHalfCent = 0.0025e9;

const Published kExpected[] = {
    {"yolov2-608", 50'983'561, 31.47e9 - kHalfCent, 31.47e9 + kHalfCent,
     "Darknet: YOLOv2 608x608, 62.94 BFLOPs"},
    {"tiny-yolov2", 11'237'145, 2.705e9 - kHalfCent, 2.705e9 + kHalfCent,
     "Darknet: Tiny YOLO (COCO), 5.41 BFLOPs"},
    {"alexnet", 62'378'344, 1.135e9 - kHalfCent, 1.135e9 + kHalfCent,
     "AlexNet single tower: 62,378,344 parameters; Darknet 2.27 BFLOPs"},
    {"vgg16", 138'357'544, 15.47e9 - kHalfCent, 15.47e9 + kHalfCent,
     "VGG-16: 138,357,544 parameters; Darknet 30.94 BFLOPs"},
    {"extraction", 23'455'400, 4.26e9 - kHalfCent, 4.26e9 + kHalfCent, "Darknet Extraction: 8.52 BFLOPs"},
    // torchvision: 11,689,512 trainable parameters + 2 x 4,800 BN running statistics; 1.8 G multiply-adds
    {"resnet18", 11'689'512 + 9'600, 1.80e9, 1.83e9, "ResNet-18: 11,689,512 trainable parameters, 1.8 GMACs"},
    // Keras MobileNetV2: 3,538,984 parameters in all (3,504,872 trainable); the paper gives 300 M
    // multiply-adds
    {"mobilenetv2", 3'538'984, 299e6, 302e6, "MobileNetV2: 3,538,984 parameters, 300 M MACs"},
};

std::int64_t convWeightElements(const model::Graph& g) {
    std::int64_t n = 0;
    for (const auto& node : g.nodes) {
        if (node.opType == "Conv") {
            n += g.initializer(node.inputs[1])->elements();
        }
    }
    return n;
}

} // namespace

class TestZoo : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    Expected<model::Model> writeAndReload(const std::string& name) {
        auto built = model::buildZooModel(name);
        if (!built) {
            return built.error();
        }
        const std::string path = m_dir.filePath(QString::fromStdString(name + ".onnx")).toStdString();
        if (auto s = model::saveOnnx(built->graph, built->opset, path); !s) {
            return s.error();
        }
        // The reference checker and strict shape inference of the ONNX library, on the file as written.
        try {
            onnx::checker::check_model(path);
            onnx::ModelProto proto;
            std::ifstream in(path, std::ios::binary);
            proto.ParseFromIstream(&in);
            onnx::ShapeInferenceOptions strict(true, 1, false);
            onnx::shape_inference::InferShapes(proto, onnx::OpSchemaRegistry::Instance(), strict);
        } catch (const std::exception& e) {
            return Error{ErrorCode::InvalidModel, name + ": " + e.what()};
        }
        return model::loadModel(path);
    }

private slots:
    void matchesPublishedFigures_data() {
        QTest::addColumn<int>("index");
        for (int i = 0; i < int(std::size(kExpected)); ++i) {
            QTest::newRow(kExpected[i].name) << i;
        }
    }

    void matchesPublishedFigures() {
        QFETCH(int, index);
        const auto& expected = kExpected[index];
        auto m = writeAndReload(expected.name);
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
        const auto cost = cost::analyze(m->graph);
        qInfo("%s: %lld params, %lld MACs (%s)", expected.name, (long long)cost.params, (long long)cost.macs,
              expected.source);
        QCOMPARE(cost.params, expected.params);
        QVERIFY2(double(cost.macs) >= expected.macsLow && double(cost.macs) <= expected.macsHigh,
                 expected.source);
    }

    void extractionHas23Point4MillionConvWeights() {
        auto m = model::buildZooModel("extraction");
        QVERIFY(m.ok());
        const auto weights = convWeightElements(m->graph);
        QVERIFY2(weights >= 23'350'000 && weights < 23'450'000,
                 std::to_string(weights).c_str()); // "23.4 M weights"
        QCOMPARE(std::count_if(m->graph.nodes.begin(), m->graph.nodes.end(),
                               [](const auto& n) { return n.opType == "Conv"; }),
                 21L);
    }

    void yolov2At416ScalesExactly() {
        // Same network at 416 = 13 x 32 instead of 608 = 19 x 32: every conv output shrinks by (13/19)^2.
        auto m608 = model::buildZooModel("yolov2-608");
        auto m416 = writeAndReload("yolov2-416");
        QVERIFY(m608.ok() && m416.ok());
        const auto c608 = cost::analyze(m608->graph);
        const auto c416 = cost::analyze(m416->graph);
        QCOMPARE(c416.macs * 361, c608.macs * 169);
        QCOMPARE(c416.params, c608.params);
        QCOMPARE(m416->graph.outputs[0].shape, (model::Shape{1, 425, 13, 13}));
    }

    void weightsAreDeterministic() {
        auto a = model::buildZooModel("mobilenetv2");
        auto b = model::buildZooModel("mobilenetv2");
        auto c = model::buildZooModel("mobilenetv2", 7);
        QVERIFY(a.ok() && b.ok() && c.ok());
        const auto& wa = a->graph.initializer("conv_0_weights")->floats;
        QCOMPARE(wa, b->graph.initializer("conv_0_weights")->floats);
        QVERIFY(wa != c->graph.initializer("conv_0_weights")->floats);
        const std::string pa = m_dir.filePath("a.onnx").toStdString(),
                          pb = m_dir.filePath("b.onnx").toStdString();
        QVERIFY(model::saveOnnx(a->graph, a->opset, pa).ok());
        QVERIFY(model::saveOnnx(b->graph, b->opset, pb).ok());
        QCOMPARE(*sha256File(pa), *sha256File(pb));
        // He-uniform bound for the first conv: sqrt(6 / (3*3*3))
        const float bound = std::sqrt(6.f / 27.f);
        QVERIFY(std::all_of(wa.begin(), wa.end(), [bound](float v) { return std::abs(v) <= bound; }));
    }

    void unknownNameIsRefused() {
        auto m = model::buildZooModel("lenet");
        QVERIFY(!m.ok());
        QVERIFY(m.error().message.find("available: yolov2-608") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestZoo)
#include "test_zoo.moc"
