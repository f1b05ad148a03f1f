#pragma once
// Test support: a real OpenSSH sshd on a loopback port, for one emulated "device".
//
// The server runs as root in its own mount namespace where `home` is bind-mounted over /root, so the
// remote user's home (and the deployer's default ~/.tessera) is a temporary directory, and the
// machine's own /root (shell start-up files included) is neither read nor written. Without a mount
// namespace (no CAP_SYS_ADMIN) it runs plainly and the home is the real one.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tests/support/free_port.h"

namespace tessera::test {

inline bool acceptsConnections(const std::string& address, int port) {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    inet_pton(AF_INET, address.c_str(), &a.sin_addr);
    a.sin_port = htons(std::uint16_t(port));
    const bool ok = ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(s);
    return ok;
}

// Runs a tool and returns whether it exited with 0.
inline bool runTool(const QString& program, const QStringList& args) {
    QProcess p;
    p.start(program, args);
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

class SshdServer {
public:
    // `dir`: the server's own files (config, host key, log); `authorizedKeys`: the client's public key file;
    // `netns`: a network namespace to run in (empty: this one), where it listens on `address`.
    SshdServer(QString dir, QString authorizedKeys, std::string address = "127.0.0.1", QString netns = {})
        : m_dir(std::move(dir))
        , m_authorizedKeys(std::move(authorizedKeys))
        , m_address(std::move(address))
        , m_netns(std::move(netns)) {
        QDir().mkpath(home());
    }
    ~SshdServer() { stop(); }

    QString home() const { return m_dir + "/home"; }
    // Lines appended to the server's sshd_config at the next start().
    void setExtraConfig(std::string lines) { m_extraConfig = std::move(lines); }
    QString hostKey() const { return m_dir + "/host_key"; }
    int port() const { return m_port; }

    // A new ed25519 host key (the device "reinstalled").
    bool newHostKey() {
        QFile::remove(hostKey());
        QFile::remove(hostKey() + ".pub");
        return runTool("ssh-keygen", {"-q", "-t", "ed25519", "-N", "", "-f", hostKey()});
    }

    // Starts sshd (a new host key the first time) on `port` (0: a free one) and waits until it accepts.
    bool start(int port = 0) {
        std::filesystem::create_directories("/run/sshd"); // sshd's privilege separation directory
        if (!QFile::exists(hostKey()) && !newHostKey()) {
            return false;
        }
        m_port = port > 0 ? port : freePort();
        const QString config = m_dir + "/sshd_config";
        std::ofstream(config.toStdString())
            << "Port " << m_port << "\nListenAddress " << m_address << "\nHostKey " << hostKey().toStdString()
            << "\nPidFile " << (m_dir + "/sshd.pid").toStdString() << "\nAuthorizedKeysFile "
            << m_authorizedKeys.toStdString()
            << "\nPermitRootLogin prohibit-password\nPasswordAuthentication no\nKbdInteractiveAuthentication "
               "no\nStrictModes no\nUsePAM no\nSubsystem sftp internal-sftp\n"
            << m_extraConfig;
        const QString sshd = "exec /usr/sbin/sshd -D -e -f '" + config + "'";
        m_process.setStandardOutputFile(m_dir + "/sshd.log", QIODevice::Append);
        m_process.setStandardErrorFile(m_dir + "/sshd.log", QIODevice::Append);
        QStringList argv;
        if (!m_netns.isEmpty()) {
            argv << "ip"
                 << "netns"
                 << "exec" << m_netns;
        }
        if (runTool("unshare", {"-m", "true"})) {
            argv << "unshare"
                 << "-m"
                 << "sh"
                 << "-c"
                 << "mount --bind '" + home() + "' /root && " + sshd;
        } else {
            argv << "sh"
                 << "-c" << sshd;
        }
        m_process.start(argv.takeFirst(), argv);
        for (int i = 0; i < 100 && m_process.state() != QProcess::NotRunning; ++i) {
            if (acceptsConnections(m_address, m_port)) {
                return true;
            }
            QThread::msleep(50);
        }
        return false;
    }

    // Ends the listener and every connection it serves (SIGKILL: a device that vanishes mid-transfer).
    void kill() {
        if (m_process.state() == QProcess::NotRunning) {
            return;
        }
        killAll(pid_t(m_process.processId()));
        m_process.waitForFinished(5000);
    }

    // kill() without touching the QProcess, so any thread may call it; kill() afterwards reaps.
    void killFromAnyThread() {
        if (m_process.state() != QProcess::NotRunning) {
            killAll(pid_t(m_process.processId()));
        }
    }

    void stop() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000)) {
                kill();
            }
        }
    }

private:
    static void killAll(pid_t listener) {
        for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
            const std::string name = entry.path().filename().string();
            if (name.find_first_not_of("0123456789") != std::string::npos) {
                continue;
            }
            std::ifstream stat(entry.path() / "stat");
            std::string line;
            std::getline(stat, line);
            const auto close = line.rfind(')');
            int ppid = 0;
            char state = 0;
            if (close != std::string::npos &&
                std::sscanf(line.c_str() + close + 1, " %c %d", &state, &ppid) == 2 && ppid == listener) {
                ::kill(pid_t(std::stoi(name)), SIGKILL);
            }
        }
        ::kill(listener, SIGKILL);
    }

    QString m_dir, m_authorizedKeys;
    std::string m_address;
    QString m_netns;
    std::string m_extraConfig;
    int m_port = 0;
    QProcess m_process;
};

} // namespace tessera::test
