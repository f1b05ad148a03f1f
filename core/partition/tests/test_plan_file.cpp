// Plan files: the written layout, exact round trips of valid and invalid plans, every error a user can meet
// (each from a real file), and that reading leaves validation to checkPlan.

#include <QtTest>

#include <filesystem>
#include <fstream>

#include "core/base/file_io.h"
#include "core/model/zoo.h"
#include "core/partition/plan.h"
#include "support/random_plans.h"
#include "support/stages.h"

using namespace tessera;
using partition::Plan;
using partition::Stage;
using partition::StageKind;
using tessera::test::stage;

namespace {

QString q(const std::string& text) {
    return QString::fromStdString(text);
}

template <typename T> QString messageOf(const Expected<T>& result) {
    return result.ok() ? QString("ok") : q(result.error().message);
}

} // namespace

class TestPlanFile : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    model::Model m_model;
    cost::Cluster m_cluster;

    std::string path(const std::string& name) { return m_dir.filePath(q(name)).toStdString(); }

    // Reads `contents` as the plan file `name` from disk; the error message, or "ok".
    QString readError(const std::string& name, const std::string& contents) {
        std::ofstream(path(name), std::ios::binary) << contents;
        return messageOf(partition::readPlan(path(name), m_model.graph, m_cluster));
    }

    // A plan file holding one stage with the given JSON members.
    static std::string withStage(const std::string& members) {
        return R"({"format": "tessera-plan", "version": 1, "stages": [{)" + members + "}]}";
    }

    // tiles conv_0..pool_2 (2x3), lop conv_9..relu_9, lip conv_10..relu_10 (reducer pi-2), gap_11 on pi-3
    Plan samplePlan() const {
        Plan plan;
        Stage tiles = stage(StageKind::Tiles, 0, 4, {0, 1, 2, 0, 1, 2});
        tiles.rowCuts = {3};
        tiles.colCuts = {2, 5};
        tiles.reuse = true;
        Stage lop = stage(StageKind::Lop, 5, 6, {0, 1});
        lop.channelCuts = {8};
        Stage lip = stage(StageKind::Lip, 7, 8, {0, 1});
        lip.channelCuts = {8};
        lip.reducer = 1;
        plan.stages = {tiles, lop, lip, stage(StageKind::Device, 9, 9, {2})};
        return plan;
    }

