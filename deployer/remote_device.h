#pragma once
// Reaching the devices of a cluster file over SSH: connection settings, the probe, and running one job per
// device in parallel.
//
// Remote layout, under the device's base directory (SshSettings::baseDir, default ~/.tessera):
//     releases/<release>/   tessera-node and the device's bundle files (one directory per deployed version)
//     current -> releases/<release>   switched atomically once a release is complete
//     node.pid, node.log    the running node (node_control.h)

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/base/cancel.h"
#include "core/base/error.h"
#include "core/cost/cluster.h"
#include "deployer/ssh_session.h"

namespace tessera::deployer {

// Settings shared by every device of a run (the CLI's flags).
struct ConnectOptions {
    std::string knownHosts; // overrides every device's ssh.known_hosts when set
    bool acceptNewHostKeys = false;
    std::string relativeTo;   // directory against which relative key_file / known_hosts paths resolve
    PassphraseFn passphrase;  // for encrypted key files
    HostKeyFn confirmHostKey; // asked about host keys not in known_hosts (unless acceptNewHostKeys)
    int timeoutSeconds = 10;
    const StopToken* stop = nullptr; // ends connecting and the connection's waits (SshTarget::stop)
};

// The SSH target of `device`; an error naming the device when it has no host or no "ssh" block.
Expected<SshTarget> sshTarget(const cost::Device& device, const ConnectOptions& options);

// Connects to `device`, creates its base directory and resolves it to an absolute path, and asks its
// architecture (one command).
struct Connection {
    std::unique_ptr<SshSession> session;
    std::string baseDir; // absolute, on the device
    std::string arch;    // uname -m
};
Expected<Connection> connectDevice(const cost::Device& device, const ConnectOptions& options);

enum class DeviceState { Unknown, Connecting, Ready, Failed };
const char* toString(DeviceState state);

struct ProbeResult {
    std::string arch; // uname -m
    std::string os;   // PRETTY_NAME of /etc/os-release
    int cpus = 0;
    std::int64_t memoryTotalBytes = 0;
    std::int64_t memoryAvailableBytes = 0;
    std::int64_t diskFreeBytes = 0; // on the base directory's file system
    std::string nodeVersion;        // "tessera-node X.Y.Z" of the current release; empty: none installed
    std::string release;            // the current release's name; empty: none
    std::string fingerprint;        // the host key, SHA256:...
};

// One command on the device gathers everything; fields the device cannot tell stay empty or 0.
Expected<ProbeResult> probe(Connection& connection);
// The same questions asked of this machine, for devices run as local processes (the emulated cluster):
// `nodeBinary` must run (its --version is nodeVersion) and the disk is the one holding it; no release, no
// fingerprint. An error when the binary is missing or does not run.
Expected<ProbeResult> probeLocal(const std::string& nodeBinary);

// Runs job(index) for devices 0..count-1, each on its own thread, and returns their statuses in device order
// (jobs keep their own results). `state` (may be empty) is told Connecting when a job starts and Ready or
// Failed (with the error message) when it ends; it is called from the worker threads.
using StateFn = std::function<void(int device, DeviceState state, const std::string& detail)>;
std::vector<Status> forEachDevice(int count, const std::function<Status(int)>& job,
                                  const StateFn& state = {});

// The tail of a shell answer without trailing newlines.
std::string trimmed(std::string text);

} // namespace tessera::deployer
