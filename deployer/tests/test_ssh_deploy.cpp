// The SSH deployer against real OpenSSH servers: two "devices", each a sshd on its own loopback port with
// its own home directory (sshd_server.h). tiny-YOLOv2 is planned over both and bundled with `tessera
// bundle`; the CLI probes, deploys, launches, runs frames end to end with `tessera cluster-run`, stops, and
// nothing is left running. A re-deploy of unchanged bundles uploads nothing. Failures: unknown and changed
// host keys, a wrong client key, a closed port, a missing architecture build, the connection dropped in the
// middle of an upload (the device keeps its previous release) and a full disk (a small tmpfs). Needs root
// (sshd logs in as root) and /usr/sbin/sshd; skipped otherwise.

#include <sys/mount.h>

#include <QtTest>

#include <filesystem>
#include <fstream>
#include <random>

#include "core/base/sha256.h"
#include "core/cost/cluster.h"
#include "deployer/deploy.h"
#include "deployer/remote_device.h"
#include "deployer/ssh_session.h"
#include "deployer/tests/deploy_test_support.h"
#include "deployer/tests/sshd_server.h"
#include "tests/integration/cli_runner.h"

using namespace tessera;
using tessera::test::binary;
namespace fs = std::filesystem;

class TestSshDeploy : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<test::SshdServer>> m_servers;
    QString m_smallDisk;     // a 2 MiB tmpfs (empty when it could not be mounted)
    std::vector<int> m_pids; // nodes this test launched, ended in cleanupTestCase whatever happened

    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString cluster() const { return path("cluster.json"); }
    // The device's release files as the device sees them.
    QString remote(int device, const QString& file) const {
        return m_servers[std::size_t(device)]->home() + "/.tessera/" + file;
    }

    // A cluster file for the two devices; `keyFile` and `baseDir` may be changed per test.
    void writeCluster(const QString& file, const QString& keyFile, const QString& baseDir = {}) {
        auto c = cost::uniformCluster("rpi4", 2);
        c.name = "ssh-test";
        for (std::size_t i = 0; i < 2; ++i) {
            auto& d = c.devices[i];
            d.host = "127.0.0.1";
            d.arch = test::machine();
            cost::SshSettings ssh;
            ssh.user = "root";
            ssh.port = m_servers[i]->port();
            ssh.keyFile = keyFile.toStdString();
            ssh.knownHosts = "known_hosts";
            if (!baseDir.isEmpty()) {
                ssh.baseDir = baseDir.toStdString();
            }
            d.ssh = ssh;
        }
        QVERIFY(cost::writeCluster(c, file.toStdString()).ok());
    }

