// The studio's Run on Emulated Cluster as root: each of the project's two devices (different speeds, links
// and memory budgets) in a network namespace of its own, held to its link rate, its memory budget and a CPU
// quota for its speed. Checks that the Run panel shows what each device is held to, that the kernel holds
// each to exactly that (cgroup files, tc), and that Stop, the window going away during a run and a run that
// fails leave no namespace, link, cgroup or state file behind. Without namespaces (asked for here through
// RunEnvironment) the panel says in one line why and that nothing is limited. Needs root, iproute2 and
// cgroup v1; skipped otherwise. With TESSERA_SCREENSHOT_DIR set, the window and the Run panel during the run
// are saved there as run-emulated.png and run-emulated-panel.png.

#include <QtTest>

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QProcess>
#include <QSettings>
#include <QTableWidget>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include "deployer/emulated_cluster.h"
#include "small_cnn.h"
#include "test_support.h"
#include "ui/main_window.h"
#include "ui/partition_editor.h"
#include "ui/project_model.h"
#include "ui/run_panel.h"
#include "ui/run_session.h"

using namespace tessera;
using namespace tessera::ui;
namespace fs = std::filesystem;

namespace {

constexpr int kLimitsColumn = 5;

// The project's devices: a fast one on a 40 Mbit/s link, a slow one on 8 Mbit/s with less memory.
cost::Cluster twoDevices() {
    auto cluster = cost::uniformCluster("emulated", 2);
    cluster.devices[0].name = "fast";
    cluster.devices[0].macsPerSecond = 4e9;
    cluster.devices[0].linkBitsPerSecond = 40e6;
    cluster.devices[0].memoryBytes = 256 << 20;
    cluster.devices[1].name = "slow";
    cluster.devices[1].macsPerSecond = 1.5e9;
    cluster.devices[1].linkBitsPerSecond = 8e6;
    cluster.devices[1].memoryBytes = 160 << 20;
    return cluster;
}

std::int64_t numberInFile(const std::string& path) {
    std::ifstream in(path);
    std::int64_t value = -1;
    in >> value;
    return value;
}

QString output(const QString& program, const QStringList& arguments) {
    QProcess p;
    p.start(program, arguments);
    p.waitForFinished();
    return QString::fromLocal8Bit(p.readAllStandardOutput());
}

} // namespace

class TestRunEmulated : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProjectModel> m_project;
    std::unique_ptr<MainWindow> m_window;
    const std::string m_name = "st" + std::to_string(QCoreApplication::applicationPid() % 1000000);

    RunPanel* panel() const { return m_window->runPanel(); }
    RunSession* session() const { return panel()->session(); }
    QTableWidget* devices() const { return panel()->findChild<QTableWidget*>(QStringLiteral("runDevices")); }
    QLabel* emulation() const { return panel()->findChild<QLabel*>(QStringLiteral("runEmulation")); }

    // Starts a run until stopped from the Run menu's action; the emulation report once the first frame came.
    EmulationReport startAndWaitForAFrame() {
        panel()->setFrames(0);
        QSignalSpy reported(session(), &RunSession::emulationReported);
        QSignalSpy frames(session(), &RunSession::frameDone);
        auto* action = m_window->findChild<QAction*>(QStringLiteral("runEmulatedAction"));
        action->trigger();
        if (!session()->isRunning() || !frames.wait(240 * 1000) || reported.count() != 1) {
            return {};
        }
        return reported.at(0).at(0).value<EmulationReport>();
    }

    // Everything of this process's emulated cluster that would be left behind; empty when nothing is.
    QStringList leftovers() const {
        QStringList left;
        for (const QString& ns :
             output(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("list")})
                 .split('\n', Qt::SkipEmptyParts)) {
            if (ns.startsWith(QString::fromStdString(m_name + "-"))) {
                left << QStringLiteral("namespace ") + ns;
            }
        }
        for (const std::string& path :
             {"/sys/class/net/" + m_name + "-br", "/sys/class/net/" + m_name + "-1h",
              "/sys/fs/cgroup/cpu/tessera/" + m_name + "-1", "/sys/fs/cgroup/cpu/tessera/" + m_name + "-2",
              "/sys/fs/cgroup/memory/tessera/" + m_name + "-1",
              "/sys/fs/cgroup/memory/tessera/" + m_name + "-2",
              deployer::stateDirectory() + "/emulated-" + m_name + ".json"}) {
            if (fs::exists(path)) {
                left << QString::fromStdString(path);
            }
        }
        return left;
    }

