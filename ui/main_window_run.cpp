// The main window's Run dock and menu: Run on the emulated local cluster in one action, Run (the panel with
// its settings), Deploy to Devices, Stop.
#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenu>

#include "ui/main_window.h"
#include "ui/project_model.h"
#include "ui/run_panel.h"
#include "ui/run_session.h"

namespace tessera::ui {

void MainWindow::createRun() {
    RunEnvironment environment;
    environment.nodeBinary = nodeBinary(); // applyPreferences() sets the preferred one
    environment.workDir = QDir::tempPath();
    auto* session = new RunSession(environment, this);
    m_run = new RunPanel(m_project, session, this);
    auto* dock = new QDockWidget(tr("Run"), this);
    dock->setObjectName(QStringLiteral("runDock"));
    dock->setWidget(m_run);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    // a tab beside the simulated timeline: the measured run next to the predicted one
    tabifyDockWidget(findChild<QDockWidget*>(QStringLiteral("timelineDock")), dock);
    dock->hide(); // until the user runs: the design panels keep the room

    auto* emulated = new QAction(tr("Run on &Emulated Cluster"), this);
    emulated->setObjectName(QStringLiteral("runEmulatedAction"));
    emulated->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    emulated->setToolTip(tr("Start one tessera-node per device on this machine and stream frames through "
                            "the plan, with live charts"));
    auto* show = new QAction(tr("&Run…"), this);
    show->setObjectName(QStringLiteral("runShowAction"));
    show->setToolTip(tr("The Run panel: target, input, frames"));
    auto* deploy = new QAction(tr("&Deploy to Devices"), this);
    deploy->setObjectName(QStringLiteral("runDeployAction"));
    deploy->setToolTip(tr("Copy the plan and tessera-node to the project's devices over SSH, with per-device "
                          "progress, without starting them"));
    auto* stop = new QAction(tr("&Stop"), this);
    stop->setObjectName(QStringLiteral("runStopAction"));
    stop->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    const auto showDock = [this, dock] {
        if (dock->isHidden()) {
            dock->show();
            resizeDocks({dock}, {height() * 2 / 5}, Qt::Vertical);
        }
        dock->raise();
    };
    connect(emulated, &QAction::triggered, this, [this, showDock] {
        showDock();
        m_run->runOnEmulatedCluster();
    });
    connect(show, &QAction::triggered, this, showDock);
    connect(deploy, &QAction::triggered, this, [this, showDock] {
        showDock();
        m_run->deployToDevices();
    });
    connect(stop, &QAction::triggered, m_run, &RunPanel::stop);
    const auto update = [this, emulated, show, deploy, stop] {
        const bool running = m_run->isRunning();
        emulated->setEnabled(m_project->hasProject() && !running);
        deploy->setEnabled(m_project->hasProject() && !running);
        show->setEnabled(m_project->hasProject());
        stop->setEnabled(running);
    };
    connect(m_run, &RunPanel::runningChanged, this, update);
    connect(m_project, &ProjectModel::projectReset, this, update);
    update();
    m_runMenu = new QMenu(tr("&Run"), this);
    m_runMenu->addAction(emulated);
    m_runMenu->addAction(show);
    m_runMenu->addAction(deploy);
    m_runMenu->addSeparator();
    m_runMenu->addAction(stop);
}

} // namespace tessera::ui
