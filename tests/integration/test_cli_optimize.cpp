// tessera optimize as a user runs it on tiny-YOLOv2 over three Raspberry Pi 4: each objective gives a plan
// that the other commands accept and that computes what the model computes; the figures printed are the
// plan's own costs; budgets bind or are refused with the device named; the Pareto front is written as
// numbered plans; a time limit or Ctrl-C ends the search with the best plan so far and its gap.

#include <csignal>

#include <QRegularExpression>
#include <QtTest>

#include "cli_runner.h"

using namespace tessera::test;

namespace {

// "largest device memory 30.3 MiB, ..." -> 30.3 (MiB)
double mib(const QString& text, const QString& label) {
    const auto m = QRegularExpression(label + R"( ([0-9.]+) (KiB|MiB|GiB))").match(text);
    if (!m.hasMatch()) {
        return -1;
    }
    const double v = m.captured(1).toDouble();
    return m.captured(2) == "KiB" ? v / 1024 : m.captured(2) == "GiB" ? v * 1024 : v;
}

// Largest "total" column of the per-device table printed after the plan.
double largestTotal(const QString& out) {
    double largest = -1;
    const QRegularExpression row(R"(^rpi4-\d \|(?:[^|]*\|){5}\s*([0-9.]+) (KiB|MiB|GiB) \|)",
                                 QRegularExpression::MultilineOption);
    for (auto it = row.globalMatch(out); it.hasNext();) {
        const auto m = it.next();
        const double v = m.captured(1).toDouble();
        largest = std::max(largest, m.captured(2) == "KiB"   ? v / 1024
                                    : m.captured(2) == "GiB" ? v * 1024
                                                             : v);
    }
    return largest;
}

} // namespace

class TestCliOptimize : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_model;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // Fewer candidates (2x2 tiles, blocks of up to 4 layers) keep every search short on a loaded CI machine.
    RunResult optimize(const QStringList& extra, bool fewCandidates = true) {
        const QStringList few{"--grids", "2", "--max-tile-units", "4"};
        return run(binary("tessera"), QStringList{"optimize", m_model, "--devices", "rpi4:3"} +
                                          (fewCandidates ? few : QStringList{}) + extra);
    }

