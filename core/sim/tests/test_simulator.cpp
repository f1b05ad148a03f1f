// The event-driven simulator against timelines computed by hand. Most programs here are built by hand: every
// value is a 1-D float vector, a task of `w` seconds is one Relu over w elements, and the test devices run
// 8 activation bytes per second with no node overhead (so w elements of Relu take w seconds) and have
// 32 bit/s links (so one element, 4 bytes, takes 1 s on a link).

#include <QtTest>

#include "core/model/model.h"
#include "core/sim/plan_cost.h"
#include "core/sim/simulator.h"
#include "support/random_plans.h"

using namespace tessera;
using partition::Program;
using partition::Range;
using partition::Region;
using sim::SimResult;

namespace {

cost::Cluster testCluster(int count, double latency = 0) {
    cost::Cluster c;
    for (int i = 0; i < count; ++i) {
        cost::Device d;
        d.name = std::string(1, char('a' + i));
        d.memoryBytes = 1 << 20;
        d.macsPerSecond = 1;
        d.bytesPerSecond = 8;
        d.nodeOverheadSeconds = 0;
        d.linkBitsPerSecond = 32;
        d.linkLatencySeconds = latency;
        c.devices.push_back(d);
    }
    return c;
}

Region vec(std::int64_t begin, std::int64_t end) {
    return Region{{Range{begin, end}}};
}

struct Part {
    int piece = -1;
    std::int64_t begin = 0, end = 0;
};

// Builds a Program by hand.
class Hand {
public:
    Program program;

    // A graph input of n elements, on the gateway from the start.
    int input(std::int64_t n) { return piece(-1, n); }

    // A task of `seconds` seconds on the test devices reading the given parts and producing pieces of the
    // given sizes; returns the task index (its pieces are outputs(task)).
    int task(int stage, int device, std::int64_t seconds, const std::vector<Part>& reads,
             const std::vector<std::int64_t>& outputs, bool stealable = false) {
        partition::Task t;
        t.stage = stage;
        t.device = device;
        t.stealable = stealable;
        const model::Shape shape{seconds};
        t.graph.values["x"] = {"x", model::DType::Float32, shape};
        t.graph.values["y"] = {"y", model::DType::Float32, shape};
        t.graph.nodes.push_back({"relu", "Relu", "", {"x"}, {"y"}, {}});
        t.work = sim::taskWork(t.graph);
        for (const Part& r : reads) {
            t.inputs.push_back({"in", "v", vec(r.begin, r.end), {{r.piece, vec(r.begin, r.end)}}});
        }
        const int id = int(program.tasks.size());
        program.tasks.push_back(std::move(t));
        for (std::int64_t n : outputs) {
            program.tasks.back().outputs.push_back(piece(id, n));
        }
        return id;
    }
    int output(int task, std::size_t k = 0) const { return program.tasks[std::size_t(task)].outputs[k]; }

    // A graph output assembled at the gateway from one whole piece.
    void result(int piece) {
        const Region r = program.pieces[std::size_t(piece)].region;
        program.results.push_back({"out", "v", r, {{piece, r}}});
    }

private:
    int piece(int task, std::int64_t n) {
        program.pieces.push_back({"v" + std::to_string(program.pieces.size()), vec(0, n), task, "v"});
        return int(program.pieces.size()) - 1;
    }
};

} // namespace

namespace QTest {
template <> char* toString(const sim::TaskEvent& e) {
    return qstrdup(
        QString::asprintf("{frame %d, task %d, device %d, %g..%g}", e.frame, e.task, e.device, e.start, e.end)
            .toUtf8());
}
template <> char* toString(const sim::TransferEvent& e) {
    return qstrdup(QString::asprintf("{frame %d, piece %d, task %d, %d->%d, %lld B, %g..%g}", e.frame,
                                     e.piece, e.task, e.from, e.to, static_cast<long long>(e.bytes), e.start,
                                     e.end)
                       .toUtf8());
}
} // namespace QTest

namespace tessera::sim {
bool operator==(const TaskEvent& a, const TaskEvent& b) {
    return a.frame == b.frame && a.task == b.task && a.device == b.device && a.start == b.start &&
           a.end == b.end;
}
bool operator==(const TransferEvent& a, const TransferEvent& b) {
    return a.frame == b.frame && a.piece == b.piece && a.task == b.task && a.from == b.from && a.to == b.to &&
           a.bytes == b.bytes && a.start == b.start && a.end == b.end;
}
} // namespace tessera::sim

