#pragma once
// The studio's main window: the graph in the centre (a welcome page when no project is open), dock panels
// for the layer table, the devices, the memory chart, the predictions, the selected layer and the undo
// history; menus, a toolbar, shortcuts and a status bar. Collaborators come through the constructor; the
// window owns the views and the partition editor, the ProjectModel owns the document.

#include <QMainWindow>
#include <QPalette>
#include <QPointer>

#include <functional>

#include "core/report/run_record.h"
#include "ui/preferences.h"

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QSettings;
class QStackedWidget;

namespace tessera::ui {

class Autosave;
class DevicePanel;
class DeviceProber;
class GraphView;
class LayerTable;
class MemoryChart;
class NodeSelection;
class PartitionEditor;
class PredictionPanel;
class ProjectModel;
class PropertiesPanel;
class RunPanel;
class TileEditor;
class ChannelSplitEditor;
class WelcomePage;

struct MainWindowOptions {
    QString sampleProject; // the bundled sample project file; empty = none
    QString dataDir;       // autosave of untitled projects
    int autosaveSeconds = 60;
    bool offerRecovery = true; // ask before loading an autosave found at start or open
    QString nodeBinary;        // tessera-node for Run (empty: the one beside the studio)
};

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(ProjectModel* project, QSettings* settings, MainWindowOptions options,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a project file (offering its autosave first when there is one); errors are shown to the user.
    bool openProjectFile(const QString& path);
    bool openSample();
    // On start-up: offers an untitled project's autosave left by a session that ended without saving.
    void offerUntitledRecovery();
    // Writes the open project's report to `path`, the format from its extension (report_export.h): what
    // File > Export Report… and `tessera-studio --report [--measured RUN] [--compare PLAN]` do; `measured`
    // may be null, `comparePlan` a plan file to compare with (report_export.h; empty: none). False with a
    // message on failure.
    bool exportReport(const QString& path, QString* error, const report::RunRecord* measured = nullptr,
                      const QString& comparePlan = {});

    // The preferences in effect (stored in the settings; Edit > Preferences changes them).
    const Preferences& preferences() const { return m_preferences; }
    // Applies `preferences` to the application and every open view (Edit > Preferences also stores them).
    void applyPreferences(const Preferences& preferences);
    // The tessera-node Run starts and the local probe asks: the preferred folder's, else the options'.
    QString nodeBinary() const;

    GraphView* graphView() const { return m_graph; }
    LayerTable* layerTable() const { return m_layers; }
    DevicePanel* devicePanel() const { return m_devices; }
    MemoryChart* memoryChart() const { return m_chart; }
    PredictionPanel* predictionPanel() const { return m_predictions; }
    TileEditor* tileEditor() const { return m_tiles; }
    ChannelSplitEditor* channelSplitEditor() const { return m_channels; }
    NodeSelection* selection() const { return m_selection; }
    PartitionEditor* partitionEditor() const { return m_editor; }
    Autosave* autosave() const { return m_autosave; }
    RunPanel* runPanel() const { return m_run; }
    bool isShowingGraph() const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // main_window_actions.cpp
    void createActions();
    void createMenus();
    void createToolBar();
    void updateActions();
    void rebuildPlaceMenu();
    void showContextMenu(const QPoint& globalPos);
    void fuseSelectionInteractive();
    void optimizeInteractive();
    void find();

    // main_window_preferences.cpp: Edit > Preferences, Help > About
    void showPreferences();
    void showAbout();
    void redrawTexts();

    // main_window_run.cpp: the Run dock and menu
    void createRun();

    // main_window.cpp
    void createDocks();
    void newFromModel();
    void newFromZoo(const QString& name);
    void openInteractive();
    bool save();
    bool saveAs();
    void exportReportInteractive();
    bool closeProject();
    bool maybeSave();
    // Runs `work` on a worker thread and returns when it is done (ProjectModel::WorkRunner).
    void runInBackground(const QString& what, const std::function<void()>& work);
    void addRecent(const QString& path);
    void updateRecentMenu();
    void updateTitle();
    void updateStatus();
    void showError(const QString& message);
    void projectReset();
    void showDocks(bool show);
    void applyDefaultDockSizes();
    // Brings the editor of the selected layer's stage to the front: the tile editor or the channel split
    // editor.
    void raiseStageEditor();

    ProjectModel* m_project;
    QSettings* m_settings;
    MainWindowOptions m_options;
    NodeSelection* m_selection;
    PartitionEditor* m_editor;
    Autosave* m_autosave;
    DeviceProber* m_prober;
    QStackedWidget* m_central;
    WelcomePage* m_welcome;
    GraphView* m_graph;
    LayerTable* m_layers;
    DevicePanel* m_devices;
    MemoryChart* m_chart;
    PredictionPanel* m_predictions;
    PropertiesPanel* m_properties;
    TileEditor* m_tiles;
    ChannelSplitEditor* m_channels;
    QLabel* m_modelStatus;
    QLabel* m_planStatus;
    QList<QDockWidget*> m_hiddenDocks; // hidden while the welcome page shows
    bool m_busy = false;               // runInBackground() is running
    bool m_firstLayout = true;         // no window state saved by an earlier session
    QLineEdit* m_findEdit = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_placeMenu = nullptr;
    QMenu* m_zooMenu = nullptr;
    QMenu* m_runMenu = nullptr;
    RunPanel* m_run = nullptr;
    QActionGroup* m_overlayGroup = nullptr;
    QAction* m_newAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_sampleAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_exportReportAction = nullptr;
    QAction* m_closeAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_fuseAction = nullptr;
    QAction* m_lopAction = nullptr;
    QAction* m_lipAction = nullptr;
    QAction* m_resetPlanAction = nullptr;
    QAction* m_optimizeAction = nullptr;
    QAction* m_zoomInAction = nullptr;
    QAction* m_zoomOutAction = nullptr;
    QAction* m_fitAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_aboutQtAction = nullptr;
    QAction* m_preferencesAction = nullptr;
    Preferences m_preferences;
    QPalette m_systemPalette; // the application's palette at start: Theme::System
    QString m_systemStyle;    // and its style
};

} // namespace tessera::ui
