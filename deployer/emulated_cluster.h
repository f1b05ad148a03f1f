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
// Each device has its own limits (DeviceLimits): the same for all (the uniform fields of EmulationSpec,
// `tessera cluster up --cpu-quota --bandwidth --memory`) or one set per device (EmulationSpec::devices, e.g.
// from a cluster file's devices with deviceLimits(), `tessera cluster up --from-cluster`, the studio's Run).
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

// What one emulated device is held to; 0 = unlimited (unshaped).
struct DeviceLimits {
    double cpuQuota = 0;          // cores (0.25 = a quarter of one core)
    double bitsPerSecond = 0;     // link rate each way
    std::int64_t memoryBytes = 0; // memory limit (at least kMinimumMemoryBytes when set)
};

// The least memory limit a device may have: the runtime alone needs about 19 MiB.
constexpr std::int64_t kMinimumMemoryBytes = 24 * 1024 * 1024;

struct EmulationSpec {
    std::string name = "tessera";
    int nodes = 3;
    double cpuQuota = 0;          // cores per device (0.25 = a quarter of one core); 0 = unlimited
    double bitsPerSecond = 0;     // link rate each way; 0 = unshaped
    std::int64_t memoryBytes = 0; // per device; 0 = unlimited
    // Per device (empty: every device gets the uniform values above); when given, one per node.
    std::vector<DeviceLimits> devices;
    std::string subnet = "10.77.0"; // first three octets: bridge .1, devices .11, .12, ...
    // where nodes listen (loopback: port + i; 0: free ports the kernel picks on loopback, 7700 in namespaces)
    int port = 7700;
    bool allowFallback = true; // false: an environment without namespaces is an error
    bool loopback = false;     // true: loopback processes even where namespaces work

    // Device i's limits (0-based): devices[i], or the uniform values.
    DeviceLimits limits(int i) const;
};

struct EmulatedNode {
    std::string name;    // device name, "<cluster>-<i>" (1-based)
    std::string netns;   // empty on loopback
    std::string address; // 10.77.0.11, or 127.0.0.1
    int port = 0;
    std::vector<std::string> cgroups; // directories; empty on loopback
    DeviceLimits limits;              // as applied (all 0 on loopback: nothing is limited there)
    std::string endpoint() const;     // "tcp://address:port"
};

struct EmulatedCluster {
    EmulationSpec spec;
    std::vector<EmulatedNode> nodes;
    std::string bridge;         // empty on loopback
    std::string fallbackReason; // non-empty: loopback processes, and why
    bool isolated() const { return fallbackReason.empty(); }

    // The cluster description for planning and deployment: device i at its address, the "emulated" preset's
    // speed scaled by its CPU quota, its link rate and its memory limit as budget; device 1 is the gateway.
    cost::Cluster cluster() const;
};

// Why devices cannot be isolated here (no root, no iproute2, no cgroup v1 cpu and memory controllers), or
// empty when they can.
std::string namespaceProblem();

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

// Limits that make this machine behave like each of `cluster`'s devices: the link rate and the memory budget
// of the device (the budget raised to kMinimumMemoryBytes when below), and a CPU quota of
// device.macsPerSecond / coreMacsPerSecond (this machine's speed per core) clamped to [0.02, cores].
std::vector<DeviceLimits> deviceLimits(const cost::Cluster& cluster, double coreMacsPerSecond, int cores);

// This machine's multiply-accumulates per second on one core: the median time of a short convolution
// (exec::measureConvSpeed, as `tessera-node --self-test` reports it; well under a second).
Expected<double> measureCoreMacsPerSecond();

// First three octets of a /24 in 10.201.0.0/16 that no interface of this machine has an address in, starting
// at one derived from this process's id (so that concurrent clusters rarely try the same); "" when all are
// taken.
std::string unusedSubnet();

// A TCP port on 127.0.0.1 that nobody listens on right now (the kernel's choice for port 0); -1 when none.
int freeLoopbackPort();

// Where state files live: /run/tessera as root, else $XDG_RUNTIME_DIR/tessera or /tmp/tessera-<uid>.
std::string stateDirectory();

} // namespace tessera::deployer
