// The plan commands as a user runs them: tessera plan / simulate / verify / export-submodels / prune on
// tiny-YOLOv2, with presets and a cluster file, and every kind of mistake a user makes answered with a clear
// message.

#include <QtTest>

#include "cli_runner.h"

using namespace tessera::test;

class TestCliPlan : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_model, m_plan;

    QString path(const QString& name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase() {
        const auto r = run(binary("tessera"), {"zoo", "-o", m_dir.path(), "tiny-yolov2"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        m_model = path("tiny-yolov2.onnx");
        m_plan = path("plan.json");
    }

    // Fused tiles with reuse and stealing over the early layers, a LOP -> LIP pair with 2:1 shares, the rest
    // on the gateway; the plan file lists the stages by node and device name.
    void planWritesAValidPlan() {
        const auto r =
            run(binary("tessera"),
                {"plan", m_model, "--devices", "rpi4:3", "--ftp", "conv_0:maxpool_5:3x3:reuse:steal", "--lop",
                 "conv_12:conv_12_leaky@rpi4-2=2,rpi4-3", "--lip",
                 "conv_13:conv_13_leaky:reducer=rpi4-1@rpi4-2=2,rpi4-3", "-o", m_plan});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(
                     "1. tiles  conv_0 .. maxpool_5 (12 nodes), 3x3 tiles, data reuse, work stealing on "
                     "rpi4-1 rpi4-2 rpi4-3"),
                 qPrintable(r.out));
        QVERIFY(r.out.contains("2. device  conv_6 .. maxpool_11 (12 nodes) on rpi4-1"));
        QVERIFY(r.out.contains("3. lop  conv_12 .. conv_12_leaky (3 nodes), 2 slices on rpi4-2 rpi4-3"));
        QVERIFY(r.out.contains("4. lip  conv_13 .. conv_13_leaky (3 nodes), 2 slices on rpi4-2 rpi4-3"));
        QFile file(m_plan);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto stages = QJsonDocument::fromJson(file.readAll()).object()["stages"].toArray();
        QCOMPARE(stages.size(), 5);
        // 1024 channels in a 2:1 ratio, the same cut for the LOP output and the LIP input: a fused pair
        QCOMPARE(stages[2].toObject()["channels"].toArray(), QJsonArray({683}));
        QCOMPARE(stages[3].toObject()["channels"].toArray(), QJsonArray({683}));
        QCOMPARE(stages[3].toObject()["reducer"].toString(), QString("rpi4-1"));
    }

    void simulatePrintsCostsAndATimeline() {
        const auto r = run(binary("tessera"), {"simulate", m_model, m_plan, "rpi4:3", "--frames", "4"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char* expected :
             {"rpi4-1 |", "rpi4-2 |", "rpi4-3 |", "Traffic per frame:", "rpi4-1 -> rpi4-2:",
              "Latency, one frame:", "Stream of 4 frames:", "One frame:", "rpi4-2 up"}) {
            QVERIFY2(r.out.contains(expected), expected);
        }
        QVERIFY(!r.out.contains("OVER BUDGET"));
    }

    void verifyReproducesTheModel() {
        const auto r =
            run(binary("tessera"), {"verify", m_model, m_plan, "--devices", "rpi4:3", "--threads", "2"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains("The partitioned run reproduces the model."));
        QVERIFY(r.out.contains("region_15 1x425x13x13: relative L2 error"));
    }

    void exportWritesOneFilePerDevice() {
        const auto r =
            run(binary("tessera"), {"export-submodels", m_model, m_plan, "rpi4:3", "-o", path("sub")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char* device : {"rpi4-1", "rpi4-2", "rpi4-3"}) {
            QVERIFY(QFile::exists(path("sub/") + device + ".onnx"));
            const auto check = run(binary("tessera"), {"analyze", path("sub/") + device + ".onnx"});
            QVERIFY2(check.exitCode == 0, qPrintable(check.err)); // loads: checker and shape inference pass
        }
    }

    // A cluster file whose devices cannot hold the plan: the simulation says which and by how much.
    void overBudgetIsReported() {
        QFile cluster(path("small.json"));
        QVERIFY(cluster.open(QIODevice::WriteOnly));
        cluster.write(R"({"format": "tessera-cluster", "version": 1, "name": "small", "gateway": "rpi4-1",
            "devices": [{"name": "rpi4-1", "preset": "rpi4", "memory": "20MiB"},
                        {"name": "rpi4-2", "preset": "rpi4"}, {"name": "rpi4-3", "preset": "rpi4"}]})");
        cluster.close();
        const auto r = run(binary("tessera"), {"simulate", m_model, m_plan, path("small.json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("OVER BUDGET"));
        QVERIFY2(r.out.contains("warning: device 'rpi4-1' needs "), qPrintable(r.out));
    }

    // Calibration measures this machine and writes the fitted speed into the named device of a cluster file.
    void calibrateUpdatesTheDevice() {
        QFile cluster(path("lab.json"));
        QVERIFY(cluster.open(QIODevice::WriteOnly));
        cluster.write(R"({"format": "tessera-cluster", "version": 1, "name": "lab", "gateway": "here",
            "devices": [{"name": "here", "preset": "emulated"}, {"name": "pi", "preset": "rpi4"}]})");
        cluster.close();
        auto r = run(binary("tessera"), {"calibrate", m_model, "--runs", "1", "--cluster", path("lab.json"),
                                         "--device", "here"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("Updated device 'here'"));
        QVERIFY(cluster.open(QIODevice::ReadOnly));
        const auto devices = QJsonDocument::fromJson(cluster.readAll()).object()["devices"].toArray();
        QVERIFY(devices[0].toObject()["macs_per_second"].toDouble() >
                1e9); // measured, not the preset's 2.5e9
        QVERIFY(devices[0].toObject()["macs_per_second"].toDouble() != 2.5e9);
        QCOMPARE(devices[1].toObject()["macs_per_second"].toDouble(), 6e9); // the other device untouched
        r = run(binary("tessera"),
                {"calibrate", m_model, "--cluster", path("lab.json"), "--device", "there"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("lab.json: no device named 'there'"), qPrintable(r.err));
    }

    // tessera prune reports the stored bytes and writes a model that costs them; plan --prune records the
    // settings, so simulate prunes the same way: the LOP slices of conv_13 (18 MiB dense) shrink to CSR.
    void pruningShrinksWhatDevicesStore() {
        const auto pruned = run(binary("tessera"), {"prune", m_model, "--sparsity", "0.95", "--per-layer",
                                                    "-o", path("pruned.onnx")});
        QVERIFY2(pruned.exitCode == 0, qPrintable(pruned.err));
        QVERIFY2(
            pruned.out.contains(QRegularExpression("conv_13 +Conv +4718592 +95.0% +18.0 MiB +1.35 MiB +csr")),
            qPrintable(pruned.out));
        QVERIFY(QFile::exists(path("pruned.onnx")));
        QStringList plan{"plan", m_model, "--devices", "rpi4:2", "--lop", "conv_13:conv_13_leaky", "-o"};
        const auto dense = run(binary("tessera"), plan + QStringList{path("dense.json")});
        const auto sparse =
            run(binary("tessera"), plan + QStringList{path("sparse.json"), "--prune", "0.95:per-layer"});
        QVERIFY2(dense.exitCode == 0 && sparse.exitCode == 0, qPrintable(dense.err + sparse.err));
        QVERIFY(sparse.out.contains("weights pruned first: per-layer magnitude, sparsity 0.95"));
        QFile file(path("sparse.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(file.readAll()).object()["pruning"].toObject()["mode"].toString(),
                 QString("per-layer"));
        // the worker holds half of conv_13: 9 MiB dense, about 0.7 MiB in CSR
        const auto weightsOfWorker = [&](const QString& planFile) {
            const auto r = run(binary("tessera"), {"simulate", m_model, planFile, "rpi4:2"});
            const auto line = QRegularExpression("rpi4-2 \\| +1 \\| +([0-9.]+ [KM]iB)").match(r.out);
            return line.hasMatch() ? line.captured(1) : r.out + r.err;
        };
        QCOMPARE(weightsOfWorker(path("dense.json")), QString("9.00 MiB"));
        QCOMPARE(weightsOfWorker(path("sparse.json")), QString("695 KiB"));
    }

    void mistakesGetClearMessages_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown node")
            << QStringList{"plan", "MODEL", "--devices", "rpi4:2", "--ftp", "conv_O:conv_4:2x2",
                           "-o",   "x.json"}
            << "no node named 'conv_O' (did you mean 'conv_0'?";
        QTest::newRow("bad grid") << QStringList{"plan",   "MODEL", "--devices",
                                                 "rpi4:2", "--ftp", "conv_0:conv_4:2y2",
                                                 "-o",     "x.json"}
                                  << "'2y2' is not a grid such as 5x5";
        QTest::newRow("tiles over the region layer")
            << QStringList{"plan", "MODEL", "--devices", "rpi4:2", "--ftp", "conv_14:region_15:2x2",
                           "-o",   "x.json"}
            << "node 'region_15_split' (Split): Split with more than one output cannot be tiled";
        QTest::newRow("unknown device")
            << QStringList{"plan", "MODEL", "--devices", "rpi4:2", "--place", "conv_0@pi-9", "-o", "x.json"}
            << "no device named 'pi-9' (devices: rpi4-1, rpi4-2)";
        QTest::newRow("no cluster") << QStringList{"plan", "MODEL", "-o", "x.json"} << "no cluster given";
        QTest::newRow("unknown preset") << QStringList{"plan", "MODEL", "--devices", "rpi9:2", "-o", "x.json"}
                                        << "'rpi9:2' is neither a cluster file nor PRESET:N";
        QTest::newRow("too many slices")
            << QStringList{"plan",
                           "MODEL",
                           "--devices",
                           "rpi4:2",
                           "--lop",
                           "conv_0@rpi4-1,rpi4-2,rpi4-1,rpi4-2,rpi4-1,rpi4-2,rpi4-1,rpi4-2,rpi4-1,rpi4-2,"
                           "rpi4-1,rpi4-2,rpi4-1,rpi4-2,rpi4-1,rpi4-2,rpi4-1",
                           "-o",
                           "x.json"}
            << "16 channels of 'conv_0' cannot be split into 17 slices";
        QTest::newRow("prune beyond 0.99")
            << QStringList{"prune", "MODEL", "--sparsity", "1.5", "-o", "x.json"}
            << "sparsity: 1.5 is outside [0, 0.99] (the fraction of weights set to zero)";
        QTest::newRow("prune an unknown layer")
            << QStringList{"prune", "MODEL", "--sparsity", "0.5", "--exclude", "conv_99", "-o", "x.json"}
            << "'conv_99' is neither a node of the model nor one of Conv, Gemm, first-conv, depthwise";
        QTest::newRow("plan --prune, bad form")
            << QStringList{"plan", "MODEL", "--devices", "rpi4:2", "--prune", "0.9:fast", "-o", "x.json"}
            << "--prune '0.9:fast': expected SPARSITY[:global|:per-layer]";
        QTest::newRow("plan for another cluster")
            << QStringList{"simulate", "MODEL", "PLAN", "jetson-nano:3"} << "no device named 'rpi4-1'";
    }

    void mistakesGetClearMessages() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        args.replaceInStrings("MODEL", m_model);
        args.replaceInStrings("PLAN", m_plan);
        args.replaceInStrings("x.json", path("x.json"));
        const auto r = run(binary("tessera"), args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(path("x.json"))); // nothing written
    }
};

QTEST_GUILESS_MAIN(TestCliPlan)
#include "test_cli_plan.moc"
