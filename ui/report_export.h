#pragma once
// File > Export Report… and `tessera-studio --report FILE [--compare PLAN] PROJECT`: the report of the open
// project's plan (core/report: model, cluster, plan, predicted memory, traffic and latency, the project's
// solver settings, the measured figures of the last run when there is one, and optionally a second plan
// compared side by side, as `tessera report --compare` does) written as HTML, JSON, CSV (the per-layer
// table, and the per-device table beside it as NAME-devices.csv) or PDF (report_pdf.h).

#include <QString>

#include <optional>

#include "core/report/run_record.h"
#include "core/report/writers.h"

class QGraphicsScene;

namespace tessera::ui {

class ProjectModel;

// Builds the report of `project` (which must have one) and writes it to `path` in `format`. `graph`: the
// graph view's scene for the PDF's graph page (may be null); `measured`: a run to report (may be null);
// `comparePlan`: a plan file (JSON, as `tessera plan` and `tessera optimize` write) for the project's model
// and cluster, labelled with its file name (its path when that is the project plan's label), compared with
// the project's plan (empty: none). False with a message naming the file (the plan to compare, or the one
// that could not be written) or the plans' problems on failure.
bool exportReport(const ProjectModel& project, const QString& path, report::Format format,
                  QGraphicsScene* graph, const report::RunRecord* measured, const QString& comparePlan,
                  QString* error);

} // namespace tessera::ui
