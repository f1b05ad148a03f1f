// The studio's widgets driven as a user would, under the offscreen platform: the main window with the sample
// project, the item models under QAbstractItemModelTester, selection sync between graph and table, fusing a
// block through the real action and dialog, placing layers by drag and drop and by the menu.

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDockWidget>
#include <QGraphicsScene>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "test_support.h"
#include "ui/device_panel.h"
#include "ui/device_table_model.h"
#include "ui/fuse_dialog.h"
#include "ui/graph_view.h"
#include "ui/layer_table.h"
#include "ui/layer_table_model.h"
#include "ui/main_window.h"
#include "ui/memory_chart.h"
#include "ui/node_item.h"
#include "ui/node_selection.h"
#include "ui/palette.h"
#include "ui/partition_editor.h"
#include "ui/prediction_panel.h"
#include "ui/project_model.h"
#include "ui/properties_panel.h"

using namespace tessera;
using namespace tessera::ui;

class TestStudioWidgets : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProjectModel> m_project;
    std::unique_ptr<MainWindow> m_window;

    std::size_t nodeIndex(const std::string& name) const { return test::nodeIndex(*m_project, name); }

    QModelIndex tableIndex(std::size_t node, int column = 0) const {
        auto* table = m_window->layerTable();
        return table->proxy()->mapFromSource(table->tableModel()->index(int(node), column));
    }

