// The report as JSON (docs/file-formats.md, "Report"): every figure in plain units (bytes, seconds, MACs),
// devices by name.
#include <nlohmann/json.hpp>

#include "core/report/writers.h"

namespace tessera::report {
namespace {

using Json = nlohmann::ordered_json;

Json deviceNames(const std::vector<int>& devices, const cost::Cluster& cluster) {
    Json names = Json::array();
    for (int d : devices) {
        names.push_back(cluster.devices[std::size_t(d)].name);
    }
    return names;
}

Json percentilesJson(const Percentiles& p) {
    return {{"min", p.min}, {"mean", p.mean}, {"p50", p.p50}, {"p90", p.p90},
            {"p95", p.p95}, {"p99", p.p99},   {"max", p.max}};
}

Json planJson(const PlanFigures& f, const cost::Cluster& cluster) {
    Json stages = Json::array();
    for (const auto& s : f.stages) {
        Json stage = {{"index", s.index},     {"kind", partition::toString(s.kind)},
                      {"first", s.firstNode}, {"last", s.lastNode},
                      {"nodes", s.nodes},     {"devices", deviceNames(s.devices, cluster)}};
        if (s.kind == partition::StageKind::Tiles) {
            stage["grid"] = {{"rows", s.rows},        {"columns", s.columns}, {"row_cuts", s.rowCuts},
                             {"col_cuts", s.colCuts}, {"reuse", s.reuse},     {"stealing", s.stealing}};
        }
        if (s.kind == partition::StageKind::Lop || s.kind == partition::StageKind::Lip) {
            stage["channel_cuts"] = s.channelCuts;
        }
        if (s.kind == partition::StageKind::Lip) {
            stage["reducer"] = cluster.devices[std::size_t(s.reducer)].name;
        }
        stage["cell_devices"] = deviceNames(s.cellDevices, cluster);
        stages.push_back(std::move(stage));
    }
    Json devices = Json::array();
    for (std::size_t d = 0; d < f.cost.devices.size(); ++d) {
        const auto& c = f.cost.devices[d];
        devices.push_back({{"name", cluster.devices[d].name},
                           {"tasks", c.tasks},
                           {"weight_bytes", c.weightBytes},
                           {"activation_bytes", c.activationBytes},
                           {"buffer_bytes", c.bufferBytes},
                           {"overhead_bytes", c.overheadBytes},
                           {"total_bytes", c.totalBytes},
                           {"budget_bytes", c.budgetBytes},
                           {"fits", c.fits()},
                           {"sent_bytes", c.sentBytes},
                           {"received_bytes", c.receivedBytes},
                           {"macs", c.macs},
                           {"compute_seconds", c.computeSeconds},
                           {"busy_seconds", f.busySeconds.at(d)}});
    }
    Json links = Json::array();
    for (const auto& l : f.cost.links) {
        links.push_back({{"from", cluster.devices[std::size_t(l.from)].name},
                         {"to", cluster.devices[std::size_t(l.to)].name},
                         {"bytes", l.bytes}});
    }
    Json timeline = Json::array();
    for (const auto& t : f.timeline) {
        timeline.push_back({{"device", cluster.devices[std::size_t(t.device)].name},
                            {"stage", t.stage},
                            {"start", t.start},
                            {"end", t.end}});
    }
    Json pruning = nullptr;
    if (f.pruning) {
        pruning = {{"mode", compress::toString(f.pruning->mode)}, {"sparsity", f.pruning->sparsity}};
    }
    return {{"label", f.label},
            {"stages", stages},
            {"pruning", pruning},
            {"tasks", f.tasks},
            {"devices", devices},
            {"links", links},
            {"traffic_bytes", f.cost.trafficBytes},
            {"macs", f.cost.macs},
            {"model_macs", f.cost.modelMacs},
            {"redundant_macs", f.cost.redundantMacs()},
            {"largest_device_bytes", f.largestDeviceBytes()},
            {"over_budget", f.overBudget},
            {"latency_seconds", f.latencySeconds},
            {"stream",
             {{"frames", f.streamFrames},
              {"throughput_fps", f.streamThroughput},
              {"latency_median_seconds", f.streamLatencyMedian},
              {"latency_max_seconds", f.streamLatencyMax}}},
            {"timeline", timeline}};
}

} // namespace

std::string reportToJson(const Report& r) {
    const ModelSummary& m = r.model;
    Json ops = Json::object();
    for (const auto& [op, count] : m.opCounts) {
        ops[op] = count;
    }
    Json devices = Json::array();
    for (const auto& d : r.cluster.devices) {
        devices.push_back({{"name", d.name},
                           {"host", d.host},
                           {"arch", d.arch},
                           {"memory_bytes", d.memoryBytes},
                           {"threads", d.threads},
                           {"macs_per_second", d.macsPerSecond},
                           {"bytes_per_second", d.bytesPerSecond},
                           {"link_bits_per_second", d.linkBitsPerSecond},
                           {"link_latency_seconds", d.linkLatencySeconds},
                           {"runtime_overhead_bytes", d.runtimeOverheadBytes}});
    }
    Json layers = Json::array();
    for (const auto& l : r.layers) {
        layers.push_back({{"id", l.id},
                          {"name", l.name},
                          {"op", l.op},
                          {"output_shape", l.outputShape},
                          {"params", l.params},
                          {"macs", l.macs},
                          {"weight_bytes", l.weightBytes},
                          {"activation_bytes", l.activationBytes},
                          {"stage", l.stage},
                          {"scheme", l.scheme},
                          {"devices", l.devices}});
    }
    Json doc = {{"format", "tessera-report"},
                {"version", 1},
                {"model",
                 {{"name", m.name},
                  {"path", m.path},
                  {"format", m.format},
                  {"sha256", m.sha256},
                  {"producer", m.producer},
                  {"opset", m.opset},
                  {"nodes", m.nodes},
                  {"params", m.params},
                  {"macs", m.macs},
                  {"flops", m.flops},
                  {"weight_bytes", m.weightBytes},
                  {"peak_activation_bytes", m.peakActivationBytes},
                  {"total_activation_bytes", m.totalActivationBytes},
                  {"inputs", m.inputs},
                  {"outputs", m.outputs},
                  {"op_counts", ops}}},
                {"cluster",
                 {{"name", r.cluster.name},
                  {"gateway", r.cluster.devices.at(std::size_t(r.cluster.gateway)).name},
                  {"shared_medium", r.cluster.sharedMedium},
                  {"medium_bits_per_second", r.cluster.mediumBitsPerSecond},
                  {"devices", devices}}},
                {"plan", planJson(r.plan, r.cluster)}};
    doc["compare"] = r.compare ? planJson(*r.compare, r.cluster) : Json(nullptr);
    if (r.optimizer) {
        doc["optimizer"] = {{"objective", r.optimizer->objective},
                            {"time_limit_seconds", r.optimizer->timeLimitSeconds}};
    } else {
        doc["optimizer"] = nullptr;
    }
    if (r.measured) {
        const MeasuredFigures& f = *r.measured;
        Json perDevice = Json::array();
        for (const auto& d : f.devices) {
            const auto& predicted = r.plan.cost.devices[std::size_t(d.device)];
            perDevice.push_back({{"name", r.cluster.devices[std::size_t(d.device)].name},
                                 {"frames", d.frames},
                                 {"compute_median_seconds", d.computeMedian},
                                 {"compute_mean_seconds", d.computeMean},
                                 {"bytes_in", d.bytesIn},
                                 {"bytes_out", d.bytesOut},
                                 {"peak_rss_bytes", d.peakRssBytes},
                                 {"predicted_compute_seconds", r.plan.busySeconds.at(std::size_t(d.device))},
                                 {"predicted_bytes_in", predicted.receivedBytes},
                                 {"predicted_bytes_out", predicted.sentBytes},
                                 {"predicted_total_bytes", predicted.totalBytes}});
        }
        doc["measured"] = {{"source", f.source},
                           {"frames", f.frames},
                           {"in_flight", f.inFlight},
                           {"wall_seconds", f.wallSeconds},
                           {"throughput_fps", f.throughput},
                           {"latency_seconds", percentilesJson(f.latency)},
                           {"frame_latency_seconds", f.frameLatency},
                           {"devices", perDevice}};
    } else {
        doc["measured"] = nullptr;
    }
    doc["layers"] = std::move(layers);
    return doc.dump(2) + "\n";
}

} // namespace tessera::report
