// ProjectModel, the project file and the undo commands: load/save/reopen, refusals, and an undo/redo round
// trip per command.

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/partition/plan.h"
#include "test_support.h"
#include "ui/autosave.h"
#include "ui/node_selection.h"
#include "ui/partition_editor.h"
#include "ui/project_model.h"
#include "ui/undo_commands.h"

using namespace tessera;
using namespace tessera::ui;

class TestProjectModel : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ProjectModel> m_project;
    QTemporaryDir m_dir;

    void writeFile(const QString& path, const QByteArray& bytes) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }

    // The sample project with `from` replaced by `to`, written to `path`.
    void writeSampleWith(const QString& path, const QByteArray& from, const QByteArray& to) {
        QFile sample(test::sampleProject());
        QVERIFY(sample.open(QIODevice::ReadOnly));
        QByteArray bytes = sample.readAll();
        bytes.replace(from, to);
        QVERIFY(bytes.contains(to));
        writeFile(path, bytes);
    }

private slots:
    void init() {
        m_project = std::make_unique<ProjectModel>(test::zooCacheDir());
        QString error;
        QVERIFY2(m_project->openProject(test::sampleProject(), &error), qPrintable(error));
    }

    void sampleIsTheDeepThingsConfiguration() {
        const auto& cluster = m_project->cluster();
        QCOMPARE(cluster.devices.size(), std::size_t(6));
        QCOMPARE(cluster.devices[5].name, std::string("emulated-6"));
        QCOMPARE(cluster.devices[0].linkBitsPerSecond, 100e6);
        const auto& plan = m_project->plan();
        QCOMPARE(plan.stages.size(), std::size_t(2));
        const auto& tiles = plan.stages[0];
        QCOMPARE(tiles.kind, partition::StageKind::Tiles);
        QCOMPARE(m_project->model().graph.nodes[tiles.last].name, std::string("conv_15_leaky"));
        QCOMPARE(tiles.rows(), 5);
        QCOMPARE(tiles.columns(), 5);
        QVERIFY(tiles.reuse);
        QVERIFY(tiles.stealing);
        QVERIFY(m_project->preview().valid);
        QVERIFY(m_project->preview().latencySeconds > 0);
        QVERIFY(!m_project->isModified());
        QCOMPARE(m_project->modelSource().zooName, QStringLiteral("yolov2-608"));
    }

    void sharedCensusPredictsWhatAFreshCompileDoes() {
        // The studio's previews share one WeightCensus of the loaded model; a compile that counts the
        // weights' zeros afresh must predict the same.
        const auto full = computePreview(m_project->model(), m_project->plan(), m_project->cluster());
        const auto& fast = m_project->preview();
        QVERIFY(full.valid && fast.valid);
        QCOMPARE(fast.tasks, full.tasks);
        QCOMPARE(fast.latencySeconds, full.latencySeconds);
        QCOMPARE(fast.cost.trafficBytes, full.cost.trafficBytes);
        for (std::size_t d = 0; d < full.cost.devices.size(); ++d) {
            QCOMPARE(fast.cost.devices[d].weightBytes, full.cost.devices[d].weightBytes);
            QCOMPARE(fast.cost.devices[d].activationBytes, full.cost.devices[d].activationBytes);
            QCOMPARE(fast.cost.devices[d].bufferBytes, full.cost.devices[d].bufferBytes);
            QCOMPARE(fast.cost.devices[d].totalBytes, full.cost.devices[d].totalBytes);
        }
    }

    void saveReopenEquality() {
        const QString path = m_dir.filePath(QStringLiteral("copy.tessera"));
        QString error;
        QVERIFY2(m_project->save(path, &error), qPrintable(error));
        ProjectModel reopened(test::zooCacheDir());
        QVERIFY2(reopened.openProject(path, &error), qPrintable(error));
        QVERIFY(reopened.cluster() == m_project->cluster());
        QVERIFY(reopened.plan() == m_project->plan());
        QVERIFY(reopened.solverSettings() == m_project->solverSettings());
        QCOMPARE(reopened.modelSource(), m_project->modelSource());
        QCOMPARE(reopened.documentBytes(m_dir.path()), m_project->documentBytes(m_dir.path()));
    }

    void saveAfterEditKeepsTheEdit() {
        NodeSelection selection;
        PartitionEditor editor(m_project.get(), &selection);
        QVERIFY(editor.place(test::nodeIndex(*m_project, "conv_16"),
                             test::nodeIndex(*m_project, "conv_20_leaky"), 3));
        QVERIFY(m_project->isModified());
        const QString path = m_dir.filePath(QStringLiteral("edited.tessera"));
        QString error;
        QVERIFY2(m_project->save(path, &error), qPrintable(error));
        QVERIFY(!m_project->isModified());
        ProjectModel reopened(test::zooCacheDir());
        QVERIFY2(reopened.openProject(path, &error), qPrintable(error));
        QVERIFY(reopened.plan() == m_project->plan());
        QCOMPARE(reopened.plan().stages[1].devices, std::vector<int>{3});
    }

    void newerVersionIsRefused() {
        const QString path = m_dir.filePath(QStringLiteral("future.tessera"));
        writeSampleWith(path, "\"version\": 1,\n  \"model\"", "\"version\": 2,\n  \"model\"");
        ProjectModel project(test::zooCacheDir());
        QSignalSpy reset(&project, &ProjectModel::projectReset);
        QString error;
        QVERIFY(!project.openProject(path, &error));
        QCOMPARE(error,
                 QStringLiteral("future.tessera: written by a newer Tessera (project format version 2; this "
                                "version reads up to 1) — update Tessera"));
        QVERIFY(!project.hasProject());
        QCOMPARE(reset.count(), 0);
    }

    void unknownObjectiveIsRefused() {
        const QString path = m_dir.filePath(QStringLiteral("speed.tessera"));
        writeSampleWith(path, "\"objective\": \"latency\"", "\"objective\": \"speed\"");
        QString error;
        QVERIFY(!m_project->openProject(path, &error));
        QVERIFY2(error.contains(QStringLiteral(
                     "solver.objective: \"speed\" is not one of memory, traffic, latency, throughput")),
                 qPrintable(error));
    }

    void unknownKeyIsRefused() {
        const QString path = m_dir.filePath(QStringLiteral("typo.tessera"));
        writeFile(path, R"({"format": "tessera-project", "version": 1, "modle": {}})");
        QString error;
        QVERIFY(!m_project->openProject(path, &error));
        QVERIFY2(error.startsWith(QStringLiteral("typo.tessera: unknown key \"modle\"")), qPrintable(error));
        // The open project is untouched.
        QCOMPARE(m_project->cluster().devices.size(), std::size_t(6));
    }

    void fuseUndoRedo() {
        NodeSelection selection;
        PartitionEditor editor(m_project.get(), &selection);
        editor.resetPlan();
        const auto whole = m_project->plan();
        QCOMPARE(whole.stages.size(), std::size_t(1));
        QSignalSpy planChanged(m_project.get(), &ProjectModel::planChanged);
        QVERIFY(editor.fuse(0, test::nodeIndex(*m_project, "conv_6_leaky"), {3, 2, true, false}));
        const auto fused = m_project->plan();
        QCOMPARE(fused.stages.size(), std::size_t(2));
        QCOMPARE(fused.stages[0].rows(), 3);
        QCOMPARE(fused.stages[0].columns(), 2);
        QVERIFY(fused.stages[0].reuse);
        QVERIFY(!fused.stages[0].stealing);
        m_project->undoStack()->undo();
        QVERIFY(m_project->plan() == whole);
        m_project->undoStack()->redo();
        QVERIFY(m_project->plan() == fused);
        QCOMPARE(planChanged.count(), 3);
    }

    void placeUndoRedo() {
        NodeSelection selection;
        PartitionEditor editor(m_project.get(), &selection);
        const auto before = m_project->plan();
        selection.setNodes(
            {test::nodeIndex(*m_project, "conv_18"), test::nodeIndex(*m_project, "conv_18_leaky")});
        QVERIFY(editor.placeSelection(4));
        const auto after = m_project->plan();
        QCOMPARE(after.stages.size(), std::size_t(4));
        QCOMPARE(after.stages[2].devices, std::vector<int>{4});
        QCOMPARE(m_project->model().graph.nodes[after.stages[2].first].name, std::string("conv_18"));
        m_project->undoStack()->undo();
        QVERIFY(m_project->plan() == before);
        m_project->undoStack()->redo();
        QVERIFY(m_project->plan() == after);
    }

    void channelSplitUndoRedo() {
        NodeSelection selection;
        PartitionEditor editor(m_project.get(), &selection);
        const auto before = m_project->plan();
        // DeeperThings' fused pair: conv_18 split by output channels, conv_19 by input channels.
        QVERIFY(editor.split(test::nodeIndex(*m_project, "conv_18"),
                             test::nodeIndex(*m_project, "conv_18_leaky"), partition::StageKind::Lop));
        QVERIFY(editor.split(test::nodeIndex(*m_project, "conv_19"),
                             test::nodeIndex(*m_project, "conv_19_leaky"), partition::StageKind::Lip));
        const auto after = m_project->plan();
        const auto& lop = after.stages[std::size_t(after.stageOf(test::nodeIndex(*m_project, "conv_18")))];
        const auto& lip = after.stages[std::size_t(after.stageOf(test::nodeIndex(*m_project, "conv_19")))];
        QCOMPARE(lop.kind, partition::StageKind::Lop);
        QCOMPARE(lop.devices.size(), std::size_t(6));
        QCOMPARE(lop.channelCuts.size(), std::size_t(5));
        QCOMPARE(lip.kind, partition::StageKind::Lip);
        QCOMPARE(lip.channelCuts, lop.channelCuts); // conv_18's 1024 outputs are conv_19's inputs
        QVERIFY(m_project->preview().valid);
        m_project->undoStack()->undo();
        m_project->undoStack()->undo();
        QVERIFY(m_project->plan() == before);
        m_project->undoStack()->redo();
        m_project->undoStack()->redo();
        QVERIFY(m_project->plan() == after);
    }

    void invalidEditIsExplainedAndNotApplied() {
        NodeSelection selection;
        PartitionEditor editor(m_project.get(), &selection);
        QSignalSpy refused(&editor, &PartitionEditor::refused);
        const auto before = m_project->plan();
        // The range cuts through the fused block of the sample.
        QVERIFY(
            !editor.place(test::nodeIndex(*m_project, "conv_4"), test::nodeIndex(*m_project, "conv_20"), 1));
        QCOMPARE(refused.count(), 1);
        QVERIFY2(refused.at(0).at(0).toString().contains(QStringLiteral("cuts through the tiles 'conv_0'..")),
                 qPrintable(refused.at(0).at(0).toString()));
        // A tile block ending in a layer that cannot be tiled: the core's validation message names it.
        const auto last = m_project->model().graph.nodes.size() - 1;
        QVERIFY(!editor.fuse(test::nodeIndex(*m_project, "conv_16"), last, {2, 2, false, false}));
        QCOMPARE(refused.count(), 2);
        QVERIFY(m_project->plan() == before);
        QCOMPARE(m_project->undoStack()->count(), 0);
    }

    // The tile editor's edits through the partition editor: each an undo/redo round trip; edits with one
    // merge key (a drag) are one step, other keys and unkeyed edits are steps of their own.
    void tileEditsUndoRedoAndMerge() {
        NodeSelection selection;
        PartitionEditor editor(m_project.get(), &selection);
        const std::size_t node = test::nodeIndex(*m_project, "conv_4");
        const auto before = m_project->plan();
        const int drag = editor.newMergeKey();
        QVERIFY(editor.setTileCuts(node, {8, 16, 24, 32}, {9, 16, 24, 32}, drag));
        QVERIFY(editor.setTileCuts(node, {8, 16, 24, 32}, {10, 16, 24, 32}, drag));
        QVERIFY(!editor.setTileCuts(node, {8, 16, 24, 32}, {10, 16, 24, 32}, drag)); // no change, no step
        QCOMPARE(m_project->undoStack()->count(), 1);
        const auto dragged = m_project->plan();
        QCOMPARE(dragged.stages[0].colCuts.front(), std::int64_t(10));
        QVERIFY(editor.setTileCuts(node, {8, 16, 24, 32}, {11, 16, 24, 32}, editor.newMergeKey()));
        QVERIFY(editor.regridTiles(node, 2, 3));
        QCOMPARE(m_project->plan().stages[0].cells(), std::size_t(6));
        QVERIFY(editor.setTileOptions(node, false, true));
        QVERIFY(editor.assignTile(node, 5, 3));
        const auto after = m_project->plan();
        QCOMPARE(after.stages[0].devices[5], 3);
        QCOMPARE(m_project->undoStack()->count(), 5);
        for (int i = 0; i < 4; ++i) {
            m_project->undoStack()->undo();
        }
        QVERIFY(m_project->plan() == dragged);
        m_project->undoStack()->undo();
        QVERIFY(m_project->plan() == before);
        for (int i = 0; i < 5; ++i) {
            m_project->undoStack()->redo();
        }
        QVERIFY(m_project->plan() == after);
        // A drag that comes back to where it began leaves no step.
        const int back = editor.newMergeKey();
        QCOMPARE(after.stages[0].rowCuts, (std::vector<std::int64_t>{19}));
        QVERIFY(editor.setTileCuts(node, {20}, after.stages[0].colCuts, back));
        QCOMPARE(m_project->undoStack()->count(), 6);
        QVERIFY(editor.setTileCuts(node, after.stages[0].rowCuts, after.stages[0].colCuts, back));
        QCOMPARE(m_project->undoStack()->count(), 5);
        QVERIFY(m_project->plan() == after);
    }

    void addDeviceUndoRedo() {
        const auto before = m_project->cluster();
        cost::Device device = *cost::presetDevice("rpi4");
        device.name = "pi-a";
        m_project->undoStack()->push(new AddDeviceCommand(m_project.get(), device));
        QCOMPARE(m_project->cluster().devices.size(), std::size_t(7));
        QVERIFY(m_project->cluster().devices.back() == device);
        const auto after = m_project->cluster();
        m_project->undoStack()->undo();
        QVERIFY(m_project->cluster() == before);
        m_project->undoStack()->redo();
        QVERIFY(m_project->cluster() == after);
    }

    void editDeviceUndoRedoAndMerge() {
        const auto before = m_project->cluster();
        cost::Device edited = before.devices[2];
        edited.memoryBytes = 256LL << 20;
        m_project->undoStack()->push(new EditDeviceCommand(m_project.get(), 2, before.devices[2], edited));
        cost::Device again = edited;
        again.threads = 2;
        m_project->undoStack()->push(new EditDeviceCommand(m_project.get(), 2, edited, again));
        // Two edits of the same device are one step.
        QCOMPARE(m_project->undoStack()->count(), 1);
        QVERIFY(m_project->cluster().devices[2] == again);
        m_project->undoStack()->undo();
        QVERIFY(m_project->cluster() == before);
        m_project->undoStack()->redo();
        QVERIFY(m_project->cluster().devices[2] == again);
    }

    void removeDeviceUndoRedo() {
        const auto clusterBefore = m_project->cluster();
        const auto planBefore = m_project->plan();
        m_project->undoStack()->push(new RemoveDeviceCommand(m_project.get(), 1));
        QCOMPARE(m_project->cluster().devices.size(), std::size_t(5));
        QCOMPARE(m_project->cluster().devices[1].name, std::string("emulated-3"));
        // The tiles emulated-2 ran went to the gateway; the plan is still valid.
        QVERIFY(m_project->preview().valid);
        for (int d : m_project->plan().stages[0].devices) {
            QVERIFY(d >= 0 && d < 5);
        }
        QCOMPARE(m_project->plan().stages[0].devices[1], 0);
        m_project->undoStack()->undo();
        QVERIFY(m_project->cluster() == clusterBefore);
        QVERIFY(m_project->plan() == planBefore);
        m_project->undoStack()->redo();
        QCOMPARE(m_project->cluster().devices.size(), std::size_t(5));
    }

    void autosaveAndRecovery() {
        const QString path = m_dir.filePath(QStringLiteral("auto.tessera"));
        QString error;
        QVERIFY(m_project->save(path, &error));
        Autosave autosave(m_project.get(), m_dir.path(), 3600);
        QVERIFY(!autosave.saveNow()); // nothing unsaved
        NodeSelection selection;
        PartitionEditor editor(m_project.get(), &selection);
        QVERIFY(
            editor.place(test::nodeIndex(*m_project, "conv_16"), test::nodeIndex(*m_project, "conv_16"), 2));
        QVERIFY(autosave.saveNow());
        QCOMPARE(autosave.recoveryFor(path), autosave.sideFile(path));
        ProjectModel recovered(test::zooCacheDir());
        QVERIFY2(recovered.recoverProject(autosave.recoveryFor(path), path, &error), qPrintable(error));
        QVERIFY(recovered.plan() == m_project->plan());
        QVERIFY(recovered.isModified());
        QCOMPARE(recovered.filePath(), QFileInfo(path).absoluteFilePath());
        // Saving removes the side file.
        QVERIFY(m_project->save(path, &error));
        QVERIFY(!QFile::exists(autosave.sideFile(path)));
    }
};

QTEST_MAIN(TestProjectModel)
#include "test_project_model.moc"
