// Runtime descriptions (bundle.h) of a work-stealing stage: what describeNode gives each device, that
// node.json keeps it (the gateway's also each worker's tasks), and that a description naming devices the
// cluster does not have is refused.

#include <QtTest>

#include <algorithm>

#include "core/model/zoo.h"
#include "core/net/bundle.h"
#include "core/partition/plan.h"

using namespace tessera;

namespace {

// tiny-yolov2 with conv_0..maxpool_3 in 2x2 tiles over two devices (stealing as asked), the rest on device 0.
partition::Program stealingProgram(const model::Model& m, const cost::Cluster& cluster, bool steal) {
    const auto& g = m.graph;
    auto index = [&](const std::string& name) {
        for (std::size_t i = 0; i < g.nodes.size(); ++i) {
            if (g.nodes[i].name == name) {
                return i;
            }
        }
        qFatal("no node %s", name.c_str());
    };
    partition::Stage tiles;
    tiles.kind = partition::StageKind::Tiles;
    tiles.first = 0;
    tiles.last = index("maxpool_3");
    const auto shape = g.value(g.nodes[tiles.last].outputs[0])->shape;
    tiles.rowCuts = partition::uniformCuts(shape[2], 2);
    tiles.colCuts = partition::uniformCuts(shape[3], 2);
    tiles.devices = {0, 1, 0, 1};
    tiles.stealing = steal;
    partition::Stage rest;
    rest.first = tiles.last + 1;
    rest.last = g.nodes.size() - 1;
    rest.devices = {0};
    partition::Plan plan;
    plan.stages = {tiles, rest};
    auto program = partition::compile(m, plan, cluster);
    if (!program) {
        qFatal("%s", program.error().message.c_str());
    }
    return std::move(*program);
}

} // namespace

class TestNodeDescription : public QObject {
    Q_OBJECT

    model::Model m_model;
    cost::Cluster m_cluster = cost::uniformCluster("rpi4", 2);
    std::vector<std::string> m_endpoints{"tcp://127.0.0.1:7700", "tcp://127.0.0.1:7701"};

private slots:
    void initTestCase() {
        auto g = model::buildZooModel("tiny-yolov2");
        QVERIFY(g.ok());
        m_model = std::move(*g);
    }

    void stealingStageDescribesEveryTaskOfTheStage() {
        const auto program = stealingProgram(m_model, m_cluster, true);
        const auto worker = net::describeNode(program, m_model.graph, m_cluster, m_endpoints, "c", 1);
        // the worker may run all four tiles; two are its own, two the gateway's
        QCOMPARE(int(worker.tasks.size()), 4);
        QCOMPARE(std::count_if(worker.tasks.begin(), worker.tasks.end(),
                               [](const net::TaskSpec& t) { return t.device == 1; }),
                 2);
        for (const auto& t : worker.tasks) {
            QVERIFY(t.stealable);
            for (int piece : t.outputs) { // it can deliver whatever it steals
                QVERIFY(std::any_of(worker.pieces.begin(), worker.pieces.end(),
                                    [&](const net::PieceSpec& p) { return p.id == piece; }));
            }
        }
        // the gateway's next stage reads tile outputs: either device may send them, the static one first
        const auto gateway = net::describeNode(program, m_model.graph, m_cluster, m_endpoints, "c", 0);
        int checked = 0;
        for (const auto& t : gateway.tasks) {
            for (const auto& in : t.inputs) {
                for (const auto& s : in.sources) {
                    const int producer = program.pieceDevice(s.piece);
                    if (program.pieces[std::size_t(s.piece)].task >= 0 && t.stage == 1) {
                        QCOMPARE(s.senders.front(), producer);
                        QCOMPARE(int(s.senders.size()), 2);
                        ++checked;
                    }
                }
            }
        }
        QVERIFY(checked >= 4);
    }

    void staticStageDescribesOwnTasksOnly() {
        const auto program = stealingProgram(m_model, m_cluster, false);
        const auto worker = net::describeNode(program, m_model.graph, m_cluster, m_endpoints, "c", 1);
        QCOMPARE(int(worker.tasks.size()), 2);
        for (const auto& t : worker.tasks) {
            QCOMPARE(t.device, 1);
            for (const auto& in : t.inputs) {
                for (const auto& s : in.sources) {
                    QCOMPARE(s.senders, std::vector<int>{0}); // the graph input, from the gateway
                }
            }
        }
    }

    void jsonKeepsAssignmentSendersAndTelemetry() {
        const auto program = stealingProgram(m_model, m_cluster, true);
        auto d = net::describeNode(program, m_model.graph, m_cluster, m_endpoints, "c", 0);
        d.telemetry = "tcp://127.0.0.1:7799";
        auto back = net::parseDescription(net::descriptionToJson(d), "node.json");
        QVERIFY2(back.ok(), back ? "" : back.error().message.c_str());
        QCOMPARE(back->telemetry, d.telemetry);
        // the gateway knows every task of its worker (tiles 1 and 3: what it would re-run were it to die)
        QCOMPARE(d.reporting, std::vector<int>{1});
        QCOMPARE(d.reportingTasks, (std::vector<std::vector<int>>{{1, 3}}));
        QCOMPARE(back->reportingTasks, d.reportingTasks);
        auto mismatched = d;
        mismatched.reportingTasks.push_back({});
        auto refused = net::parseDescription(net::descriptionToJson(mismatched), "node.json");
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.find("\"reporting_tasks\" has 2 lists") != std::string::npos,
                 refused.error().message.c_str());
        QCOMPARE(back->tasks.size(), d.tasks.size());
        for (std::size_t t = 0; t < d.tasks.size(); ++t) {
            QCOMPARE(back->tasks[t].device, d.tasks[t].device);
            for (std::size_t k = 0; k < d.tasks[t].inputs.size(); ++k) {
                for (std::size_t s = 0; s < d.tasks[t].inputs[k].sources.size(); ++s) {
                    QCOMPARE(back->tasks[t].inputs[k].sources[s].senders,
                             d.tasks[t].inputs[k].sources[s].senders);
                }
            }
        }
    }

    void devicesOutsideTheClusterRefused() {
        const auto program = stealingProgram(m_model, m_cluster, true);
        auto d = net::describeNode(program, m_model.graph, m_cluster, m_endpoints, "c", 1);
        auto badSender = d;
        badSender.tasks[0].inputs[0].sources[0].senders = {0, 2};
        auto parsed = net::parseDescription(net::descriptionToJson(badSender), "node.json");
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message.find("names a sender that is not a device") != std::string::npos,
                 parsed.error().message.c_str());
        auto badDevice = d;
        badDevice.tasks[0].device = 5;
        parsed = net::parseDescription(net::descriptionToJson(badDevice), "node.json");
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message.find("is assigned to device 5") != std::string::npos,
                 parsed.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestNodeDescription)
#include "test_node_description.moc"