private slots:
    void initTestCase() {
        if (geteuid() != 0 || !QFile::exists("/usr/sbin/sshd")) {
            QSKIP("needs root and /usr/sbin/sshd (OpenSSH server)");
        }
        QVERIFY(m_dir.isValid());
        QVERIFY(test::runTool("ssh-keygen", {"-q", "-t", "ed25519", "-N", "", "-f", path("client_key")}));
        QVERIFY(test::runTool("ssh-keygen", {"-q", "-t", "ed25519", "-N", "", "-f", path("wrong_key")}));
        QDir().mkpath(path("small"));
        if (::mount("tmpfs", path("small").toUtf8().constData(), "tmpfs", 0, "size=2m") == 0) {
            m_smallDisk = path("small");
        }
        for (int i = 0; i < 2; ++i) {
            QDir().mkpath(path("device" + QString::number(i)));
            m_servers.push_back(std::make_unique<test::SshdServer>(path("device" + QString::number(i)),
                                                                   path("client_key.pub")));
            QVERIFY2(m_servers.back()->start(), "sshd did not start (see device*/sshd.log)");
        }
        writeCluster(cluster(), "client_key");

        // tiny-YOLOv2 over the two devices: tiles, then the rest on the gateway
        QCOMPARE(test::tessera({"zoo", "tiny-yolov2", "-o", m_dir.path()}).exitCode, 0);
        QCOMPARE(test::tessera({"plan", path("tiny-yolov2.onnx"), cluster(), "--ftp",
                                "conv_0:conv_8_leaky:2x1:reuse", "--lop", "conv_12:conv_12_leaky", "-o",
                                path("plan.json")})
                     .exitCode,
                 0);
        QStringList bundle{"bundle", path("tiny-yolov2.onnx"), path("plan.json"), cluster(),
                           "-o",     path("bundles")};
        for (const char* d : {"rpi4-1", "rpi4-2"}) {
            bundle << "--endpoint" << QString(d) + "=tcp://127.0.0.1:" + QString::number(test::freePort());
        }
        QCOMPARE(test::tessera(bundle).exitCode, 0);
    }

    void cleanupTestCase() {
        if (!m_servers.empty()) {
            test::tessera({"stop", "--cluster", cluster()});
        }
        m_servers.clear();
        if (test::running(m_pids) > 0) {
            for (int pid : m_pids) {
                ::kill(pid, SIGKILL);
            }
            QFAIL("tessera-node processes were left running");
        }
        if (!m_smallDisk.isEmpty()) {
            ::umount2(m_smallDisk.toUtf8().constData(), MNT_DETACH);
        }
    }

    void unknownHostKeyIsShownAndAcceptedOnlyOnRequest() {
        auto r = test::tessera({"probe", "--cluster", cluster()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("device 'rpi4-1'") && r.out.contains("unknown host key") &&
                     r.out.contains("--accept-new-host-keys"),
                 qPrintable(r.out));
        // the fingerprint shown is the server's, as ssh-keygen prints it
        QProcess keygen;
        keygen.start("ssh-keygen", {"-lf", m_servers[0]->hostKey() + ".pub"});
        QVERIFY(keygen.waitForFinished());
        const QString fingerprint = QString(keygen.readAllStandardOutput()).split(' ').at(1);
        QVERIFY2(fingerprint.startsWith("SHA256:") && r.out.contains(fingerprint), qPrintable(fingerprint));
        QVERIFY(!QFile::exists(path("known_hosts")));

        r = test::tessera({"probe", "--cluster", cluster(), "--accept-new-host-keys"});
        QCOMPARE(r.exitCode, 0);
        QFile known(path("known_hosts"));
        QVERIFY(known.open(QIODevice::ReadOnly));
        const QString lines = known.readAll();
        for (const auto& s : m_servers) {
            QVERIFY(lines.contains("[127.0.0.1]:" + QString::number(s->port())));
        }
    }

    void probeReportsTheDevices() {
        auto r = test::tessera({"probe", "--cluster", cluster()});
        QCOMPARE(r.exitCode, 0);
        for (const char* d : {"rpi4-1: ready: ", "rpi4-2: ready: "}) {
            QVERIFY2(r.out.contains(d + QString::fromStdString(test::machine()) + ", "), qPrintable(r.out));
        }
        QVERIFY(r.out.contains(QString::number(QThread::idealThreadCount()) + " CPUs"));
        QVERIFY(r.out.contains("no tessera-node installed"));
        QVERIFY(
            QDir(m_servers[0]->home() + "/.tessera").exists()); // the device's home (a temporary directory)
    }

    // Device 0 reached through device 1's sshd as a jump host: probe, then a 3 MiB upload and a command
    // through the tunnel; the jump host down or refusing to forward is a clear error naming it.
    void jumpHostCarriesTheSession() {
        auto jumpCluster = [&](const QString& file, int jumpPort) {
            auto c = *cost::readCluster(cluster().toStdString());
            c.devices.resize(1);
            c.devices[0].ssh->jumpHost = cost::JumpHost{"root", "127.0.0.1", jumpPort};
            QVERIFY(cost::writeCluster(c, file.toStdString()).ok());
        };
        jumpCluster(path("jump.json"), m_servers[1]->port());
        auto r = test::tessera({"probe", "--cluster", path("jump.json")});
        QVERIFY2(r.exitCode == 0 && r.out.contains("rpi4-1: ready: "), qPrintable(r.out + r.err));

        const auto c = *cost::readCluster(path("jump.json").toStdString());
        deployer::ConnectOptions options;
        options.relativeTo = m_dir.path().toStdString();
        auto target = deployer::sshTarget(c.devices[0], options);
        QVERIFY(target.ok() && target->jump);
        auto session = deployer::SshSession::connect(*target);
        QVERIFY2(session.ok(), session.ok() ? "" : session.error().message.c_str());
        QVERIFY2((*session)->where().find("via root@127.0.0.1:" + std::to_string(m_servers[1]->port())) !=
                     std::string::npos,
                 (*session)->where().c_str());
        std::string data(3 * 1024 * 1024 + 17, '\0');
        std::mt19937 random(7);
        for (char& ch : data) {
            ch = char(random());
        }
        std::ofstream(path("payload.bin").toStdString(), std::ios::binary) << data;
        QVERIFY(
            (*session)->upload(path("payload.bin").toStdString(), "/tmp/tessera-jump-payload", 0600).ok());
        auto sum = (*session)->check("sha256sum /tmp/tessera-jump-payload && rm /tmp/tessera-jump-payload",
                                     "checksum");
        QVERIFY(sum.ok());
        QCOMPARE(QString::fromStdString(sum->substr(0, 64)), QString::fromStdString(sha256Hex(data)));
        session->reset();

        // the jump host down: the device is not reached directly instead
        jumpCluster(path("jump-down.json"), test::freePort());
        r = test::tessera({"probe", "--cluster", path("jump-down.json")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("device 'rpi4-1 (jump host)'") && r.out.contains("cannot connect"),
                 qPrintable(r.out));

        // a jump host that does not forward
        QDir().mkpath(path("nofwd"));
        test::SshdServer noForwarding(path("nofwd"), path("client_key.pub"));
        noForwarding.setExtraConfig("AllowTcpForwarding no\n");
        QVERIFY(noForwarding.start());
        jumpCluster(path("jump-nofwd.json"), noForwarding.port());
        r = test::tessera({"probe", "--cluster", path("jump-nofwd.json"), "--accept-new-host-keys"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("could not open a connection to 127.0.0.1:" +
                                QString::number(m_servers[0]->port())) &&
                     r.out.contains("AllowTcpForwarding"),
                 qPrintable(r.out));
    }

    void deployLaunchRunStop() {
        auto r = test::tessera({"deploy", "--cluster", cluster(), "--bundles", path("bundles")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count("now current; 4 uploaded"), 2);
        for (int d = 0; d < 2; ++d) {
            const QString name = QString("rpi4-%1").arg(d + 1);
            for (const char* file : {"model.onnx", "node.json", "cluster.key"}) {
                QFile local(path("bundles/" + name + "/" + file)),
                    there(remote(d, QString("current/") + file));
                QVERIFY(local.open(QIODevice::ReadOnly) && there.open(QIODevice::ReadOnly));
                QVERIFY2(local.readAll() == there.readAll(), file);
            }
            for (const char* file : {"model.onnx", "node.json", "cluster.key"}) {
                // the bundle's files are the owner's alone on the device too
                QCOMPARE(QFile(remote(d, QString("current/") + file)).permissions() &
                             (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                         QFile::Permissions());
            }
            const QString release = QFileInfo(remote(d, "current")).canonicalFilePath();
            QVERIFY(!release.isEmpty());
            QCOMPARE(QFile(release).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::ExeGroup |
                                                     QFile::ExeOther | QFile::WriteGroup | QFile::WriteOther),
                     QFile::Permissions());
            QVERIFY(QFileInfo(remote(d, "current/tessera-node")).isExecutable());
        }
        QProcess version;
        version.start(binary("tessera-node"), {"--version"});
        QVERIFY(version.waitForFinished());
        r = test::tessera({"probe", "--cluster", cluster()});
        QCOMPARE(r.out.count(QString(version.readAllStandardOutput()).trimmed() + " (release "), 2);
        QCOMPARE(r.out.count("the same version as this tessera"), 2);

        r = test::tessera({"launch", "--cluster", cluster()});
        QCOMPARE(r.exitCode, 0);
        auto pids = test::launchedPids(r.out);
        m_pids = pids;
        QCOMPARE(pids.size(), std::size_t(2));
        QCOMPARE(test::running(pids), 2);
        r = test::tessera({"status", "--cluster", cluster()});
        QCOMPARE(r.out.count(": running (pid"), 2);
        r = test::tessera({"launch", "--cluster", cluster(), "--device", "rpi4-1"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains("already runs"));
        r = test::tessera({"restart", "--cluster", cluster()});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count("replacing pid"), 2);
        QCOMPARE(test::running(pids), 0);
        pids = m_pids = test::launchedPids(r.out);
        QCOMPARE(test::running(pids), 2);

        // a frame of random input through both nodes
        QVERIFY(
            test::tessera({"cluster-run", path("bundles"), "-i", test::writeTinyYoloInput(path("input.npy")),
                           "-o", path("out.npy"), "--frames", "3", "--timeout", "60"})
                .exitCode == 0);
        QVERIFY(QFile::exists(path("out.npy")));
        r = test::tessera({"logs", "--cluster", cluster(), "-n", "5"});
        QVERIFY(r.out.contains("serving as gateway 'rpi4-1'") &&
                r.out.contains("serving as worker 'rpi4-2'"));

        r = test::tessera({"stop", "--cluster", cluster()});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count(": stopped (pid"), 2);
        QCOMPARE(test::running(pids), 0);
        QVERIFY(!QFile::exists(remote(0, "node.pid")) && !QFile::exists(remote(1, "node.pid")));
        r = test::tessera({"status", "--cluster", cluster()});
        QCOMPARE(r.out.count(": stopped (release"), 2);
    }

    void redeployOfUnchangedBundlesUploadsNothing() {
        auto r = test::tessera({"deploy", "--cluster", cluster(), "--bundles", path("bundles")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(
            r.out.count("was already current; 0 uploaded (0.0 MiB), 0 copied on the device, 4 unchanged"), 2);
        static const QRegularExpression seconds("unchanged; ([0-9.]+) s");
        for (auto it = seconds.globalMatch(r.out); it.hasNext();) {
            const double s = it.next().captured(1).toDouble();
            qInfo("re-deploy of an unchanged release: %.2f s on the device", s);
            QVERIFY2(s < 2.0, "re-deploy took too long"); // well under a second on an idle machine
        }
    }

    void changedBundleUploadsOnlyWhatChanged() {
        // another node.json: the model and tessera-node come from the current release on the device
        QFile json(path("bundles/rpi4-2/node.json"));
        QVERIFY(json.open(QIODevice::Append));
        json.write("\n");
        json.close();
        auto r = test::tessera(
            {"deploy", "--cluster", cluster(), "--bundles", path("bundles"), "--device", "rpi4-2"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("now current; 1 uploaded") && r.out.contains("3 copied on the device"),
                 qPrintable(r.out));
    }

    void droppedConnectionKeepsThePreviousRelease() {
        const QString before = fs::read_symlink(remote(0, "current").toStdString()).c_str();
        // a large extra file, so the upload is still running when the device vanishes
        const QString big = path("bundles/rpi4-1/extra.bin");
        {
            std::ofstream out(big.toStdString(), std::ios::binary);
            std::mt19937 random(7);
            std::vector<std::uint32_t> block(1 << 18);
            for (int i = 0; i < 64; ++i) {
                std::generate(block.begin(), block.end(), random);
                out.write(reinterpret_cast<const char*>(block.data()), std::streamsize(block.size() * 4));
            }
        }
        auto c = cost::readCluster(cluster().toStdString());
        QVERIFY(c.ok());
        c->devices.resize(1);
        deployer::DeployOptions options;
        options.connect.relativeTo = m_dir.path().toStdString();
        options.bundlesDir = path("bundles").toStdString();
        options.nodeBinaries[test::machine()] = binary("tessera-node").toStdString();
        // Ctrl-C in the middle of the upload
        StopToken cancel;
        auto results = deployer::deploy(
            *c, options,
            [&](int device, double fraction, std::string_view) {
                if (device == 0 && fraction > 0.1) {
                    cancel.requestStop();
                }
            },
            cancel);
        QVERIFY(!results[0].ok());
        QCOMPARE(results[0].error().code, ErrorCode::Cancelled);
        QVERIFY(QString::fromStdString(results[0].error().message).contains("keeps its current release"));
        QCOMPARE(QString(fs::read_symlink(remote(0, "current").toStdString()).c_str()), before);

        // the device vanishes in the middle of the upload
        StopToken stop;
        bool killed = false;
        results = deployer::deploy(
            *c, options,
            [&](int device, double fraction, std::string_view) {
                if (device == 0 && fraction > 0.2 && !killed) {
                    killed = true;
                    m_servers[0]->killFromAnyThread();
                }
            },
            stop);
        QVERIFY(killed);
        m_servers[0]->kill(); // reaps it
        QVERIFY(!results[0].ok());
        const QString message = QString::fromStdString(results[0].error().message);
        qInfo("%s", qPrintable(message));
        QVERIFY(message.contains("device 'rpi4-1'") && message.contains("the connection dropped") &&
                message.contains("keeps its current release"));
        QCOMPARE(QString(fs::read_symlink(remote(0, "current").toStdString()).c_str()), before);
        QVERIFY(!QFile::exists(remote(0, "current/extra.bin")));
        QVERIFY(test::runTool(remote(0, "current/tessera-node"), {"--version"}));

        // back on line: the interrupted release completes
        QVERIFY(m_servers[0]->start(m_servers[0]->port()));
        results = deployer::deploy(*c, options, {}, stop);
        QVERIFY2(results[0].ok(), results[0] ? "" : results[0].error().message.c_str());
        QVERIFY(QFile::exists(remote(0, "current/extra.bin")));
        QFile::remove(big);
    }

    void failuresAreClearAndNameTheDevice() {
        // wrong client key
        writeCluster(path("wrong.json"), "wrong_key");
        auto r = test::tessera({"probe", "--cluster", path("wrong.json"), "--device", "rpi4-1"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains("device 'rpi4-1'") && r.out.contains("authentication failed") &&
                r.out.contains("authorized_keys"));

        // an encrypted key: its passphrase is asked for, and a wrong or missing answer is a clear error
        QVERIFY(test::runTool("ssh-keygen",
                              {"-q", "-t", "ed25519", "-N", "secret words", "-f", path("locked_key")}));
        {
            QFile keys(path("client_key.pub")), locked(path("locked_key.pub"));
            QVERIFY(keys.open(QIODevice::Append) && locked.open(QIODevice::ReadOnly));
            keys.write(locked.readAll());
        }
        auto locked = cost::readCluster(cluster().toStdString());
        locked->devices[0].ssh->keyFile = path("locked_key").toStdString();
        deployer::ConnectOptions connect;
        std::string prompt;
        connect.passphrase = [&](const std::string& p) -> std::optional<std::string> {
            prompt = p;
            return "secret words";
        };
        connect.relativeTo = m_dir.path().toStdString();
        auto opened = deployer::connectDevice(locked->devices[0], connect);
        QVERIFY2(opened.ok(), opened ? "" : opened.error().message.c_str());
        QVERIFY(!prompt.empty());
        connect.passphrase = [](const std::string&) -> std::optional<std::string> { return "wrong 7f3c9a"; };
        opened = deployer::connectDevice(locked->devices[0], connect);
        QVERIFY(!opened.ok());
        QVERIFY2(QString::fromStdString(opened.error().message)
                     .contains("cannot load the private key " + path("locked_key")),
                 opened.error().message.c_str());
        // a passphrase, right or wrong, is never repeated in a message
        QVERIFY2(opened.error().message.find("7f3c9a") == std::string::npos, opened.error().message.c_str());

        // nothing listening
        auto c = cost::readCluster(cluster().toStdString());
        c->devices[1].ssh->port = test::freePort();
        QVERIFY(cost::writeCluster(*c, path("closed.json").toStdString()).ok());
        r = test::tessera({"probe", "--cluster", path("closed.json"), "--device", "rpi4-2"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains("device 'rpi4-2'") && r.out.contains("cannot connect") &&
                r.out.contains("sshd"));

        // the device's architecture has no build (only another one does), or its build file is missing
        c->devices.resize(1);
        deployer::DeployOptions options;
        options.connect.relativeTo = m_dir.path().toStdString();
        options.bundlesDir = path("bundles").toStdString();
        options.nodeBinaries["riscv64"] = binary("tessera-node").toStdString();
        StopToken stop;
        auto results = deployer::deploy(*c, options, {}, stop);
        QVERIFY(!results[0].ok());
        QVERIFY2(QString::fromStdString(results[0].error().message)
                     .contains("device 'rpi4-1' (root@127.0.0.1:" + QString::number(m_servers[0]->port()) +
                               "): the device is " + QString::fromStdString(test::machine()) +
                               ", and there is no tessera-node build for " +
                               QString::fromStdString(test::machine()) + " (builds found: riscv64"),
                 results[0].error().message.c_str());
        r = test::tessera({"deploy", "--cluster", cluster(), "--device", "rpi4-1", "--bundles",
                           path("bundles"), "--node-binary",
                           QString::fromStdString(test::machine()) + "=" + path("no-such-build")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains("device 'rpi4-1'") &&
                r.out.contains(path("no-such-build") + " does not exist"));

        // a full disk: the release does not fit in a 2 MiB file system
        if (m_smallDisk.isEmpty()) {
            QSKIP("could not mount a tmpfs");
        }
        writeCluster(path("small.json"), "client_key", m_smallDisk);
        r = test::tessera(
            {"deploy", "--cluster", path("small.json"), "--device", "rpi4-1", "--bundles", path("bundles")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains("device 'rpi4-1'") && r.out.contains("not enough disk space"));
        QVERIFY(!QFile::exists(m_smallDisk + "/current"));
    }

    // Last: it replaces a host key.
    void changedHostKeyIsRefused() {
        const QByteArray knownBefore = [&] {
            QFile f(path("known_hosts"));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        m_servers[1]->stop();
        QVERIFY(m_servers[1]->newHostKey());
        QVERIFY(m_servers[1]->start(m_servers[1]->port()));
        auto r = test::tessera({"probe", "--cluster", cluster(), "--accept-new-host-keys"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains("rpi4-1: ready"));
        QVERIFY2(r.out.contains("device 'rpi4-2'") && r.out.contains("THE HOST KEY HAS CHANGED") &&
                     r.out.contains("ssh-keygen -R"),
                 qPrintable(r.out));
        QFile f(path("known_hosts"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), knownBefore); // never written over
    }
};

QTEST_GUILESS_MAIN(TestSshDeploy)
#include "test_ssh_deploy.moc"
