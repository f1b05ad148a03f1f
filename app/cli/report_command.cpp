// `tessera report`: the report of a plan on a cluster (core/report) as a self-contained HTML page, JSON or
// CSV tables; optionally beside a second plan and with the figures of a recorded run. PDF is drawn with Qt
// by the studio (`tessera-studio --report out.pdf PROJECT`); this Qt-free tool says so.

#include <cctype>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/cli/commands.h"
#include "app/cli/net_loader.h"
#include "app/cli/plan_inputs.h"
#include "core/base/file_io.h"
#include "core/report/report.h"
#include "core/report/writers.h"

namespace tessera::cli {
Runner addReportCommand(CLI::App& app) {
    struct Args {
        std::string model, cluster, plan, compare, measured, out, format;
        std::vector<std::string> inputShapes;
        std::string weights;
        int frames = 10;
    };
    auto args = std::make_shared<Args>();
    CLI::App* cmd = app.add_subcommand(
        "report",
        "Write the report of a plan: model, cluster, stages, memory, traffic, latency (HTML, JSON, CSV)");
    cmd->add_option("model", args->model, "ONNX model (.onnx) or Darknet network (.cfg)")->required();
    cmd->add_option("--devices", args->cluster, "Cluster file, or PRESET:N (e.g. rpi4:6)")->required();
    cmd->add_option("--plan", args->plan, "Plan file (JSON, see docs/file-formats.md)")->required();
    cmd->add_option("--compare", args->compare, "A second plan file, compared side by side");
    cmd->add_option(
        "--measured", args->measured,
        "Run record written by `tessera cluster-run --record` (measured latency, compute, bytes, RSS)");
    cmd->add_option("-o,--out", args->out,
                    "Output file; the format follows its extension (.html, .json, .csv: the per-layer table, "
                    "with the per-device table in NAME-devices.csv)")
        ->required();
    cmd->add_option("--format", args->format, "Format, when the extension does not say")
        ->check(CLI::IsMember({"html", "json", "csv", "pdf"}));
    cmd->add_option("--frames", args->frames, "Frames of the simulated stream (predicted throughput)")
        ->capture_default_str()
        ->check(CLI::Range(1, 100000));
    cmd->add_option(
        "--input-shape", args->inputShapes,
        "Shape for a symbolic input: 1,3,224,224 or NAME:1,3,224,224 (repeat for several inputs)");
    cmd->add_option("--weights", args->weights, "Darknet .weights file for a .cfg model");

    return [args]() {
        const auto format =
            args->format.empty() ? report::formatOfPath(args->out) : report::formatFromName(args->format);
        if (!format) {
            return fail("--out " + args->out +
                        ": cannot tell the format from the extension; use .html, .json or .csv, or --format");
        }
        if (*format == report::Format::Pdf) {
            return fail("PDF reports are drawn with Qt by the studio, and this command-line tool is Qt-free: "
                        "run `tessera-studio --report " +
                        args->out +
                        " PROJECT.tessera` (headless), or write --out report.html and print it to PDF");
        }
        auto model = loadModelWith(args->model, args->inputShapes, args->weights);
        if (!model) {
            return fail(model.error().message);
        }
        auto cluster = loadCluster(args->cluster);
        if (!cluster) {
            return fail(cluster.error().message);
        }
        auto plan = partition::readPlan(args->plan, model->graph, *cluster);
        if (!plan) {
            return fail(plan.error().message);
        }
        report::ReportInputs inputs;
        inputs.model = &*model;
        inputs.cluster = &*cluster;
        inputs.plan = {std::filesystem::path(args->plan).filename().string(), std::move(*plan)};
        inputs.streamFrames = args->frames;
        if (!args->compare.empty()) {
            auto other = partition::readPlan(args->compare, model->graph, *cluster);
            if (!other) {
                return fail(other.error().message);
            }
            std::string label = std::filesystem::path(args->compare).filename().string();
            if (label == inputs.plan.label) {
                label = args->compare;
            }
            inputs.compare = report::PlanToReport{label, std::move(*other)};
        }
        if (!args->measured.empty()) {
            auto record = report::readRunRecord(args->measured);
            if (!record) {
                return fail(record.error().message);
            }
            if (auto s = report::checkRunRecord(*record, *cluster); !s) {
                return fail(s.error().withContext(args->measured).message);
            }
            inputs.measured = std::move(*record);
        }
        auto built = report::buildReport(inputs);
        if (!built) {
            return fail(built.error().message);
        }
        std::vector<std::pair<std::string, std::string>> files;
        if (*format == report::Format::Json) {
            files.emplace_back(args->out, report::reportToJson(*built));
        } else if (*format == report::Format::Csv) {
            files.emplace_back(args->out, report::layersCsv(*built));
            files.emplace_back(report::devicesCsvPath(args->out), report::devicesCsv(*built));
        } else {
            files.emplace_back(args->out, report::reportToHtml(*built));
        }
        for (const auto& [path, text] : files) {
            if (auto s = writeFileAtomically(path, text); !s) {
                return fail(s.error().message);
            }
            std::cout << "wrote " << path << "\n";
        }
        for (const auto& line : built->plan.overBudget) {
            std::cout << "warning: " << line << "\n";
        }
        return 0;
    };
}

} // namespace tessera::cli
