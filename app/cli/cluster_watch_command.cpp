// `tessera cluster-watch`: subscribes to the telemetry the gateway of a running cluster publishes (the
// endpoint and the cluster's keys from the client files `tessera bundle --telemetry` wrote) and prints, as
// frames end, each frame's time at the gateway and, per device, its tasks with compute time and queue wait,
// the bytes it received and sent (planned, and moved by work stealing), its peak RSS and the tasks the
// gateway re-ran for a device declared down.

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include "app/cli/commands.h"
#include "core/net/telemetry_subscriber.h"

namespace tessera::cli {
namespace {

std::string ms(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f ms", seconds * 1e3);
    return text;
}

void print(const net::wire::FrameResult& r, const net::NodeDescription& d) {
    std::cout << "frame " << r.frame() << ": " << ms(r.seconds());
    if (!r.error().empty()) {
        std::cout << ", failed: " << r.error() << "\n";
        return;
    }
    std::cout << "\n";
    for (const auto& t : r.devices()) {
        double compute = 0, queue = 0;
        for (const auto& task : t.tasks()) {
            compute += task.compute_seconds();
            queue += task.queue_seconds();
        }
        const bool known = t.device() >= 0 && t.device() < int(d.devices.size());
        std::cout << "  device '" << (known ? d.devices[std::size_t(t.device())].name : "?")
                  << "': " << t.tasks_size() << " tasks, compute " << ms(compute) << ", queued " << ms(queue)
                  << ", received " << t.bytes_in() << " B, sent " << t.bytes_out()
                  << " B, by steals received " << t.steal_bytes_in() << " B, sent " << t.steal_bytes_out()
                  << " B, peak RSS " << t.peak_rss_bytes() << " B\n";
        for (const auto& task : t.tasks()) {
            std::cout << "    task " << task.task() << ": compute " << ms(task.compute_seconds())
                      << ", queued " << ms(task.queue_seconds()) << "\n";
        }
        for (const auto& again : t.rerun()) {
            const bool down = again.device() >= 0 && again.device() < int(d.devices.size());
            std::cout << "    task " << again.task() << " re-run for device '"
                      << (down ? d.devices[std::size_t(again.device())].name : "?") << "' (declared down)\n";
        }
    }
    std::cout.flush();
}

} // namespace

Runner addClusterWatchCommand(CLI::App& app) {
    struct Args {
        std::string bundle;
        int count = 0;
        double timeout = 0;
    };
    auto args = std::make_shared<Args>();
    CLI::App* cmd = app.add_subcommand(
        "cluster-watch", "Print the telemetry a running cluster's gateway publishes, frame by frame (see "
                         "`tessera bundle --telemetry`)");
    cmd->add_option("bundle", args->bundle,
                    "Directory written by `tessera bundle` (client.json, cluster.key)")
        ->required();
    cmd->add_option("--count", args->count, "Stop after this many frames (0: until interrupted)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--timeout", args->timeout,
                    "Fail when no frame's telemetry comes within this many seconds (0: wait forever)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);

    return [args]() {
        auto bundle = net::loadClientBundle(args->bundle);
        if (!bundle) {
            return fail(bundle.error().message);
        }
        const net::NodeDescription d = bundle->description;
        auto subscriber = net::TelemetrySubscriber::connect(std::move(*bundle));
        if (!subscriber) {
            return fail(subscriber.error().message);
        }
        std::cerr << "tessera: watching " << (*subscriber)->endpoint() << "\n";
        const auto step = std::chrono::milliseconds(200);
        auto waited = std::chrono::milliseconds(0);
        for (int frames = 0; args->count == 0 || frames < args->count;) {
            auto r = (*subscriber)->next(step);
            if ((*subscriber)->refused()) {
                return fail("the gateway at " + (*subscriber)->endpoint() +
                            " refused the connection: the encrypted handshake failed (are the keys from this "
                            "cluster's bundle?)");
            }
            if (!r) {
                waited += step;
                if (args->timeout > 0 && waited.count() >= args->timeout * 1e3) {
                    return fail("no telemetry from " + (*subscriber)->endpoint() + " within " +
                                std::to_string(waited.count()) + " ms");
                }
                continue;
            }
            waited = std::chrono::milliseconds(0);
            print(*r, d);
            ++frames;
        }
        return 0;
    };
}

} // namespace tessera::cli
