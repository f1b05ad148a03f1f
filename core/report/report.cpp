#include "core/report/report.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <set>

#include "core/cost/layer_cost.h"
#include "core/partition/program.h"
#include "core/sim/simulator.h"

namespace tessera::report {
namespace {

std::string ioLine(const model::ValueInfo& v) {
    return v.name + " " + model::toString(v.dtype) + "[" + model::toString(v.shape) + "]";
}

ModelSummary summarize(const model::Model& m, const cost::ModelCost& c) {
    ModelSummary s;
    s.name = m.graph.name.empty() ? std::filesystem::path(m.path).stem().string() : m.graph.name;
    s.path = m.path;
    s.format = m.format;
    s.sha256 = m.sha256;
    s.producer = m.producer;
    s.opset = m.opset;
    s.nodes = m.graph.nodes.size();
    s.params = c.params;
    s.macs = c.macs;
    s.flops = c.flops;
    s.weightBytes = c.weightBytes;
    s.peakActivationBytes = c.peakActivationBytes;
    s.totalActivationBytes = c.totalActivationBytes;
    for (const auto& v : m.graph.inputs) {
        s.inputs.push_back(ioLine(v));
    }
    for (const auto& v : m.graph.outputs) {
        s.outputs.push_back(ioLine(v));
    }
    for (const auto& n : m.graph.nodes) {
        ++s.opCounts[n.opType];
    }
    return s;
}

StageRow stageRow(const partition::Stage& s, int index, const model::Graph& g) {
    StageRow r;
    r.index = index;
    r.kind = s.kind;
    r.firstNode = g.nodes[s.first].name;
    r.lastNode = g.nodes[s.last].name;
    r.nodes = s.last - s.first + 1;
    if (s.kind == partition::StageKind::Tiles) {
        r.rows = s.rows();
        r.columns = s.columns();
    }
    r.rowCuts = s.rowCuts;
    r.colCuts = s.colCuts;
    r.channelCuts = s.channelCuts;
    r.reuse = s.reuse;
    r.stealing = s.stealing;
    r.cellDevices = s.devices;
    std::set<int> distinct(s.devices.begin(), s.devices.end());
    if (s.kind == partition::StageKind::Lip) {
        r.reducer = s.reducerDevice();
        distinct.insert(r.reducer);
    }
    r.devices.assign(distinct.begin(), distinct.end());
    return r;
}

Expected<PlanFigures> figures(const PlanToReport& input, const model::Model& original,
                              const cost::Cluster& cluster, int streamFrames) {
    const auto labelled = [&input](const Error& e) { return e.withContext(input.label); };
    if (auto s = partition::checkPlan(input.plan, original.graph, cluster); !s) {
        return labelled(s.error());
    }
    // Only a plan with pruning needs its own copy of the weights.
    std::optional<model::Model> pruned;
    if (input.plan.pruning) {
        pruned = original;
        if (auto p = partition::applyPruning(input.plan, pruned->graph); !p) {
            return labelled(p.error());
        }
    }
    const model::Model& m = pruned ? *pruned : original;
    auto program = partition::compile(m, input.plan, cluster);
    if (!program) {
        return labelled(program.error());
    }
    PlanFigures f;
    f.label = input.label;
    f.pruning = input.plan.pruning;
    for (std::size_t i = 0; i < input.plan.stages.size(); ++i) {
        f.stages.push_back(stageRow(input.plan.stages[i], int(i) + 1, m.graph));
    }
    f.tasks = program->tasks.size();
    f.cost = sim::planCost(*program, m.graph, cluster);
    f.overBudget = f.cost.overBudget(cluster);

    const sim::SimResult one = sim::simulate(*program, cluster, {1, 0});
    f.latencySeconds = one.frameLatency.at(0);
    f.makespan = one.makespan;
    f.busySeconds = one.deviceBusySeconds;
    for (const auto& t : one.tasks) {
        f.timeline.push_back({t.device, program->tasks[std::size_t(t.task)].stage + 1, t.start, t.end});
    }
    for (const auto& t : one.transfers) {
        f.transfers.push_back({t.from, t.to, t.bytes, t.start, t.end});
    }
    const sim::SimResult stream = sim::simulate(*program, cluster, {streamFrames, 0});
    f.streamFrames = streamFrames;
    f.streamThroughput = stream.throughput;
    const Percentiles p = percentiles(stream.frameLatency);
    f.streamLatencyMedian = p.p50;
    f.streamLatencyMax = p.max;
    return f;
}

std::vector<LayerRow> layerRows(const model::Model& m, const cost::ModelCost& c, const partition::Plan& plan,
                                const cost::Cluster& cluster) {
    std::vector<LayerRow> rows;
    const model::Graph& g = m.graph;
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        const auto& n = g.nodes[i];
        LayerRow r;
        r.id = i;
        r.name = n.name;
        r.op = n.opType;
        for (const auto& o : n.outputs) {
            if (const model::ValueInfo* v = o.empty() ? nullptr : g.value(o)) {
                r.outputShape += (r.outputShape.empty() ? "" : " ") + model::toString(v->shape);
            }
        }
        r.params = c.layers[i].params;
        r.macs = c.layers[i].macs;
        r.weightBytes = c.layers[i].weightBytes;
        r.activationBytes = c.layers[i].outputBytes;
        const int stage = plan.stageOf(i);
        if (stage >= 0) {
            const auto& s = plan.stages[std::size_t(stage)];
            r.stage = stage + 1;
            r.scheme = partition::toString(s.kind);
            std::set<int> devices(s.devices.begin(), s.devices.end());
            for (int d : devices) {
                r.devices.push_back(cluster.devices[std::size_t(d)].name);
            }
        }
        rows.push_back(std::move(r));
    }
    return rows;
}

Expected<MeasuredFigures> measuredFigures(const RunRecord& record, const cost::Cluster& cluster) {
    MeasuredFigures f;
    f.source = record.source;
    f.frames = int(record.frames.size());
    f.inFlight = record.inFlight;
    f.wallSeconds = record.wallSeconds;
    f.throughput = record.wallSeconds > 0 ? double(record.frames.size()) / record.wallSeconds : 0;
    std::vector<std::vector<double>> compute(cluster.devices.size());
    f.devices.resize(cluster.devices.size());
    for (std::size_t d = 0; d < f.devices.size(); ++d) {
        f.devices[d].device = int(d);
    }
    if (auto s = checkRunRecord(record, cluster); !s) {
        return s.error().withContext("run record");
    }
    for (const auto& frame : record.frames) {
        f.frameLatency.push_back(frame.latencySeconds);
        for (const auto& m : frame.devices) {
            const auto d = cluster.find(m.device);
            DeviceMeasured& dm = f.devices[std::size_t(*d)];
            if (dm.frames++ == 0) {
                dm.bytesIn = m.bytesIn;
                dm.bytesOut = m.bytesOut;
            }
            dm.peakRssBytes = std::max(dm.peakRssBytes, m.peakRssBytes);
            compute[std::size_t(*d)].push_back(m.computeSeconds);
        }
    }
    for (std::size_t d = 0; d < f.devices.size(); ++d) {
        const Percentiles p = percentiles(compute[d]);
        f.devices[d].computeMedian = p.p50;
        f.devices[d].computeMean = p.mean;
    }
    f.latency = percentiles(f.frameLatency);
    return f;
}

} // namespace

