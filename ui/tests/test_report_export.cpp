// File > Export Report… on the sample project (YOLOv2-608 on six devices): the PDF has several pages, which
// poppler renders (when pdfinfo / pdftoppm are installed); the HTML, CSV and JSON carry the figures the
// studio's own preview shows.

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

#include <memory>

#include "test_support.h"
#include "ui/main_window.h"
#include "ui/project_model.h"

using namespace tessera::ui;

namespace {

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestReportExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProjectModel> m_project;
    std::unique_ptr<MainWindow> m_window;

    QString path(const QString& name) const { return m_dir.filePath(name); }

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

    void unknownExtensionIsRefused() {
        QString error;
        QVERIFY(!m_window->exportReport(path(QStringLiteral("report.docx")), &error));
        QVERIFY2(error.contains(QStringLiteral(".pdf")), qPrintable(error));
    }
};

QTEST_MAIN(TestReportExport)
#include "test_report_export.moc"
