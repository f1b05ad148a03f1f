// The studio's languages (issue 9), under the offscreen platform: the German translation compiled into the
// program is installed and real widgets show it (menus, docks, Preferences), every menu keeps its
// accelerators unique, the longer German texts are not clipped, and the messages of the places whose
// translation context is declared by hand rather than by a QObject (the project document, the run job, the
// optimizer job, the frame inputs, the report export and its PDF, the undo commands, main()'s --help) are
// translated at run time, which needs the context lupdate wrote into the .ts to be the one the code asks for.
// TESSERA_SCREENSHOT_DIR=DIR saves the main window and the Preferences dialog in German there.

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QUndoStack>

#include <optional>
#include <set>

#include "test_support.h"
#include "ui/about_dialog.h"
#include "ui/channel_split_editor.h"
#include "ui/device_dialog.h"
#include "ui/fuse_dialog.h"
#include "ui/language.h"
#include "ui/node_selection.h"
#include "ui/optimize_dialog.h"
#include "ui/optimize_job.h"
#include "ui/partition_editor.h"
#include "ui/prediction_panel.h"
#include "ui/preferences.h"
#include "ui/preferences_dialog.h"
#include "ui/project_document.h"
#include "ui/report_export.h"
#include "ui/report_export_dialog.h"
#include "ui/run_inputs.h"
#include "ui/run_job.h"
#include "ui/run_panel.h"
#include "ui/tile_editor.h"
#include "ui/undo_commands.h"

using namespace tessera;
using namespace tessera::ui;

namespace {

void saveShot(QWidget* widget, const QString& name) {
    const QString dir = qEnvironmentVariable("TESSERA_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
    }
}

// The accelerator letter of a menu text ("Ö&ffnen…": 'f'); 0 when it has none.
QChar mnemonic(const QString& text) {
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] == QLatin1Char('&')) {
            if (text[i + 1] != QLatin1Char('&')) {
                return text[i + 1].toLower();
            }
            ++i; // "&&" is a literal ampersand
        }
    }
    return {};
}

// Fails naming the menu and the letter when two entries of `actions` share an accelerator; recurses into
// submenus.
void checkMnemonics(const QString& menu, const QList<QAction*>& actions) {
    std::set<QChar> used;
    for (auto* action : actions) {
        if (action->isSeparator()) {
            continue;
        }
        if (const QChar letter = mnemonic(action->text()); !letter.isNull()) {
            QVERIFY2(
                used.insert(letter).second,
                qPrintable(QStringLiteral("%1: '%2' used twice (%3)").arg(menu, letter, action->text())));
        }
        if (auto* sub = action->menu()) {
            checkMnemonics(menu + QStringLiteral(" > ") + action->text(), sub->actions());
        }
    }
}

