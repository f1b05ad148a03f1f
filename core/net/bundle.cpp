#include "core/net/bundle.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "core/base/file_io.h"
#include "core/model/zoo.h"
#include "core/partition/submodel.h"

namespace tessera::net {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;
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

// Devices that may send a part of `piece`: its static producer, then the other devices of a stealing stage.
std::vector<int> senders(const partition::Program& program, int piece) {
    std::vector<int> devices{program.pieceDevice(piece)};
    const int task = program.pieces[std::size_t(piece)].task;
    if (task >= 0) {
        for (std::size_t d = 0; d < program.tasks.size(); ++d) {
            const int other = program.tasks[d].device;
            if (program.mayRun(task, other) &&
                std::find(devices.begin(), devices.end(), other) == devices.end()) {
                devices.push_back(other);
            }
        }
    }
    return devices;
}

InputSpec inputSpec(const partition::Program& program, const partition::TaskInput& input,
                    const std::string& name) {
    InputSpec spec{name, input.region, {}};
    for (const auto& s : input.sources) {
        spec.sources.push_back({s.piece, s.part, senders(program, s.piece)});
    }
    return spec;
}

} // namespace

NodeDescription describeNode(const partition::Program& program, const model::Graph& graph,
                             const cost::Cluster& cluster, const std::vector<std::string>& endpoints,
                             const std::string& clusterId, int device) {
    NodeDescription d;
    d.clusterId = clusterId;
    d.device = device;
    d.gateway = program.gateway;
    for (std::size_t i = 0; i < cluster.devices.size(); ++i) {
        d.devices.push_back({cluster.devices[i].name, endpoints.at(i)});
    }
    if (device < 0 || device == program.gateway) {
        for (const auto& v : graph.inputs) {
            d.inputs.push_back({v.name, v.shape});
        }
        for (const auto& v : graph.outputs) {
            d.outputs.push_back({v.name, graph.value(v.name)->shape});
        }
    }
    if (device < 0) {
        return d;
    }
    std::set<int> reporting, runnable;
    std::vector<std::vector<ConsumerSpec>> consumers(program.pieces.size());
    for (std::size_t t = 0; t < program.tasks.size(); ++t) {
        const auto& task = program.tasks[t];
        reporting.insert(task.device);
        for (const auto& input : task.inputs) {
            for (const auto& s : input.sources) {
                consumers[std::size_t(s.piece)].push_back({int(t), task.device, s.part});
            }
        }
        if (!program.mayRun(int(t), device)) {
            continue;
        }
        runnable.insert(int(t));
        const std::string prefix = partition::taskPrefix(int(t));
        TaskSpec spec{int(t), task.stage, task.stealable, {}, task.outputs, {}, task.device};
        for (std::size_t k = 0; k < task.inputs.size(); ++k) {
            spec.inputs.push_back(inputSpec(program, task.inputs[k], prefix + task.graph.inputs[k].name));
        }
        for (const auto& out : task.graph.outputs) {
            spec.outputNames.push_back(prefix + out.name);
        }
        d.tasks.push_back(std::move(spec));
    }
    for (const auto& r : program.results) {
        for (const auto& s : r.sources) {
            consumers[std::size_t(s.piece)].push_back({-1, program.gateway, s.part});
        }
        if (device == program.gateway) {
            d.results.push_back(inputSpec(program, r, r.name));
        }
    }
    for (std::size_t p = 0; p < program.pieces.size(); ++p) {
        const int task = program.pieces[p].task;
        if (task < 0 ? device == program.gateway : runnable.count(task) > 0) {
            const auto& piece = program.pieces[p];
            d.pieces.push_back({int(p), piece.value, piece.region, consumers[p]});
        }
    }
    if (device == program.gateway) {
        reporting.erase(device);
        d.reporting.assign(reporting.begin(), reporting.end());
    }
    return d;
}

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

Expected<std::vector<std::string>> writeBundles(const partition::Program& program,
                                                const model::Model& original, const cost::Cluster& cluster,
                                                const BundleOptions& options, const std::string& dir) {
    if (options.endpoints.size() != cluster.devices.size()) {
        return Error{ErrorCode::InvalidArgument, "the cluster has " + std::to_string(cluster.devices.size()) +
                                                     " devices, " + std::to_string(options.endpoints.size()) +
                                                     " endpoints were given"};
    }
    for (const auto& piece : program.pieces) {
        if (piece.task < 0 && !original.graph.value(piece.value)) {
            return Error{ErrorCode::Unsupported, "graph input '" + piece.value + "' is unknown"};
        }
        if (piece.task < 0 && original.graph.isInitializer(piece.value)) {
            return Error{
                ErrorCode::Unsupported,
                "constant '" + piece.value +
                    "' is read across stages like a graph input; the runtime feeds only real inputs"};
        }
    }
    ClusterKeys keys = options.keys;
    if (keys.clusterId.empty()) {
        auto made = generateClusterKeys();
        if (!made) {
            return made.error();
        }
        keys = *made;
    }
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        return Error{ErrorCode::Io, dir + ": cannot create the directory: " + ec.message()};
    }
    std::vector<std::string> written;
    for (std::size_t d = 0; d < cluster.devices.size(); ++d) {
        auto description =
            describeNode(program, original.graph, cluster, options.endpoints, keys.clusterId, int(d));
        if (int(d) == program.gateway) {
            description.telemetry = options.telemetry;
        }
        if (description.tasks.empty() && int(d) != program.gateway) {
            continue; // nothing to run: no node needed there
        }
        const fs::path deviceDir = fs::path(dir) / cluster.devices[d].name;
        fs::create_directories(deviceDir, ec);
        if (ec) {
            return Error{ErrorCode::Io,
                         deviceDir.string() + ": cannot create the directory: " + ec.message()};
        }
        // only the tasks assigned to the device (static assignment): a stolen task arrives with its inputs
        // but needs the stage's weights, which the sub-model of a stealing stage holds for every task
        model::Graph g = partition::deviceGraph(program, int(d), original.graph);
        fs::remove(deviceDir / "model.onnx", ec);
        if (!g.nodes.empty()) {
            g.name = original.graph.name + " on " + cluster.devices[d].name;
            if (auto s = model::saveOnnx(g, program.opset, (deviceDir / "model.onnx").string(),
                                         "Tessera sub-model for device '" + cluster.devices[d].name + "'");
                !s) {
                return s.error();
            }
        }
        if (auto s = writeFileAtomically((deviceDir / "node.json").string(), descriptionToJson(description));
            !s) {
            return s.error();
        }
        if (auto s = writeKeys(keys, (deviceDir / "cluster.key").string()); !s) {
            return s.error();
        }
        written.push_back(deviceDir.string());
    }
    auto client = describeNode(program, original.graph, cluster, options.endpoints, keys.clusterId, -1);
    client.predictedBytes = options.predictedBytes;
    client.telemetry = options.telemetry;
    if (auto s = writeFileAtomically((fs::path(dir) / "client.json").string(), descriptionToJson(client));
        !s) {
        return s.error();
    }
    if (auto s = writeKeys(keys, (fs::path(dir) / "cluster.key").string()); !s) {
        return s.error();
    }
    return written;
}

