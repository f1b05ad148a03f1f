#pragma once
// The report of a partition plan: everything `tessera report` and the studio's File > Export Report put on
// paper, gathered once from the model, the cluster, the plan (and optionally a second plan to compare, the
// optimizer's settings and result, and a run record) so that every writer (JSON, CSV, HTML here; the
// studio's PDF) prints the same figures. Predicted figures come from core/cost and core/sim unchanged:
// sim::planCost for memory and traffic, sim::simulate for latency and the timeline.
// Reading guide: docs/reports.md; JSON schema: docs/file-formats.md, "Report".

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/base/cancel.h"
#include "core/base/error.h"
#include "core/cost/cluster.h"
#include "core/model/model.h"
#include "core/partition/plan.h"
#include "core/report/run_record.h"
#include "core/sim/plan_cost.h"

namespace tessera::report {

struct ModelSummary {
    std::string name, path, format, sha256, producer;
    std::int64_t opset = 0;
    std::size_t nodes = 0;
    std::int64_t params = 0, macs = 0, flops = 0, weightBytes = 0;
    std::int64_t peakActivationBytes = 0; // with buffer reuse, graph inputs and outputs included
    std::int64_t totalActivationBytes = 0;
    std::vector<std::string> inputs, outputs; // "name float32[1,3,608,608]"
    std::map<std::string, int> opCounts;      // op type -> nodes
};

// One row per graph node: the analysis figures and where the (first) plan puts it.
struct LayerRow {
    std::size_t id = 0;
    std::string name, op, outputShape;
    std::int64_t params = 0, macs = 0, weightBytes = 0, activationBytes = 0;
    int stage = 0; // 1-based
    std::string scheme;
    std::vector<std::string> devices; // distinct, in cluster order
};

struct StageRow {
    int index = 0; // 1-based
    partition::StageKind kind = partition::StageKind::Device;
    std::string firstNode, lastNode;
    std::size_t nodes = 0;
    int rows = 1, columns = 1; // tile grid (1x1 otherwise)
    std::vector<std::int64_t> rowCuts, colCuts, channelCuts;
    bool reuse = false, stealing = false;
    std::vector<int> cellDevices; // per tile (row-major) or slice: device index
    std::vector<int> devices;     // distinct, ascending
    int reducer = -1;             // Lip: the device adding the partial sums
};

struct TimelineBar {
    int device = -1, stage = 0; // stage 1-based
    double start = 0, end = 0;
};

struct TransferBar {
    int from = -1, to = -1;
    std::int64_t bytes = 0;
    double start = 0, end = 0;
};

// The predicted figures of one plan.
struct PlanFigures {
    std::string label; // "plan.json", "current plan"...
    std::vector<StageRow> stages;
    std::optional<compress::PruneSettings> pruning;
    std::size_t tasks = 0;
    sim::PlanCost cost; // per device (memory, bytes, compute) and per link
    std::vector<std::string> overBudget;
    double latencySeconds = 0; // one frame alone
    int streamFrames = 0;      // simulated stream (frames all submitted at once)
    double streamThroughput = 0;
    double streamLatencyMedian = 0, streamLatencyMax = 0;
    // Per device, its compute in the simulated frame: with work stealing the tasks it ends up running, which
    // is what a run measures (cost.devices[d].computeSeconds counts the tasks assigned to it).
    std::vector<double> busySeconds;
    std::vector<TimelineBar> timeline; // one frame
    std::vector<TransferBar> transfers;
    double makespan = 0;
    std::int64_t largestDeviceBytes() const;
};

// The optimizer settings kept with a project (the budgets are the cluster's memory budgets).
struct OptimizerSummary {
    std::string objective; // "memory", "traffic", "latency"
    double timeLimitSeconds = 0;
};

struct Percentiles {
    double min = 0, mean = 0, p50 = 0, p90 = 0, p95 = 0, p99 = 0, max = 0;
};
// Nearest-rank percentiles of `values` (all zero when empty).
Percentiles percentiles(std::vector<double> values);

struct DeviceMeasured {
    int device = -1;
    int frames = 0; // frames it reported in
    double computeMedian = 0, computeMean = 0;
    std::int64_t bytesIn = 0, bytesOut = 0; // first frame it reported in
    std::int64_t peakRssBytes = 0;          // largest reported
};

struct MeasuredFigures {
    std::string source;
    int frames = 0, inFlight = 1;
    double wallSeconds = 0;
    double throughput = 0; // frames / wall time (0 when the wall time is unknown)
    Percentiles latency;
    std::vector<double> frameLatency;    // seconds, in arrival order
    std::vector<DeviceMeasured> devices; // one per cluster device (frames = 0 when it never reported)
};

struct Report {
    ModelSummary model;
    cost::Cluster cluster;
    std::vector<LayerRow> layers;
    PlanFigures plan;
    std::optional<PlanFigures> compare;
    std::optional<OptimizerSummary> optimizer;
    std::optional<MeasuredFigures> measured;
};

struct PlanToReport {
    std::string label;
    partition::Plan plan;
};

struct ReportInputs {
    // The model as loaded (before pruning): each plan's pruning is applied to a copy of it.
    const model::Model* model = nullptr;
    const cost::Cluster* cluster = nullptr;
    PlanToReport plan;
    std::optional<PlanToReport> compare;
    std::optional<OptimizerSummary> optimizer;
    std::optional<RunRecord> measured; // its device names must be the cluster's
    int streamFrames = 10;             // frames of the simulated stream
};

// Checks and compiles each plan (errors list the plan's problems, prefixed with its label), costs and
// simulates it. `progress` is told each step; a stop request returns Cancelled.
Expected<Report> buildReport(const ReportInputs& inputs, const StopToken* stop = nullptr,
                             const ProgressFn& progress = {});

} // namespace tessera::report
