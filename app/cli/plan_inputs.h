#pragma once
// What the plan commands (plan, simulate, export-submodels, verify) share: the model, the cluster (a cluster
// file or PRESET:N for N identical devices) and, except for `plan`, the plan file - options, loading and
// checking, so every command reports a bad file the same way.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "core/cost/cluster.h"
#include "core/model/model.h"
#include "core/partition/plan.h"

namespace tessera::cli {

struct PlanInputs {
    std::string model;
    std::vector<std::string> inputShapes;
    std::string weights;
    std::string plan;    // plan file (empty for `tessera plan`, which makes one)
    std::string cluster; // cluster file or PRESET:N
    std::string prune;   // commands that make a plan: "SPARSITY[:global|:per-layer]", empty for none

    // Registers MODEL [PLAN] [CLUSTER] positionals and --devices / --input-shape / --weights; without a
    // plan (the commands that make one) also --prune.
    void addOptions(CLI::App* command, bool withPlan);
};

struct LoadedPlan {
    model::Model model;
    cost::Cluster cluster;
    partition::Plan plan;          // empty when no plan file was given (but for --prune's settings)
    compress::PruneReport pruning; // what the plan's pruning did to the model (no layers when it has none)
};

// Loads the model and the cluster and, when given, reads and validates the plan (listing every problem) and
// prunes the model's weights as the plan (or --prune, which then sets the plan's pruning) says, so that
// everything after costs and runs the pruned model.
Expected<LoadedPlan> loadPlanInputs(const PlanInputs& inputs);

// A cluster file, or "PRESET:N" (e.g. "rpi4:6") for N devices of a preset named PRESET-1..PRESET-N.
Expected<cost::Cluster> loadCluster(const std::string& argument);

// A node by name or by "#index"; the error suggests the closest name.
Expected<std::size_t> findNode(const model::Graph& graph, const std::string& reference);

} // namespace tessera::cli