namespace {

Expected<NodeBundle> loadDescriptionAndKeys(const fs::path& description, const fs::path& keysPath) {
    auto text = readFile(description.string());
    if (!text) {
        return text.error();
    }
    auto parsed = parseDescription(*text, description.string());
    if (!parsed) {
        return parsed.error();
    }
    auto keys = readKeys(keysPath.string());
    if (!keys) {
        return keys.error();
    }
    if (keys->clusterId != parsed->clusterId) {
        return Error{ErrorCode::InvalidArgument, keysPath.string() + ": keys of cluster '" + keys->clusterId +
                                                     "', but " + description.string() + " belongs to '" +
                                                     parsed->clusterId + "' (files from different bundles)"};
    }
    return NodeBundle{std::move(*parsed), std::move(*keys), {}};
}

// The task's own graph out of the device graph: its nodes (named "t<id>/..."), its inputs and outputs, and
// the initializers they read (moved out of the device graph once no later task needs them).
model::Graph taskGraph(model::Graph& device, const TaskSpec& task, std::map<std::string, int>& uses) {
    const std::string prefix = partition::taskPrefix(task.id);
    model::Graph g;
    g.name = prefix;
    for (const auto& in : task.inputs) {
        g.inputs.push_back(*device.value(in.name));
    }
    for (const auto& out : task.outputNames) {
        g.outputs.push_back(*device.value(out));
    }
    for (const auto& node : device.nodes) {
        if (node.name.rfind(prefix, 0) != 0) {
            continue;
        }
        g.nodes.push_back(node);
        for (const auto& name : node.inputs) {
            if (name.empty() || g.values.count(name)) {
                continue;
            }
            g.values[name] = *device.value(name);
            if (auto w = device.initializers.find(name); w != device.initializers.end()) {
                g.initializers[name] = --uses[name] == 0 ? std::move(w->second) : w->second;
            }
        }
        for (const auto& name : node.outputs) {
            if (const auto* v = device.value(name)) {
                g.values[name] = *v;
            }
        }
    }
    return g;
}

} // namespace

Expected<NodeBundle> loadBundle(const std::string& dir, const exec::NetOptions& options) {
    auto bundle = loadDescriptionAndKeys(fs::path(dir) / "node.json", fs::path(dir) / "cluster.key");
    if (!bundle) {
        return bundle;
    }
    if (bundle->description.device < 0) {
        return Error{ErrorCode::InvalidArgument, dir + ": this is the client's description, not a device's"};
    }
    if (bundle->description.tasks.empty()) {
        return bundle;
    }
    const std::string modelPath = (fs::path(dir) / "model.onnx").string();
    auto device = model::loadModel(modelPath);
    if (!device) {
        return device.error();
    }
    std::map<std::string, int> uses;
    for (const auto& node : device->graph.nodes) {
        for (const auto& in : node.inputs) {
            uses[in] += device->graph.isInitializer(in) ? 1 : 0;
        }
    }
    for (const auto& task : bundle->description.tasks) {
        for (const auto& name : task.outputNames) {
            if (!device->graph.value(name)) {
                return Error{ErrorCode::InvalidModel, modelPath + ": no value '" + name + "' (task " +
                                                          std::to_string(task.id) + " of node.json)"};
            }
        }
        for (const auto& in : task.inputs) {
            if (!device->graph.value(in.name)) {
                return Error{ErrorCode::InvalidModel, modelPath + ": no input '" + in.name + "' (task " +
                                                          std::to_string(task.id) + " of node.json)"};
            }
        }
        model::Model m;
        m.graph = taskGraph(device->graph, task, uses);
        m.opset = device->opset;
        m.path = modelPath + " task " + std::to_string(task.id);
        auto net = exec::Net::load(std::move(m), options);
        if (!net) {
            return net.error();
        }
        bundle->nets[task.id] = std::move(*net);
    }
    return bundle;
}

Expected<NodeBundle> loadClientBundle(const std::string& dir) {
    return loadDescriptionAndKeys(fs::path(dir) / "client.json", fs::path(dir) / "cluster.key");
}

} // namespace tessera::net
