// `tessera verify`: runs a plan task by task in this process (every task sees only the regions the plan sends
// it) and compares the outputs with the unpartitioned run. `tessera export-submodels`: one ONNX file per
// device with only its weight slices.

#include <cmath>
#include <iostream>
#include <memory>
#include <random>

#include "app/cli/commands.h"
#include "app/cli/net_loader.h"
#include "app/cli/plan_inputs.h"
#include "core/cost/units.h"
#include "core/exec/net.h"
#include "core/exec/npy.h"
#include "core/partition/executor.h"
#include "core/partition/program.h"
#include "core/partition/submodel.h"

namespace tessera::cli {
namespace {

// A fixed pseudo-random input for every graph input, or the .npy given for the only input.
Expected<std::map<std::string, std::vector<float>>> inputsFor(const model::Graph& g, const std::string& npy) {
    std::map<std::string, std::vector<float>> inputs;
    std::mt19937 rng(2026);
    std::uniform_real_distribution<float> u(-1.f, 1.f);
    for (const auto& in : g.inputs) {
        auto& v = inputs[in.name];
        v.resize(std::size_t(model::elementCount(in.shape)));
        for (auto& x : v) {
            x = u(rng);
        }
    }
    if (!npy.empty()) {
        auto array = exec::readNpy(npy);
        if (!array) {
            return array.error();
        }
        if (g.inputs.size() != 1 || array->shape != g.inputs[0].shape) {
            return Error{ErrorCode::InvalidArgument,
                         npy + ": shape " + model::toString(array->shape) +
                             " does not fit the model's input " +
                             (g.inputs.empty() ? "" : model::toString(g.inputs[0].shape))};
        }
        inputs.begin()->second = std::move(array->data);
    }
    return inputs;
}

} // namespace

Runner addVerifyCommand(CLI::App& app) {
    struct Args {
        PlanInputs inputs;
        std::string input;
        int threads = defaultThreads();
        double tolerance = 1e-4;
    };
    auto args = std::make_shared<Args>();
    CLI::App* cmd = app.add_subcommand(
        "verify",
        "Run a plan task by task on this machine and compare its outputs with the unpartitioned model");
    args->inputs.addOptions(cmd, true);
    cmd->add_option("--input", args->input,
                    "Input tensor (.npy) for a single-input model; default: fixed random data");
    cmd->add_option("--threads", args->threads, "Threads per task")->check(CLI::Range(1, 256));
    cmd->add_option("--tolerance", args->tolerance, "Largest accepted relative L2 error of an output")
        ->capture_default_str();

    return [args]() {
        auto loaded = loadPlanInputs(args->inputs);
        if (!loaded) {
            return fail(loaded.error().message);
        }
        auto inputs = inputsFor(loaded->model.graph, args->input);
        if (!inputs) {
            return fail(inputs.error().message);
        }
        auto program = partition::compile(loaded->model, loaded->plan, loaded->cluster);
        if (!program) {
            return fail(program.error().message);
        }
        partition::ExecutionOptions options;
        options.threads = args->threads;
        auto partitioned = partition::execute(*program, loaded->model, *inputs, options);
        if (!partitioned) {
            return fail(partitioned.error().message);
        }
        auto net = exec::Net::load(loaded->model);
        if (!net) {
            return fail(net.error().message);
        }
        exec::Session session(*net, args->threads);
        for (const auto& [name, data] : *inputs) {
            if (auto s = session.setInput(name, data.data(), data.size()); !s) {
                return fail(s.error().message);
            }
        }
        if (auto s = session.run(); !s) {
            return fail(s.error().message);
        }
        std::cout << program->tasks.size() << " tasks on " << loaded->cluster.devices.size() << " devices, "
                  << cost::formatBytes(partitioned->bytesMoved) << " exchanged\n";
        bool ok = true;
        for (const auto& out : loaded->model.graph.outputs) {
            auto want = session.output(out.name);
            const auto& got = partitioned->outputs.at(out.name);
            double num = 0, den = 0, maxAbs = 0;
            for (std::int64_t i = 0; i < want->elements(); ++i) {
                const double e = double(got[std::size_t(i)]) - want->data[i];
                num += e * e;
                den += double(want->data[i]) * want->data[i];
                maxAbs = std::max(maxAbs, std::abs(e));
            }
            const double relative = den > 0 ? std::sqrt(num / den) : std::sqrt(num);
            const bool pass = relative <= args->tolerance;
            ok = ok && pass;
            std::cout << "  " << out.name << " " << model::toString(out.shape) << ": relative L2 error "
                      << relative << ", max abs error " << maxAbs << (pass ? "  ok" : "  TOO LARGE") << "\n";
        }
        std::cout << (ok ? "The partitioned run reproduces the model.\n"
                         : "The partitioned run differs from the model beyond the tolerance.\n");
        return ok ? 0 : 1;
    };
}

Runner addExportSubmodelsCommand(CLI::App& app) {
    struct Args {
        PlanInputs inputs;
        std::string directory;
    };
    auto args = std::make_shared<Args>();
    CLI::App* cmd = app.add_subcommand("export-submodels",
                                       "Write one ONNX file per device holding only what that device runs");
    args->inputs.addOptions(cmd, true);
    cmd->add_option("-o,--output-dir", args->directory, "Directory for <device>.onnx files")->required();

    return [args]() {
        auto loaded = loadPlanInputs(args->inputs);
        if (!loaded) {
            return fail(loaded.error().message);
        }
        auto program = partition::compile(loaded->model, loaded->plan, loaded->cluster);
        if (!program) {
            return fail(program.error().message);
        }
        auto written = partition::exportSubmodels(*program, loaded->model, loaded->cluster, args->directory);
        if (!written) {
            return fail(written.error().message);
        }
        for (const auto& path : *written) {
            std::cout << path << "\n";
        }
        return 0;
    };
}

} // namespace tessera::cli
