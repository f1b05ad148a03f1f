// The studio's Run on the project's own devices over SSH: two "devices", each a real OpenSSH sshd on a
// loopback port with its own home (deployer/tests/sshd_server.h). Deploy alone puts the release on both and
// starts nothing; Run deploys the bundles and tessera-node to both with per-device progress, starts the
// nodes, streams frames until Stop, and Stop ends both nodes (checked by the pids the devices' node.pid files
// named). Needs root and /usr/sbin/sshd; skipped otherwise.

#include <QtCharts/QLineSeries>
#include <QtTest>

#include <QComboBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>

#include <sys/utsname.h>
#include <unistd.h>

#include <functional>
#include <memory>

#include "deployer/local_launch.h"
#include "deployer/tests/sshd_server.h"
#include "small_cnn.h"
#include "test_support.h"
#include "ui/node_selection.h"
#include "ui/partition_editor.h"
#include "ui/project_model.h"
#include "ui/run_charts.h"
#include "ui/run_panel.h"
#include "ui/run_session.h"

using namespace tessera;
using namespace tessera::ui;

class TestRunDevices : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<tessera::test::SshdServer>> m_servers;
    std::unique_ptr<ProjectModel> m_project;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    RunEnvironment environment() const {
        RunEnvironment environment;
        environment.nodeBinary = QStringLiteral(TESSERA_BINARY_DIR "/bin/tessera-node");
        environment.workDir = m_dir.path();
        environment.projectDir = m_dir.path();
        environment.readySeconds = 120;
        // the nodes listen on basePort + device, the gateway's telemetry on basePort + 99
        environment.basePort = tessera::test::freePort();
        return environment;
    }

    // The pid in a device's node.pid (0: none).
    int nodePid(int device) const {
        QFile file(m_servers[std::size_t(device)]->home() + QStringLiteral("/.tessera/node.pid"));
        return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).trimmed().toInt() : 0;
    }

