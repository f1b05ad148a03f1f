#pragma once
// Deploying bundles (from `tessera bundle`) and tessera-node to the devices of a cluster over SSH.
//
// Per device, on its own thread: connect, ask the device's architecture (uname -m), pick the tessera-node
// build for it, and make the release directory <base>/releases/<release>, where <release> is a hash of the
// names and SHA-256 of the files, so the same files always make the same release. A file whose SHA-256
// (sha256sum on the device) already matches in that directory is skipped; one that matches in the current
// release is copied on the device; the others are uploaded over SFTP to a temporary name, checked with
// sha256sum, and renamed. Only when every file is in place does <base>/current switch to the new release
// (a new symlink renamed over the old one), so a failure or a cancellation at any point leaves the device on
// its previous release. Afterwards, releases other than the new and the previous one are removed.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/cancel.h"
#include "core/base/error.h"
#include "core/cost/cluster.h"
#include "deployer/remote_device.h"

namespace tessera::deployer {

struct DeployOptions {
    ConnectOptions connect;
    std::string bundlesDir;                          // holds <device name>/ per device
    std::map<std::string, std::string> nodeBinaries; // uname -m -> the local tessera-node built for it
};

struct DeviceDeployment {
    std::string arch;
    std::string release;
    int uploaded = 0; // files sent over the network
    int copied = 0;   // files copied on the device from the current release
    int skipped = 0;  // files already in place
    std::int64_t bytesUploaded = 0;
    bool switched = false; // `current` changed (false: the release was already current)
    double seconds = 0;
};

// device >= 0: that device's fraction in [0,1]; device == -1: the overall fraction (bytes of all devices).
// Calls are serialised (never two at once) but come from the worker threads.
using DeployProgressFn = std::function<void(int device, double fraction, std::string_view stage)>;

// Deploys every device of `cluster` in parallel; one result per device, in cluster order.
std::vector<Expected<DeviceDeployment>> deploy(const cost::Cluster& cluster, const DeployOptions& options,
                                               const DeployProgressFn& progress, const StopToken& stop,
                                               const StateFn& state = {});

// Where each device's node listens when nothing else is said: tcp://<its host>:<basePort + its index>; empty
// for a device without a host.
std::vector<std::string> defaultEndpoints(const cost::Cluster& cluster, int basePort);

// The tessera-node builds found for a CLI whose executable is `selfExe`: the tessera-node beside it for the
// host's architecture; installed (/usr/bin/tessera), /usr/lib/tessera/<arch>/tessera-node for each packaged
// architecture; in a build tree (build/<preset>/bin/tessera), build/aarch64/bin/tessera-node when present.
std::map<std::string, std::string> defaultNodeBinaries(const std::string& selfExe);

} // namespace tessera::deployer
