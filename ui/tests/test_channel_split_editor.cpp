// The channel split editor driven as a user would, under the offscreen platform, on the sample project
// (YOLOv2-608, six emulated devices): conv_18 split by output channels and conv_19 by input channels with
// the Partition menu's actions (DeeperThings' fused pair), then a share slider dragged with the mouse (one
// undo step, the memory chart following every move, the LIP stage kept fused), exact channel counts typed,
// slices moved to other devices, removed and added back, shares made equal or proportional to the devices'
// speeds, the LIP's reducer, and edits that would be invalid clamped or refused with the reason inline.

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStyleOptionSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <numeric>

#include "test_support.h"
#include "ui/channel_split_editor.h"
#include "ui/main_window.h"
#include "ui/memory_chart.h"
#include "ui/node_selection.h"
#include "ui/partition_editor.h"
#include "ui/project_model.h"
#include "ui/undo_commands.h"

using namespace tessera;
using namespace tessera::ui;
using Cuts = std::vector<std::int64_t>;

class TestChannelSplitEditor : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProjectModel> m_project;
    std::unique_ptr<MainWindow> m_window;

    std::size_t nodeIndex(const std::string& name) const { return test::nodeIndex(*m_project, name); }
    ChannelSplitEditor* editor() const { return m_window->channelSplitEditor(); }
    const partition::Stage& stageOf(const std::string& node) const {
        const auto& plan = m_project->plan();
        return plan.stages[std::size_t(plan.stageOf(nodeIndex(node)))];
    }
    const partition::Stage& lop() const { return stageOf("conv_18"); }
    const partition::Stage& lip() const { return stageOf("conv_19"); }
    int steps() const { return m_project->undoStack()->count(); }

    // Chooses the item of `combo` holding `data`, as a user picking it from the list does.
    static void choose(QComboBox* combo, int data) {
        const int item = combo->findData(data);
        QVERIFY(item >= 0);
        combo->setCurrentIndex(item);
        emit combo->activated(item);
    }

    // The centre of the slider's handle, where the user grabs it.
    static QPoint handleCenter(QSlider* slider) {
        QStyleOptionSlider option;
        option.initFrom(slider);
        option.orientation = slider->orientation();
        option.minimum = slider->minimum();
        option.maximum = slider->maximum();
        option.sliderPosition = slider->sliderPosition();
        option.sliderValue = slider->value();
        option.singleStep = slider->singleStep();
        option.pageStep = slider->pageStep();
        option.subControls = QStyle::SC_All;
        return slider->style()
            ->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, slider)
            .center();
    }

    static std::int64_t sliceSize(const partition::Stage& stage, std::size_t slice, std::int64_t channels) {
        const std::int64_t begin = slice == 0 ? 0 : stage.channelCuts[slice - 1];
        const std::int64_t end = slice < stage.channelCuts.size() ? stage.channelCuts[slice] : channels;
        return end - begin;
    }