std::int64_t PlanFigures::largestDeviceBytes() const {
    std::int64_t largest = 0;
    for (const auto& d : cost.devices) {
        largest = std::max(largest, d.totalBytes);
    }
    return largest;
}

Percentiles percentiles(std::vector<double> values) {
    Percentiles p;
    if (values.empty()) {
        return p;
    }
    std::sort(values.begin(), values.end());
    // Nearest rank: the smallest value with at least q of the values at or below it.
    const auto rank = [&values](double q) {
        const auto k = std::size_t(std::max(1.0, std::ceil(q * double(values.size()))));
        return values[std::min(values.size(), k) - 1];
    };
    p.min = values.front();
    p.max = values.back();
    p.mean = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
    p.p50 = rank(0.50);
    p.p90 = rank(0.90);
    p.p95 = rank(0.95);
    p.p99 = rank(0.99);
    return p;
}

Expected<Report> buildReport(const ReportInputs& inputs, const StopToken* stop, const ProgressFn& progress) {
    const model::Model& m = *inputs.model;
    const cost::Cluster& cluster = *inputs.cluster;
    const int steps = 2 + (inputs.compare ? 1 : 0);
    const auto step = [&](int done, std::string_view what) -> bool {
        if (progress) {
            progress(double(done) / steps, what);
        }
        return stop && stop->stopRequested();
    };
    const Error cancelled{ErrorCode::Cancelled, "report cancelled"};
    Report r;
    if (step(0, "analysing the model")) {
        return cancelled;
    }
    const cost::ModelCost modelCost = cost::analyze(m.graph);
    r.model = summarize(m, modelCost);
    r.cluster = cluster;
    if (step(1, "costing and simulating the plan")) {
        return cancelled;
    }
    auto plan = figures(inputs.plan, m, cluster, std::max(1, inputs.streamFrames));
    if (!plan) {
        return plan.error();
    }
    r.plan = std::move(*plan);
    // after figures(), which checks the plan against the model and the cluster
    r.layers = layerRows(m, modelCost, inputs.plan.plan, cluster);
    if (inputs.compare) {
        if (step(2, "costing and simulating the plan to compare")) {
            return cancelled;
        }
        auto other = figures(*inputs.compare, m, cluster, std::max(1, inputs.streamFrames));
        if (!other) {
            return other.error();
        }
        r.compare = std::move(*other);
    }
    r.optimizer = inputs.optimizer;
    if (inputs.measured) {
        auto measured = measuredFigures(*inputs.measured, cluster);
        if (!measured) {
            return measured.error();
        }
        r.measured = std::move(*measured);
    }
    step(steps, "done");
    return r;
}

} // namespace tessera::report
