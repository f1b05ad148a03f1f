// tessera-node: the device runtime. `--bundle DIR` serves the device's share of a plan from its deployment
// bundle (core/net: gateway or worker, as the bundle says; docs/runtime.md); --check loads a model and prints
// the memory it needs; --self-test checks the execution engine on the device itself.

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/cost/analysis_report.h"
#include "core/cost/layer_cost.h"
#include "core/exec/self_test.h"
#include "core/model/model.h"
#include "core/net/node_runtime.h"

namespace {

tessera::StopToken g_stop;

void requestStop(int) {
    g_stop.requestStop();
}

int usage() {
    std::cerr
        << "usage: tessera-node --version\n"
           "       tessera-node --check MODEL.onnx [--input-shape 1,3,H,W]\n"
           "       tessera-node --self-test\n"
           "       tessera-node --bundle DIR [--listen ENDPOINT] [--threads N] [--heartbeat-ms MS]\n"
           "                    [--heartbeat-misses N] [--telemetry-listen ENDPOINT] [--slowdown FACTOR]\n";
    return 2;
}

// Serves the bundle until SIGINT or SIGTERM. Log lines go to stderr, prefixed with the device's name.
int serve(const std::vector<std::string>& args) {
    std::string dir, listen;
    int threads = 1;
    tessera::net::NodeOptions options;
    for (std::size_t i = 0; i + 1 < args.size(); i += 2) {
        if (args[i] == "--bundle") {
            dir = args[i + 1];
        } else if (args[i] == "--listen") {
            listen = args[i + 1];
        } else if (args[i] == "--threads") {
            threads = std::max(1, std::atoi(args[i + 1].c_str()));
        } else if (args[i] == "--heartbeat-ms") {
            options.heartbeatInterval =
                std::chrono::milliseconds(std::max(10, std::atoi(args[i + 1].c_str())));
        } else if (args[i] == "--heartbeat-misses") {
            options.heartbeatMisses = std::max(1, std::atoi(args[i + 1].c_str()));
        } else if (args[i] == "--telemetry-listen") {
            options.telemetryListen = args[i + 1];
        } else if (args[i] == "--slowdown") {
            // emulates a slower device (tests, demonstrations of work stealing)
            options.slowdown = std::max(1.0, std::atof(args[i + 1].c_str()));
        } else {
            return usage();
        }
    }
    if (dir.empty() || args.size() % 2 != 0) {
        return usage();
    }
    auto bundle = tessera::net::loadBundle(dir);
    if (!bundle) {
        std::cerr << "tessera-node: error: " << bundle.error().message << "\n";
        return 1;
    }
    const auto& d = bundle->description;
    const std::string name = d.devices[std::size_t(d.device)].name;
    auto mutex = std::make_shared<std::mutex>();
    options.threads = threads;
    options.listen = listen;
    options.log = [mutex, name](const std::string& line) {
        std::lock_guard lock(*mutex);
        std::cerr << "tessera-node [" << name << "]: " << line << std::endl;
    };
    std::cerr << "tessera-node [" << name << "]: loaded " << dir << ", peak RSS "
              << tessera::net::peakRssBytes() << " B" << std::endl;
    auto node = tessera::net::NodeRuntime::create(std::move(*bundle), options);
    if (!node) {
        std::cerr << "tessera-node: error: " << node.error().message << "\n";
        return 1;
    }
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    if (auto s = (*node)->serve(g_stop); !s) {
        std::cerr << "tessera-node: error: " << s.error().message << "\n";
        return 1;
    }
    return 0;
}

// Prints one line per case, a conv layer's speed and a summary; 0 when every case passed.
int selfTest() {
    using namespace tessera::exec;
    std::printf("tessera-node %s self-test: kernels built for %s\n", TESSERA_VERSION, kernelTarget().c_str());
    std::printf("every case: optimised kernels on 1 and 3 threads against the reference kernels\n");
    double seconds = 0.0;
    const auto results = runSelfTest([&seconds](const SelfTestResult& r) {
        seconds += r.seconds;
        if (!r.error.empty()) {
            std::printf("FAIL  %-44s error: %s\n", r.name.c_str(), r.error.c_str());
        } else {
            std::printf("%-4s  %-44s max |diff| %.1e (tolerance %.0e)  %s\n", r.passed() ? "ok" : "FAIL",
                        r.name.c_str(), double(r.maxAbsDiff), double(r.tolerance), r.ops.c_str());
        }
        std::fflush(stdout);
    });
    int passed = 0;
    for (const auto& r : results) {
        passed += r.passed() ? 1 : 0;
    }
    int failed = int(results.size()) - passed;
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<int> threads{1};
    if (cores > 1) {
        threads.push_back(cores);
    }
    if (auto speed = measureConvSpeed(threads)) {
        std::printf("speed: %s (%.1f MMAC):", speed->layer.c_str(), double(speed->macs) * 1e-6);
        for (const auto& run : speed->optimised) {
            std::printf(" %.2f GFLOP/s on %d thread%s,", speed->gflops(run.seconds), run.threads,
                        run.threads == 1 ? "" : "s");
        }
        std::printf(" reference kernels %.2f GFLOP/s\n", speed->gflops(speed->referenceSeconds));
    } else {
        std::printf("FAIL  speed measurement: %s\n", speed.error().message.c_str());
        ++failed;
    }
    std::printf("self-test: %d passed, %d failed (cases took %.1f s)\n", passed, failed, seconds);
    return failed == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
        std::cout << "tessera-node " << TESSERA_VERSION << "\n";
        return 0;
    }
    if (argc == 2 && std::strcmp(argv[1], "--self-test") == 0) {
        return selfTest();
    }
    if (argc >= 3 && std::strcmp(argv[1], "--bundle") == 0) {
        return serve(std::vector<std::string>(argv + 1, argv + argc));
    }
    if (argc != 3 && argc != 5) {
        return usage();
    }
    if (std::strcmp(argv[1], "--check") != 0) {
        return usage();
    }
    tessera::model::ImportOptions options;
    if (argc == 5) {
        if (std::strcmp(argv[3], "--input-shape") != 0) {
            return usage();
        }
        auto shape = tessera::model::parseInputShape(argv[4]);
        if (!shape) {
            std::cerr << "tessera-node: error: " << shape.error().message << "\n";
            return 2;
        }
        options.inputShapes[shape->first] = shape->second;
    }
    auto model = tessera::model::loadModel(argv[2], options);
    if (!model) {
        std::cerr << "tessera-node: error: " << model.error().message << "\n";
        return 1;
    }
    const auto cost = tessera::cost::analyze(model->graph);
    std::cout << "ok " << model->sha256 << " weights " << cost.weightBytes << " B, peak activations "
              << cost.peakActivationBytes << " B ("
              << tessera::cost::humanBytes(cost.weightBytes + cost.peakActivationBytes) << " in all)\n";
    return 0;
}
