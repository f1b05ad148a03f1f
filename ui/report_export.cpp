#include "ui/report_export.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include "core/partition/plan.h"
#include "core/report/report.h"
#include "core/report/writers.h"
#include "ui/core_text.h"
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

bool exportReport(const ProjectModel& project, const QString& path, report::Format format,
                  QGraphicsScene* graph, const report::RunRecord* measured, const QString& comparePlan,
                  QString* error) {
    report::ReportInputs inputs;
    inputs.model = &project.model();
    inputs.cluster = &project.cluster();
    inputs.plan = {QCoreApplication::translate("ReportExport", "current plan").toStdString(), project.plan()};
    const SolverSettings& solver = project.solverSettings();
    report::OptimizerSummary optimizer;
    optimizer.objective = toStdString(solver.objective);
    optimizer.timeLimitSeconds = solver.timeLimitSeconds;
    inputs.optimizer = optimizer;
    if (!comparePlan.isEmpty()) {
        auto other = partition::readPlan(toStdString(comparePlan), project.model().graph, project.cluster());
        if (!other) {
            // the core's message starts with the path, which this one names already
            QString why = CoreText::translate(other.error().message);
            if (const QString prefix = comparePlan + QStringLiteral(": "); why.startsWith(prefix)) {
                why.remove(0, prefix.size());
            }
            *error =
                QCoreApplication::translate("ReportExport", "The plan to compare, %1, cannot be used: %2")
                    .arg(QDir::toNativeSeparators(comparePlan), why);
            return false;
        }
        // the label `tessera report --compare` gives it
        std::string label = toStdString(QFileInfo(comparePlan).fileName());
        if (label == inputs.plan.label) {
            label = toStdString(comparePlan);
        }
        inputs.compare = report::PlanToReport{label, std::move(*other)};
    }
    if (measured) {
        if (auto s = report::checkRunRecord(*measured, project.cluster()); !s) {
            *error = CoreText::translate(s.error().message);
            return false;
        }
        inputs.measured = *measured;
    }
    auto built = report::buildReport(inputs);
    if (!built) {
        *error = CoreText::translate(built.error().message);
        return false;
    }
    switch (format) {
    case report::Format::Html:
        return writeText(path, report::reportToHtml(*built), error);
    case report::Format::Json:
        return writeText(path, report::reportToJson(*built), error);
    case report::Format::Csv:
        return writeText(path, report::layersCsv(*built), error) &&
               writeText(toQString(report::devicesCsvPath(path.toStdString())), report::devicesCsv(*built),
                         error);
    case report::Format::Pdf:
        break;
    }
    return writeReportPdf(*built, path, graph, error);
}

} // namespace tessera::ui
