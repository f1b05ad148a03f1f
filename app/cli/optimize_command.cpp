// `tessera optimize`: the best plan for an objective under the devices' memory budgets, found by the
// integer program (GLPK) or, for chains, the dynamic program; or the Pareto front of latency (or traffic or
// throughput) against the largest per-device memory.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/cli/commands.h"
#include "app/cli/console.h"
#include "app/cli/plan_inputs.h"
#include "app/cli/plan_report.h"
#include "core/cost/units.h"
#include "core/optimize/candidates.h"
#include "core/optimize/checked.h"
#include "core/optimize/ilp.h"
#include "core/partition/program.h"
#include "core/sim/simulator.h"

namespace tessera::cli {
namespace {

// The names --objective accepts (optimize::toString of each objective).
std::vector<std::string> objectiveNames() {
    std::vector<std::string> names;
    for (const optimize::Objective objective : optimize::kObjectives) {
        names.emplace_back(optimize::toString(objective));
    }
    return names;
}

// "--budget 512M" for every device or "--budget NAME=512M" for one.
Status applyBudgets(const std::vector<std::string>& budgets, cost::Cluster& cluster) {
    for (const auto& text : budgets) {
        const auto eq = text.find('=');
        auto bytes = cost::parseBytes(eq == std::string::npos ? text : text.substr(eq + 1));
        if (!bytes) {
            return bytes.error().withContext("--budget");
        }
        if (eq == std::string::npos) {
            for (auto& d : cluster.devices) {
                d.memoryBytes = *bytes;
            }
            continue;
        }
        auto device = cluster.find(text.substr(0, eq));
        if (!device) {
            return Error{ErrorCode::InvalidArgument,
                         "--budget: no device named '" + text.substr(0, eq) + "'"};
        }
        cluster.devices[std::size_t(*device)].memoryBytes = *bytes;
    }
    return {};
}

// Frames of the simulated stream printed for a throughput plan: enough for the pipeline to fill.
constexpr int kStreamFrames = 16;

std::string figures(const optimize::Evaluation& e) {
    return "largest device memory " + cost::formatBytes(e.maxMemoryBytes) + ", traffic " +
           cost::formatBytes(e.trafficBytes) + ", latency " + cost::formatSeconds(e.latencySeconds) +
           " (stages one after another), period " + cost::formatSeconds(e.periodSeconds) +
           " per frame pipelined";
}

} // namespace

Runner addOptimizeCommand(CLI::App& app) {
    struct Args {
        PlanInputs inputs;
        std::string objective = "latency";
        std::vector<std::string> budgets;
        bool pareto = false;
        int points = 8;
        std::string solver = "auto";
        double timeLimit = 60;
        std::vector<int> grids = {2, 3, 4, 5};
        int maxTileUnits = 16;
        bool noReuse = false, noChannelSplits = false, quiet = false;
        std::string output;
    };
    auto args = std::make_shared<Args>();
    CLI::App* cmd =
        app.add_subcommand("optimize", "Find the plan that minimises memory, traffic or latency, or "
                                       "maximises throughput, under the devices' memory budgets");
    args->inputs.addOptions(cmd, false);
    cmd->add_option("--objective", args->objective,
                    "What to optimise (throughput: the least period between frames of a pipelined stream)")
        ->check(CLI::IsMember(objectiveNames()))
        ->capture_default_str();
    cmd->add_option("--budget", args->budgets, "Memory budget: SIZE for every device or NAME=SIZE (repeat)");
    cmd->add_flag("--pareto", args->pareto,
                  "The Pareto front of the objective against the largest device memory");
    cmd->add_option("--points", args->points, "Epsilon steps of the Pareto front")
        ->capture_default_str()
        ->check(CLI::Range(1, 100));
    cmd->add_option("--solver", args->solver, "ilp (GLPK), dp (chains only) or auto")
        ->check(CLI::IsMember({"auto", "ilp", "dp"}))
        ->capture_default_str();
    cmd->add_option("--time-limit", args->timeLimit, "Seconds the integer program may search")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    cmd->add_option("--grids", args->grids, "Square tile grids to consider")
        ->delimiter(',')
        ->capture_default_str();
    cmd->add_option("--max-tile-units", args->maxTileUnits, "Deepest tile block, in layers")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000));
    cmd->add_flag("--no-reuse", args->noReuse, "Do not consider data reuse in tile blocks");
    cmd->add_flag("--no-channel-splits", args->noChannelSplits, "Do not consider LOP and LIP");
    cmd->add_flag("-q,--quiet", args->quiet, "No progress on stderr");
    cmd->add_option("-o,--out", args->output,
                    "Write the plan here (JSON); with --pareto, NAME-1.json, NAME-2.json...")
        ->required();

    return [args]() {
        auto loaded = loadPlanInputs(args->inputs);
        if (!loaded) {
            return fail(loaded.error().message);
        }
        if (auto s = applyBudgets(args->budgets, loaded->cluster); !s) {
            return fail(s.error().message);
        }
        const auto& g = loaded->model.graph;
        const auto& cluster = loaded->cluster;
        const optimize::Objective objective = *optimize::parseObjective(args->objective); // checked above
        optimize::CandidateOptions candidates;
        candidates.grids = args->grids;
        candidates.maxTileUnits = args->maxTileUnits;
        candidates.dataReuse = !args->noReuse;
        candidates.channelSplits = !args->noChannelSplits;
        // Ctrl-C stops measuring or searching; a search keeps the best plan found so far. Installed until the
        // process exits: a Ctrl-C that comes as the search ends (while the plan is written) must not kill it.
        static const InterruptStop interrupt;
        const ProgressFn progress = args->quiet ? ProgressFn{} : consoleProgress();
        candidates.stop = &interrupt.token();
        candidates.progress = progress;
        const auto start = std::chrono::steady_clock::now();
        auto problem = optimize::buildProblem(loaded->model, cluster, candidates);
        endProgress();
        if (!problem) {
            return fail(problem.error().message);
        }
        std::printf("Candidates: %zu stages over %zu layers, measured in %.1f s\n", problem->options.size(),
                    problem->units,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        optimize::SolveOptions solve;
        solve.timeLimitSeconds = args->timeLimit;
        solve.stop = &interrupt.token();
        solve.progress = progress;

        const std::filesystem::path out(args->output);
        if (args->pareto) {
            if (objective == optimize::Objective::Memory) {
                return fail("--pareto sets latency, traffic or throughput against memory: choose --objective "
                            "latency, traffic or throughput");
            }
            auto front = optimize::paretoFront(*problem, objective, args->points, solve);
            endProgress();
            if (!front) {
                return fail(front.error().message);
            }
            std::cout << "Pareto front (" << args->objective << " against the largest device memory):\n";
            for (std::size_t k = 0; k < front->size(); ++k) {
                const auto& s = (*front)[k];
                auto plan = optimize::toPlan(*problem, s.chosen);
                plan.pruning = loaded->plan.pruning;
                const std::string path =
                    (out.parent_path() /
                     (out.stem().string() + "-" + std::to_string(k + 1) + out.extension().string()))
                        .string();
                if (auto written = partition::writePlan(plan, g, cluster, path); !written) {
                    return fail(written.error().message);
                }
                // the front is drawn with the optimizer's memory model; the plan's own costs may add buffers
                auto program = partition::compile(loaded->model, plan, cluster);
                if (!program) {
                    return fail(program.error().message);
                }
                std::string over;
                for (const auto& line : sim::planCost(*program, g, cluster).overBudget(cluster)) {
                    over += " [" + line + "]";
                }
                std::cout << "  " << k + 1 << ". " << figures(s.figures) << (s.optimal ? "" : " [not proven]")
                          << over << " -> " << path << "\n";
            }
            return 0;
        }

        const auto choice = args->solver == "dp"    ? optimize::SolverChoice::Dp
                            : args->solver == "ilp" ? optimize::SolverChoice::Ilp
                                                    : optimize::SolverChoice::Auto;
        auto best =
            optimize::solveBest(loaded->model, cluster, std::move(*problem), objective, choice, solve);
        endProgress();
        if (!best) {
            return fail(best.error().message);
        }
        const auto& s = best->solution;
        std::printf("Solver: %s, %s in %.2f s%s\n",
                    best->dynamicProgram ? "dynamic program" : "GLPK integer program", s.status.c_str(),
                    s.seconds,
                    best->solves > 1 ? (" (" + std::to_string(best->solves) +
                                        " solves: budgets lowered to leave room for buffers)")
                                           .c_str()
                                     : "");
        best->plan.pruning = loaded->plan.pruning;
        if (auto written = partition::writePlan(best->plan, g, cluster, args->output); !written) {
            return fail(written.error().message);
        }
        printStages(std::cout, best->plan, g, cluster);
        std::cout << "Optimizer's estimate: " << figures(s.figures) << "\n\n";
        printPlanCosts(std::cout, best->cost, cluster);
        const auto simulated = sim::simulate(best->program, cluster);
        std::cout << "Simulated latency, one frame: " << cost::formatSeconds(simulated.frameLatency.at(0))
                  << "\n";
        if (objective == optimize::Objective::Throughput) {
            sim::SimOptions stream;
            stream.frames = kStreamFrames;
            std::printf("Simulated stream of %d frames: %.3g frames/s\n", stream.frames,
                        sim::simulate(best->program, cluster, stream).throughput);
        }
        std::cout << "Written to " << args->output << "\n";
        return 0;
    };
}

} // namespace tessera::cli
