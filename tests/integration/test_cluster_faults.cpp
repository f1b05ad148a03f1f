// Faults in the distributed runtime, with real tessera-node processes on loopback (docs/runtime.md,
// "Faults"). On a three-device FTP plan, with the gateway checking on its workers every 300 ms:
//   - a worker killed (SIGKILL) mid-stream: the client's frames fail with an error naming the device and the
//     frame, soon after the miss limit, never by the client's timeout; no frame is answered twice;
//   - the worker restarted: the gateway logs that it rejoined and the next frames succeed, output equal to
//     the whole model;
//   - a worker stopped (SIGSTOP): its missed heartbeats are detected, the frame fails, the worker drops the
//     frame's state once it runs again (SIGCONT), rejoins, and later frames succeed;
//   - bad messages (truncated bytes, another protocol version, a part sent by a device that does not
//     produce it) are refused and logged, and the gateway keeps serving;
//   - a restarted gateway: the workers drop their frames and the frame numbers start afresh;
//   - a worker busy with a task longer than the miss limit is not declared down (its heartbeat thread).
// On two-device plans whose FTP stage steals work, the worker slowed down so that its tiles take seconds:
//   - tiles the gateway can run whole (cut from the graph input, consumed by the gateway): a worker killed
//     (SIGKILL) or stopped (SIGSTOP) while computing them has them re-run at the gateway; the frame completes
//     with the whole model's output, cluster-run and the gateway's log say which tiles were re-run; the
//     worker, restarted or resumed, rejoins and later frames succeed;
//   - with a second worker that had stolen one of the dead worker's tiles: its report counts although the
//     dead victim never announces the steal, and the frame completes;
//   - tiles it cannot (data reuse: the worker's tiles read border strips of the gateway's): the frame fails
//     naming the device, as without stealing.

#include <QtTest>

#include <csignal>
#include <set>

#include <zmq.hpp>

#include "cli_runner.h"
#include "cluster_nodes.h"
#include "core/exec/npy.h"
#include "core/model/zoo.h"
#include "core/net/bundle.h"
#include "core/net/protocol.h"
#include "support/random_plans.h"

using namespace tessera;
using tessera::test::binary;
using tessera::test::freePort;
using tessera::test::Node;
using tessera::test::run;

