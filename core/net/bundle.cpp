#include "core/net/bundle.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/base/file_io.h"
#include "core/model/zoo.h"
#include "core/partition/submodel.h"

namespace tessera::net {
namespace {

namespace fs = std::filesystem;

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

// Creates `dir` (and its parents) and makes it the owner's alone: bundles hold the cluster's secret key.
Status makePrivateDirectory(const std::string& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (!ec) {
        fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
    }
    if (ec) {
        return Error{ErrorCode::Io, dir + ": cannot create a private directory: " + ec.message()};
    }
    return {};
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
        for (int worker : d.reporting) {
            auto& assigned = d.reportingTasks.emplace_back();
            for (std::size_t t = 0; t < program.tasks.size(); ++t) {
                if (program.tasks[t].device == worker) {
                    assigned.push_back(int(t));
                }
            }
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
    if (auto s = makePrivateDirectory(dir); !s) {
        return s.error();
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
        if (auto s = makePrivateDirectory(deviceDir.string()); !s) {
            return s.error();
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
            fs::permissions(deviceDir / "model.onnx", fs::perms::owner_read | fs::perms::owner_write,
                            fs::perm_options::replace, ec);
            if (ec) {
                return Error{ErrorCode::Io, (deviceDir / "model.onnx").string() +
                                                ": cannot make the file private: " + ec.message()};
            }
        }
        if (auto s =
                writeFileAtomically((deviceDir / "node.json").string(), descriptionToJson(description), 0600);
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
    if (auto s =
            writeFileAtomically((fs::path(dir) / "client.json").string(), descriptionToJson(client), 0600);
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
    return NodeBundle{std::move(*parsed), std::move(*keys), nullptr, {}};
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
    std::vector<exec::SegmentSpec> segments;
    for (const auto& task : bundle->description.tasks) {
        exec::SegmentSpec segment;
        for (const auto& name : task.outputNames) {
            if (!device->graph.value(name)) {
                return Error{ErrorCode::InvalidModel, modelPath + ": no value '" + name + "' (task " +
                                                          std::to_string(task.id) + " of node.json)"};
            }
            segment.outputs.push_back(name);
        }
        for (const auto& in : task.inputs) {
            if (!device->graph.value(in.name)) {
                return Error{ErrorCode::InvalidModel, modelPath + ": no input '" + in.name + "' (task " +
                                                          std::to_string(task.id) + " of node.json)"};
            }
            segment.inputs.push_back(in.name);
        }
        bundle->segments[task.id] = segments.size();
        segments.push_back(std::move(segment));
    }
    device->path = modelPath;
    auto net = exec::Net::load(std::move(*device), options, segments);
    if (!net) {
        return net.error();
    }
    bundle->net = std::move(*net);
    return bundle;
}

Expected<NodeBundle> loadClientBundle(const std::string& dir) {
    return loadDescriptionAndKeys(fs::path(dir) / "client.json", fs::path(dir) / "cluster.key");
}

} // namespace tessera::net
