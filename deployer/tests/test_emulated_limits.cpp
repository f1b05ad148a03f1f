// Per-device limits of the emulated cluster, for real: two devices with different link rates, CPU quotas and
// memory limits, each measured against its own figures (every link in both directions against a process on
// the host, both quotas by busy processes side by side, each memory limit by the same allocation); and the
// limits that make this machine behave like a cluster file's devices (deviceLimits). The emulated cluster
// needs root, iproute2 and cgroup v1; those cases are skipped otherwise, saying which is missing.

#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include <QtTest>

#include "deployer/emulated_cluster.h"
#include "deployer/process.h"
#include "deployer/tests/rate_scripts.h"

using namespace tessera;
namespace fs = std::filesystem;

namespace {

const std::string kName = "elimit";
const std::string kSubnet = "10.80.0";
// device 1 and device 2
const deployer::DeviceLimits kLimits[2] = {{0.5, 24e6, 48 << 20}, {0.2, 6e6, 96 << 20}};

// The first number a process wrote to its log; -1 when none.
double numberIn(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return -1;
    }
    bool ok = false;
    const double v = QString::fromUtf8(f.readAll()).trimmed().split('\n').first().toDouble(&ok);
    return ok ? v : -1;
}

int waitStatus(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return status;
}

} // namespace

class TestEmulatedLimits : public QObject {
    Q_OBJECT

    QTemporaryDir m_logs;
    deployer::EmulatedCluster m_cluster;

    std::string log(const QString& name) const { return m_logs.filePath(name).toStdString(); }

    // `bytes` from `from` to `to` (node index, or -1 for this host at the bridge); the rate the receiver saw.
    double transfer(int from, int to, std::int64_t bytes, const QString& name) {
        const std::string port = "9100";
        const std::string address = to < 0 ? kSubnet + ".1" : m_cluster.nodes[std::size_t(to)].address;
        const std::vector<std::string> receiver{"python3", "-c", deployer::test::kReceiver, port};
        const std::vector<std::string> sender{"python3", "-c", deployer::test::kSender,
                                              address,   port, std::to_string(bytes)};
        auto server = to < 0 ? deployer::spawn({receiver, "", {}, log(name)})
                             : deployer::spawnOnNode(m_cluster, to, receiver, log(name));
        auto client = from < 0 ? deployer::spawn({sender, "", {}, log(name + ".sender")})
                               : deployer::spawnOnNode(m_cluster, from, sender, log(name + ".sender"));
        if (!server || !client) {
            return -1;
        }
        if (waitStatus(*client) != 0 || waitStatus(*server) != 0) {
            return -1;
        }
        return numberIn(m_logs.filePath(name));
    }

private slots:
    // The quota follows speed over this machine's speed per core, within [0.02, cores]; links and memory
    // budgets carry over, a budget below the runtime's least raised to it.
    void limitsFollowTheDevices() {
        cost::Cluster c;
        c.devices.resize(3);
        c.devices[0].macsPerSecond = 5e9;
        c.devices[0].linkBitsPerSecond = 40e6;
        c.devices[0].memoryBytes = 256 << 20;
        c.devices[1].macsPerSecond = 1e15; // faster than this whole machine
        c.devices[1].memoryBytes = 1 << 20;
        c.devices[2].macsPerSecond = 1e6;
        const auto limits = deployer::deviceLimits(c, 20e9, 2);
        QCOMPARE(limits.size(), std::size_t(3));
        QCOMPARE(limits[0].cpuQuota, 0.25);
        QCOMPARE(limits[0].bitsPerSecond, 40e6);
        QCOMPARE(limits[0].memoryBytes, std::int64_t(256 << 20));
        QCOMPARE(limits[1].cpuQuota, 2.0);
        QCOMPARE(limits[1].memoryBytes, deployer::kMinimumMemoryBytes);
        QCOMPARE(limits[2].cpuQuota, 0.02);
        auto perCore = deployer::measureCoreMacsPerSecond();
        QVERIFY2(perCore, perCore ? "" : perCore.error().message.c_str());
        qInfo("this machine: %.2f GMAC/s per core", *perCore * 1e-9);
        QVERIFY(*perCore > 1e8 && *perCore < 1e12);
    }

    void upWithLimitsPerDevice() {
        if (const auto problem = deployer::namespaceProblem(); !problem.empty()) {
            QSKIP(qPrintable(QString::fromStdString("cannot emulate devices here: " + problem)));
        }
        deployer::EmulationSpec spec;
        spec.name = kName;
        spec.nodes = 2;
        spec.devices = {kLimits[0], kLimits[1]};
        spec.subnet = kSubnet;
        spec.allowFallback = false;
        auto cluster = deployer::up(spec);
        QVERIFY2(cluster, cluster ? "" : cluster.error().message.c_str());
        m_cluster = *cluster;
        // as recorded, and as the kernel holds them
        auto found = deployer::find(kName);
        QVERIFY(found);
        for (int i = 0; i < 2; ++i) {
            const auto& node = found->nodes[std::size_t(i)];
            QCOMPARE(node.limits.cpuQuota, kLimits[i].cpuQuota);
            QCOMPARE(node.limits.bitsPerSecond, kLimits[i].bitsPerSecond);
            QCOMPARE(node.limits.memoryBytes, kLimits[i].memoryBytes);
            std::ifstream quota("/sys/fs/cgroup/cpu/tessera/" + node.name + "/cpu.cfs_quota_us");
            std::int64_t us = 0;
            quota >> us;
            QCOMPARE(us, std::int64_t(std::llround(kLimits[i].cpuQuota * 1e5)));
            std::ifstream memory("/sys/fs/cgroup/memory/tessera/" + node.name + "/memory.limit_in_bytes");
            std::int64_t bytes = 0;
            memory >> bytes;
            QCOMPARE(bytes, kLimits[i].memoryBytes);
            const auto device = found->cluster().devices[std::size_t(i)];
            QCOMPARE(device.linkBitsPerSecond, kLimits[i].bitsPerSecond);
            QCOMPARE(device.memoryBytes, kLimits[i].memoryBytes);
        }
    }