class TestClusterFaults : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_dirs; // bundle directories, gateway first
    QString m_bundles, m_input;
    model::Model m_model;
    std::vector<Node> m_nodes;

    QString path(const QString& name) { return m_dir.filePath(name); }

    // Runs `frames` frames from `first` (on the bundles in `bundles`, by default the three-device cluster's)
    // and checks the output against the whole model.
    void expectFramesSucceed(int first, int frames, QString bundles = {}) {
        const QString out = path("out" + QString::number(first) + ".npy");
        auto ran = run(binary("tessera"), {"cluster-run", bundles.isEmpty() ? m_bundles : bundles, "-i",
                                           m_input, "-o", out, "--frames", QString::number(frames),
                                           "--first-frame", QString::number(first), "--timeout", "60"});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err + ran.out));
        expectWholeModelOutput(out);
    }

    void expectWholeModelOutput(const QString& npy) {
        auto got = exec::readNpy(npy.toStdString());
        QVERIFY(got.ok());
        const auto want = test::runWhole(m_model, test::sampleInputs(m_model.graph));
        const auto dev = test::deviation(got->data, want.at(m_model.graph.outputs[0].name));
        QVERIFY2(dev.relativeL2 <= 1e-5, qPrintable(QString::number(dev.relativeL2)));
    }

    // A cluster of `devices` on tiny-YOLOv2 with conv_0 … maxpool_3 in `grid` tiles (with `steal`), the
    // gateway checking on the workers every 300 ms, rpi4-2 `slowdown` times slower (its tiles take seconds).
    test::TinyYoloCluster startStealingCluster(const QString& name, const QString& grid,
                                               std::vector<Node>& nodes, int devices = 2,
                                               const QString& slowdown = "400") {
        QDir(m_dir.path()).mkdir(name);
        auto cluster = test::bundleTinyYolo(path(name), devices, grid);
        if (cluster.error.isEmpty()) {
            nodes = test::startNodes(cluster.dirs,
                                     {{"rpi4-1", {"--heartbeat-ms", "300", "--heartbeat-misses", "3"}},
                                      {"rpi4-2", {"--slowdown", slowdown}}});
        }
        return cluster;
    }

    struct FaultedRun {
        QString out; // what cluster-run printed (stdout, then stderr)
        int exitCode = -1;
        qint64 ms = 0; // from the signal to cluster-run's end
    };

    // Runs frame `frame` alone and, once the slow worker has given `thief` one of its tiles of it (the
    // frame is in flight, the worker computing its next tile), sends the worker `signal`.
    void faultMidFrame(const test::TinyYoloCluster& cluster, Node& worker, int signal, int frame,
                       FaultedRun& result, const QString& thief = "rpi4-1") {
        const qsizetype from = worker.log.size();
        QProcess client;
        client.start(binary("tessera"), {"cluster-run", cluster.bundles, "-i", cluster.input, "-o",
                                         path("out" + QString::number(frame) + ".npy"), "--frames", "1",
                                         "--first-frame", QString::number(frame), "--timeout", "60"});
        QVERIFY(client.waitForStarted(10000));
        QVERIFY2(worker.waitForLog(" of frame " + QString::number(frame) + " to device '" + thief + "'",
                                   60000, from),
                 qPrintable(worker.log));
        // into the emulated slowness (--slowdown stretches the real compute, a few ms, by the wall time it
        // took: a stop within it would stretch the stop too)
        QThread::msleep(300);
        QCOMPARE(::kill(pid_t(worker.process->processId()), signal), 0);
        QElapsedTimer t;
        t.start();
        QVERIFY(client.waitForFinished(60000));
        result.ms = t.elapsed();
        result.out = QString::fromUtf8(client.readAllStandardOutput() + client.readAllStandardError());
        result.exitCode = client.exitCode();
    }

    // The numbers of the frames cluster-run printed as answered.
    static std::vector<int> answered(const QString& out) {
        std::vector<int> frames;
        static const QRegularExpression line("^frame (\\d+): ", QRegularExpression::MultilineOption);
        for (auto it = line.globalMatch(out); it.hasNext();) {
            frames.push_back(it.next().captured(1).toInt());
        }
        return frames;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto cluster = test::bundleTinyYolo(m_dir.path(), 3, "3x1");
        QVERIFY2(cluster.error.isEmpty(), qPrintable(cluster.error));
        m_model = std::move(cluster.model);
        m_input = cluster.input;
        m_bundles = cluster.bundles;
        m_dirs = cluster.dirs;
        m_nodes =
            test::startNodes(m_dirs, {{"rpi4-1", {"--heartbeat-ms", "300", "--heartbeat-misses", "3"}}});
        expectFramesSucceed(0, 2);
    }

    void cleanupTestCase() {
        const QString logs = test::stopNodes(m_nodes);
        QVERIFY2(!logs.contains("DID NOT END CLEANLY"), qPrintable(logs));
    }

    void killedWorkerFailsFramesThenRejoins() {
        Node& gateway = m_nodes[0];
        QProcess client;
        client.start(binary("tessera"), {"cluster-run", m_bundles, "-i", m_input, "--frames", "1000",
                                         "--in-flight", "2", "--first-frame", "100", "--timeout", "60"});
        QVERIFY(client.waitForStarted(10000));
        QString out;
        QElapsedTimer t;
        t.start();
        while (!out.contains("frame 103:") && t.elapsed() < 60000 && client.state() == QProcess::Running) {
            client.waitForReadyRead(100);
            out += QString::fromUtf8(client.readAllStandardOutput());
        }
        QVERIFY2(out.contains("frame 103:"), qPrintable(out + client.readAllStandardError()));
        const qsizetype logFrom = gateway.log.size();
        m_nodes[2].process->kill(); // SIGKILL, mid-stream
        QElapsedTimer detected;
        detected.start();
        QVERIFY(client.waitForFinished(30000));
        const qint64 ms = detected.elapsed();
        out += QString::fromUtf8(client.readAllStandardOutput());
        const QString err = QString::fromUtf8(client.readAllStandardError());
        QCOMPARE(client.exitCode(), 1);
        static const QRegularExpression failed(
            "frame (\\d+) failed: device 'rpi4-3' stopped answering \\(silent for \\d+ ms, 3 heartbeats "
            "missed\\) during frame (\\d+)");
        const auto match = failed.match(err);
        QVERIFY2(match.hasMatch(), qPrintable(err));
        QCOMPARE(match.captured(1), match.captured(2));
        QVERIFY2(ms < 10000, qPrintable(QString::number(ms) + " ms to detect the dead worker"));
        qInfo("SIGKILL of rpi4-3 -> frame %s failed after %lld ms", qPrintable(match.captured(1)),
              static_cast<long long>(ms));
        const auto frames = answered(out);
        QCOMPARE(std::set<int>(frames.begin(), frames.end()).size(), frames.size()); // none answered twice
        QVERIFY(gateway.waitForLog("declared down", 5000, logFrom));

        QVERIFY(m_nodes[2].process->waitForFinished(5000));

        // restarted, it rejoins on its first heartbeat answer; then frames succeed again
        m_nodes[2] = test::launchNode(m_dirs[2]);
        QVERIFY2(m_nodes[2].waitForLog("serving as", 30000), qPrintable(m_nodes[2].log));
        QVERIFY2(gateway.waitForLog("'rpi4-3' answers again: rejoined", 10000, logFrom),
                 qPrintable(gateway.log));
        expectFramesSucceed(2000, 3);
    }

    void stoppedWorkerDetectedThenResumes() {
        Node& gateway = m_nodes[0];
        Node& worker = m_nodes[1];
        const qsizetype gatewayFrom = gateway.log.size(), workerFrom = worker.log.size();
        QVERIFY(::kill(pid_t(worker.process->processId()), SIGSTOP) == 0);
        QElapsedTimer t;
        t.start();
        auto ran = run(binary("tessera"),
                       {"cluster-run", m_bundles, "-i", m_input, "--first-frame", "3000", "--timeout", "60"});
        const qint64 ms = t.elapsed();
        QCOMPARE(ran.exitCode, 1);
        QVERIFY2(ran.err.contains("frame 3000 failed: device 'rpi4-2'"), qPrintable(ran.err));
        QVERIFY2(ms < 10000, qPrintable(QString::number(ms)));
        QVERIFY(gateway.waitForLog("device 'rpi4-2' stopped answering", 5000, gatewayFrom));
        qInfo("SIGSTOP of rpi4-2 -> %s after %lld ms", qPrintable(ran.err.trimmed()),
              static_cast<long long>(ms));
        QVERIFY(::kill(pid_t(worker.process->processId()), SIGCONT) == 0);
        QVERIFY2(gateway.waitForLog("'rpi4-2' answers again: rejoined", 10000, gatewayFrom),
                 qPrintable(gateway.log));
        if (ran.err.contains("during frame 3000")) {
            // the worker held parts of the failed frame: it drops them when told
            QVERIFY2(worker.waitForLog("dropped frame 3000", 10000, workerFrom), qPrintable(worker.log));
        }
        expectFramesSucceed(3100, 2);
    }

    void badMessagesRefused() {
        Node& gateway = m_nodes[0];
        const qsizetype from = gateway.log.size();
        auto bundle = net::loadBundle(m_dirs[0].toStdString());
        QVERIFY(bundle.ok());
        const auto& keys = bundle->keys;
        const auto& d = bundle->description;
        zmq::context_t context;
        zmq::socket_t dealer(context, zmq::socket_type::dealer);
        dealer.set(zmq::sockopt::linger, 0);
        dealer.set(zmq::sockopt::curve_serverkey, keys.publicKey);
        dealer.set(zmq::sockopt::curve_publickey, keys.publicKey);
        dealer.set(zmq::sockopt::curve_secretkey, keys.secretKey);
        dealer.connect(d.devices[std::size_t(d.gateway)].endpoint);

        // a part that a gateway task reads from a piece of rpi4-2, claimed by rpi4-3
        const net::SourceSpec* source = nullptr;
        int task = -1;
        for (const auto& t : d.tasks) {
            for (const auto& in : t.inputs) {
                for (const auto& s : in.sources) {
                    if (s.senders == std::vector<int>{1}) {
                        source = &s;
                        task = t.id;
                    }
                }
            }
        }
        QVERIFY(source);
        net::wire::Envelope forged;
        auto* part = forged.mutable_tensor_part();
        part->set_frame(9000);
        part->set_piece(source->piece);
        part->set_task(task);
        net::setRegion(part->mutable_part(), source->part);
        part->set_data(std::string(std::size_t(source->part.elements()) * 4, '\0'));
        const std::string forgedBytes = net::encode(forged, {d.clusterId, int(d.devices.size())}, 2);

        net::wire::Envelope newer;
        newer.mutable_heartbeat()->set_sequence(1);
        std::string newerBytes = net::encode(newer, {d.clusterId, int(d.devices.size())}, 1);
        newer.ParseFromString(newerBytes);
        newer.set_version(net::kProtocolVersion + 1);
        newerBytes = newer.SerializeAsString();

        for (const std::string& bytes :
             {forgedBytes.substr(0, forgedBytes.size() / 2), newerBytes, forgedBytes}) {
            QVERIFY(dealer.send(zmq::buffer(bytes), zmq::send_flags::none).has_value());
        }
        QVERIFY2(gateway.waitForLog("malformed or truncated message", 10000, from), qPrintable(gateway.log));
        QVERIFY2(
            gateway.waitForLog("protocol version " + QString::number(net::kProtocolVersion + 1), 10000, from),
            qPrintable(gateway.log));
        QVERIFY2(gateway.waitForLog(
                     "refused a part from device 'rpi4-3': device 'rpi4-3' does not produce piece " +
                         QString::number(source->piece) + " (its producer is 'rpi4-2')",
                     10000, from),
                 qPrintable(gateway.log));
        QCOMPARE(gateway.process->state(), QProcess::Running);
        expectFramesSucceed(4000, 2);
    }

    // A restarted gateway has forgotten its frames: the workers see its new session in its heartbeats, drop
    // theirs and forget the numbers, so a new client may start again at frame 0 (served before the restart).
    void gatewayRestartStartsAfresh() {
        const qsizetype from1 = m_nodes[1].log.size(), from2 = m_nodes[2].log.size();
        m_nodes[0].process->kill();
        QVERIFY(m_nodes[0].process->waitForFinished(5000));
        m_nodes[0] = test::launchNode(m_dirs[0], {"--heartbeat-ms", "300", "--heartbeat-misses", "3"});
        QVERIFY2(m_nodes[0].waitForLog("serving as", 30000), qPrintable(m_nodes[0].log));
        QVERIFY2(m_nodes[1].waitForLog("the gateway restarted", 10000, from1), qPrintable(m_nodes[1].log));
        QVERIFY2(m_nodes[2].waitForLog("the gateway restarted", 10000, from2), qPrintable(m_nodes[2].log));
        expectFramesSucceed(0, 2);
    }

    // A worker whose tasks each take longer than the miss limit stays alive: its heartbeat thread beats
    // while the task runs (at the gateway's interval, which the gateway's heartbeats carry).
    void busyWorkerStaysAlive() {
        Node& gateway = m_nodes[0];
        const qsizetype from = gateway.log.size();
        m_nodes[1].process->terminate();
        QVERIFY(m_nodes[1].process->waitForFinished(10000));
        QVERIFY(gateway.waitForLog("device 'rpi4-2' stopped answering", 10000, from));
        // its task takes 2-6 ms unslowed: 400 times that is well beyond the 900 ms miss limit
        m_nodes[1] = test::launchNode(m_dirs[1], {"--slowdown", "400"});
        QVERIFY2(m_nodes[1].waitForLog("serving as", 30000), qPrintable(m_nodes[1].log));
        QVERIFY2(gateway.waitForLog("'rpi4-2' answers again: rejoined", 10000, from),
                 qPrintable(gateway.log));
        const qsizetype rejoined = gateway.log.size();
        auto ran = run(binary("tessera"), {"cluster-run", m_bundles, "-i", m_input, "--frames", "1",
                                           "--first-frame", "5000", "--timeout", "120"});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err + ran.out));
        static const QRegularExpression slow("device 'rpi4-2': 1 tasks, compute ([0-9.]+) ms");
        const auto match = slow.match(ran.out);
        QVERIFY2(match.hasMatch(), qPrintable(ran.out));
        QVERIFY2(match.captured(1).toDouble() > 900, qPrintable(ran.out)); // longer than 3 x 300 ms
        gateway.log += QString::fromUtf8(gateway.process->readAllStandardError());
        QVERIFY2(!gateway.log.mid(rejoined).contains("stopped answering"),
                 qPrintable(gateway.log.mid(rejoined)));
        qInfo("a %s ms task on rpi4-2, no missed heartbeat", qPrintable(match.captured(1)));
    }

    // The worker's tiles qualify (every input cut from the graph input, the gateway consumes every output): a
    // worker stopped, then one killed, mid-frame has its pending tiles re-run at the gateway.
    void deadWorkersTilesRerunAtGateway() {
        std::vector<Node> nodes;
        // the worker's tiles 1200 times their compute (seconds): the signal, sent 300 ms after the test sees
        // the worker's grant in its log, lands inside its next tile even when a loaded machine delays the
        // test
        const auto cluster = startStealingCluster("rerun", "3x3:steal", nodes, 2, "1200");
        QVERIFY2(cluster.error.isEmpty(), qPrintable(cluster.error));
        QCOMPARE(nodes.size(), std::size_t(2));
        Node& gateway = nodes[0];
        for (int signal : {SIGSTOP, SIGKILL}) {
            const int frame = signal == SIGSTOP ? 10 : 20;
            const qsizetype from = gateway.log.size();
            FaultedRun ran;
            faultMidFrame(cluster, nodes[1], signal, frame, ran);
            if (QTest::currentTestFailed()) {
                break;
            }
            QVERIFY2(ran.exitCode == 0, qPrintable(ran.out + gateway.log));
            expectWholeModelOutput(path("out" + QString::number(frame) + ".npy"));
            QVERIFY2(gateway.waitForLog("device 'rpi4-2' stopped answering", 5000, from),
                     qPrintable(gateway.log));
            static const QRegularExpression logged("re-ran (\\d+) tiles of device 'rpi4-2' for frame (\\d+)");
            QVERIFY2(gateway.waitForLog("tiles of device 'rpi4-2' for frame", 5000, from),
                     qPrintable(gateway.log));
            const auto line = logged.match(gateway.log.mid(from));
            QVERIFY2(line.hasMatch() && line.captured(2).toInt() == frame, qPrintable(gateway.log.mid(from)));
            const int tiles = line.captured(1).toInt();
            QVERIFY(tiles >= 1);
            // cluster-run lists them on the gateway's line
            static const QRegularExpression printed("device 'rpi4-1': .*; re-ran tasks ([0-9 ]+) of 'rpi4-2' "
                                                    "\\(declared down\\)");
            const auto listed = printed.match(ran.out);
            QVERIFY2(listed.hasMatch(), qPrintable(ran.out));
            QCOMPARE(listed.captured(1).split(' ', Qt::SkipEmptyParts).size(), tiles);
            QVERIFY2(ran.out.contains("re-run at the gateway: " + QString::number(tiles) + " tasks"),
                     qPrintable(ran.out));
            qInfo("%s of the worker mid-frame: frame %d completed %lld ms later, %d tiles re-run at the "
                  "gateway",
                  signal == SIGSTOP ? "SIGSTOP" : "SIGKILL", frame, static_cast<long long>(ran.ms), tiles);

            if (signal == SIGSTOP) {
                // resumed, the worker ends its tile: it then either still holds the frame, which it drops
                // when told the frame completed without it, or has finished its share, whose telemetry the
                // gateway refuses (the frame is over)
                QCOMPARE(::kill(pid_t(nodes[1].process->processId()), SIGCONT), 0);
                QElapsedTimer resumed;
                resumed.start();
                while (
                    !nodes[1].log.contains("dropped frame 10: the frame completed without device 'rpi4-2'") &&
                    !gateway.log.mid(from).contains("refused telemetry of device 'rpi4-2' for frame 10") &&
                    resumed.elapsed() < 20000) {
                    nodes[1].waitForLog("dropped frame", 100);
                    gateway.waitForLog("refused telemetry", 100, from);
                }
                QVERIFY2(resumed.elapsed() < 20000, qPrintable(nodes[1].log + gateway.log.mid(from)));
            } else {
                QVERIFY(nodes[1].process->waitForFinished(5000));
                nodes[1] = test::launchNode(cluster.dirs[1]); // at full speed now
                QVERIFY2(nodes[1].waitForLog("serving as", 30000), qPrintable(nodes[1].log));
            }
            QVERIFY2(gateway.waitForLog("'rpi4-2' answers again: rejoined", 10000, from),
                     qPrintable(gateway.log));
            expectFramesSucceed(frame + 1, 2, cluster.bundles);
        }
        const QString logs = test::stopNodes(nodes);
        QVERIFY2(!logs.contains("DID NOT END CLEANLY") && !logs.contains("bundle inconsistent"),
                 qPrintable(logs));
    }

    // Three devices, 4x4 tiles, the slow worker's tiles long enough that the two others take one each from it
    // and wait while it computes the next: killed then, it had given a tile to the other worker, whose report
    // of it is not announced by the victim's telemetry (which never comes). The frame still completes, its
    // other tiles re-run at the gateway, and the thief's tile listed in the thief's tasks.
    void thiefOfADeadWorkerStillReports() {
        std::vector<Node> nodes;
        const auto cluster = startStealingCluster("thief", "4x4:steal", nodes, 3, "1200");
        QVERIFY2(cluster.error.isEmpty(), qPrintable(cluster.error));
        QCOMPARE(nodes.size(), std::size_t(3));
        static const QRegularExpression rerun("device 'rpi4-1': .*; re-ran tasks [0-9 ]+ of 'rpi4-2'");
        FaultedRun ran;
        int frame = 10;
        for (;; ++frame) {
            faultMidFrame(cluster, nodes[1], SIGKILL, frame, ran, "rpi4-3");
            QVERIFY(!QTest::currentTestFailed());
            QVERIFY2(ran.exitCode == 0, qPrintable(ran.out + nodes[0].log));
            expectWholeModelOutput(path("out" + QString::number(frame) + ".npy"));
            // the thieves may have taken every tile it had left at once: then it had finished its share
            // before the signal, nothing was re-run and the case did not happen; again
            if (ran.out.contains(rerun) || frame == 12) {
                break;
            }
            QVERIFY(nodes[1].process->waitForFinished(5000));
            nodes[1] = test::launchNode(cluster.dirs[1], {"--slowdown", "1200"});
            QVERIFY2(nodes[0].waitForLog("'rpi4-2' answers again: rejoined", 30000),
                     qPrintable(nodes[0].log));
        }
        QVERIFY2(ran.out.contains(rerun), qPrintable(ran.out));
        // the thief ran a tile it stole (it may also have given one of its own away, to the gateway)
        static const QRegularExpression thief("device 'rpi4-3': .*steal bytes received (\\d+) B");
        const auto match = thief.match(ran.out);
        QVERIFY2(match.hasMatch() && match.captured(1).toLongLong() > 0, qPrintable(ran.out));
        qInfo("SIGKILL of a worker that had given a tile to another: frame %d completed %lld ms later", frame,
              static_cast<long long>(ran.ms));
        QVERIFY(nodes[1].process->waitForFinished(5000));
        nodes[1] = test::launchNode(cluster.dirs[1]);
        QVERIFY2(nodes[0].waitForLog("'rpi4-2' answers again: rejoined", 30000), qPrintable(nodes[0].log));
        expectFramesSucceed(frame + 1, 2, cluster.bundles);
        const QString logs = test::stopNodes(nodes);
        QVERIFY2(!logs.contains("DID NOT END CLEANLY") && !logs.contains("bundle inconsistent"),
                 qPrintable(logs));
    }

    // With data reuse the worker's tiles read border strips of the gateway's tiles: the gateway cannot run
    // them from the graph input, so a frame that needs them fails naming the device, as before.
    void unqualifiedTilesStillFailTheFrame() {
        std::vector<Node> nodes;
        const auto cluster = startStealingCluster("reuse", "3x3:reuse:steal", nodes);
        QVERIFY2(cluster.error.isEmpty(), qPrintable(cluster.error));
        QCOMPARE(nodes.size(), std::size_t(2));
        FaultedRun ran;
        faultMidFrame(cluster, nodes[1], SIGKILL, 10, ran);
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(ran.exitCode, 1);
        QVERIFY2(ran.out.contains(QRegularExpression(
                     "frame 10 failed: device 'rpi4-2' stopped answering .* during frame 10")),
                 qPrintable(ran.out));
        QVERIFY2(!nodes[0].log.contains("re-ran"), qPrintable(nodes[0].log));
        QVERIFY(nodes[1].process->waitForFinished(5000));
        nodes[1] = test::launchNode(cluster.dirs[1]);
        QVERIFY2(nodes[0].waitForLog("'rpi4-2' answers again: rejoined", 30000), qPrintable(nodes[0].log));
        expectFramesSucceed(11, 2, cluster.bundles);
        const QString logs = test::stopNodes(nodes);
        QVERIFY2(!logs.contains("DID NOT END CLEANLY"), qPrintable(logs));
    }

    // A gateway whose own task runs longer than the miss limit reads what its workers sent meanwhile before
    // it judges them: none is declared down and the frame completes (on devices with a quarter of a core, the
    // gateway's share of a frame takes seconds).
    void busyGatewayKeepsItsWorkers() {
        m_nodes[0].process->kill();
        QVERIFY(m_nodes[0].process->waitForFinished(5000));
        m_nodes[0] = test::launchNode(
            m_dirs[0], {"--heartbeat-ms", "300", "--heartbeat-misses", "3", "--slowdown", "200"});
        Node& gateway = m_nodes[0];
        QVERIFY2(gateway.waitForLog("serving as", 30000), qPrintable(gateway.log));
        QVERIFY2(m_nodes[2].waitForLog("the gateway restarted", 10000), qPrintable(m_nodes[2].log));
        auto ran = run(binary("tessera"), {"cluster-run", m_bundles, "-i", m_input, "--frames", "2",
                                           "--first-frame", "7000", "--timeout", "120"});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err + ran.out));
        static const QRegularExpression busy("device 'rpi4-1': \\d+ tasks, compute ([0-9.]+) ms");
        const auto match = busy.match(ran.out);
        QVERIFY2(match.hasMatch(), qPrintable(ran.out));
        QVERIFY2(match.captured(1).toDouble() > 900, qPrintable(ran.out)); // longer than 3 x 300 ms
        gateway.log += QString::fromUtf8(gateway.process->readAllStandardError());
        QVERIFY2(!gateway.log.contains("stopped answering"), qPrintable(gateway.log));
    }
};

QTEST_GUILESS_MAIN(TestClusterFaults)
#include "test_cluster_faults.moc"