private slots:
    void init() {
        m_settings = test::freshSettings(m_dir.path());
        m_project = std::make_unique<ProjectModel>(test::zooCacheDir());
        m_window = test::showMainWindow(m_project.get(), m_settings.get(), m_dir.path(), {1600, 1000});
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openSample());
        // Split with the Partition menu's actions, as a user would.
        m_window->selection()->setNodes({nodeIndex("conv_18"), nodeIndex("conv_18_leaky")});
        m_window->findChild<QAction*>(QStringLiteral("lopAction"))->trigger();
        m_window->selection()->setNodes({nodeIndex("conv_19"), nodeIndex("conv_19_leaky")});
        m_window->findChild<QAction*>(QStringLiteral("lipAction"))->trigger();
        QCOMPARE(lop().kind, partition::StageKind::Lop);
        QCOMPARE(lip().kind, partition::StageKind::Lip);
        QCOMPARE(lop().channelCuts.size(), std::size_t(5));
        m_window->selection()->setNodes({nodeIndex("conv_18")});
        QVERIFY(editor()->isShowingSplit());
        // The channel split dock came to the front (the tile editor's shares its place).
        QApplication::processEvents();
        QVERIFY(editor()->isVisible());
        QCOMPARE(editor()->sliceCount(), 6);
    }

    void cleanup() {
        m_window.reset();
        m_project.reset();
    }

    void showsTheSplitAndThePair() {
        QVERIFY2(editor()->headerText().contains(QStringLiteral("1024 channels")),
                 qPrintable(editor()->headerText()));
        QVERIFY(editor()->headerText().contains(QStringLiteral("LOP")));
        std::int64_t total = 0;
        for (int s = 0; s < editor()->sliceCount(); ++s) {
            QCOMPARE(editor()->deviceEdit(s)->currentData().toInt(), lop().devices[std::size_t(s)]);
            QCOMPARE(editor()->channelsEdit(s)->value(), int(sliceSize(lop(), std::size_t(s), 1024)));
            total += editor()->channelsEdit(s)->value();
        }
        QCOMPARE(total, std::int64_t(1024));
        QVERIFY2(
            editor()->pairText().contains(QStringLiteral("Fused with the LIP stage conv_19 … conv_19_leaky")),
            qPrintable(editor()->pairText()));
        QVERIFY(editor()->keepFusedEdit()->isVisibleTo(editor()));
        QVERIFY(!editor()->matchPairButton()->isVisibleTo(editor()));
        QVERIFY(!editor()->reducerEdit()->isVisibleTo(editor())); // a LOP stage has no reducer

        // Another layer: the explanation, with links to the plan's channel splits.
        m_window->selection()->setNodes({nodeIndex("conv_20")});
        QVERIFY(!editor()->isShowingSplit());
        QVERIFY(editor()->explanationText().contains(QStringLiteral("conv_20 is not in a channel split")));
        QVERIFY(editor()->explanationText().contains(QStringLiteral("conv_18 … conv_18_leaky (LOP)")));
        auto* explanation = editor()->findChild<QLabel*>(QStringLiteral("channelSplitExplanation"));
        emit explanation->linkActivated(QStringLiteral("node:%1").arg(nodeIndex("conv_19")));
        QVERIFY(editor()->isShowingSplit());
        QVERIFY(editor()->headerText().contains(QStringLiteral("LIP")));
        QVERIFY(editor()->reducerEdit()->isVisibleTo(editor()));
    }

    void dragASliderIsOneUndoStep() {
        const partition::Plan before = m_project->plan();
        const QList<double> chartBefore = test::chartTotals(*m_window);
        const int stepsBefore = steps();
        QSlider* slider = editor()->shareSlider(0);
        QVERIFY(slider->isVisible() && slider->width() > 60);
        const int start = slider->value();
        const QPoint grab = handleCenter(slider);
        QTest::mousePress(slider, Qt::LeftButton, {}, grab);
        QVERIFY(slider->isSliderDown());
        Cuts previous = lop().channelCuts;
        for (int dx = 10; dx <= 40; dx += 10) {
            QTest::mouseMove(slider, grab + QPoint(dx, 0));
            // The plan follows every move: the first slice grows, the LIP stage stays fused, the chart
            // shows the new prediction, and the whole drag is one undo step.
            QVERIFY2(lop().channelCuts.front() > previous.front(), qPrintable(QString::number(dx)));
            previous = lop().channelCuts;
            QCOMPARE(lip().channelCuts, lop().channelCuts);
            QCOMPARE(editor()->channelsEdit(0)->value(), int(lop().channelCuts.front()));
            test::checkChartFollowsPlan(*m_window, *m_project);
            QCOMPARE(steps(), stepsBefore + 1);
        }
        QTest::mouseRelease(slider, Qt::LeftButton, {}, grab + QPoint(40, 0));
        QVERIFY(!slider->isSliderDown());
        QVERIFY(slider->value() > start);
        QCOMPARE(steps(), stepsBefore + 1);
        QCOMPARE(m_project->undoStack()->undoText(),
                 QStringLiteral("Change the channel shares of conv_18..conv_18_leaky"));
        QCOMPARE(lop().devices, before.stages[std::size_t(before.stageOf(nodeIndex("conv_18")))].devices);
        QVERIFY(test::chartTotals(*m_window) != chartBefore);
        const partition::Plan after = m_project->plan();

        m_window->findChild<QAction*>(QStringLiteral("undoAction"))->trigger();
        QVERIFY(m_project->plan() == before);
        QCOMPARE(test::chartTotals(*m_window), chartBefore);
        QCOMPARE(editor()->shareSlider(0)->value(), start);
        m_window->findChild<QAction*>(QStringLiteral("redoAction"))->trigger();
        QVERIFY(m_project->plan() == after);

        // Without "keep fused" the LOP moves alone, the pair is no longer fused, and one click matches it.
        editor()->keepFusedEdit()->setChecked(false);
        editor()->channelsEdit(1)->setValue(100);
        QCOMPARE(sliceSize(lop(), 1, 1024), std::int64_t(100));
        QCOMPARE(lip().channelCuts,
                 after.stages[std::size_t(after.stageOf(nodeIndex("conv_19")))].channelCuts);
        QVERIFY2(editor()->pairText().contains(QStringLiteral("cut differently")),
                 qPrintable(editor()->pairText()));
        QVERIFY(editor()->matchPairButton()->isVisibleTo(editor()));
        QTest::mouseClick(editor()->matchPairButton(), Qt::LeftButton);
        QCOMPARE(lip().channelCuts, lop().channelCuts);
        QCOMPARE(lip().devices, lop().devices);
        QVERIFY(editor()->pairText().contains(QStringLiteral("Fused with")));
        QCOMPARE(steps(), stepsBefore + 3);
    }

    void exactCountsAndEqualOrSpeedShares() {
        const int stepsBefore = steps();
        // Typed counts are exact; the other slices share the rest.
        editor()->channelsEdit(2)->setValue(300);
        QCOMPARE(sliceSize(lop(), 2, 1024), std::int64_t(300));
        QCOMPARE(lip().channelCuts, lop().channelCuts);
        QCOMPARE(steps(), stepsBefore + 1);
        QTest::mouseClick(editor()->equalButton(), Qt::LeftButton);
        QCOMPARE(lop().channelCuts, (Cuts{171, 342, 513, 684, 854}));
        // emulated-3 made four times as fast: by speed it gets 4/9 of the channels.
        auto device = m_project->cluster().devices[2];
        const auto old = device;
        device.macsPerSecond *= 4;
        m_project->undoStack()->push(new EditDeviceCommand(m_project.get(), 2, old, device));
        QTest::mouseClick(editor()->bySpeedButton(), Qt::LeftButton);
        const auto slot =
            std::size_t(std::find(lop().devices.begin(), lop().devices.end(), 2) - lop().devices.begin());
        QCOMPARE(sliceSize(lop(), slot, 1024), std::int64_t(455)); // 1024 * 4 / 9, rounded
        QCOMPARE(lip().channelCuts, lop().channelCuts);
        QCOMPARE(m_project->undoStack()->undoText(),
                 QStringLiteral("Channel shares by device speed for conv_18..conv_18_leaky"));
    }

    void devicesReassignedRemovedAndAdded() {
        const partition::Plan before = m_project->plan();
        const int stepsBefore = steps();
        const int last = lop().devices.back();
        // Remove the last slice: its device is offered back, the others take its channels.
        QTest::mouseClick(editor()->removeButton(5), Qt::LeftButton);
        QCOMPARE(lop().devices.size(), std::size_t(5));
        QCOMPARE(lip().devices, lop().devices);
        QCOMPARE(editor()->sliceCount(), 5);
        QCOMPARE(editor()->addDeviceEdit()->findData(last), 1);
        // Give slice 1 to the freed device.
        const int replaced = lop().devices[0];
        choose(editor()->deviceEdit(0), last);
        QCOMPARE(lop().devices[0], last);
        QCOMPARE(lip().devices[0], last);
        // The replaced device joins again as a sixth slice.
        choose(editor()->addDeviceEdit(), replaced);
        QCOMPARE(lop().devices.size(), std::size_t(6));
        QCOMPARE(lop().devices.back(), replaced);
        QCOMPARE(editor()->sliceCount(), 6);
        QCOMPARE(steps(), stepsBefore + 3);
        for (int i = 0; i < 3; ++i) {
            m_project->undoStack()->undo();
        }
        QVERIFY(m_project->plan() == before);
        QCOMPARE(editor()->sliceCount(), 6);
    }

    void invalidEditsAreClampedOrRefused() {
        const partition::Plan before = m_project->plan();
        const int stepsBefore = steps();
        // A device that runs another slice: refused, explained inline, the combo back on its device.
        const int other = lop().devices[1];
        choose(editor()->deviceEdit(0), other);
        QVERIFY(m_project->plan() == before);
        QCOMPARE(steps(), stepsBefore);
        QVERIFY2(editor()->messageText().contains(QStringLiteral("already runs slice 2")),
                 qPrintable(editor()->messageText()));
        QCOMPARE(editor()->deviceEdit(0)->currentData().toInt(), lop().devices[0]);
        // An empty slice cannot be typed or dragged: the spin box and the slider stop at one channel, and the
        // other slices keep one channel each when one slice takes all it can.
        editor()->channelsEdit(3)->setValue(0);
        QCOMPARE(sliceSize(lop(), 3, 1024), std::int64_t(1));
        editor()->shareSlider(0)->setValue(5000);
        QCOMPARE(sliceSize(lop(), 0, 1024), std::int64_t(1024 - 5));
        for (std::size_t s = 1; s < 6; ++s) {
            QCOMPARE(sliceSize(lop(), s, 1024), std::int64_t(1));
        }
        // A split keeps two slices: the last two cannot be removed.
        for (int s = 5; s >= 2; --s) {
            QTest::mouseClick(editor()->removeButton(s), Qt::LeftButton);
        }
        QCOMPARE(editor()->sliceCount(), 2);
        QVERIFY(!editor()->removeButton(0)->isEnabled());
        QVERIFY(!editor()->removeButton(1)->isEnabled());
        QVERIFY(editor()->removeButton(1)->toolTip().contains(QStringLiteral("two slices")));
    }

    void reducerOfTheLipStage() {
        m_window->selection()->setNodes({nodeIndex("conv_19_leaky")});
        QVERIFY(editor()->isShowingSplit());
        QCOMPARE(editor()->reducerEdit()->currentData().toInt(), -1);
        choose(editor()->reducerEdit(), 3);
        QCOMPARE(lip().reducerDevice(), 3);
        QCOMPARE(m_project->undoStack()->undoText(),
                 QStringLiteral("Reduce conv_19..conv_19_leaky on emulated-4"));
        m_project->undoStack()->undo();
        QCOMPARE(lip().reducer, -1);
        QCOMPARE(editor()->reducerEdit()->currentData().toInt(), -1);
    }
};

QTEST_MAIN(TestChannelSplitEditor)
#include "test_channel_split_editor.moc"