private slots:
    void init() {
        m_settings = test::freshSettings(m_dir.path());
        m_project = std::make_unique<ProjectModel>(test::zooCacheDir());
        m_window = test::showMainWindow(m_project.get(), m_settings.get(), m_dir.path(), {1400, 900});
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(!m_window->isShowingGraph()); // the welcome page
        QVERIFY(m_window->openSample());
        QVERIFY(m_window->isShowingGraph());
    }

    void cleanup() {
        m_window.reset();
        m_project.reset();
    }

    void itemModelsPassTheTester() {
        auto* layers = m_window->layerTable();
        QAbstractItemModelTester layerTester(layers->tableModel(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(layers->proxy(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester deviceTester(m_window->devicePanel()->tableModel(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(layers->tableModel()->rowCount(), int(m_project->model().graph.nodes.size()));
        QCOMPARE(m_window->devicePanel()->tableModel()->rowCount(), 6);
        // Changes under the testers: a filter, a sort, a plan edit, a device added and removed.
        layers->filterEdit()->setText(QStringLiteral("leaky"));
        QVERIFY(layers->proxy()->rowCount() > 10);
        QVERIFY(layers->proxy()->rowCount() < layers->tableModel()->rowCount());
        layers->view()->sortByColumn(LayerTableModel::Macs, Qt::DescendingOrder);
        layers->filterEdit()->clear();
        QCOMPARE(layers->proxy()->rowCount(), layers->tableModel()->rowCount());
        QVERIFY(m_window->partitionEditor()->place(nodeIndex("conv_16"), nodeIndex("conv_16"), 2));
        QVERIFY(m_window->devicePanel()->addPreset(QStringLiteral("jetson-nano")));
        QCOMPARE(m_window->devicePanel()->tableModel()->rowCount(), 7);
        m_project->undoStack()->undo();
        QCOMPARE(m_window->devicePanel()->tableModel()->rowCount(), 6);
        // Sorted by MACs, the heaviest layer comes first.
        const QModelIndex top = layers->proxy()->index(0, LayerTableModel::Macs);
        const auto& costs = m_project->modelCost().layers;
        const auto heaviest = std::max_element(costs.begin(), costs.end(),
                                               [](const auto& a, const auto& b) { return a.macs < b.macs; });
        QCOMPARE(layers->proxy()->mapToSource(top).row(), int(heaviest - costs.begin()));
    }

    void selectionFollowsTableAndGraph() {
        auto* view = m_window->layerTable()->view();
        const std::size_t conv3 = nodeIndex("conv_2");
        view->selectionModel()->select(tableIndex(conv3),
                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(m_window->selection()->nodes(), std::vector<std::size_t>{conv3});
        QVERIFY(m_window->graphView()->item(conv3)->isSelected());
        QCOMPARE(m_window->graphView()->scene()->selectedItems().size(), 1);

        // And back: a click on a node in the graph.
        const std::size_t pool = nodeIndex("maxpool_3");
        auto* graph = m_window->graphView();
        graph->centreOn(pool);
        const QPoint at = graph->mapFromScene(graph->item(pool)->sceneBoundingRect().center());
        QTest::mouseClick(graph->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(m_window->selection()->nodes(), std::vector<std::size_t>{pool});
        const auto rows = view->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(m_window->layerTable()->proxy()->mapToSource(rows.front()).row(), int(pool));
        QVERIFY(!graph->item(conv3)->isSelected());

        // Shift+click extends to the range between.
        const std::size_t conv4 = nodeIndex("conv_5");
        graph->centreOn(conv4);
        QTest::mouseClick(graph->viewport(), Qt::LeftButton, Qt::ShiftModifier,
                          graph->mapFromScene(graph->item(conv4)->sceneBoundingRect().center()));
        QCOMPARE(m_window->selection()->nodes().size(), conv4 - pool + 1);
        QCOMPARE(m_window->selection()->nodes().front(), pool);
        QCOMPARE(m_window->selection()->nodes().back(), conv4);
        QCOMPARE(view->selectionModel()->selectedRows().size(), int(conv4 - pool + 1));
    }

    void fuseThroughTheActionChangesPlanAndChart() {
        // Start from the whole model on the gateway, as a new design would.
        m_window->findChild<QAction*>(QStringLiteral("resetPlanAction"))->trigger();
        QCOMPARE(m_project->plan().stages.size(), std::size_t(1));
        const auto before = m_window->memoryChart()->bars();
        QCOMPARE(before.size(), 6);
        QCOMPARE(before[1].weights, 0.0);
        const double gatewayBefore = before[0].weights + before[0].activations + before[0].buffers;

        const std::size_t last = nodeIndex("conv_15_leaky");
        m_window->layerTable()->view()->selectionModel()->select(
            QItemSelection(tableIndex(0), tableIndex(last)),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        auto* fuse = m_window->findChild<QAction*>(QStringLiteral("fuseAction"));
        QVERIFY(fuse->isEnabled());
        bool dialogSeen = false;
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<FuseDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialogSeen = true;
            dialog->rowsEdit()->setValue(5);
            dialog->columnsEdit()->setValue(5);
            dialog->reuseEdit()->setChecked(true);
            dialog->stealingEdit()->setChecked(true);
            dialog->accept();
        });
        QSignalSpy previewChanged(m_project.get(), &ProjectModel::previewChanged);
        fuse->trigger();
        QVERIFY(dialogSeen);
        QCOMPARE(previewChanged.count(), 1);

        const auto& stage = m_project->plan().stages.front();
        QCOMPARE(stage.kind, partition::StageKind::Tiles);
        QCOMPARE(stage.first, std::size_t(0));
        QCOMPARE(stage.last, last);
        QCOMPARE(stage.rows(), 5);
        QVERIFY(stage.reuse && stage.stealing);

        const auto after = m_window->memoryChart()->bars();
        QCOMPARE(after.size(), 6);
        // Every device now holds the block's weights and its tiles' activations; the gateway's activation
        // peak is no longer the whole 608x608 feature maps.
        for (int d = 1; d < 6; ++d) {
            QVERIFY(after[d].weights > 0);
            QVERIFY(after[d].activations > 0);
        }
        QVERIFY(after[0].weights + after[0].activations + after[0].buffers != gatewayBefore);
        // The chart shows what the prediction says, device by device.
        const auto& cost = m_project->preview().cost.devices;
        for (int d = 0; d < 6; ++d) {
            QCOMPARE(after[d].weights, double(cost[std::size_t(d)].weightBytes) / (1024.0 * 1024.0));
            QCOMPARE(after[d].budget, 512.0);
            QCOMPARE(after[d].over, !cost[std::size_t(d)].fits());
        }
        // Undo restores the chart.
        m_window->findChild<QAction*>(QStringLiteral("undoAction"))->trigger();
        QCOMPARE(m_window->memoryChart()->bars()[1].weights, 0.0);
    }

    void overBudgetDeviceTurnsRed() {
        // Shrink a device's budget below what it needs: its bar is marked over budget, and the panel says so.
        cost::Device small = m_project->cluster().devices[0];
        small.memoryBytes = 64LL << 20;
        QVERIFY(m_window->devicePanel()->editDevice(0, small));
        const auto bars = m_window->memoryChart()->bars();
        QVERIFY(bars[0].over);
        QCOMPARE(bars[0].budget, 64.0);
        QVERIFY(!bars[1].over);
        QVERIFY(m_window->predictionPanel()->problemText().contains(QStringLiteral("emulated-1")));
    }

    void predictionsShowThePipelinedThroughput() {
        // The frames/s a stream pipelined through the plan reaches at most (one per period, sim::SimResult),
        // following the plan: the whole model on the gateway takes longer per frame than the sample plan.
        const auto figure = [this] {
            const double period = m_project->preview().frame.periodSeconds;
            return QStringLiteral("Throughput, pipelined: at most %1 frames/s").arg(1 / period, 0, 'f', 2);
        };
        const double split = m_project->preview().frame.periodSeconds;
        QVERIFY(split > 0);
        QVERIFY2(m_window->predictionPanel()->summaryText().contains(figure()),
                 qPrintable(m_window->predictionPanel()->summaryText()));
        if (const QString dir = qEnvironmentVariable("TESSERA_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("studio-throughput.png"))));
        }
        m_window->findChild<QAction*>(QStringLiteral("resetPlanAction"))->trigger();
        QTRY_VERIFY(m_project->preview().frame.periodSeconds > split);
        QVERIFY2(m_window->predictionPanel()->summaryText().contains(figure()),
                 qPrintable(m_window->predictionPanel()->summaryText()));
    }

    void placeByDraggingLayersOntoADevice() {
        auto* layers = m_window->layerTable();
        const std::size_t from = nodeIndex("conv_18"), to = nodeIndex("conv_19_leaky");
        // What a drag from the table carries, dropped on the row of device emulated-3.
        std::unique_ptr<QMimeData> mime(layers->proxy()->mimeData({tableIndex(from), tableIndex(to, 2)}));
        QVERIFY(mime->hasFormat(QString::fromLatin1(kLayersMimeType)));
        auto* devices = m_window->devicePanel()->tableModel();
        QVERIFY(devices->canDropMimeData(mime.get(), Qt::CopyAction, -1, -1, devices->index(2, 0)));
        devices->dropMimeData(mime.get(), Qt::CopyAction, -1, -1, devices->index(2, 0));
        const int stage = m_project->plan().stageOf(from);
        QCOMPARE(m_project->plan().stages[std::size_t(stage)].devices, std::vector<int>{2});
        QCOMPARE(m_project->plan().stages[std::size_t(stage)].last, to);
        QCOMPARE(layers->tableModel()
                     ->data(layers->tableModel()->index(int(from), LayerTableModel::Device))
                     .toString(),
                 QStringLiteral("emulated-3"));
        QCOMPARE(m_project->undoStack()->undoText(),
                 QStringLiteral("Place conv_18..conv_19_leaky on emulated-3"));
    }

    void placeThroughTheMenu() {
        m_window->selection()->setNodes({nodeIndex("conv_20")});
        auto* action = m_window->findChild<QAction*>(QStringLiteral("placeOnDevice4"));
        QVERIFY(action);
        action->trigger();
        const int stage = m_project->plan().stageOf(nodeIndex("conv_20"));
        QCOMPARE(m_project->plan().stages[std::size_t(stage)].devices, std::vector<int>{4});
        // A range cutting the fused block is refused with the reason shown in the predictions panel.
        m_window->selection()->setNodes({nodeIndex("conv_10"), nodeIndex("conv_20")});
        action->trigger();
        QVERIFY(
            m_window->predictionPanel()->problemText().contains(QStringLiteral("select all of it or none")));
    }

    void overlayAndDeviceTint() {
        auto* graph = m_window->graphView();
        const std::size_t heavy = nodeIndex("conv_29"), light = nodeIndex("conv_29_leaky");
        const QColor convColour = graph->item(heavy)->fillColor();
        QCOMPARE(graph->item(nodeIndex("conv_2"))->fillColor(), convColour); // by op category
        graph->setOverlay(CostOverlay::Macs);
        QCOMPARE(graph->item(heavy)->fillColor(), heatColor(1.0)); // conv_29 has the most MACs of YOLOv2
        QCOMPARE(graph->item(light)->fillColor(), heatColor(0.0)); // an activation has none
        graph->setOverlay(CostOverlay::None);
        QCOMPARE(graph->item(heavy)->fillColor(), convColour);
        // Tint: the fused block runs on all six devices, conv_29 on the gateway until placed elsewhere.
        QCOMPARE(graph->item(nodeIndex("conv_0"))->devices().size(), std::size_t(6));
        QCOMPARE(graph->item(heavy)->devices(), std::vector<QColor>{deviceColor(0)});
        QVERIFY(m_window->partitionEditor()->place(heavy, heavy, 3));
        QCOMPARE(graph->item(heavy)->devices(), std::vector<QColor>{deviceColor(3)});
    }

    void splitThroughTheMenu() {
        const double before = m_window->memoryChart()->bars()[5].weights;
        m_window->selection()->setNodes({nodeIndex("conv_18"), nodeIndex("conv_18_leaky")});
        m_window->findChild<QAction*>(QStringLiteral("lopAction"))->trigger();
        const int stage = m_project->plan().stageOf(nodeIndex("conv_18"));
        QCOMPARE(m_project->plan().stages[std::size_t(stage)].kind, partition::StageKind::Lop);
        // emulated-6 now holds a sixth of conv_18's 18 MiB of filters (1024 x 512 x 3 x 3 floats).
        const double added = m_window->memoryChart()->bars()[5].weights - before;
        QVERIFY2(added > 2.9 && added < 3.2, qPrintable(QString::number(added)));
    }

    // The properties panel describes the selected layer; tabbed away behind Predictions it skips changes and
    // catches up when shown.
    void propertiesFollowTheSelectionWhenShown() {
        auto* properties = m_window->findChild<PropertiesPanel*>();
        auto* dock = m_window->findChild<QDockWidget*>(QStringLiteral("propertiesDock"));
        QVERIFY(properties && dock);
        dock->show();
        dock->raise();
        QTRY_VERIFY(properties->isVisible());
        m_window->selection()->setNodes({nodeIndex("conv_20")});
        QVERIFY2(properties->toPlainText().contains(QStringLiteral("conv_20")),
                 qPrintable(properties->toPlainText()));
        dock->hide();
        QTRY_VERIFY(!properties->isVisible());
        m_window->selection()->setNodes({nodeIndex("conv_10")});
        QVERIFY(properties->toPlainText().contains(QStringLiteral("conv_20"))); // not rewritten while hidden
        dock->show();
        QTRY_VERIFY(properties->toPlainText().contains(QStringLiteral("conv_10")));
        QVERIFY(!properties->toPlainText().contains(QStringLiteral("conv_20")));
    }

    void findSelectsAndTitleShowsModified() {
        auto* find = m_window->findChild<QLineEdit*>(QStringLiteral("findEdit"));
        find->setText(QStringLiteral("reorg"));
        QTest::keyClick(find, Qt::Key_Return);
        QCOMPARE(m_window->selection()->nodes().size(), std::size_t(1));
        QVERIFY(QString::fromStdString(
                    m_project->model().graph.nodes[m_window->selection()->nodes().front()].name)
                    .contains(QStringLiteral("reorg")));
        QVERIFY(!m_window->isWindowModified());
        QVERIFY(m_window->devicePanel()->addPreset(QStringLiteral("rpi5")));
        QVERIFY(m_window->isWindowModified());
        QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("sample.tessera")));
    }

    // Opening a project reads, checks and analyses the model on a worker thread: the window's event loop
    // keeps running (a timer of the window ticks during the call) while the caller still gets the project
    // when the call returns.
    void openingRunsOffTheGuiThread() {
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, [&ticks] { ++ticks; });
        timer.start(5);
        // ticks before the new project is announced came while it was loading (the views' rebuild after it
        // may process events of its own)
        int ticksWhileLoading = -1;
        auto counted = connect(m_project.get(), &ProjectModel::projectReset, [&] {
            ticksWhileLoading = ticksWhileLoading < 0 ? ticks : ticksWhileLoading;
        });
        QVERIFY(m_window->openProjectFile(test::sampleProject()));
        timer.stop();
        disconnect(counted);
        QVERIFY2(ticksWhileLoading > 0, "the GUI thread did not process events while the project loaded");
        QCOMPARE(m_project->model().graph.nodes.size(), std::size_t(83));
        QVERIFY(m_project->preview().valid);
        // a model that cannot be read is reported as before, and the open project stays
        QFile broken(m_dir.filePath(QStringLiteral("broken.tessera")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(R"({"format": "tessera-project", "version": 1, "model": {"path": "missing.onnx"},
                         "cluster": {"devices": [{"name": "a"}]}})");
        broken.close();
        QStringList shown;
        QTimer closer;
        connect(&closer, &QTimer::timeout, [&shown] {
            for (auto* box : QApplication::topLevelWidgets()) {
                if (auto* message = qobject_cast<QMessageBox*>(box); message && message->isVisible()) {
                    shown << message->text();
                    message->accept();
                }
            }
        });
        closer.start(10);
        QVERIFY(!m_window->openProjectFile(broken.fileName()));
        closer.stop();
        QCOMPARE(shown.size(), 1);
        QVERIFY2(shown.front().contains(QStringLiteral("missing.onnx")), qPrintable(shown.front()));
        QCOMPARE(m_project->model().graph.nodes.size(), std::size_t(83));
    }
};

QTEST_MAIN(TestStudioWidgets)
#include "test_studio_widgets.moc"
