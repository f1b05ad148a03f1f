// The SSH deployer on the emulated cluster: two devices (network namespaces joined by a bridge), each running
// a real OpenSSH sshd inside its namespace (sshd_server.h). Probe, deploy, launch, `tessera cluster-run` of
// tiny-YOLOv2 over the two nodes through the bridge, stop, and nothing left running. Needs root, iproute2 and
// /usr/sbin/sshd; skipped otherwise.

#include <QtTest>

#include "core/cost/cluster.h"
#include "deployer/emulated_cluster.h"
#include "deployer/tests/deploy_test_support.h"
#include "deployer/tests/sshd_server.h"

using namespace tessera;

class TestSshEmulated : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase() {
        if (geteuid() != 0 || !QFile::exists("/usr/sbin/sshd")) {
            QSKIP("needs root and /usr/sbin/sshd (OpenSSH server)");
        }
        QVERIFY(m_dir.isValid());
        QVERIFY(test::runTool("ssh-keygen", {"-q", "-t", "ed25519", "-N", "", "-f", path("client_key")}));
        QCOMPARE(test::tessera({"zoo", "tiny-yolov2", "-o", m_dir.path()}).exitCode, 0);
    }

    // The same cycle on two devices of the emulated cluster: each sshd inside its device's network namespace,
    // reached (and the nodes talking) over the bridge.
    void emulatedClusterDevices() {
        deployer::EmulationSpec spec;
        spec.name = "sshemu";
        spec.nodes = 2;
        spec.subnet = "10.76.0";
        spec.allowFallback = false;
        spec.bitsPerSecond = 1e9;
        auto emulated = deployer::up(spec);
        if (!emulated) {
            QSKIP(
                qPrintable("no emulated cluster here: " + QString::fromStdString(emulated.error().message)));
        }
        struct Down {
            ~Down() { (void)deployer::down("sshemu"); }
        } down;
        std::vector<std::unique_ptr<test::SshdServer>> servers;
        auto c = emulated->cluster();
        for (std::size_t i = 0; i < c.devices.size(); ++i) {
            const auto& node = emulated->nodes[i];
            const QString dir = path("emu" + QString::number(i));
            QDir().mkpath(dir);
            servers.push_back(std::make_unique<test::SshdServer>(dir, path("client_key.pub"), node.address,
                                                                 QString::fromStdString(node.netns)));
            QVERIFY2(servers.back()->start(22),
                     qPrintable("sshd did not start in " + QString::fromStdString(node.netns)));
            c.devices[i].ssh = cost::SshSettings{"root", 22, "client_key", "emu_known_hosts", ".tessera", {}};
        }
        const QString file = path("emulated.json");
        QVERIFY(cost::writeCluster(c, file.toStdString()).ok());
        QCOMPARE(
            test::tessera({"plan", path("tiny-yolov2.onnx"), file, "--ftp", "conv_0:conv_8_leaky:2x1:reuse",
                           "--lop", "conv_12:conv_12_leaky", "-o", path("emu_plan.json")})
                .exitCode,
            0);
        QCOMPARE(test::tessera({"bundle", path("tiny-yolov2.onnx"), path("emu_plan.json"), file, "-o",
                                path("emu_bundles")})
                     .exitCode,
                 0);
        QCOMPARE(test::tessera({"probe", "--cluster", file, "--accept-new-host-keys"}).exitCode, 0);
        auto r = test::tessera({"deploy", "--cluster", file, "--bundles", path("emu_bundles")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count("now current; 4 uploaded"), 2);
        r = test::tessera({"launch", "--cluster", file});
        QCOMPARE(r.exitCode, 0);
        const auto pids = test::launchedPids(r.out);
        QCOMPARE(test::running(pids), 2);
        r = test::tessera({"cluster-run", path("emu_bundles"), "-i",
                           test::writeTinyYoloInput(path("input.npy")), "-o", path("emu_out.npy"), "--frames",
                           "2", "--timeout", "60"});
        const int ran = r.exitCode;
        r = test::tessera({"stop", "--cluster", file});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(test::running(pids), 0);
        QCOMPARE(ran, 0);
        // the files landed in the devices' own (temporary) homes
        QVERIFY(QFile::exists(servers[0]->home() + "/.tessera/current/model.onnx"));
    }
};

QTEST_GUILESS_MAIN(TestSshEmulated)
#include "test_ssh_emulated.moc"
