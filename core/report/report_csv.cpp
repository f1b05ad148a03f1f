// The report's tables as CSV (RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled).
#include <cstdio>

#include "core/report/writers.h"

namespace tessera::report {
namespace {

std::string field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) {
        return s;
    }
    std::string out = "\"";
    for (char c : s) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

std::string seconds(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.9g", value);
    return text;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        out += (out.empty() ? "" : " ") + item;
    }
    return out;
}

} // namespace

std::string layersCsv(const Report& r) {
    std::string out =
        "id,name,op,output_shape,params,macs,weight_bytes,activation_bytes,stage,scheme,devices\n";
    for (const auto& l : r.layers) {
        out += std::to_string(l.id) + "," + field(l.name) + "," + field(l.op) + "," + field(l.outputShape) +
               "," + std::to_string(l.params) + "," + std::to_string(l.macs) + "," +
               std::to_string(l.weightBytes) + "," + std::to_string(l.activationBytes) + "," +
               std::to_string(l.stage) + "," + l.scheme + "," + field(joined(l.devices)) + "\n";
    }
    return out;
}

std::string devicesCsv(const Report& r) {
    std::string out =
        "device,host,arch,gateway,budget_bytes,weight_bytes,activation_bytes,buffer_bytes,"
        "overhead_bytes,total_bytes,fits,tasks,macs,compute_seconds,busy_seconds,sent_bytes,received_bytes";
    if (r.measured) {
        out += ",measured_frames,measured_compute_median_seconds,measured_bytes_in,measured_bytes_out,"
               "measured_peak_rss_bytes";
    }
    out += "\n";
    for (std::size_t d = 0; d < r.cluster.devices.size(); ++d) {
        const auto& device = r.cluster.devices[d];
        const auto& c = r.plan.cost.devices[d];
        out += field(device.name) + "," + field(device.host) + "," + field(device.arch) + "," +
               (int(d) == r.cluster.gateway ? "yes" : "no") + "," + std::to_string(c.budgetBytes) + "," +
               std::to_string(c.weightBytes) + "," + std::to_string(c.activationBytes) + "," +
               std::to_string(c.bufferBytes) + "," + std::to_string(c.overheadBytes) + "," +
               std::to_string(c.totalBytes) + "," + (c.fits() ? "yes" : "no") + "," +
               std::to_string(c.tasks) + "," + std::to_string(c.macs) + "," + seconds(c.computeSeconds) +
               "," + seconds(r.plan.busySeconds.at(d)) + "," + std::to_string(c.sentBytes) + "," +
               std::to_string(c.receivedBytes);
        if (r.measured) {
            const auto& m = r.measured->devices[d];
            out += "," + std::to_string(m.frames) + "," + seconds(m.computeMedian) + "," +
                   std::to_string(m.bytesIn) + "," + std::to_string(m.bytesOut) + "," +
                   std::to_string(m.peakRssBytes);
        }
        out += "\n";
    }
    return out;
}

} // namespace tessera::report
