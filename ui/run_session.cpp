#include "ui/run_session.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include "ui/core_text.h"

namespace tessera::ui {

RunSession::RunSession(RunEnvironment environment, QObject* parent)
    : QObject(parent)
    , m_environment(std::move(environment)) {
    m_pool.setMaxThreadCount(1);
    if (!m_environment.coreSpeed) {
        m_environment.coreSpeed =
            std::make_shared<CoreSpeed>(); // measured once, for all runs of this session
    }
    qRegisterMetaType<FrameSample>();
    qRegisterMetaType<DeviceSample>();
    qRegisterMetaType<EmulationReport>();
    connect(&m_watcher, &QFutureWatcher<Status>::finished, this, [this] {
        m_running = false;
        const Status status = m_watcher.result();
        emit finished(status.ok(), status.ok() ? QString() : CoreText::translate(status.error().message));
    });
}

RunSession::~RunSession() {
    stop();
    waitForFinished();
}

void RunSession::post(std::function<void()> onGuiThread) {
    QMetaObject::invokeMethod(this, std::move(onGuiThread), Qt::QueuedConnection);
}

bool RunSession::start(RunRequest request) {
    if (m_running) {
        return false;
    }
    m_running = true;
    m_firstOutputs.clear();
    m_stop = std::make_shared<StopToken>();
    const quint64 generation = ++m_generation;
    // Every report crosses to the GUI thread and is dropped there when a newer run has started.
    const auto deliver = [this, generation](auto&& apply) {
        post([this, generation, apply = std::forward<decltype(apply)>(apply)]() mutable {
            if (generation == m_generation) {
                apply();
            }
        });
    };
    RunCallbacks callbacks;
    callbacks.stage = [this, deliver](const QString& stage) {
        deliver([this, stage] { emit stageChanged(stage); });
    };
    callbacks.deviceState = [this, deliver](int device, const QString& state) {
        deliver([this, device, state] { emit deviceStateChanged(device, state); });
    };
    callbacks.deviceProgress = [this, deliver](int device, double fraction) {
        deliver([this, device, fraction] { emit deviceProgressChanged(device, fraction); });
    };
    callbacks.emulation = [this, deliver](const EmulationReport& report) {
        deliver([this, report] { emit emulationReported(report); });
    };
    callbacks.frame = [this, deliver](const FrameSample& s) { deliver([this, s] { emit frameDone(s); }); };
    callbacks.telemetry = [this, deliver](const DeviceSample& s) {
        deliver([this, s] { emit telemetryReceived(s); });
    };
    callbacks.firstOutputs = [this, deliver](std::map<std::string, std::vector<float>> outputs) {
        deliver([this, outputs = std::move(outputs)]() mutable { m_firstOutputs = std::move(outputs); });
    };
    m_watcher.setFuture(QtConcurrent::run(
        &m_pool, [request = std::move(request), environment = m_environment, callbacks, stop = m_stop]() {
            return runJob(request, environment, callbacks, *stop);
        }));
    emit started();
    return true;
}

void RunSession::stop() {
    if (m_stop) {
        m_stop->requestStop();
    }
}

void RunSession::waitForFinished() {
    m_watcher.waitForFinished();
}

} // namespace tessera::ui
