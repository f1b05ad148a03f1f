// node.json and client.json (bundle.h, docs/file-formats.md "Node description"): writing and strict reading.

#include <nlohmann/json.hpp>

#include "core/net/bundle.h"

namespace tessera::net {
namespace {

using nlohmann::json;
constexpr const char* kFormat = "tessera-node";

json regionJson(const partition::Region& r) {
    json a = json::array();
    for (const auto& range : r.axes) {
        a.push_back({range.begin, range.end});
    }
    return a;
}

partition::Region regionFrom(const json& j) {
    partition::Region r;
    for (const auto& range : j) {
        r.axes.push_back({range.at(0).get<std::int64_t>(), range.at(1).get<std::int64_t>()});
    }
    return r;
}

json inputJson(const InputSpec& in) {
    json sources = json::array();
    for (const auto& s : in.sources) {
        sources.push_back({{"piece", s.piece}, {"part", regionJson(s.part)}, {"senders", s.senders}});
    }
    return {{"name", in.name}, {"region", regionJson(in.region)}, {"sources", sources}};
}

InputSpec inputFrom(const json& j) {
    InputSpec in{j.at("name").get<std::string>(), regionFrom(j.at("region")), {}};
    for (const auto& s : j.at("sources")) {
        in.sources.push_back(
            {s.at("piece").get<int>(), regionFrom(s.at("part")), s.value("senders", std::vector<int>{})});
    }
    return in;
}

json valuesJson(const std::vector<ValueSpec>& values) {
    json a = json::array();
    for (const auto& v : values) {
        a.push_back({{"name", v.name}, {"shape", v.shape}});
    }
    return a;
}

std::vector<ValueSpec> valuesFrom(const json& j) {
    std::vector<ValueSpec> values;
    for (const auto& v : j) {
        values.push_back({v.at("name").get<std::string>(), v.at("shape").get<model::Shape>()});
    }
    return values;
}

} // namespace

std::string descriptionToJson(const NodeDescription& d) {
    json devices = json::array(), tasks = json::array(), pieces = json::array(), results = json::array();
    for (const auto& dev : d.devices) {
        devices.push_back({{"name", dev.name}, {"endpoint", dev.endpoint}});
    }
    for (const auto& t : d.tasks) {
        json inputs = json::array();
        for (const auto& in : t.inputs) {
            inputs.push_back(inputJson(in));
        }
        tasks.push_back({{"id", t.id},
                         {"stage", t.stage},
                         {"stealable", t.stealable},
                         {"inputs", inputs},
                         {"outputs", t.outputs},
                         {"output_names", t.outputNames},
                         {"device", t.device}});
    }
    for (const auto& p : d.pieces) {
        json consumers = json::array();
        for (const auto& c : p.consumers) {
            consumers.push_back({{"task", c.task}, {"device", c.device}, {"part", regionJson(c.part)}});
        }
        pieces.push_back(
            {{"id", p.id}, {"value", p.value}, {"region", regionJson(p.region)}, {"consumers", consumers}});
    }
    for (const auto& r : d.results) {
        results.push_back(inputJson(r));
    }
    json j{{"format", kFormat},
           {"version", NodeDescription::kVersion},
           {"cluster", d.clusterId},
           {"device", d.device},
           {"gateway", d.gateway},
           {"devices", devices},
           {"inputs", valuesJson(d.inputs)},
           {"outputs", valuesJson(d.outputs)},
           {"tasks", tasks},
           {"pieces", pieces},
           {"results", results},
           {"reporting", d.reporting}};
    if (!d.reportingTasks.empty()) {
        j["reporting_tasks"] = d.reportingTasks;
    }
    if (!d.predictedBytes.empty()) {
        j["predicted_bytes"] = d.predictedBytes;
    }
    if (!d.telemetry.empty()) {
        j["telemetry"] = d.telemetry;
    }
    return j.dump(1) + "\n";
}

Expected<NodeDescription> parseDescription(const std::string& jsonText, const std::string& path) {
    const json j = json::parse(jsonText, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return Error{ErrorCode::Parse, path + ": not a JSON object"};
    }
    if (j.value("format", "") != kFormat) {
        return Error{ErrorCode::Parse, path + ": not a Tessera node description (\"format\" is not \"" +
                                           std::string(kFormat) + "\")"};
    }
    if (!j.contains("version") || !j["version"].is_number_integer() ||
        j["version"].get<int>() > NodeDescription::kVersion) {
        return Error{ErrorCode::Unsupported, path + ": version " + j.value("version", json()).dump() +
                                                 " is newer than this program's (" +
                                                 std::to_string(NodeDescription::kVersion) +
                                                 "); update tessera-node"};
    }
    NodeDescription d;
    try {
        d.clusterId = j.at("cluster").get<std::string>();
        d.device = j.at("device").get<int>();
        d.gateway = j.at("gateway").get<int>();
        for (const auto& dev : j.at("devices")) {
            d.devices.push_back({dev.at("name").get<std::string>(), dev.at("endpoint").get<std::string>()});
        }
        d.inputs = valuesFrom(j.at("inputs"));
        d.outputs = valuesFrom(j.at("outputs"));
        for (const auto& t : j.at("tasks")) {
            TaskSpec spec{t.at("id").get<int>(),
                          t.at("stage").get<int>(),
                          t.at("stealable").get<bool>(),
                          {},
                          t.at("outputs").get<std::vector<int>>(),
                          t.at("output_names").get<std::vector<std::string>>(),
                          t.value("device", d.device)};
            for (const auto& in : t.at("inputs")) {
                spec.inputs.push_back(inputFrom(in));
            }
            d.tasks.push_back(std::move(spec));
        }
        for (const auto& p : j.at("pieces")) {
            PieceSpec spec{
                p.at("id").get<int>(), p.at("value").get<std::string>(), regionFrom(p.at("region")), {}};
            for (const auto& c : p.at("consumers")) {
                spec.consumers.push_back(
                    {c.at("task").get<int>(), c.at("device").get<int>(), regionFrom(c.at("part"))});
            }
            d.pieces.push_back(std::move(spec));
        }
        for (const auto& r : j.at("results")) {
            d.results.push_back(inputFrom(r));
        }
        d.reporting = j.at("reporting").get<std::vector<int>>();
        d.reportingTasks = j.value("reporting_tasks", std::vector<std::vector<int>>{});
        d.telemetry = j.value("telemetry", "");
        if (j.contains("predicted_bytes")) {
            d.predictedBytes = j["predicted_bytes"].get<std::vector<std::pair<std::int64_t, std::int64_t>>>();
        }
    } catch (const json::exception& e) {
        return Error{ErrorCode::Parse, path + ": " + e.what()};
    }
    const int devices = int(d.devices.size());
    auto bad = [&](const std::string& what) { return Error{ErrorCode::Parse, path + ": " + what}; };
    if (d.device < -1 || d.device >= devices || d.gateway < 0 || d.gateway >= devices) {
        return bad("\"device\" or \"gateway\" is not an index into \"devices\"");
    }
    for (const auto& p : d.pieces) {
        for (const auto& c : p.consumers) {
            if (c.device < 0 || c.device >= devices) {
                return bad("piece " + std::to_string(p.id) + " has a consumer on device " +
                           std::to_string(c.device));
            }
        }
    }
    auto sendersValid = [&](const InputSpec& in) {
        for (const auto& s : in.sources) {
            for (int sender : s.senders) {
                if (sender < 0 || sender >= devices) {
                    return false;
                }
            }
        }
        return true;
    };
    if (!d.reportingTasks.empty() && d.reportingTasks.size() != d.reporting.size()) {
        return bad("\"reporting_tasks\" has " + std::to_string(d.reportingTasks.size()) +
                   " lists, \"reporting\" " + std::to_string(d.reporting.size()) + " devices");
    }
    for (const auto& r : d.results) {
        if (!sendersValid(r)) {
            return bad("result '" + r.name + "' names a sender that is not a device");
        }
    }
    for (const auto& t : d.tasks) {
        if (t.device < 0 || t.device >= devices) {
            return bad("task " + std::to_string(t.id) + " is assigned to device " + std::to_string(t.device));
        }
        for (const auto& in : t.inputs) {
            if (!sendersValid(in)) {
                return bad("task " + std::to_string(t.id) + ": input '" + in.name +
                           "' names a sender that is not a device");
            }
        }
        if (t.outputs.size() != t.outputNames.size()) {
            return bad("task " + std::to_string(t.id) +
                       ": \"outputs\" and \"output_names\" differ in length");
        }
    }
    return d;
}

} // namespace tessera::net
