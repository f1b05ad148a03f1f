#pragma once
// Autosave and crash recovery. While the project has unsaved changes it is written every `intervalSeconds`
// to a side file in "<dataDir>/autosave/" - "<name>-<hash of its path>.tessera.autosave" for a saved project,
// "untitled.tessera.autosave" for an untitled one - never over the project itself. Saving or closing cleanly
// removes the side file, so one found at start-up is the state of a session that ended without saving:
// recoveryFor() offers it.

#include <QObject>
#include <QString>
#include <QTimer>

namespace tessera::ui {

class ProjectModel;

class Autosave : public QObject {
    Q_OBJECT
public:
    Autosave(ProjectModel* project, QString dataDir, int intervalSeconds, QObject* parent = nullptr);

    // The side file for a project path (empty = untitled).
    QString sideFile(const QString& projectPath) const;
    // The side file to offer when opening `projectPath`: it exists and is newer than the project; else empty.
    QString recoveryFor(const QString& projectPath) const;
    // Writes the side file now (when there is something unsaved); true when written.
    bool saveNow();
    // Removes the side file of `projectPath`.
    void discard(const QString& projectPath);
    QTimer* timer() { return &m_timer; }

private:
    ProjectModel* m_project;
    QString m_dataDir;
    QTimer m_timer;
};

} // namespace tessera::ui
