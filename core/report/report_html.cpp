// The report as one self-contained HTML page: inline CSS, charts as inline SVG (svg_charts.h), no scripts and
// no external resources; every string from the model, cluster or plan goes through escapeHtml().
#include <cstdio>
#include <sstream>

#include "core/cost/analysis_report.h"
#include "core/cost/units.h"
#include "core/report/device_colors.h"
#include "core/report/svg_charts.h"
#include "core/report/writers.h"

namespace tessera::report {
namespace {

const char* const kStyle =
    R"(body{font-family:sans-serif;font-size:14px;color:#222;max-width:1000px;margin:24px auto;padding:0 16px}
h1{font-size:24px;margin-bottom:4px}h2{font-size:19px;border-bottom:2px solid #335c99;padding-bottom:3px;margin-top:32px}
h3{font-size:15px;margin-bottom:6px}table{border-collapse:collapse;margin:8px 0}
th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}th{background:#eef2f8}
td.n{text-align:right;font-variant-numeric:tabular-nums}tr.over td{background:#fde8e8}
.muted{color:#666}.swatch{display:inline-block;width:10px;height:10px;margin-right:5px;border-radius:2px}
.kv th{width:220px}.warn{color:#b00;font-weight:bold}svg.chart{display:block;margin:8px 0}
.side{display:flex;gap:16px;flex-wrap:wrap}code{font-size:12px}
)";

std::string e(const std::string& text) {
    return escapeHtml(text);
}
std::string bytes(std::int64_t b) {
    return e(cost::formatBytes(b));
}
std::string secs(double s) {
    return e(cost::formatSeconds(s));
}
std::string count(std::int64_t v) {
    return cost::groupDigits(v);
}
std::string fixed(double v, const char* format) {
    char text[48];
    std::snprintf(text, sizeof text, format, v);
    return text;
}

std::string deviceLabel(int d, const cost::Cluster& cluster) {
    return "<span class=\"swatch\" style=\"background:" + deviceHex(d) + "\"></span>" +
           e(cluster.devices[std::size_t(d)].name);
}

std::string stageShape(const StageRow& s) {
    switch (s.kind) {
    case partition::StageKind::Tiles:
        return std::to_string(s.rows) + "\u00d7" + std::to_string(s.columns) + " tiles" +
               (s.reuse ? ", data reuse" : "") + (s.stealing ? ", work stealing" : "");
    case partition::StageKind::Lop:
        return std::to_string(s.channelCuts.size() + 1) + " output-channel slices";
    case partition::StageKind::Lip:
        return std::to_string(s.channelCuts.size() + 1) + " input-channel slices";
    case partition::StageKind::Device:
        break;
    }
    return "whole layers";
}

void modelSection(std::ostringstream& out, const Report& r) {
    const ModelSummary& m = r.model;
    out << "<h2>Model</h2><table class=\"kv\">";
    const auto row = [&out](const std::string& key, const std::string& value) {
        out << "<tr><th>" << key << "</th><td>" << value << "</td></tr>";
    };
    row("Name", e(m.name));
    row("File", e(m.path));
    row("SHA-256", "<code>" + e(m.sha256) + "</code>");
    row("Format", e(m.format) + ", opset " + std::to_string(m.opset) +
                      (m.producer.empty() ? "" : ", producer " + e(m.producer)));
    for (const auto& in : m.inputs) {
        row("Input", e(in));
    }
    for (const auto& o : m.outputs) {
        row("Output", e(o));
    }
    row("Nodes", count(std::int64_t(m.nodes)));
    row("Parameters", count(m.params));
    row("Weights (ro)", bytes(m.weightBytes));
    row("MACs", e(cost::humanCount(m.macs)) + " (" + count(m.macs) + ")");
    row("Activations (rw)", bytes(m.peakActivationBytes) + " peak with buffer reuse, " +
                                bytes(m.totalActivationBytes) + " without");
    row("RAM total, one device", bytes(m.weightBytes + m.peakActivationBytes));
    std::string ops;
    for (const auto& [op, n] : m.opCounts) {
        ops += (ops.empty() ? "" : ", ") + e(op) + " \u00d7" + std::to_string(n);
    }
    row("Operators", ops);
    out << "</table>";
}

void clusterSection(std::ostringstream& out, const Report& r) {
    const cost::Cluster& c = r.cluster;
    out << "<h2>Cluster</h2><p>" << e(c.name.empty() ? "(unnamed)" : c.name) << ": " << c.devices.size()
        << " device(s), gateway " << e(c.devices[std::size_t(c.gateway)].name) << ", "
        << (c.sharedMedium ? "shared medium of " + e(cost::formatBitsPerSecond(c.mediumBitsPerSecond))
                           : std::string("switched network"))
        << ".</p><table><tr><th>device</th><th>host</th><th>arch</th><th>budget</th><th>threads</th>"
           "<th>speed</th><th>link</th><th>link latency</th><th>runtime overhead</th></tr>";
    for (std::size_t d = 0; d < c.devices.size(); ++d) {
        const auto& dev = c.devices[d];
        out << "<tr><td>" << deviceLabel(int(d), c) << "</td><td>" << e(dev.host) << "</td><td>"
            << e(dev.arch) << "</td><td class=\"n\">" << bytes(dev.memoryBytes) << "</td><td class=\"n\">"
            << dev.threads << "</td><td class=\"n\">" << fixed(dev.macsPerSecond / 1e9, "%.2f")
            << " GMAC/s</td><td class=\"n\">" << e(cost::formatBitsPerSecond(dev.linkBitsPerSecond))
            << "</td><td class=\"n\">" << secs(dev.linkLatencySeconds) << "</td><td class=\"n\">"
            << bytes(dev.runtimeOverheadBytes) << "</td></tr>";
    }
    out << "</table>";
}

void planSection(std::ostringstream& out, const Report& r) {
    const PlanFigures& p = r.plan;
    out << "<h2>Plan</h2><p>" << e(p.label) << ": " << p.stages.size() << " stage(s), " << p.tasks
        << " tasks.";
    if (p.pruning) {
        out << " Weights pruned first: " << compress::toString(p.pruning->mode) << " magnitude, sparsity "
            << fixed(p.pruning->sparsity, "%.2f") << ".";
    }
    out << "</p><table><tr><th>#</th><th>scheme</th><th>layers</th><th>nodes</th><th>split</th>"
           "<th>devices</th></tr>";
    for (const auto& s : p.stages) {
        std::string devices;
        for (int d : s.devices) {
            devices += (devices.empty() ? "" : " ") + deviceLabel(d, r.cluster);
        }
        out << "<tr><td class=\"n\">" << s.index << "</td><td>" << partition::toString(s.kind) << "</td><td>"
            << e(s.firstNode) << (s.nodes > 1 ? " \u2026 " + e(s.lastNode) : "") << "</td><td class=\"n\">"
            << s.nodes << "</td><td>" << e(stageShape(s)) << "</td><td>" << devices << "</td></tr>";
    }
    out << "</table>";
    for (const auto& s : p.stages) {
        if (s.kind == partition::StageKind::Tiles) {
            out << "<h3>Stage " << s.index << ": " << e(s.firstNode) << " \u2026 " << e(s.lastNode) << ", "
                << e(stageShape(s)) << "</h3>" << tileGridSvg(s, r.cluster);
        }
    }
}

void memorySection(std::ostringstream& out, const Report& r) {
    const PlanFigures& p = r.plan;
    out << "<h2>Memory per device (predicted)</h2>" << memoryChartSvg(p, r.cluster)
        << "<table><tr><th>device</th><th>tasks</th><th>weights</th><th>activations</th><th>buffers</th>"
           "<th>overhead</th><th>total</th><th>budget</th><th>use</th></tr>";
    for (std::size_t d = 0; d < p.cost.devices.size(); ++d) {
        const auto& c = p.cost.devices[d];
        out << "<tr" << (c.fits() ? "" : " class=\"over\"") << "><td>" << deviceLabel(int(d), r.cluster)
            << "</td><td class=\"n\">" << c.tasks << "</td><td class=\"n\">" << bytes(c.weightBytes)
            << "</td><td class=\"n\">" << bytes(c.activationBytes) << "</td><td class=\"n\">"
            << bytes(c.bufferBytes) << "</td><td class=\"n\">" << bytes(c.overheadBytes)
            << "</td><td class=\"n\">" << bytes(c.totalBytes) << "</td><td class=\"n\">"
            << bytes(c.budgetBytes) << "</td><td class=\"n\">"
            << (c.budgetBytes > 0 ? fixed(100.0 * double(c.totalBytes) / double(c.budgetBytes), "%.0f%%")
                                  : "")
            << "</td></tr>";
    }
    out << "</table>";
    for (const auto& line : p.overBudget) {
        out << "<p class=\"warn\">" << e(line) << "</p>";
    }
}

void trafficSection(std::ostringstream& out, const Report& r) {
    const PlanFigures& p = r.plan;
    out << "<h2>Traffic per link (predicted, one frame)</h2><p>Total " << bytes(p.cost.trafficBytes)
        << " per frame. Work: " << e(cost::humanCount(p.cost.macs)) << "MACs over all tasks for a "
        << e(cost::humanCount(p.cost.modelMacs)) << "MAC model ("
        << fixed(p.cost.modelMacs > 0 ? 100.0 * double(p.cost.redundantMacs()) / double(p.cost.modelMacs)
                                      : 0.0,
                 "%.1f%%")
        << " redundant).</p>" << trafficChartSvg(p, r.cluster);
}

void latencySection(std::ostringstream& out, const Report& r) {
    const PlanFigures& p = r.plan;
    out << "<h2>Latency (predicted)</h2><p>One frame: <b>" << secs(p.latencySeconds) << "</b>. A stream of "
        << p.streamFrames << " frames submitted at once: " << fixed(p.streamThroughput, "%.2f")
        << " frames/s, latency median " << secs(p.streamLatencyMedian) << ", max " << secs(p.streamLatencyMax)
        << ".</p>" << timelineChartSvg(p, r.cluster);
}

void measuredSection(std::ostringstream& out, const Report& r) {
    const MeasuredFigures& m = *r.measured;
    const Percentiles& l = m.latency;
    out << "<h2>Measured run</h2><p>" << m.frames << " frames"
        << (m.source.empty() ? "" : " from " + e(m.source)) << ", " << m.inFlight << " in flight";
    if (m.throughput > 0) {
        out << ", <b>" << fixed(m.throughput, "%.2f") << " frames/s</b> over " << secs(m.wallSeconds);
    }
    out << ". Predicted one-frame latency: " << secs(r.plan.latencySeconds) << ".</p>"
        << "<table><tr><th>min</th><th>mean</th><th>p50</th><th>p90</th><th>p95</th><th>p99</th><th>max</th>"
           "</tr><tr>";
    for (double v : {l.min, l.mean, l.p50, l.p90, l.p95, l.p99, l.max}) {
        out << "<td class=\"n\">" << secs(v) << "</td>";
    }
    out << "</tr></table>" << latencyHistogramSvg(m) << computeChartSvg(r.plan, m, r.cluster)
        << "<table><tr><th>device</th><th>frames</th><th>compute predicted</th><th>compute measured "
           "(median)</th><th>received predicted / measured</th><th>sent predicted / measured</th>"
           "<th>memory predicted</th><th>peak RSS measured</th></tr>";
    for (const auto& d : m.devices) {
        const auto& c = r.plan.cost.devices[std::size_t(d.device)];
        out << "<tr><td>" << deviceLabel(d.device, r.cluster) << "</td><td class=\"n\">" << d.frames
            << "</td><td class=\"n\">" << secs(r.plan.busySeconds.at(std::size_t(d.device)))
            << "</td><td class=\"n\">" << secs(d.computeMedian) << "</td><td class=\"n\">"
            << bytes(c.receivedBytes) << " / " << bytes(d.bytesIn) << "</td><td class=\"n\">"
            << bytes(c.sentBytes) << " / " << bytes(d.bytesOut) << "</td><td class=\"n\">"
            << bytes(c.totalBytes) << "</td><td class=\"n\">" << bytes(d.peakRssBytes) << "</td></tr>";
    }
    out << "</table>";
}

void optimizerSection(std::ostringstream& out, const Report& r) {
    const OptimizerSummary& o = *r.optimizer;
    out << "<h2>Optimizer settings</h2><table class=\"kv\"><tr><th>Objective</th><td>" << e(o.objective)
        << "</td></tr><tr><th>Time limit</th><td>" << secs(o.timeLimitSeconds)
        << "</td></tr><tr><th>Budgets</th><td>the devices' memory budgets (Cluster)</td></tr></table>";
}

void compareSection(std::ostringstream& out, const Report& r) {
    const PlanFigures& a = r.plan;
    const PlanFigures& b = *r.compare;
    const auto row = [&out](const std::string& what, const std::string& x, const std::string& y) {
        out << "<tr><th>" << what << "</th><td class=\"n\">" << x << "</td><td class=\"n\">" << y
            << "</td></tr>";
    };
    const auto fits = [](const PlanFigures& p) {
        return p.overBudget.empty() ? std::string("yes")
                                    : std::to_string(p.overBudget.size()) + " device(s) over";
    };
    out << "<h2>Comparison</h2><table><tr><th></th><th>" << e(a.label) << "</th><th>" << e(b.label)
        << "</th></tr>";
    row("stages", std::to_string(a.stages.size()), std::to_string(b.stages.size()));
    row("tasks", std::to_string(a.tasks), std::to_string(b.tasks));
    row("largest device memory", bytes(a.largestDeviceBytes()), bytes(b.largestDeviceBytes()));
    row("fits the budgets", fits(a), fits(b));
    row("traffic per frame", bytes(a.cost.trafficBytes), bytes(b.cost.trafficBytes));
    row("redundant MACs", e(cost::humanCount(a.cost.redundantMacs())),
        e(cost::humanCount(b.cost.redundantMacs())));
    row("latency, one frame", secs(a.latencySeconds), secs(b.latencySeconds));
    row("throughput, stream", fixed(a.streamThroughput, "%.2f") + " frames/s",
        fixed(b.streamThroughput, "%.2f") + " frames/s");
    for (std::size_t d = 0; d < r.cluster.devices.size(); ++d) {
        row("memory of " + e(r.cluster.devices[d].name), bytes(a.cost.devices[d].totalBytes),
            bytes(b.cost.devices[d].totalBytes));
    }
    out << "</table><h3>Memory per device: " << e(b.label) << "</h3>" << memoryChartSvg(b, r.cluster)
        << "<h3>Timeline: " << e(b.label) << "</h3>" << timelineChartSvg(b, r.cluster);
}

void layersSection(std::ostringstream& out, const Report& r) {
    out << "<h2>Layers</h2><table><tr><th>id</th><th>name</th><th>op</th><th>output shape</th><th>params</th>"
           "<th>MACs</th><th>activations</th><th>stage</th><th>scheme</th><th>devices</th></tr>";
    for (const auto& l : r.layers) {
        std::string devices;
        for (const auto& name : l.devices) {
            devices += (devices.empty() ? "" : " ") + e(name);
        }
        out << "<tr><td class=\"n\">" << l.id << "</td><td>" << e(l.name) << "</td><td>" << e(l.op)
            << "</td><td>" << e(l.outputShape) << "</td><td class=\"n\">" << count(l.params)
            << "</td><td class=\"n\">" << count(l.macs) << "</td><td class=\"n\">" << bytes(l.activationBytes)
            << "</td><td class=\"n\">" << l.stage << "</td><td>" << e(l.scheme) << "</td><td>" << devices
            << "</td></tr>";
    }
    out << "</table>";
}

} // namespace

std::string escapeHtml(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string reportToHtml(const Report& r) {
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>Tessera report: "
        << e(r.model.name) << "</title><style>" << kStyle
        << "</style></head><body><h1>Tessera report: " << e(r.model.name) << "</h1><p class=\"muted\">"
        << e(r.plan.label) << " on " << r.cluster.devices.size() << " device(s)"
        << (r.compare ? ", compared with " + e(r.compare->label) : "")
        << (r.measured ? ", with a measured run" : "") << ".</p>";
    modelSection(out, r);
    clusterSection(out, r);
    planSection(out, r);
    memorySection(out, r);
    trafficSection(out, r);
    latencySection(out, r);
    if (r.measured) {
        measuredSection(out, r);
    }
    if (r.optimizer) {
        optimizerSection(out, r);
    }
    if (r.compare) {
        compareSection(out, r);
    }
    layersSection(out, r);
    out << "</body></html>\n";
    return out.str();
}

} // namespace tessera::report
