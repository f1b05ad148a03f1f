// The tile editor driven as a user would, under the offscreen platform, on the sample project (YOLOv2-608,
// layers conv_0..conv_15_leaky fused into 5x5 tiles on six devices): cut lines dragged with mouse events
// (one undo step per drag, the memory chart following every move), the grid re-cut from the spin boxes,
// tiles and devices dropped onto each other, the reuse and stealing toggles, refusals shown inline, and the
// receptive regions of the block's input.

#include <QAbstractButton>
#include <QCheckBox>
#include <QDragEnterEvent>
#include <QLabel>
#include <QMimeData>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include "test_support.h"
#include "ui/device_panel.h"
#include "ui/device_strip.h"
#include "ui/device_table_model.h"
#include "ui/main_window.h"
#include "ui/memory_chart.h"
#include "ui/node_selection.h"
#include "ui/partition_editor.h"
#include "ui/project_model.h"
#include "ui/tile_canvas.h"
#include "ui/tile_editor.h"
#include "ui/tile_mime.h"

using namespace tessera;
using namespace tessera::ui;
using Axis = TileCanvas::Axis;

class TestTileEditor : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProjectModel> m_project;
    std::unique_ptr<MainWindow> m_window;

    std::size_t nodeIndex(const std::string& name) const { return test::nodeIndex(*m_project, name); }

    const partition::Stage& block() const { return m_project->plan().stages.front(); }
    TileEditor* editor() const { return m_window->tileEditor(); }
    TileCanvas* canvas() const { return m_window->tileEditor()->canvas(); }

    // A drag-and-drop onto `target` at `pos`, as the platform delivers it.
    static void drop(QWidget* target, const QPoint& pos, const QMimeData* mime) {
        const auto actions = Qt::CopyAction | Qt::MoveAction;
        QDragEnterEvent enter(pos, actions, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(pos, actions, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &move);
        QVERIFY(move.isAccepted());
        QDropEvent dropped(QPointF(pos), actions, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &dropped);
        QVERIFY(dropped.isAccepted());
    }

private slots:
    void init() {
        m_settings = test::freshSettings(m_dir.path());
        m_project = std::make_unique<ProjectModel>(test::zooCacheDir());
        m_window = test::showMainWindow(m_project.get(), m_settings.get(), m_dir.path(), {1600, 1000});
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openSample());
        QCOMPARE(block().kind, partition::StageKind::Tiles);
        m_window->selection()->setNodes({nodeIndex("conv_15")});
        QVERIFY(editor()->isShowingBlock());
        // Let the panels' layouts settle before pointing at the canvas.
        QApplication::processEvents();
        QApplication::processEvents();
        QVERIFY(canvas()->isVisible());
        QVERIFY(canvas()->width() > 200 && canvas()->height() > 150);
    }

    void cleanup() {
        m_window.reset();
        m_project.reset();
    }

    void explainsWithoutATileBlock() {
        m_window->selection()->clear();
        QVERIFY(!editor()->isShowingBlock());
        QVERIFY(editor()->explanationText().contains(QStringLiteral("Fuse as Tile Block")));
        m_window->selection()->setNodes({nodeIndex("conv_20")});
        QVERIFY(!editor()->isShowingBlock());
        QVERIFY(editor()->explanationText().contains(QStringLiteral("conv_20 is not in a tile block")));
        // It lists the plan's tile blocks as links that select them.
        auto* explanation = editor()->findChild<QLabel*>(QStringLiteral("tileEditorExplanation"));
        QVERIFY(
            explanation->text().contains(QStringLiteral("<a href=\"node:0\">conv_0 … conv_15_leaky</a>")));
        emit explanation->linkActivated(QStringLiteral("node:0"));
        QCOMPARE(m_window->selection()->nodes(), std::vector<std::size_t>{0});
        QVERIFY(editor()->isShowingBlock());
        m_window->selection()->setNodes({nodeIndex("conv_0")});
        QVERIFY(editor()->isShowingBlock());
        // Undoing the fuse of the block it shows takes the editor back to the explanation.
        QVERIFY(m_window->partitionEditor()->place(0, block().last, 0));
        QVERIFY(!editor()->isShowingBlock());
        m_project->undoStack()->undo();
        QVERIFY(editor()->isShowingBlock());
    }

    void dragACutLineIsOneUndoStep() {
        const partition::Plan before = m_project->plan();
        const QList<double> chartBefore = test::chartTotals(*m_window);
        const int steps = m_project->undoStack()->count();
        QCOMPARE(block().colCuts, (std::vector<std::int64_t>{8, 16, 24, 32}));

        // Hovering the first column cut offers to drag it sideways; a tile offers to be picked up.
        const QPoint handle = canvas()->cutHandle(Axis::Columns, 0).toPoint();
        QTest::mouseMove(canvas(), handle);
        QCOMPARE(canvas()->cursor().shape(), Qt::SplitHCursor);
        QTest::mouseMove(canvas(), canvas()->tileCenter(12).toPoint());
        QCOMPARE(canvas()->cursor().shape(), Qt::OpenHandCursor);

        // Drag it from 8 to 12 in four moves (the pointer at column x.3 snaps to x).
        QTest::mousePress(canvas(), Qt::LeftButton, {}, handle);
        for (int column = 9; column <= 12; ++column) {
            QTest::mouseMove(canvas(), canvas()->outputPoint(19, column + 0.3).toPoint());
            QCOMPARE(block().colCuts.front(), std::int64_t(column));
            // The memory chart follows every move, and all the moves are one undo step.
            test::checkChartFollowsPlan(*m_window, *m_project);
            QCOMPARE(m_project->undoStack()->count(), steps + 1);
        }
        QTest::mouseRelease(canvas(), Qt::LeftButton, {}, canvas()->outputPoint(19, 12).toPoint());
        QCOMPARE(block().colCuts, (std::vector<std::int64_t>{12, 16, 24, 32}));
        QCOMPARE(block().rowCuts, before.stages.front().rowCuts);
        QCOMPARE(block().devices, before.stages.front().devices); // moving a cut keeps every tile's device
        QCOMPARE(m_project->undoStack()->count(), steps + 1);
        QCOMPARE(m_project->undoStack()->undoText(),
                 QStringLiteral("Move the cut lines of conv_0..conv_15_leaky"));
        QVERIFY(test::chartTotals(*m_window) != chartBefore);
        const partition::Plan after = m_project->plan();

        m_window->findChild<QAction*>(QStringLiteral("undoAction"))->trigger();
        QVERIFY(m_project->plan() == before);
        QCOMPARE(test::chartTotals(*m_window), chartBefore);
        m_window->findChild<QAction*>(QStringLiteral("redoAction"))->trigger();
        QVERIFY(m_project->plan() == after);
        test::checkChartFollowsPlan(*m_window, *m_project);

        // A second drag is a second step; dragging past the next cut stops one column short of it.
        const QPoint moved = canvas()->cutHandle(Axis::Columns, 0).toPoint();
        QTest::mousePress(canvas(), Qt::LeftButton, {}, moved);
        QTest::mouseMove(canvas(), canvas()->outputPoint(19, 30).toPoint());
        QTest::mouseRelease(canvas(), Qt::LeftButton, {}, canvas()->outputPoint(19, 30).toPoint());
        QCOMPARE(block().colCuts, (std::vector<std::int64_t>{15, 16, 24, 32}));
        QCOMPARE(m_project->undoStack()->count(), steps + 2);
        // A drag that ends where it began leaves no step behind.
        const QPoint back = canvas()->cutHandle(Axis::Columns, 0).toPoint();
        QTest::mousePress(canvas(), Qt::LeftButton, {}, back);
        QTest::mouseMove(canvas(), canvas()->outputPoint(19, 3).toPoint());
        QCOMPARE(block().colCuts.front(), std::int64_t(3));
        QTest::mouseMove(canvas(), canvas()->outputPoint(19, 15).toPoint());
        QTest::mouseRelease(canvas(), Qt::LeftButton, {}, canvas()->outputPoint(19, 15).toPoint());
        QCOMPARE(block().colCuts.front(), std::int64_t(15));
        QCOMPARE(m_project->undoStack()->count(), steps + 2);
        // Escape during a drag puts the line back and leaves no step either.
        QTest::mousePress(canvas(), Qt::LeftButton, {}, back);
        QTest::mouseMove(canvas(), canvas()->outputPoint(19, 5).toPoint());
        QCOMPARE(block().colCuts.front(), std::int64_t(5));
        QTest::keyClick(canvas(), Qt::Key_Escape);
        QCOMPARE(block().colCuts.front(), std::int64_t(15));
        QTest::mouseMove(canvas(), canvas()->outputPoint(19, 7).toPoint()); // the drag is over
        QTest::mouseRelease(canvas(), Qt::LeftButton, {}, canvas()->outputPoint(19, 7).toPoint());
        QCOMPARE(block().colCuts.front(), std::int64_t(15));
        QCOMPARE(m_project->undoStack()->count(), steps + 2);
    }

    void dragARowCutToTheBorder() {
        const QPoint handle = canvas()->cutHandle(Axis::Rows, 3).toPoint(); // at 32 of 38
        QTest::mouseMove(canvas(), handle);
        QCOMPARE(canvas()->cursor().shape(), Qt::SplitVCursor);
        QTest::mousePress(canvas(), Qt::LeftButton, {}, handle);
        QTest::mouseMove(canvas(), canvas()->outputPoint(60, 19).toPoint()); // below the output
        QTest::mouseRelease(canvas(), Qt::LeftButton, {}, canvas()->outputPoint(60, 19).toPoint());
        // The last row keeps one row of the output.
        QCOMPARE(block().rowCuts, (std::vector<std::int64_t>{8, 16, 24, 37}));
        QVERIFY(m_project->preview().valid);
    }

    void spinBoxesRecutEvenly() {
        const partition::Plan before = m_project->plan();
        QCOMPARE(editor()->rowsEdit()->value(), 5);
        QCOMPARE(editor()->rowsEdit()->maximum(), 38);
        editor()->rowsEdit()->setValue(3);
        QCOMPARE(block().rowCuts, (std::vector<std::int64_t>{13, 26}));
        QCOMPARE(block().colCuts, before.stages.front().colCuts);
        QCOMPARE(block().devices.size(), std::size_t(15));
        QCOMPARE(block().devices[6], 0); // dealt round-robin over the six devices, gateway first
        QCOMPARE(m_project->undoStack()->undoText(),
                 QStringLiteral("Cut conv_0..conv_15_leaky into 3x5 tiles"));
        editor()->columnsEdit()->setValue(2);
        QCOMPARE(block().colCuts, (std::vector<std::int64_t>{19}));
        QCOMPARE(block().cells(), std::size_t(6));
        m_project->undoStack()->undo();
        m_project->undoStack()->undo();
        QVERIFY(m_project->plan() == before);
        QCOMPARE(editor()->rowsEdit()->value(), 5); // the spin boxes follow the plan
        QCOMPARE(editor()->columnsEdit()->value(), 5);
    }

    void dropsAssignTilesToDevices() {
        const partition::Plan before = m_project->plan();
        QCOMPARE(block().devices[7], 1);
        // A tile dragged out of the grid, dropped on the chip of emulated-5.
        auto* strip = editor()->deviceStrip();
        std::unique_ptr<QMimeData> tile(tileMimeData({block().first, 7}));
        drop(strip, strip->chipRect(4).center(), tile.get());
        QCOMPARE(block().devices[7], 4);
        QCOMPARE(m_project->undoStack()->undoText(),
                 QStringLiteral("Run tile 7 of conv_0..conv_15_leaky on emulated-5"));
        // A device chip dragged onto tile 0.
        std::unique_ptr<QMimeData> device(deviceMimeData(5));
        drop(canvas(), canvas()->tileCenter(0).toPoint(), device.get());
        QCOMPARE(block().devices[0], 5);
        QVERIFY(m_project->preview().valid);
        m_project->undoStack()->undo();
        QCOMPARE(block().devices[0], before.stages.front().devices[0]);
        m_project->undoStack()->undo();
        QVERIFY(m_project->plan() == before);
        // Outside the grid there is nothing to drop on.
        QDragEnterEvent enter(QPoint(1, 1), Qt::CopyAction, device.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(canvas(), &enter);
        QDragMoveEvent move(QPoint(1, 1), Qt::CopyAction, device.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(canvas(), &move);
        QVERIFY(!move.isAccepted());
    }

    void devicePanelTakesTilesAndGivesDevices() {
        auto* devices = m_window->devicePanel()->tableModel();
        // A tile dropped on the row of emulated-6.
        std::unique_ptr<QMimeData> tile(tileMimeData({block().first, 3}));
        QVERIFY(devices->canDropMimeData(tile.get(), Qt::MoveAction, -1, -1, devices->index(5, 0)));
        devices->dropMimeData(tile.get(), Qt::MoveAction, -1, -1, devices->index(5, 0));
        QCOMPARE(block().devices[3], 5);
        // The row of emulated-3 dragged onto tile 4.
        std::unique_ptr<QMimeData> device(devices->mimeData({devices->index(2, 0)}));
        QCOMPARE(deviceFromMime(device.get()), 2);
        drop(canvas(), canvas()->tileCenter(4).toPoint(), device.get());
        QCOMPARE(block().devices[4], 2);
    }

    void reuseAndStealingToggles() {
        const partition::Plan before = m_project->plan();
        QVERIFY(block().reuse && block().stealing);
        QTest::mouseClick(editor()->reuseEdit(), Qt::LeftButton);
        QVERIFY(!block().reuse);
        QVERIFY(block().stealing);
        QTest::mouseClick(editor()->stealingEdit(), Qt::LeftButton);
        QVERIFY(!block().stealing);
        const partition::Plan after = m_project->plan();
        m_project->undoStack()->undo();
        QVERIFY(block().stealing);
        QVERIFY(editor()->stealingEdit()->isChecked());
        m_project->undoStack()->undo();
        QVERIFY(m_project->plan() == before);
        QVERIFY(editor()->reuseEdit()->isChecked());
        m_project->undoStack()->redo();
        m_project->undoStack()->redo();
        QVERIFY(m_project->plan() == after);
        QVERIFY(!editor()->reuseEdit()->isChecked() && !editor()->stealingEdit()->isChecked());
    }

    void refusedEditsAreExplainedInline() {
        const partition::Plan before = m_project->plan();
        auto* partitions = m_window->partitionEditor();
        QVERIFY(!partitions->setTileCuts(nodeIndex("conv_15"), {8, 8}, {8, 16, 24, 32}));
        QVERIFY(m_project->plan() == before);
        QVERIFY(
            editor()->messageText().contains(QStringLiteral("row cuts [8,8] must be strictly increasing")));
        QVERIFY(!partitions->regridTiles(nodeIndex("conv_15"), 39, 5));
        QVERIFY(editor()->messageText().contains(QStringLiteral("cannot be cut into 39x5 tiles")));
        QVERIFY(!partitions->assignTile(nodeIndex("conv_15"), 25, 1));
        QVERIFY(editor()->messageText().contains(QStringLiteral("There is no tile 25 in this block")));
        QVERIFY(!partitions->assignTile(nodeIndex("conv_15"), 0, 6));
        QVERIFY(editor()->messageText().contains(QStringLiteral("There is no device #6")));
        QVERIFY(!partitions->assignTile(nodeIndex("conv_20"), 0, 1));
        QVERIFY(editor()->messageText().contains(QStringLiteral("not part of a tile block")));
        // The next edit clears the message.
        QVERIFY(partitions->assignTile(nodeIndex("conv_15"), 0, 1));
        QVERIFY(editor()->messageText().isEmpty());
    }

    void inputShowsReceptiveRegions() {
        QVERIFY(canvas()->inputRegions().empty());
        QTest::mouseClick(editor()->showInputButton(), Qt::LeftButton);
        QVERIFY(canvas()->showsInput());
        QCOMPARE(canvas()->inputValue(), QStringLiteral("input"));
        const auto& regions = canvas()->inputRegions();
        QCOMPARE(regions.size(), std::size_t(25));
        // Tile 0 is rows and columns 0..7 of the 38x38 output, 0..127 of the 608x608 input; its receptive
        // field reaches further, into tile 1's and tile 5's, and the neighbours' regions overlap.
        QCOMPARE(regions[0][2].begin, std::int64_t(0));
        QVERIFY(regions[0][2].end > 128 && regions[0][3].end > 128);
        QVERIFY(!partition::intersect(regions[0], regions[1]).empty());
        QVERIFY(!partition::intersect(regions[0], regions[5]).empty());
        QCOMPARE(regions[24][2].end, std::int64_t(608));
        const QString shot = QDir::temp().filePath(QStringLiteral("tessera_tile_editor.png"));
        QVERIFY(editor()->grab().save(shot));
        qInfo("tile editor with the input shown: %s", qPrintable(shot));
        // They follow a cut-line drag.
        const auto tile0 = regions[0];
        const QPoint handle = canvas()->cutHandle(Axis::Columns, 0).toPoint();
        QTest::mousePress(canvas(), Qt::LeftButton, {}, handle);
        QTest::mouseMove(canvas(), canvas()->outputPoint(19, 4).toPoint());
        QTest::mouseRelease(canvas(), Qt::LeftButton, {}, canvas()->outputPoint(19, 4).toPoint());
        QVERIFY(canvas()->inputRegions()[0][3].end < tile0[3].end);
        QCOMPARE(canvas()->inputRegions()[0][2], tile0[2]);
    }
};

QTEST_MAIN(TestTileEditor)
#include "test_tile_editor.moc"
