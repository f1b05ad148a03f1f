#include "core/report/run_record.h"

#include <nlohmann/json.hpp>

#include "core/base/file_io.h"

namespace tessera::report {
namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

const char* const kFormat = "tessera-run";

// Typed reads that keep the first error, naming the file and the field path.
class Reader {
public:
    explicit Reader(std::string file)
        : m_file(std::move(file)) {}
    bool failed() const { return !m_error.empty(); }
    Error error() const { return {ErrorCode::Parse, m_error}; }

    const Json* field(const Json& object, const std::string& key, const std::string& path, bool required) {
        if (!object.is_object()) {
            fail(path, "expected an object");
            return nullptr;
        }
        const auto it = object.find(key);
        if (it == object.end()) {
            if (required) {
                fail(path, "missing field \"" + key + "\"");
            }
            return nullptr;
        }
        return &*it;
    }
    double number(const Json& object, const std::string& key, const std::string& path, bool required = true) {
        const Json* v = field(object, key, path, required);
        if (!v) {
            return 0;
        }
        if (!v->is_number() || v->get<double>() < 0) {
            fail(path + "." + key, "expected a number >= 0");
            return 0;
        }
        return v->get<double>();
    }
    std::int64_t integer(const Json& object, const std::string& key, const std::string& path,
                         bool required = true) {
        const Json* v = field(object, key, path, required);
        if (!v) {
            return 0;
        }
        if (!v->is_number_integer() || v->get<std::int64_t>() < 0) {
            fail(path + "." + key, "expected a whole number >= 0");
            return 0;
        }
        return v->get<std::int64_t>();
    }
    std::string string(const Json& object, const std::string& key, const std::string& path,
                       bool required = true) {
        const Json* v = field(object, key, path, required);
        if (!v) {
            return {};
        }
        if (!v->is_string()) {
            fail(path + "." + key, "expected a string");
            return {};
        }
        return v->get<std::string>();
    }
    const Json* array(const Json& object, const std::string& key, const std::string& path) {
        const Json* v = field(object, key, path, true);
        if (v && !v->is_array()) {
            fail(path + "." + key, "expected an array");
            return nullptr;
        }
        return v;
    }
    void fail(const std::string& path, const std::string& message) {
        if (m_error.empty()) {
            m_error = m_file + ": " + (path.empty() ? "" : path + ": ") + message;
        }
    }

private:
    std::string m_file;
    std::string m_error;
};

} // namespace

std::string runRecordToJson(const RunRecord& record) {
    OrderedJson frames = OrderedJson::array();
    for (const auto& f : record.frames) {
        OrderedJson devices = OrderedJson::array();
        for (const auto& d : f.devices) {
            devices.push_back({{"device", d.device},
                               {"tasks", d.tasks},
                               {"compute_seconds", d.computeSeconds},
                               {"bytes_in", d.bytesIn},
                               {"bytes_out", d.bytesOut},
                               {"peak_rss_bytes", d.peakRssBytes}});
        }
        frames.push_back({{"frame", f.frame}, {"latency_seconds", f.latencySeconds}, {"devices", devices}});
    }
    const OrderedJson doc = {{"format", kFormat},
                             {"version", RunRecord::kVersion},
                             {"source", record.source},
                             {"in_flight", record.inFlight},
                             {"wall_seconds", record.wallSeconds},
                             {"frames", frames}};
    return doc.dump(2) + "\n";
}

Expected<RunRecord> parseRunRecord(const std::string& jsonText, const std::string& path) {
    Json doc;
    try {
        doc = Json::parse(jsonText);
    } catch (const Json::parse_error& e) {
        return Error{ErrorCode::Parse, path + ": not valid JSON: " + e.what()};
    } catch (const Json::out_of_range& e) { // a number beyond a double's range ("1e400")
        return Error{ErrorCode::Parse, path + ": not valid JSON: " + e.what()};
    }
    Reader r(path);
    if (r.string(doc, "format", "") != kFormat) {
        r.fail("format", std::string("expected \"") + kFormat +
                             "\" (a file written by `tessera cluster-run --record`)");
        return r.error();
    }
    const std::int64_t version = r.integer(doc, "version", "");
    if (!r.failed() && version > RunRecord::kVersion) {
        return Error{ErrorCode::Unsupported, path + ": version " + std::to_string(version) +
                                                 " is newer than this Tessera reads (" +
                                                 std::to_string(RunRecord::kVersion) + "); update Tessera"};
    }
    RunRecord record;
    record.source = r.string(doc, "source", "", false);
    record.inFlight = int(r.integer(doc, "in_flight", "", false));
    record.wallSeconds = r.number(doc, "wall_seconds", "", false);
    if (const Json* frames = r.array(doc, "frames", "")) {
        for (std::size_t i = 0; i < frames->size() && !r.failed(); ++i) {
            const std::string at = "frames[" + std::to_string(i) + "]";
            const Json& f = (*frames)[i];
            FrameMeasure frame;
            frame.frame = std::uint64_t(r.integer(f, "frame", at));
            frame.latencySeconds = r.number(f, "latency_seconds", at);
            if (const Json* devices = r.array(f, "devices", at)) {
                for (std::size_t j = 0; j < devices->size() && !r.failed(); ++j) {
                    const std::string dat = at + ".devices[" + std::to_string(j) + "]";
                    const Json& d = (*devices)[j];
                    DeviceMeasure m;
                    m.device = r.string(d, "device", dat);
                    m.tasks = int(r.integer(d, "tasks", dat));
                    m.computeSeconds = r.number(d, "compute_seconds", dat);
                    m.bytesIn = r.integer(d, "bytes_in", dat);
                    m.bytesOut = r.integer(d, "bytes_out", dat);
                    m.peakRssBytes = r.integer(d, "peak_rss_bytes", dat);
                    frame.devices.push_back(std::move(m));
                }
            }
            record.frames.push_back(std::move(frame));
        }
    }
    if (r.failed()) {
        return r.error();
    }
    if (record.frames.empty()) {
        return Error{ErrorCode::Parse, path + ": frames: the record holds no frame"};
    }
    return record;
}

Expected<RunRecord> readRunRecord(const std::string& path) {
    auto text = readFile(path);
    if (!text) {
        return text.error();
    }
    return parseRunRecord(*text, path);
}

Status writeRunRecord(const RunRecord& record, const std::string& path) {
    return writeFileAtomically(path, runRecordToJson(record));
}

Status checkRunRecord(const RunRecord& record, const cost::Cluster& cluster) {
    for (std::size_t f = 0; f < record.frames.size(); ++f) {
        for (const auto& d : record.frames[f].devices) {
            if (!cluster.find(d.device)) {
                return Error{ErrorCode::InvalidArgument,
                             "frames[" + std::to_string(f) + "]: device '" + d.device +
                                 "' is not in the cluster (was the run recorded on another cluster?)"};
            }
        }
    }
    return {};
}

} // namespace tessera::report
