#pragma once
// Test helpers for the distributed runtime: tessera-node processes on loopback, started from bundle
// directories, read while they run, and stopped (SIGTERM) with a check that each ended cleanly.

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <vector>

#include "cli_runner.h"

#include "tests/support/free_port.h"

namespace tessera::test {

struct Node {
    QString name;
    QString dir;
    std::unique_ptr<QProcess> process;
    QString log; // what it printed so far (read by waitForLog and stopNodes)

    // Reads the node's log until it contains `text` (true) or `ms` pass or the node ends (false).
    bool waitForLog(const QString& text, int ms, qsizetype from = 0) {
        QElapsedTimer t;
        t.start();
        while (log.indexOf(text, from) < 0 && t.elapsed() < ms && process->state() != QProcess::NotRunning) {
            process->waitForReadyRead(100);
            log += QString::fromUtf8(process->readAllStandardError());
        }
        log += QString::fromUtf8(process->readAllStandardError());
        return log.indexOf(text, from) >= 0;
    }
};

// Starts tessera-node on a bundle directory with extra options; does not wait.
inline Node launchNode(const QString& dir, const QStringList& options = {}) {
    Node n{QFileInfo(dir).fileName(), dir, std::make_unique<QProcess>(), {}};
    n.process->setProcessChannelMode(QProcess::SeparateChannels);
    n.process->setReadChannel(QProcess::StandardError);
    n.process->start(binary("tessera-node"), QStringList{"--bundle", dir} + options);
    return n;
}

// Starts a node per bundle directory (options by directory name) and waits until each serves.
inline std::vector<Node> startNodes(const QStringList& dirs,
                                    const std::map<QString, QStringList>& options = {}) {
    std::vector<Node> nodes;
    for (const auto& dir : dirs) {
        auto o = options.find(QFileInfo(dir).fileName());
        nodes.push_back(launchNode(dir, o == options.end() ? QStringList{} : o->second));
    }
    for (auto& n : nodes) {
        if (!n.waitForLog("serving as", 30000)) {
            qWarning("node %s did not start: %s", qPrintable(n.name), qPrintable(n.log));
        }
    }
    return nodes;
}

// Stops the nodes (SIGTERM) and checks each ended cleanly; returns their logs.
inline QString stopNodes(std::vector<Node>& nodes) {
    QString logs;
    for (auto& n : nodes) {
        n.process->terminate();
    }
    for (auto& n : nodes) {
        n.process->waitForFinished(10000);
        n.log += QString::fromUtf8(n.process->readAllStandardError());
        logs += n.log;
        if (n.process->exitStatus() != QProcess::NormalExit || n.process->exitCode() != 0) {
            logs += "\nNODE " + n.name + " DID NOT END CLEANLY\n";
        }
    }
    return logs;
}

} // namespace tessera::test
