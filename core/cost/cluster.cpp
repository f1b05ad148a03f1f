#include "core/cost/cluster.h"

#include <algorithm>
#include <set>

namespace tessera::cost {

std::optional<int> Cluster::find(const std::string& deviceName) const {
    for (std::size_t i = 0; i < devices.size(); ++i) {
        if (devices[i].name == deviceName) {
            return int(i);
        }
    }
    return std::nullopt;
}

std::vector<std::string> Cluster::problems() const {
    std::vector<std::string> problems;
    if (devices.empty()) {
        problems.push_back("the cluster has no devices");
    }
    std::set<std::string> names;
    for (std::size_t i = 0; i < devices.size(); ++i) {
        const Device& d = devices[i];
        const std::string label =
            "device " + std::to_string(i + 1) + (d.name.empty() ? "" : " '" + d.name + "'");
        if (d.name.empty()) {
            problems.push_back(label + ": has no name");
        } else if (!names.insert(d.name).second) {
            problems.push_back(label + ": the name is used twice");
        }
        if (d.memoryBytes <= 0) {
            problems.push_back(label + ": memory budget must be positive");
        }
        if (d.threads < 1) {
            problems.push_back(label + ": threads must be at least 1");
        }
        if (!(d.macsPerSecond > 0) || !(d.bytesPerSecond > 0)) {
            problems.push_back(label + ": speeds (macs_per_second, bytes_per_second) must be positive");
        }
        if (!(d.linkBitsPerSecond > 0) || !(d.linkLatencySeconds >= 0)) {
            problems.push_back(label + ": link bandwidth must be positive and latency not negative");
        }
        if (!(d.nodeOverheadSeconds >= 0)) {
            problems.push_back(label + ": node overhead cannot be negative");
        }
        if (d.runtimeOverheadBytes < 0) {
            problems.push_back(label + ": runtime overhead cannot be negative");
        }
    }
    if (gateway < 0 || gateway >= int(devices.size())) {
        problems.push_back("the gateway #" + std::to_string(gateway) + " is not one of the devices");
    }
    if (sharedMedium && !(mediumBitsPerSecond > 0)) {
        problems.push_back("a shared medium needs a positive medium bandwidth");
    }
    return problems;
}

namespace {

Device make(const std::string& arch, std::int64_t mib, int threads, double gmacs, double gbytes,
            double mbit) {
    Device d;
    d.arch = arch;
    d.memoryBytes = mib << 20;
    d.threads = threads;
    d.macsPerSecond = gmacs * 1e9;
    d.bytesPerSecond = gbytes * 1e9;
    d.linkBitsPerSecond = mbit * 1e6;
    // measured on this project's node runtime (docs/benchmarks.md): code, libraries, threads, allocator
    d.runtimeOverheadBytes = std::int64_t(19) << 20;
    return d;
}

} // namespace

std::optional<JumpHost> parseJumpHost(const std::string& text, std::string* error) {
    JumpHost jump;
    std::string rest = text;
    if (const auto at = rest.rfind('@'); at != std::string::npos) {
        jump.user = rest.substr(0, at);
        rest = rest.substr(at + 1);
    }
    std::string port;
    if (!rest.empty() && rest.front() == '[') { // [IPv6 address]:port
        const auto close = rest.find(']');
        if (close == std::string::npos || (close + 1 < rest.size() && rest[close + 1] != ':')) {
            rest.clear();
        } else {
            jump.host = rest.substr(1, close - 1);
            port = close + 1 < rest.size() ? rest.substr(close + 2) : "";
            if (close + 1 < rest.size() && port.empty()) {
                rest.clear();
            }
        }
    } else if (const auto colon = rest.find(':'); colon != std::string::npos) {
        jump.host = rest.substr(0, colon);
        port = rest.substr(colon + 1);
        if (port.empty()) {
            rest.clear();
        }
    } else {
        jump.host = rest;
    }
    bool ok = !rest.empty() && !jump.host.empty() && jump.user.find('@') == std::string::npos &&
              (text.find('@') == std::string::npos || !jump.user.empty());
    if (ok && !port.empty()) {
        ok = port.size() <= 5 &&
             std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; });
        jump.port = ok ? std::stoi(port) : 0;
        ok = ok && jump.port >= 1 && jump.port <= 65535;
    }
    if (!ok) {
        *error = "expected [user@]host[:port] (e.g. \"pi@gateway.lab:2222\"), found \"" + text + "\"";
        return std::nullopt;
    }
    return jump;
}

std::string toString(const JumpHost& jump) {
    const bool v6 = jump.host.find(':') != std::string::npos;
    const std::string text =
        (jump.user.empty() ? "" : jump.user + "@") + (v6 ? "[" + jump.host + "]" : jump.host);
    return jump.port == 22 ? text : text + ":" + std::to_string(jump.port);
}

const std::vector<DevicePreset>& devicePresets() {
    // Speeds are effective single-precision figures of im2col+GEMM convolution with all cores, rounded from
    // published CPU benchmarks of each board; calibrate a real device with `tessera calibrate`.
    static const std::vector<DevicePreset> kPresets = {
        {"rpi3b", "Raspberry Pi 3 Model B (4x Cortex-A53 1.2 GHz, 1 GB, 100 Mbit/s Ethernet)",
         make("aarch64", 1024 - 256, 4, 1.5, 1.0, 94)},
        {"rpi4", "Raspberry Pi 4 Model B 4 GB (4x Cortex-A72 1.5 GHz, Gigabit Ethernet)",
         make("aarch64", 4096 - 512, 4, 6.0, 3.0, 940)},
        {"rpi5", "Raspberry Pi 5 8 GB (4x Cortex-A76 2.4 GHz, Gigabit Ethernet)",
         make("aarch64", 8192 - 512, 4, 18.0, 8.0, 940)},
        {"jetson-nano", "NVIDIA Jetson Nano 4 GB, CPU only (4x Cortex-A57 1.43 GHz, Gigabit Ethernet)",
         make("aarch64", 4096 - 1024, 4, 4.5, 2.5, 940)},
        // a quarter of the 36 GMAC/s per core the engine's self-test convolution measures on the x86-64 build
        // machines (YOLOv2-608 on one quarter-core device: 3.2 s measured, docs/benchmarks.md)
        {"emulated", "Emulated device of `tessera cluster up`: a quarter of an x86-64 core, 100 Mbit/s",
         make("x86_64", 512, 1, 9.0, 1.5, 100)},
    };
    return kPresets;
}

std::optional<Device> presetDevice(const std::string& key) {
    for (const auto& p : devicePresets()) {
        if (p.key == key) {
            return p.device;
        }
    }
    return std::nullopt;
}

Cluster uniformCluster(const std::string& presetKey, int count) {
    Cluster c;
    c.name = std::to_string(count) + " x " + presetKey;
    const Device base = presetDevice(presetKey).value_or(Device{});
    for (int i = 0; i < count; ++i) {
        Device d = base;
        d.name = presetKey + "-" + std::to_string(i + 1);
        c.devices.push_back(d);
    }
    return c;
}

} // namespace tessera::cost