private slots:
    void initTestCase() {
        const auto r = run(binary("tessera"), {"zoo", "-o", m_dir.path(), "tiny-yolov2"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        m_model = path("tiny-yolov2.onnx");
    }

    // The latency-optimal plan: proven, its estimate equals the compiled plan's costs, and it verifies.
    void latencyPlanVerifies() {
        const auto r = optimize({"--objective", "latency", "-o", path("latency.json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QRegularExpression(R"(Solver: .*, optimal in [0-9.]+ s)")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains("Plan for tiny-yolov2 on 3 device(s)"));
        // the plan's own costs add the buffers devices hold between tasks (and the copies of their largest
        // message) to the optimizer's memory model
        const double estimate = mib(r.out, "Optimizer's estimate: largest device memory");
        QVERIFY(estimate > 0);
        QVERIFY2(largestTotal(r.out) >= estimate && largestTotal(r.out) < estimate * 1.2, qPrintable(r.out));
        QVERIFY(r.out.contains("Simulated latency, one frame:"));
        const auto verified = run(binary("tessera"), {"verify", m_model, path("latency.json"), "--devices",
                                                      "rpi4:3", "--threads", "2"});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
        QVERIFY(verified.out.contains("The partitioned run reproduces the model."));
    }

    // Most throughput: its period is no longer than the latency plan's, `tessera simulate` predicts the same
    // period for the written plan, and the plan verifies.
    void throughputPlanHasTheLeastPeriod() {
        const auto periodOf = [](const QString& out, const QString& label) {
            const auto m = QRegularExpression(label + R"(:? ([0-9.]+) (ms|s)\b)").match(out);
            return !m.hasMatch() ? -1.0 : m.captured(1).toDouble() * (m.captured(2) == "s" ? 1000 : 1);
        };
        const auto r =
            optimize({"--objective", "throughput", "--time-limit", "10", "-o", path("throughput.json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("Solver: GLPK integer program"));
        QVERIFY(r.out.contains(QRegularExpression(R"(Simulated stream of 16 frames: [0-9.]+ frames/s)")));
        const double period = periodOf(r.out, "period");
        QVERIFY2(period > 0, qPrintable(r.out));
        const auto latency = optimize({"--objective", "latency", "-q", "-o", path("latency-plan.json")});
        QVERIFY(latency.exitCode == 0);
        QVERIFY2(period <= periodOf(latency.out, "period") * 1.001, qPrintable(r.out + latency.out));
        const auto simulated =
            run(binary("tessera"), {"simulate", m_model, path("throughput.json"), "--devices", "rpi4:3"});
        QVERIFY2(simulated.exitCode == 0, qPrintable(simulated.err));
        QCOMPARE(periodOf(simulated.out, "Period, pipelined"), period);
        const auto verified = run(binary("tessera"), {"verify", m_model, path("throughput.json"), "--devices",
                                                      "rpi4:3", "--threads", "2"});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
    }

    // Least traffic: nothing crosses a link (one device runs everything), which is indeed the minimum.
    void trafficOptimumMovesNothing() {
        const auto r = optimize({"--objective", "traffic", "-o", path("traffic.json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("traffic 0 B"));
        QVERIFY(r.out.contains("Traffic per frame: 0 B"));
    }

    // A budget between the least memory any plan needs and what the latency-optimal plan needs binds: the
    // plan found fits it by its own costs (buffers included), on every device.
    void budgetBinds() {
        // (all candidates: with few, the least-memory and the fastest plans are within 1 MiB of each other)
        const auto free = optimize({"--objective", "latency", "-q", "-o", path("free.json")}, false);
        QVERIFY2(free.exitCode == 0, qPrintable(free.err));
        const double unbounded = largestTotal(free.out);
        const auto r =
            optimize({"--objective", "latency", "--budget", "45MiB", "-o", path("budget.json")}, false);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(unbounded > 45); // the budget really binds
        const double bounded = largestTotal(r.out);
        QVERIFY2(bounded > 0 && bounded <= 45, qPrintable(r.out));
        QVERIFY(!r.out.contains("OVER BUDGET"));
        QVERIFY(r.out.contains("45.0 MiB")); // the budget column
    }

    void impossibleBudgetNamesTheDevices() {
        const auto r = optimize({"--objective", "latency", "--budget", "20M", "--budget", "rpi4-2=25M", "-q",
                                 "-o", path("none.json")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no plan fits the memory budgets: even the plan closest to fitting needs"),
                 qPrintable(r.err));
        QVERIFY(r.err.contains("on 'rpi4-1' (budget 20.0 MiB)"));
        QVERIFY(r.err.contains("on 'rpi4-2' (budget 25.0 MiB)"));
        QVERIFY(r.err.contains("runtime overhead 19.0 MiB"));
        QVERIFY(!QFile::exists(path("none.json")));
    }

    // The front is written as numbered plans, memory rising and latency falling from one to the next.
    void paretoFrontIsMonotone() {
        const auto r =
            optimize({"--objective", "latency", "--pareto", "--points", "3", "-q", "-o", path("front.json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QRegularExpression point(
            R"(  (\d+)\. largest device memory ([0-9.]+) MiB, traffic [^,]+, latency ([0-9.]+) ms.* -> (.*))");
        double lastMemory = 0, lastLatency = 1e9;
        int points = 0;
        for (auto it = point.globalMatch(r.out); it.hasNext();) {
            const auto m = it.next();
            QCOMPARE(m.captured(1).toInt(), ++points);
            // (non-strict: neighbouring points may print alike at three digits)
            QVERIFY(m.captured(2).toDouble() >= lastMemory);
            QVERIFY(m.captured(3).toDouble() <= lastLatency);
            lastMemory = m.captured(2).toDouble();
            lastLatency = m.captured(3).toDouble();
            QCOMPARE(m.captured(4), path("front-%1.json").arg(points));
            QVERIFY(QFile::exists(m.captured(4)));
        }
        QVERIFY2(points >= 2, qPrintable(r.out));
        // each point is a plan the other commands take
        const auto s = run(binary("tessera"), {"simulate", m_model, path("front-1.json"), "rpi4:3"});
        QVERIFY2(s.exitCode == 0, qPrintable(s.err));
    }

    // Progress goes to stderr; a time limit ends the search with a plan and either a proof or a gap.
    void timeLimitReportsTheGap() {
        QElapsedTimer timer;
        timer.start();
        const auto r = optimize({"--objective", "memory", "--time-limit", "1", "-o", path("memory.json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.err.contains("measuring candidate stages"));
        QVERIFY2(
            r.out.contains(QRegularExpression(R"(Solver: GLPK integer program, (optimal|time limit: gap )"
                                              R"([0-9.]+%) in [0-9.]+ s)")),
            qPrintable(r.out));
        QVERIFY(QFile::exists(path("memory.json")));
        QVERIFY(timer.elapsed() < 60000);
    }

    // Ctrl-C during the search keeps the best plan found so far.
    void interruptKeepsTheBestPlan() {
        QProcess p;
        p.start(binary("tessera"), {"optimize", m_model, "--devices", "rpi4:8", "--objective", "memory",
                                    "--time-limit", "300", "-o", path("interrupted.json")});
        QVERIFY(p.waitForStarted());
        QString err;
        QElapsedTimer timer;
        timer.start();
        while (!err.contains("branch and bound: best") && timer.elapsed() < 120000 &&
               p.state() == QProcess::Running) {
            p.waitForReadyRead(200);
            err += QString::fromUtf8(p.readAllStandardError());
        }
        QVERIFY2(err.contains("branch and bound: best"), qPrintable(err));
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(60000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        // a search that finished just before the signal is proven instead
        QVERIFY2(
            out.contains(QRegularExpression(R"(Solver: GLPK integer program, (optimal|cancelled: gap ))")),
            qPrintable(out));
        QVERIFY(QFile::exists(path("interrupted.json")));
    }

    void mistakesGetClearMessages_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("pareto of memory") << QStringList{"--objective", "memory", "--pareto"}
                                          << "--pareto sets latency, traffic or throughput against memory";
        QTest::newRow("bad budget") << QStringList{"--budget", "lots"} << "--budget";
        QTest::newRow("budget of an unknown device")
            << QStringList{"--budget", "pi-9=1G"} << "--budget: no device named 'pi-9'";
        QTest::newRow("dp on a graph with branches")
            << QStringList{"--solver", "dp"} << "the dynamic program needs a chain-structured model";
    }

    void mistakesGetClearMessages() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const auto r = optimize(args + QStringList{"-q", "-o", path("x.json")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(path("x.json")));
    }
};

QTEST_GUILESS_MAIN(TestCliOptimize)
#include "test_cli_optimize.moc"