private slots:
    void initTestCase() {
        if (geteuid() != 0 || !QFile::exists(QStringLiteral("/usr/sbin/sshd"))) {
            QSKIP("needs root and /usr/sbin/sshd (OpenSSH server)");
        }
        QVERIFY(m_dir.isValid());
        QVERIFY(tessera::test::runTool(QStringLiteral("ssh-keygen"), {"-q", "-t", "ed25519", "-N", "", "-f",
                                                                      path(QStringLiteral("client_key"))}));
        QString error;
        const QString onnx = ui::test::writeSmallCnn(m_dir.path(), &error);
        QVERIFY2(!onnx.isEmpty(), qPrintable(error));
        m_project = std::make_unique<ProjectModel>(ui::test::zooCacheDir());
        QVERIFY2(m_project->newProject({QString(), onnx, QString()}, &error), qPrintable(error));

        // Two devices on this machine, their host keys known (the studio never accepts new ones itself).
        auto cluster = cost::uniformCluster("emulated", 2);
        QFile known(path(QStringLiteral("known_hosts")));
        QVERIFY(known.open(QIODevice::WriteOnly));
        utsname host{};
        uname(&host);
        for (int i = 0; i < 2; ++i) {
            const QString dir = path(QStringLiteral("device%1").arg(i));
            QDir().mkpath(dir);
            m_servers.push_back(
                std::make_unique<tessera::test::SshdServer>(dir, path(QStringLiteral("client_key.pub"))));
            QVERIFY2(m_servers.back()->start(), "sshd did not start (see device*/sshd.log)");
            QFile pub(m_servers.back()->hostKey() + QStringLiteral(".pub"));
            QVERIFY(pub.open(QIODevice::ReadOnly));
            const QStringList key = QString::fromLatin1(pub.readAll()).split(QLatin1Char(' '));
            known.write(QStringLiteral("[127.0.0.1]:%1 %2 %3\n")
                            .arg(m_servers.back()->port())
                            .arg(key[0], key[1])
                            .toLatin1());
            auto& d = cluster.devices[std::size_t(i)];
            d.host = "127.0.0.1";
            d.arch = host.machine;
            cost::SshSettings ssh;
            ssh.user = "root";
            ssh.port = m_servers.back()->port();
            ssh.keyFile = path(QStringLiteral("client_key")).toStdString();
            ssh.knownHosts = known.fileName().toStdString();
            d.ssh = ssh;
        }
        known.close();
        partition::Plan whole;
        whole.stages.push_back({});
        whole.stages[0].last = m_project->model().graph.nodes.size() - 1;
        whole.stages[0].devices = {0};
        m_project->setClusterAndPlan(cluster, whole);
        NodeSelection selection;
        PartitionEditor editor(m_project.get(), &selection);
        QVERIFY(editor.fuse(0, ui::test::lastPool(m_project->model().graph), {2, 1, false, false}));
    }

    void cleanupTestCase() { m_servers.clear(); }

    // Deploy alone: every device gets the release (progress to 100 %, "deployed") and no node starts.
    void deployStartsNothing() {
        RunSession session(environment());
        RunPanel panel(m_project.get(), &session);
        auto* deploy = panel.findChild<QPushButton*>(QStringLiteral("deployButton"));
        QVERIFY(!deploy->isEnabled()); // the emulated cluster is the default target: nothing to deploy to
        panel.findChild<QComboBox*>(QStringLiteral("runTarget"))->setCurrentIndex(1);
        QVERIFY(deploy->isEnabled());
        QSignalSpy finished(&session, &RunSession::finished);
        QTest::mouseClick(deploy, Qt::LeftButton);
        QVERIFY(panel.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 240000);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QVERIFY2(panel.stageText().startsWith(QStringLiteral("Deployed to 2 device")),
                 qPrintable(panel.stageText()));
        auto* table = panel.findChild<QTableWidget*>(QStringLiteral("runDevices"));
        for (int device = 0; device < 2; ++device) {
            QCOMPARE(qobject_cast<QProgressBar*>(table->cellWidget(device, 2))->value(), 100);
            QCOMPARE(table->item(device, 1)->text(), QStringLiteral("deployed"));
            const QString current =
                m_servers[std::size_t(device)]->home() + QStringLiteral("/.tessera/current");
            QVERIFY2(QFileInfo(current + QStringLiteral("/tessera-node")).isExecutable(),
                     qPrintable(current));
            QCOMPARE(nodePid(device), 0);
        }
        QVERIFY(deploy->isEnabled());
    }

    // A device whose host key is not in known_hosts is refused: nothing is deployed there, and the message
    // names the key and how to accept it in the studio.
    void deployRefusesAnUnknownHostKey() {
        const cost::Cluster trusted = m_project->cluster();
        const partition::Plan plan = m_project->plan();
        cost::Cluster cluster = trusted;
        QFile empty(path(QStringLiteral("empty_known_hosts")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        cluster.devices[1].ssh->knownHosts = empty.fileName().toStdString();
        m_project->setClusterAndPlan(cluster, plan);
        // the trusted known_hosts back for the cases after this one, whatever happens here
        const std::unique_ptr<void, std::function<void(void*)>> restore(
            this, [&](void*) { m_project->setClusterAndPlan(trusted, plan); });
        const QString release = m_servers[1]->home() + QStringLiteral("/.tessera/current");
        QDir(m_servers[1]->home() + QStringLiteral("/.tessera")).removeRecursively();
        RunSession session(environment());
        RunPanel panel(m_project.get(), &session);
        QSignalSpy finished(&session, &RunSession::finished);
        QVERIFY(panel.deployToDevices());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 240000);
        QVERIFY(!finished.at(0).at(0).toBool());
        const QString message = finished.at(0).at(1).toString();
        QVERIFY2(message.contains(QStringLiteral("unknown host key")) &&
                     message.contains(QStringLiteral("Probe")) &&
                     message.contains(QStringLiteral("emulated-2")),
                 qPrintable(message));
        QVERIFY(!QFileInfo::exists(release));
        QCOMPARE(QFileInfo(empty.fileName()).size(), 0); // nothing was added to known_hosts
    }

    void deployRunAndStop() {
        RunSession session(environment());
        RunPanel panel(m_project.get(), &session);
        panel.findChild<QComboBox*>(QStringLiteral("runTarget"))->setCurrentIndex(1);
        panel.setFrames(0);
        QSignalSpy finished(&session, &RunSession::finished);
        QSignalSpy frames(&session, &RunSession::frameDone);
        QSignalSpy states(&session, &RunSession::deviceStateChanged);
        QSignalSpy progress(&session, &RunSession::deviceProgressChanged);
        QVERIFY(panel.start());
        QTRY_VERIFY2_WITH_TIMEOUT(frames.count() >= 3 || !finished.isEmpty(), qPrintable(panel.stageText()),
                                  240000);
        QVERIFY2(finished.isEmpty(),
                 qPrintable(finished.isEmpty() ? QString() : finished.at(0).at(1).toString()));

        // Both devices were deployed to, with progress, and serve from their own node.
        for (int device = 0; device < 2; ++device) {
            bool progressed = false, complete = false;
            for (const auto& p : progress) {
                if (p.at(0).toInt() == device) {
                    progressed = progressed || (p.at(1).toDouble() > 0 && p.at(1).toDouble() < 1);
                    complete = complete || p.at(1).toDouble() == 1.0;
                }
            }
            QVERIFY2(progressed && complete, qPrintable(QString::number(device)));
            auto* bar = qobject_cast<QProgressBar*>(
                panel.findChild<QTableWidget*>(QStringLiteral("runDevices"))->cellWidget(device, 2));
            QCOMPARE(bar->value(), 100);
        }
        QVERIFY(states.count() >= 4);
        const int pids[2] = {nodePid(0), nodePid(1)};
        QVERIFY(pids[0] > 0 && pids[1] > 0 && pids[0] != pids[1]);
        QVERIFY(deployer::processAlive(pids[0]) && deployer::processAlive(pids[1]));

        panel.resize(1400, 420);
        QVERIFY(panel.grab().save(QStringLiteral(TESSERA_BINARY_DIR "/studio-run-ssh.png")));
        panel.stop();
        QVERIFY(finished.wait(120000) || !finished.isEmpty());
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(!deployer::processAlive(pids[0]) && !deployer::processAlive(pids[1]), 10000);
        QCOMPARE(nodePid(0), 0);
        auto* charts = panel.charts();
        charts->flush();
        QCOMPARE(charts->latencySeries()->count(), frames.count());
        for (auto* device : charts->computeSeries()) {
            QCOMPARE(device->count(), frames.count());
        }
    }
};

QTEST_MAIN(TestRunDevices)
#include "test_run_devices.moc"
