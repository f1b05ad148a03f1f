#include <fstream>
#include <iostream>
#include <memory>

#include "app/cli/commands.h"
#include "app/cli/net_loader.h"
#include "core/cost/analysis_report.h"
#include "core/cost/layer_cost.h"
#include "core/model/model.h"

namespace tessera::cli {

int fail(const std::string& message) {
    std::cerr << "tessera: error: " << message << "\n";
    return 1;
}

Runner addAnalyzeCommand(CLI::App& app) {
    struct Args {
        std::string model;
        std::vector<std::string> inputShapes;
        std::string weights;
        std::string format = "table";
        std::string output;
    };
    auto args = std::make_shared<Args>();
    CLI::App* cmd =
        app.add_subcommand("analyze", "Per-layer cost report of a model: MACs, parameters, activations, "
                                      "peak memory with buffer reuse");
    cmd->add_option("model", args->model, "ONNX model (.onnx) or Darknet network (.cfg)")->required();
    cmd->add_option(
        "--input-shape", args->inputShapes,
        "Shape for a symbolic input: 1,3,224,224 or NAME:1,3,224,224 (repeat for several inputs)");
    cmd->add_option("--weights", args->weights, "Darknet .weights file for a .cfg model");
    cmd->add_option("--format", args->format, "Report format")
        ->check(CLI::IsMember({"table", "csv", "json"}));
    cmd->add_option("-o,--output", args->output, "Write the report to this file instead of standard output");

    return [args]() {
        auto loaded = loadModelWith(args->model, args->inputShapes, args->weights);
        if (!loaded) {
            return fail(loaded.error().message);
        }
        const auto cost = cost::analyze(loaded->graph);
        const auto format = args->format == "csv"    ? cost::ReportFormat::Csv
                            : args->format == "json" ? cost::ReportFormat::Json
                                                     : cost::ReportFormat::Table;
        const std::string report = cost::formatReport(*loaded, cost, format);
        if (args->output.empty()) {
            std::cout << report;
            return 0;
        }
        std::ofstream out(args->output, std::ios::trunc);
        if (!(out << report)) {
            return fail(args->output + ": cannot write the report");
        }
        return 0;
    };
}

} // namespace tessera::cli
