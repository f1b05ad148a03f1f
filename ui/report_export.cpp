#include "ui/report_export.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include "core/report/report.h"
#include "core/report/writers.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"
#include "ui/report_pdf.h"

namespace tessera::ui {
namespace {

bool writeText(const QString& path, const std::string& text, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(text.data(), qint64(text.size())) != qint64(text.size()) || !file.commit()) {
        *error =
            QCoreApplication::translate("ReportExport", "Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

std::optional<ReportFileFormat> reportFormatForPath(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm")) {
        return ReportFileFormat::Html;
    }
    if (suffix == QLatin1String("pdf")) {
        return ReportFileFormat::Pdf;
    }
    if (suffix == QLatin1String("csv")) {
        return ReportFileFormat::Csv;
    }
    if (suffix == QLatin1String("json")) {
        return ReportFileFormat::Json;
    }
    return std::nullopt;
}

QString devicesCsvPath(const QString& csvPath) {
    const QFileInfo info(csvPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral("-devices.") + info.suffix());
}

bool exportReport(const ProjectModel& project, const QString& path, ReportFileFormat format,
                  QGraphicsScene* graph, const report::RunRecord* measured, QString* error) {
    report::ReportInputs inputs;
    inputs.model = &project.model();
    inputs.cluster = &project.cluster();
    inputs.plan = {QCoreApplication::translate("ReportExport", "current plan").toStdString(), project.plan()};
    const SolverSettings& solver = project.solverSettings();
    report::OptimizerSummary optimizer;
    optimizer.objective = toStdString(solver.objective);
    optimizer.timeLimitSeconds = solver.timeLimitSeconds;
    inputs.optimizer = optimizer;
    if (measured) {
        if (auto s = report::checkRunRecord(*measured, project.cluster()); !s) {
            *error = toQString(s.error().message);
            return false;
        }
        inputs.measured = *measured;
    }
    auto built = report::buildReport(inputs);
    if (!built) {
        *error = toQString(built.error().message);
        return false;
    }
    switch (format) {
    case ReportFileFormat::Html:
        return writeText(path, report::reportToHtml(*built), error);
    case ReportFileFormat::Json:
        return writeText(path, report::reportToJson(*built), error);
    case ReportFileFormat::Csv:
        return writeText(path, report::layersCsv(*built), error) &&
               writeText(devicesCsvPath(path), report::devicesCsv(*built), error);
    case ReportFileFormat::Pdf:
        break;
    }
    return writeReportPdf(*built, path, graph, error);
}

} // namespace tessera::ui
