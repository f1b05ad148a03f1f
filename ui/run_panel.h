#pragma once
// The Run panel: where to run (an emulated cluster of tessera-node processes on this machine, or the
// project's devices over SSH), what to feed (generated input or an image folder), how many frames (or until
// stopped); Run and Stop; every device's state and progress while the cluster comes up; on the emulated
// cluster, what each device is held to (CPU quota, link rate, memory limit) or why nothing is; the live
// charts (run_charts.h). The work happens in a RunSession, off the GUI thread.

#include <QWidget>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/report/run_record.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QToolButton;

namespace tessera::ui {

class ProjectModel;
class RunCharts;
class RunSession;
struct DeviceSample;
struct EmulationReport;
struct FrameSample;

class RunPanel : public QWidget {
    Q_OBJECT
public:
    RunPanel(ProjectModel* project, RunSession* session, QWidget* parent = nullptr);

    // Starts a run with the panel's settings; false when none can start (no project, a run going on, an
    // image folder missing): the panel says why.
    bool start();
    // Deploys the plan to the project's devices over SSH without starting them (the target must be the
    // devices); false when it cannot start, the panel saying why.
    bool deploy();
    // Selects the emulated local cluster and starts.
    bool runOnEmulatedCluster();
    // Selects the project's devices and deploys to them.
    bool deployToDevices();
    void stop();
    bool isRunning() const;

    void setFrames(int frames); // 0: until stopped
    RunSession* session() const { return m_session; }
    RunCharts* charts() const { return m_charts; }
    QString stageText() const;
    // What the last finished run measured (latency per frame; per device compute, tasks, bytes, peak RSS),
    // for the exported report; null before a run, while one runs, and once the project, its cluster or its
    // plan changed (the figures belong to the plan and cluster that ran).
    const report::RunRecord* lastRun() const { return m_lastRun ? &*m_lastRun : nullptr; }

signals:
    void runningChanged(bool running);

private:
    void updateControls();
    void resetDevices();
    bool begin(bool deployOnly);
    void onFrame(const FrameSample& sample);
    void onTelemetry(const DeviceSample& sample);
    void onFinished(bool ok, const QString& message);
    void onEmulation(const EmulationReport& report);
    void forgetMeasurements();

    ProjectModel* m_project;
    RunSession* m_session;
    QComboBox* m_target;
    QComboBox* m_input;
    QLineEdit* m_folder;
    QToolButton* m_browse;
    QSpinBox* m_frames;
    QCheckBox* m_continuous;
    QSpinBox* m_inFlight;
    QPushButton* m_run;
    QPushButton* m_deploy;
    QPushButton* m_stop;
    QLabel* m_stage;
    QLabel* m_summary;
    QLabel* m_emulation; // what the emulated cluster limits, or why nothing
    QTableWidget* m_devices;
    RunCharts* m_charts;
    QList<double> m_latencies; // ms, this run's
    // This run's measurements by frame number, and the device names they are recorded under.
    std::map<std::uint64_t, report::FrameMeasure> m_measured;
    std::vector<std::string> m_runDevices;
    int m_runInFlight = 1;
    bool m_deploying = false; // the job going on (or the last one) only deploys
    double m_runSeconds = 0;
    std::optional<report::RunRecord> m_lastRun;
};

} // namespace tessera::ui
