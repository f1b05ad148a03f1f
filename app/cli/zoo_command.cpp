#include <filesystem>
#include <iostream>
#include <memory>

#include "app/cli/commands.h"
#include "core/cost/analysis_report.h"
#include "core/cost/layer_cost.h"
#include "core/model/zoo.h"

namespace tessera::cli {

Runner addZooCommand(CLI::App& app) {
    struct Args {
        std::vector<std::string> names;
        std::string outDir = ".";
        std::uint64_t seed = 2026;
        bool list = false;
    };
    auto args = std::make_shared<Args>();
    CLI::App* cmd = app.add_subcommand(
        "zoo", "Write ONNX versions of the reference networks (YOLOv2, AlexNet, VGG-16, ...) "
               "with deterministic weights");
    cmd->add_option("names", args->names, "Networks to write (default: all); see --list");
    cmd->add_option("-o,--out", args->outDir, "Directory for the .onnx files");
    cmd->add_option("--seed", args->seed, "Seed of the weight generator");
    cmd->add_flag("-l,--list", args->list, "List the available networks and exit");

    return [args]() {
        const auto& entries = model::zooEntries();
        if (args->list) {
            for (const auto& e : entries) {
                std::cout << e.name << std::string(14 - std::min<std::size_t>(13, e.name.size()), ' ')
                          << e.description << "\n";
            }
            return 0;
        }
        std::vector<std::string> names = args->names;
        if (names.empty()) {
            for (const auto& e : entries) {
                names.push_back(e.name);
            }
        }
        std::error_code ec;
        std::filesystem::create_directories(args->outDir, ec);
        if (ec) {
            return fail(args->outDir + ": cannot create the directory: " + ec.message());
        }
        for (const auto& name : names) {
            auto built = model::buildZooModel(name, args->seed);
            if (!built) {
                return fail(built.error().message);
            }
            const std::string path = (std::filesystem::path(args->outDir) / (name + ".onnx")).string();
            auto description =
                std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return e.name == name; });
            if (auto saved = model::saveOnnx(built->graph, built->opset, path, description->description);
                !saved) {
                return fail(saved.error().message);
            }
            const auto cost = cost::analyze(built->graph);
            std::cout << path << ": " << cost::groupDigits(cost.params) << " params, "
                      << cost::humanCount(cost.macs) << " MACs\n";
        }
        return 0;
    };
}

} // namespace tessera::cli