private slots:
    void initTestCase() {
        // x[1,3,16,16] -> conv_0 3x3 (8) -> relu_0 -> conv_1 3x3 (8) -> relu_1 -> pool_2 -> conv_9 1x1 (16)
        // -> relu_9 -> conv_10 1x1 (4) -> relu_10 -> gap_11
        test::OnnxBuilder b;
        b.input("x", {std::int64_t(1), std::int64_t(3), std::int64_t(16), std::int64_t(16)});
        auto conv = [&](const std::string& in, const std::string& out, std::int64_t ic, std::int64_t oc,
                        int k) {
            b.weights(out + "_w", {oc, ic, k, k}, std::vector<float>(std::size_t(oc * ic * k * k), 0.05f));
            auto& n = b.node("Conv", {in, out + "_w"}, {out});
            test::OnnxBuilder::setInts(n, "pads", {k / 2, k / 2, k / 2, k / 2});
        };
        conv("x", "conv_0", 3, 8, 3);
        b.node("Relu", {"conv_0"}, {"relu_0"});
        conv("relu_0", "conv_1", 8, 8, 3);
        b.node("Relu", {"conv_1"}, {"relu_1"});
        auto& pool = b.node("MaxPool", {"relu_1"}, {"pool_2"});
        test::OnnxBuilder::setInts(pool, "kernel_shape", {2, 2});
        test::OnnxBuilder::setInts(pool, "strides", {2, 2});
        conv("pool_2", "conv_9", 8, 16, 1);
        b.node("Relu", {"conv_9"}, {"relu_9"});
        conv("relu_9", "conv_10", 16, 4, 1);
        b.node("Relu", {"conv_10"}, {"relu_10"});
        b.node("GlobalAveragePool", {"relu_10"}, {"gap_11"});
        b.output("gap_11");
        b.save(path("model.onnx"));
        auto m = model::loadModel(path("model.onnx"));
        QVERIFY2(m.ok(), qPrintable(messageOf(m)));
        m_model = std::move(*m);
        QCOMPARE(m_model.graph.nodes.size(), std::size_t(10));
        m_cluster = cost::uniformCluster("rpi4", 3);
        for (int i = 0; i < 3; ++i) {
            m_cluster.devices[std::size_t(i)].name = "pi-" + std::to_string(i + 1);
        }
    }

    void writesTheDocumentedLayout() {
        const Plan plan = samplePlan();
        QVERIFY2(partition::checkPlan(plan, m_model.graph, m_cluster).ok(),
                 partition::checkPlan(plan, m_model.graph, m_cluster).error().message.c_str());
        const std::string text = partition::planToJson(plan, m_model.graph, m_cluster);
        QCOMPARE(q(text), QString(R"({
  "format": "tessera-plan",
  "version": 1,
  "model": {
    "name": "test",
    "nodes": 10
  },
  "stages": [
    {
      "kind": "tiles",
      "from": "conv_0",
      "to": "pool_2",
      "rows": [3],
      "columns": [2, 5],
      "devices": ["pi-1", "pi-2", "pi-3", "pi-1", "pi-2", "pi-3"],
      "reuse": true,
      "stealing": false
    },
    {
      "kind": "lop",
      "from": "conv_9",
      "to": "relu_9",
      "channels": [8],
      "devices": ["pi-1", "pi-2"]
    },
    {
      "kind": "lip",
      "from": "conv_10",
      "to": "relu_10",
      "channels": [8],
      "devices": ["pi-1", "pi-2"],
      "reducer": "pi-2"
    },
    {
      "kind": "device",
      "from": "gap_11",
      "to": "gap_11",
      "device": "pi-3"
    }
  ]
}
)"));
        const auto back = partition::parsePlan(text, "plan.json", m_model.graph, m_cluster);
        QVERIFY2(back.ok(), qPrintable(messageOf(back)));
        QVERIFY(*back == plan);
    }

    // The example in docs/file-formats.md is a valid plan for the zoo's YOLOv2-608.
    void documentedExampleIsValid() {
        const auto doc = readFile(TESSERA_SOURCE_DIR "/docs/file-formats.md");
        QVERIFY(doc.ok());
        const auto start = doc->find("```json\n{\"format\": \"tessera-plan\"");
        QVERIFY(start != std::string::npos);
        const auto begin = start + 8;
        const auto yolo = model::buildZooModel("yolov2-608");
        QVERIFY2(yolo.ok(), qPrintable(messageOf(yolo)));
        cost::Cluster cluster = cost::uniformCluster("rpi4", 4);
        for (int i = 0; i < 4; ++i) {
            cluster.devices[std::size_t(i)].name = "pi-" + std::to_string(i + 1);
        }
        const auto plan = partition::parsePlan(doc->substr(begin, doc->find("```", begin) - begin), "docs",
                                               yolo->graph, cluster);
        QVERIFY2(plan.ok(), qPrintable(messageOf(plan)));
        const Status valid = partition::checkPlan(*plan, yolo->graph, cluster);
        QVERIFY2(valid.ok(), valid.ok() ? "" : valid.error().message.c_str());
        QCOMPARE(plan->stages.size(), std::size_t(5));
        QCOMPARE(plan->stages[0].cells(), std::size_t(4));
        QCOMPARE(plan->stages[3].reducer, 0);
    }

    void randomPlansRoundTripExactly() {
        const auto cluster = cost::uniformCluster("rpi4", 3);
        for (std::uint32_t seed = 1; seed <= 30; ++seed) {
            const std::string file = path("random" + std::to_string(seed) + ".onnx");
            test::randomCnn(seed).save(file);
            auto m = model::loadModel(file);
            QVERIFY2(m.ok(), qPrintable(messageOf(m)));
            const Plan plan = test::randomPlan(m->graph, 3, seed);
            const std::string text = partition::planToJson(plan, m->graph, cluster);
            const auto back = partition::parsePlan(text, "plan.json", m->graph, cluster);
            QVERIFY2(back.ok(), qPrintable(messageOf(back)));
            QVERIFY2(*back == plan, text.c_str());
            QVERIFY(partition::checkPlan(*back, m->graph, cluster).ok());
        }
    }

    // Reading is structural: a plan that validate() refuses still reads back exactly as written, so the
    // studio can open it and show what is wrong.
    void invalidPlansRoundTripExactly() {
        Plan plan;
        plan.stages.push_back(stage(StageKind::Device, 0, 1, {0, 1})); // two devices on a device stage
        Stage tiles = stage(StageKind::Tiles, 2, 3, {});               // no devices, channel cuts
        tiles.channelCuts = {4};
        plan.stages.push_back(tiles);
        Stage lop = stage(StageKind::Lop, 3, 6, {2}); // overlaps, tile options, a reducer
        lop.rowCuts = {1};
        lop.colCuts = {2, 3};
        lop.reuse = true;
        lop.stealing = true;
        lop.reducer = 2;
        plan.stages.push_back(lop);
        plan.stages.push_back(stage(StageKind::Device, 9, 7, {1})); // backwards
        QVERIFY(!partition::validate(plan, m_model.graph, m_cluster).empty());
        const std::string text = partition::planToJson(plan, m_model.graph, m_cluster);
        const auto back = partition::parsePlan(text, "plan.json", m_model.graph, m_cluster);
        QVERIFY2(back.ok(), qPrintable(messageOf(back)));
        QVERIFY2(*back == plan, text.c_str());
        // an empty plan too
        const auto empty = partition::parsePlan(partition::planToJson(Plan{}, m_model.graph, m_cluster),
                                                "plan.json", m_model.graph, m_cluster);
        QVERIFY(empty.ok() && *empty == Plan{});
    }

    void readingDoesNotValidate() {
        const auto plan = partition::parsePlan(
            withStage(R"("kind": "device", "from": "conv_0", "to": "relu_1", "device": "pi-1")"), "gap.json",
            m_model.graph, m_cluster);
        QVERIFY2(plan.ok(), qPrintable(messageOf(plan)));
        const Status status = partition::checkPlan(*plan, m_model.graph, m_cluster);
        QCOMPARE(q(status.error().message),
                 QString("the plan is not valid (1 problem):\n  - nodes 'pool_2' "
                         "(MaxPool)..'gap_11' (GlobalAveragePool) belong to no stage"));
    }

    void writesAndReadsFiles() {
        const Plan plan = samplePlan();
        QVERIFY(partition::writePlan(Plan{}, m_model.graph, m_cluster, path("plan.json")).ok());
        QVERIFY(partition::writePlan(plan, m_model.graph, m_cluster, path("plan.json")).ok());
        QCOMPARE(q(*readFile(path("plan.json"))), q(partition::planToJson(plan, m_model.graph, m_cluster)));
        const auto back = partition::readPlan(path("plan.json"), m_model.graph, m_cluster);
        QVERIFY2(back.ok(), qPrintable(messageOf(back)));
        QVERIFY(*back == plan);
        for (const auto& entry : std::filesystem::directory_iterator(m_dir.path().toStdString())) {
            QVERIFY2(entry.path().string().find(".tmp.") == std::string::npos, entry.path().c_str());
        }
        const Status failed =
            partition::writePlan(plan, m_model.graph, m_cluster, path("no/such/dir/p.json"));
        QCOMPARE(failed.error().code, ErrorCode::Io);
        QCOMPARE(messageOf(partition::readPlan(path("absent.json"), m_model.graph, m_cluster)),
                 q(path("absent.json") + ": cannot open for reading: No such file or directory"));
    }

    void refusesOtherFilesAndNewerVersions() {
        QCOMPARE(readError("broken.json", "{\"format\": \"tessera-plan\", \"version\": 1,\n \"stages\": [}"),
                 q(path("broken.json") +
                   ": not valid JSON (byte 54): parse error at line 2, column 13: syntax "
                   "error while parsing value - unexpected '}'; expected '[', '{', or a "
                   "literal"));
        QCOMPARE(readError("cluster.json", R"({"format": "tessera-cluster", "version": 1, "devices": []})"),
                 q(path("cluster.json") + ": not a Tessera plan file (\"format\" is \"tessera-cluster\")"));
        QCOMPARE(readError("bare.json", R"({"stages": []})"),
                 q(path("bare.json") + ": not a Tessera plan file (no \"format\": \"tessera-plan\")"));
        QCOMPARE(readError("noversion.json", R"({"format": "tessera-plan", "stages": []})"),
                 q(path("noversion.json") + ": version: missing (plan files have \"version\": 1)"));
        QCOMPARE(readError("zero.json", R"({"format": "tessera-plan", "version": 0, "stages": []})"),
                 q(path("zero.json") + ": version: expected a whole number of at least 1, found 0"));
        std::ofstream(path("v3.json")) << R"({"format": "tessera-plan", "version": 3, "pipelines": []})";
        const auto newer = partition::readPlan(path("v3.json"), m_model.graph, m_cluster);
        QCOMPARE(messageOf(newer), q(path("v3.json") + ": written by a newer Tessera (plan format version 3; "
                                                       "this version reads up to 1) — update Tessera"));
        QCOMPARE(newer.error().code, ErrorCode::Unsupported);
    }

    void refusesAPlanForAnotherModel() {
        std::ofstream(path("other.json"))
            << R"({"format": "tessera-plan", "version": 1, "model": {"name": "yolov2-608", "nodes": 32},
                  "stages": [{"kind": "device", "from": "conv_0", "to": "region_31", "device": "pi-1"}]})";
        const auto result = partition::readPlan(path("other.json"), m_model.graph, m_cluster);
        QCOMPARE(
            messageOf(result),
            q(path("other.json") + " was made for a model with 32 nodes; this model has 10 — wrong model?"));
        QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(readError("nodes.json", R"({"format": "tessera-plan", "version": 1, "model": {"nodes": -1},
                                            "stages": []})"),
                 q(path("nodes.json") + ": model.nodes: expected a whole number, found -1"));
    }

    void unknownNamesSuggestTheFix() {
        const std::string three = R"({"format": "tessera-plan", "version": 1, "stages": [
            {"kind": "device", "from": "conv_0", "to": "relu_1", "device": "pi-1"},
            {"kind": "device", "from": "pool_2", "to": "relu_9", "device": "pi-1"},
            {"kind": "device", "from": "conv_10", "to": "relu_10", "device": "pi-1"},
            {"kind": "device", "from": "conv_99", "to": "gap_11", "device": "pi-1"}]})";
        QCOMPARE(readError("plan.json", three),
                 q(path("plan.json") + ": stages[3].from: no node named 'conv_99' (did you mean 'conv_9'?)"));
        QCOMPARE(readError("n2.json", withStage(R"("kind": "device", "from": "conv_0", "to": "softmax",
                                                   "device": "pi-1")")),
                 q(path("n2.json") + ": stages[0].to: no node named 'softmax'"));
        QCOMPARE(readError("d1.json", withStage(R"("kind": "tiles", "from": "conv_0", "to": "pool_2",
                     "rows": [4], "columns": [4], "devices": ["pi-1", "pi-2", "pi-3", "pi-1", "pi-9"])")),
                 q(path("d1.json") +
                   ": stages[0].devices[4]: no device named 'pi-9' in the cluster (devices: "
                   "pi-1, pi-2, pi-3)"));
        QCOMPARE(readError("d2.json", withStage(R"("kind": "lip", "from": "conv_10", "to": "conv_10",
                     "channels": [8], "devices": ["pi-1", "pi-2"], "reducer": "pi-4")")),
                 q(path("d2.json") +
                   ": stages[0].reducer: no device named 'pi-4' in the cluster (devices: pi-1, "
                   "pi-2, pi-3)"));
        QCOMPARE(readError("d3.json", withStage(R"("kind": "device", "from": "conv_0", "to": "gap_11",
                                                   "device": "laptop")")),
                 q(path("d3.json") + ": stages[0].device: no device named 'laptop' in the cluster (devices: "
                                     "pi-1, pi-2, pi-3)"));
        QCOMPARE(readError("k1.json", withStage(R"("kind": "tile", "from": "conv_0", "to": "pool_2",
                                                   "devices": ["pi-1"])")),
                 q(path("k1.json") + ": stages[0].kind: unknown kind 'tile' (did you mean 'tiles'?) (kinds: "
                                     "device, tiles, lop, lip)"));
        QCOMPARE(readError("k2.json", withStage(R"("from": "conv_0", "to": "gap_11", "device": "pi-1")")),
                 q(path("k2.json") + ": stages[0]: missing \"kind\" (one of: device, tiles, lop, lip)"));
    }

    void refusesUnknownKeys() {
        const QString stageKeys = " (valid keys: kind, from, to, rows, columns, channels, devices, device, "
                                  "reducer, reuse, stealing)";
        QCOMPARE(readError("u1.json", withStage(R"("kind": "lip", "from": "conv_10", "to": "conv_10",
                     "channels": [8], "devices": ["pi-1", "pi-2"], "reducers": "pi-2")")),
                 q(path("u1.json") + ": stages[0]: unknown key \"reducers\"") + stageKeys);
        QCOMPARE(
            readError("u2.json", R"({"format": "tessera-plan", "version": 1, "stages": [], "cluster": {}})"),
            q(path("u2.json") +
              ": unknown key \"cluster\" (valid keys: format, version, model, pruning, stages)"));
        QCOMPARE(readError("u3.json", R"({"format": "tessera-plan", "version": 1, "stages": [],
                                         "model": {"nodes": 10, "hash": "ab12"}})"),
                 q(path("u3.json") + ": model: unknown key \"hash\" (valid keys: name, nodes)"));
    }

    void errorsNameTheField() {
        const auto check = [&](const std::string& members, const std::string& expected) {
            const std::string name = "f" + std::to_string(std::hash<std::string>()(members)) + ".json";
            QCOMPARE(readError(name, withStage(members)), q(path(name) + ": " + expected));
        };
        check(R"("kind": "tiles", "from": "conv_0", "to": "pool_2", "rows": [4, "8"], "devices": ["pi-1"])",
              "stages[0].rows[1]: expected a whole number, found \"8\"");
        check(R"("kind": "tiles", "from": "conv_0", "to": "pool_2", "columns": 4, "devices": ["pi-1"])",
              "stages[0].columns: expected an array of whole numbers, found 4");
        check(R"("kind": "lop", "from": "conv_9", "to": "conv_9", "channels": [7.5], "devices": ["pi-1"])",
              "stages[0].channels[0]: expected a whole number, found 7.5");
        check(R"("kind": "tiles", "from": "conv_0", "to": "pool_2", "devices": ["pi-1"], "reuse": "yes")",
              "stages[0].reuse: expected true or false, found \"yes\"");
        check(R"("kind": "tiles", "from": "conv_0", "to": "pool_2", "devices": ["pi-1"], "stealing": 1)",
              "stages[0].stealing: expected true or false, found 1");
        check(R"("kind": "device", "from": "conv_0", "to": "gap_11", "device": "pi-1", "devices": ["pi-1"])",
              "stages[0]: has both \"device\" and \"devices\"; give one");
        check(R"("kind": "device", "from": "conv_0", "to": "gap_11")",
              "stages[0]: missing \"device\" (a device name)");
        check(R"("kind": "lop", "from": "conv_9", "to": "conv_9", "channels": [8])",
              "stages[0]: missing \"devices\" (one device name per cell)");
        check(R"("kind": "lop", "from": "conv_9", "to": "conv_9", "devices": "pi-1")",
              "stages[0].devices: expected an array of device names, found \"pi-1\"");
        check(R"("kind": "lop", "from": "conv_9", "to": "conv_9", "devices": [1, 2])",
              "stages[0].devices[0]: expected a string, found 1");
        check(R"("kind": "device", "to": "gap_11", "device": "pi-1")",
              "stages[0]: missing \"from\" (a node name)");
        check(R"("kind": 3, "from": "conv_0", "to": "gap_11", "device": "pi-1")",
              "stages[0].kind: expected a string, found 3");
        QCOMPARE(readError("s1.json", R"({"format": "tessera-plan", "version": 1})"),
                 q(path("s1.json") + ": missing \"stages\""));
        QCOMPARE(readError("s2.json", R"({"format": "tessera-plan", "version": 1, "stages": {}})"),
                 q(path("s2.json") + ": stages: expected an array of stages, found an object"));
        QCOMPARE(readError("s3.json", R"({"format": "tessera-plan", "version": 1, "stages": [[]]})"),
                 q(path("s3.json") + ": stages[0]: expected an object describing a stage, found an array"));
    }

    void pruningRoundTripsAndIsChecked() {
        Plan plan = samplePlan();
        plan.pruning =
            compress::PruneSettings{compress::PruneMode::PerLayer, 0.75, {"first-conv", "conv_10"}};
        const std::string text = partition::planToJson(plan, m_model.graph, m_cluster);
        QVERIFY(text.find(R"("pruning": {
    "mode": "per-layer",
    "sparsity": 0.75,
    "exclude": ["first-conv", "conv_10"]
  },)") != std::string::npos);
        auto back = partition::parsePlan(text, "p.json", m_model.graph, m_cluster);
        QVERIFY2(back.ok(), qPrintable(messageOf(back)));
        QCOMPARE(*back, plan);
        // mode and exclude are optional: global, the default exclusions
        const std::string header = R"({"format": "tessera-plan", "version": 1, "stages": [], "pruning": )";
        back = partition::parsePlan(header + R"({"sparsity": 0.5}})", "p.json", m_model.graph, m_cluster);
        QVERIFY(back.ok());
        QCOMPARE(*back->pruning,
                 (compress::PruneSettings{compress::PruneMode::Global, 0.5, compress::defaultExclusions()}));
        // exclusions naming no node are the validator's: checkPlan names the field
        plan.pruning->exclude = {"conv_11"};
        QCOMPARE(q(partition::checkPlan(plan, m_model.graph, m_cluster).error().message),
                 QString("the plan is not valid (1 problem):\n  - pruning.exclude[0]: 'conv_11' is neither a "
                         "node of the model nor one of Conv, Gemm, "
                         "first-conv, depthwise"));
        // the pruning the plan asks for, applied to a copy of the model
        plan.pruning->exclude = {};
        model::Graph g = m_model.graph;
        auto report = partition::applyPruning(plan, g);
        QVERIFY(report.ok());
        QCOMPARE(report->layers.size(), std::size_t(4));
        QCOMPARE(report->prunedZeros, std::int64_t(std::llround(0.75 * 216) + std::llround(0.75 * 576) +
                                                   std::llround(0.75 * 128) + std::llround(0.75 * 64)));
        QCOMPARE(partition::applyPruning(Plan{}, g)->layers.size(), std::size_t(0));
    }

    void pruningErrorsNameTheField() {
        const auto check = [&](const std::string& pruning, const std::string& expected) {
            const std::string name = "p" + std::to_string(std::hash<std::string>()(pruning)) + ".json";
            QCOMPARE(readError(name, R"({"format": "tessera-plan", "version": 1, "stages": [], "pruning": )" +
                                         pruning + "}"),
                     q(path(name) + ": " + expected));
        };
        check(R"({"sparsity": 1.5})", "pruning.sparsity: expected a number in [0, 0.99] (the fraction of "
                                      "weights set to zero), found 1.5");
        check(R"({"sparsity": "half"})", "pruning.sparsity: expected a number in [0, 0.99] (the fraction of "
                                         "weights set to zero), found \"half\"");
        check(R"({"mode": "per-layer"})", "pruning: missing \"sparsity\" (a number in [0, 0.99])");
        check(R"({"mode": "globl", "sparsity": 0.5})",
              "pruning.mode: unknown mode 'globl' (did you mean 'global'?) (modes: global, per-layer)");
        check(R"({"sparsity": 0.5, "exclude": "conv_0"})",
              "pruning.exclude: expected an array of node names, op types (Conv, Gemm), \"first-conv\" or "
              "\"depthwise\", found \"conv_0\"");
        check(R"({"sparsity": 0.5, "exclude": [3]})", "pruning.exclude[0]: expected a string, found 3");
        check(R"({"sparsity": 0.5, "threshold": 0.1})",
              "pruning: unknown key \"threshold\" (valid keys: mode, sparsity, exclude)");
        check("0.5",
              "pruning: expected an object such as {\"mode\": \"global\", \"sparsity\": 0.5}, found 0.5");
    }

    // Found by fuzzing (tests/fuzz/regressions/plan): a number beyond a double's range made the JSON parser
    // throw out_of_range, which nothing caught. Now a parse error naming the number.
    void numberBeyondDoubleRange() {
        auto text = readFile(TESSERA_SOURCE_DIR "/tests/fuzz/regressions/plan/number-overflow.json");
        QVERIFY(text.ok());
        QCOMPARE(messageOf(partition::parsePlan(*text, "p.json", m_model.graph, m_cluster)),
                 QString("p.json: not valid JSON: number overflow parsing '1e11111'"));
        QCOMPARE(readError("overflow.json", withStage(R"("kind": "tiles", "rows": [1e400])")),
                 QString::fromStdString(path("overflow.json") +
                                        ": not valid JSON: number overflow parsing '1e400'"));
    }
};

QTEST_GUILESS_MAIN(TestPlanFile)
#include "test_plan_file.moc"
