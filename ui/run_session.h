#pragma once
// One Run at a time, in the background (run_job.h on a QtConcurrent worker): everything it reports arrives on
// the GUI thread as signals; a job the user no longer wants (stopped, then another started) is dropped by
// its generation id. Stop asks the worker to end; the nodes are torn down before finished() is emitted. The
// destructor stops and waits, so nothing is left running when the studio closes.

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ui/run_job.h"

namespace tessera::ui {

class RunSession : public QObject {
    Q_OBJECT
public:
    explicit RunSession(RunEnvironment environment, QObject* parent = nullptr);
    ~RunSession() override;

    const RunEnvironment& environment() const { return m_environment; }
    // The tessera-node of the next runs (Preferences); a run in progress keeps its own.
    void setNodeBinary(const QString& path) { m_environment.nodeBinary = path; }
    bool isRunning() const { return m_running; }
    // Starts a run; false (and nothing happens) while one runs.
    bool start(RunRequest request);
    // Asks the run to end; finished() follows once the nodes are stopped.
    void stop();
    // Blocks until the worker has ended (after stop()): for shutdown and tests.
    void waitForFinished();

    // The first frame's outputs of the last run, by output name (empty before one arrived).
    const std::map<std::string, std::vector<float>>& firstOutputs() const { return m_firstOutputs; }

signals:
    void started();
    void stageChanged(const QString& stage);
    void deviceStateChanged(int device, const QString& state);
    void deviceProgressChanged(int device, double fraction);
    // What the emulated cluster of the run holds each device to, once it is up.
    void emulationReported(const tessera::ui::EmulationReport& report);
    void frameDone(const tessera::ui::FrameSample& sample);
    void telemetryReceived(const tessera::ui::DeviceSample& sample);
    // ok = false: `message` says what failed; a run the user stopped is ok.
    void finished(bool ok, const QString& message);

private:
    void post(std::function<void()> onGuiThread);

    RunEnvironment m_environment;
    QThreadPool m_pool; // one thread of its own: a long run must not hold one of the shared pool's
    QFutureWatcher<Status> m_watcher;
    std::shared_ptr<StopToken> m_stop;
    quint64 m_generation = 0;
    bool m_running = false;
    std::map<std::string, std::vector<float>> m_firstOutputs;
};

} // namespace tessera::ui

Q_DECLARE_METATYPE(tessera::ui::FrameSample)
Q_DECLARE_METATYPE(tessera::ui::DeviceSample)
Q_DECLARE_METATYPE(tessera::ui::EmulationReport)
