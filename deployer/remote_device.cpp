// Device connections, the probe and the per-device threads (remote_device.h).
#include "deployer/remote_device.h"

#include <cstdlib>
#include <sstream>
#include <thread>

#include <unistd.h>

#include "deployer/process.h"

namespace tessera::deployer {
namespace {

// "~/x" -> $HOME/x; relative -> against `base` (when set); absolute unchanged.
std::string localPath(const std::string& path, const std::string& base) {
    if (path.empty() || path[0] == '/') {
        return path;
    }
    if (path.rfind("~/", 0) == 0) {
        const char* home = std::getenv("HOME");
        return std::string(home ? home : "") + path.substr(1);
    }
    return base.empty() ? path : base + "/" + path;
}

std::int64_t toInt(const std::string& text) {
    char* end = nullptr;
    const long long v = std::strtoll(text.c_str(), &end, 10);
    return end == text.c_str() ? 0 : std::int64_t(v);
}

} // namespace

const char* toString(DeviceState state) {
    switch (state) {
    case DeviceState::Unknown:
        return "unknown";
    case DeviceState::Connecting:
        return "connecting";
    case DeviceState::Ready:
        return "ready";
    case DeviceState::Failed:
        return "failed";
    }
    return "?";
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
        text.pop_back();
    }
    return text;
}

Expected<SshTarget> sshTarget(const cost::Device& device, const ConnectOptions& options) {
    if (!device.ssh) {
        return Error{
            ErrorCode::InvalidArgument,
            "device '" + device.name +
                "': no \"ssh\" block in the cluster file - add one (at least {\"user\": \"...\"}) to "
                "deploy to it"};
    }
    if (device.host.empty()) {
        return Error{ErrorCode::InvalidArgument,
                     "device '" + device.name + "': no \"host\" in the cluster file - set its address"};
    }
    SshTarget t;
    t.device = device.name;
    t.host = device.host;
    t.port = device.ssh->port;
    t.user = device.ssh->user;
    t.keyFile = localPath(device.ssh->keyFile, options.relativeTo);
    t.knownHosts = localPath(options.knownHosts.empty() ? device.ssh->knownHosts : options.knownHosts,
                             options.knownHosts.empty() ? options.relativeTo : std::string());
    t.hostKeys = options.acceptNewHostKeys ? HostKeyPolicy::AcceptNew : HostKeyPolicy::Strict;
    t.timeoutSeconds = options.timeoutSeconds;
    t.stop = options.stop;
    t.passphrase = options.passphrase;
    t.confirmHostKey = options.confirmHostKey;
    if (const auto& jump = device.ssh->jumpHost) {
        auto j = std::make_shared<SshTarget>(t);
        j->device = device.name + " (jump host)";
        j->host = jump->host;
        j->port = jump->port;
        j->user = jump->user;
        t.jump = std::move(j);
    }
    return t;
}

Expected<Connection> connectDevice(const cost::Device& device, const ConnectOptions& options) {
    auto target = sshTarget(device, options);
    if (!target) {
        return target.error();
    }
    auto session = SshSession::connect(*target);
    if (!session) {
        return session.error();
    }
    std::string base = device.ssh->baseDir;
    if (base.rfind("~/", 0) == 0) {
        base = base.substr(2); // the remote shell starts in the home directory
    }
    auto resolved = (*session)->check("mkdir -p -- " + shellQuote(base) + " && cd -- " + shellQuote(base) +
                                          " && pwd -P && uname -m",
                                      "creating the base directory " + base);
    if (!resolved) {
        return resolved.error();
    }
    const std::string answer = trimmed(*resolved);
    const auto newline = answer.rfind('\n');
    if (newline == std::string::npos) {
        return Error{ErrorCode::Io,
                     (*session)->where() + ": unexpected answer from the device's shell: " + answer};
    }
    return Connection{std::move(*session), answer.substr(0, newline), answer.substr(newline + 1)};
}

