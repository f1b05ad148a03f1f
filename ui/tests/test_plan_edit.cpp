// The channel split edits of plan_edit (Qt-free): slices from and to cuts, resizing with clamping and
// granules, shares by weight and device speed, devices reassigned, removed and added, and DeeperThings' fused
// LOP/LIP pair kept fused. On the small test CNN: conv(8) pool conv(16) pool conv(10) on three devices.

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>

#include "core/model/model.h"
#include "core/partition/plan.h"
#include "small_cnn.h"
#include "ui/plan_edit.h"

using namespace tessera;
using namespace tessera::ui;
using partition::StageKind;
using Sizes = std::vector<std::int64_t>;

class TestPlanEdit : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    model::Graph m_graph;
    cost::Cluster m_cluster;
    std::size_t m_firstPool = 0, m_secondConv = 0;

    // conv_0..the first pool split by output channels (8), the next conv split by input channels (the same
    // 8), both in equal shares over the three devices: a fused pair.
    partition::Plan fusedPlan() const {
        auto plan = partition::wholeModelPlan(m_graph, 0);
        auto lop = splitChannels(plan, 0, m_firstPool, StageKind::Lop, m_graph, m_cluster);
        if (!lop) {
            qFatal("%s", lop.error().message.c_str());
        }
        auto lip = splitChannels(*lop, m_secondConv, m_secondConv, StageKind::Lip, m_graph, m_cluster);
        if (!lip) {
            qFatal("%s", lip.error().message.c_str());
        }
        return *lip;
    }

    static std::int64_t total(const ChannelSlices& slices) {
        return std::accumulate(slices.channels.begin(), slices.channels.end(), std::int64_t(0));
    }

