// tessera-studio: wires the project model, the settings and the main window together; nothing else.
//   tessera-studio [--language en|de|zh_CN] [PROJECT] [--screenshot FILE [--size WxH] [--select NODE]
//   [--run FRAMES]]
//   tessera-studio --report FILE [--measured RUN] [--compare PLAN] PROJECT (the project's report as .pdf,
//   .html, .csv or .json; with PLAN, a plan file compared side by side)

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>

#include "ui/graph_view.h"
#include "ui/language.h"
#include "ui/main_window.h"
#include "ui/node_selection.h"
#include "ui/preferences.h"
#include "ui/project_model.h"
#include "ui/run_panel.h"
#include "ui/run_session.h"

namespace {

// The bundled sample: beside the sources in a build tree, else where `make install` puts it.
QString findSampleProject() {
    const QStringList candidates = {QStringLiteral(TESSERA_SOURCE_SAMPLE),
                                    QDir(QCoreApplication::applicationDirPath())
                                        .filePath(QStringLiteral("../share/tessera/sample/sample.tessera"))};
    for (const auto& path : candidates) {
        if (QFileInfo::exists(path)) {
            return QFileInfo(path).absoluteFilePath();
        }
    }
    return {};
}

QCommandLineOption languageOption() {
    return {QStringLiteral("language"),
            QApplication::translate("main", "Show the studio in LANGUAGE (%1) instead of the language chosen "
                                            "in Preferences")
                .arg(tessera::ui::studioLanguages().join(QStringLiteral(", "))),
            QStringLiteral("LANGUAGE")};
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Tessera"));
    QApplication::setApplicationName(QStringLiteral("Tessera Studio"));
    QApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));

    // The language first, so that --help and the windows are made in it: --language, else the preference
    // (but headless runs never read the user's settings).
    QCommandLineParser early;
    const QCommandLineOption earlyLanguage = languageOption();
    const QCommandLineOption earlyScreenshot(QStringLiteral("screenshot"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption earlyReport(QStringLiteral("report"), QString(), QStringLiteral("FILE"));
    early.addOptions({earlyLanguage, earlyScreenshot, earlyReport});
    early.parse(QApplication::arguments()); // the other options are the main parser's
    QString language = early.value(earlyLanguage);
    if (!language.isEmpty() && !tessera::ui::studioLanguages().contains(language)) {
        std::fprintf(stderr, "tessera-studio: unknown language %s (the studio has %s)\n",
                     qPrintable(language),
                     qPrintable(tessera::ui::studioLanguages().join(QStringLiteral(", "))));
        return 1;
    }
    if (language.isEmpty() && !early.isSet(earlyScreenshot) && !early.isSet(earlyReport)) {
        language = tessera::ui::Preferences::load(QSettings(), {}).language;
    }
    tessera::ui::StudioTranslations translations;
    translations.install(tessera::ui::resolveLanguage(language));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "The Tessera partition-design workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "Project to open (.tessera)"));
    QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Render the main window to FILE (PNG) and exit"),
        QStringLiteral("FILE"));
    QCommandLineOption size(QStringLiteral("size"),
                            QApplication::translate("main", "Window size for --screenshot"),
                            QStringLiteral("WxH"), QStringLiteral("1600x1000"));
    QCommandLineOption select(
        QStringLiteral("select"),
        QApplication::translate("main", "Select this layer (by name) before the screenshot"),
        QStringLiteral("NODE"));
    QCommandLineOption run(
        QStringLiteral("run"),
        QApplication::translate(
            "main", "Before the screenshot, run FRAMES frames on the emulated local cluster (Run menu)"),
        QStringLiteral("FRAMES"));
    QCommandLineOption report(
        QStringLiteral("report"),
        QApplication::translate("main",
                                "Write the project's report to FILE (.pdf, .html, .csv or .json) and exit"),
        QStringLiteral("FILE"));
    QCommandLineOption measured(
        QStringLiteral("measured"),
        QApplication::translate(
            "main", "With --report: the run record of a measured run (tessera cluster-run --record)"),
        QStringLiteral("RUN"));
    QCommandLineOption compare(
        QStringLiteral("compare"),
        QApplication::translate("main",
                                "With --report: a second plan file (JSON), compared side by side with the "
                                "project's plan"),
        QStringLiteral("PLAN"));
    parser.addOptions({languageOption(), screenshot, size, select, run, report, measured, compare});
    parser.process(app);
    const bool headless = parser.isSet(screenshot) || parser.isSet(report);

    // A screenshot must not depend on (or change) the user's window layout and recent files.
    QTemporaryDir scratch;
    std::unique_ptr<QSettings> settings =
        headless ? std::make_unique<QSettings>(scratch.filePath(QStringLiteral("settings.ini")),
                                               QSettings::IniFormat)
                 : std::make_unique<QSettings>();
    const QString cacheDir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);

    tessera::ui::ProjectModel project(QDir(cacheDir).filePath(QStringLiteral("zoo")));
    tessera::ui::MainWindowOptions options;
    options.sampleProject = findSampleProject();
    options.dataDir = dataDir;
    options.offerRecovery = !headless;
    tessera::ui::MainWindow window(&project, settings.get(), options);

    if (headless) {
        const auto dims = parser.value(size).split(QLatin1Char('x'));
        window.resize(dims.value(0).toInt() > 0 ? dims.value(0).toInt() : 1600,
                      dims.value(1).toInt() > 0 ? dims.value(1).toInt() : 1000);
    }
    window.show();
    const QStringList args = parser.positionalArguments();
    if (!args.isEmpty()) {
        if (!window.openProjectFile(args.front()) && headless) {
            return 1;
        }
    } else {
        window.offerUntitledRecovery();
    }
    if (!headless) {
        return app.exec();
    }
    if (parser.isSet(select) && project.hasProject()) {
        const auto& nodes = project.model().graph.nodes;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (QString::fromStdString(nodes[i].name) == parser.value(select)) {
                window.selection()->setNodes({i});
                window.graphView()->centreOn(i);
            }
        }
    }
    bool runOk = true;
    if (parser.isSet(run) && project.hasProject()) {
        auto* panel = window.runPanel();
        panel->setFrames(std::max(1, parser.value(run).toInt()));
        QEventLoop loop;
        QObject::connect(panel->session(), &tessera::ui::RunSession::finished,
                         [&runOk](bool ok, const QString&) { runOk = ok; });
        QObject::connect(panel, &tessera::ui::RunPanel::runningChanged, &loop, [&loop](bool running) {
            if (!running) {
                loop.quit();
            }
        });
        window.findChild<QAction*>(QStringLiteral("runEmulatedAction"))->trigger();
        if (panel->isRunning()) {
            loop.exec();
        }
        std::fprintf(stderr, "tessera-studio: %s\n", qPrintable(panel->stageText()));
    }
    if (parser.isSet(report)) {
        if (!project.hasProject()) {
            std::fprintf(stderr, "tessera-studio: --report needs a project\n");
            return 1;
        }
        // Let the graph view lay out and tint its scene first: the PDF draws it.
        for (int i = 0; i < 10; ++i) {
            QApplication::processEvents();
        }
        std::optional<tessera::report::RunRecord> record;
        if (parser.isSet(measured)) {
            auto read = tessera::report::readRunRecord(parser.value(measured).toStdString());
            if (!read) {
                std::fprintf(stderr, "tessera-studio: %s\n", read.error().message.c_str());
                return 1;
            }
            record = std::move(*read);
        }
        QString error;
        // a run record given, else what --run measured
        const auto* measurements = record ? &*record : window.runPanel()->lastRun();
        if (!window.exportReport(parser.value(report), &error, measurements, parser.value(compare))) {
            std::fprintf(stderr, "tessera-studio: %s\n", qPrintable(error));
            return 1;
        }
        std::fprintf(stderr, "tessera-studio: wrote %s\n", qPrintable(parser.value(report)));
        if (!parser.isSet(screenshot)) {
            return runOk ? 0 : 1;
        }
    }
    // Let layouts, docks and charts settle before grabbing.
    for (int i = 0; i < 10; ++i) {
        QApplication::processEvents();
    }
    if (!window.grab().save(parser.value(screenshot))) {
        std::fprintf(stderr, "tessera-studio: cannot write %s\n", qPrintable(parser.value(screenshot)));
        return 1;
    }
    return runOk ? 0 : 1;
}
