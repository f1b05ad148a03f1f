#pragma once
// The cluster a plan runs on: devices (memory budget, speed, threads) and the network between them.
//
// Network model: a switched star. Every device has its own full-duplex link to a switch (uplink and
// downlink, each with the device's bandwidth) and a one-way latency. A transfer from A to B occupies A's
// uplink and B's downlink at once and runs at the smaller of the two bandwidths; transfers sharing a link
// direction queue behind each other. With `sharedMedium` set (Wi-Fi, a hub), every transfer in the cluster
// shares one channel of `mediumBitsPerSecond` instead.
//
// Speed model: a node's compute time is macs / macsPerSecond + memory traffic / bytesPerSecond +
// nodeOverheadSeconds. The two rates are effective figures at the device's thread count; `tessera
// calibrate` fits them to measured per-operator times.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/error.h"

namespace tessera::cost {

// How the deployer reaches a device over SSH (docs/file-formats.md, "ssh"). Relative paths are relative to
// the cluster file's directory; "~/" is the local home.
// A host the SSH connection to a device goes through (OpenSSH's ProxyJump): written "[user@]host[:port]"
// ("[::1]:2222" for IPv6 with a port). It is reached with the device's key and known_hosts.
struct JumpHost {
    std::string user; // empty: the local user's name
    std::string host;
    int port = 22;
    bool operator==(const JumpHost&) const = default;
};
// nullopt with `error` set ("expected [user@]host[:port]...") when `text` is not of that form.
std::optional<JumpHost> parseJumpHost(const std::string& text, std::string* error);
std::string toString(const JumpHost& jump);

struct SshSettings {
    std::string user; // empty: the local user's name
    int port = 22;
    std::string keyFile;    // empty: the ssh-agent, then ~/.ssh/id_*
    std::string knownHosts; // empty: ~/.ssh/known_hosts
    // Where releases, the pid file and the log live on the device: relative to the remote home, or absolute.
    std::string baseDir = ".tessera";
    std::optional<JumpHost> jumpHost; // none: the device is reached directly

    bool operator==(const SshSettings&) const = default;
};

struct Device {
    std::string name; // unique in the cluster; plans refer to devices by name
    std::string host; // network address (deployment and runtime); may be empty for planning only
    std::string arch = "aarch64";
    std::int64_t memoryBytes = 0; // memory budget for Tessera on this device
    int threads = 1;
    double macsPerSecond = 1e9;  // effective multiply-accumulates per second (conv, gemm)
    double bytesPerSecond = 2e9; // effective activation bytes read+written per second (other ops)
    double nodeOverheadSeconds = 2e-5;
    double linkBitsPerSecond = 100e6; // the device's link to the switch, each direction
    double linkLatencySeconds = 2e-4; // one-way
    // Memory the runtime itself takes (code, libraries, allocator, threads) before any model data.
    std::int64_t runtimeOverheadBytes = 0;
    std::optional<SshSettings> ssh; // absent: planning and the emulated cluster only

    bool operator==(const Device&) const = default;
};

struct Cluster {
    static constexpr int kVersion = 1;
    std::string name;
    std::vector<Device> devices;
    int gateway = 0; // index of the device where frames enter and results leave
    bool sharedMedium = false;
    double mediumBitsPerSecond = 0;

    // Index of the device with that name, or nullopt.
    std::optional<int> find(const std::string& deviceName) const;
    // Lists every problem (duplicate names, non-positive speeds or budgets, gateway out of range); empty =
    // ok.
    std::vector<std::string> problems() const;

    bool operator==(const Cluster&) const = default;
};

// Presets for common boards, by key ("rpi3b", "rpi4", "rpi5", "jetson-nano", "emulated").
struct DevicePreset {
    std::string key;
    std::string description;
    Device device;
};
const std::vector<DevicePreset>& devicePresets();
std::optional<Device> presetDevice(const std::string& key);

// JSON (docs/file-formats.md, "Cluster file"). Errors name the file and the field.
Expected<Cluster> readCluster(const std::string& path);
Expected<Cluster> parseCluster(const std::string& jsonText, const std::string& path);
std::string clusterToJson(const Cluster& cluster);
// Written atomically (temporary file + rename).
Status writeCluster(const Cluster& cluster, const std::string& path);

// A uniform cluster of `count` devices made from a preset, named "<key>-1".."<key>-N"; the first is the
// gateway. `presetKey` must name a preset (otherwise the devices have no memory budget and problems() says
// so).
Cluster uniformCluster(const std::string& presetKey, int count);

} // namespace tessera::cost
