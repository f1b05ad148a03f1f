// File > Export Report… on the sample project (YOLOv2-608 on six devices): the PDF has several pages, which
// poppler renders (when pdfinfo / pdftoppm are installed); the HTML, CSV and JSON carry the figures the
// studio's own preview shows. Compared with a second plan file, the JSON's comparison is the one
// `tessera report --compare` writes for the same model, cluster and plans, the HTML and PDF (pdftotext)
// show the compared figures, bad plan files are refused naming the file and what is wrong, and the export
// dialog does it all (with TESSERA_SCREENSHOT_DIR set, saved there as export-report.png).

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

#include <memory>

#include "core/cost/cluster.h"
#include "core/partition/plan.h"
#include "test_support.h"
#include "ui/main_window.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"
#include "ui/report_export_dialog.h"

using namespace tessera::ui;

namespace {

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject readJson(const QString& path) {
    return QJsonDocument::fromJson(readAll(path)).object();
}

bool writeAll(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// The text of a PDF (pdftotext); empty when poppler-utils are not installed.
QString pdfText(const QString& pdf) {
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty()) {
        return {};
    }
    QProcess text;
    text.start(pdftotext, {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    return text.waitForFinished(60000) ? QString::fromUtf8(text.readAllStandardOutput()) : QString();
}

} // namespace

class TestReportExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProjectModel> m_project;
    std::unique_ptr<MainWindow> m_window;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // The project's plan as current.json, a second plan (the whole model on the second device) as
    // whole.json and the cluster as cluster.json: the CLI's inputs for what the studio reports.
    void writePlans() {
        const auto& graph = m_project->model().graph;
        const auto& cluster = m_project->cluster();
        QVERIFY(tessera::cost::writeCluster(cluster, toStdString(path(QStringLiteral("cluster.json")))));
        QVERIFY(tessera::partition::writePlan(m_project->plan(), graph, cluster,
                                              toStdString(path(QStringLiteral("current.json")))));
        QVERIFY(tessera::partition::writePlan(tessera::partition::wholeModelPlan(graph, 1), graph, cluster,
                                              toStdString(path(QStringLiteral("whole.json")))));
    }

private slots:
    void initTestCase() {
        m_settings = test::freshSettings(m_dir.path());
        m_project = std::make_unique<ProjectModel>(test::zooCacheDir());
        m_window = test::showMainWindow(m_project.get(), m_settings.get(), m_dir.path(), {1400, 900});
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        auto* action = m_window->findChild<QAction*>(QStringLiteral("exportReportAction"));
        QVERIFY(action);
        QVERIFY(!action->isEnabled());
        QVERIFY(m_window->openSample());
        QVERIFY(action->isEnabled());
        QVERIFY(m_project->preview().valid);
    }

    void cleanupTestCase() {
        m_window.reset();
        m_project.reset();
    }

    void pdfHasSeveralPagesThatRender() {
        const QString pdf = path(QStringLiteral("report.pdf"));
        QString error;
        QVERIFY2(m_window->exportReport(pdf, &error), qPrintable(error));
        const QByteArray bytes = readAll(pdf);
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.size() > 20000);

        const QString pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
        const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        if (pdfinfo.isEmpty() || pdftoppm.isEmpty()) {
            QSKIP(
                "poppler-utils (pdfinfo, pdftoppm) are not installed: the PDF was written but not rendered");
        }
        QProcess info;
        info.start(pdfinfo, {pdf});
        QVERIFY(info.waitForFinished(60000));
        QCOMPARE(info.exitCode(), 0);
        const QString text = QString::fromUtf8(info.readAllStandardOutput());
        const QRegularExpressionMatch pages =
            QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(text);
        QVERIFY2(pages.hasMatch(), qPrintable(text));
        const int count = pages.captured(1).toInt();
        QVERIFY2(count > 1, qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Tessera report: yolov2-608")));

        QProcess render;
        render.start(pdftoppm, {QStringLiteral("-r"), QStringLiteral("50"), QStringLiteral("-png"), pdf,
                                path(QStringLiteral("page"))});
        QVERIFY(render.waitForFinished(120000));
        QCOMPARE(render.exitCode(), 0);
        const QStringList rendered = QDir(m_dir.path()).entryList({QStringLiteral("page-*.png")});
        QCOMPARE(rendered.size(), count);
        for (const QString& name : rendered) {
            const QImage page(path(name));
            QVERIFY(!page.isNull());
            int ink = 0;
            for (int y = 0; y < page.height(); y += 2) {
                for (int x = 0; x < page.width(); x += 2) {
                    ink += qGray(page.pixel(x, y)) < 200 ? 1 : 0;
                }
            }
            // every page carries text or a chart, not a blank sheet
            QVERIFY2(ink > 200, qPrintable(name + QStringLiteral(": %1 dark samples").arg(ink)));
        }
    }

    // A run record adds the measured section (percentiles, histogram, predicted against measured): more
    // pages; a record naming a device the project does not have is refused by name.
    void measuredRunAddsPages() {
        tessera::report::RunRecord record;
        record.wallSeconds = 4;
        for (int f = 0; f < 20; ++f) {
            tessera::report::FrameMeasure frame;
            frame.frame = std::uint64_t(f);
            frame.latencySeconds = 0.2 + 0.01 * f;
            for (const auto& d : m_project->cluster().devices) {
                frame.devices.push_back({d.name, 2, 0.1, 1000, 2000, 50 << 20});
            }
            record.frames.push_back(frame);
        }
        QString error;
        QVERIFY2(m_window->exportReport(path(QStringLiteral("measured.json")), &error, &record),
                 qPrintable(error));
        const QJsonObject doc =
            QJsonDocument::fromJson(readAll(path(QStringLiteral("measured.json")))).object();
        QCOMPARE(doc[QStringLiteral("measured")][QStringLiteral("throughput_fps")].toDouble(), 5.0);
        QVERIFY2(m_window->exportReport(path(QStringLiteral("measured.pdf")), &error, &record),
                 qPrintable(error));
        QVERIFY(readAll(path(QStringLiteral("measured.pdf"))).size() >
                readAll(path(QStringLiteral("report.pdf"))).size());

        record.frames[4].devices[0].device = "rpi9";
        QVERIFY(!m_window->exportReport(path(QStringLiteral("bad.pdf")), &error, &record));
        QVERIFY2(error.contains(QStringLiteral("'rpi9'")), qPrintable(error));
    }

    void jsonCarriesThePreviewsFigures() {
        const QString file = path(QStringLiteral("report.json"));
        QString error;
        QVERIFY2(m_window->exportReport(file, &error), qPrintable(error));
        const QJsonObject doc = QJsonDocument::fromJson(readAll(file)).object();
        QCOMPARE(doc.value(QStringLiteral("format")).toString(), QStringLiteral("tessera-report"));
        const QJsonArray devices = doc[QStringLiteral("plan")][QStringLiteral("devices")].toArray();
        const auto& preview = m_project->preview();
        QCOMPARE(devices.size(), qsizetype(preview.cost.devices.size()));
        for (qsizetype d = 0; d < devices.size(); ++d) {
            QCOMPARE(devices[d][QStringLiteral("total_bytes")].toInteger(),
                     preview.cost.devices[std::size_t(d)].totalBytes);
        }
        QCOMPARE(doc[QStringLiteral("plan")][QStringLiteral("latency_seconds")].toDouble(),
                 preview.latencySeconds);
        QCOMPARE(doc[QStringLiteral("optimizer")][QStringLiteral("objective")].toString(),
                 m_project->solverSettings().objective);
    }

    void csvAndHtml() {
        QString error;
        QVERIFY2(m_window->exportReport(path(QStringLiteral("report.csv")), &error), qPrintable(error));
        const auto layers = readAll(path(QStringLiteral("report.csv"))).trimmed().split('\n');
        QCOMPARE(layers.size(), qsizetype(m_project->model().graph.nodes.size() + 1));
        const auto devices = readAll(path(QStringLiteral("report-devices.csv"))).trimmed().split('\n');
        QCOMPARE(devices.size(), qsizetype(m_project->cluster().devices.size() + 1));

        QVERIFY2(m_window->exportReport(path(QStringLiteral("report.html")), &error), qPrintable(error));
        const QByteArray html = readAll(path(QStringLiteral("report.html")));
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.count("<svg") >= 4);
        QVERIFY(html.contains("yolov2-608"));
    }