class TestSimulator : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    // a (gateway) sends 2 elements to b, b computes 3 s, sends 1 element back. Latency 0.5 s per link, so
    // 1 s per transfer, plus 2 s and 1 s of bytes.
    void twoDevicesOneTransfer() {
        Hand h;
        const int x = h.input(2);
        const int t = h.task(0, 1, 3, {{x, 0, 2}}, {1});
        h.result(h.output(t));
        const auto cluster = testCluster(2, 0.5);
        const SimResult r = sim::simulate(h.program, cluster);
        QCOMPARE(r.transfers.size(), std::size_t(2));
        QCOMPARE(r.transfers[0], (sim::TransferEvent{0, x, t, 0, 1, 8, 0, 3}));
        QCOMPARE(r.tasks.size(), std::size_t(1));
        QCOMPARE(r.tasks[0], (sim::TaskEvent{0, t, 1, 3, 6}));
        QCOMPARE(r.transfers[1], (sim::TransferEvent{0, h.output(t), -1, 1, 0, 4, 6, 8}));
        QCOMPARE(r.frameLatency, std::vector<double>{8});
        QCOMPARE(r.makespan, 8.0);
        QCOMPARE(r.throughput, 1.0 / 8);
        QCOMPARE(r.deviceBusySeconds, (std::vector<double>{0, 3}));
        QCOMPARE(r.deviceSentBytes, (std::vector<std::int64_t>{8, 4}));
        QCOMPARE(r.deviceReceivedBytes, (std::vector<std::int64_t>{4, 8}));
        QCOMPARE(QString::fromStdString(sim::ganttText(r, h.program, cluster, 8)),
                 QString("time 0 .. 8.00 s, 1.00 s per column\n"
                         "a      |........|\n"
                         "b      |...000..|\n"
                         "a up   |~~~.....|\n"
                         "a down |......~~|\n"
                         "b up   |......~~|\n"
                         "b down |~~~.....|\n"));
    }

    // a sends 4 elements to b and to c: both leave through a's uplink, so the second waits 4 s. The reply
    // from b to a runs meanwhile (a's downlink is free: links are full duplex).
    void transfersContendForOneUplink() {
        Hand h;
        const int x = h.input(4);
        const int tb = h.task(0, 1, 1, {{x, 0, 4}}, {1});
        const int tc = h.task(0, 2, 1, {{x, 0, 4}}, {1});
        h.result(h.output(tb));
        h.result(h.output(tc));
        const SimResult r = sim::simulate(h.program, testCluster(3));
        QCOMPARE(r.transfers.size(), std::size_t(4));
        QCOMPARE(r.transfers[0], (sim::TransferEvent{0, x, tb, 0, 1, 16, 0, 4}));
        QCOMPARE(r.transfers[1], (sim::TransferEvent{0, x, tc, 0, 2, 16, 4, 8}));
        QCOMPARE(r.transfers[2], (sim::TransferEvent{0, h.output(tb), -1, 1, 0, 4, 5, 6}));
        QCOMPARE(r.transfers[3], (sim::TransferEvent{0, h.output(tc), -1, 2, 0, 4, 9, 10}));
        QCOMPARE(r.tasks[0], (sim::TaskEvent{0, tb, 1, 4, 5}));
        QCOMPARE(r.tasks[1], (sim::TaskEvent{0, tc, 2, 8, 9}));
        QCOMPARE(r.frameLatency, std::vector<double>{10});
    }

    // a -> b and c -> d share no link: under the star they run together, on a shared medium one after the
    // other (and the results queue behind them).
    void sharedMediumSerialisesDisjointPairs() {
        Hand h;
        const int ta = h.task(0, 0, 1, {}, {2});
        const int tc = h.task(0, 2, 1, {}, {2});
        const int tb = h.task(1, 1, 1, {{h.output(ta), 0, 2}}, {1});
        const int td = h.task(1, 3, 1, {{h.output(tc), 0, 2}}, {1});
        h.result(h.output(tb));
        h.result(h.output(td));
        auto cluster = testCluster(4);

        const SimResult star = sim::simulate(h.program, cluster);
        QCOMPARE(star.transfers[0], (sim::TransferEvent{0, h.output(ta), tb, 0, 1, 8, 1, 3}));
        QCOMPARE(star.transfers[1], (sim::TransferEvent{0, h.output(tc), td, 2, 3, 8, 1, 3}));
        QCOMPARE(star.transfers[2], (sim::TransferEvent{0, h.output(tb), -1, 1, 0, 4, 4, 5}));
        QCOMPARE(star.transfers[3], (sim::TransferEvent{0, h.output(td), -1, 3, 0, 4, 5, 6})); // a's downlink
        QCOMPARE(star.frameLatency, std::vector<double>{6});

        cluster.sharedMedium = true;
        cluster.mediumBitsPerSecond = 32;
        const SimResult medium = sim::simulate(h.program, cluster);
        QCOMPARE(medium.transfers[0], (sim::TransferEvent{0, h.output(ta), tb, 0, 1, 8, 1, 3}));
        QCOMPARE(medium.transfers[1], (sim::TransferEvent{0, h.output(tc), td, 2, 3, 8, 3, 5}));
        QCOMPARE(medium.transfers[2], (sim::TransferEvent{0, h.output(tb), -1, 1, 0, 4, 5, 6}));
        QCOMPARE(medium.transfers[3], (sim::TransferEvent{0, h.output(td), -1, 3, 0, 4, 6, 7}));
        QCOMPARE(medium.tasks[3], (sim::TaskEvent{0, td, 3, 5, 6}));
        QCOMPARE(medium.frameLatency, std::vector<double>{7});
        QCOMPARE(QString::fromStdString(sim::ganttText(medium, h.program, cluster, 7)),
                 QString("time 0 .. 7.00 s, 1.00 s per column\n"
                         "a      |0......|\n"
                         "b      |...1...|\n"
                         "c      |0......|\n"
                         "d      |.....1.|\n"
                         "medium |.~~~~~~|\n"));
    }

    // Stage 0 (2 s) on a, stage 1 (3 s) on b, 1-element transfers of 1 s, 4 frames at once: frames leave b
    // every 3 s (the slower stage), frame k completes at 7 + 3k.
    void pipelineOfTwoStages() {
        Hand h;
        const int x = h.input(1);
        const int s0 = h.task(0, 0, 2, {{x, 0, 1}}, {1});
        const int s1 = h.task(1, 1, 3, {{h.output(s0), 0, 1}}, {1});
        h.result(h.output(s1));
        const auto cluster = testCluster(2);
        const SimResult r = sim::simulate(h.program, cluster, {4, 0});
        QCOMPARE(r.frameLatency, (std::vector<double>{7, 10, 13, 16}));
        QCOMPARE(r.throughput, 4.0 / 16);
        QCOMPARE(r.makespan, 16.0);
        QCOMPARE(r.deviceBusySeconds, (std::vector<double>{8, 12}));
        QCOMPARE(r.tasks.size(), std::size_t(8));
        QCOMPARE(r.tasks[3], (sim::TaskEvent{2, s0, 0, 4, 6}));
        QCOMPARE(r.tasks[5], (sim::TaskEvent{1, s1, 1, 6, 9})); // frame 1 waited 1 s on b for frame 0
        QCOMPARE(r.tasks[7], (sim::TaskEvent{3, s1, 1, 12, 15}));
        QCOMPARE(r.deviceSentBytes, (std::vector<std::int64_t>{16, 16}));
        // frames every 4 s (slower than the pipeline): nothing queues, every frame takes 2 + 1 + 3 + 1 s
        const SimResult paced = sim::simulate(h.program, cluster, {4, 4});
        QCOMPARE(paced.frameLatency, (std::vector<double>{7, 7, 7, 7}));
        QCOMPARE(paced.throughput, 4.0 / 19);
    }

    // Five 3 s tiles, four assigned to a (the gateway, holding the input) and one to b. Without stealing a
    // runs its four in 12 s; with stealing b, done with its own at 4 s, takes a's third one, pulling its
    // 1-element input from a then, and the frame ends at 9 s.
    void workStealingShortensTheMakespan() {
        for (bool stealing : {false, true}) {
            Hand h;
            const int x = h.input(5);
            std::vector<int> tiles;
            for (int i = 0; i < 5; ++i) {
                tiles.push_back(h.task(0, i < 4 ? 0 : 1, 3, {{x, i, i + 1}}, {1}, stealing));
                h.result(h.output(tiles.back()));
            }
            const SimResult r = sim::simulate(h.program, testCluster(2));
            if (!stealing) {
                QCOMPARE(r.frameLatency, std::vector<double>{12});
                QCOMPARE(r.tasks[4], (sim::TaskEvent{0, tiles[3], 0, 9, 12}));
                continue;
            }
            QCOMPARE(r.frameLatency, std::vector<double>{9});
            QCOMPARE(r.makespan, 9.0);
            QCOMPARE(r.tasks.size(), std::size_t(5));
            QCOMPARE(r.tasks[0], (sim::TaskEvent{0, tiles[0], 0, 0, 3}));
            QCOMPARE(r.tasks[1], (sim::TaskEvent{0, tiles[4], 1, 1, 4}));
            QCOMPARE(r.tasks[2], (sim::TaskEvent{0, tiles[1], 0, 3, 6}));
            QCOMPARE(r.tasks[3], (sim::TaskEvent{0, tiles[2], 1, 5, 8}));
            QCOMPARE(r.tasks[4], (sim::TaskEvent{0, tiles[3], 0, 6, 9}));
            QCOMPARE(r.transfers.size(), std::size_t(4));
            QCOMPARE(r.transfers[0], (sim::TransferEvent{0, x, tiles[4], 0, 1, 4, 0, 1}));
            QCOMPARE(r.transfers[1], (sim::TransferEvent{0, h.output(tiles[4]), -1, 1, 0, 4, 4, 5}));
            QCOMPARE(r.transfers[2],
                     (sim::TransferEvent{0, x, tiles[2], 0, 1, 4, 4, 5})); // pulled at the steal
            QCOMPARE(r.transfers[3], (sim::TransferEvent{0, h.output(tiles[2]), -1, 1, 0, 4, 8, 9}));
        }
    }

    // Three tiles assigned to a, one to b: b runs its own tile first although a has more left, then steals
    // a's last one when it is free.
    void ownTilesBeforeStolenOnes() {
        Hand h;
        const int x = h.input(4);
        std::vector<int> tiles;
        for (int i = 0; i < 4; ++i) {
            tiles.push_back(h.task(0, i < 3 ? 0 : 1, 3, {{x, i, i + 1}}, {1}, true));
            h.result(h.output(tiles.back()));
        }
        const SimResult r = sim::simulate(h.program, testCluster(2));
        QCOMPARE(r.tasks.size(), std::size_t(4));
        QCOMPARE(r.tasks[0], (sim::TaskEvent{0, tiles[0], 0, 0, 3}));
        QCOMPARE(r.tasks[1], (sim::TaskEvent{0, tiles[3], 1, 1, 4}));
        QCOMPARE(r.tasks[2], (sim::TaskEvent{0, tiles[1], 0, 3, 6}));
        QCOMPARE(r.tasks[3], (sim::TaskEvent{0, tiles[2], 1, 5, 8}));
        QCOMPARE(r.frameLatency, std::vector<double>{9});
    }

    // The tiles read a piece that a produced (not the gateway g): stolen tiles pull it from a. Three tiles
    // are assigned to a and one to b; the gateway has none, so it does not steal. At 5 s (the piece appears)
    // a starts its first tile and b pulls its own; at 9 s b takes a's last one, pulling it from a, not from
    // g.
    void stolenTilesPullFromTheHolder() {
        Hand h;
        const int x = h.input(4);
        const int s = h.task(0, 1, 1, {{x, 0, 4}}, {4});
        std::vector<int> tiles;
        for (int i = 0; i < 4; ++i) {
            tiles.push_back(h.task(1, i < 3 ? 1 : 2, 3, {{h.output(s), i, i + 1}}, {1}, true));
            h.result(h.output(tiles.back()));
        }
        const SimResult r = sim::simulate(h.program, testCluster(3));
        QCOMPARE(r.tasks.size(), std::size_t(5));
        QCOMPARE(r.tasks[0], (sim::TaskEvent{0, s, 1, 4, 5}));
        QCOMPARE(r.tasks[1], (sim::TaskEvent{0, tiles[0], 1, 5, 8}));
        QCOMPARE(r.tasks[2], (sim::TaskEvent{0, tiles[3], 2, 6, 9}));
        QCOMPARE(r.tasks[3], (sim::TaskEvent{0, tiles[1], 1, 8, 11}));
        QCOMPARE(r.tasks[4], (sim::TaskEvent{0, tiles[2], 2, 10, 13}));
        const int q = h.output(s);
        QCOMPARE(r.transfers[1], (sim::TransferEvent{0, q, tiles[3], 1, 2, 4, 5, 6}));
        QCOMPARE(r.transfers[4], (sim::TransferEvent{0, q, tiles[2], 1, 2, 4, 9, 10})); // stolen: from a
        QCOMPARE(r.frameLatency, std::vector<double>{14});
        for (const auto& t : r.tasks) {
            QVERIFY(t.device != 0); // the gateway has no tile of the stage
        }
    }

    // A compiled plan with data reuse: x[1,2,8,8] -> conv3x3(4) -> relu -> conv3x3(4) -> relu, cut into two
    // columns at 4. The odd tile (schedule 1, on b) fetches column 3 of the first relu's output from the even
    // tile (on a): it cannot start before that strip arrives, which leaves a when the even tile ends.
    void dataReuseTilesWaitForTheirStrips() {
        test::OnnxBuilder b;
        b.input("x", {std::int64_t(1), std::int64_t(2), std::int64_t(8), std::int64_t(8)});
        for (const std::string k : {"1", "2"}) {
            const std::int64_t in = k == "1" ? 2 : 4;
            b.weights("w" + k, {4, in, 3, 3}, std::vector<float>(std::size_t(4 * in * 9), 0.1f));
            auto& conv = b.node("Conv", {k == "1" ? "x" : "r1", "w" + k}, {"c" + k});
            test::OnnxBuilder::setInts(conv, "pads", {1, 1, 1, 1});
            b.node("Relu", {"c" + k}, {"r" + k});
        }
        b.output("r2");
        const std::string path = m_dir.filePath("reuse.onnx").toStdString();
        b.save(path);
        auto m = model::loadModel(path);
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
        auto cluster = cost::uniformCluster("rpi4", 2);
        for (auto& d : cluster.devices) {
            d.linkLatencySeconds = 1e-5; // so the x transfer on the same link ends before the even tile
        }
        partition::Plan plan;
        partition::Stage tiles;
        tiles.kind = partition::StageKind::Tiles;
        tiles.first = 0;
        tiles.last = 3;
        tiles.colCuts = {4};
        tiles.devices = {0, 1};
        tiles.reuse = true;
        plan.stages = {tiles};
        auto program = partition::compile(*m, plan, cluster);
        QVERIFY2(program.ok(), program.ok() ? "" : program.error().message.c_str());
        QCOMPARE(program->tasks.size(), std::size_t(2));
        QCOMPARE(program->tasks[1].schedule, 1);

        const SimResult r = sim::simulate(*program, cluster);
        QCOMPARE(r.tasks.size(), std::size_t(2));
        const sim::TaskEvent even = r.tasks[0], odd = r.tasks[1];
        QCOMPARE(even.task, 0);
        QCOMPARE(odd.task, 1);
        QCOMPARE(even.start, 0.0);
        QCOMPARE(even.end, sim::taskSeconds(program->tasks[0], cluster.devices[0]));
        // inputs of the odd tile: x columns [3, 8) from the gateway at 0, then the strip (4 channels x 8 rows
        // x 1 column = 128 bytes) from the even tile when it ends
        std::vector<sim::TransferEvent> in;
        for (const auto& t : r.transfers) {
            if (t.task == 1) {
                in.push_back(t);
            }
        }
        QCOMPARE(in.size(), std::size_t(2));
        QCOMPARE(in[0].bytes, std::int64_t(2 * 8 * 5 * 4));
        QCOMPARE(in[0].start, 0.0);
        QCOMPARE(in[1].bytes, std::int64_t(4 * 8 * 1 * 4));
        QCOMPARE(in[1].from, 0);
        QVERIFY(in[0].end < even.end);
        QCOMPARE(in[1].start, even.end);
        const double link =
            2 * cluster.devices[0].linkLatencySeconds + 128 * 8 / cluster.devices[0].linkBitsPerSecond;
        QCOMPARE(in[1].end, even.end + link);
        QCOMPARE(odd.start, in[1].end);
        QCOMPARE(odd.end, odd.start + sim::taskSeconds(program->tasks[1], cluster.devices[1]));

        // the simulated bytes of a frame are the plan's static traffic
        const auto costs = sim::planCost(*program, m->graph, cluster);
        std::int64_t simulated = 0;
        for (const auto& t : r.transfers) {
            simulated += t.bytes;
        }
        QCOMPARE(simulated, costs.trafficBytes);
        QCOMPARE(r.deviceSentBytes[1], costs.devices[1].sentBytes);
    }
    // Random plans of every kind on random CNNs, 3 frames, star and shared medium: every task runs once per
    // frame, after its producers and its transfers; devices and links do one thing at a time; without work
    // stealing the bytes moved are the plan's static traffic per frame; the run is deterministic.
    void randomPlansKeepTheInvariants() {
        const int frames = 3;
        int stolen = 0;
        for (std::uint32_t seed = 1; seed <= 24; ++seed) {
            const std::string path = m_dir.filePath(QString("random%1.onnx").arg(seed)).toStdString();
            test::randomCnn(seed).save(path);
            auto m = model::loadModel(path);
            QVERIFY(m.ok());
            auto cluster = cost::uniformCluster(seed % 2 ? "rpi4" : "rpi3b", 3);
            cluster.gateway = int(seed % 3);
            cluster.sharedMedium = seed % 4 == 0;
            cluster.mediumBitsPerSecond = 54e6;
            auto program = partition::compile(*m, test::randomPlan(m->graph, 3, seed), cluster);
            QVERIFY2(program.ok(), program.ok() ? "" : program.error().message.c_str());
            const SimResult r = sim::simulate(*program, cluster, {frames, 0});
            const std::size_t n = program->tasks.size();
            QCOMPARE(r.tasks.size(), frames * n);
            std::map<std::pair<int, int>, sim::TaskEvent> ran; // (frame, task)
            for (const auto& t : r.tasks) {
                QVERIFY(ran.insert({{t.frame, t.task}, t}).second);
                stolen += t.device != program->tasks[std::size_t(t.task)].device;
                QCOMPARE(t.end - t.start, sim::taskSeconds(program->tasks[std::size_t(t.task)],
                                                           cluster.devices[std::size_t(t.device)]));
            }
            for (const auto& [key, t] : ran) {
                for (const auto& input : program->tasks[std::size_t(t.task)].inputs) {
                    for (const auto& s : input.sources) {
                        const int producer = program->pieces[std::size_t(s.piece)].task;
                        QVERIFY(producer < 0 || ran.at({t.frame, producer}).end <= t.start);
                    }
                }
            }
            std::map<std::pair<int, int>, std::vector<std::pair<double, double>>> busy; // (device|link, kind)
            std::int64_t bytes = 0;
            for (const auto& t : r.transfers) {
                QVERIFY(t.task < 0 || t.end <= ran.at({t.frame, t.task}).start);
                QVERIFY(t.task < 0 || t.to == ran.at({t.frame, t.task}).device);
                QVERIFY(t.from != t.to);
                busy[cluster.sharedMedium ? std::make_pair(-1, 0) : std::make_pair(t.from, 1)].push_back(
                    {t.start, t.end});
                if (!cluster.sharedMedium) {
                    busy[{t.to, 2}].push_back({t.start, t.end});
                }
                bytes += t.bytes;
            }
            for (const auto& t : r.tasks) {
                busy[{t.device, 0}].push_back({t.start, t.end});
            }
            for (auto& [key, spans] : busy) {
                std::sort(spans.begin(), spans.end());
                for (std::size_t i = 1; i < spans.size(); ++i) {
                    QVERIFY(spans[i - 1].second <= spans[i].first);
                }
            }
            const bool stealing = std::any_of(program->tasks.begin(), program->tasks.end(),
                                              [](const partition::Task& t) { return t.stealable; });
            if (!stealing) {
                QCOMPARE(bytes, frames * sim::planCost(*program, m->graph, cluster).trafficBytes);
            }
            for (double latency : r.frameLatency) {
                QVERIFY(latency > 0 && latency <= r.makespan);
            }
            const SimResult again = sim::simulate(*program, cluster, {frames, 0});
            QCOMPARE(again.tasks.size(), r.tasks.size());
            QVERIFY(std::equal(r.tasks.begin(), r.tasks.end(), again.tasks.begin()));
            QCOMPARE(again.frameLatency, r.frameLatency);
        }
        QVERIFY(stolen > 0); // some plans had work stealing, and some tiles ran elsewhere
    }
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "test_simulator.moc"