private slots:
    void initTestCase() {
        if (const auto problem = deployer::namespaceProblem(); !problem.empty()) {
            QSKIP(qPrintable(QString::fromStdString("cannot emulate devices here: " + problem)));
        }
        QVERIFY(m_dir.isValid());
        qputenv("TMPDIR", m_dir.path().toLocal8Bit()); // the runs' bundles go under this test's folder
        QString error;
        QVERIFY2(!test::writeSmallCnn(m_dir.path(), &error).isEmpty(), qPrintable(error));
    }

    void init() {
        m_settings = test::freshSettings(m_dir.path());
        m_project = std::make_unique<ProjectModel>(test::zooCacheDir());
        QString error;
        QVERIFY2(m_project->newProject({QString(), m_dir.filePath(QStringLiteral("small.onnx")), QString()},
                                       &error),
                 qPrintable(error));
        partition::Plan whole;
        whole.stages.push_back({});
        whole.stages[0].first = 0;
        whole.stages[0].last = m_project->model().graph.nodes.size() - 1;
        whole.stages[0].devices = {0};
        m_project->setClusterAndPlan(twoDevices(), whole);
        MainWindowOptions options;
        options.dataDir = m_dir.path();
        options.offerRecovery = false;
        options.nodeBinary = QStringLiteral(TESSERA_BINARY_DIR "/bin/tessera-node");
        m_window = std::make_unique<MainWindow>(m_project.get(), m_settings.get(), options);
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        // the first layers in 2x1 tiles over both devices: both nodes compute every frame
        const std::size_t lastPool = test::lastPool(m_project->model().graph);
        QVERIFY(m_window->partitionEditor()->fuse(0, lastPool, {2, 1, false, false}));
    }

    void cleanup() {
        m_window.reset();
        m_project.reset();
        QCOMPARE(leftovers(), QStringList());
    }

    void eachDeviceHeldToItsOwnLimits() {
        const EmulationReport report = startAndWaitForAFrame();
        QVERIFY2(report.isolated, qPrintable(report.fallbackReason));
        QVERIFY(report.coreMacsPerSecond > 1e8);
        QCOMPARE(report.limits.size(), std::size_t(2));
        const auto cluster = twoDevices();
        for (int d = 0; d < 2; ++d) {
            const auto& device = cluster.devices[std::size_t(d)];
            const auto& l = report.limits[std::size_t(d)];
            const double cores = std::max(1u, std::thread::hardware_concurrency());
            const double quota = std::clamp(device.macsPerSecond / report.coreMacsPerSecond, 0.02, cores);
            qInfo("%s: requested %.3f core, %.0f Mbit/s, %lld MiB; applied %.3f core, %.0f Mbit/s, %lld MiB",
                  device.name.c_str(), quota, device.linkBitsPerSecond / 1e6,
                  static_cast<long long>(device.memoryBytes >> 20), l.cpuQuota, l.bitsPerSecond / 1e6,
                  static_cast<long long>(l.memoryBytes >> 20));
            QCOMPARE(l.cpuQuota, quota);
            QCOMPARE(l.bitsPerSecond, device.linkBitsPerSecond);
            QCOMPARE(l.memoryBytes, device.memoryBytes);

            // shown in the devices' table
            const QString shown = devices()->item(d, kLimitsColumn)->text();
            QVERIFY2(shown.contains(QString::number(quota, 'f', 2)) &&
                         shown.contains(bitsPerSecondText(device.linkBitsPerSecond)) &&
                         shown.contains(bytesText(device.memoryBytes)),
                     qPrintable(shown));

            // and held by the kernel: the cgroups' files, tc on both ends of the link
            const std::string node = m_name + "-" + std::to_string(d + 1);
            QCOMPARE(numberInFile("/sys/fs/cgroup/cpu/tessera/" + node + "/cpu.cfs_quota_us"),
                     std::int64_t(std::llround(quota * 1e5)));
            QCOMPARE(numberInFile("/sys/fs/cgroup/memory/tessera/" + node + "/memory.limit_in_bytes"),
                     device.memoryBytes);
            const QString rate = QStringLiteral("rate %1Mbit").arg(device.linkBitsPerSecond / 1e6);
            const QString host = QString::fromStdString(node + "h");
            QVERIFY2(output(QStringLiteral("tc"), {"qdisc", "show", "dev", host}).contains(rate),
                     qPrintable(output(QStringLiteral("tc"), {"qdisc", "show", "dev", host})));
            const QString inside =
                output(QStringLiteral("ip"),
                       {"netns", "exec", QString::fromStdString(node), "tc", "qdisc", "show", "dev", "eth0"});
            QVERIFY2(inside.contains(rate), qPrintable(inside));
            // the node serves inside the namespace
            QVERIFY(output(QStringLiteral("ip"), {"netns", "pids", QString::fromStdString(node)})
                        .split('\n', Qt::SkipEmptyParts)
                        .size() >= 1);
        }
        QVERIFY(emulation()->isVisible());
        QVERIFY2(emulation()->text().contains(QString::number(report.coreMacsPerSecond * 1e-9, 'f', 2)),
                 qPrintable(emulation()->text()));
        if (const QString dir = qEnvironmentVariable("TESSERA_SCREENSHOT_DIR"); !dir.isEmpty()) {
            // the Run dock given most of the window's height, as a user would drag it
            auto* dock = m_window->findChild<QDockWidget*>(QStringLiteral("runDock"));
            m_window->resizeDocks({dock}, {700}, Qt::Vertical);
            QTest::qWait(1500); // a few frames in the charts
            QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("run-emulated.png"))));
            QVERIFY(panel()->grab().save(QDir(dir).filePath(QStringLiteral("run-emulated-panel.png"))));
        }

        QSignalSpy finished(session(), &RunSession::finished);
        panel()->stop();
        QVERIFY(finished.wait(120 * 1000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(leftovers(), QStringList());
    }

    // The window going away mid-run stops the nodes and removes the devices before it is gone.
    void closingTheWindowTearsDown() {
        const EmulationReport report = startAndWaitForAFrame();
        QVERIFY(report.isolated);
        QVERIFY(leftovers().size() >= 5); // the run's namespaces, links and cgroups exist
        m_window.reset(); // as when the studio closes (its close event only asks about unsaved changes)
        QCOMPARE(leftovers(), QStringList());
    }

    // A run that fails once the devices exist (here: no tessera-node to start) removes them too.
    void failedRunTearsDown() {
        RunEnvironment environment;
        environment.nodeBinary = m_dir.filePath(QStringLiteral("no-such-tessera-node"));
        environment.workDir = m_dir.path();
        RunSession failing(environment);
        RunPanel failingPanel(m_project.get(), &failing);
        QSignalSpy reported(&failing, &RunSession::emulationReported);
        QSignalSpy finished(&failing, &RunSession::finished);
        QVERIFY(failingPanel.runOnEmulatedCluster());
        QVERIFY(finished.wait(120 * 1000));
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY2(finished.at(0).at(1).toString().contains(QStringLiteral("no-such-tessera-node")),
                 qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(reported.count(), 1);
        QVERIFY(reported.at(0).at(0).value<EmulationReport>().isolated); // the devices were made
        QCOMPARE(leftovers(), QStringList());
    }

    // Without namespaces the panel says why, and that nothing is limited, in one line.
    void loopbackSaysWhy() {
        RunEnvironment environment;
        environment.nodeBinary = QStringLiteral(TESSERA_BINARY_DIR "/bin/tessera-node");
        environment.workDir = m_dir.path();
        environment.emulateDevices = false;
        RunSession loopback(environment);
        RunPanel loopbackPanel(m_project.get(), &loopback);
        loopbackPanel.setFrames(2);
        QSignalSpy finished(&loopback, &RunSession::finished);
        QVERIFY(loopbackPanel.runOnEmulatedCluster());
        QVERIFY(finished.wait(240 * 1000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        const auto* line = loopbackPanel.findChild<QLabel*>(QStringLiteral("runEmulation"));
        QVERIFY(line);
        QCOMPARE(line->text(),
                 QStringLiteral("Not emulated (loopback processes were asked for): the nodes run as "
                                "processes on loopback without link, CPU or memory limits, so the "
                                "results are not those of the devices."));
        const auto* table = loopbackPanel.findChild<QTableWidget*>(QStringLiteral("runDevices"));
        QCOMPARE(table->item(1, kLimitsColumn)->text(), QStringLiteral("not limited"));
    }
};

QTEST_MAIN(TestRunEmulated)
#include "test_run_emulated.moc"
