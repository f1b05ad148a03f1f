// Magnitude pruning on small hand-made graphs: which weights become zero in each mode, ties, exclusions,
// and the messages for bad settings.

#include <QtTest>

#include "core/compress/pruning.h"

using namespace tessera;
using namespace tessera::compress;

namespace {

model::Node node(const std::string& name, const std::string& op, std::vector<std::string> inputs,
                 std::int64_t group = 1) {
    model::Node n;
    n.name = name;
    n.opType = op;
    n.inputs = std::move(inputs);
    n.outputs = {name + "_out"};
    if (group != 1) {
        n.attributes["group"] = group;
    }
    return n;
}

void addWeight(model::Graph& g, const std::string& name, model::Shape shape, std::vector<float> values) {
    g.values[name] = model::ValueInfo{name, model::DType::Float32, shape};
    g.initializers[name] = model::Tensor::fromFloats(std::move(shape), std::move(values));
}

// first (Conv 2->2 1x1), dw (depthwise 2 channels 1x1), mid (Conv 2->2 1x1), fc (Gemm 2->3, transB)
model::Graph sample() {
    model::Graph g;
    g.name = "sample";
    addWeight(g, "w_first", {2, 2, 1, 1}, {0.1f, -0.2f, 0.3f, -0.4f});
    addWeight(g, "w_dw", {2, 1, 1, 1}, {0.01f, 0.02f});
    addWeight(g, "w_mid", {2, 2, 1, 1}, {0.5f, -0.05f, 0.25f, -0.75f});
    addWeight(g, "w_fc", {3, 2}, {0.6f, -0.1f, 0.2f, 0.05f, -0.9f, 0.3f});
    addWeight(g, "b_fc", {3}, {0.001f, 0.002f, 0.003f});
    g.nodes = {node("first", "Conv", {"x", "w_first"}), node("dw", "Conv", {"first_out", "w_dw"}, 2),
               node("mid", "Conv", {"dw_out", "w_mid"}), node("fc", "Gemm", {"mid_out", "w_fc", "b_fc"})};
    g.nodes[3].attributes["transB"] = std::int64_t(1);
    return g;
}

std::vector<float> weights(const model::Graph& g, const std::string& name) {
    return g.initializer(name)->floats;
}

} // namespace

class TestPruning : public QObject {
    Q_OBJECT

private slots:
    void perLayerZeroesTheSmallestOfEachLayer() {
        auto g = sample();
        auto report = prune(g, {PruneMode::PerLayer, 0.5, defaultExclusions()});
        QVERIFY(report.ok());
        // mid: 4 weights, 2 zeroed (|-0.05|, |0.25|); fc: 6 weights, 3 zeroed (0.05, -0.1, 0.2)
        QCOMPARE(weights(g, "w_mid"), (std::vector<float>{0.5f, 0.f, 0.f, -0.75f}));
        QCOMPARE(weights(g, "w_fc"), (std::vector<float>{0.6f, 0.f, 0.f, 0.f, -0.9f, 0.3f}));
        // excluded by default: the first conv and the depthwise one; the bias is never touched
        QCOMPARE(weights(g, "w_first"), (std::vector<float>{0.1f, -0.2f, 0.3f, -0.4f}));
        QCOMPARE(weights(g, "w_dw"), (std::vector<float>{0.01f, 0.02f}));
        QCOMPARE(weights(g, "b_fc"), (std::vector<float>{0.001f, 0.002f, 0.003f}));
        QCOMPARE(report->layers.size(), std::size_t(4));
        QCOMPARE(report->layers[0].excludedBy, std::string("first-conv"));
        QCOMPARE(report->layers[1].excludedBy, std::string("depthwise"));
        QCOMPARE(report->layers[2].zeros, std::int64_t(2));
        QCOMPARE(report->layers[3].zeros, std::int64_t(3));
        QCOMPARE(report->prunableElements, std::int64_t(10));
        QCOMPARE(report->prunedZeros, std::int64_t(5));
    }

    void globalUsesOneThresholdOverAllLayers() {
        auto g = sample();
        // 10 prunable weights, 6 zeroed: the magnitudes 0.05 (mid), 0.05, 0.1, 0.2 (fc), 0.25 (mid), 0.3 (fc)
        auto report = prune(g, {PruneMode::Global, 0.6, defaultExclusions()});
        QVERIFY(report.ok());
        QCOMPARE(weights(g, "w_mid"), (std::vector<float>{0.5f, 0.f, 0.f, -0.75f}));
        QCOMPARE(weights(g, "w_fc"), (std::vector<float>{0.6f, 0.f, 0.f, 0.f, -0.9f, 0.f}));
        QCOMPARE(report->threshold, 0.3f);
        QCOMPARE(report->layers[2].sparsity(), 0.5);
        QCOMPARE(report->layers[3].sparsity(), 4.0 / 6.0);
        QCOMPARE(report->sparsity(), 0.6);
    }

