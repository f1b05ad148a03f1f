// The emulated cluster for real: namespaces that reach each other over the bridge, links that carry the
// configured rate and no more, a CPU quota that holds a busy process to its share, a memory limit that stops
// a process that outgrows it, and `down` leaving no trace. Needs root (as CI runs); skipped otherwise.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <QtTest>

#include "deployer/emulated_cluster.h"
#include "deployer/process.h"
#include "deployer/tests/rate_scripts.h"

using namespace tessera;
namespace fs = std::filesystem;

namespace {

constexpr double kRate = 20e6; // bits per second
const std::string kName = "etest";

// The (first) number a process wrote to its log.
double numberIn(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return -1;
    }
    bool ok = false;
    const double v = QString::fromUtf8(f.readAll()).trimmed().split('\n').first().toDouble(&ok);
    return ok ? v : -1;
}

struct Exit {
    int status = 0;
    double cpuSeconds = 0;
};

Exit waitFor(pid_t pid) {
    Exit e;
    rusage usage{};
    wait4(pid, &e.status, 0, &usage);
    e.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                   double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
    return e;
}

} // namespace

class TestEmulatedCluster : public QObject {
    Q_OBJECT

    QTemporaryDir m_logs;
    deployer::EmulatedCluster m_cluster;

    std::string log(const char* name) const { return m_logs.filePath(name).toStdString(); }

private slots:
    void initTestCase() {
        if (geteuid() != 0) {
            QSKIP("network namespaces, tc and cgroups need root");
        }
        deployer::EmulationSpec spec;
        spec.name = kName;
        spec.nodes = 3;
        spec.cpuQuota = 0.25;
        spec.bitsPerSecond = kRate;
        spec.memoryBytes = 64 << 20;
        spec.subnet = "10.79.0";
        spec.allowFallback = false;
        auto cluster = deployer::up(spec);
        QVERIFY2(cluster, cluster ? "" : cluster.error().message.c_str());
        m_cluster = *cluster;
    }

    void devicesAreDescribed() {
        QCOMPARE(m_cluster.nodes.size(), std::size_t(3));
        QVERIFY(m_cluster.isolated());
        QCOMPARE(m_cluster.nodes[1].endpoint(), std::string("tcp://10.79.0.12:7700"));
        const auto c = m_cluster.cluster();
        QCOMPARE(c.devices[2].name, std::string("etest-3"));
        QCOMPARE(c.devices[2].host, std::string("10.79.0.13"));
        QCOMPARE(c.devices[2].linkBitsPerSecond, kRate);
        QCOMPARE(c.devices[2].memoryBytes, std::int64_t(64 << 20));
        QVERIFY(c.problems().empty());
        auto again = deployer::find(kName);
        QVERIFY(again);
        QCOMPARE(again->nodes[2].netns, std::string("etest-3"));
    }

    // 2.5 MB from device 2 to device 1 through both shaped links: the receiver measures the rate.
    void linksCarryTheirRate() {
        auto server = deployer::spawnOnNode(
            m_cluster, 0, {"python3", "-c", deployer::test::kReceiver, "9000"}, log("rate"));
        QVERIFY(server);
        auto client = deployer::spawnOnNode(
            m_cluster, 1, {"python3", "-c", deployer::test::kSender, "10.79.0.11", "9000", "2500000"},
            log("sender"));
        QVERIFY(client);
        QCOMPARE(waitFor(*client).status, 0);
        QCOMPARE(waitFor(*server).status, 0);
        const double rate = numberIn(m_logs.filePath("rate"));
        qInfo("measured %.2f Mbit/s over a %.0f Mbit/s link", rate / 1e6, kRate / 1e6);
        QVERIFY2(rate > 0.8 * kRate && rate < 1.1 * kRate, qPrintable(QString::number(rate)));
    }

    // Both ends of every link shape a whole segmentation-offload packet (64 KiB of payload and the headers of
    // its 44 segments) at once: with a smaller token bucket tbf splits it into MTU-size packets, each waiting
    // for its tokens with a timer of its own, which took the devices more CPU than their messages' own work.
    void linksShapeWholeOffloadPackets() {
        constexpr int kOffloadPacketBytes = 65536 + 44 * 66;
        const QRegularExpression burst(R"("kind":"tbf".*"burst":(\d+))");
        for (const auto& node : m_cluster.nodes) {
            for (const auto& argv : std::vector<std::vector<std::string>>{
                     {"tc", "-j", "qdisc", "show", "dev", node.name + "h"},
                     {"ip", "netns", "exec", node.netns, "tc", "-j", "qdisc", "show", "dev", "eth0"}}) {
                const auto shown = deployer::runCommand(argv);
                QVERIFY2(shown, shown ? "" : shown.error().message.c_str());
                const auto match = burst.match(QString::fromStdString(*shown));
                QVERIFY2(match.hasMatch(), shown->c_str());
                QVERIFY2(match.captured(1).toInt() >= kOffloadPacketBytes, shown->c_str());
            }
        }
    }

