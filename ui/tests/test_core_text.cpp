// The translations of the core's messages (ui/core_text): real messages of the Qt-free core (plan
// problems, over-budget lines, the optimizer, the model loader, cluster files, the deployer's connection
// errors) are each matched by the catalogue's templates, so a change of the core's wording fails here naming
// the message; with the German translator installed they come out German with their names and sizes
// unchanged; unknown messages and unknown parts pass through as the core wrote them.

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <set>
#include <utility>
#include <vector>

#include "core/cost/cluster.h"
#include "core/model/model.h"
#include "core/optimize/candidates.h"
#include "core/optimize/checked.h"
#include "core/optimize/dp.h"
#include "core/partition/plan.h"
#include "core/partition/program.h"
#include "core/sim/plan_cost.h"
#include "deployer/remote_device.h"
#include "ui/core_text.h"
#include "ui/language.h"

using namespace tessera;
using namespace tessera::ui;
using partition::StageKind;

namespace {

// conv relu pool conv relu, a concat of the pool and the second relu (so the pool's output leaves a stage
// ending at the second conv), a fully connected layer and a softmax.
constexpr const char* kBranchyCnn = R"([net]
width=32
height=32
channels=3

[convolutional]
filters=8
size=3
stride=1
pad=1
activation=relu

[maxpool]
size=2
stride=2

[convolutional]
filters=8
size=3
stride=1
pad=1
activation=relu

[route]
layers=-1,-2

[connected]
output=10
activation=linear

[softmax]
)";

// Names, quoted values and numbers of an English message, which its translation must keep.
QStringList argumentsOf(const QString& message) {
    static const QRegularExpression token(QStringLiteral(R"((?<!\w)'[^'\n]*'(?!\w)|\d+(?:\.\d+)?)"));
    QStringList tokens;
    for (auto it = token.globalMatch(message); it.hasNext();) {
        tokens << it.next().captured();
    }
    return tokens;
}

} // namespace

