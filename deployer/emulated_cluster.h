#pragma once
// The emulated cluster: N "devices" on this machine, each a network namespace joined to a bridge by a veth
// pair, its link shaped in both directions with `tc tbf` (the device's uplink and downlink of the star model
// in core/cost/cluster.h), its CPU limited by a cgroup v1 quota (cpu.cfs_quota_us) and its memory by a cgroup
// v1 limit. Processes started with spawnOnNode() live inside both. Everything created is recorded in a state
// file as it is created, so that down() removes every trace even after a failed or interrupted up().
//
// Without root or without network namespaces the devices fall back to processes on loopback (distinct ports,
// no shaping, no limits) and `fallbackReason` says why; callers report it.
//
// Names: the cluster name (default "tessera", at most 8 characters [a-z0-9]) prefixes everything: bridge
// "<name>-br", namespaces "<name>-<i>", host-side veth "<name>-<i>h", cgroups "tessera/<name>-<i>".

#include <cstdint>
#include <string>
#include <vector>

#include <sys/types.h>

#include "core/base/cancel.h"
#include "core/base/error.h"
#include "core/cost/cluster.h"

namespace tessera::deployer {

struct EmulationSpec {
    std::string name = "tessera";
    int nodes = 3;
    double cpuQuota = 0;            // cores per device (0.25 = a quarter of one core); 0 = unlimited
    double bitsPerSecond = 0;       // link rate each way; 0 = unshaped
    std::int64_t memoryBytes = 0;   // per device; 0 = unlimited
    std::string subnet = "10.77.0"; // first three octets: bridge .1, devices .11, .12, ...
    int port = 7700;                // where nodes listen (loopback: port + i; 0: free ports the kernel picks)
    bool allowFallback = true;      // false: an environment without namespaces is an error
    bool loopback = false;          // true: loopback processes even where namespaces work (the studio's runs)
};

struct EmulatedNode {
    std::string name;    // device name, "<cluster>-<i>" (1-based)
    std::string netns;   // empty on loopback
    std::string address; // 10.77.0.11, or 127.0.0.1
    int port = 0;
    std::vector<std::string> cgroups; // directories; empty on loopback
    std::string endpoint() const;     // "tcp://address:port"
};

struct EmulatedCluster {
    EmulationSpec spec;
    std::vector<EmulatedNode> nodes;
    std::string bridge;         // empty on loopback
    std::string fallbackReason; // non-empty: loopback processes, and why
    bool isolated() const { return fallbackReason.empty(); }

    // The cluster description for planning and deployment: device i at its address, the "emulated" preset's
    // speed scaled by the CPU quota, its link rate and its memory limit as budget; device 1 is the gateway.
    cost::Cluster cluster() const;
};

// Creates the cluster (after removing a stale one of the same name). On failure everything created so far is
// removed again and the error names the step and the tool's message.
Expected<EmulatedCluster> up(const EmulationSpec& spec, const ProgressFn& progress = {});

// The running cluster of that name, from its state file; an error when there is none.
Expected<EmulatedCluster> find(const std::string& name = "tessera");

// Stops every process in the cluster's cgroups (or started on it, on loopback), then removes namespaces,
// links, bridge, cgroups and the state file. Missing pieces are skipped; an error lists what could not be
// removed.
Status down(const std::string& name = "tessera");

// Starts argv on node `index` (0-based) inside its namespace and cgroups, output appended to `logFile`.
// The pid is recorded, so down() stops it even on loopback.
Expected<pid_t> spawnOnNode(const EmulatedCluster& cluster, int index, const std::vector<std::string>& argv,
                            const std::string& logFile);

// A TCP port on 127.0.0.1 that nobody listens on right now (the kernel's choice for port 0); -1 when none.
int freeLoopbackPort();

// Where state files live: /run/tessera as root, else $XDG_RUNTIME_DIR/tessera or /tmp/tessera-<uid>.
std::string stateDirectory();

} // namespace tessera::deployer
