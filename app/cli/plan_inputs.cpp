#include "app/cli/plan_inputs.h"

#include <algorithm>
#include <filesystem>

#include "app/cli/net_loader.h"
#include "core/base/edit_distance.h"

namespace tessera::cli {

void PlanInputs::addOptions(CLI::App* command, bool withPlan) {
    command->add_option("model", model, "ONNX model (.onnx) or Darknet network (.cfg)")->required();
    if (withPlan) {
        command->add_option("plan", plan, "Plan file (JSON, see docs/file-formats.md)")->required();
    }
    auto* positional = command->add_option("cluster", cluster, "Cluster file, or PRESET:N (e.g. rpi4:6)");
    auto* named = command->add_option("--devices", cluster, "Same as the CLUSTER argument");
    positional->excludes(named);
    command->add_option(
        "--input-shape", inputShapes,
        "Shape for a symbolic input: 1,3,224,224 or NAME:1,3,224,224 (repeat for several inputs)");
    command->add_option("--weights", weights, "Darknet .weights file for a .cfg model");
    if (!withPlan) {
        command->add_option("--prune", prune,
                            "Prune the weights first: SPARSITY[:global|:per-layer], e.g. 0.9 (magnitude "
                            "pruning, docs/compression.md); the plan records it");
    }
}

namespace {

// "0.9", "0.9:per-layer" or "0.9:global" (the range is checked with the rest of the settings).
Expected<compress::PruneSettings> parsePrune(const std::string& text) {
    const auto colon = text.find(':');
    const std::string number = text.substr(0, colon),
                      mode = colon == std::string::npos ? "" : text.substr(colon + 1);
    compress::PruneSettings settings;
    std::size_t used = 0;
    try {
        settings.sparsity = std::stod(number, &used);
    } catch (const std::exception&) {
    }
    if (number.empty() || used != number.size() || (mode != "" && mode != "global" && mode != "per-layer")) {
        return Error{ErrorCode::InvalidArgument,
                     "--prune '" + text +
                         "': expected SPARSITY[:global|:per-layer], a fraction of the weights set to zero, "
                         "e.g. 0.9 or 0.9:per-layer"};
    }
    settings.mode = mode == "per-layer" ? compress::PruneMode::PerLayer : compress::PruneMode::Global;
    return settings;
}

} // namespace

Expected<cost::Cluster> loadCluster(const std::string& argument) {
    if (argument.empty()) {
        return Error{
            ErrorCode::InvalidArgument,
            "no cluster given: pass a cluster file or PRESET:N (presets: rpi3b, rpi4, rpi5, jetson-nano, "
            "emulated), e.g. --devices rpi4:4"};
    }
    const auto colon = argument.rfind(':');
    if (!std::filesystem::exists(argument) && colon != std::string::npos) {
        const std::string key = argument.substr(0, colon);
        int count = 0;
        try {
            count = std::stoi(argument.substr(colon + 1));
        } catch (const std::exception&) {
        }
        if (!cost::presetDevice(key) || count < 1) {
            std::string keys;
            for (const auto& p : cost::devicePresets()) {
                keys += (keys.empty() ? "" : ", ") + p.key;
            }
            return Error{ErrorCode::InvalidArgument,
                         "'" + argument +
                             "' is neither a cluster file nor PRESET:N with N >= 1 (presets: " + keys + ")"};
        }
        return cost::uniformCluster(key, count);
    }
    return cost::readCluster(argument);
}

Expected<std::size_t> findNode(const model::Graph& graph, const std::string& reference) {
    if (!reference.empty() && reference[0] == '#') {
        try {
            const std::size_t index = std::stoul(reference.substr(1));
            if (index < graph.nodes.size()) {
                return index;
            }
        } catch (const std::exception&) {
        }
        return Error{ErrorCode::InvalidArgument, "'" + reference +
                                                     "' is not a node index (the model has nodes #0..#" +
                                                     std::to_string(graph.nodes.size() - 1) + ")"};
    }
    std::size_t best = 0, bestDistance = SIZE_MAX;
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        if (graph.nodes[i].name == reference) {
            return i;
        }
        const std::size_t d = editDistance(graph.nodes[i].name, reference);
        if (d < bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    std::string message = "no node named '" + reference + "'";
    if (!graph.nodes.empty()) {
        message += " (did you mean '" + graph.nodes[best].name + "'? `tessera analyze` lists the nodes)";
    }
    return Error{ErrorCode::InvalidArgument, message};
}

Expected<LoadedPlan> loadPlanInputs(const PlanInputs& inputs) {
    auto model = loadModelWith(inputs.model, inputs.inputShapes, inputs.weights);
    if (!model) {
        return model.error();
    }
    auto cluster = loadCluster(inputs.cluster);
    if (!cluster) {
        return cluster.error();
    }
    LoadedPlan loaded{std::move(*model), std::move(*cluster), {}, {}};
    if (!inputs.prune.empty()) {
        auto settings = parsePrune(inputs.prune);
        if (!settings) {
            return settings.error();
        }
        loaded.plan.pruning = *settings;
        auto pruning = partition::applyPruning(loaded.plan, loaded.model.graph);
        if (!pruning) {
            return pruning.error().withContext("--prune");
        }
        loaded.pruning = std::move(*pruning);
    }
    if (!inputs.plan.empty()) {
        auto plan = partition::readPlan(inputs.plan, loaded.model.graph, loaded.cluster);
        if (!plan) {
            return plan.error();
        }
        if (auto s = partition::checkPlan(*plan, loaded.model.graph, loaded.cluster); !s) {
            return s.error().withContext(inputs.plan);
        }
        auto pruning = partition::applyPruning(*plan, loaded.model.graph);
        if (!pruning) {
            return pruning.error().withContext(inputs.plan);
        }
        loaded.pruning = std::move(*pruning);
        loaded.plan = std::move(*plan);
    }
    return loaded;
}

} // namespace tessera::cli
