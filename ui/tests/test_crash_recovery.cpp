// Crash recovery with a real crash: a studio process (this test binary, started again as a child) opens a
// copy of the sample project, makes an edit and is killed with SIGKILL once its autosave has run. A new
// main window opening the project offers the autosave; accepting it restores the edit, unsaved, and the
// project file itself was never touched (it is only ever replaced whole, by Save).

#include <QtTest>

#include <QAbstractButton>
#include <QApplication>
#include <QCryptographicHash>
#include <QMessageBox>
#include <QProcess>

#include <csignal>

#include "test_support.h"
#include "ui/autosave.h"
#include "ui/main_window.h"
#include "ui/node_selection.h"
#include "ui/partition_editor.h"
#include "ui/project_model.h"

using namespace tessera;
using namespace tessera::ui;

namespace {

const char* const kChildDir = "TESSERA_RECOVERY_CHILD_DIR";
const QString kProjectName = QStringLiteral("project.tessera");
const std::string kEdited = "conv_16"; // placed on device 2 by the child

QByteArray fileHash(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly)
               ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
               : QByteArray();
}

// The child: the studio's main window with a one-second autosave; opens the project, places conv_16 on
// device 2, says "edited" and waits to be killed.
int runChild(int argc, char** argv) {
    QApplication app(argc, argv);
    const QString dir = qEnvironmentVariable(kChildDir);
    auto settings = ui::test::freshSettings(dir);
    ProjectModel project(ui::test::zooCacheDir());
    MainWindowOptions options;
    options.dataDir = dir;
    options.autosaveSeconds = 1;
    options.offerRecovery = false;
    MainWindow window(&project, settings.get(), options);
    if (!window.openProjectFile(QDir(dir).filePath(kProjectName))) {
        return 2;
    }
    NodeSelection selection;
    PartitionEditor editor(&project, &selection);
    const std::size_t node = ui::test::nodeIndex(project, kEdited);
    if (!editor.place(node, node, 2)) {
        return 3;
    }
    std::printf("edited\n");
    std::fflush(stdout);
    return app.exec();
}

} // namespace

class TestCrashRecovery : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void killedMidEditRecovers() {
        QVERIFY(m_dir.isValid());
        const QString project = m_dir.filePath(kProjectName);
        QVERIFY(QFile::copy(ui::test::sampleProject(), project));
        const QByteArray before = fileHash(project);

        QProcess child;
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QString::fromLatin1(kChildDir), m_dir.path());
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(environment);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += child.readAllStandardOutput()).contains("edited") ||
                                     child.state() == QProcess::NotRunning,
                                 120000);
        QCOMPARE(child.state(), QProcess::Running);

        // the child's autosave writes the side file within a second of the edit; then the crash
        ProjectModel probe(ui::test::zooCacheDir());
        const Autosave paths(&probe, m_dir.path(), 3600);
        const QString side = paths.sideFile(QFileInfo(project).absoluteFilePath());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(side), 20000);
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        QCOMPARE(fileHash(project), before); // the autosave went beside the project, never over it

        // A new session: opening the project offers the autosave; Yes restores the edit as unsaved.
        auto settings = ui::test::freshSettings(m_dir.path());
        ProjectModel restored(ui::test::zooCacheDir());
        MainWindowOptions options;
        options.dataDir = m_dir.path();
        options.offerRecovery = true;
        MainWindow window(&restored, settings.get(), options);
        QStringList asked;
        QTimer answer;
        connect(&answer, &QTimer::timeout, [&asked] {
            for (auto* widget : QApplication::topLevelWidgets()) {
                if (auto* box = qobject_cast<QMessageBox*>(widget); box && box->isVisible()) {
                    asked << box->text();
                    // an error box (no Yes) is recorded and closed: the checks below then fail
                    if (auto* yes = box->button(QMessageBox::Yes)) {
                        yes->click();
                    } else {
                        box->reject();
                    }
                }
            }
        });
        answer.start(20);
        QVERIFY(window.openProjectFile(project));
        answer.stop();
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.front().contains(kProjectName), qPrintable(asked.front()));
        QVERIFY(restored.isModified());
        QCOMPARE(QFileInfo(restored.filePath()).fileName(), kProjectName);
        const std::size_t node = ui::test::nodeIndex(restored, kEdited);
        bool onDevice2 = false;
        for (const auto& stage : restored.plan().stages) {
            if (stage.first <= node && node <= stage.last) {
                onDevice2 = stage.first == node && stage.last == node && stage.devices == std::vector<int>{2};
            }
        }
        QVERIFY2(onDevice2, "the recovered plan does not have the child's edit");

        // Declining instead opens the file as saved (a fresh window, the side file still there).
        ProjectModel declined(ui::test::zooCacheDir());
        MainWindow second(&declined, settings.get(), options);
        QTimer decline;
        connect(&decline, &QTimer::timeout, [] {
            for (auto* widget : QApplication::topLevelWidgets()) {
                if (auto* box = qobject_cast<QMessageBox*>(widget); box && box->isVisible()) {
                    if (auto* no = box->button(QMessageBox::No)) {
                        no->click();
                    } else {
                        box->reject();
                    }
                }
            }
        });
        decline.start(20);
        QVERIFY(second.openProjectFile(project));
        decline.stop();
        QVERIFY(!declined.isModified());
        QVERIFY(!(declined.plan() == restored.plan()));
    }
};

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsSet(kChildDir)) {
        return runChild(argc, argv);
    }
    QApplication app(argc, argv);
    TestCrashRecovery test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_crash_recovery.moc"