private slots:
    void initTestCase() {
        QFile cfg(m_dir.filePath(QStringLiteral("small.cfg")));
        QVERIFY(cfg.open(QIODevice::WriteOnly) && cfg.write(test::kSmallCnnCfg) > 0);
        cfg.close();
        auto m = model::loadModel(cfg.fileName().toStdString());
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
        m_graph = m->graph;
        for (std::size_t i = 0; i < m_graph.nodes.size(); ++i) {
            if (m_graph.nodes[i].opType == "MaxPool" && m_firstPool == 0) {
                m_firstPool = i;
            } else if (m_graph.nodes[i].opType == "Conv" && m_firstPool != 0 && m_secondConv == 0) {
                m_secondConv = i;
            }
        }
        QVERIFY(m_firstPool > 0 && m_secondConv > m_firstPool);
        m_cluster = cost::uniformCluster("rpi4", 3);
        m_cluster.devices[2].macsPerSecond = 3 * m_cluster.devices[0].macsPerSecond;
    }

    void slicesAndCutsRoundTrip() {
        partition::Stage stage;
        stage.kind = StageKind::Lop;
        stage.channelCuts = {3, 5};
        stage.devices = {2, 0, 1};
        const auto slices = channelSlices(stage, 8);
        QCOMPARE(slices.channels, (Sizes{3, 2, 3}));
        QCOMPARE(slices.devices, (std::vector<int>{2, 0, 1}));
        QCOMPARE(cutsOfSlices(slices.channels), stage.channelCuts);
        // Cuts that do not fit the extent, or a device list of another length: no slices.
        QVERIFY(channelSlices(stage, 5).channels.empty());
        stage.devices = {0, 1};
        QVERIFY(channelSlices(stage, 8).channels.empty());
    }

    void resizeClampsAndRescalesTheOthers() {
        const ChannelSlices slices{{40, 20, 40}, {0, 1, 2}};
        // The others share what is left in proportion to their sizes (20:40).
        QCOMPARE(resizeSlice(slices, 0, 70, 1).channels, (Sizes{70, 10, 20}));
        // Never an empty slice: at most total - one channel per other slice, at least one.
        QCOMPARE(resizeSlice(slices, 1, 1000, 1).channels, (Sizes{1, 98, 1}));
        QCOMPARE(resizeSlice(slices, 1, 0, 1).channels, (Sizes{50, 1, 49}));
        QCOMPARE(resizeSlice(slices, 1, -5, 1).devices, slices.devices);
        // Whole granules of 10: 47 rounds to 50, the others take whole granules too.
        QCOMPARE(resizeSlice(slices, 2, 47, 10).channels, (Sizes{30, 20, 50}));
        // A remainder beyond the last whole granule stays with the last slice (103 = 10 granules + 3).
        const ChannelSlices odd{{40, 20, 43}, {0, 1, 2}};
        const auto resized = resizeSlice(odd, 0, 60, 10);
        QCOMPARE(resized.channels, (Sizes{60, 10, 33}));
        QCOMPARE(resizeSlice(odd, 2, 10, 10).channels, (Sizes{60, 30, 13}));
    }

    void sharesByWeightAndSpeed() {
        auto equal = proportionalSlices({0, 1, 2}, {1, 1, 1}, 8, 1);
        QVERIFY(equal.ok());
        QCOMPARE(equal->channels, (Sizes{3, 3, 2}));
        const auto speeds = deviceSpeeds(m_cluster, {0, 1, 2});
        QCOMPARE(speeds[2], 3 * speeds[0]);
        auto bySpeed = proportionalSlices({0, 1, 2}, speeds, 100, 1);
        QVERIFY(bySpeed.ok());
        QCOMPARE(bySpeed->channels, (Sizes{20, 20, 60}));
        QCOMPARE(bySpeed->devices, (std::vector<int>{0, 1, 2}));
        // Granules: 4 planes of 9 values over two devices.
        QCOMPARE(proportionalSlices({0, 1}, {1, 3}, 36, 9)->channels, (Sizes{9, 27}));
        QVERIFY(!proportionalSlices({0, 1, 2}, {1, 1, 1}, 2, 1).ok());
    }

    void devicesReassignedRemovedAdded() {
        const ChannelSlices slices{{4, 2, 2}, {0, 1, 2}};
        auto moved = assignSlice(slices, 1, 2, m_cluster);
        QVERIFY(!moved.ok()); // device 2 runs slice 3 already
        QVERIFY2(moved.error().message.find("already runs slice 3") != std::string::npos,
                 moved.error().message.c_str());
        QVERIFY(!assignSlice(slices, 1, 7, m_cluster).ok());
        QVERIFY(!assignSlice(slices, 5, 0, m_cluster).ok());
        const ChannelSlices two{{4, 4}, {0, 1}};
        auto reassigned = assignSlice(two, 1, 2, m_cluster);
        QVERIFY(reassigned.ok());
        QCOMPARE(reassigned->devices, (std::vector<int>{0, 2}));
        QCOMPARE(reassigned->channels, two.channels);

        auto removed = removeSlice(slices, 0, 1);
        QVERIFY(removed.ok());
        QCOMPARE(removed->devices, (std::vector<int>{1, 2}));
        QCOMPARE(removed->channels, (Sizes{4, 4}));
        QVERIFY(!removeSlice(two, 0, 1).ok()); // a split keeps two slices

        auto added = addSlice(two, 2, 1, m_cluster);
        QVERIFY(added.ok());
        QCOMPARE(added->devices, (std::vector<int>{0, 1, 2}));
        QCOMPARE(total(*added), std::int64_t(8));
        QVERIFY(added->channels[2] >= 2);
        QVERIFY(!addSlice(two, 1, 1, m_cluster).ok());              // already in the split
        QVERIFY(!addSlice({{1, 1}, {0, 1}}, 2, 1, m_cluster).ok()); // no channel left for it
    }

    void fusedPairIsRecognised() {
        const auto plan = fusedPlan();
        QCOMPARE(plan.stages[0].kind, StageKind::Lop);
        QCOMPARE(plan.stages[1].kind, StageKind::Lip);
        QCOMPARE(pairedStage(plan, 0, m_graph), 1);
        QCOMPARE(pairedStage(plan, 1, m_graph), 0);
        QCOMPARE(pairedStage(plan, 2, m_graph), -1); // the device stage after them
        QVERIFY(isFused(plan, 0, m_graph));
        QVERIFY(isFused(plan, 1, m_graph));
    }

    void editingOneHalfKeepsThePairFused() {
        const auto plan = fusedPlan();
        const auto axis = channelAxis(m_graph, plan.stages[0].first, plan.stages[0].last, StageKind::Lop);
        QCOMPARE(axis.channels, std::int64_t(8));
        QCOMPARE(axis.granule, std::int64_t(1));
        const ChannelSlices slices{{2, 5, 1}, {1, 0, 2}};
        auto kept = setChannelSlices(plan, 0, slices, true, m_graph, m_cluster);
        QVERIFY2(kept.ok(), kept.ok() ? "" : kept.error().message.c_str());
        QCOMPARE(kept->stages[0].channelCuts, (Sizes{2, 7}));
        QCOMPARE(kept->stages[1].channelCuts, (Sizes{2, 7}));
        QCOMPARE(kept->stages[1].devices, slices.devices);
        QVERIFY(isFused(*kept, 0, m_graph));
        // From the LIP side as well.
        auto fromLip = setChannelSlices(plan, 1, slices, true, m_graph, m_cluster);
        QVERIFY(fromLip.ok());
        QCOMPARE(fromLip->stages[0].channelCuts, (Sizes{2, 7}));
        // Without keepFused only the edited stage changes: the pair is no longer fused.
        auto alone = setChannelSlices(plan, 0, slices, false, m_graph, m_cluster);
        QVERIFY(alone.ok());
        QCOMPARE(alone->stages[1], plan.stages[1]);
        QVERIFY(!isFused(*alone, 0, m_graph));
        QCOMPARE(pairedStage(*alone, 0, m_graph), 1);
        // Matching the LIP to the LOP fuses them again.
        auto matched = fusePair(*alone, 0, m_graph, m_cluster);
        QVERIFY(matched.ok());
        QVERIFY(isFused(*matched, 0, m_graph));
        QCOMPARE(matched->stages[0], alone->stages[0]);
        QVERIFY(!fusePair(*alone, 2, m_graph, m_cluster).ok());
    }

    void invalidSlicesAreRefused() {
        const auto plan = fusedPlan();
        QVERIFY(
            !setChannelSlices(plan, 0, {{8, 0}, {0, 1}}, true, m_graph, m_cluster).ok()); // an empty slice
        QVERIFY(
            !setChannelSlices(plan, 0, {{4, 3}, {0, 1}}, true, m_graph, m_cluster).ok());  // 7 of 8 channels
        QVERIFY(!setChannelSlices(plan, 0, {{4, 4}, {0}}, true, m_graph, m_cluster).ok()); // a device short
        QVERIFY(!setChannelSlices(plan, 0, {{4, 4}, {0, 9}}, true, m_graph, m_cluster)
                     .ok()); // not in the cluster
        QVERIFY(
            !setChannelSlices(plan, 2, {{4, 4}, {0, 1}}, true, m_graph, m_cluster).ok()); // a device stage
    }

    void reducerOfALipStage() {
        const auto plan = fusedPlan();
        auto reduced = setReducer(plan, 1, 2, m_graph, m_cluster);
        QVERIFY(reduced.ok());
        QCOMPARE(reduced->stages[1].reducerDevice(), 2);
        auto back = setReducer(*reduced, 1, -1, m_graph, m_cluster);
        QVERIFY(back.ok());
        QCOMPARE(back->stages[1].reducer, -1);
        QVERIFY(!setReducer(plan, 0, 1, m_graph, m_cluster).ok()); // a LOP stage has none
    }
};

QTEST_GUILESS_MAIN(TestPlanEdit)
#include "test_plan_edit.moc"
