// The main window's actions, menus, toolbar and context menu.
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>

#include "core/model/zoo.h"
#include "ui/fuse_dialog.h"
#include "ui/graph_view.h"
#include "ui/main_window.h"
#include "ui/node_selection.h"
#include "ui/optimize_dialog.h"
#include "ui/partition_editor.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"

namespace tessera::ui {

namespace {
QAction* makeAction(QObject* parent, const QString& name, const QString& text,
                    const QKeySequence& shortcut = {}) {
    auto* action = new QAction(text, parent);
    action->setObjectName(name);
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
    }
    return action;
}
} // namespace

void MainWindow::createActions() {
    m_newAction =
        makeAction(this, QStringLiteral("newAction"), tr("&New Project from Model…"), QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newFromModel);
    m_openAction = makeAction(this, QStringLiteral("openAction"), tr("&Open…"), QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openInteractive);
    m_sampleAction = makeAction(this, QStringLiteral("sampleAction"), tr("Open &Sample Project"));
    m_sampleAction->setEnabled(!m_options.sampleProject.isEmpty());
    connect(m_sampleAction, &QAction::triggered, this, &MainWindow::openSample);
    m_saveAction = makeAction(this, QStringLiteral("saveAction"), tr("&Save"), QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::save);
    m_saveAsAction = makeAction(this, QStringLiteral("saveAsAction"), tr("Save &As…"), QKeySequence::SaveAs);
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveAs);
    m_exportReportAction = makeAction(this, QStringLiteral("exportReportAction"), tr("Export &Report…"));
    connect(m_exportReportAction, &QAction::triggered, this, &MainWindow::exportReportInteractive);
    m_closeAction =
        makeAction(this, QStringLiteral("closeAction"), tr("&Close Project"), QKeySequence::Close);
    connect(m_closeAction, &QAction::triggered, this, &MainWindow::closeProject);
    m_quitAction = makeAction(this, QStringLiteral("quitAction"), tr("&Quit"), QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_project->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_project->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    m_findAction = makeAction(this, QStringLiteral("findAction"), tr("&Find Layer…"), QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, &MainWindow::find);

    m_fuseAction = makeAction(this, QStringLiteral("fuseAction"), tr("&Fuse as Tile Block…"),
                              QKeySequence(Qt::CTRL | Qt::Key_T));
    m_fuseAction->setIconText(tr("Fuse as Tiles…"));
    m_fuseAction->setToolTip(tr("Run the selected layer range as one fused block cut into tiles (FTP)"));
    connect(m_fuseAction, &QAction::triggered, this, &MainWindow::fuseSelectionInteractive);
    m_lopAction = makeAction(this, QStringLiteral("lopAction"), tr("Split &Output Channels (LOP)"));
    m_lopAction->setToolTip(tr("Each device computes a share of the output channels from the whole input"));
    connect(m_lopAction, &QAction::triggered, this,
            [this] { m_editor->splitSelection(partition::StageKind::Lop); });
    m_lipAction = makeAction(this, QStringLiteral("lipAction"), tr("Split &Input Channels (LIP)"));
    m_lipAction->setToolTip(
        tr("Each device computes a partial sum from a share of the input channels; the gateway adds them"));
    connect(m_lipAction, &QAction::triggered, this,
            [this] { m_editor->splitSelection(partition::StageKind::Lip); });
    m_resetPlanAction =
        makeAction(this, QStringLiteral("resetPlanAction"), tr("&Reset Plan (Whole Model on Gateway)"));
    m_resetPlanAction->setIconText(tr("Reset Plan"));
    m_resetPlanAction->setToolTip(tr("Run the whole model on the gateway again"));
    connect(m_resetPlanAction, &QAction::triggered, m_editor, &PartitionEditor::resetPlan);
    m_optimizeAction = makeAction(this, QStringLiteral("optimizeAction"), tr("&Optimize…"),
                                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_optimizeAction->setToolTip(
        tr("Find the plan that minimises latency, traffic or memory under the devices' budgets"));
    connect(m_optimizeAction, &QAction::triggered, this, &MainWindow::optimizeInteractive);

    m_zoomInAction = makeAction(this, QStringLiteral("zoomInAction"), tr("Zoom &In"), QKeySequence::ZoomIn);
    connect(m_zoomInAction, &QAction::triggered, this, [this] { m_graph->zoomBy(1.25); });
    m_zoomOutAction =
        makeAction(this, QStringLiteral("zoomOutAction"), tr("Zoom &Out"), QKeySequence::ZoomOut);
    connect(m_zoomOutAction, &QAction::triggered, this, [this] { m_graph->zoomBy(0.8); });
    m_fitAction =
        makeAction(this, QStringLiteral("fitAction"), tr("&Fit Graph"), QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_fitAction, &QAction::triggered, m_graph, &GraphView::fitAll);

    m_overlayGroup = new QActionGroup(this);
    const QList<QPair<QString, CostOverlay>> overlays = {{tr("Op Categories"), CostOverlay::None},
                                                         {tr("MACs"), CostOverlay::Macs},
                                                         {tr("Weights"), CostOverlay::Weights},
                                                         {tr("Activations"), CostOverlay::Activations}};
    for (const auto& [text, overlay] : overlays) {
        auto* action = m_overlayGroup->addAction(text);
        action->setCheckable(true);
        action->setChecked(overlay == CostOverlay::None);
        action->setData(int(overlay));
        connect(action, &QAction::triggered, this, [this, o = overlay] { m_graph->setOverlay(o); });
    }
    m_aboutAction = makeAction(this, QStringLiteral("aboutAction"), tr("&About Tessera Studio"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQtAction = makeAction(this, QStringLiteral("aboutQtAction"), tr("About &Qt"));
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
    // QKeySequence::Preferences is empty where the platform has no such shortcut (it is Ctrl+, on macOS)
    m_preferencesAction =
        makeAction(this, QStringLiteral("preferencesAction"), tr("Pre&ferences…"), QKeySequence::Preferences);
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);
}

void MainWindow::createMenus() {
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    m_zooMenu = file->addMenu(tr("New Project from Model &Zoo"));
    for (const auto& entry : model::zooEntries()) {
        const QString name = toQString(entry.name);
        m_zooMenu->addAction(name, this, [this, name] { newFromZoo(name); })
            ->setToolTip(toQString(entry.description));
    }
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(m_sampleAction);
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addAction(m_exportReportAction);
    file->addAction(m_closeAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    auto* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_findAction);
    edit->addSeparator();
    edit->addAction(m_preferencesAction);

    auto* partition = menuBar()->addMenu(tr("&Partition"));
    partition->addAction(m_fuseAction);
    partition->addAction(m_lopAction);
    partition->addAction(m_lipAction);
    m_placeMenu = partition->addMenu(tr("&Place on Device"));
    partition->addSeparator();
    partition->addAction(m_optimizeAction);
    partition->addSeparator();
    partition->addAction(m_resetPlanAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(m_zoomInAction);
    m_viewMenu->addAction(m_zoomOutAction);
    m_viewMenu->addAction(m_fitAction);
    auto* overlay = m_viewMenu->addMenu(tr("&Colour Layers By"));
    overlay->addActions(m_overlayGroup->actions());
    auto* panels = m_viewMenu->addMenu(tr("&Panels"));
    for (auto* dock : findChildren<QDockWidget*>()) {
        panels->addAction(dock->toggleViewAction());
    }

    menuBar()->addMenu(m_runMenu);
    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::createToolBar() {
    auto* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(m_openAction);
    bar->addAction(m_saveAction);
    bar->addSeparator();
    bar->addAction(m_undoAction);
    bar->addAction(m_redoAction);
    bar->addSeparator();
    bar->addAction(m_fuseAction);
    bar->addAction(m_optimizeAction);
    bar->addAction(m_resetPlanAction);
    bar->addSeparator();
    bar->addAction(m_zoomInAction);
    bar->addAction(m_zoomOutAction);
    bar->addAction(m_fitAction);
    auto* overlay = new QComboBox(bar);
    overlay->setObjectName(QStringLiteral("overlayCombo"));
    overlay->setToolTip(tr("Colour layers by op category or by a cost (heat)"));
    for (auto* action : m_overlayGroup->actions()) {
        overlay->addItem(action->text(), action->data());
    }
    connect(overlay, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_overlayGroup->actions().at(index)->trigger(); });
    bar->addWidget(overlay);
    bar->addSeparator();
    m_findEdit = new QLineEdit(bar);
    m_findEdit->setObjectName(QStringLiteral("findEdit"));
    m_findEdit->setPlaceholderText(tr("Find layer (Ctrl+F)"));
    m_findEdit->setClearButtonEnabled(true);
    m_findEdit->setMaximumWidth(220);
    connect(m_findEdit, &QLineEdit::returnPressed, this, [this] {
        if (!m_graph->findNext(m_findEdit->text())) {
            statusBar()->showMessage(tr("No layer matches \"%1\"").arg(m_findEdit->text()), 4000);
        }
    });
    bar->addWidget(m_findEdit);
}

void MainWindow::updateActions() {
    const bool open = m_project->hasProject();
    m_saveAction->setEnabled(open);
    m_saveAsAction->setEnabled(open);
    m_exportReportAction->setEnabled(open);
    m_closeAction->setEnabled(open);
    m_findAction->setEnabled(open);
    m_fuseAction->setEnabled(open && !m_selection->isEmpty());
    m_placeMenu->setEnabled(open && !m_selection->isEmpty());
    m_lopAction->setEnabled(open && !m_selection->isEmpty());
    m_lipAction->setEnabled(open && !m_selection->isEmpty());
    m_resetPlanAction->setEnabled(open);
    m_optimizeAction->setEnabled(open);
    m_zoomInAction->setEnabled(open);
    m_zoomOutAction->setEnabled(open);
    m_fitAction->setEnabled(open);
    m_findEdit->setEnabled(open);
    if (auto* overlay = findChild<QComboBox*>(QStringLiteral("overlayCombo"))) {
        overlay->setEnabled(open);
    }
}

void MainWindow::rebuildPlaceMenu() {
    m_placeMenu->clear();
    if (!m_project->hasProject()) {
        return;
    }
    const auto& devices = m_project->cluster().devices;
    for (int d = 0; d < int(devices.size()); ++d) {
        auto* action = m_placeMenu->addAction(toQString(devices[std::size_t(d)].name), this,
                                              [this, d] { m_editor->placeSelection(d); });
        action->setObjectName(QStringLiteral("placeOnDevice%1").arg(d));
    }
}

void MainWindow::showContextMenu(const QPoint& globalPos) {
    if (!m_project->hasProject()) {
        return;
    }
    QMenu menu(this);
    menu.addAction(m_fuseAction);
    menu.addAction(m_lopAction);
    menu.addAction(m_lipAction);
    menu.addMenu(m_placeMenu);
    menu.addSeparator();
    menu.addAction(m_fitAction);
    menu.exec(globalPos);
}

void MainWindow::fuseSelectionInteractive() {
    std::size_t first = 0, last = 0;
    if (!m_editor->selectedRange(&first, &last)) {
        m_editor->fuseSelection({});
        return;
    }
    const auto& nodes = m_project->model().graph.nodes;
    TileSettings initial;
    initial.rows = m_settings->value(QStringLiteral("fuse/rows"), 5).toInt();
    initial.columns = m_settings->value(QStringLiteral("fuse/columns"), 5).toInt();
    initial.reuse = m_settings->value(QStringLiteral("fuse/reuse"), true).toBool();
    initial.stealing = m_settings->value(QStringLiteral("fuse/stealing"), false).toBool();
    FuseDialog dialog(tr("%1 … %2").arg(toQString(nodes[first].name), toQString(nodes[last].name)), initial,
                      this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const TileSettings settings = dialog.settings();
    m_settings->setValue(QStringLiteral("fuse/rows"), settings.rows);
    m_settings->setValue(QStringLiteral("fuse/columns"), settings.columns);
    m_settings->setValue(QStringLiteral("fuse/reuse"), settings.reuse);
    m_settings->setValue(QStringLiteral("fuse/stealing"), settings.stealing);
    m_editor->fuse(first, last, settings);
}

void MainWindow::optimizeInteractive() {
    if (!m_project->hasProject()) {
        return;
    }
    OptimizeDialog dialog(m_project, this);
    if (dialog.exec() == QDialog::Accepted) {
        statusBar()->showMessage(tr("Optimized plan applied (Ctrl+Z undoes it)"), 6000);
    }
}

void MainWindow::find() {
    m_findEdit->setFocus();
    m_findEdit->selectAll();
}

} // namespace tessera::ui
