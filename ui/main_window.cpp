#include "ui/main_window.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QUndoView>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

#include "ui/autosave.h"
#include "ui/channel_split_editor.h"
#include "ui/device_panel.h"
#include "ui/device_prober.h"
#include "ui/graph_view.h"
#include "ui/layer_table.h"
#include "ui/memory_chart.h"
#include "ui/node_selection.h"
#include "ui/partition_editor.h"
#include "ui/prediction_panel.h"
#include "ui/project_model.h"
#include "ui/properties_panel.h"
#include "ui/qt_convert.h"
#include "ui/report_export.h"
#include "ui/report_export_dialog.h"
#include "ui/run_panel.h"
#include "ui/tile_editor.h"
#include "ui/timeline_view.h"
#include "ui/welcome_page.h"

namespace tessera::ui {
namespace {
constexpr int kMaxRecent = 8;
const QString kRecentKey = QStringLiteral("recentFiles");
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
} // namespace

MainWindow::MainWindow(ProjectModel* project, QSettings* settings, MainWindowOptions options, QWidget* parent)
    : QMainWindow(parent)
    , m_project(project)
    , m_settings(settings)
    , m_options(std::move(options))
    , m_selection(new NodeSelection(this))
    , m_editor(new PartitionEditor(project, m_selection, this))
    , m_autosave(new Autosave(project, m_options.dataDir, m_options.autosaveSeconds, this))
    , m_prober(new DeviceProber(QString(), this)) // its tessera-node: applyPreferences()
    , m_central(new QStackedWidget(this))
    , m_welcome(new WelcomePage(this))
    , m_graph(new GraphView(project, m_selection, this))
    , m_layers(new LayerTable(project, m_selection, this))
    , m_devices(new DevicePanel(project, m_editor, m_prober, this))
    , m_chart(new MemoryChart(project, this))
    , m_predictions(new PredictionPanel(project, this))
    , m_properties(new PropertiesPanel(project, m_selection, this))
    , m_tiles(new TileEditor(project, m_selection, m_editor, this))
    , m_channels(new ChannelSplitEditor(project, m_selection, m_editor, this))
    , m_modelStatus(new QLabel(this))
    , m_planStatus(new QLabel(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    m_central->addWidget(m_welcome);
    m_central->addWidget(m_graph);
    setCentralWidget(m_central);
    m_welcome->setSampleAvailable(QFileInfo::exists(m_options.sampleProject));
    connect(m_welcome, &WelcomePage::openSampleRequested, this, &MainWindow::openSample);
    connect(m_welcome, &WelcomePage::openProjectRequested, this, &MainWindow::openInteractive);
    connect(m_welcome, &WelcomePage::newFromModelRequested, this, &MainWindow::newFromModel);
    connect(m_welcome, &WelcomePage::recentFileRequested, this, &MainWindow::openProjectFile);

    createDocks();
    createRun();
    createActions();
    createMenus();
    createToolBar();
    m_systemPalette = QApplication::palette();
    m_systemStyle = QApplication::style()->name();
    Preferences defaults;
    defaults.autosaveSeconds = m_options.autosaveSeconds;
    applyPreferences(Preferences::load(*m_settings, defaults));
    statusBar()->addPermanentWidget(m_planStatus);
    statusBar()->addPermanentWidget(m_modelStatus);

    project->setWorkRunner(
        [this](const QString& what, const std::function<void()>& work) { runInBackground(what, work); });
    connect(project, &ProjectModel::projectReset, this, &MainWindow::projectReset);
    connect(project, &ProjectModel::previewChanged, this, &MainWindow::updateStatus);
    connect(project, &ProjectModel::clusterChanged, this, &MainWindow::rebuildPlaceMenu);
    connect(project, &ProjectModel::modifiedChanged, this, &MainWindow::updateTitle);
    connect(project, &ProjectModel::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_selection, &NodeSelection::changed, this, &MainWindow::updateActions);
    connect(m_selection, &NodeSelection::changed, this, &MainWindow::raiseStageEditor);
    connect(project, &ProjectModel::planChanged, this, &MainWindow::raiseStageEditor);
    connect(m_graph, &GraphView::contextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_layers, &LayerTable::contextMenuRequested, this, &MainWindow::showContextMenu);
    auto refused = [this](const QString& reason) {
        statusBar()->showMessage(reason.section(QLatin1Char('\n'), 0, 0), 10000);
        m_predictions->showRefusal(reason);
    };
    connect(m_editor, &PartitionEditor::refused, this, refused);
    connect(m_devices, &DevicePanel::refused, this, refused);

    restoreGeometry(m_settings->value(kGeometryKey).toByteArray());
    m_firstLayout = !restoreState(m_settings->value(kStateKey).toByteArray());
    updateRecentMenu();
    projectReset();
}

MainWindow::~MainWindow() {
    m_project->setWorkRunner({}); // the project may outlive this window
    // The views report selection changes while they are torn down: delete them while the selection they
    // report to still exists (QObject would delete the children in creation order, the selection first).
    qDeleteAll(findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly));
    delete m_central;
}

void MainWindow::createDocks() {
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    // the side panels keep the full height; the timeline sits under the graph
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    auto dock = [this](QWidget* widget, const QString& title, const QString& name, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(widget);
        addDockWidget(area, d);
        return d;
    };
    dock(m_layers, tr("Layers"), QStringLiteral("layersDock"), Qt::LeftDockWidgetArea);
    auto* tiles = dock(m_tiles, tr("Tile Editor"), QStringLiteral("tileEditorDock"), Qt::LeftDockWidgetArea);
    auto* channels =
        dock(m_channels, tr("Channel Split"), QStringLiteral("channelSplitDock"), Qt::LeftDockWidgetArea);
    tabifyDockWidget(tiles, channels);
    dock(m_devices, tr("Devices"), QStringLiteral("devicesDock"), Qt::RightDockWidgetArea);
    dock(m_chart, tr("Memory"), QStringLiteral("memoryDock"), Qt::RightDockWidgetArea);
    auto* predictions =
        dock(m_predictions, tr("Predictions"), QStringLiteral("predictionsDock"), Qt::RightDockWidgetArea);
    auto* properties =
        dock(m_properties, tr("Properties"), QStringLiteral("propertiesDock"), Qt::RightDockWidgetArea);
    auto* history = new QUndoView(m_project->undoStack(), this);
    history->setEmptyLabel(tr("<opened project>"));
    auto* historyDock = dock(history, tr("History"), QStringLiteral("historyDock"), Qt::RightDockWidgetArea);
    tabifyDockWidget(predictions, properties);
    tabifyDockWidget(properties, historyDock);
    dock(new TimelineView(m_project, this), tr("Timeline"), QStringLiteral("timelineDock"),
         Qt::BottomDockWidgetArea);
}

void MainWindow::applyDefaultDockSizes() {
    auto* layers = findChild<QDockWidget*>(QStringLiteral("layersDock"));
    auto* devices = findChild<QDockWidget*>(QStringLiteral("devicesDock"));
    auto* memory = findChild<QDockWidget*>(QStringLiteral("memoryDock"));
    auto* predictions = findChild<QDockWidget*>(QStringLiteral("predictionsDock"));
    predictions->raise();
    findChild<QDockWidget*>(QStringLiteral("tileEditorDock"))->raise();
    // 500: the width the tile editor's controls used to force before they took two rows
    resizeDocks({layers, predictions}, {500, 470}, Qt::Horizontal);
    resizeDocks({devices, memory, predictions}, {200, 320, 380}, Qt::Vertical);
    resizeDocks({findChild<QDockWidget*>(QStringLiteral("timelineDock"))}, {230}, Qt::Vertical);
    resizeDocks({layers, findChild<QDockWidget*>(QStringLiteral("tileEditorDock"))}, {380, 520},
                Qt::Vertical);
}

void MainWindow::raiseStageEditor() {
    if (m_selection->isEmpty() || !m_project->hasProject()) {
        return;
    }
    const int stage = m_project->plan().stageOf(m_selection->nodes().front());
    if (stage < 0) {
        return;
    }
    const auto kind = m_project->plan().stages[std::size_t(stage)].kind;
    const QString name = kind == partition::StageKind::Tiles    ? QStringLiteral("tileEditorDock")
                         : kind == partition::StageKind::Device ? QString()
                                                                : QStringLiteral("channelSplitDock");
    if (auto* dock = name.isEmpty() ? nullptr : findChild<QDockWidget*>(name); dock && !dock->isHidden()) {
        dock->raise();
    }
}

bool MainWindow::isShowingGraph() const {
    return m_central->currentWidget() == m_graph;
}

void MainWindow::showDocks(bool show) {
    // The welcome page gets the whole window; the panels the user had open come back with a project.
    if (!show) {
        for (auto* dock : findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly)) {
            if (dock->isVisibleTo(this) || !isVisible()) {
                if (!dock->isHidden() && !m_hiddenDocks.contains(dock)) {
                    m_hiddenDocks.append(dock);
                }
                dock->hide();
            }
        }
        return;
    }
    for (auto* dock : std::as_const(m_hiddenDocks)) {
        dock->show();
    }
    m_hiddenDocks.clear();
    if (m_firstLayout) {
        // No layout saved by an earlier session: sizes that suit the panels, once they are shown.
        m_firstLayout = false;
        applyDefaultDockSizes();
    }
}

