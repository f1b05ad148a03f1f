#pragma once
// Writers of a Report (report.h): JSON (schema: docs/file-formats.md, "Report"), CSV tables and a
// self-contained HTML page (inline CSS, charts as inline SVG from svg_charts.h, every string escaped, no
// external resource). All return the file's text.

#include <string>

#include "core/report/report.h"

namespace tessera::report {

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
