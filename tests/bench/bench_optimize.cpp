// Optimizer benchmark (run by hand, recorded in docs/benchmarks.md): for YOLOv2-608, VGG-16, AlexNet and
// Extraction on 2..8 identical devices, the time to build the candidates and to solve each objective, and
// whether the optimum was proven; then two comparisons with the literature's fixed configurations:
//   - traffic of the communication-optimal plan with every layer split (DeeperThings' setting) / all-LOP,
//   - largest device memory of the memory-optimal plan / DeepThings' 16-layer 5x5 FTP (YOLOv2).
// Both measured with the plan costs of the compiled plans, not the optimizer's own estimate.
//
// usage: bench_optimize [PRESET] [TIME_LIMIT_S] [MODEL...]      (defaults: rpi4, 30, the four models)
//        BENCH_DEVICES=6 bench_optimize ...                        (one device count instead of 2, 4, 6, 8)

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/model/zoo.h"
#include "core/optimize/candidates.h"
#include "core/optimize/dp.h"
#include "core/optimize/ilp.h"
#include "core/partition/program.h"
#include "core/sim/plan_cost.h"

using namespace tessera;
using optimize::Objective;

namespace {

double since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::int64_t maxMemory(const sim::PlanCost& c) {
    std::int64_t m = 0;
    for (const auto& d : c.devices) {
        m = std::max(m, d.totalBytes);
    }
    return m;
}

// Every unit that can be split by output channels over all devices (equal shares) is; the rest on the
// gateway.
partition::Plan allLop(const model::Graph& g, const cost::Cluster& c) {
    partition::Plan plan;
    for (const auto& u : optimize::graphUnits(g)) {
        partition::Stage s;
        s.first = u.first;
        s.last = u.last;
        const auto& out = g.value(g.nodes[u.last].outputs[0])->shape;
        s.kind = partition::StageKind::Lop;
        s.channelCuts = partition::proportionalCuts(out.size() > 1 ? out[1] : 0,
                                                    std::vector<double>(c.devices.size(), 1.0));
        for (std::size_t d = 0; d < c.devices.size(); ++d) {
            s.devices.push_back(int(d));
        }
        if (s.channelCuts.size() + 1 != c.devices.size() || !partition::validateStage(s, g, c).empty()) {
            s.kind = partition::StageKind::Device;
            s.channelCuts.clear();
            s.devices = {c.gateway};
        }
        plan.stages.push_back(s);
    }
    return plan;
}

// DeepThings: Darknet layers 0..15 of YOLOv2 in 5x5 tiles round-robin over the devices, the rest on the
// gateway.
partition::Plan deepThings(const model::Graph& g, const cost::Cluster& c) {
    partition::Stage tiles;
    tiles.kind = partition::StageKind::Tiles;
    while (g.nodes[tiles.last].name != "conv_15_leaky") {
        ++tiles.last;
    }
    tiles.rowCuts = tiles.colCuts = partition::uniformCuts(38, 5);
    for (std::size_t t = 0; t < tiles.cells(); ++t) {
        tiles.devices.push_back(int(t % c.devices.size()));
    }
    partition::Stage rest;
    rest.first = tiles.last + 1;
    rest.last = g.nodes.size() - 1;
    rest.devices = {c.gateway};
    partition::Plan plan;
    plan.stages = {tiles, rest};
    return plan;
}

sim::PlanCost costOf(const model::Model& m, const partition::Plan& plan, const cost::Cluster& c) {
    auto program = partition::compile(m, plan, c);
    return program ? sim::planCost(*program, m.graph, c) : sim::PlanCost{};
}

} // namespace