    void tiesAreBrokenByLayerThenElementOrder() {
        model::Graph g = sample();
        g.initializers["w_mid"].floats = {0.5f, 0.5f, 0.5f, 0.5f};
        g.initializers["w_fc"].floats = {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f};
        auto report = prune(g, {PruneMode::Global, 0.5, defaultExclusions()});
        QVERIFY(report.ok());
        QCOMPARE(weights(g, "w_mid"), (std::vector<float>{0.f, 0.f, 0.f, 0.f}));
        QCOMPARE(weights(g, "w_fc"), (std::vector<float>{0.f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f}));
    }

    void alreadyZeroWeightsCountTowardsTheTarget() {
        model::Graph g = sample();
        g.initializers["w_mid"].floats = {0.f, 0.f, 0.9f, 0.8f};
        auto report = prune(g, {PruneMode::PerLayer, 0.5, defaultExclusions()});
        QVERIFY(report.ok());
        QCOMPARE(weights(g, "w_mid"), (std::vector<float>{0.f, 0.f, 0.9f, 0.8f}));
        QCOMPARE(report->layers[2].zerosBefore, std::int64_t(2));
        QCOMPARE(report->layers[2].zeros, std::int64_t(2));
    }

    void exclusionsByNameOpTypeAndNone() {
        auto g = sample();
        auto report = prune(g, {PruneMode::PerLayer, 0.5, {"fc"}});
        QVERIFY(report.ok());
        QCOMPARE(report->layers[3].excludedBy, std::string("fc"));
        QCOMPARE(weights(g, "w_fc")[1], -0.1f);
        // without the default exclusions the first conv and the depthwise conv are pruned too
        QCOMPARE(weights(g, "w_first"), (std::vector<float>{0.f, 0.f, 0.3f, -0.4f}));
        QCOMPARE(weights(g, "w_dw"), (std::vector<float>{0.f, 0.02f}));
        g = sample();
        report = prune(g, {PruneMode::Global, 0.9, {"Conv"}});
        QVERIFY(report.ok());
        QCOMPARE(report->prunableElements, std::int64_t(6));
        QCOMPARE(report->prunedZeros, std::int64_t(5)); // round(0.9 * 6)
    }

    void sharedWeightsStayDense() {
        auto g = sample();
        g.nodes[2].inputs[1] = "w_fc_shared";
        addWeight(g, "w_fc_shared", {2, 2, 1, 1}, {1, 2, 3, 4});
        g.nodes.push_back(node("other", "Mul", {"mid_out", "w_fc_shared"}));
        auto report = prune(g, {PruneMode::Global, 0.5, {}});
        QVERIFY(report.ok());
        QCOMPARE(report->layers[2].excludedBy, std::string("shared weight"));
        QCOMPARE(weights(g, "w_fc_shared"), (std::vector<float>{1, 2, 3, 4}));
    }

    void zeroSparsityChangesNothing() {
        auto g = sample();
        const auto before = g.initializers;
        auto report = prune(g, {PruneMode::Global, 0.0, {}});
        QVERIFY(report.ok());
        for (const auto& [name, t] : before) {
            QCOMPARE(g.initializer(name)->floats, t.floats);
        }
    }

    void badSettingsNameTheField() {
        auto g = sample();
        auto report = prune(g, {PruneMode::Global, 1.5, {"fc", "fcc", "depthwise"}});
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(
            report.error().message,
            std::string("pruning settings: sparsity: 1.5 is outside [0, 0.99] (the fraction of weights set "
                        "to zero); exclude[1]: 'fcc' is neither a node of the model nor one of Conv, Gemm, "
                        "first-conv, depthwise"));
        QCOMPARE(weights(g, "w_fc")[1], -0.1f); // nothing changed
        QVERIFY(!prune(g, {PruneMode::Global, -0.1, {}}).ok());
        QVERIFY(!prune(g, {PruneMode::Global, std::nan(""), {}}).ok());
        QCOMPARE(pruneModeFromString("per-layer"), std::optional<PruneMode>(PruneMode::PerLayer));
        QCOMPARE(pruneModeFromString("layer"), std::optional<PruneMode>());
    }
};

QTEST_GUILESS_MAIN(TestPruning)
#include "test_pruning.moc"
