#pragma once
// Writers of a Report (report.h): JSON (schema: docs/file-formats.md, "Report"), CSV tables and a
// self-contained HTML page (inline CSS, charts as inline SVG from svg_charts.h, every string escaped, no
// external resource). All return the file's text.

#include <optional>
#include <string>

#include "core/report/report.h"

namespace tessera::report {

// The report's file formats (PDF: drawn by the studio, ui/report_pdf.h).
enum class Format { Html, Json, Csv, Pdf };
// From a format's name ("html", "json", "csv", "pdf"); nullopt for anything else.
std::optional<Format> formatFromName(const std::string& name);
// From a file's extension (.html/.htm, .json, .csv, .pdf; any case); nullopt for anything else.
std::optional<Format> formatOfPath(const std::string& path);
// Where the per-device table goes beside the per-layer CSV: report.csv -> report-devices.csv.
std::string devicesCsvPath(const std::string& csvPath);

std::string reportToJson(const Report& report);
// One row per graph node: id, name, op, output shape, params, MACs, weight and activation bytes, stage,
// scheme, devices.
std::string layersCsv(const Report& report);
// One row per device: budget and predicted memory parts, bytes, compute, and the measured figures when the
// report has them.
std::string devicesCsv(const Report& report);
std::string reportToHtml(const Report& report);

// "<" -> "&lt;" and the same for '>', '&', '"', '\''.
std::string escapeHtml(const std::string& text);

} // namespace tessera::report
