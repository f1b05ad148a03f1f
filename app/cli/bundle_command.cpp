// `tessera bundle`: the deployment bundle of every device of a plan (core/net/bundle.h) - its sub-model with
// only its weight slices, its runtime description, the cluster's endpoints and keys - plus the client's
// files for `tessera cluster-run`.

#include <iostream>
#include <memory>

#include "app/cli/commands.h"
#include "app/cli/plan_inputs.h"
#include "core/net/bundle.h"
#include "core/partition/program.h"
#include "core/sim/plan_cost.h"
#include "deployer/deploy.h"

namespace tessera::cli {
namespace {

// Each device's endpoint: --endpoint NAME=ENDPOINT, else tcp://<host from the cluster file>:<port + index>.
Expected<std::vector<std::string>> endpointsFor(const cost::Cluster& cluster,
                                                const std::vector<std::string>& given, int basePort) {
    std::vector<std::string> endpoints(cluster.devices.size());
    for (const auto& text : given) {
        const auto eq = text.find('=');
        const auto device = eq == std::string::npos ? std::nullopt : cluster.find(text.substr(0, eq));
        if (!device) {
            return Error{ErrorCode::InvalidArgument,
                         "--endpoint '" + text + "': expected DEVICE=ENDPOINT with a device of the cluster"};
        }
        endpoints[std::size_t(*device)] = text.substr(eq + 1);
    }
    const auto defaults = deployer::defaultEndpoints(cluster, basePort);
    for (std::size_t d = 0; d < cluster.devices.size(); ++d) {
        if (!endpoints[d].empty()) {
            continue;
        }
        if (defaults[d].empty()) {
            return Error{
                ErrorCode::InvalidArgument,
                "device '" + cluster.devices[d].name +
                    "' has no host in the cluster: give it one in the cluster file or pass --endpoint " +
                    cluster.devices[d].name + "=tcp://HOST:PORT"};
        }
        endpoints[d] = defaults[d];
    }
    return endpoints;
}

} // namespace

Runner addBundleCommand(CLI::App& app) {
    struct Args {
        PlanInputs inputs;
        std::string directory;
        std::vector<std::string> endpoints;
        int port = 7700;
        std::string telemetry;
    };
    auto args = std::make_shared<Args>();
    CLI::App* cmd = app.add_subcommand(
        "bundle", "Write each device's deployment bundle (sub-model, runtime description, endpoints, keys) "
                  "for tessera-node, and the client's files for cluster-run");
    args->inputs.addOptions(cmd, true);
    cmd->add_option("-o,--output-dir", args->directory, "Directory: one sub-directory per device")
        ->required();
    cmd->add_option("--endpoint", args->endpoints,
                    "Where a device's node listens: DEVICE=tcp://HOST:PORT (repeat; default: the device's "
                    "host from the cluster file and --port plus its index)");
    cmd->add_option("--telemetry", args->telemetry,
                    "Where the gateway publishes every frame's telemetry, e.g. tcp://10.0.0.11:7799 "
                    "(`tessera cluster-watch` subscribes; default: not published)");
    cmd->add_option("--port", args->port, "First port of the default endpoints")
        ->capture_default_str()
        ->check(CLI::Range(1, 65535));

    return [args]() {
        auto loaded = loadPlanInputs(args->inputs);
        if (!loaded) {
            return fail(loaded.error().message);
        }
        auto program = partition::compile(loaded->model, loaded->plan, loaded->cluster);
        if (!program) {
            return fail(program.error().message);
        }
        auto endpoints = endpointsFor(loaded->cluster, args->endpoints, args->port);
        if (!endpoints) {
            return fail(endpoints.error().message);
        }
        net::BundleOptions options;
        options.endpoints = *endpoints;
        options.telemetry = args->telemetry;
        const auto costs = sim::planCost(*program, loaded->model.graph, loaded->cluster);
        for (const auto& d : costs.devices) {
            options.predictedBytes.emplace_back(d.receivedBytes, d.sentBytes);
        }
        auto written = net::writeBundles(*program, loaded->model, loaded->cluster, options, args->directory);
        if (!written) {
            return fail(written.error().message);
        }
        for (const auto& dir : *written) {
            std::cout << dir << "\n";
        }
        return 0;
    };
}

} // namespace tessera::cli
