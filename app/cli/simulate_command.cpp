// `tessera simulate`: the predicted cost of a plan on a cluster - memory per device against its budget,
// traffic per device and link, redundant work - and an event-driven simulation of one frame and of a stream
// of frames, with a text Gantt chart.

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>

#include "app/cli/commands.h"
#include "app/cli/plan_inputs.h"
#include "app/cli/plan_report.h"
#include "core/cost/units.h"
#include "core/partition/program.h"
#include "core/sim/plan_cost.h"
#include "core/sim/simulator.h"

namespace tessera::cli {
Runner addSimulateCommand(CLI::App& app) {
    struct Args {
        PlanInputs inputs;
        int frames = 10;
        double interval = 0;
        int width = 100;
    };
    auto args = std::make_shared<Args>();
    CLI::App* cmd = app.add_subcommand(
        "simulate",
        "Predict a plan's memory per device, traffic and latency on a cluster (with a text Gantt chart)");
    args->inputs.addOptions(cmd, true);
    cmd->add_option("--frames", args->frames, "Frames in the simulated stream")
        ->capture_default_str()
        ->check(CLI::Range(1, 100000));
    cmd->add_option("--interval", args->interval,
                    "Seconds between frames of the stream (0: as fast as possible)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--gantt-width", args->width, "Columns of the Gantt chart")
        ->capture_default_str()
        ->check(CLI::Range(20, 400));

    return [args]() {
        auto loaded = loadPlanInputs(args->inputs);
        if (!loaded) {
            return fail(loaded.error().message);
        }
        const auto& cluster = loaded->cluster;
        auto program = partition::compile(loaded->model, loaded->plan, cluster);
        if (!program) {
            return fail(program.error().message);
        }
        const auto costs = sim::planCost(*program, loaded->model.graph, cluster);
        std::cout << "Plan: " << loaded->plan.stages.size() << " stages, " << program->tasks.size()
                  << " tasks on " << cluster.devices.size() << " devices (gateway "
                  << cluster.devices[std::size_t(cluster.gateway)].name << ")\n\n";
        printPlanCosts(std::cout, costs, cluster);

        const auto single = sim::simulate(*program, cluster, {1, 0});
        sim::SimOptions stream{args->frames, args->interval};
        const auto many = sim::simulate(*program, cluster, stream);
        std::vector<double> latencies = many.frameLatency;
        std::sort(latencies.begin(), latencies.end());
        std::cout << "\nLatency, one frame: " << cost::formatSeconds(single.frameLatency.at(0)) << "\n";
        std::cout << "Period, pipelined: " << cost::formatSeconds(single.periodSeconds)
                  << " per frame (the busiest device's compute or link; at most " << 1 / single.periodSeconds
                  << " frames/s)\n";
        std::cout << "Stream of " << args->frames << " frames: " << many.throughput
                  << " frames/s, latency median " << cost::formatSeconds(latencies[latencies.size() / 2])
                  << ", max " << cost::formatSeconds(latencies.back()) << "\n\n";
        std::cout << "One frame:\n" << sim::ganttText(single, *program, cluster, args->width);
        for (const auto& problem : costs.overBudget(cluster)) {
            std::cout << "warning: " << problem << "\n";
        }
        return 0;
    };
}

} // namespace tessera::cli