// Fails naming the text when a label, button or placeholder inside `widget` is narrower than its text
// needs, or a label shows its accelerator's '&' because it has no buddy.
void checkNotClipped(QWidget* widget) {
    for (auto* label : widget->findChildren<QLabel*>()) {
        if (label->isVisible() && !label->wordWrap() && !label->text().isEmpty()) {
            QVERIFY2(label->width() >= label->sizeHint().width(),
                     qPrintable(QStringLiteral("clipped label: %1").arg(label->text())));
        }
        if (label->isVisible() && !Qt::mightBeRichText(label->text()) && !mnemonic(label->text()).isNull()) {
            QVERIFY2(label->buddy(),
                     qPrintable(QStringLiteral("label without a buddy: %1").arg(label->text())));
        }
    }
    for (auto* edit : widget->findChildren<QLineEdit*>()) {
        if (edit->isVisible() && edit->text().isEmpty() && !edit->placeholderText().isEmpty()) {
            QVERIFY2(edit->width() > edit->fontMetrics().horizontalAdvance(edit->placeholderText()),
                     qPrintable(QStringLiteral("clipped placeholder: %1").arg(edit->placeholderText())));
        }
    }
    for (auto* button : widget->findChildren<QAbstractButton*>()) {
        if (button->isVisible() && !button->text().isEmpty()) {
            QVERIFY2(button->width() >= button->sizeHint().width(),
                     qPrintable(QStringLiteral("clipped button: %1").arg(button->text())));
        }
    }
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private:
    StudioTranslations m_translations;
    QTemporaryDir m_dir;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_translations.install(QStringLiteral("de")));
        // qt6-translations-l10n (setup.sh): the standard buttons in German too
        QVERIFY(m_translations.hasQtTranslation());
    }

    void languages() {
        const QStringList languages = studioLanguages();
        QCOMPARE(languages.value(0), QStringLiteral("en"));
        QVERIFY(languages.contains(QStringLiteral("de")));
        QVERIFY(languages.contains(QStringLiteral("zh_CN")));
        QCOMPARE(languageName(QStringLiteral("de")), QStringLiteral("Deutsch"));
        QCOMPARE(languageName(QStringLiteral("zh_CN")), QStringLiteral("简体中文"));
        QCOMPARE(languageName(QStringLiteral("en")), QStringLiteral("English"));
        QCOMPARE(languages.count(QStringLiteral("en")), 1); // tessera_en.qm is not a second English

        // English keeps its sources' words but gets the plural forms of the %n texts
        {
            StudioTranslations english;
            QVERIFY(english.install(QStringLiteral("en")));
            QCOMPARE(QCoreApplication::translate("tessera::ui::DeviceStrip", "%1 · %n tile(s)", nullptr, 1)
                         .arg(QStringLiteral("a")),
                     QStringLiteral("a · 1 tile"));
            QCOMPARE(QCoreApplication::translate("tessera::ui::DeviceStrip", "%1 · %n tile(s)", nullptr, 25)
                         .arg(QStringLiteral("a")),
                     QStringLiteral("a · 25 tiles"));
        }
        QVERIFY(m_translations.install(QStringLiteral("de"))); // the German of the other cases

        // "" follows the system; a chosen language the studio has wins over it
        QCOMPARE(resolveLanguage({}, QLocale(QStringLiteral("de_AT"))), QStringLiteral("de"));
        QCOMPARE(resolveLanguage({}, QLocale(QStringLiteral("zh_CN"))), QStringLiteral("zh_CN"));
        QCOMPARE(resolveLanguage({}, QLocale(QStringLiteral("zh_TW"))), QStringLiteral("en")); // Traditional
        QCOMPARE(resolveLanguage({}, QLocale(QStringLiteral("fr_FR"))), QStringLiteral("en"));
        QCOMPARE(resolveLanguage({}, QLocale::c()), QStringLiteral("en"));
        QCOMPARE(resolveLanguage(QStringLiteral("en"), QLocale(QStringLiteral("de_DE"))),
                 QStringLiteral("en"));
        QCOMPARE(resolveLanguage(QStringLiteral("de"), QLocale(QStringLiteral("en_US"))),
                 QStringLiteral("de"));
        QCOMPARE(resolveLanguage(QStringLiteral("xx"), QLocale(QStringLiteral("de_DE"))),
                 QStringLiteral("de"));

        // stored in the preferences; an unknown stored language is read as "follow the system"
        auto settings = test::freshSettings(m_dir.path());
        Preferences chosen;
        chosen.language = QStringLiteral("zh_CN");
        chosen.save(*settings);
        QCOMPARE(Preferences::load(*settings, {}).language, QStringLiteral("zh_CN"));
        settings->setValue(QStringLiteral("preferences/language"), QStringLiteral("xx"));
        QCOMPARE(Preferences::load(*settings, {}).language, QString());
    }

    void mainWindowInGerman() {
        ProjectModel project(test::zooCacheDir());
        auto settings = test::freshSettings(m_dir.path());
        auto window = test::showMainWindow(&project, settings.get(), m_dir.path(), {1600, 1000});
        QVERIFY(window->openProjectFile(test::sampleProject()));

        QStringList menus;
        for (auto* action : window->menuBar()->actions()) {
            menus << action->text();
        }
        QCOMPARE(menus, (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Bearbeiten"),
                                     QStringLiteral("&Partitionieren"), QStringLiteral("&Ansicht"),
                                     QStringLiteral("A&usführen"), QStringLiteral("&Hilfe")}));
        checkMnemonics(QStringLiteral("menu bar"), window->menuBar()->actions());
        QCOMPARE(window->findChild<QDockWidget*>(QStringLiteral("devicesDock"))->windowTitle(),
                 QStringLiteral("Geräte"));
        QCOMPARE(window->findChild<QDockWidget*>(QStringLiteral("tileEditorDock"))->windowTitle(),
                 QStringLiteral("Kacheleditor"));
        QCOMPARE(window->findChild<QAction*>(QStringLiteral("runEmulatedAction"))->text(),
                 QStringLiteral("Auf &emuliertem Cluster ausführen"));

        // every toolbar action fits at this size (none pushed into the overflow menu)
        QApplication::processEvents();
        for (auto* bar : window->findChildren<QToolBar*>()) {
            for (auto* action : bar->actions()) {
                if (auto* widget = bar->widgetForAction(action); widget && !action->isSeparator()) {
                    QVERIFY2(widget->isVisible(), qPrintable(action->text()));
                }
            }
        }
        saveShot(window.get(), QStringLiteral("studio-de.png"));

        // the editors of a tile block and of a channel split, and the Run panel, with their German texts
        const auto select = [&](const char* first, const char* last) {
            window->selection()->setNodes({test::nodeIndex(project, first), test::nodeIndex(project, last)});
        };
        select("conv_2", "conv_2");
        QApplication::processEvents();
        checkNotClipped(window->findChild<TileEditor*>());
        select("conv_18", "conv_18_leaky");
        window->findChild<QAction*>(QStringLiteral("lopAction"))->trigger();
        select("conv_19", "conv_19_leaky");
        window->findChild<QAction*>(QStringLiteral("lipAction"))->trigger();
        select("conv_18", "conv_18");
        QApplication::processEvents();
        auto* channels = window->findChild<ChannelSplitEditor*>();
        QVERIFY(channels && channels->isVisible());
        checkNotClipped(channels);
        auto* runDock = window->findChild<QDockWidget*>(QStringLiteral("runDock"));
        runDock->show();
        runDock->raise();
        QApplication::processEvents();
        checkNotClipped(window->runPanel());
        saveShot(window.get(), QStringLiteral("studio-de-channels-run.png"));
    }

    // The core's messages in the German studio (ui/core_text): a refused tile grid explained inline in the
    // tile editor, and the prediction panel's over-budget line, with the names and numbers the core wrote.
    void coreMessagesInGerman() {
        ProjectModel project(test::zooCacheDir());
        auto settings = test::freshSettings(m_dir.path());
        auto window = test::showMainWindow(&project, settings.get(), m_dir.path(), {1600, 1000});
        QVERIFY(window->openProjectFile(test::sampleProject()));
        const std::size_t conv15 = test::nodeIndex(project, "conv_15");
        window->selection()->setNodes({conv15, conv15});
        QApplication::processEvents();
        auto* tiles = window->tileEditor();
        QVERIFY(tiles->isShowingBlock());
        QVERIFY(!window->partitionEditor()->setTileCuts(conv15, {8, 8}, {8, 16, 24, 32}));
        const QString refusal = tiles->messageText();
        QVERIFY2(refusal.startsWith(QStringLiteral("Der Kachelblock kann nicht geändert werden: Stufe ")),
                 qPrintable(refusal));
        QVERIFY2(
            refusal.contains(QStringLiteral(": Zeilenschnitte [8,8] müssen streng steigen und in (0, 38) "
                                            "liegen")),
            qPrintable(refusal));
        QVERIFY2(!refusal.contains(QStringLiteral("must be")), qPrintable(refusal));
        saveShot(window.get(), QStringLiteral("studio-de-core-problem.png"));

        // every budget cut to 16 MiB, less than the runtime alone needs: every device over it
        cost::Cluster cluster = project.cluster();
        for (auto& device : cluster.devices) {
            device.memoryBytes = std::int64_t(16) << 20;
        }
        project.setClusterAndPlan(cluster, project.plan());
        auto* predictions = window->predictionPanel();
        const QString first = QStringLiteral("Gerät '%1' braucht ").arg(toQString(cluster.devices[0].name));
        QTRY_VERIFY2(predictions->problemText().startsWith(first), qPrintable(predictions->problemText()));
        QCOMPARE(predictions->problemText().count(QStringLiteral(" über seinem Budget von 16.0 MiB")),
                 qsizetype(cluster.devices.size()));
        // six devices' lines, longer in German: they scroll instead of being cut off
        auto* problems = predictions->findChild<QScrollArea*>();
        QVERIFY(problems && problems->isVisible());
        QTRY_VERIFY(problems->verticalScrollBar()->maximum() > 0);
        QVERIFY(problems->widget()->height() >= problems->viewport()->height());
        saveShot(window.get(), QStringLiteral("studio-de-over-budget.png"));
    }

    void preferencesInGerman() {
        Preferences current;
        current.language = QStringLiteral("de");
        PreferencesDialog dialog(current);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Einstellungen"));
        auto* combo = dialog.findChild<QComboBox*>(QStringLiteral("languageCombo"));
        QVERIFY(combo);
        QStringList items;
        for (int i = 0; i < combo->count(); ++i) {
            items << combo->itemText(i);
        }
        QCOMPARE(items, (QStringList{QStringLiteral("System"), QStringLiteral("English"),
                                     QStringLiteral("Deutsch"), QStringLiteral("简体中文")}));
        QCOMPARE(combo->currentData().toString(), QStringLiteral("de"));
        auto* form = dialog.findChild<QFormLayout*>();
        QVERIFY(form);
        auto* label = qobject_cast<QLabel*>(form->labelForField(combo));
        QVERIFY(label);
        QCOMPARE(label->text(), QStringLiteral("&Sprache:"));
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("languageNote"))
                    ->text()
                    .contains(QStringLiteral("Start")));
        combo->setCurrentIndex(0);
        QCOMPARE(dialog.preferences().language, QString());
        checkNotClipped(&dialog);
        saveShot(&dialog, QStringLiteral("preferences-de.png"));
    }

    // The dialogs with their longer German texts: no label or button narrower than its text.
    void dialogsInGerman() {
        ProjectModel project(test::zooCacheDir());
        QString error;
        QVERIFY2(test::newZooProject(project, QStringLiteral("tiny-yolov2"), &error), qPrintable(error));
        FuseDialog fuse(QStringLiteral("conv1 … leaky3"), TileSettings{});
        DeviceDialog device(project.cluster().devices.front());
        AboutDialog about;
        OptimizeDialog optimize(&project);
        ReportExportDialog exportReport(m_dir.filePath(QStringLiteral("report.html")), m_dir.path(),
                                        [](const QString&, const QString&, QString*) { return false; });
        const std::vector<std::pair<QDialog*, QString>> dialogs = {
            {&fuse, QStringLiteral("fuse-dialog-de.png")},
            {&device, QStringLiteral("device-dialog-de.png")},
            {&about, QStringLiteral("about-dialog-de.png")},
            {&optimize, QStringLiteral("optimize-dialog-de.png")},
            {&exportReport, QStringLiteral("export-report-dialog-de.png")}};
        for (const auto& [dialog, shot] : dialogs) {
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            checkNotClipped(dialog);
            saveShot(dialog, shot);
            dialog->hide();
        }
        QCOMPARE(fuse.windowTitle(), QStringLiteral("Als Kachelblock fusionieren"));
        QCOMPARE(optimize.windowTitle(), QStringLiteral("Plan optimieren"));
        QCOMPARE(exportReport.windowTitle(), QStringLiteral("Bericht exportieren"));
    }

    // The messages of the contexts declared by hand, each made by the code that shows it.
    void handDeclaredContexts() {
        QString error;
        QVERIFY(!parseProjectDocument("{", QStringLiteral("x.tessera"), &error));
        QVERIFY2(error.contains(QStringLiteral("kein gültiges JSON")), qPrintable(error));

        const auto inputs = FrameInputs::create(RunInput::ImageFolder, m_dir.filePath(QStringLiteral("none")),
                                                {{"x", {1, 3, 8, 8}}});
        QVERIFY(!inputs);
        QVERIFY2(QString::fromStdString(inputs.error().message).contains(QStringLiteral("existiert nicht")),
                 inputs.error().message.c_str());

        const Status run = runJob(RunRequest{}, RunEnvironment{}, RunCallbacks{}, StopToken{});
        QVERIFY(!run);
        QVERIFY2(QString::fromStdString(run.error().message).startsWith(QStringLiteral("Öffnen Sie zuerst")),
                 run.error().message.c_str());

        ProjectModel project(test::zooCacheDir());
        QVERIFY2(test::newZooProject(project, QStringLiteral("tiny-yolov2"), &error), qPrintable(error));
        QVERIFY(!exportReport(project, m_dir.filePath(QStringLiteral("no/such/dir/r.html")),
                              report::Format::Html, nullptr, nullptr, {}, &error));
        QVERIFY2(error.contains(QStringLiteral("kann nicht geschrieben werden")), qPrintable(error));
        const QString missingPlan = m_dir.filePath(QStringLiteral("missing-plan.json"));
        QVERIFY(!exportReport(project, m_dir.filePath(QStringLiteral("r.html")), report::Format::Html,
                              nullptr, nullptr, missingPlan, &error));
        QVERIFY2(error.startsWith(QStringLiteral("Der Vergleichsplan %1 kann nicht verwendet werden: ")
                                      .arg(QDir::toNativeSeparators(missingPlan))),
                 qPrintable(error));

        cost::Device device = project.cluster().devices.front();
        device.name = "pi-extra";
        project.undoStack()->push(new AddDeviceCommand(&project, device));
        QCOMPARE(project.undoStack()->undoText(), QStringLiteral("Gerät pi-extra hinzufügen"));

        OptimizeJob job;
        QSignalSpy progress(&job, &OptimizeJob::progress);
        std::optional<OptimizeResult> result;
        connect(&job, &OptimizeJob::finished, this, [&result](const OptimizeResult& r) { result = r; });
        OptimizeSettings settings;
        settings.objective = optimize::Objective::Latency;
        settings.grids = {2};
        settings.channelSplits = false;
        QVERIFY(job.start(project.sharedModel(), project.cluster(), settings));
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 240'000);
        QVERIFY2(result->error.isEmpty(), qPrintable(result->error));
        // the solver the optimizer chose, by its German name
        QVERIFY2(result->solver.startsWith(QStringLiteral("dynamische Programmierung")) ||
                     result->solver.startsWith(QStringLiteral("ganzzahliges Programm (GLPK)")),
                 qPrintable(result->solver));
        QStringList stages;
        for (const auto& args : progress) {
            stages << args.value(1).toString();
        }
        QVERIFY2(stages.contains(QStringLiteral("Vorhersage der Pläne")),
                 qPrintable(stages.join(QStringLiteral(", "))));
    }

    // The PDF report's headings (ReportPdf) and page footers (PdfPages), read back by poppler's pdftotext.
    void reportPdfInGerman() {
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty()) {
            QSKIP("pdftotext (poppler-utils) is not installed");
        }
        ProjectModel project(test::zooCacheDir());
        QString error;
        QVERIFY2(test::newZooProject(project, QStringLiteral("tiny-yolov2"), &error), qPrintable(error));
        const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY2(exportReport(project, pdf, report::Format::Pdf, nullptr, nullptr, {}, &error),
                 qPrintable(error));
        QProcess text;
        text.start(pdftotext, {pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(60'000));
        const QString out = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("Tessera-Bericht")), qPrintable(out.left(400)));
        QVERIFY2(out.contains(QStringLiteral("Speicher pro Gerät")), qPrintable(out.left(400)));
        QVERIFY2(out.contains(QStringLiteral("Seite 1")), qPrintable(out.left(400)));
    }

    // main()'s --help, in the language of --language.
    void commandLineHelp() {
        QProcess studio;
        studio.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
        studio.start(QStringLiteral(TESSERA_BINARY_DIR "/bin/tessera-studio"),
                     {QStringLiteral("--language"), QStringLiteral("de"), QStringLiteral("--help")});
        QVERIFY(studio.waitForFinished(60'000));
        QCOMPARE(studio.exitCode(), 0);
        const QString help = QString::fromUtf8(studio.readAllStandardOutput());
        QVERIFY2(help.contains(QStringLiteral("Zu öffnendes Projekt (.tessera)")), qPrintable(help));
        QVERIFY2(help.contains(QStringLiteral("--language <LANGUAGE>")), qPrintable(help));

        studio.start(QStringLiteral(TESSERA_BINARY_DIR "/bin/tessera-studio"),
                     {QStringLiteral("--language"), QStringLiteral("xx"), QStringLiteral("--help")});
        QVERIFY(studio.waitForFinished(60'000));
        QCOMPARE(studio.exitCode(), 1);
        QVERIFY(
            QString::fromUtf8(studio.readAllStandardError()).contains(QStringLiteral("unknown language xx")));
    }
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
