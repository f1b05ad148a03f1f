#pragma once
// Device status from the deployer for the Devices panel: probes devices in the background - over SSH for a
// device with an "ssh" block (deployer::connectDevice + probe, as `tessera probe` does), on this machine for
// the others, which Run starts as local processes (deployer::probeLocal with the studio's tessera-node) -
// and reports each device's state on the GUI thread as it changes: Connecting, then Ready (with what the
// probe found) or Failed (with the reason).
//
// Questions (an unknown host key, a key file's passphrase) are asked on the GUI thread through the
// functions set with setQuestions(); the worker waits for the answer. A passphrase is passed to libssh and
// never kept. One probe at a time: probe() while one runs abandons it (its reports are dropped by
// generation; its devices the new probe does not cover go back to Unknown).
//
// A running probe can be stopped, whole or device by device: each device's connection has a stop token
// (deployer::ConnectOptions::stop), which ends its connect, handshake or command within about 50 ms, so
// stopping, abandoning and the destructor (which stops the running probe and waits for its threads) return
// promptly even when a device does not answer.

#include <QFutureWatcher>
#include <QMetaType>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>

#include "core/cost/cluster.h"
#include "deployer/remote_device.h"

namespace tessera::ui {

enum class ProbeState { Unknown, Connecting, Ready, Failed };

struct DeviceStatus {
    ProbeState state = ProbeState::Unknown;
    bool local = false;          // probed on this machine (no "ssh" block)
    QString reason;              // Failed: what went wrong and what to do
    bool hostKeyChanged = false; // Failed because the device's host key changed (refused)
    deployer::ProbeResult facts; // Ready: what the probe found
};

class DeviceProber : public QObject {
    Q_OBJECT
public:
    // Trust this unknown host key of `device`? (`where` names it as the deployer does.)
    using HostKeyQuestion =
        std::function<bool(const QString& where, const QString& keyType, const QString& fingerprint)>;
    // The passphrase for `prompt`; nullopt: the user declined.
    using PassphraseQuestion = std::function<std::optional<QString>(const QString& prompt)>;

    explicit DeviceProber(QString nodeBinary, QObject* parent = nullptr);
    ~DeviceProber() override;

    void setNodeBinary(const QString& path) { m_nodeBinary = path; }
    // Unset questions answer no.
    void setQuestions(HostKeyQuestion hostKey, PassphraseQuestion passphrase);

    // Probes `devices` (indexes into `cluster`; relative key and known_hosts paths resolve against
    // `projectDir`). statusChanged() reports each of them by name; finished() follows the last.
    void probe(const cost::Cluster& cluster, const QList<int>& devices, const QString& projectDir);
    // True from probe() until its worker has ended (stopped devices end within about 50 ms).
    bool isRunning() const { return m_running; }
    // The devices of the running probe without a final state yet.
    QSet<QString> pendingDevices() const { return m_pending; }
    // Stops probing these devices (names; others are ignored): they go back to Unknown at once and their
    // answers, should any still come, are dropped.
    void stopDevices(const QSet<QString>& devices);
    // Stops every device of the running probe (the Devices panel's Stop).
    void stop();
    // Stops the running probe and drops its reports and questions without reporting its devices (e.g. when
    // another project is opened: the names may mean other devices there).
    void abandon();

signals:
    void statusChanged(const QString& device, const tessera::ui::DeviceStatus& status);
    void finished();

private:
    struct Shared;

    QString m_nodeBinary;
    HostKeyQuestion m_hostKeyQuestion;
    PassphraseQuestion m_passphraseQuestion;
    QThreadPool m_pool;
    QFutureWatcher<void> m_watcher;
    std::shared_ptr<Shared> m_shared; // the running probe's; abandoned ones keep theirs
    quint64 m_generation = 0;
    QSet<QString> m_pending; // devices of the running probe without a final state yet
    bool m_running = false;
};

// The table's one-line text for a status ("Ready: x86_64, Debian GNU/Linux 12 (bookworm), 2 CPUs, 7.76 GiB",
// "Failed", "Connecting…"), sizes in the studio's units.
QString statusText(const DeviceStatus& status);
// Its tooltip: every probed fact a line each (Ready), the reason (Failed).
QString statusDetails(const DeviceStatus& status);

} // namespace tessera::ui

Q_DECLARE_METATYPE(tessera::ui::DeviceStatus)
