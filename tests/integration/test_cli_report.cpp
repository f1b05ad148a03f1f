// `tessera report` as a user runs it on tiny-YOLOv2: HTML, JSON and CSV from the extension, a second plan
// compared side by side, a run record's measured figures, PDF explained, and mistakes named by file and
// field.

#include <QtTest>

#include "cli_runner.h"

using namespace tessera::test;

class TestCliReport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_model, m_tiles, m_whole;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    static QByteArray readAll(const QString& file) {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static void write(const QString& file, const QByteArray& bytes) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    RunResult report(const QStringList& extra) const {
        return run(binary("tessera"),
                   QStringList{"report", m_model, "--devices", "rpi4:3", "--plan", m_tiles} + extra);
    }

private slots:
    void initTestCase() {
        auto r = run(binary("tessera"), {"zoo", "-o", m_dir.path(), "tiny-yolov2"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        m_model = path("tiny-yolov2.onnx");
        m_tiles = path("tiles.json");
        m_whole = path("whole.json");
        r = run(binary("tessera"), {"plan", m_model, "--devices", "rpi4:3", "--ftp",
                                    "conv_0:maxpool_5:2x2:reuse", "-o", m_tiles});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run(binary("tessera"), {"plan", m_model, "--devices", "rpi4:3", "-o", m_whole});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void jsonMatchesSimulate() {
        const auto r = report({"--out", path("r.json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("wrote " + path("r.json")));
        const QJsonObject doc = QJsonDocument::fromJson(readAll(path("r.json"))).object();
        QCOMPARE(doc["plan"]["label"].toString(), QString("tiles.json"));
        QCOMPARE(doc["plan"]["stages"][0]["grid"]["rows"].toInt(), 2);
        QVERIFY(doc["compare"].isNull());
        // `tessera simulate` prints the same one-frame latency and traffic
        const auto sim = run(binary("tessera"), {"simulate", m_model, m_tiles, "rpi4:3", "--frames", "1"});
        QVERIFY2(sim.exitCode == 0, qPrintable(sim.err));
        const auto latency = QRegularExpression("Latency, one frame: ([^\\n]+)").match(sim.out).captured(1);
        QVERIFY(!latency.isEmpty());
        const double seconds = doc["plan"]["latency_seconds"].toDouble();
        const auto html = report({"--out", path("r.html")});
        QVERIFY2(html.exitCode == 0, qPrintable(html.err));
        QVERIFY2(readAll(path("r.html")).contains(("One frame: <b>" + latency + "</b>").toUtf8()),
                 qPrintable(latency + QString(" vs %1 s").arg(seconds)));
    }

    void csvTablesAndComparison() {
        auto r = report({"--compare", m_whole, "--out", path("t.csv")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("wrote " + path("t-devices.csv")));
        const auto layers = readAll(path("t.csv")).trimmed().split('\n');
        QCOMPARE(
            layers.first(),
            QByteArray(
                "id,name,op,output_shape,params,macs,weight_bytes,activation_bytes,stage,scheme,devices"));
        const auto nodes =
            QJsonDocument::fromJson(readAll(path("r.json"))).object()["layers"].toArray().size();
        QCOMPARE(layers.size(), nodes + 1);
        QCOMPARE(readAll(path("t-devices.csv")).trimmed().split('\n').size(), 4);

        r = report({"--compare", m_whole, "--format", "json", "--out", path("c.out")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject doc = QJsonDocument::fromJson(readAll(path("c.out"))).object();
        QCOMPARE(doc["compare"]["label"].toString(), QString("whole.json"));
        QCOMPARE(doc["compare"]["traffic_bytes"].toInteger(), 0);
        QVERIFY(doc["plan"]["traffic_bytes"].toInteger() > 0);
    }

    void measuredRunRecord() {
        QJsonArray frames;
        for (int f = 0; f < 10; ++f) {
            QJsonArray devices;
            for (const char* name : {"rpi4-1", "rpi4-2", "rpi4-3"}) {
                devices.append(QJsonObject{{"device", name},
                                           {"tasks", 2},
                                           {"compute_seconds", 0.05},
                                           {"bytes_in", 1000},
                                           {"bytes_out", 2000},
                                           {"peak_rss_bytes", 40000000}});
            }
            frames.append(
                QJsonObject{{"frame", f}, {"latency_seconds", 0.1 + 0.01 * f}, {"devices", devices}});
        }
        QJsonObject record{{"format", "tessera-run"},
                           {"version", 1},
                           {"in_flight", 1},
                           {"wall_seconds", 2.0},
                           {"frames", frames}};
        write(path("run.json"), QJsonDocument(record).toJson());
        auto r = report({"--measured", path("run.json"), "--out", path("m.json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject doc = QJsonDocument::fromJson(readAll(path("m.json"))).object();
        QCOMPARE(doc["measured"]["throughput_fps"].toDouble(), 5.0);
        QCOMPARE(doc["measured"]["latency_seconds"]["p90"].toDouble(), 0.18);

        frames[3] = QJsonObject{{"frame", 3}, {"latency_seconds", "slow"}, {"devices", QJsonArray()}};
        record["frames"] = frames;
        write(path("bad.json"), QJsonDocument(record).toJson());
        r = report({"--measured", path("bad.json"), "--out", path("x.html")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(path("bad.json") + ": frames[3].latency_seconds: expected a number"),
                 qPrintable(r.err));
    }

    void mistakesAreExplained_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("pdf") << QStringList{"--out", "x.pdf"}
                             << "run `tessera-studio --report x.pdf PROJECT.tessera`";
        QTest::newRow("no format") << QStringList{"--out", "x.txt"} << "--out x.txt: cannot tell the format";
        QTest::newRow("missing compare")
            << QStringList{"--compare", "nope.json", "--out", "x.html"} << "nope.json";
        QTest::newRow("missing run") << QStringList{"--measured", "run9.json", "--out", "x.html"}
                                     << "run9.json";
    }
    void mistakesAreExplained() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const auto r = report(args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "test_cli_report.moc"