class TestCoreText : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    model::Model m_model;
    cost::Cluster m_cluster;
    // (where the message came from, the core's message)
    std::vector<std::pair<QString, QString>> m_messages;

    std::size_t nodeOf(const char* opType, int occurrence = 0) const {
        for (std::size_t i = 0; i < m_model.graph.nodes.size(); ++i) {
            if (m_model.graph.nodes[i].opType == opType && occurrence-- == 0) {
                return i;
            }
        }
        qFatal("no %s in the test model", opType);
    }

    void add(const char* where, const std::string& message) {
        QVERIFY2(!message.empty(), where);
        m_messages.emplace_back(QString::fromLatin1(where), QString::fromStdString(message));
    }

    void addPlanProblems(const char* where, const partition::Plan& plan, const cost::Cluster& cluster) {
        const Status checked = partition::checkPlan(plan, m_model.graph, cluster);
        QVERIFY2(!checked.ok(), where);
        add(where, checked.error().message);
    }

    void addError(const char* where, const Error& error) { add(where, error.message); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QString cfg = m_dir.filePath(QStringLiteral("branchy.cfg"));
        {
            QFile file(cfg);
            QVERIFY(file.open(QIODevice::WriteOnly) && file.write(kBranchyCnn) > 0);
        }
        auto loaded = model::loadModel(cfg.toStdString());
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
        m_model = std::move(*loaded);
        m_cluster = cost::uniformCluster("rpi4", 2);
        collectMessages();
    }

    void collectMessages() {
        const auto& g = m_model.graph;
        const std::size_t last = g.nodes.size() - 1;
        const std::size_t pool = nodeOf("MaxPool"), conv2 = nodeOf("Conv", 1), relu2 = nodeOf("Relu", 1);
        const std::size_t gemm = nodeOf("Gemm");

        // every node on one stage of the wrong kind, with settings of other kinds and devices not there
        partition::Plan plan = partition::wholeModelPlan(g, 0);
        plan.stages[0].rowCuts = {3};
        plan.stages[0].channelCuts = {2};
        plan.stages[0].reducer = 1;
        plan.stages[0].devices = {0, 7};
        addPlanProblems("device stage with tile and channel settings", plan, m_cluster);

        // tiles over non-local operators, cuts outside the output, a value leaving from the middle
        plan = partition::wholeModelPlan(g, 0);
        partition::Stage head = plan.stages[0], tiles = plan.stages[0], tail = plan.stages[0];
        head.last = pool - 1;
        tiles.kind = StageKind::Tiles;
        tiles.first = pool;
        tiles.last = relu2;
        tiles.rowCuts = {40};
        tiles.colCuts = {5, 2};
        tiles.devices = {0, 1, 0, 1, 0, 1};
        tail.first = relu2 + 1;
        plan.stages = {head, tiles, tail};
        addPlanProblems("tile stage", plan, m_cluster);
        partition::Stage gemmTiles = tiles;
        gemmTiles.first = gemm;
        gemmTiles.last = last;
        gemmTiles.rowCuts.clear();
        gemmTiles.colCuts.clear();
        gemmTiles.devices = {0};
        for (const auto& p : partition::validateStage(gemmTiles, g, m_cluster)) {
            add("validateStage: tiles over Gemm and Softmax", p);
        }

        // a LOP over the softmax, a LIP starting at a pool, channel cuts out of range
        partition::Stage lop = tiles;
        lop.kind = StageKind::Lop;
        lop.first = gemm;
        lop.last = last;
        lop.rowCuts.clear();
        lop.colCuts.clear();
        lop.channelCuts = {20};
        lop.devices = {0, 1};
        for (const auto& p : partition::validateStage(lop, g, m_cluster)) {
            add("validateStage: LOP over Softmax", p);
        }
        partition::Stage lip = lop;
        lip.kind = StageKind::Lip;
        lip.first = pool;
        lip.last = conv2;
        lip.reducer = 5;
        for (const auto& p : partition::validateStage(lip, g, m_cluster)) {
            add("validateStage: LIP at a pool", p);
        }
        partition::Stage outside = lop;
        outside.first = last + 3;
        outside.last = last + 4;
        for (const auto& p : partition::validateStage(outside, g, m_cluster)) {
            add("validateStage: outside the model", p);
        }

        // gaps, overlaps, reversed and out-of-range stages
        plan = partition::wholeModelPlan(g, 0);
        partition::Stage a = plan.stages[0], b = plan.stages[0], c = plan.stages[0], d = plan.stages[0];
        a.first = 1;
        a.last = 3;
        b.first = 2;
        b.last = 4;
        c.first = 6;
        c.last = 5;
        d.first = 5;
        d.last = last + 10;
        plan.stages = {a, b, c, d};
        addPlanProblems("stages out of order", plan, m_cluster);

        // a cluster with problems (a device without budget, a name used twice, no gateway)
        cost::Cluster broken = m_cluster;
        broken.devices[1].memoryBytes = 0;
        broken.devices[1].threads = 0;
        broken.devices[1].name = broken.devices[0].name;
        broken.gateway = 9;
        addPlanProblems("invalid cluster", partition::wholeModelPlan(g, 0), broken);
        cost::Cluster empty;
        for (const auto& p : empty.problems()) {
            add("cluster without devices", p);
        }

        // over budget: the whole model on a device with 1 MiB
        cost::Cluster tight = m_cluster;
        tight.devices[0].memoryBytes = 1 << 20;
        tight.devices[1].memoryBytes = 1 << 20;
        auto program = partition::compile(m_model, partition::wholeModelPlan(g, 0), tight);
        QVERIFY2(program.ok(), program.ok() ? "" : program.error().message.c_str());
        const auto over = sim::planCost(*program, g, tight).overBudget(tight);
        QVERIFY(!over.empty());
        for (const auto& line : over) {
            add("PlanCost::overBudget", line);
        }

        // the optimizer with budgets nothing fits: the dynamic program and the integer program
        for (auto choice : {optimize::SolverChoice::Dp, optimize::SolverChoice::Ilp}) {
            optimize::CandidateOptions candidates;
            auto problem = optimize::buildProblem(m_model, tight, candidates);
            QVERIFY2(problem.ok(), problem.ok() ? "" : problem.error().message.c_str());
            optimize::SolveOptions solve;
            solve.timeLimitSeconds = 20;
            auto best = optimize::solveBest(m_model, tight, std::move(*problem), optimize::Objective::Latency,
                                            choice, solve);
            QVERIFY(!best.ok());
            addError("optimizer, nothing fits", best.error());
        }

        // the throughput search's progress stages, and the dynamic program refusing throughput
        {
            auto problem = optimize::buildProblem(m_model, m_cluster, optimize::CandidateOptions{});
            QVERIFY2(problem.ok(), problem.ok() ? "" : problem.error().message.c_str());
            std::set<std::string> stages;
            optimize::SolveOptions solve;
            solve.timeLimitSeconds = 10;
            solve.progress = [&](double, std::string_view stage) { stages.emplace(stage); };
            QVERIFY(optimize::solveIlp(*problem, optimize::Objective::Throughput, solve).ok());
            QVERIFY(stages.size() >= 2);
            for (const auto& stage : stages) {
                add("throughput search", stage);
            }
            addError("dynamic program, throughput",
                     optimize::solveDp(*problem, optimize::Objective::Throughput).error());
        }

        // the model loader: a missing file, garbage, an empty file, a directory
        addError("missing model",
                 model::loadModel(m_dir.filePath(QStringLiteral("no.onnx")).toStdString()).error());
        const QString garbage = m_dir.filePath(QStringLiteral("garbage.onnx"));
        {
            QFile file(garbage);
            QVERIFY(file.open(QIODevice::WriteOnly) &&
                    file.write("this is not protobuf at all\xff\xff\xff") > 0);
        }
        addError("garbage model", model::loadModel(garbage.toStdString()).error());
        const QString emptyFile = m_dir.filePath(QStringLiteral("empty.onnx"));
        {
            QFile file(emptyFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        addError("empty model", model::loadModel(emptyFile.toStdString()).error());
        addError("directory as model", model::loadModel(m_dir.path().toStdString() + "/").error());

        // cluster files
        const std::pair<const char*, const char*> clusters[] = {
            {"cluster: not JSON", "{\"format\": "},
            {"cluster: not a cluster file", R"({"format": "something else"})"},
            {"cluster: no format", R"({"devices": []})"},
            {"cluster: newer version", R"({"format": "tessera-cluster", "version": 99, "devices": []})"},
            {"cluster: no devices", R"({"format": "tessera-cluster", "version": 1})"},
            {"cluster: unknown key",
             R"({"format": "tessera-cluster", "version": 1, "devices": [{"name": "a", "preset": "rpi4", "colour": 1}]})"},
            {"cluster: unknown preset",
             R"({"format": "tessera-cluster", "version": 1, "devices": [{"name": "a", "preset": "toaster"}]})"},
            {"cluster: wrong type",
             R"({"format": "tessera-cluster", "version": 1, "devices": [{"name": 3, "preset": "rpi4"}]})"},
            {"cluster: an object for a string",
             R"({"format": "tessera-cluster", "version": 1, "devices": [{"name": {}, "preset": "rpi4"}]})"},
            {"cluster: bad port",
             R"({"format": "tessera-cluster", "version": 1, "devices": [{"name": "a", "preset": "rpi4", "ssh": {"port": 70000}}]})"},
            {"cluster: unknown gateway",
             R"({"format": "tessera-cluster", "version": 1, "gateway": "z", "devices": [{"name": "a", "preset": "rpi4"}]})"},
        };
        for (const auto& [where, json] : clusters) {
            auto parsed = cost::parseCluster(json, "lab.json");
            QVERIFY2(!parsed.ok(), where);
            addError(where, parsed.error());
        }

        // the deployer: nothing listens on port 1 of the loopback
        cost::Device device = m_cluster.devices[0];
        device.host = "127.0.0.1";
        device.ssh = cost::SshSettings{};
        device.ssh->port = 1;
        deployer::ConnectOptions options;
        options.timeoutSeconds = 5;
        auto connection = deployer::connectDevice(device, options);
        QVERIFY(!connection.ok());
        addError("connection refused", connection.error());
        device.host.clear();
        auto noHost = deployer::connectDevice(device, options);
        QVERIFY(!noHost.ok());
        addError("no host", noHost.error());
    }

    // Every real message is matched by templates in all its parts (a context without spaces, a file or a
    // device address, needs none), and comes back unchanged in English.
    void everyCoreMessageMatched() {
        QVERIFY(m_messages.size() > 30);
        QStringList failures;
        for (const auto& [where, message] : m_messages) {
            if (const QString left = CoreText::unmatched(message); !left.isEmpty()) {
                failures << QStringLiteral("%1: \"%2\" leaves \"%3\" unmatched").arg(where, message, left);
            }
            // no translator installed: the English comes back exactly, parts and joiners put together again
            if (const QString english = CoreText::translate(message); english != message) {
                failures << QStringLiteral("%1: \"%2\" came back as \"%3\"").arg(where, message, english);
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }

    // German: each message changes, keeps its names and numbers, and ends up with no template's English.
    void germanKeepsArguments() {
        StudioTranslations german;
        QVERIFY(german.install(QStringLiteral("de")));
        QStringList failures;
        for (const auto& [where, message] : m_messages) {
            const QString text = CoreText::translate(message);
            if (text == message) {
                failures << QStringLiteral("%1: not translated: %2").arg(where, message);
                continue;
            }
            for (const QString& argument : argumentsOf(message)) {
                if (!text.contains(argument)) {
                    failures << QStringLiteral("%1: %2 lost in \"%3\"").arg(where, argument, text);
                }
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));

        const QString over = CoreText::translate(
            QStringLiteral("device 'pi-2' needs 812 MiB, 44.4 MiB over its budget of 768 MiB"));
        QCOMPARE(over,
                 QStringLiteral("Gerät 'pi-2' braucht 812 MiB, 44.4 MiB über seinem Budget von 768 MiB"));
        const QString listed = CoreText::translate(QStringLiteral(
            "the plan is not valid (2 problems):\n  - stage 2 (tiles, 'a'..'b'): node 'c' (Gemm): Gemm is "
            "not "
            "spatially local (tile blocks take Conv, MaxPool, AveragePool, activations, BatchNormalization, "
            "element-wise arithmetic, LRN and channel Concat)\n  - nodes 'd' (Relu) belong to no stage"));
        QCOMPARE(listed,
                 QStringLiteral("der Plan ist nicht gültig (2 Probleme):\n  - Stufe 2 (tiles, 'a'..'b'): "
                                "Knoten 'c' (Gemm): Gemm ist nicht räumlich lokal (Kachelblöcke nehmen "
                                "Conv, MaxPool, AveragePool, Aktivierungen, BatchNormalization, "
                                "elementweise Arithmetik, LRN und Kanal-Concat)\n  - die Knoten 'd' "
                                "(Relu) gehören zu keiner Stufe"));
        // a list of parts after a context, a list of names with the language's "and", a name holding ": "
        QCOMPARE(
            CoreText::translate(QStringLiteral(
                "no plan fits the memory budgets: even the plan closest to fitting needs 19.1 MiB on each of "
                "'pi-1', 'pi-2' and 'pi-3' (budget 1.00 MiB): runtime overhead 19.0 MiB, weights of 'lip "
                "equal: fc_4..fc_4' 80.0 KiB, arena of 'conv_1' 8.06 KiB and 2 smaller parts")),
            QStringLiteral("kein Plan passt in die Speicherbudgets: selbst der am nächsten passende Plan "
                           "braucht 19.1 MiB auf jedem von 'pi-1', 'pi-2' und 'pi-3' (Budget 1.00 MiB): "
                           "Laufzeit-Overhead 19.0 MiB, Gewichte von 'lip equal: fc_4..fc_4' 80.0 KiB, Arena "
                           "von 'conv_1' 8.06 KiB und 2 kleinere Teile"));
        // a hint the deployer adds after a message with a hint of its own
        QCOMPARE(
            CoreText::translate(QStringLiteral(
                "device 'a' (pi@h:22): cannot start SFTP: subsystem request failed - enable the sftp "
                "subsystem in the device's sshd_config - the device keeps its current release")),
            QStringLiteral("Gerät 'a' (pi@h:22): SFTP kann nicht gestartet werden: subsystem request failed "
                           "– aktivieren Sie das sftp-Subsystem in der sshd_config des Geräts - das Gerät "
                           "behält seine aktuelle Version"));
        QCOMPARE(CoreText::translate(
                     QStringLiteral("lab.json: devices: expected an array of devices, found an object")),
                 QStringLiteral("lab.json: devices: Liste von Geräten erwartet, gefunden: ein Objekt"));
        // Simplified Chinese too
        StudioTranslations chinese;
        QVERIFY(chinese.install(QStringLiteral("zh_CN")));
        QCOMPARE(CoreText::translate(QStringLiteral("file.onnx: file is empty")),
                 QStringLiteral("file.onnx: 文件为空"));
        QCOMPARE(
            CoreText::translate(QStringLiteral("stage 2 (tiles, 'a'..'b'): only lip stages have a reducer")),
            QStringLiteral("阶段 2（tiles, 'a'..'b'）：只有 LIP 阶段有归约设备"));
    }

    // Unknown messages, and unknown parts after a known context, stay exactly as the core wrote them.
    void unknownPassesThrough() {
        StudioTranslations german;
        QVERIFY(german.install(QStringLiteral("de")));
        for (const QString& message : {QStringLiteral("something the core never said: 42"),
                                       QStringLiteral("device 'a' did something new"),
                                       QStringLiteral("stage 2 (tiles, 'a'..'b') is new; 3 MiB on 'x'"),
                                       QStringLiteral("%1 went wrong: %2"), QString()}) {
            QCOMPARE(CoreText::translate(message), message);
            QCOMPARE(CoreText::unmatched(message).isEmpty(), message.isEmpty());
        }
        QCOMPARE(CoreText::translate(QStringLiteral("stage 2 (tiles, 'a'..'b'): grew a new problem")),
                 QStringLiteral("Stufe 2 (tiles, 'a'..'b'): grew a new problem"));
        QCOMPARE(CoreText::unmatched(QStringLiteral("stage 2 (tiles, 'a'..'b'): grew a new problem")),
                 QStringLiteral("grew a new problem"));
        // an argument holding a placeholder is not substituted again
        QCOMPARE(
            CoreText::translate(QStringLiteral("device '%2' needs 2 MiB, 1 MiB over its budget of 1 MiB")),
            QStringLiteral("Gerät '%2' braucht 2 MiB, 1 MiB über seinem Budget von 1 MiB"));
        QVERIFY(CoreText::templateCount() > 150);
    }

    // A long unknown line of quoted names fails to match in linear time (the studio translates on every
    // edit).
    void manyQuotedNamesStayQuick() {
        QStringList names;
        for (int i = 0; i < 100; ++i) {
            names << QStringLiteral("'conv_%1'").arg(i);
        }
        const QString message = names.join(QStringLiteral(" ")) + QStringLiteral(" grew a new problem");
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(CoreText::translate(message), message);
        qInfo("%lld ms", static_cast<long long>(timer.elapsed()));
        QVERIFY2(timer.elapsed() < 100, qPrintable(QString::number(timer.elapsed()) + " ms"));
    }
};

QTEST_GUILESS_MAIN(TestCoreText)
#include "test_core_text.moc"
