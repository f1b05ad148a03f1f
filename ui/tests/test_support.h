#pragma once
// What the studio's tests share: the bundled sample project and the zoo cache in the build tree (the sample
// names the zoo's YOLOv2-608, written there by the first test that opens it).

#include <QDir>
#include <QSettings>
#include <QSize>
#include <QString>
#include <QTest>

#include <cstdint>
#include <memory>
#include <string>

#include "ui/main_window.h"
#include "ui/memory_chart.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"

namespace tessera::ui::test {

inline QString sampleProject() {
    return QStringLiteral(TESSERA_SOURCE_DIR "/resources/sample/sample.tessera");
}

inline QString zooCacheDir() {
    return QStringLiteral(TESSERA_BINARY_DIR "/ui-test-cache/zoo");
}

// The index of the node named `name` in the open project's graph; SIZE_MAX when there is none.
inline std::size_t nodeIndex(const ProjectModel& project, const std::string& name) {
    const auto& nodes = project.model().graph.nodes;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].name == name) {
            return i;
        }
    }
    return SIZE_MAX;
}

// A new, untitled project for the zoo model `zooName` (four devices, whole on the gateway).
inline bool newZooProject(ProjectModel& project, const QString& zooName, QString* error) {
    ModelSource source;
    source.zooName = zooName;
    return project.newProject(source, error);
}

// Settings in `dir`, emptied.
inline std::unique_ptr<QSettings> freshSettings(const QString& dir) {
    auto settings = std::make_unique<QSettings>(dir + QStringLiteral("/settings.ini"), QSettings::IniFormat);
    settings->clear();
    return settings;
}

// The studio's main window, shown at `size`, its data (autosaves) in `dataDir`, never offering a recovery;
// the bundled sample as its sample project unless `options` names another.
inline std::unique_ptr<MainWindow> showMainWindow(ProjectModel* project, QSettings* settings,
                                                  const QString& dataDir, QSize size,
                                                  MainWindowOptions options = {}) {
    if (options.sampleProject.isEmpty()) {
        options.sampleProject = sampleProject();
    }
    options.dataDir = dataDir;
    options.offerRecovery = false;
    auto window = std::make_unique<MainWindow>(project, settings, options);
    window->resize(size);
    window->show();
    return window;
}

// Weights + activations + buffers of every device, as the memory chart shows them.
inline QList<double> chartTotals(const MainWindow& window) {
    QList<double> totals;
    for (const auto& bar : window.memoryChart()->bars()) {
        totals.append(bar.weights + bar.activations + bar.buffers);
    }
    return totals;
}

// The memory chart shows the prediction of the plan as it is now (not a stale one).
inline void checkChartFollowsPlan(const MainWindow& window, const ProjectModel& project) {
    const auto bars = window.memoryChart()->bars();
    const auto& devices = project.preview().cost.devices;
    QCOMPARE(bars.size(), int(devices.size()));
    for (int d = 0; d < bars.size(); ++d) {
        QCOMPARE(bars[d].activations, double(devices[std::size_t(d)].activationBytes) / megabyteBytes());
    }
}

} // namespace tessera::ui::test
