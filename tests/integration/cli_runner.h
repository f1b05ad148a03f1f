#pragma once
// Test helper: runs one of the built programs (or a tool) as a real process and captures what it prints.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace tessera::test {

struct RunResult {
    int exitCode = -1;
    QString out;
    QString err;
};

inline QString binary(const QString& name) {
    return QStringLiteral(TESSERA_BINARY_DIR "/bin/") + name;
}
inline QString sourcePath(const QString& relative) {
    return QStringLiteral(TESSERA_SOURCE_DIR "/") + relative;
}

inline RunResult run(const QString& program, const QStringList& args, int timeoutMs = 300000) {
    QProcess p;
    p.start(program, args);
    RunResult r;
    if (!p.waitForStarted(10000)) {
        r.err = "could not start " + program + ": " + p.errorString();
        return r;
    }
    p.waitForFinished(timeoutMs);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace tessera::test
