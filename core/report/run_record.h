#pragma once
// What a run on a real or emulated cluster measured, frame by frame: end-to-end latency and, per device, its
// tasks' compute time, the tensor bytes it received and sent, and its peak resident memory. `tessera
// cluster-run --record FILE` writes it; `tessera report --measured FILE` and the studio's report read it.
// File format: docs/file-formats.md, "Run record". Devices are referred to by name.

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/error.h"
#include "core/cost/cluster.h"

namespace tessera::report {

struct DeviceMeasure {
    std::string device; // cluster device name
    int tasks = 0;      // tasks it ran for the frame (stolen ones included)
    double computeSeconds = 0;
    std::int64_t bytesIn = 0, bytesOut = 0; // planned transfers (steal traffic apart)
    std::int64_t peakRssBytes = 0;          // of its tessera-node process so far
};

struct FrameMeasure {
    std::uint64_t frame = 0;
    double latencySeconds = 0; // submission to result, at the client
    std::vector<DeviceMeasure> devices;
};

struct RunRecord {
    static constexpr int kVersion = 1;
    std::string source;               // what ran it, e.g. "tessera cluster-run"
    int inFlight = 1;                 // frames in flight at once
    double wallSeconds = 0;           // first submission to last result; 0 when unknown
    std::vector<FrameMeasure> frames; // in the order results arrived
};

std::string runRecordToJson(const RunRecord& record);
// Errors name the file and the field ("run.json: frames[3].latency_seconds: expected a number").
Expected<RunRecord> parseRunRecord(const std::string& jsonText, const std::string& path);
Expected<RunRecord> readRunRecord(const std::string& path);
Status writeRunRecord(const RunRecord& record, const std::string& path);
// InvalidArgument naming the first device of the record that the cluster does not have.
Status checkRunRecord(const RunRecord& record, const cost::Cluster& cluster);

} // namespace tessera::report
