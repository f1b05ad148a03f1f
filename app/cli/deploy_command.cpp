// `tessera probe|deploy|launch|restart|stop|status|logs --cluster FILE`: real devices over SSH (deployer/).
// Every command works on all devices of the cluster file (or those named with --device) in parallel, prints
// one line per device, and fails (exit 1) when any device failed.

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>

#include "app/cli/commands.h"
#include "app/cli/console.h"
#include "deployer/deploy.h"
#include "deployer/node_control.h"

namespace tessera::cli {
namespace {

namespace fs = std::filesystem;

struct RemoteArgs {
    std::string cluster;
    std::vector<std::string> devices;
    std::string knownHosts;
    bool acceptNew = false;
    int timeout = 10;
    // deploy
    std::string bundles = "bundles";
    std::vector<std::string> nodeBinaries;
    // launch
    int readySeconds = 30;
    int threads = 0;
    // logs
    int lines = 50;
};

void addCommonOptions(CLI::App* cmd, RemoteArgs& a) {
    cmd->add_option("--cluster", a.cluster, "Cluster file; devices need an \"ssh\" block")->required();
    cmd->add_option("--device", a.devices, "Only this device (repeatable; default: all)");
    cmd->add_option("--known-hosts", a.knownHosts,
                    "known_hosts file for every device (default: per device, "
                    "else ~/.ssh/known_hosts)");
    cmd->add_flag("--accept-new-host-keys", a.acceptNew,
                  "Trust and record host keys not yet in known_hosts (changed keys are always refused)");
    cmd->add_option("--timeout", a.timeout, "Seconds to wait for a device's network answers")
        ->capture_default_str();
}

// Asks on the terminal with echo off; one question at a time (devices connect in parallel).
std::optional<std::string> askPassphrase(const std::string& prompt) {
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    if (!isatty(STDIN_FILENO)) {
        return std::nullopt;
    }
    std::cerr << prompt << " " << std::flush;
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= tcflag_t(~ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::string line;
    std::getline(std::cin, line);
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
    return line;
}

// The cluster restricted to --device, and the connection options; an error message when they fail.
struct Setup {
    cost::Cluster cluster;
    deployer::ConnectOptions connect;
};
Expected<Setup> setup(const RemoteArgs& a) {
    auto cluster = cost::readCluster(a.cluster);
    if (!cluster) {
        return cluster.error();
    }
    Setup s;
    s.cluster = *cluster;
    if (!a.devices.empty()) {
        s.cluster.devices.clear();
        for (const auto& name : a.devices) {
            const auto i = cluster->find(name);
            if (!i) {
                return Error{ErrorCode::InvalidArgument, "no device '" + name + "' in " + a.cluster};
            }
            s.cluster.devices.push_back(cluster->devices[std::size_t(*i)]);
        }
    }
    s.connect.knownHosts = a.knownHosts;
    s.connect.acceptNewHostKeys = a.acceptNew;
    s.connect.relativeTo = fs::absolute(a.cluster).parent_path().string();
    s.connect.passphrase = askPassphrase;
    s.connect.timeoutSeconds = a.timeout;
    return s;
}

std::string mib(std::int64_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MiB", double(bytes) / double(1 << 20));
    return text;
}

// Connects to every device in parallel and runs `job` on each connection; `job` returns the device's line.
// `showStates`: each device's state changes (connecting, ready, failed) are also printed on stderr as they
// happen.
int eachDevice(const RemoteArgs& a, const std::function<Expected<std::string>(deployer::Connection&)>& job,
               bool showStates = false) {
    auto s = setup(a);
    if (!s) {
        return fail(s.error().message);
    }
    const auto& devices = s->cluster.devices;
    std::vector<std::string> lines(devices.size());
    const auto statuses = deployer::forEachDevice(
        int(devices.size()),
        [&](int i) -> Status {
            auto c = deployer::connectDevice(devices[std::size_t(i)], s->connect);
            if (!c) {
                return c.error();
            }
            auto line = job(*c);
            if (!line) {
                return line.error();
            }
            lines[std::size_t(i)] = *line;
            return {};
        },
        showStates ? deployer::StateFn([&](int i, deployer::DeviceState state, const std::string&) {
            static std::mutex mutex;
            std::lock_guard lock(mutex);
            std::cerr << devices[std::size_t(i)].name << ": " << deployer::toString(state) << "\n";
        })
                   : deployer::StateFn());
    int failed = 0;
    for (std::size_t i = 0; i < devices.size(); ++i) {
        if (statuses[i]) {
            std::cout << devices[i].name << ": " << lines[i] << "\n";
        } else {
            std::cout << devices[i].name << ": FAILED: " << statuses[i].error().message << "\n";
            ++failed;
        }
    }
    std::cout << std::flush;
    return failed == 0 ? 0 : 1;
}

} // namespace

Runner addProbeCommand(CLI::App& app) {
    auto a = std::make_shared<RemoteArgs>();
    addCommonOptions(app.add_subcommand("probe", "Connect to every device and report its architecture, OS, "
                                                 "CPUs, memory, disk and installed tessera-node"),
                     *a);
    return [a] {
        return eachDevice(
            *a,
            [](deployer::Connection& c) -> Expected<std::string> {
                auto p = deployer::probe(c);
                if (!p) {
                    return p.error();
                }
                return "ready: " + p->arch + ", " + (p->os.empty() ? "unknown OS" : p->os) + ", " +
                       std::to_string(p->cpus) + " CPUs, memory " + mib(p->memoryTotalBytes) + " (" +
                       mib(p->memoryAvailableBytes) + " available), disk " + mib(p->diskFreeBytes) +
                       " free in " + c.baseDir + ", " +
                       (p->nodeVersion.empty()
                            ? "no tessera-node installed"
                            : p->nodeVersion + " (release " + p->release + ", " +
                                  (p->nodeVersion == "tessera-node " TESSERA_VERSION
                                       ? "the same version as this tessera"
                                       : "not this tessera's " TESSERA_VERSION ": run tessera deploy") +
                                  ")") +
                       ", host key " + p->fingerprint;
            },
            true);
    };
}

Runner addDeployCommand(CLI::App& app) {
    auto a = std::make_shared<RemoteArgs>();
    CLI::App* cmd =
        app.add_subcommand("deploy", "Upload each device's bundle and tessera-node (changed files "
                                     "only) and switch the device to it atomically");
    addCommonOptions(cmd, *a);
    cmd->add_option("--bundles", a->bundles, "Directory written by `tessera bundle`")->capture_default_str();
    cmd->add_option("--node-binary", a->nodeBinaries,
                    "ARCH=PATH: the tessera-node to install on ARCH devices (default: this build's, and "
                    "build/aarch64/bin/tessera-node when present)");
    return [a] {
        auto s = setup(*a);
        if (!s) {
            return fail(s.error().message);
        }
        deployer::DeployOptions options;
        options.connect = s->connect;
        options.bundlesDir = a->bundles;
        options.nodeBinaries = deployer::defaultNodeBinaries(fs::read_symlink("/proc/self/exe").string());
        for (const auto& spec : a->nodeBinaries) {
            const auto eq = spec.find('=');
            if (eq == std::string::npos || eq == 0) {
                return fail("--node-binary " + spec +
                            ": expected ARCH=PATH, e.g. aarch64=build/aarch64/bin/"
                            "tessera-node");
            }
            options.nodeBinaries[spec.substr(0, eq)] = spec.substr(eq + 1);
        }
        InterruptStop interrupt;
        auto progress = consoleProgress();
        const auto results = deployer::deploy(
            s->cluster, options,
            [&](int device, double fraction, std::string_view) {
                if (device < 0) {
                    progress(fraction, "deploying");
                }
            },
            interrupt.token());
        endProgress();
        int failed = 0;
        for (std::size_t i = 0; i < results.size(); ++i) {
            const auto& name = s->cluster.devices[i].name;
            if (!results[i]) {
                std::cout << name << ": FAILED: " << results[i].error().message << "\n";
                ++failed;
                continue;
            }
            const auto& d = *results[i];
            char seconds[32];
            std::snprintf(seconds, sizeof seconds, "%.2f s", d.seconds);
            std::cout << name << ": release " << d.release << " (" << d.arch << ")"
                      << (d.switched ? " now current" : " was already current") << "; " << d.uploaded
                      << " uploaded (" << mib(d.bytesUploaded) << "), " << d.copied
                      << " copied on the device, " << d.skipped << " unchanged; " << seconds << "\n";
        }
        return failed == 0 ? 0 : 1;
    };
}

namespace {

// launch and restart: the same options; restart stops a running node first.
Runner addStartCommand(CLI::App& app, bool restart) {
    auto a = std::make_shared<RemoteArgs>();
    CLI::App* cmd =
        restart
            ? app.add_subcommand("restart", "Stop tessera-node on every device (if it runs), start it "
                                            "again and wait until each serves")
            : app.add_subcommand("launch", "Start tessera-node on every device and wait until each serves");
    addCommonOptions(cmd, *a);
    cmd->add_option("--ready-timeout", a->readySeconds, "Seconds a node may take to serve")
        ->capture_default_str();
    cmd->add_option("--threads", a->threads, "Threads per node (0: tessera-node's default)");
    return [a, restart] {
        deployer::LaunchOptions options;
        options.readySeconds = a->readySeconds;
        options.threads = a->threads;
        return eachDevice(*a, [options, restart](deployer::Connection& c) -> Expected<std::string> {
            int replaced = 0;
            if (restart) {
                auto stopped = deployer::stopNode(c);
                if (!stopped) {
                    return stopped.error();
                }
                replaced = *stopped;
            }
            auto n = deployer::launchNode(c, options);
            if (!n) {
                return n.error();
            }
            return "serving (pid " + std::to_string(n->pid) + ", release " + n->release + ")" +
                   (replaced > 0 ? ", replacing pid " + std::to_string(replaced) : std::string());
        });
    };
}

} // namespace

Runner addLaunchCommand(CLI::App& app) {
    return addStartCommand(app, false);
}

Runner addRestartCommand(CLI::App& app) {
    return addStartCommand(app, true);
}

Runner addStopCommand(CLI::App& app) {
    auto a = std::make_shared<RemoteArgs>();
    addCommonOptions(app.add_subcommand("stop", "Stop tessera-node on every device and check it is gone"),
                     *a);
    return [a] {
        return eachDevice(*a, [](deployer::Connection& c) -> Expected<std::string> {
            auto pid = deployer::stopNode(c);
            if (!pid) {
                return pid.error();
            }
            return *pid > 0 ? "stopped (pid " + std::to_string(*pid) + ")" : std::string("was not running");
        });
    };
}

Runner addStatusCommand(CLI::App& app) {
    auto a = std::make_shared<RemoteArgs>();
    addCommonOptions(app.add_subcommand("status", "Whether tessera-node runs on every device, and which "
                                                  "release is current"),
                     *a);
    return [a] {
        return eachDevice(*a, [](deployer::Connection& c) -> Expected<std::string> {
            auto n = deployer::nodeStatus(c);
            if (!n) {
                return n.error();
            }
            const std::string release = n->release.empty() ? "nothing deployed" : "release " + n->release;
            return n->running ? std::string(n->ready ? "running" : "starting") + " (pid " +
                                    std::to_string(n->pid) + ", " + release + ")"
                              : "stopped (" + release + ")";
        });
    };
}

Runner addLogsCommand(CLI::App& app) {
    auto a = std::make_shared<RemoteArgs>();
    CLI::App* cmd = app.add_subcommand("logs", "The end of tessera-node's log on every device");
    addCommonOptions(cmd, *a);
    cmd->add_option("-n,--lines", a->lines, "Lines per device")->capture_default_str();
    return [a] {
        const int lines = a->lines;
        return eachDevice(*a, [lines](deployer::Connection& c) -> Expected<std::string> {
            auto log = deployer::nodeLog(c, lines);
            if (!log) {
                return log.error();
            }
            std::string text = c.baseDir + "/node.log:";
            std::size_t start = 0;
            while (start < log->size()) {
                const auto end = log->find('\n', start);
                text +=
                    "\n  " + log->substr(start, end == std::string::npos ? std::string::npos : end - start);
                start = end == std::string::npos ? log->size() : end + 1;
            }
            return text;
        });
    };
}

} // namespace tessera::cli
