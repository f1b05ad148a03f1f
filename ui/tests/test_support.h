#pragma once
// What the studio's tests share: the bundled sample project and the zoo cache in the build tree (the sample
// names the zoo's YOLOv2-608, written there by the first test that opens it).

#include <QDir>
#include <QString>

namespace tessera::ui::test {

inline QString sampleProject() {
    return QStringLiteral(TESSERA_SOURCE_DIR "/resources/sample/sample.tessera");
}

inline QString zooCacheDir() {
    return QStringLiteral(TESSERA_BINARY_DIR "/ui-test-cache/zoo");
}

} // namespace tessera::ui::test
