// Fault injection on the emulated cluster (deployer/emulated_cluster.h): three tessera-node processes, each
// in its own network namespace behind a veth into a bridge, run tiny-YOLOv2 with an FTP stage of 3x3 tiles
// and work stealing. A client streams frames (two in flight) from this namespace while, at random points of
// the stream, a worker's link is brought down and up again (the host side of its veth), a worker is killed
// (SIGKILL) and restarted, and a worker is stopped (SIGSTOP) and resumed (SIGCONT). The seed is printed; set
// TESSERA_CHAOS_SEED to replay a schedule. Checked:
//   - every frame sent is answered exactly once (frame ids): none lost or duplicated (the gateway answers
//     frames as they finish, which with stealing is not always the order sent: counted and printed);
//   - an answered frame's output equals the whole model's on one device (relative L2 <= 1e-5); a failed
//     frame's error names the device that the fault hit;
//   - after each fault is undone, frames succeed again with the same gateway process (no restart).
// Needs root and network namespaces; skipped with the reason otherwise. The cluster ("chaos", subnet
// 10.77.91.0/24) is removed at the end, also when a check fails.

#include <QtTest>

#include <algorithm>
#include <csignal>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "cli_runner.h"
#include "core/cost/cluster.h"
#include "core/model/zoo.h"
#include "core/net/bundle.h"
#include "core/net/client.h"
#include "deployer/emulated_cluster.h"
#include "deployer/local_launch.h"
#include "deployer/process.h"
#include "support/random_plans.h"

using namespace tessera;
using namespace std::chrono_literals;
using tessera::test::binary;
using tessera::test::run;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kCluster = "chaos";

enum class Fault { LinkDown, Kill, Stop };

const char* faultName(Fault f) {
    switch (f) {
    case Fault::LinkDown:
        return "link down";
    case Fault::Kill:
        return "SIGKILL";
    case Fault::Stop:
        return "SIGSTOP";
    }
    return "";
}