void MainWindow::projectReset() {
    m_selection->clear();
    showDocks(m_project->hasProject());
    m_central->setCurrentWidget(m_project->hasProject() ? static_cast<QWidget*>(m_graph) : m_welcome);
    for (const auto& note : m_project->loadNotes()) {
        statusBar()->showMessage(note, 15000);
    }
    rebuildPlaceMenu();
    updateActions();
    updateTitle();
    updateStatus();
}

void MainWindow::updateTitle() {
    setWindowModified(m_project->isModified());
    setWindowTitle(m_project->hasProject() ? tr("%1[*] — Tessera Studio").arg(m_project->displayName())
                                           : tr("Tessera Studio"));
    if (m_saveAction) {
        m_saveAction->setEnabled(m_project->hasProject());
    }
}

void MainWindow::updateStatus() {
    if (!m_project->hasProject()) {
        m_modelStatus->clear();
        m_planStatus->clear();
        return;
    }
    const auto& cost = m_project->modelCost();
    m_modelStatus->setText(
        tr("%1: %2 layers, %3 MACs, %4 params")
            .arg(toQString(m_project->model().graph.name.empty() ? "model" : m_project->model().graph.name))
            .arg(m_project->model().graph.nodes.size())
            .arg(countText(cost.macs), countText(cost.params)));
    const auto& preview = m_project->preview();
    if (!preview.valid) {
        m_planStatus->setText(tr("<span style='color:#b01c1c'>plan not valid</span>"));
    } else {
        const QString fit = preview.overBudget.empty()
                                ? tr("all devices within budget")
                                : tr("<span style='color:#b01c1c'>%n device(s) over budget</span>", nullptr,
                                     int(preview.overBudget.size()));
        m_planStatus->setText(
            tr("latency %1 · traffic %2 · %3")
                .arg(secondsText(preview.latencySeconds), bytesText(preview.cost.trafficBytes), fit));
    }
}

