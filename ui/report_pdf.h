#pragma once
// The report (core/report) as a multi-page A4 PDF drawn with QPdfWriter and QPainter: the same sections and
// figures as the HTML report, the charts as vector graphics (core's SVG charts rendered by QSvgRenderer), and
// the model's graph as the studio draws it (layers tinted by the devices that run them) when a scene is
// given. Headings and labels are translated; names and figures are printed as the report holds them.

#include <QString>

#include "core/report/report.h"

class QGraphicsScene;

namespace tessera::ui {

// Writes `path`; false with `error` set when the file cannot be written. `graph` may be null (no graph page).
bool writeReportPdf(const report::Report& report, const QString& path, QGraphicsScene* graph, QString* error);

} // namespace tessera::ui
