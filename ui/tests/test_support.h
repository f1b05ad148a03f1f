#pragma once
// What the studio's tests share: the bundled sample project and the zoo cache in the build tree (the sample
// names the zoo's YOLOv2-608, written there by the first test that opens it).

#include <QDir>
#include <QString>

#include <cstdint>
#include <string>

#include "ui/project_model.h"

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

} // namespace tessera::ui::test
