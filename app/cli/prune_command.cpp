// `tessera prune MODEL --sparsity S [--global|--per-layer] [--exclude NAME]... [--out pruned.onnx]`:
// magnitude pruning (core/compress) with a per-layer table of achieved sparsity and of dense against stored
// weight bytes (cost/weight_storage.h: CSR where the engine stores it so), optionally written as ONNX.

#include <cstdio>
#include <iostream>
#include <memory>

#include "app/cli/commands.h"
#include "app/cli/net_loader.h"
#include "core/compress/pruning.h"
#include "core/cost/layer_cost.h"
#include "core/cost/units.h"
#include "core/cost/weight_storage.h"
#include "core/model/zoo.h"

namespace tessera::cli {
namespace {

std::string percent(double fraction) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f%%", 100.0 * fraction);
    return text;
}

std::string pad(const std::string& text, std::size_t width) {
    return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

void printReport(const model::Graph& graph, const compress::PruneReport& report,
                 const cost::ModelCost& before, const cost::ModelCost& after) {
    std::cout << pad("node", 28) << pad("op", 6) << pad("weights", 10) << pad("sparsity", 10)
              << pad("dense", 11) << pad("stored", 11) << "form\n";
    for (const auto& layer : report.layers) {
        const auto storage = cost::sparseCandidate(graph, graph.nodes[layer.node]);
        const std::int64_t dense = layer.elements * 4;
        const std::int64_t stored = storage ? storage->storedBytes : dense;
        const std::string form = !layer.excludedBy.empty() ? "dense (excluded: " + layer.excludedBy + ")"
                                 : storage && storage->form == cost::WeightForm::Csr ? "csr"
                                                                                     : "dense";
        std::cout << pad(layer.name, 28) << pad(layer.opType, 6) << pad(std::to_string(layer.elements), 10)
                  << pad(percent(layer.sparsity()), 10) << pad(cost::formatBytes(dense), 11)
                  << pad(cost::formatBytes(stored), 11) << form << "\n";
    }
    std::cout << "pruned " << report.prunedZeros << " of " << report.prunableElements << " prunable weights ("
              << percent(report.sparsity()) << ")";
    if (report.threshold > 0.f) {
        std::cout << ", global magnitude threshold " << report.threshold;
    }
    std::cout << "\nweights: " << cost::formatBytes(before.storedWeightBytes) << " stored before, "
              << cost::formatBytes(after.storedWeightBytes) << " after (dense "
              << cost::formatBytes(after.weightBytes) << ")\n";
}

} // namespace

Runner addPruneCommand(CLI::App& app) {
    struct Args {
        std::string model;
        std::vector<std::string> inputShapes;
        std::string weights;
        double sparsity = 0;
        bool global = false, perLayer = false, noDefaults = false;
        std::vector<std::string> exclude;
        std::string out;
    };
    auto args = std::make_shared<Args>();
    CLI::App* cmd = app.add_subcommand(
        "prune",
        "Magnitude pruning of Conv/Gemm weights: per-layer sparsity and stored bytes; writes the pruned "
        "model with --out (docs/compression.md)");
    cmd->add_option("model", args->model, "ONNX model (.onnx) or Darknet network (.cfg)")->required();
    cmd->add_option("--sparsity", args->sparsity, "Fraction of the prunable weights set to zero, 0 to 0.99")
        ->required();
    auto* global =
        cmd->add_flag("--global", args->global, "One magnitude threshold over all layers (default)");
    cmd->add_flag("--per-layer", args->perLayer, "Every layer pruned to the sparsity")->excludes(global);
    cmd->add_option("--exclude", args->exclude,
                    "Keep a layer dense: node name, op type (Conv, Gemm), first-conv or depthwise (repeat)");
    cmd->add_flag("--no-default-exclusions", args->noDefaults,
                  "Prune the first convolution and depthwise convolutions too (left dense by default)");
    cmd->add_option("-o,--out", args->out, "Write the pruned model to this ONNX file");
    cmd->add_option(
        "--input-shape", args->inputShapes,
        "Shape for a symbolic input: 1,3,224,224 or NAME:1,3,224,224 (repeat for several inputs)");
    cmd->add_option("--weights", args->weights, "Darknet .weights file for a .cfg model");

    return [args]() {
        auto loaded = loadModelWith(args->model, args->inputShapes, args->weights);
        if (!loaded) {
            return fail(loaded.error().message);
        }
        compress::PruneSettings settings;
        settings.mode = args->perLayer ? compress::PruneMode::PerLayer : compress::PruneMode::Global;
        settings.sparsity = args->sparsity;
        if (args->noDefaults) {
            settings.exclude.clear();
        }
        settings.exclude.insert(settings.exclude.end(), args->exclude.begin(), args->exclude.end());
        const auto before = cost::analyze(loaded->graph);
        auto report = compress::prune(loaded->graph, settings);
        if (!report) {
            return fail(report.error().message);
        }
        if (report->layers.empty()) {
            return fail(args->model + ": no Conv or Gemm layer with constant weights to prune");
        }
        printReport(loaded->graph, *report, before, cost::analyze(loaded->graph));
        if (!args->out.empty()) {
            const std::string doc = "pruned by Tessera: " + std::string(compress::toString(settings.mode)) +
                                    ", sparsity " + std::to_string(settings.sparsity);
            if (auto s = model::saveOnnx(loaded->graph, loaded->opset, args->out, doc); !s) {
                return fail(s.error().message);
            }
            std::cout << "wrote " << args->out << "\n";
        }
        return 0;
    };
}

} // namespace tessera::cli
