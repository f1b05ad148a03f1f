// The distributed runtime end to end, with real processes on loopback: `tessera bundle` writes the bundles,
// one `tessera-node --bundle` process per device serves them, `tessera cluster-run` sends frames (several in
// flight) to the gateway. For each plan - FTP tiles with and without data reuse, stealing stages, LOP, LIP,
// multi-stage plans on tiny-yolov2 and random plans on random CNNs - it checks that
//   (a) the output equals the single-device run of the whole model: relative L2 <= 1e-5 and
//       max |error| <= 1e-4 * (1 + max |reference|), the tolerance of the in-process partition tests;
//   (b) in every frame where no task was stolen, the tensor payload bytes each device received and sent
//       equal sim::planCost's prediction exactly (each transfer of Program::transfers() is one message); in
//       a frame with steals, the bytes sent by static producers stay within the prediction and every byte
//       sent (plan or steal) was received;
//   (d) every task ran exactly once in every frame (the devices' telemetry lists each task once);
//   (f) `--record` writes a run record holding every frame's latency and the devices that reported;
// that (c) a client holding another key pair is refused by the gateway, which logs it; and (e) that with
// one device slowed down (tessera-node --slowdown) the others steal its tiles. Also: frames from a video
// file.

#include <QtTest>

#include <memory>

#include "cli_runner.h"
#include "cluster_nodes.h"
#include "core/exec/npy.h"
#include "core/model/zoo.h"
#include "core/net/keys.h"
#include "core/report/run_record.h"
#include "core/sim/plan_cost.h"
#include "support/random_plans.h"

using namespace tessera;
using tessera::test::binary;
using tessera::test::freePort;
using tessera::test::Node;
using tessera::test::run;
using tessera::test::startNodes;
using tessera::test::stopNodes;

namespace {} // namespace