int main(int argc, char** argv) {
    const std::string preset = argc > 1 ? argv[1] : "rpi4";
    const double limit = argc > 2 ? std::atof(argv[2]) : 30;
    std::vector<std::string> models;
    for (int i = 3; i < argc; ++i) {
        models.push_back(argv[i]);
    }
    if (models.empty()) {
        models = {"yolov2-608", "vgg16", "alexnet", "extraction"};
    }
    std::printf("%-11s %3s %8s %8s | %-28s | %-28s | %-28s | %9s %9s\n", "model", "dev", "options", "build s",
                "memory: solve s (status)", "traffic: solve s (status)", "latency: solve s (status)",
                "traffic/", "memory/");
    std::printf("%-11s %3s %8s %8s | %-28s | %-28s | %-28s | %9s %9s\n", "", "", "", "", "", "", "",
                "all-LOP", "DeepThgs");
    for (const auto& name : models) {
        auto m = model::buildZooModel(name);
        if (!m) {
            std::fprintf(stderr, "%s\n", m.error().message.c_str());
            return 1;
        }
        const char* only = std::getenv("BENCH_DEVICES");
        for (int devices = only ? std::atoi(only) : 2; devices <= (only ? std::atoi(only) : 8);
             devices += 2) {
            const auto cluster = cost::uniformCluster(preset, devices);
            auto start = std::chrono::steady_clock::now();
            auto problem = optimize::buildProblem(*m, cluster);
            const double build = since(start);
            if (!problem) {
                std::fprintf(stderr, "%s on %d devices: %s\n", name.c_str(), devices,
                             problem.error().message.c_str());
                return 1;
            }
            std::printf("%-11s %3d %8zu %8.1f", name.c_str(), devices, problem->options.size(), build);
            std::vector<int> memoryChoice;
            for (Objective objective : {Objective::Memory, Objective::Traffic, Objective::Latency}) {
                optimize::SolveOptions options;
                options.timeLimitSeconds = limit;
                auto s = optimize::solveIlp(*problem, objective, options);
                std::printf(" | %6.2f %-21s", s ? s->seconds : 0.0,
                            s ? s->status.substr(0, 21).c_str() : "error");
                if (objective != Objective::Memory && optimize::isChain(*problem)) {
                    auto dpStart = std::chrono::steady_clock::now();
                    auto d = optimize::solveDp(*problem, objective);
                    std::fprintf(stderr, "%s %d %s dp %.3f s %s value %.6g vs ilp %.6g\n", name.c_str(),
                                 devices, objective == Objective::Traffic ? "traffic" : "latency",
                                 since(dpStart), d ? d->status.c_str() : d.error().message.c_str(),
                                 d ? d->figures.value(objective) : 0.0,
                                 s ? s->figures.value(objective) : 0.0);
                }
                if (s && objective == Objective::Memory) {
                    memoryChoice = s->chosen;
                }
            }
            // traffic with every layer split (DeeperThings) against all-LOP
            optimize::CandidateOptions split;
            split.wholeLayers = false;
            split.grids = {};
            auto splitProblem = optimize::buildProblem(*m, cluster, split);
            double trafficRatio = 0;
            if (splitProblem) {
                optimize::SolveOptions options;
                options.timeLimitSeconds = limit;
                auto best = optimize::solveIlp(*splitProblem, Objective::Traffic, options);
                const auto lop = costOf(*m, allLop(m->graph, cluster), cluster);
                if (best && lop.trafficBytes > 0) {
                    const auto chosen = costOf(*m, optimize::toPlan(*splitProblem, best->chosen), cluster);
                    trafficRatio = double(chosen.trafficBytes) / double(lop.trafficBytes);
                }
            }
            double memoryRatio = 0;
            if (name.rfind("yolov2", 0) == 0 && !memoryChoice.empty()) {
                const auto chosen = costOf(*m, optimize::toPlan(*problem, memoryChoice), cluster);
                const auto fixed = costOf(*m, deepThings(m->graph, cluster), cluster);
                memoryRatio = double(maxMemory(chosen)) / double(maxMemory(fixed));
            }
            std::printf(" | %9.3f %9s\n", trafficRatio,
                        memoryRatio > 0 ? std::to_string(memoryRatio).substr(0, 5).c_str() : "-");
            std::fflush(stdout);
        }
    }
    return 0;
}
