#include "ui/device_prober.h"

#include <QtConcurrent/QtConcurrentRun>

#include <chrono>
#include <future>
#include <mutex>
#include <vector>

#include "deployer/remote_device.h"
#include "ui/core_text.h"
#include "ui/qt_convert.h"

namespace tessera::ui {

// What a probe's worker shares with the GUI side: a stop token per device (in `devices` order), and one
// question at a time. A stopped device's questions answer no.
struct DeviceProber::Shared {
    explicit Shared(QStringList names)
        : devices(std::move(names))
        , stops(std::size_t(devices.size())) {}
    const QStringList devices;
    std::vector<StopToken> stops;
    std::mutex questions;
};

namespace {

DeviceStatus readyStatus(const deployer::ProbeResult& facts, bool local) {
    DeviceStatus s;
    s.state = ProbeState::Ready;
    s.local = local;
    s.facts = facts;
    return s;
}

DeviceStatus failedStatus(const QString& reason, bool local) {
    DeviceStatus s;
    s.state = ProbeState::Failed;
    s.local = local;
    s.reason = reason;
    return s;
}

QString osText(const deployer::ProbeResult& r) {
    return r.os.empty() ? DeviceProber::tr("unknown OS") : toQString(r.os);
}

} // namespace

QString statusText(const DeviceStatus& status) {
    switch (status.state) {
    case ProbeState::Unknown:
        return DeviceProber::tr("Unknown");
    case ProbeState::Connecting:
        return DeviceProber::tr("Connecting…");
    case ProbeState::Ready:
        return DeviceProber::tr("Ready: %1, %2, %n CPUs, %3", nullptr, status.facts.cpus)
            .arg(toQString(status.facts.arch), osText(status.facts),
                 bytesText(status.facts.memoryTotalBytes));
    case ProbeState::Failed:
        return DeviceProber::tr("Failed");
    }
    return {};
}

QString statusDetails(const DeviceStatus& status) {
    if (status.state == ProbeState::Failed) {
        return status.reason;
    }
    if (status.state != ProbeState::Ready) {
        return {};
    }
    const auto& r = status.facts;
    QStringList lines;
    lines << (status.local ? DeviceProber::tr("Runs on this machine (no \"ssh\" block: emulated or local)")
                           : DeviceProber::tr("Reached over SSH"));
    lines << DeviceProber::tr("Architecture: %1").arg(toQString(r.arch));
    lines << DeviceProber::tr("Operating system: %1").arg(osText(r));
    lines << DeviceProber::tr("CPUs: %1").arg(r.cpus);
    lines << DeviceProber::tr("Memory: %1 (%2 available)")
                 .arg(bytesText(r.memoryTotalBytes), bytesText(r.memoryAvailableBytes));
    lines << DeviceProber::tr("Disk free: %1").arg(bytesText(r.diskFreeBytes));
    lines << (r.nodeVersion.empty() ? DeviceProber::tr("tessera-node: not installed")
                                    : DeviceProber::tr("tessera-node: %1").arg(toQString(r.nodeVersion)));
    if (!r.fingerprint.empty()) {
        lines << DeviceProber::tr("Host key: %1").arg(toQString(r.fingerprint));
    }
    return lines.join(QLatin1Char('\n'));
}

DeviceProber::DeviceProber(QString nodeBinary, QObject* parent)
    : QObject(parent)
    , m_nodeBinary(std::move(nodeBinary)) {
    qRegisterMetaType<DeviceStatus>();
    m_pool.setMaxThreadCount(1); // the worker waits for its device threads: not on the shared pool
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, [this] {
        m_running = false;
        emit finished();
    });
}

DeviceProber::~DeviceProber() {
    abandon();
    m_pool.waitForDone(); // prompt: every connection has been told to stop
}

void DeviceProber::setQuestions(HostKeyQuestion hostKey, PassphraseQuestion passphrase) {
    m_hostKeyQuestion = std::move(hostKey);
    m_passphraseQuestion = std::move(passphrase);
}

void DeviceProber::stopDevices(const QSet<QString>& devices) {
    if (!m_shared) {
        return;
    }
    for (qsizetype i = 0; i < m_shared->devices.size(); ++i) {
        const QString& name = m_shared->devices[i];
        if (devices.contains(name) && m_pending.remove(name)) {
            m_shared->stops[std::size_t(i)].requestStop();
            emit statusChanged(name, DeviceStatus{});
        }
    }
}

void DeviceProber::stop() {
    stopDevices(m_pending);
}

void DeviceProber::abandon() {
    if (m_shared) {
        for (auto& token : m_shared->stops) {
            token.requestStop(); // its connections end, its questions answer no
        }
    }
    ++m_generation; // its reports are dropped
    m_pending.clear();
}

