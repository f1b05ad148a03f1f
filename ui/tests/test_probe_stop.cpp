// The Devices panel's probe ends promptly when the user no longer wants it, even when devices never answer
// (each would hold the probe for its 10 s connect timeout). Two such devices are made here on loopback:
// - "silent": a listener that accepts the TCP connection and never sends the SSH banner (the handshake
// waits);
// - "full": a listener whose accept queue is full, so the kernel drops the SYN (the TCP connect waits).
// Closing the main window, Stop, removing the device and opening another project must each end the probe's
// connections in well under a second (measured and printed); the silent device's connection is seen closed,
// so the probe's threads stopped rather than being left behind. With root and /usr/sbin/sshd, a real sshd
// whose commands never end (ForceCommand sleep): a probe stopped after authentication, inside its command,
// ends as promptly and the session closes cleanly.
// With TESSERA_SCREENSHOT_DIR set, the panel during a probe is saved there as devices-probing.png.

#include <QtTest>

#include <QDockWidget>
#include <QElapsedTimer>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>

#include <memory>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "deployer/tests/sshd_server.h"
#include "test_support.h"
#include "ui/device_panel.h"
#include "ui/device_prober.h"
#include "ui/device_table_model.h"

using namespace tessera;
using namespace tessera::ui;

namespace {

// Well under a second: what the user waits at most for a stopped probe.
constexpr qint64 kPromptMs = 1000;

// A loopback TCP listener; `backlog` 0 and two connections of its own fill its accept queue.
class Listener {
public:
    explicit Listener(bool full) {
        m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t size = sizeof address;
        if (::bind(m_listener, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
            ::listen(m_listener, full ? 0 : 8) != 0 ||
            ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
            return;
        }
        m_port = ntohs(address.sin_port);
        // a backlog of 0 holds one connection: the second filler and every later SYN are dropped
        for (int i = 0; full && i < 2; ++i) {
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            ::connect(fd, reinterpret_cast<sockaddr*>(&address), size);
            m_connections.push_back(fd);
        }
    }
    ~Listener() {
        for (const int fd : m_connections) {
            ::close(fd);
        }
        ::close(m_listener);
    }
    Listener(const Listener&) = delete;
    Listener& operator=(const Listener&) = delete;
    int port() const { return m_port; }

    // Accepts the connections waiting (and never sends anything on them); how many were accepted so far.
    int accept() {
        for (int fd; (fd = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC)) >= 0;) {
            m_connections.push_back(fd);
        }
        return int(m_connections.size());
    }
    // Whether the peer has closed every accepted connection: what it sent (its SSH banner) read, then the
    // end of file.
    bool allClosed() const {
        for (const int fd : m_connections) {
            char buffer[256];
            ssize_t n = 0;
            while ((n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT)) > 0) {
            }
            if (n != 0) {
                return false;
            }
        }
        return true;
    }

private:
    int m_listener = -1;
    int m_port = 0;
    std::vector<int> m_connections;
};

cost::Device sshDevice(const cost::Device& like, const std::string& name, int port) {
    cost::Device device = like;
    device.name = name;
    device.host = "127.0.0.1";
    cost::SshSettings ssh;
    ssh.port = port;
    ssh.user = "nobody";
    device.ssh = ssh;
    return device;
}

} // namespace