class TestClusterRun : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_case = 0;

    QString path(const QString& name) { return m_dir.filePath(name); }

    // Bundles `plan` for `devices` loopback nodes (started with `options` by device name), runs `frames`
    // frames through them and checks (a), (b) and (d). Returns the tasks stolen over all frames.
    int runPlan(const model::Model& m, const QString& modelPath, const partition::Plan& plan, int devices,
                int frames, int inFlight, const QString& what,
                const std::map<QString, QStringList>& options = {}) {
        int steals = -1;
        runPlanInto(m, modelPath, plan, devices, frames, inFlight, what, options, steals);
        return steals;
    }

    void runPlanInto(const model::Model& m, const QString& modelPath, const partition::Plan& plan,
                     int devices, int frames, int inFlight, const QString& what,
                     const std::map<QString, QStringList>& options, int& steals) {
        const QString id = QString::number(++m_case);
        auto cluster = cost::uniformCluster("rpi4", devices);
        QStringList endpoints;
        for (int d = 0; d < devices; ++d) {
            cluster.devices[std::size_t(d)].host = "127.0.0.1";
            endpoints << "--endpoint"
                      << QString::fromStdString(cluster.devices[std::size_t(d)].name) +
                             "=tcp://127.0.0.1:" + QString::number(freePort());
        }
        const QString planPath = path("plan" + id + ".json"), clusterPath = path("cluster" + id + ".json");
        QVERIFY(cost::writeCluster(cluster, clusterPath.toStdString()).ok());
        QVERIFY(partition::writePlan(plan, m.graph, cluster, planPath.toStdString()).ok());
        const QString bundles = path("bundles" + id);
        auto bundled =
            run(binary("tessera"),
                QStringList{"bundle", modelPath, planPath, clusterPath, "-o", bundles} + endpoints);
        QVERIFY2(bundled.exitCode == 0, qPrintable(what + ": " + bundled.err));
        const QStringList dirs = bundled.out.split('\n', Qt::SkipEmptyParts);

        const auto inputs = test::sampleInputs(m.graph);
        QCOMPARE(inputs.size(), std::size_t(1));
        const QString inputPath = path("input" + id + ".npy");
        QVERIFY(
            exec::writeNpy(inputPath.toStdString(), m.graph.inputs[0].shape, inputs.begin()->second).ok());

        auto nodes = startNodes(dirs, options);
        const QString outPath = path("out" + id + ".npy"), recordPath = path("run" + id + ".json");
        auto ran = run(binary("tessera"), {"cluster-run", bundles, "-i", inputPath, "-o", outPath, "--frames",
                                           QString::number(frames), "--in-flight", QString::number(inFlight),
                                           "--timeout", "60", "--record", recordPath});
        const QString logs = stopNodes(nodes);
        QVERIFY2(ran.exitCode == 0, qPrintable(what + ": " + ran.err + ran.out + "\nnode logs:\n" + logs));
        QVERIFY2(!logs.contains("DID NOT END CLEANLY") && !logs.contains("refused"),
                 qPrintable(what + "\n" + logs));

        // (f) the run record (`--record`, for `tessera report --measured`): every frame with its latency and
        // the devices that reported, named as in the cluster
        const auto record = report::readRunRecord(recordPath.toStdString());
        QVERIFY2(record.ok(), record ? "" : record.error().message.c_str());
        QCOMPARE(record->frames.size(), std::size_t(frames));
        QVERIFY(record->wallSeconds > 0);
        QVERIFY(report::checkRunRecord(*record, cluster).ok());
        for (const auto& f : record->frames) {
            QVERIFY(f.latencySeconds > 0 && f.latencySeconds <= record->wallSeconds);
            QVERIFY(!f.devices.empty());
        }

        // (a) outputs against the whole model on one device
        const auto want = test::runWhole(m, inputs);
        for (const auto& o : m.graph.outputs) {
            const std::string file = m.graph.outputs.size() == 1
                                         ? outPath.toStdString()
                                         : (QFileInfo(outPath).path() + "/out" + id + "_" +
                                            QString::fromStdString(o.name) + ".npy")
                                               .toStdString();
            auto got = exec::readNpy(file);
            QVERIFY2(got.ok(),
                     qPrintable(what + ": " + QString::fromStdString(got ? "" : got.error().message)));
            const auto dev = test::deviation(got->data, want.at(o.name));
            QVERIFY2(dev.relativeL2 <= 1e-5 && dev.maxAbs <= 1e-4 * (1 + dev.maxRef),
                     qPrintable(what + ": output '" + QString::fromStdString(o.name) + "' relative L2 " +
                                QString::number(dev.relativeL2) + ", max |error| " +
                                QString::number(dev.maxAbs)));
        }

        // (b) bytes per device and frame: in a frame without steals, equal to the prediction; in a frame with
        // steals, the bytes sent by static producers are a part of the prediction, and every byte sent (plan
        // or steal) was received. (d) every task of the program ran exactly once per frame.
        auto program = partition::compile(m, plan, cluster);
        QVERIFY(program.ok());
        const auto cost = sim::planCost(*program, m.graph, cluster);
        static const QRegularExpression line("^  device '([^']+)': \\d+ tasks, compute [0-9.]+ ms, received "
                                             "(\\d+) B, sent (\\d+) B, peak RSS \\d+ "
                                             "B; ran tasks \\[([0-9 ]*)\\](, gave((?: \\d+->'[^']+')*))?(, "
                                             "steal bytes received (\\d+) B, sent "
                                             "(\\d+) B)?$");
        int devicesWithTasks = 0;
        for (const auto& d : cost.devices) {
            devicesWithTasks += d.tasks > 0 ? 1 : 0;
        }
        const int gatewayIdle = cost.devices[std::size_t(cluster.gateway)].tasks == 0 ? 1 : 0;
        struct Report {
            int device;
            std::int64_t in, out, stealIn, stealOut;
            QStringList tasks;
            int gave;
        };
        std::vector<std::vector<Report>> perFrame;
        for (const auto& text : ran.out.split('\n')) {
            if (text.startsWith("frame ")) {
                perFrame.emplace_back();
                continue;
            }
            const auto match = line.match(text);
            if (!match.hasMatch()) {
                continue;
            }
            QVERIFY2(!perFrame.empty(), qPrintable(text));
            const auto device = cluster.find(match.captured(1).toStdString());
            QVERIFY(device.has_value());
            perFrame.back().push_back(
                {int(*device), match.captured(2).toLongLong(), match.captured(3).toLongLong(),
                 match.captured(8).toLongLong(), match.captured(9).toLongLong(),
                 match.captured(4).split(' ', Qt::SkipEmptyParts), int(match.captured(6).count("->"))});
        }
        QCOMPARE(int(perFrame.size()), frames);
        steals = 0;
        for (const auto& reports : perFrame) {
            QCOMPARE(int(reports.size()), devicesWithTasks + gatewayIdle);
            std::vector<int> runs(program->tasks.size(), 0);
            int frameSteals = 0;
            std::int64_t sent = 0, received = 0;
            for (const auto& r : reports) {
                for (const auto& t : r.tasks) {
                    QVERIFY(t.toInt() >= 0 && t.toInt() < int(runs.size()));
                    ++runs[std::size_t(t.toInt())];
                }
                frameSteals += r.gave;
                sent += r.out + r.stealOut;
                received += r.in + r.stealIn;
            }
            for (std::size_t t = 0; t < runs.size(); ++t) {
                QVERIFY2(runs[t] == 1,
                         qPrintable(what + ": task " + QString::number(t) + " ran " +
                                    QString::number(runs[t]) + " times in a frame\n" + ran.out));
            }
            QCOMPARE(received, sent);
            for (const auto& r : reports) {
                const auto& predicted = cost.devices[std::size_t(r.device)];
                if (frameSteals == 0) {
                    QCOMPARE(r.in, predicted.receivedBytes);
                    QCOMPARE(r.out, predicted.sentBytes);
                    QCOMPARE(r.stealIn + r.stealOut, std::int64_t(0));
                } else {
                    QVERIFY(r.in <= predicted.receivedBytes && r.out <= predicted.sentBytes);
                }
            }
            steals += frameSteals;
        }
        qInfo("%s: %d frames, %lld B moved per frame as planned, %d tasks stolen, output equal",
              qPrintable(what), frames, static_cast<long long>(cost.trafficBytes), steals);
    }

    model::Model tinyYolo() {
        auto g = model::buildZooModel("tiny-yolov2");
        if (!g) {
            qFatal("%s", g.error().message.c_str());
        }
        return std::move(*g);
    }

    std::size_t node(const model::Graph& g, const std::string& name) {
        for (std::size_t i = 0; i < g.nodes.size(); ++i) {
            if (g.nodes[i].name == name) {
                return i;
            }
        }
        qFatal("no node %s", name.c_str());
    }

    partition::Stage tiles(const model::Graph& g, const std::string& from, const std::string& to, int grid,
                           int devices, bool reuse, bool steal) {
        partition::Stage s;
        s.kind = partition::StageKind::Tiles;
        s.first = node(g, from);
        s.last = node(g, to);
        const auto shape = g.value(g.nodes[s.last].outputs[0])->shape;
        s.rowCuts = partition::uniformCuts(shape[2], grid);
        s.colCuts = partition::uniformCuts(shape[3], grid);
        for (std::size_t t = 0; t < s.cells(); ++t) {
            s.devices.push_back(int(t) % devices);
        }
        s.reuse = reuse;
        s.stealing = steal;
        return s;
    }

    partition::Stage channels(const model::Graph& g, partition::StageKind kind, const std::string& from,
                              const std::string& to, int devices) {
        partition::Stage s;
        s.kind = kind;
        s.first = node(g, from);
        s.last = node(g, to);
        const auto channels = kind == partition::StageKind::Lop
                                  ? g.value(g.nodes[s.last].outputs[0])->shape[1]
                                  : g.value(g.nodes[s.first].inputs[0])->shape[1];
        s.channelCuts = partition::uniformCuts(channels, devices);
        for (int d = 0; d < devices; ++d) {
            s.devices.push_back((d + 1) % devices); // the gateway takes the last slice
        }
        return s;
    }

    // Stages in order; nodes between them run on the gateway.
    partition::Plan plan(const model::Graph& g, std::vector<partition::Stage> stages) {
        partition::Plan p;
        std::size_t next = 0;
        for (auto& s : stages) {
            if (s.first > next) {
                partition::Stage gap;
                gap.first = next;
                gap.last = s.first - 1;
                gap.devices = {0};
                p.stages.push_back(gap);
            }
            next = s.last + 1;
            p.stages.push_back(s);
        }
        if (next < g.nodes.size()) {
            partition::Stage rest;
            rest.first = next;
            rest.last = g.nodes.size() - 1;
            rest.devices = {0};
            p.stages.push_back(rest);
        }
        return p;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const auto m = tinyYolo();
        QVERIFY(model::saveOnnx(m.graph, m.opset, path("tiny-yolov2.onnx").toStdString(), "test").ok());
    }

    void tinyYoloTiles() {
        const auto m = tinyYolo();
        const auto& g = m.graph;
        const QString file = path("tiny-yolov2.onnx");
        runPlan(m, file, plan(g, {tiles(g, "conv_0", "maxpool_7", 2, 3, false, false)}), 3, 3, 2,
                "FTP 2x2 without reuse");
        runPlan(m, file, plan(g, {tiles(g, "conv_0", "conv_8_leaky", 3, 3, true, false)}), 3, 3, 2,
                "FTP 3x3 with data reuse");
        runPlan(m, file, plan(g, {tiles(g, "conv_0", "maxpool_7", 3, 2, true, true)}), 2, 2, 1,
                "FTP 3x3 with reuse and a stealing stage (devices of equal speed)");
    }

    // (e) work stealing: one device computes 8 times slower, so the others run out of their own tiles and
    // steal its pending ones; (a), (b) and (d) hold, and steals happened.
    void workStealing() {
        const auto m = tinyYolo();
        const auto& g = m.graph;
        const QString file = path("tiny-yolov2.onnx");
        int steals = runPlan(m, file, plan(g, {tiles(g, "conv_0", "maxpool_7", 3, 2, false, true)}), 2, 4, 2,
                             "FTP 3x3 stealing, rpi4-2 8x slower", {{"rpi4-2", {"--slowdown", "8"}}});
        QVERIFY2(steals > 0, "no task was stolen from the slow device");
        steals = runPlan(m, file, plan(g, {tiles(g, "conv_0", "conv_8_leaky", 3, 3, true, true)}), 3, 3, 2,
                         "FTP 3x3 with reuse, stealing, rpi4-3 8x slower", {{"rpi4-3", {"--slowdown", "8"}}});
        QVERIFY2(steals > 0, "no task was stolen from the slow device");
    }

    void tinyYoloChannelsAndStages() {
        const auto m = tinyYolo();
        const auto& g = m.graph;
        const QString file = path("tiny-yolov2.onnx");
        runPlan(m, file, plan(g, {channels(g, partition::StageKind::Lop, "conv_12", "conv_12_leaky", 3)}), 3,
                2, 2, "LOP");
        runPlan(m, file, plan(g, {channels(g, partition::StageKind::Lip, "conv_13", "conv_13_leaky", 3)}), 3,
                2, 2, "LIP");
        runPlan(m, file,
                plan(g, {tiles(g, "conv_0", "conv_8_leaky", 2, 3, true, false),
                         channels(g, partition::StageKind::Lop, "conv_10", "conv_10_leaky", 3),
                         channels(g, partition::StageKind::Lop, "conv_12", "conv_12_leaky", 3),
                         channels(g, partition::StageKind::Lip, "conv_13", "conv_13_leaky", 3)}),
                3, 4, 3, "multi-stage: FTP with reuse, LOP, LOP, LIP");
    }

    void randomCnnsAndPlans() {
        for (std::uint32_t seed : {3u, 11u}) {
            const QString file = path("random" + QString::number(seed) + ".onnx");
            test::randomCnn(seed).save(file.toStdString());
            auto m = model::loadModel(file.toStdString());
            QVERIFY(m.ok());
            for (std::uint32_t k = 0; k < 2; ++k) {
                const int devices = 2 + int(k);
                runPlan(*m, file, test::randomPlan(m->graph, devices, seed * 10 + k), devices, 2, 2,
                        "random CNN " + QString::number(seed) + ", random plan " + QString::number(k));
            }
        }
    }

    // Frames from a video (cluster-run --video): each frame its own input, looped; a file that is not a video
    // is refused before anything is sent.
    void videoFramesInTurn() {
        const auto m = tinyYolo();
        const auto& g = m.graph;
        auto cluster = cost::uniformCluster("rpi4", 2);
        const QString planPath = path("video-plan.json"), clusterPath = path("video-cluster.json");
        QVERIFY(cost::writeCluster(cluster, clusterPath.toStdString()).ok());
        QVERIFY(partition::writePlan(plan(g, {tiles(g, "conv_0", "maxpool_3", 2, 2, false, false)}), g,
                                     cluster, planPath.toStdString())
                    .ok());
        const QString bundles = path("video");
        auto bundled =
            run(binary("tessera"), {"bundle", path("tiny-yolov2.onnx"), planPath, clusterPath, "-o", bundles,
                                    "--endpoint", "rpi4-1=tcp://127.0.0.1:" + QString::number(freePort()),
                                    "--endpoint", "rpi4-2=tcp://127.0.0.1:" + QString::number(freePort())});
        QVERIFY2(bundled.exitCode == 0, qPrintable(bundled.err));
        const QString video = TESSERA_SOURCE_DIR "/tests/fixtures/video/red-green-blue-40x30.mkv";
        const QString notes = path("notes.mp4");
        QFile file(notes);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("not a video\n") > 0);
        file.close();

        auto nodes = startNodes(bundled.out.split('\n', Qt::SkipEmptyParts));
        const QString out = path("video-out.npy");
        auto ran = run(binary("tessera"), {"cluster-run", bundles, "--video", video, "--frames", "4", "-o",
                                           out, "--timeout", "60"});
        auto refused = run(binary("tessera"), {"cluster-run", bundles, "--video", notes, "--timeout", "10"});
        auto both = run(binary("tessera"), {"cluster-run", bundles, "--video", video, "-i", out});
        const QString logs = stopNodes(nodes);
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err + ran.out + "\nnode logs:\n" + logs));
        QCOMPARE(ran.out.count(QRegularExpression("^frame \\d+: ", QRegularExpression::MultilineOption)), 4);
        // the first frame is solid red: planes 1, 0, 0 at the input's size
        const auto& shape = g.inputs[0].shape;
        std::vector<float> red(std::size_t(model::elementCount(shape)), 0.f);
        std::fill_n(red.begin(), red.size() / 3, 1.f);
        const auto want = test::runWhole(m, {{g.inputs[0].name, red}});
        auto got = exec::readNpy(out.toStdString());
        QVERIFY(got.ok());
        const auto dev = test::deviation(got->data, want.at(g.outputs[0].name));
        QVERIFY2(dev.relativeL2 <= 1e-5, qPrintable(QString::number(dev.relativeL2)));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(notes + ": cannot open it as a video"), qPrintable(refused.err));
        QVERIFY2(both.exitCode != 0 && both.err.contains("excludes"), qPrintable(both.err));
    }

    // (c) a client with another key pair (the cluster id copied, the keys not) is refused.
    void wrongKeysRefused() {
        const auto m = tinyYolo();
        const auto& g = m.graph;
        auto cluster = cost::uniformCluster("rpi4", 2);
        const QString planPath = path("refused-plan.json"), clusterPath = path("refused-cluster.json");
        QVERIFY(cost::writeCluster(cluster, clusterPath.toStdString()).ok());
        QVERIFY(partition::writePlan(plan(g, {tiles(g, "conv_0", "maxpool_1", 2, 2, false, false)}), g,
                                     cluster, planPath.toStdString())
                    .ok());
        const QString bundles = path("refused");
        auto bundled =
            run(binary("tessera"), {"bundle", path("tiny-yolov2.onnx"), planPath, clusterPath, "-o", bundles,
                                    "--endpoint", "rpi4-1=tcp://127.0.0.1:" + QString::number(freePort()),
                                    "--endpoint", "rpi4-2=tcp://127.0.0.1:" + QString::number(freePort())});
        QVERIFY2(bundled.exitCode == 0, qPrintable(bundled.err));
        auto keys = net::readKeys((bundles + "/cluster.key").toStdString());
        QVERIFY(keys.ok());
        auto stranger = net::generateClusterKeys();
        QVERIFY(stranger.ok());
        stranger->clusterId = keys->clusterId;
        QVERIFY(net::writeKeys(*stranger, (bundles + "/cluster.key").toStdString()).ok());
        const QString inputPath = path("refused-input.npy");
        const auto inputs = test::sampleInputs(g);
        QVERIFY(exec::writeNpy(inputPath.toStdString(), g.inputs[0].shape, inputs.begin()->second).ok());

        auto nodes = startNodes(bundled.out.split('\n', Qt::SkipEmptyParts));
        auto ran = run(binary("tessera"), {"cluster-run", bundles, "-i", inputPath, "--timeout", "10"});
        const QString logs = stopNodes(nodes);
        QCOMPARE(ran.exitCode, 1);
        QVERIFY2(ran.err.contains("refused the connection") &&
                     ran.err.contains("failed the encrypted handshake"),
                 qPrintable(ran.err));
        QVERIFY2(!logs.contains("DID NOT END CLEANLY"), qPrintable(logs));

        // the same bundle with the cluster's keys back works: the refusal was the keys' doing
        QVERIFY(net::writeKeys(*keys, (bundles + "/cluster.key").toStdString()).ok());
        nodes = startNodes(bundled.out.split('\n', Qt::SkipEmptyParts));
        ran = run(binary("tessera"), {"cluster-run", bundles, "-i", inputPath, "--timeout", "30"});
        stopNodes(nodes);
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
    }
};

QTEST_GUILESS_MAIN(TestClusterRun)
#include "test_cluster_run.moc"
