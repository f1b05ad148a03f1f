// `tessera calibrate`: measures this machine's speed on a model and fits the speed model the simulator
// uses (macs/s, bytes/s, per-node overhead); optionally writes the figures into a device of a cluster file.

#include <cstdio>
#include <iostream>
#include <memory>

#include "app/cli/commands.h"
#include "app/cli/net_loader.h"
#include "core/cost/cluster.h"
#include "core/cost/units.h"
#include "core/sim/calibrate.h"

namespace tessera::cli {

Runner addCalibrateCommand(CLI::App& app) {
    struct Args {
        std::string model;
        std::vector<std::string> inputShapes;
        int threads = 1;
        int runs = 3;
        std::string cluster, device;
    };
    auto args = std::make_shared<Args>();
    CLI::App* cmd = app.add_subcommand(
        "calibrate", "Measure this machine on a model and fit the speed model of the simulator");
    cmd->add_option("model", args->model, "ONNX model (.onnx) or Darknet network (.cfg)")->required();
    cmd->add_option("--input-shape", args->inputShapes,
                    "Shape for a symbolic input: 1,3,224,224 or NAME:1,3,224,224");
    cmd->add_option("--threads", args->threads, "Threads, as the device will run")
        ->capture_default_str()
        ->check(CLI::Range(1, 256));
    cmd->add_option("--runs", args->runs, "Profiled runs after one warm-up")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000));
    auto* clusterOption =
        cmd->add_option("--cluster", args->cluster, "Cluster file to update with the fitted figures");
    cmd->add_option("--device", args->device, "The device of --cluster that this machine is")
        ->needs(clusterOption);
    clusterOption->needs(cmd->get_option("--device"));

    return [args]() {
        auto model = loadModelWith(args->model, args->inputShapes, {});
        if (!model) {
            return fail(model.error().message);
        }
        cost::Cluster cluster;
        int device = -1;
        if (!args->cluster.empty()) { // read before measuring: a typo should not cost a calibration run
            auto read = cost::readCluster(args->cluster);
            if (!read) {
                return fail(read.error().message);
            }
            cluster = std::move(*read);
            const auto index = cluster.find(args->device);
            if (!index) {
                return fail(args->cluster + ": no device named '" + args->device + "'");
            }
            device = *index;
        }
        auto fit = sim::calibrate(*model, args->threads, args->runs);
        if (!fit) {
            return fail(fit.error().message);
        }
        char line[256];
        std::snprintf(line, sizeof line,
                      "Fitted on %d nodes at %d thread(s): %.2f GMAC/s, %.2f GB/s, %s per node "
                      "(measured %s per run)\n",
                      fit->samples, args->threads, fit->macsPerSecond / 1e9, fit->bytesPerSecond / 1e9,
                      cost::formatSeconds(fit->nodeOverheadSeconds).c_str(),
                      cost::formatSeconds(fit->measuredSeconds).c_str());
        std::cout << line;
        if (device >= 0) {
            cost::Device& d = cluster.devices[std::size_t(device)];
            d.threads = args->threads;
            d.macsPerSecond = fit->macsPerSecond > 0 ? fit->macsPerSecond : d.macsPerSecond;
            d.bytesPerSecond = fit->bytesPerSecond > 0 ? fit->bytesPerSecond : d.bytesPerSecond;
            d.nodeOverheadSeconds = fit->nodeOverheadSeconds;
            if (auto s = cost::writeCluster(cluster, args->cluster); !s) {
                return fail(s.error().message);
            }
            std::cout << "Updated device '" << d.name << "' in " << args->cluster << "\n";
        }
        return 0;
    };
}

} // namespace tessera::cli
