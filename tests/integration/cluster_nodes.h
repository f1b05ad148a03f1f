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
#include "core/exec/npy.h"
#include "core/model/zoo.h"
#include "support/random_plans.h"

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

// The zoo's tiny-YOLOv2 (deterministic weights) bundled for `devices` rpi4 nodes on loopback: written to
// `dir` with one sample input, planned with conv_0 … maxpool_3 in `grid` tiles (`tessera plan --ftp`), and
// bundled with an endpoint per device on a free port (plus `extra` options of `tessera bundle`).
struct TinyYoloCluster {
    model::Model model;
    QString input;    // the sample input (.npy)
    QString bundles;  // the bundles' folder
    QStringList dirs; // bundle directories, gateway first
    QString output;   // what `tessera bundle` printed
    QString error;    // empty when every step worked
};

inline TinyYoloCluster bundleTinyYolo(const QString& dir, int devices, const QString& grid,
                                      const QStringList& extra = {}) {
    TinyYoloCluster c;
    auto g = model::buildZooModel("tiny-yolov2");
    if (!g) {
        c.error = QString::fromStdString(g.error().message);
        return c;
    }
    c.model = std::move(*g);
    const QString modelPath = dir + "/tiny-yolov2.onnx";
    c.input = dir + "/input.npy";
    if (!model::saveOnnx(c.model.graph, c.model.opset, modelPath.toStdString(), "test") ||
        !exec::writeNpy(c.input.toStdString(), c.model.graph.inputs[0].shape,
                        test::sampleInputs(c.model.graph).begin()->second)) {
        c.error = "cannot write the model or its input in " + dir;
        return c;
    }
    const QString devicesArg = "rpi4:" + QString::number(devices);
    const QString planPath = dir + "/plan.json";
    auto planned = run(binary("tessera"), {"plan", modelPath, "--devices", devicesArg, "--ftp",
                                           "conv_0:maxpool_3:" + grid, "-o", planPath});
    if (planned.exitCode != 0) {
        c.error = planned.err;
        return c;
    }
    c.bundles = dir + "/bundles";
    QStringList args{"bundle", modelPath, planPath, devicesArg, "-o", c.bundles};
    for (int d = 1; d <= devices; ++d) {
        args << "--endpoint"
             << "rpi4-" + QString::number(d) + "=tcp://127.0.0.1:" + QString::number(freePort());
    }
    auto bundled = run(binary("tessera"), args + extra);
    c.output = bundled.out + bundled.err;
    if (bundled.exitCode != 0) {
        c.error = bundled.err;
        return c;
    }
    c.dirs = bundled.out.split('\n', Qt::SkipEmptyParts);
    if (c.dirs.size() != devices) {
        c.error = "tessera bundle listed " + QString::number(c.dirs.size()) + " directories: " + bundled.out;
    }
    return c;
}

} // namespace tessera::test