class TestProbeStop : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProjectModel> m_project;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Listener> m_silent;
    std::unique_ptr<Listener> m_full;
    int m_silentRow = -1;
    int m_fullRow = -1;

    DevicePanel* panel() const { return m_window->devicePanel(); }
    ProbeState stateOf(int row) const { return panel()->tableModel()->status(row).state; }

    // Probes both unanswering devices and waits until the silent one's handshake has started.
    void startProbe() {
        const int accepted = m_silent->accept();
        QVERIFY(panel()->probeDevices({m_silentRow, m_fullRow}));
        QCOMPARE(stateOf(m_silentRow), ProbeState::Connecting);
        QCOMPARE(stateOf(m_fullRow), ProbeState::Connecting);
        QTRY_VERIFY(m_silent->accept() > accepted);
        QTest::qWait(300); // inside ssh_connect, waiting for the banner
        QCOMPARE(stateOf(m_silentRow), ProbeState::Connecting);
        QCOMPARE(stateOf(m_fullRow), ProbeState::Connecting);
        QVERIFY(panel()->prober()->isRunning());
    }

    // The silent device's connections have all been closed by the studio's side.
    void checkSilentClosed() { QTRY_VERIFY_WITH_TIMEOUT(m_silent->allClosed(), int(kPromptMs)); }

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        m_settings = ui::test::freshSettings(m_dir.path());
        m_project = std::make_unique<ProjectModel>(ui::test::zooCacheDir());
        m_window = ui::test::showMainWindow(m_project.get(), m_settings.get(), m_dir.path(), {1400, 900});
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openSample());

        m_silent = std::make_unique<Listener>(false);
        m_full = std::make_unique<Listener>(true);
        QVERIFY(m_silent->port() > 0 && m_full->port() > 0);
        const cost::Device like = m_project->cluster().devices[0];
        QVERIFY(panel()->addDevice(sshDevice(like, "silent", m_silent->port())));
        QVERIFY(panel()->addDevice(sshDevice(like, "full", m_full->port())));
        m_silentRow = panel()->tableModel()->rowCount() - 2;
        m_fullRow = m_silentRow + 1;
        m_project->undoStack()->setClean(); // closing asks nothing
    }

    void cleanup() {
        m_window.reset();
        m_project.reset();
        m_silent.reset();
        m_full.reset();
    }

    void closingTheWindowStopsTheProbe() {
        startProbe();
        QElapsedTimer timer;
        timer.start();
        QVERIFY(m_window->close());
        m_window.reset(); // the prober ends with the window
        const qint64 ms = timer.elapsed();
        qInfo("closing the window during the probe took %lld ms", ms);
        QVERIFY2(ms < kPromptMs, qPrintable(QStringLiteral("%1 ms").arg(ms)));
        checkSilentClosed();
    }

    void stopEndsTheProbe() {
        auto* stop = panel()->findChild<QToolButton*>(QStringLiteral("stopProbeButton"));
        QVERIFY(stop);
        QVERIFY(!stop->isEnabled());
        startProbe();
        QVERIFY(stop->isEnabled());
        if (const QString dir = qEnvironmentVariable("TESSERA_SCREENSHOT_DIR"); !dir.isEmpty()) {
            // the panel alone, its last rows (the two probed devices) in view
            auto* dock = qobject_cast<QDockWidget*>(panel()->parentWidget());
            QVERIFY(dock);
            dock->setFloating(true);
            dock->resize(900, 260);
            panel()->view()->scrollToBottom();
            QTest::qWait(50);
            QVERIFY(panel()->grab().save(QDir(dir).filePath(QStringLiteral("devices-probing.png"))));
            dock->setFloating(false);
        }
        QSignalSpy finished(panel()->prober(), &DeviceProber::finished);
        QElapsedTimer timer;
        timer.start();
        stop->click();
        // at once: nothing answered, so nothing is known
        QCOMPARE(stateOf(m_silentRow), ProbeState::Unknown);
        QCOMPARE(stateOf(m_fullRow), ProbeState::Unknown);
        QVERIFY(!stop->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!panel()->prober()->isRunning(), int(kPromptMs));
        const qint64 ms = timer.elapsed();
        qInfo("Stop ended the probe's threads in %lld ms", ms);
        QCOMPARE(finished.count(), 1);
        checkSilentClosed();
        // the stopped connections report nothing afterwards
        QTest::qWait(200);
        QCOMPARE(stateOf(m_silentRow), ProbeState::Unknown);
        QCOMPARE(stateOf(m_fullRow), ProbeState::Unknown);
        QVERIFY(!panel()->stopProbe());

        // a probe after a stop runs as usual
        startProbe();
        QVERIFY(panel()->stopProbe());
        QTRY_VERIFY_WITH_TIMEOUT(!panel()->prober()->isRunning(), int(kPromptMs));
    }

    void removingADeviceStopsItsProbe() {
        startProbe();
        QElapsedTimer timer;
        timer.start();
        QVERIFY(panel()->removeDevice(m_fullRow));
        QVERIFY(!panel()->prober()->pendingDevices().contains(QStringLiteral("full")));
        QVERIFY(panel()->prober()->pendingDevices().contains(QStringLiteral("silent")));
        QVERIFY(panel()->removeDevice(m_silentRow));
        QVERIFY(panel()->prober()->pendingDevices().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!panel()->prober()->isRunning(), int(kPromptMs));
        qInfo("removing the devices ended the probe's threads in %lld ms", timer.elapsed());
        checkSilentClosed();
        // undone, the devices are back, not probed
        m_project->undoStack()->undo();
        m_project->undoStack()->undo();
        QCOMPARE(stateOf(m_silentRow), ProbeState::Unknown);
        QCOMPARE(stateOf(m_fullRow), ProbeState::Unknown);
    }

    void stopInsideACommandOnRealSshd() {
        if (geteuid() != 0 || !QFile::exists(QStringLiteral("/usr/sbin/sshd"))) {
            QSKIP("needs root and /usr/sbin/sshd (OpenSSH server)");
        }
        const auto path = [this](const QString& name) { return m_dir.filePath(name); };
        QFile::remove(path(QStringLiteral("client_key")));
        QFile::remove(path(QStringLiteral("client_key.pub")));
        QVERIFY(tessera::test::runTool(QStringLiteral("ssh-keygen"), {"-q", "-t", "ed25519", "-N", "", "-f",
                                                                      path(QStringLiteral("client_key"))}));
        QDir().mkpath(path(QStringLiteral("device")));
        tessera::test::SshdServer server(path(QStringLiteral("device")),
                                         path(QStringLiteral("client_key.pub")));
        server.setExtraConfig("ForceCommand sleep 60\n"); // every command of the probe hangs
        QVERIFY2(server.start(), "sshd did not start (see device/sshd.log)");
        cost::Device device = sshDevice(m_project->cluster().devices[0], "sleepy", server.port());
        device.ssh->user = "root";
        device.ssh->keyFile = toStdString(path(QStringLiteral("client_key")));
        device.ssh->knownHosts = toStdString(path(QStringLiteral("known_hosts")));
        QVERIFY(panel()->addDevice(device));
        const int row = panel()->tableModel()->rowCount() - 1;
        bool asked = false;
        panel()->prober()->setQuestions(
            [&asked](const QString&, const QString&, const QString&) { return asked = true; }, {});
        QVERIFY(panel()->probeDevices({row}));
        QTRY_VERIFY(asked); // the host key is asked about after the handshake, before authentication
        QTRY_VERIFY(QFileInfo(path(QStringLiteral("known_hosts"))).size() > 0);
        QTest::qWait(500); // authenticated, inside the command that never ends
        QCOMPARE(stateOf(row), ProbeState::Connecting);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(panel()->stopProbe());
        QTRY_VERIFY_WITH_TIMEOUT(!panel()->prober()->isRunning(), int(kPromptMs));
        qInfo("Stop inside a command ended the probe's threads in %lld ms", timer.elapsed());
        QCOMPARE(stateOf(row), ProbeState::Unknown);
    }

    void openingAnotherProjectStopsTheProbe() {
        startProbe();
        QElapsedTimer timer;
        connect(m_project.get(), &ProjectModel::projectReset, this, [&timer] { timer.start(); });
        QVERIFY(m_window->openSample());
        QVERIFY(timer.isValid());
        QTRY_VERIFY_WITH_TIMEOUT(!panel()->prober()->isRunning(), int(kPromptMs));
        qInfo("opening another project ended the probe's threads %lld ms after the project changed",
              timer.elapsed());
        checkSilentClosed();
    }
};

QTEST_MAIN(TestProbeStop)
#include "test_probe_stop.moc"