    // Each device's uplink (device to host) and downlink (host to device), about a second of data each.
    void eachLinkCarriesItsRate() {
        if (m_cluster.nodes.empty()) {
            QSKIP("no emulated cluster (see upWithLimitsPerDevice)");
        }
        for (int i = 0; i < 2; ++i) {
            const double rate = kLimits[i].bitsPerSecond;
            const auto bytes = std::int64_t(rate / 8);
            const double up = transfer(i, -1, bytes, QStringLiteral("up%1").arg(i));
            const double down = transfer(-1, i, bytes, QStringLiteral("down%1").arg(i));
            qInfo("device %d: uplink %.2f, downlink %.2f Mbit/s on a %.0f Mbit/s link", i + 1, up / 1e6,
                  down / 1e6, rate / 1e6);
            QVERIFY2(up > 0.8 * rate && up < 1.1 * rate, qPrintable(QString::number(up)));
            QVERIFY2(down > 0.8 * rate && down < 1.1 * rate, qPrintable(QString::number(down)));
        }
    }

    // Busy processes on both devices at once for 2 s of wall time: each gets about its quota times 2 s of
    // CPU, never more, and the kernel throttled both.
    void eachQuotaHolds() {
        if (m_cluster.nodes.empty()) {
            QSKIP("no emulated cluster (see upWithLimitsPerDevice)");
        }
        const std::vector<std::string> busy{
            "python3", "-c",
            "import os, time\nt = time.time()\nwhile time.time() - t < 2: pass\nprint(sum(os.times()[:2]))"};
        pid_t pids[2];
        for (int i = 0; i < 2; ++i) {
            auto pid = deployer::spawnOnNode(m_cluster, i, busy, log(QStringLiteral("busy%1").arg(i)));
            QVERIFY(pid);
            pids[i] = *pid;
        }
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(waitStatus(pids[i]), 0);
            const double cpu = numberIn(m_logs.filePath(QStringLiteral("busy%1").arg(i)));
            const double expected = 2 * kLimits[i].cpuQuota;
            qInfo("device %d: CPU time %.2f s in 2 s at a quota of %.2f core (%.2f s)", i + 1, cpu,
                  kLimits[i].cpuQuota, expected);
            // on a loaded machine a process may get less than its quota, never more
            QVERIFY2(cpu > 0.5 * expected && cpu < 1.2 * expected + 0.05, qPrintable(QString::number(cpu)));
            std::ifstream stat("/sys/fs/cgroup/cpu/tessera/" + m_cluster.nodes[std::size_t(i)].name +
                               "/cpu.stat");
            std::string key;
            std::int64_t throttled = 0;
            for (std::int64_t value; stat >> key >> value;) {
                if (key == "nr_throttled") {
                    throttled = value;
                }
            }
            QVERIFY2(throttled > 5, qPrintable(QString::number(throttled)));
        }
    }

    // 64 MiB filled: stopped by the kernel on the 48 MiB device, fine on the 96 MiB one.
    void eachMemoryLimitHolds() {
        if (m_cluster.nodes.empty()) {
            QSKIP("no emulated cluster (see upWithLimitsPerDevice)");
        }
        const std::vector<std::string> fill{"python3", "-c", "b = b'x' * (64 << 20)\nprint(len(b))"};
        for (int i = 0; i < 2; ++i) {
            auto pid = deployer::spawnOnNode(m_cluster, i, fill, log(QStringLiteral("fill%1").arg(i)));
            QVERIFY(pid);
            const int status = waitStatus(*pid);
            if (i == 0) {
                QVERIFY(WIFSIGNALED(status));
                QCOMPARE(WTERMSIG(status), SIGKILL);
            } else {
                QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, qPrintable(QString::number(status)));
            }
        }
    }

    void downLeavesNoTrace() {
        if (m_cluster.nodes.empty()) {
            QSKIP("no emulated cluster (see upWithLimitsPerDevice)");
        }
        const auto removed = deployer::down(kName);
        QVERIFY2(removed, removed ? "" : removed.error().message.c_str());
        QVERIFY(!fs::exists("/sys/class/net/" + kName + "-br"));
        for (const auto& n : m_cluster.nodes) {
            QVERIFY(!fs::exists("/run/netns/" + n.name));
            QVERIFY(!fs::exists("/sys/fs/cgroup/cpu/tessera/" + n.name));
            QVERIFY(!fs::exists("/sys/fs/cgroup/memory/tessera/" + n.name));
        }
        m_cluster = {};
    }

    void cleanupTestCase() {
        if (deployer::find(kName)) {
            (void)deployer::down(kName);
        }
    }
};

QTEST_GUILESS_MAIN(TestEmulatedLimits)
#include "test_emulated_limits.moc"