void MainWindow::showError(const QString& message) {
    QMessageBox::warning(this, tr("Tessera Studio"), message);
}

void MainWindow::runInBackground(const QString& what, const std::function<void()>& work) {
    // The window keeps painting and its timers run; the user's input waits until the work is done. Work of
    // more than a moment gets a note saying what it is.
    QFutureWatcher<void> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcher<void>::finished, &loop, &QEventLoop::quit);
    QProgressDialog note(what, QString(), 0, 0, this);
    note.setWindowTitle(tr("Tessera Studio"));
    note.setWindowModality(Qt::WindowModal);
    QTimer::singleShot(400, &note, &QProgressDialog::show);
    // the project being replaced must not be autosaved meanwhile (its changes may just have been discarded)
    const bool autosaving = m_autosave->timer()->isActive();
    m_autosave->timer()->stop();
    m_busy = true;
    watcher.setFuture(QtConcurrent::run(work));
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    watcher
        .waitForFinished(); // the loop also ends when the application quits: `work` uses the caller's frame
    m_busy = false;
    if (autosaving) {
        m_autosave->timer()->start();
    }
}

bool MainWindow::openProjectFile(const QString& path) {
    if (m_busy || !maybeSave()) { // one project opens at a time
        return false;
    }
    QString error;
    bool opened = false;
    const QString side = m_autosave->recoveryFor(QFileInfo(path).absoluteFilePath());
    if (!side.isEmpty() && m_options.offerRecovery &&
        QMessageBox::question(this, tr("Recover unsaved changes?"),
                              tr("%1 has unsaved changes from a session that did not end normally. Recover "
                                 "them?")
                                  .arg(QFileInfo(path).fileName())) == QMessageBox::Yes) {
        opened = m_project->recoverProject(side, path, &error);
    } else {
        opened = m_project->openProject(path, &error);
    }
    if (!opened) {
        showError(error);
        return false;
    }
    addRecent(m_project->filePath());
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MainWindow::openSample() {
    return openProjectFile(m_options.sampleProject);
}

void MainWindow::offerUntitledRecovery() {
    const QString side = m_autosave->recoveryFor({});
    if (side.isEmpty() || !m_options.offerRecovery) {
        return;
    }
    if (QMessageBox::question(
            this, tr("Recover unsaved project?"),
            tr("An untitled project was not saved when the last session ended. Recover it?")) !=
        QMessageBox::Yes) {
        m_autosave->discard({});
        return;
    }
    QString error;
    if (!m_project->recoverProject(side, {}, &error)) {
        showError(error);
    }
}

void MainWindow::openInteractive() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), m_preferences.projectDir,
                                                      tr("Tessera projects (*.tessera);;All files (*)"));
    if (!path.isEmpty()) {
        openProjectFile(path);
    }
}

