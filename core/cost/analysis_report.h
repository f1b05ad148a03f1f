#pragma once
// The per-layer analysis report of a model: header (hash, opset, I/O, totals) and a layer table,
// as text table, CSV or JSON. Used by `tessera analyze` and by report export.

#include <string>

#include "core/cost/layer_cost.h"
#include "core/model/model.h"

namespace tessera::cost {

enum class ReportFormat { Table, Csv, Json };

std::string formatReport(const model::Model& model, const ModelCost& cost, ReportFormat format);

// 138357544 -> "138,357,544"
std::string groupDigits(std::int64_t value);
// 1536 -> "1.50 KiB"
std::string humanBytes(std::int64_t bytes);
// 15470264320 -> "15.47 G"
std::string humanCount(std::int64_t value);

} // namespace tessera::cost
