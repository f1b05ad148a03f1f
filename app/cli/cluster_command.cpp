// `tessera cluster up|down|status|launch|exec`: the emulated cluster on this machine
// (deployer/emulated_cluster.h).

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include "app/cli/commands.h"
#include "app/cli/console.h"
#include "core/cost/units.h"
#include "deployer/emulated_cluster.h"
#include "deployer/local_launch.h"

namespace tessera::cli {
namespace {

std::string formatMacs(double macsPerSecond) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f GMAC/s", macsPerSecond * 1e-9);
    return text;
}

// "CPU 0.25 core(s), link 100 Mbit/s, memory 512 MiB"
std::string limitsText(const deployer::DeviceLimits& l) {
    char quota[32];
    std::snprintf(quota, sizeof quota, "%.2f core(s)", l.cpuQuota);
    return std::string("CPU ") + (l.cpuQuota > 0 ? quota : "unlimited") + ", link " +
           (l.bitsPerSecond > 0 ? cost::formatBitsPerSecond(l.bitsPerSecond) : "unshaped") + ", memory " +
           (l.memoryBytes > 0 ? cost::formatBytes(l.memoryBytes) : "unlimited");
}

} // namespace

Runner addClusterCommand(CLI::App& app) {
    struct Args {
        deployer::EmulationSpec spec;
        std::string cpuQuota, bandwidth, memory, output, fromCluster;
        bool loopback = false;
        std::string device, bundle;
        int threads = 1;
        double readySeconds = 600;
        std::vector<std::string> command;
    };
    auto args = std::make_shared<Args>();
    CLI::App* cmd = app.add_subcommand("cluster", "Emulated devices on this machine: network namespaces with "
                                                  "shaped links, CPU and memory limits");
    cmd->require_subcommand(1);
    auto name = [&](CLI::App* sub) {
        sub->add_option("--name", args->spec.name, "Cluster name (1-8 lower-case letters or digits)")
            ->capture_default_str();
    };
    CLI::App* upCmd = cmd->add_subcommand("up", "Create N emulated devices and write their cluster file");
    name(upCmd);
    auto* nodesOpt =
        upCmd->add_option("-n,--nodes", args->spec.nodes, "Number of devices")->capture_default_str();
    auto* quotaOpt = upCmd->add_option("--cpu-quota", args->cpuQuota, "CPU per device in cores, e.g. 0.25");
    auto* bandwidthOpt =
        upCmd->add_option("--bandwidth", args->bandwidth, "Link rate each way, e.g. 100mbit");
    auto* memoryOpt = upCmd->add_option("--memory", args->memory, "Memory limit per device, e.g. 512M");
    upCmd
        ->add_option("--from-cluster", args->fromCluster,
                     "One device per device of this cluster file, each with its own limits: its link rate, "
                     "its memory budget and a CPU quota of its speed over this machine's speed per core")
        ->excludes(nodesOpt)
        ->excludes(quotaOpt)
        ->excludes(bandwidthOpt)
        ->excludes(memoryOpt);
    upCmd->add_option("--subnet", args->spec.subnet, "First three octets of the devices' addresses")
        ->capture_default_str();
    upCmd->add_option("--port", args->spec.port, "Port the nodes listen on")->capture_default_str();
    upCmd->add_flag("--no-fallback", args->loopback,
                    "Fail instead of falling back to loopback processes without namespaces");
    upCmd->add_option("-o,--out", args->output, "Cluster file to write (default: stdout summary only)");
    CLI::App* downCmd =
        cmd->add_subcommand("down", "Stop everything on the emulated devices and remove them");
    name(downCmd);
    CLI::App* statusCmd = cmd->add_subcommand("status", "The emulated devices and what runs on them");
    name(statusCmd);
    CLI::App* launchCmd =
        cmd->add_subcommand("launch", "Start tessera-node on every emulated device that has a bundle in DIR");
    name(launchCmd);
    launchCmd->add_option("bundle", args->bundle, "Directory written by `tessera bundle`")->required();
    launchCmd->add_option("--threads", args->threads, "Threads per node")->capture_default_str();
    launchCmd
        ->add_option("--ready-timeout", args->readySeconds,
                     "Seconds to wait until every node serves (loading takes long on a quarter of a core)")
        ->capture_default_str();
    CLI::App* execCmd = cmd->add_subcommand("exec", "Run a command on one emulated device and wait for it");
    name(execCmd);
    execCmd->add_option("--device", args->device, "Device name, e.g. tessera-2")->required();
    execCmd->add_option("command", args->command, "The command and its arguments (after --)")->required();

    return [args, upCmd, downCmd, statusCmd, launchCmd]() { // exec is what remains
        auto& spec = args->spec;
        if (upCmd->parsed()) {
            if (!args->cpuQuota.empty()) {
                try {
                    spec.cpuQuota = std::stod(args->cpuQuota);
                } catch (const std::exception&) {
                    return fail("--cpu-quota '" + args->cpuQuota + "': give cores as a number, e.g. 0.25");
                }
            }
            if (!args->bandwidth.empty()) {
                auto rate = cost::parseBitsPerSecond(args->bandwidth);
                if (!rate) {
                    return fail(rate.error().withContext("--bandwidth").message);
                }
                spec.bitsPerSecond = *rate;
            }
            if (!args->memory.empty()) {
                auto bytes = cost::parseBytes(args->memory);
                if (!bytes) {
                    return fail(bytes.error().withContext("--memory").message);
                }
                spec.memoryBytes = *bytes;
            }
            std::optional<cost::Cluster> source; // --from-cluster's
            if (!args->fromCluster.empty()) {
                auto read = cost::readCluster(args->fromCluster);
                if (!read) {
                    return fail(read.error().withContext("--from-cluster").message);
                }
                auto perCore = deployer::measureCoreMacsPerSecond();
                if (!perCore) {
                    return fail(perCore.error().message);
                }
                const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
                std::cout << "This machine: " << formatMacs(*perCore) << " per core, " << cores
                          << " core(s)\n";
                spec.nodes = int(read->devices.size());
                spec.devices = deployer::deviceLimits(*read, *perCore, cores);
                source = std::move(*read);
            }
            spec.allowFallback = !args->loopback;
            auto cluster = deployer::up(spec, consoleProgress());
            endProgress();
            if (!cluster) {
                return fail(cluster.error().message);
            }
            if (!cluster->isolated()) {
                std::cout
                    << "warning: no namespaces here (" << cluster->fallbackReason
                    << "): the devices are processes on loopback, with no link shaping and no CPU or memory "
                       "limits\n";
            }
            std::cout << "Emulated cluster '" << spec.name << "': " << cluster->nodes.size() << " device(s)";
            if (cluster->isolated()) {
                std::cout << ", bridge " << cluster->bridge << " at " << spec.subnet << ".1";
            }
            std::cout << "\n";
            for (std::size_t i = 0; i < cluster->nodes.size(); ++i) {
                const auto& n = cluster->nodes[i];
                std::cout << "  " << n.name << "  " << n.endpoint();
                if (source) {
                    std::cout << "  (" << source->devices[i].name << ": " << limitsText(n.limits) << ")";
                }
                std::cout << "\n";
            }
            if (!source) {
                std::cout << "  " << limitsText(spec.limits(0)) << " per device\n";
            }
            if (!args->output.empty()) {
                // --from-cluster: the file's devices as they are, at the emulated devices' names and
                // addresses
                cost::Cluster file = cluster->cluster();
                if (source) {
                    const cost::Cluster emulated = file;
                    file = *source;
                    for (std::size_t i = 0; i < file.devices.size(); ++i) {
                        file.devices[i].name = emulated.devices[i].name;
                        file.devices[i].host = emulated.devices[i].host;
                        file.devices[i].arch = emulated.devices[i].arch; // they run this machine's node
                    }
                }
                if (auto written = cost::writeCluster(file, args->output); !written) {
                    return fail(written.error().message);
                }
                std::cout << "Cluster file written to " << args->output << "\n";
            }
            std::cout << "Remove it with: tessera cluster down"
                      << (spec.name == "tessera" ? "" : " --name " + spec.name) << "\n";
            return 0;
        }
        if (downCmd->parsed()) {
            if (auto r = deployer::down(spec.name); !r) {
                return fail(r.error().message);
            }
            std::cout << "Emulated cluster '" << spec.name << "' removed\n";
            return 0;
        }
        auto cluster = deployer::find(spec.name);
        if (!cluster) {
            return fail(cluster.error().message);
        }
        if (statusCmd->parsed()) {
            std::cout << "Emulated cluster '" << spec.name << "': " << cluster->nodes.size() << " device(s)"
                      << (cluster->isolated() ? "" : " on loopback (" + cluster->fallbackReason + ")")
                      << "\n";
            for (const auto& n : cluster->nodes) {
                std::cout << "  " << n.name << "  " << n.endpoint() << "\n";
            }
            return 0;
        }
        if (launchCmd->parsed()) {
            // tessera-node sits beside this program
            deployer::LocalLaunchOptions options;
            options.nodeBinary =
                (std::filesystem::read_symlink("/proc/self/exe").parent_path() / "tessera-node").string();
            options.threads = args->threads;
            options.readySeconds = args->readySeconds;
            std::vector<std::string> dirs;
            for (const auto& n : cluster->nodes) {
                const auto dir = std::filesystem::path(args->bundle) / n.name;
                dirs.push_back(std::filesystem::is_directory(dir) ? dir.string() : std::string());
            }
            auto started = deployer::launchLocalNodes(
                *cluster, dirs, options, [](std::size_t, const deployer::LocalNode& n, bool serving) {
                    if (!serving) {
                        std::cout << "  " << n.name << ": tessera-node pid " << n.pid << ", log " << n.log
                                  << std::endl;
                    }
                });
            if (!started) {
                if (std::none_of(dirs.begin(), dirs.end(), [](const std::string& d) { return !d.empty(); })) {
                    return fail(args->bundle + ": no bundle for any device of cluster '" + spec.name +
                                "' (expected sub-directories named " + cluster->nodes.front().name +
                                ", ...)");
                }
                return fail(started.error().message + "\n`tessera cluster down" +
                            (spec.name == "tessera" ? "" : " --name " + spec.name) + "` stops the nodes");
            }
            std::cout << "Started " << started->size()
                      << " node(s), all serving; `tessera cluster down` stops them\n";
            return 0;
        }
        int index = -1;
        for (std::size_t i = 0; i < cluster->nodes.size(); ++i) {
            if (cluster->nodes[i].name == args->device) {
                index = int(i);
            }
        }
        if (index < 0) {
            return fail("no emulated device named '" + args->device + "' (devices: " +
                        cluster->nodes.front().name + " .. " + cluster->nodes.back().name + ")");
        }
        auto pid = deployer::spawnOnNode(*cluster, index, args->command, "/dev/stderr");
        if (!pid) {
            return fail(pid.error().message);
        }
        int status = 0;
        waitpid(*pid, &status, 0);
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    };
}

} // namespace tessera::cli
