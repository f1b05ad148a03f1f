// The timeline (Gantt chart of the simulated run) against the simulation it draws: one bar per task and per
// transfer, rows per device, the end at the predicted latency, tool tips naming the task, more frames showing
// the pipeline, and redrawn on every plan edit and undo (when shown). tiny-YOLOv2 on the four devices of a
// new project.

#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include "test_support.h"
#include "ui/node_selection.h"
#include "ui/partition_editor.h"
#include "ui/project_model.h"
#include "ui/timeline_view.h"

using namespace tessera;
using namespace tessera::ui;

class TestTimelineView : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ProjectModel> m_project;

    static int countBars(const TimelineCanvas& canvas, bool tasks) {
        return int(std::count_if(canvas.bars().begin(), canvas.bars().end(),
                                 [&](const TimelineCanvas::Bar& b) { return (b.stage >= 0) == tasks; }));
    }

private slots:
    void init() {
        m_project = std::make_unique<ProjectModel>(test::zooCacheDir());
        QString error;
        QVERIFY2(test::newZooProject(*m_project, QStringLiteral("tiny-yolov2"), &error), qPrintable(error));
    }

    void drawsTheSimulatedRun() {
        TimelineView view(m_project.get());
        view.resize(900, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        TimelineCanvas* canvas = view.canvas();
        const auto& preview = m_project->preview();
        QCOMPARE(canvas->rows(), 2 * int(m_project->cluster().devices.size()));
        // whole on the gateway: one task, no transfer
        QCOMPARE(countBars(*canvas, true), int(preview.frame.tasks.size()));
        QCOMPARE(countBars(*canvas, false), int(preview.frame.transfers.size()));
        QCOMPARE(canvas->makespan(), preview.frame.makespan);
        QVERIFY(qAbs(canvas->makespan() - preview.latencySeconds) < 1e-12);

        // fuse the first eight nodes into 2x2 tiles over the four devices
        NodeSelection selection;
        PartitionEditor editor(m_project.get(), &selection);
        QSignalSpy changed(m_project.get(), &ProjectModel::previewChanged);
        TileSettings tiles;
        tiles.rows = tiles.columns = 2;
        QVERIFY(editor.fuse(0, 7, tiles));
        QCOMPARE(changed.count(), 1);
        const auto& fused = m_project->preview();
        QVERIFY(fused.valid);
        QCOMPARE(countBars(*canvas, true), int(fused.frame.tasks.size()));
        QVERIFY(countBars(*canvas, true) >= 5); // four tiles and the rest on the gateway
        QCOMPARE(countBars(*canvas, false), int(fused.frame.transfers.size()));
        QVERIFY(countBars(*canvas, false) > 0);
        QCOMPARE(canvas->makespan(), fused.frame.makespan);
        // every bar lies in its device's row, in time order within the canvas
        for (const auto& bar : canvas->bars()) {
            QVERIFY(bar.end >= bar.start);
            QVERIFY(canvas->rect().contains(bar.rect.center().toPoint()));
        }
        // the tool tip over a tile names its stage, cell and device
        const auto tile = std::find_if(canvas->bars().begin(), canvas->bars().end(),
                                       [](const auto& b) { return b.row == 2; });
        QVERIFY(tile != canvas->bars().end());
        const QString text = canvas->textAt(tile->rect.center());
        QVERIFY2(text.startsWith(QStringLiteral("Stage 1 (")), qPrintable(text));
        QVERIFY2(text.contains(QString::fromStdString(m_project->cluster().devices[1].name)),
                 qPrintable(text));
        QVERIFY(canvas->textAt(QPointF(1, canvas->height() - 1)).isEmpty());

        // three frames back to back: three times the tasks, a longer run, the pipeline's figures
        view.setFrames(3);
        QCOMPARE(countBars(*canvas, true), 3 * int(fused.frame.tasks.size()));
        QVERIFY(canvas->makespan() > fused.frame.makespan);
        QVERIFY2(view.summaryText().contains(QStringLiteral("3 frames")), qPrintable(view.summaryText()));
        view.setFrames(1);

        // undo redraws the plan before
        m_project->undoStack()->undo();
        QCOMPARE(countBars(*canvas, true), 1);
        QCOMPARE(countBars(*canvas, false), 0);

        // hidden (a tab behind the Run panel), it skips the edits; shown again, it draws the current plan
        view.hide();
        m_project->undoStack()->redo();
        QCOMPARE(countBars(*canvas, true), 1);
        view.show();
        QCOMPARE(countBars(*canvas, true), int(m_project->preview().frame.tasks.size()));
        QVERIFY(countBars(*canvas, true) >= 5);
    }

    void noProjectNoBars() {
        m_project->closeProject();
        TimelineView view(m_project.get());
        QCOMPARE(view.canvas()->rows(), 0);
        QVERIFY(view.canvas()->bars().empty());
    }
};

QTEST_MAIN(TestTimelineView)
#include "test_timeline_view.moc"