    // A process spinning for 2 s of wall time on a 0.25-core device gets about 0.5 s of CPU.
    void cpuQuotaHolds() {
        auto busy = deployer::spawnOnNode(
            m_cluster, 2,
            {"python3", "-c",
             "import os, time\nt = time.time()\nwhile time.time() - t < 2: pass\nprint(sum(os.times()[:2]))"},
            log("busy"));
        QVERIFY(busy);
        const Exit e = waitFor(*busy);
        QCOMPARE(e.status, 0);
        qInfo("CPU time %.2f s in 2 s at a quota of 0.25 core", numberIn(m_logs.filePath("busy")));
        const double cpu = numberIn(m_logs.filePath("busy")); // the process's own user + system time
        QVERIFY2(cpu > 0.3 && cpu < 0.85, qPrintable(QString::number(cpu)));
        // and the kernel did throttle it (on a loaded machine a free process may get as little)
        std::ifstream stat("/sys/fs/cgroup/cpu/tessera/etest-3/cpu.stat");
        std::string key;
        std::int64_t throttled = 0;
        for (std::int64_t value; stat >> key >> value;) {
            if (key == "nr_throttled") {
                throttled = value;
            }
        }
        QVERIFY2(throttled > 5, qPrintable(QString::number(throttled)));
    }

    // 200 MB on a 64 MiB device: the kernel stops it.
    void memoryLimitHolds() {
        auto hog = deployer::spawnOnNode(
            m_cluster, 0, {"python3", "-c", "b = bytearray(200 * 1024 * 1024)\nprint('survived')"},
            log("hog"));
        QVERIFY(hog);
        const Exit e = waitFor(*hog);
        QVERIFY(WIFSIGNALED(e.status));
        QCOMPARE(WTERMSIG(e.status), SIGKILL);
    }

    void missingProgramIsAnError() {
        auto r = deployer::spawnOnNode(m_cluster, 0, {"no-such-program-here"}, log("missing"));
        QVERIFY(!r);
        QVERIFY2(r.error().message.find("cannot run no-such-program-here: No such file or directory") !=
                     std::string::npos,
                 r.error().message.c_str());
    }

    void badSpecsAreRefused() {
        deployer::EmulationSpec spec;
        spec.name = "much-too-long";
        auto r = deployer::up(spec);
        QVERIFY(!r);
        QVERIFY(r.error().message.find("use 1 to 8 lower-case letters or digits") != std::string::npos);
        spec.name = "bad";
        spec.subnet = "10.999.0"; // ip refuses the bridge address: everything created is removed again
        spec.allowFallback = false;
        r = deployer::up(spec);
        QVERIFY(!r);
        QVERIFY2(r.error().message.find("ip addr add 10.999.0.1/24") != std::string::npos,
                 r.error().message.c_str());
        QVERIFY(!fs::exists("/sys/class/net/bad-br"));
        QVERIFY(!deployer::find("bad"));
    }

    // A process left running on a device is stopped, and nothing of the cluster remains.
    void downLeavesNoTrace() {
        auto sleeper = deployer::spawnOnNode(m_cluster, 1, {"sleep", "600"}, log("sleep"));
        QVERIFY(sleeper);
        const auto removed = deployer::down(kName);
        QVERIFY2(removed, removed ? "" : removed.error().message.c_str());
        QVERIFY(waitpid(*sleeper, nullptr, WNOHANG) == *sleeper || kill(*sleeper, 0) != 0);
        QVERIFY(!fs::exists("/sys/class/net/etest-br"));
        for (const char* ns : {"etest-1", "etest-2", "etest-3"}) {
            QVERIFY(!fs::exists(std::string("/run/netns/") + ns));
            QVERIFY(!fs::exists(std::string("/sys/fs/cgroup/cpu/tessera/") + ns));
            QVERIFY(!fs::exists(std::string("/sys/fs/cgroup/memory/tessera/") + ns));
        }
        QVERIFY(!deployer::find(kName));
        QVERIFY(!deployer::down(kName)); // nothing left to remove: says so
    }

    void cleanupTestCase() {
        if (deployer::find(kName)) {
            (void)deployer::down(kName);
        }
    }
};

QTEST_GUILESS_MAIN(TestEmulatedCluster)
#include "test_emulated_cluster.moc"