namespace {

// One POSIX shell command printing key=value lines about the machine, `baseDir`'s file system and the
// tessera-node release installed under it.
std::string probeScript(const std::string& baseDir) {
    const std::string b = shellQuote(baseDir);
    return "echo \"arch=$(uname -m)\"; "
           "echo \"os=$( (. /etc/os-release && echo \"$PRETTY_NAME\") 2>/dev/null)\"; "
           "echo \"cpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc)\"; "
           "awk '/^MemTotal:/{print \"memtotal=\" $2} /^MemAvailable:/{print \"memavail=\" $2}' "
           "/proc/meminfo; "
           "echo \"disk=$(df -Pk " +
           b +
           " | awk 'NR==2{print $4}')\"; "
           "if [ -L " +
           b + "/current ]; then echo \"release=$(basename \"$(readlink " + b +
           "/current)\")\"; fi; "
           "if [ -x " +
           b + "/current/tessera-node ]; then echo \"node=$(" + b +
           "/current/tessera-node --version 2>/dev/null)\"; fi; true";
}

ProbeResult parseProbe(const std::string& out) {
    ProbeResult r;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
        const auto eq = line.find('=');
        if (eq == std::string::npos) {
            continue;
        }
        const std::string key = line.substr(0, eq), value = trimmed(line.substr(eq + 1));
        if (key == "arch") {
            r.arch = value;
        } else if (key == "os") {
            r.os = value;
        } else if (key == "cpus") {
            r.cpus = int(toInt(value));
        } else if (key == "memtotal") {
            r.memoryTotalBytes = toInt(value) * 1024; // kB in /proc/meminfo and df -Pk
        } else if (key == "memavail") {
            r.memoryAvailableBytes = toInt(value) * 1024;
        } else if (key == "disk") {
            r.diskFreeBytes = toInt(value) * 1024;
        } else if (key == "release") {
            r.release = value;
        } else if (key == "node") {
            r.nodeVersion = value;
        }
    }
    return r;
}

} // namespace

Expected<ProbeResult> probe(Connection& c) {
    auto out = c.session->check(probeScript(c.baseDir), "the probe");
    if (!out) {
        return out.error();
    }
    ProbeResult r = parseProbe(*out);
    r.fingerprint = c.session->fingerprint();
    if (r.arch.empty()) {
        return Error{ErrorCode::Io, c.session->where() + ": the probe got no answer from uname -m (is the "
                                                         "remote shell a POSIX shell?)"};
    }
    return r;
}

Expected<ProbeResult> probeLocal(const std::string& nodeBinary) {
    if (nodeBinary.empty() || access(nodeBinary.c_str(), X_OK) != 0) {
        return Error{ErrorCode::Io, "this machine: no runnable tessera-node at '" + nodeBinary +
                                        "' - build it (the tessera-node target) or point to the folder "
                                        "that holds it"};
    }
    const auto slash = nodeBinary.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : nodeBinary.substr(0, slash);
    auto out = runCommand({"/bin/sh", "-c", probeScript(dir)});
    if (!out) {
        return out.error().withContext("this machine");
    }
    ProbeResult r = parseProbe(*out);
    auto version = runCommand({nodeBinary, "--version"});
    if (!version) {
        return version.error().withContext("this machine: " + nodeBinary + " does not run");
    }
    r.nodeVersion = trimmed(*version);
    if (r.arch.empty()) {
        return Error{ErrorCode::Io, "this machine: the probe got no answer from uname -m"};
    }
    return r;
}

std::vector<Status> forEachDevice(int count, const std::function<Status(int)>& job, const StateFn& state) {
    std::vector<Status> results(std::size_t(count > 0 ? count : 0));
    std::vector<std::thread> threads;
    for (int i = 0; i < count; ++i) {
        threads.emplace_back([&, i] {
            if (state) {
                state(i, DeviceState::Connecting, {});
            }
            results[std::size_t(i)] = job(i);
            if (state) {
                const auto& r = results[std::size_t(i)];
                state(i, r.ok() ? DeviceState::Ready : DeviceState::Failed, r.ok() ? "" : r.error().message);
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    return results;
}

} // namespace tessera::deployer
