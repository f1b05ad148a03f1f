#pragma once
// The report's charts as standalone SVG elements (<svg ...>...</svg>, no external references, every label
// escaped), for embedding in the HTML report. Each is a fixed 760 px wide; the height follows the rows.

#include <string>

#include "core/report/report.h"

namespace tessera::report {

// Per device, a stacked bar of weights / activations / buffers / overhead with the budget as a tick; bars
// over budget are outlined red.
std::string memoryChartSvg(const PlanFigures& plan, const cost::Cluster& cluster);
// Bytes per frame on every device pair that exchanges data.
std::string trafficChartSvg(const PlanFigures& plan, const cost::Cluster& cluster);
// The simulated frame: per device, its tasks over time in its device colour, labelled by stage.
std::string timelineChartSvg(const PlanFigures& plan, const cost::Cluster& cluster);
// A tile stage's output grid: cells (drawn equal) in their device's colour and numbered by device, the cut
// positions written along the edges.
std::string tileGridSvg(const StageRow& stage, const cost::Cluster& cluster);
// Histogram of measured frame latencies with the p50 / p95 / p99 marks.
std::string latencyHistogramSvg(const MeasuredFigures& measured);
// Per device, predicted against measured median compute time per frame.
std::string computeChartSvg(const PlanFigures& plan, const MeasuredFigures& measured,
                            const cost::Cluster& cluster);

} // namespace tessera::report