void DeviceProber::probe(const cost::Cluster& cluster, const QList<int>& devices, const QString& projectDir) {
    const QSet<QString> unfinished = m_pending;
    abandon();
    const quint64 generation = m_generation;
    std::vector<cost::Device> targets;
    QStringList names;
    for (const int i : devices) {
        if (i >= 0 && i < int(cluster.devices.size())) {
            targets.push_back(cluster.devices[std::size_t(i)]);
            names.append(toQString(targets.back().name));
            m_pending.insert(names.back());
        }
    }
    auto shared = std::make_shared<Shared>(names);
    m_shared = shared;
    // the abandoned probe's devices that this one does not cover would stay "Connecting…"
    for (const QString& device : unfinished - m_pending) {
        emit statusChanged(device, DeviceStatus{});
    }
    // A device's final state crosses to the GUI thread and is dropped there when a newer probe has started
    // or the device was stopped meanwhile (no longer pending).
    const auto report = [this, generation](const QString& device, const DeviceStatus& status) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, device, status] {
                if (generation == m_generation && m_pending.remove(device)) {
                    emit statusChanged(device, status);
                }
            },
            Qt::QueuedConnection);
    };
    // Asks `question` on the GUI thread and waits for the answer (no, once `stop` is requested). The
    // question holds copies of what it shows: the worker may have given up by the time it runs.
    const auto ask = [this, shared]<typename T>(const StopToken& stop, std::function<T()> question,
                                                T no) -> T {
        std::lock_guard lock(shared->questions);
        if (stop.stopRequested()) {
            return no;
        }
        auto answer = std::make_shared<std::promise<T>>();
        auto future = answer->get_future();
        QMetaObject::invokeMethod(
            this,
            [question, answer, shared, &stop, no] {
                answer->set_value(stop.stopRequested() ? no : question());
            },
            Qt::QueuedConnection);
        while (future.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready) {
            if (stop.stopRequested()) {
                return no;
            }
        }
        return future.get();
    };
    for (const auto& device : targets) {
        DeviceStatus connecting;
        connecting.state = ProbeState::Connecting;
        connecting.local = !device.ssh;
        emit statusChanged(toQString(device.name), connecting);
    }
    m_running = true;
    const std::string nodeBinary = toStdString(m_nodeBinary);
    const std::string relativeTo = toStdString(projectDir);
    HostKeyQuestion hostKeyQuestion = m_hostKeyQuestion;
    PassphraseQuestion passphraseQuestion = m_passphraseQuestion;
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [targets, shared, report, ask, nodeBinary, relativeTo,
                                                    hostKeyQuestion, passphraseQuestion] {
        deployer::forEachDevice(int(targets.size()), [&](int i) -> Status {
            const cost::Device& device = targets[std::size_t(i)];
            const QString name = toQString(device.name);
            const StopToken& stop = shared->stops[std::size_t(i)];
            if (!device.ssh) {
                auto r = deployer::probeLocal(nodeBinary);
                report(name, r ? readyStatus(*r, true)
                               : failedStatus(CoreText::translate(r.error().message), true));
                return {};
            }
            QString refusedKey; // the fingerprint the user declined to trust
            deployer::ConnectOptions options;
            options.relativeTo = relativeTo;
            options.stop = &stop;
            options.confirmHostKey = [&](const std::string& where, const std::string& type,
                                         const std::string& fingerprint) {
                const bool yes = hostKeyQuestion &&
                                 ask(stop,
                                     std::function<bool()>(
                                         [hostKeyQuestion, w = toQString(where), t = toQString(type),
                                          f = toQString(fingerprint)] { return hostKeyQuestion(w, t, f); }),
                                     false);
                if (!yes) {
                    refusedKey = toQString(fingerprint);
                }
                return yes;
            };
            options.passphrase = [&](const std::string& prompt) -> std::optional<std::string> {
                if (!passphraseQuestion) {
                    return std::nullopt;
                }
                // (answered, passphrase): a pair rather than an optional crosses the threads
                using Answer = std::pair<bool, std::string>;
                const Answer answer =
                    ask(stop, std::function<Answer()>([passphraseQuestion, p = toQString(prompt)] {
                            const auto given = passphraseQuestion(p);
                            return given ? Answer(true, toStdString(*given)) : Answer();
                        }),
                        Answer());
                return answer.first ? std::optional<std::string>(answer.second) : std::nullopt;
            };
            auto connection = deployer::connectDevice(device, options);
            if (stop.stopRequested()) {
                return {}; // no longer pending: nothing to report
            }
            if (!connection) {
                auto failed = failedStatus(refusedKey.isEmpty()
                                               ? CoreText::translate(connection.error().message)
                                               : tr("The host key %1 was not trusted: not connected (the "
                                                    "known_hosts file is unchanged)")
                                                     .arg(refusedKey),
                                           false);
                failed.hostKeyChanged = deployer::isHostKeyChanged(connection.error());
                report(name, failed);
                return {};
            }
            auto r = deployer::probe(*connection);
            report(name,
                   r ? readyStatus(*r, false) : failedStatus(CoreText::translate(r.error().message), false));
            return {};
        });
    }));
}

} // namespace tessera::ui