std::string readText(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

int count(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

} // namespace

class TestClusterChaos : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    deployer::EmulatedCluster m_cluster;
    bool m_up = false;
    QString m_bundles;
    std::vector<pid_t> m_pids; // per device
    model::Model m_model;
    std::map<std::string, std::vector<float>> m_inputs;
    std::vector<float> m_want;
    std::unique_ptr<net::ClusterClient> m_client;

    std::string logOf(int device) const {
        return m_dir.filePath("node" + QString::number(device + 1) + ".log").toStdString();
    }

    // Starts tessera-node on `device` and waits until its log says it serves once more than before.
    bool startNode(int device) {
        const std::string dir =
            (m_bundles + "/" + QString::fromStdString(m_cluster.nodes[std::size_t(device)].name))
                .toStdString();
        const int before = count(readText(logOf(device)), "serving as");
        auto pid = deployer::spawnOnNode(m_cluster, device,
                                         {binary("tessera-node").toStdString(), "--bundle", dir,
                                          "--heartbeat-ms", "300", "--heartbeat-misses", "3"},
                                         logOf(device));
        if (!pid) {
            qWarning("%s", pid.error().message.c_str());
            return false;
        }
        m_pids[std::size_t(device)] = *pid;
        const auto deadline = Clock::now() + 60s;
        while (Clock::now() < deadline) {
            if (count(readText(logOf(device)), "serving as") > before) {
                return true;
            }
            std::this_thread::sleep_for(50ms);
        }
        qWarning("device %d did not serve: %s", device + 1, readText(logOf(device)).c_str());
        return false;
    }

    static bool setLink(const std::string& hostSide, bool up) {
        return deployer::runCommand({"ip", "link", "set", "dev", hostSide, up ? "up" : "down"}).ok();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        deployer::EmulationSpec spec;
        spec.name = kCluster;
        spec.nodes = 3;
        spec.subnet = "10.77.91";
        spec.allowFallback = false;
        auto cluster = deployer::up(spec);
        if (!cluster) {
            QSKIP(qPrintable("needs an emulated cluster of network namespaces (root): " +
                             QString::fromStdString(cluster.error().message)));
        }
        m_cluster = *cluster;
        m_up = true;
        m_pids.assign(m_cluster.nodes.size(), 0);

        auto g = model::buildZooModel("tiny-yolov2");
        QVERIFY(g.ok());
        m_model = std::move(*g);
        const QString modelPath = m_dir.filePath("tiny-yolov2.onnx");
        QVERIFY(model::saveOnnx(m_model.graph, m_model.opset, modelPath.toStdString(), "test").ok());
        const QString clusterPath = m_dir.filePath("cluster.json");
        QVERIFY(cost::writeCluster(m_cluster.cluster(), clusterPath.toStdString()).ok());
        const QString planPath = m_dir.filePath("plan.json");
        auto planned = run(binary("tessera"), {"plan", modelPath, clusterPath, "--ftp",
                                               "conv_0:maxpool_3:3x3:steal", "-o", planPath});
        QVERIFY2(planned.exitCode == 0, qPrintable(planned.err));
        m_bundles = m_dir.filePath("bundles");
        auto bundled = run(binary("tessera"), {"bundle", modelPath, planPath, clusterPath, "-o", m_bundles});
        QVERIFY2(bundled.exitCode == 0, qPrintable(bundled.err));
        for (int d = 0; d < int(m_cluster.nodes.size()); ++d) {
            QVERIFY(startNode(d));
        }
        m_inputs = test::sampleInputs(m_model.graph);
        m_want = test::runWhole(m_model, m_inputs).at(m_model.graph.outputs[0].name);
        auto bundle = net::loadClientBundle(m_bundles.toStdString());
        QVERIFY2(bundle.ok(), bundle.ok() ? "" : bundle.error().message.c_str());
        auto client = net::ClusterClient::connect(std::move(*bundle), 30s);
        QVERIFY2(client.ok(), client.ok() ? "" : client.error().message.c_str());
        m_client = std::move(*client);
    }

    void cleanupTestCase() {
        m_client.reset();
        if (m_up) {
            auto down = deployer::down(kCluster);
            m_up = false;
            QVERIFY2(down.ok(), down.ok() ? "" : down.error().message.c_str());
        }
    }

    void faultsAtRandomPoints() {
        std::uint64_t seed = std::random_device{}();
        if (const char* fixed = std::getenv("TESSERA_CHAOS_SEED")) {
            seed = std::strtoull(fixed, nullptr, 10);
        }
        qInfo("chaos seed %llu (replay: TESSERA_CHAOS_SEED=%llu)", static_cast<unsigned long long>(seed),
              static_cast<unsigned long long>(seed));
        std::mt19937_64 rng(seed);
        auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
        std::vector<Fault> faults{Fault::LinkDown, Fault::Kill, Fault::Stop};
        std::shuffle(faults.begin(), faults.end(), rng);
        const pid_t gateway = m_pids[0];

        std::uint64_t next = 0;         // the next frame number to send
        std::deque<std::uint64_t> sent; // in flight, in the order sent
        int succeeded = 0, failed = 0, outOfOrder = 0,
            rerun = 0; // rerun: frames completed by re-running tiles
        // Sends until `inFlight` frames are out, then takes one answer and checks it. A failed frame's error
        // must name `faulted` (a device name, or empty when no fault is active: then nothing may fail).
        auto step = [&](const std::string& faulted, bool send = true) {
            while (send && sent.size() < 2) {
                auto s = m_client->submit(next, m_inputs);
                QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
                sent.push_back(next++);
            }
            auto result = m_client->next(30s);
            if (!result) {
                QFAIL(qPrintable("frame " + QString::number(sent.front()) +
                                 " lost: " + QString::fromStdString(result.error().message)));
            }
            // a frame in flight, answered once (frames may finish out of order: stealing moves tiles)
            const auto answered = std::find(sent.begin(), sent.end(), result->frame());
            QVERIFY2(answered != sent.end(),
                     qPrintable("frame " + QString::number(result->frame()) +
                                " answered but not in flight (twice, or never sent)"));
            outOfOrder += answered == sent.begin() ? 0 : 1;
            sent.erase(answered);
            if (result->error().empty()) {
                ++succeeded;
                rerun += std::any_of(result->devices().begin(), result->devices().end(),
                                     [](const net::wire::Telemetry& t) { return t.rerun_size() > 0; });
                QCOMPARE(result->outputs_size(), 1);
                std::vector<float> got(result->outputs(0).data().size() / sizeof(float));
                net::copyFloats(result->outputs(0).data(), got.data());
                const auto dev = test::deviation(got, m_want);
                QVERIFY2(dev.relativeL2 <= 1e-5,
                         qPrintable("frame " + QString::number(result->frame()) + ": relative L2 " +
                                    QString::number(dev.relativeL2)));
                return;
            }
            ++failed;
            QVERIFY2(!faulted.empty() &&
                         result->error().find("device '" + faulted + "'") != std::string::npos,
                     qPrintable("frame " + QString::number(result->frame()) +
                                " failed without naming the "
                                "faulted device '" +
                                QString::fromStdString(faulted) +
                                "': " + QString::fromStdString(result->error())));
            std::this_thread::sleep_for(20ms); // refused at once while the device is down: do not spin
        };
        // Streams until `frames` frames in a row succeeded; false after `limit` without that.
        auto recover = [&](int frames, std::chrono::seconds limit, const std::string& faulted) {
            const auto deadline = Clock::now() + limit;
            int inRow = 0;
            while (inRow < frames && Clock::now() < deadline) {
                const int before = succeeded;
                step(faulted);
                if (QTest::currentTestFailed()) {
                    return false;
                }
                inRow = succeeded > before ? inRow + 1 : 0;
            }
            return inRow >= frames;
        };

        QVERIFY2(recover(3, 60s, {}), "the cluster does not serve before any fault");
        for (Fault fault : faults) {
            const int device = uniform(1, int(m_cluster.nodes.size()) - 1);
            const std::string name = m_cluster.nodes[std::size_t(device)].name;
            const int before = uniform(1, 8); // frames answered before the fault hits
            const auto lasting = std::chrono::milliseconds(uniform(300, 2500));
            for (int i = 0; i < before; ++i) {
                step({});
                if (QTest::currentTestFailed()) {
                    return;
                }
            }
            const int succeededBefore = succeeded, failedBefore = failed, rerunBefore = rerun;
            const std::uint64_t firstAffected = next - sent.size();
            switch (fault) {
            case Fault::LinkDown:
                QVERIFY(setLink(name + "h", false));
                break;
            case Fault::Kill:
                QCOMPARE(::kill(m_pids[std::size_t(device)], SIGKILL), 0);
                break;
            case Fault::Stop:
                QCOMPARE(::kill(m_pids[std::size_t(device)], SIGSTOP), 0);
                break;
            }
            const auto undoAt = Clock::now() + lasting;
            while (Clock::now() < undoAt) {
                step(name);
                if (QTest::currentTestFailed()) {
                    break;
                }
            }
            switch (fault) {
            case Fault::LinkDown:
                QVERIFY(setLink(name + "h", true));
                break;
            case Fault::Kill:
                QVERIFY(startNode(device));
                break;
            case Fault::Stop:
                QCOMPARE(::kill(m_pids[std::size_t(device)], SIGCONT), 0);
                break;
            }
            if (QTest::currentTestFailed()) {
                return;
            }
            QVERIFY2(recover(5, 60s, name), qPrintable(QString("no recovery after ") + faultName(fault) +
                                                       " of " + QString::fromStdString(name)));
            qInfo("%s of %s after frame %llu for %lld ms: %d frames succeeded (%d of them with its tiles "
                  "re-run "
                  "at the gateway), %d failed naming it (the last 5 in a row succeeded)",
                  faultName(fault), name.c_str(), static_cast<unsigned long long>(firstAffected),
                  static_cast<long long>(lasting.count()), succeeded - succeededBefore, rerun - rerunBefore,
                  failed - failedBefore);
        }
        // the last answers, then the same gateway process still serves
        while (!sent.empty()) {
            step({}, false);
            if (QTest::currentTestFailed()) {
                return;
            }
        }
        QVERIFY(deployer::processAlive(gateway));
        QCOMPARE(m_pids[0], gateway);
        QCOMPARE(std::uint64_t(succeeded + failed), next); // none lost
        // outputs of re-run tiles that came twice (from the worker once it answered again) were refused
        // quietly
        const std::string gatewayLog = readText(logOf(0));
        QVERIFY2(gatewayLog.find("bundle inconsistent") == std::string::npos, gatewayLog.c_str());
        qInfo("%llu frames: %d succeeded (%d with a faulted device's tiles re-run at the gateway), %d failed "
              "with "
              "the faulted device named; %d finished before an older frame",
              static_cast<unsigned long long>(next), succeeded, rerun, failed, outOfOrder);
    }
};

QTEST_GUILESS_MAIN(TestClusterChaos)
#include "test_cluster_chaos.moc"