    void comparisonIsTheClis() {
        writePlans();
        QProcess cli;
        cli.start(QStringLiteral(TESSERA_BINARY_DIR "/bin/tessera"),
                  {QStringLiteral("report"), m_project->modelFilePath(), QStringLiteral("--devices"),
                   path(QStringLiteral("cluster.json")), QStringLiteral("--plan"),
                   path(QStringLiteral("current.json")), QStringLiteral("--compare"),
                   path(QStringLiteral("whole.json")), QStringLiteral("-o"),
                   path(QStringLiteral("cli.json"))});
        QVERIFY(cli.waitForFinished(300000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        QString error;
        QVERIFY2(m_window->exportReport(path(QStringLiteral("studio.json")), &error, nullptr,
                                        path(QStringLiteral("whole.json"))),
                 qPrintable(error));
        const QJsonObject byCli = readJson(path(QStringLiteral("cli.json")));
        const QJsonObject byStudio = readJson(path(QStringLiteral("studio.json")));
        const QJsonObject compared = byStudio[QStringLiteral("compare")].toObject();
        QCOMPARE(compared[QStringLiteral("label")].toString(), QStringLiteral("whole.json"));
        QCOMPARE(compared, byCli[QStringLiteral("compare")].toObject());
        // the project's own plan too, but for its label ("current plan" here, the file's name there)
        QJsonObject plan = byStudio[QStringLiteral("plan")].toObject(),
                    cliPlan = byCli[QStringLiteral("plan")].toObject();
        QCOMPARE(plan.take(QStringLiteral("label")).toString(), QStringLiteral("current plan"));
        cliPlan.remove(QStringLiteral("label"));
        QCOMPARE(plan, cliPlan);
        // the two plans differ: a comparison that compares something
        QVERIFY(compared[QStringLiteral("latency_seconds")].toDouble() !=
                plan[QStringLiteral("latency_seconds")].toDouble());
        QVERIFY(byStudio[QStringLiteral("compare")].isObject());
        // without a plan to compare, none
        QVERIFY2(m_window->exportReport(path(QStringLiteral("alone.json")), &error), qPrintable(error));
        QVERIFY(readJson(path(QStringLiteral("alone.json")))[QStringLiteral("compare")].isNull());
    }

    void comparisonInHtmlAndPdf() {
        writePlans();
        QString error;
        const QString whole = path(QStringLiteral("whole.json"));
        QVERIFY2(m_window->exportReport(path(QStringLiteral("compare.json")), &error, nullptr, whole),
                 qPrintable(error));
        const QJsonObject compared =
            readJson(path(QStringLiteral("compare.json")))[QStringLiteral("compare")].toObject();
        QVERIFY2(m_window->exportReport(path(QStringLiteral("compare.html")), &error, nullptr, whole),
                 qPrintable(error));
        const QString html = QString::fromUtf8(readAll(path(QStringLiteral("compare.html"))));
        QVERIFY(html.contains(QStringLiteral(", compared with whole.json")));
        QVERIFY(html.contains(QStringLiteral(
            "<h2>Comparison</h2><table><tr><th></th><th>current plan</th><th>whole.json</th>")));
        QVERIFY(html.contains(QStringLiteral("<h3>Timeline: whole.json</h3>")));

        const QString pdf = path(QStringLiteral("compare.pdf"));
        QVERIFY2(m_window->exportReport(pdf, &error, nullptr, whole), qPrintable(error));
        QVERIFY(readAll(pdf).size() > readAll(path(QStringLiteral("report.pdf"))).size());
        const QString text = pdfText(pdf);
        if (text.isEmpty()) {
            QSKIP("poppler-utils (pdftotext) are not installed: the PDF was written but not read");
        }
        QVERIFY(text.contains(QStringLiteral("compared with whole.json")));
        QVERIFY(text.contains(QStringLiteral("Comparison")));
        QVERIFY(text.contains(QStringLiteral("Timeline: whole.json")));
        // the compared plan's figures, as the studio writes them
        const auto row = [&text](const QString& what) {
            const qsizetype at = text.indexOf(QRegularExpression(
                QStringLiteral("\\n\\s*") + QRegularExpression::escape(what) + QStringLiteral("\\s")));
            return at < 0 ? QString()
                          : text.mid(at + 1, text.indexOf(QLatin1Char('\n'), at + 1) - at - 1).simplified();
        };
        QVERIFY2(row(QStringLiteral("latency, one frame"))
                     .endsWith(secondsText(compared[QStringLiteral("latency_seconds")].toDouble())),
                 qPrintable(row(QStringLiteral("latency, one frame"))));
        // (pdftotext reads "traffic" with a ligature: that row is checked by a device's memory instead)
        const QString second =
            QStringLiteral("memory of %1").arg(toQString(m_project->cluster().devices[1].name));
        QVERIFY2(row(second).endsWith(bytesText(
                     compared[QStringLiteral("devices")][1][QStringLiteral("total_bytes")].toInteger())),
                 qPrintable(row(second)));
        QVERIFY2(row(QStringLiteral("tasks"))
                     .endsWith(QString::number(compared[QStringLiteral("tasks")].toInteger())),
                 qPrintable(row(QStringLiteral("tasks"))));
        QVERIFY2(row(QStringLiteral("largest device memory"))
                     .endsWith(bytesText(compared[QStringLiteral("largest_device_bytes")].toInteger())),
                 qPrintable(row(QStringLiteral("largest device memory"))));
    }

    void badComparePlansNameTheFile() {
        writePlans();
        QString error;
        const auto refused = [&](const QString& plan) {
            const bool exported =
                m_window->exportReport(path(QStringLiteral("bad.json")), &error, nullptr, plan);
            return !exported && error.contains(QStringLiteral("The plan to compare, ")) &&
                   error.contains(QDir::toNativeSeparators(plan));
        };
        QVERIFY2(refused(path(QStringLiteral("missing.json"))) &&
                     error.contains(QStringLiteral("cannot open")),
                 qPrintable(error));
        QVERIFY(writeAll(path(QStringLiteral("broken.json")), "{\"format\": \"tessera-plan\", "));
        QVERIFY2(refused(path(QStringLiteral("broken.json"))) &&
                     error.contains(QStringLiteral("not valid JSON")),
                 qPrintable(error));
        // a plan made for another model
        QByteArray other = readAll(path(QStringLiteral("whole.json")));
        const QByteArray nodes =
            "\"nodes\": " + QByteArray::number(qsizetype(m_project->model().graph.nodes.size()));
        QVERIFY(other.contains(nodes));
        other.replace(nodes, "\"nodes\": 3");
        QVERIFY(writeAll(path(QStringLiteral("other-model.json")), other));
        QVERIFY2(refused(path(QStringLiteral("other-model.json"))) &&
                     error.contains(QStringLiteral("was made for a model with 3")),
                 qPrintable(error));
        QVERIFY(!QFile::exists(path(QStringLiteral("bad.json"))));
    }

    void exportDialogCompares() {
        writePlans();
        auto* action = m_window->findChild<QAction*>(QStringLiteral("exportReportAction"));
        QVERIFY(action);
        const QString out = path(QStringLiteral("dialog"));
        bool seen = false;
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<ReportExportDialog*>(QApplication::activeModalWidget());
            QVERIFY2(dialog, "the export dialog did not open");
            seen = true;
            auto* file = dialog->findChild<QLineEdit*>(QStringLiteral("reportPathEdit"));
            auto* compare = dialog->findChild<QCheckBox*>(QStringLiteral("compareCheck"));
            auto* plan = dialog->findChild<QLineEdit*>(QStringLiteral("comparePlanEdit"));
            auto* errorLabel = dialog->findChild<QLabel*>(QStringLiteral("exportErrorLabel"));
            auto* exportButton = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
            QVERIFY(file && compare && plan && errorLabel && exportButton);
            QVERIFY(file->text().endsWith(QStringLiteral(".html")));
            QVERIFY(!compare->isChecked() && !plan->isEnabled());
            file->setText(out); // no extension: the format chosen (JSON) adds it
            dialog->findChild<QComboBox*>(QStringLiteral("reportFormatCombo"))->setCurrentIndex(3);
            compare->setChecked(true);
            QVERIFY(plan->isEnabled() && !exportButton->isEnabled()); // no plan named yet
            plan->setText(path(QStringLiteral("missing.json")));
            QVERIFY(exportButton->isEnabled());
            exportButton->click();
            // refused: the dialog stays, saying why
            QVERIFY(dialog->isVisible());
            QVERIFY2(errorLabel->isVisible() && errorLabel->text().contains(QStringLiteral("missing.json")),
                     qPrintable(errorLabel->text()));
            plan->setText(path(QStringLiteral("whole.json")));
            if (const QString dir = qEnvironmentVariable("TESSERA_SCREENSHOT_DIR"); !dir.isEmpty()) {
                QTest::qWait(50);
                QVERIFY(dialog->grab().save(QDir(dir).filePath(QStringLiteral("export-report.png"))));
            }
            exportButton->click();
            QVERIFY(!dialog->isVisible());
        });
        action->trigger();
        QVERIFY(seen);
        const QJsonObject doc = readJson(out + QStringLiteral(".json"));
        QCOMPARE(doc[QStringLiteral("compare")][QStringLiteral("label")].toString(),
                 QStringLiteral("whole.json"));
    }

    void unknownExtensionIsRefused() {
        QString error;
        QVERIFY(!m_window->exportReport(path(QStringLiteral("report.docx")), &error));
        QVERIFY2(error.contains(QStringLiteral(".pdf")), qPrintable(error));
    }
};

QTEST_MAIN(TestReportExport)
#include "test_report_export.moc"