void MainWindow::newFromModel() {
    if (!maybeSave()) {
        return;
    }
    const QString path =
        QFileDialog::getOpenFileName(this, tr("New Project from a Model"), m_preferences.modelDir,
                                     tr("Models (*.onnx *.cfg);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!m_project->newProject({QString(), QFileInfo(path).absoluteFilePath(), QString()}, &error)) {
        showError(error);
    }
}

void MainWindow::newFromZoo(const QString& name) {
    if (!maybeSave()) {
        return;
    }
    QString error;
    if (!m_project->newProject({name, QString(), QString()}, &error)) {
        showError(error);
    }
}

bool MainWindow::save() {
    if (m_project->filePath().isEmpty()) {
        return saveAs();
    }
    QString error;
    if (!m_project->save(m_project->filePath(), &error)) {
        showError(error);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_project->filePath())), 5000);
    return true;
}

bool MainWindow::saveAs() {
    if (!m_project->hasProject()) {
        return false;
    }
    // an untitled project starts in the preferred projects folder
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project As"),
                                                m_project->filePath().isEmpty() ? m_preferences.projectDir
                                                                                : m_project->filePath(),
                                                tr("Tessera projects (*.tessera)"));
    if (path.isEmpty()) {
        return false;
    }
    if (!path.endsWith(QStringLiteral(".tessera"))) {
        path += QStringLiteral(".tessera");
    }
    const QString before = m_project->filePath();
    QString error;
    if (!m_project->save(path, &error)) {
        showError(error);
        return false;
    }
    if (before.isEmpty()) {
        m_autosave->discard({});
    }
    addRecent(m_project->filePath());
    return true;
}

bool MainWindow::exportReport(const QString& path, QString* error, const report::RunRecord* measured,
                              const QString& comparePlan) {
    const auto format = report::formatOfPath(path.toStdString());
    if (!m_project->hasProject() || !format) {
        *error =
            m_project->hasProject()
                ? tr("%1: the report's format comes from the extension: .html, .pdf, .csv or .json").arg(path)
                : tr("No project is open.");
        return false;
    }
    return ui::exportReport(*m_project, path, *format, m_graph->scene(), measured, comparePlan, error);
}

void MainWindow::exportReportInteractive() {
    if (!m_project->hasProject()) {
        return;
    }
    const QFileInfo project(m_project->filePath());
    const QString base =
        m_project->filePath().isEmpty()
            ? QStringLiteral("report.html")
            : project.dir().filePath(project.completeBaseName() + QStringLiteral("-report.html"));
    ReportExportDialog dialog(
        base, m_project->filePath().isEmpty() ? QString() : project.absolutePath(),
        [this](const QString& path, const QString& comparePlan, QString* error) {
            return exportReport(path, error, m_run->lastRun(), comparePlan);
        },
        this);
    if (dialog.exec() == QDialog::Accepted) {
        statusBar()->showMessage(
            tr("Exported the report to %1").arg(QDir::toNativeSeparators(dialog.reportPath())), 5000);
    }
}

bool MainWindow::maybeSave() {
    if (!m_project->isModified()) {
        return true;
    }
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"), tr("%1 has unsaved changes. Save them?").arg(m_project->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel) {
        return false;
    }
    if (answer == QMessageBox::Save) {
        return save();
    }
    m_autosave->discard(m_project->filePath());
    return true;
}

bool MainWindow::closeProject() {
    if (!maybeSave()) {
        return false;
    }
    m_project->closeProject();
    return true;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_busy || !maybeSave()) { // not while a project is being opened
        event->ignore();
        return;
    }
    showDocks(true); // keep the user's panels in the saved layout even when closing on the welcome page
    m_settings->setValue(kGeometryKey, saveGeometry());
    m_settings->setValue(kStateKey, saveState());
    event->accept();
}

void MainWindow::addRecent(const QString& path) {
    QStringList recent = m_settings->value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent) {
        recent.removeLast();
    }
    m_settings->setValue(kRecentKey, recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
    const QStringList recent = m_settings->value(kRecentKey).toStringList();
    m_welcome->setRecentFiles(recent);
    if (!m_recentMenu) {
        return;
    }
    m_recentMenu->clear();
    for (const auto& path : recent) {
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openProjectFile(path); })
            ->setToolTip(path);
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

} // namespace tessera::ui
