#include "ui/autosave.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include "ui/project_model.h"

namespace tessera::ui {

Autosave::Autosave(ProjectModel* project, QString dataDir, int intervalSeconds, QObject* parent)
    : QObject(parent)
    , m_project(project)
    , m_dataDir(std::move(dataDir)) {
    m_timer.setInterval(intervalSeconds * 1000);
    connect(&m_timer, &QTimer::timeout, this, &Autosave::saveNow);
    m_timer.start();
    // A save makes the project clean: the side file is stale from then on.
    connect(project, &ProjectModel::modifiedChanged, this, [this](bool modified) {
        if (!modified && m_project->hasProject()) {
            discard(m_project->filePath());
        }
    });
}

QString Autosave::sideFile(const QString& projectPath) const {
    // Named after a hash of the project's path: a project folder may be read-only (the installed sample),
    // and side files there would litter it.
    const QString stem = projectPath.isEmpty()
                             ? QStringLiteral("untitled")
                             : QFileInfo(projectPath).completeBaseName() + QLatin1Char('-') +
                                   QString::fromLatin1(QCryptographicHash::hash(
                                                           QFileInfo(projectPath).absoluteFilePath().toUtf8(),
                                                           QCryptographicHash::Sha1)
                                                           .toHex()
                                                           .left(12));
    return QDir(m_dataDir).filePath(QStringLiteral("autosave/%1.tessera.autosave").arg(stem));
}

QString Autosave::recoveryFor(const QString& projectPath) const {
    const QFileInfo side(sideFile(projectPath));
    if (!side.exists()) {
        return {};
    }
    if (!projectPath.isEmpty() && QFileInfo::exists(projectPath) &&
        QFileInfo(projectPath).lastModified() > side.lastModified()) {
        return {};
    }
    return side.absoluteFilePath();
}

bool Autosave::saveNow() {
    if (!m_project->isModified()) {
        return false;
    }
    const QString path = sideFile(m_project->filePath());
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return false;
    }
    file.write(m_project->documentBytes(QFileInfo(path).absolutePath()));
    return file.commit();
}

void Autosave::discard(const QString& projectPath) {
    QFile::remove(sideFile(projectPath));
}

} // namespace tessera::ui
