#include "core/partition/submodel.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/model/zoo.h"

namespace tessera::partition {

std::vector<int> deviceTasks(const Program& program, int device) {
    std::vector<int> tasks;
    for (std::size_t t = 0; t < program.tasks.size(); ++t) {
        if (program.mayRun(int(t), device)) {
            tasks.push_back(int(t));
        }
    }
    return tasks;
}

std::string taskPrefix(int task) {
    return "t" + std::to_string(task) + "/";
}

model::Graph deviceGraph(const Program& program, int device, const model::Graph& original) {
    model::Graph g;
    for (int t : deviceTasks(program, device)) {
        const Task& task = program.tasks[std::size_t(t)];
        model::Graph tg = materialize(task, original);
        std::set<std::string> weights;
        for (const auto& w : task.weights) {
            weights.insert(w.name);
        }
        const std::string prefix = taskPrefix(t);
        // weight slices keep their names (shared between tasks); everything else is the task's own
        auto rename = [&](const std::string& name) {
            return name.empty() || weights.count(name) ? name : prefix + name;
        };
        for (auto& [name, tensor] : tg.initializers) {
            g.initializers.try_emplace(rename(name), std::move(tensor));
        }
        for (const auto& [name, info] : tg.values) {
            model::ValueInfo v = info;
            v.name = rename(name);
            g.values[v.name] = v;
        }
        for (auto node : tg.nodes) {
            node.name = prefix + node.name;
            for (auto& in : node.inputs) {
                in = rename(in);
            }
            for (auto& out : node.outputs) {
                out = rename(out);
            }
            g.nodes.push_back(std::move(node));
        }
        for (auto v : tg.inputs) {
            v.name = rename(v.name);
            g.inputs.push_back(v);
        }
        for (auto v : tg.outputs) {
            v.name = rename(v.name);
            g.outputs.push_back(v);
        }
    }
    return g;
}

Expected<std::vector<std::string>> exportSubmodels(const Program& program, const model::Model& original,
                                                   const cost::Cluster& cluster, const std::string& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        return Error{ErrorCode::Io, dir + ": cannot create the directory: " + ec.message()};
    }
    std::vector<std::string> written;
    for (std::size_t d = 0; d < cluster.devices.size(); ++d) {
        model::Graph g = deviceGraph(program, int(d), original.graph);
        if (g.nodes.empty()) {
            continue;
        }
        g.name = original.graph.name + " on " + cluster.devices[d].name;
        const std::string path = (std::filesystem::path(dir) / (cluster.devices[d].name + ".onnx")).string();
        const std::string doc = "Tessera sub-model of '" + original.graph.name + "' for device '" +
                                cluster.devices[d].name +
                                "': " + std::to_string(deviceTasks(program, int(d)).size()) +
                                " task(s); inputs and outputs are named t<task>/<value>";
        if (auto s = model::saveOnnx(g, program.opset, path, doc); !s) {
            return s.error();
        }
        written.push_back(path);
    }
    return written;
}

} // namespace tessera::partition
