// `tessera bench`: latency of a model on this machine. Needs no real input or weights: every input is
// filled with a fixed synthetic pattern; warm-up runs are not timed; prints min / median / max and the
// throughput at the median in GFLOP/s (FLOPs from the cost model).

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>

#include "app/cli/commands.h"
#include "app/cli/net_loader.h"
#include "core/cost/layer_cost.h"

namespace tessera::cli {

namespace {

std::string fixed(double v, int decimals) {
    char text[48];
    std::snprintf(text, sizeof text, "%.*f", decimals, v);
    return text;
}

} // namespace

Runner addBenchCommand(CLI::App& app) {
    struct Args {
        std::string model;
        std::vector<std::string> inputShapes;
        std::string weights;
        int threads = defaultThreads();
        int warmup = 3;
        int runs = 10;
        bool reference = false;
        bool profile = false;
    };
    auto args = std::make_shared<Args>();
    CLI::App* cmd =
        app.add_subcommand("bench", "Measure inference latency (min / median / max) and GFLOP/s on "
                                    "a synthetic input");
    cmd->add_option("model", args->model, "ONNX model (.onnx) or Darknet network (.cfg)")->required();
    cmd->add_option(
        "--input-shape", args->inputShapes,
        "Shape for a symbolic input: 1,3,224,224 or NAME:1,3,224,224 (repeat for several inputs)");
    cmd->add_option("--weights", args->weights, "Darknet .weights file for a .cfg model");
    cmd->add_option("-t,--threads", args->threads, "Worker threads")->check(CLI::Range(1, 256));
    cmd->add_option("--warmup", args->warmup, "Untimed runs first")->check(CLI::Range(0, 100000));
    cmd->add_option("--runs", args->runs, "Timed runs")->check(CLI::Range(1, 100000));
    cmd->add_flag("--reference", args->reference, "Use the plain reference kernels (slow)");
    cmd->add_flag("--profile", args->profile, "Also time every step and print the time per operator type");

    return [args]() {
        auto loaded = loadModelWith(args->model, args->inputShapes, args->weights);
        if (!loaded) {
            return fail(loaded.error().message);
        }
        // cost of the graph as imported (before BN folding), the work the model defines
        const std::int64_t flops = cost::analyze(loaded->graph).flops;
        exec::NetOptions netOptions;
        netOptions.reference = args->reference;
        auto net = exec::Net::load(std::move(*loaded), netOptions);
        if (!net) {
            return fail(net.error().message);
        }
        exec::Session session(*net, args->threads);
        std::string inputList;
        for (const auto& in : (*net)->graph().inputs) {
            auto buffer = session.input(in.name);
            if (!buffer) {
                return fail(buffer.error().message);
            }
            // the same pattern as the ONNX Runtime oracle's default input
            const auto values = buffer->span();
            for (std::size_t i = 0; i < values.size(); ++i) {
                values[i] = float(std::sin(double(i) * 0.01) * 0.5);
            }
            inputList += (inputList.empty() ? "" : ", ") + in.name + " " + model::toString(in.shape);
        }
        std::cout << args->model << ": " << inputList << ", " << args->threads
                  << (args->threads == 1 ? " thread, " : " threads, ") << args->warmup << " warm-up + "
                  << args->runs << " timed runs\n";

        Status ran;
        for (int i = 0; i < args->warmup && ran; ++i) {
            ran = session.run();
        }
        std::vector<double> ms;
        for (int i = 0; i < args->runs && ran; ++i) {
            ms.push_back(elapsedMs([&] { ran = session.run(); }));
        }
        if (!ran) {
            return fail(args->model + ": " + ran.error().message);
        }
        if (args->profile) {
            // one more pass of the timed runs with per-step timing, reported per operator type
            session.setProfiling(true);
            for (int i = 0; i < args->runs; ++i) {
                (void)session.run();
            }
            std::map<std::string, std::pair<double, int>> byOp;
            double total = 0;
            for (std::size_t i = 0; i < (*net)->steps().size(); ++i) {
                const auto& op = (*net)->graph().nodes[(*net)->steps()[i].node].opType;
                byOp[op].first += session.stepSeconds()[i];
                byOp[op].second += (*net)->steps()[i].kernel ? 1 : 0;
                total += session.stepSeconds()[i];
            }
            std::vector<std::pair<double, std::string>> rows;
            for (const auto& [op, entry] : byOp) {
                rows.emplace_back(entry.first, op);
            }
            std::sort(rows.rbegin(), rows.rend());
            std::vector<std::pair<double, std::size_t>> steps;
            for (std::size_t i = 0; i < session.stepSeconds().size(); ++i) {
                steps.emplace_back(session.stepSeconds()[i], i);
            }
            std::sort(steps.rbegin(), steps.rend());
            std::cout << "profile  time per operator (ms per run, share, kernels run):\n";
            for (const auto& [seconds, op] : rows) {
                std::cout << "  " << op << std::string(std::max<std::size_t>(1, 20 - op.size()), ' ')
                          << fixed(seconds * 1e3 / args->runs, 3) << "  " << fixed(100 * seconds / total, 1)
                          << "%  " << byOp[op].second << "\n";
            }
            std::cout << "profile  slowest steps:\n";
            for (std::size_t k = 0; k < steps.size() && k < 8; ++k) {
                const auto& node = (*net)->graph().nodes[(*net)->steps()[steps[k].second].node];
                std::cout << "  " << node.name << " (" << node.opType << ", "
                          << model::toString((*net)->graph().value(node.outputs[0])->shape) << ")  "
                          << fixed(steps[k].first * 1e3 / args->runs, 3) << " ms\n";
            }
        }
        std::sort(ms.begin(), ms.end());
        const std::size_t n = ms.size();
        const double median = n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
        std::cout << "latency  min " << fixed(ms.front(), 3) << " ms, median " << fixed(median, 3)
                  << " ms, max " << fixed(ms.back(), 3) << " ms\n";
        char gflop[32];
        std::snprintf(gflop, sizeof gflop, "%.4g", double(flops) / 1e9);
        std::cout << "compute  " << gflop << " GFLOP per run, "
                  << fixed(median > 0 ? double(flops) / (median * 1e6) : 0.0, 2)
                  << " GFLOP/s at the median\n";
        return 0;
    };
}

} // namespace tessera::cli
