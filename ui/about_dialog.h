#pragma once
// Help > About Tessera Studio: the program's version and build, and the version of every library it links,
// asked at run time where the library can tell (the Qt-free queries live in the module that links each
// library: core/optimize, core/net, core/model, core/exec, deployer; Graphviz in graph_layout).

#include <QDialog>
#include <QList>
#include <QPair>
#include <QString>

namespace tessera::ui {

// (library, version) in display order; a library this build does not link says so as its version.
QList<QPair<QString, QString>> libraryVersions();
// "GCC 12.2.0, x86_64-little_endian-lp64, Qt 6.4.2 (release)": the compiler and platform of this build.
QString buildDescription();

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);
    // The versions as text, one "library: version" a line (the Copy button's text).
    QString versionsText() const;

private:
    QList<QPair<QString, QString>> m_versions;
};

} // namespace tessera::ui
