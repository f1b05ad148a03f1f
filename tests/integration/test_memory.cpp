// Memory predictions against the kernel's measurement: the peak RSS of `tessera run` (GNU time's maximum
// resident set size) must be within 10% of the weights the engine holds + the predicted activation arena +
// the im2col workspace + a fixed runtime overhead. The overhead (code, libraries, ONNX schema tables,
// allocator state) is measured in the same run as the peak RSS of running a tiny model.

#include <QtTest>

#include <cmath>

#include "cli_runner.h"
#include "core/exec/npy.h"
#include "support/onnx_builder.h"

using namespace tessera;
using namespace tessera::test;

namespace {

struct Measured {
    double rssBytes = 0;
    double weights = 0, activations = 0, workspace = 0;
};

} // namespace

class TestMemory : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    double m_overhead = 0;

    QString input(std::int64_t size) {
        const QString path = m_dir.filePath(QString("input_%1.npy").arg(size));
        std::vector<float> data(std::size_t(3 * size * size));
        for (std::size_t i = 0; i < data.size(); ++i) {
            data[i] = 0.5f * std::sin(float(i) * 0.01f);
        }
        if (!exec::writeNpy(path.toStdString(), {1, 3, size, size}, data).ok()) {
            qFatal("cannot write %s", qPrintable(path));
        }
        return path;
    }

    std::optional<Measured> measure(const QString& model, const QString& in) {
        const auto r = run("/usr/bin/time",
                           {"-f", "peak-rss-kib %M", binary("tessera"), "run", model, "-i", in, "-t", "1"});
        if (r.exitCode != 0) {
            qWarning("%s", qPrintable(r.err));
            return std::nullopt;
        }
        Measured m;
        const auto rss = QRegularExpression("peak-rss-kib (\\d+)").match(r.err);
        const auto mem =
            QRegularExpression("memory: weights (\\d+) B, activations (\\d+) B, workspace (\\d+) B")
                .match(r.out);
        if (!rss.hasMatch() || !mem.hasMatch()) {
            qWarning("unexpected output: %s / %s", qPrintable(r.out), qPrintable(r.err));
            return std::nullopt;
        }
        m.rssBytes = rss.captured(1).toDouble() * 1024;
        m.weights = mem.captured(1).toDouble();
        m.activations = mem.captured(2).toDouble();
        m.workspace = mem.captured(3).toDouble();
        return m;
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFile::exists("/usr/bin/time"), "GNU time is missing: run ./setup.sh");
        const auto r = run(binary("tessera"),
                           {"zoo", "-o", m_dir.path(), "vgg16", "yolov2-416", "resnet18", "mobilenetv2"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // the fixed overhead: a one-conv model whose weights and activations are a few KiB
        const QString tiny = m_dir.filePath("tiny.onnx");
        OnnxBuilder::smallConvNet().save(tiny.toStdString());
        const auto m = measure(tiny, input(16));
        QVERIFY(m);
        m_overhead = m->rssBytes - m->weights - m->activations - m->workspace;
        qInfo("fixed runtime overhead: %.1f MiB (peak RSS of a tiny model)", m_overhead / 1048576);
        QVERIFY(m_overhead > 0);
    }

    void peakRssMatchesThePrediction_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("size");
        QTest::newRow("vgg16") << "vgg16" << 224;
        QTest::newRow("yolov2-416") << "yolov2-416" << 416;
        QTest::newRow("resnet18") << "resnet18" << 224;
        QTest::newRow("mobilenetv2") << "mobilenetv2" << 224;
    }

    void peakRssMatchesThePrediction() {
        QFETCH(QString, name);
        QFETCH(int, size);
        const auto m = measure(m_dir.filePath(name + ".onnx"), input(size));
        QVERIFY(m);
        const double predicted = m->weights + m->activations + m->workspace + m_overhead;
        const double error = (m->rssBytes - predicted) / predicted;
        qInfo("%s: peak RSS %.1f MiB, predicted %.1f MiB (weights %.1f + activations %.1f + workspace %.1f + "
              "overhead "
              "%.1f), error %+.1f%%",
              qPrintable(name), m->rssBytes / 1048576, predicted / 1048576, m->weights / 1048576,
              m->activations / 1048576, m->workspace / 1048576, m_overhead / 1048576, 100 * error);
        QVERIFY(std::abs(error) <= 0.10);
    }
};

QTEST_GUILESS_MAIN(TestMemory)
#include "test_memory.moc"
