#include "deployer/emulated_cluster.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/base/file_io.h"
#include "core/exec/self_test.h"
#include "deployer/process.h"

namespace tessera::deployer {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const fs::path kCgroupRoot = "/sys/fs/cgroup";
constexpr double kCfsPeriodUs = 100000;

Json limitsJson(const DeviceLimits& l) {
    return {{"cpu_quota", l.cpuQuota}, {"bits_per_second", l.bitsPerSecond}, {"memory_bytes", l.memoryBytes}};
}

DeviceLimits limitsFromJson(const Json& j) {
    return {j.at("cpu_quota"), j.at("bits_per_second"), j.at("memory_bytes")};
}

std::string statePath(const std::string& name) {
    return stateDirectory() + "/emulated-" + name + ".json";
}

// The state file: the spec, the nodes, what was created (so far) and the pids started on loopback.
struct State {
    EmulatedCluster cluster;
    std::vector<std::string> netns, links, cgroups;
    std::vector<pid_t> pids;

    Json toJson() const {
        Json nodes = Json::array();
        for (const auto& n : cluster.nodes) {
            nodes.push_back({{"name", n.name},
                             {"netns", n.netns},
                             {"address", n.address},
                             {"port", n.port},
                             {"cgroups", n.cgroups},
                             {"limits", limitsJson(n.limits)}});
        }
        const auto& s = cluster.spec;
        Json devices = Json::array();
        for (const auto& d : s.devices) {
            devices.push_back(limitsJson(d));
        }
        return {{"name", s.name},
                {"spec",
                 {{"nodes", s.nodes},
                  {"cpu_quota", s.cpuQuota},
                  {"bits_per_second", s.bitsPerSecond},
                  {"memory_bytes", s.memoryBytes},
                  {"devices", devices},
                  {"subnet", s.subnet},
                  {"port", s.port}}},
                {"nodes", nodes},
                {"bridge", cluster.bridge},
                {"fallback_reason", cluster.fallbackReason},
                {"created", {{"netns", netns}, {"links", links}, {"cgroups", cgroups}}},
                {"pids", pids}};
    }

    static State fromJson(const Json& j) {
        State st;
        auto& c = st.cluster;
        c.spec.name = j.at("name");
        const auto& s = j.at("spec");
        c.spec.nodes = s.at("nodes");
        c.spec.cpuQuota = s.at("cpu_quota");
        c.spec.bitsPerSecond = s.at("bits_per_second");
        c.spec.memoryBytes = s.at("memory_bytes");
        c.spec.subnet = s.at("subnet");
        c.spec.port = s.at("port");
        // "devices" and "limits" are absent from the state files of clusters made before per-device limits
        for (const auto& d : s.value("devices", Json::array())) {
            c.spec.devices.push_back(limitsFromJson(d));
        }
        for (const auto& n : j.at("nodes")) {
            c.nodes.push_back({n.at("name"), n.at("netns"), n.at("address"), n.at("port"), n.at("cgroups"),
                               n.contains("limits") ? limitsFromJson(n.at("limits")) : DeviceLimits{}});
        }
        c.bridge = j.at("bridge");
        c.fallbackReason = j.at("fallback_reason");
        st.netns = j.at("created").at("netns").get<std::vector<std::string>>();
        st.links = j.at("created").at("links").get<std::vector<std::string>>();
        st.cgroups = j.at("created").at("cgroups").get<std::vector<std::string>>();
        st.pids = j.at("pids").get<std::vector<pid_t>>();
        return st;
    }

    Status save() const {
        std::error_code ec;
        fs::create_directories(stateDirectory(), ec);
        return writeFileAtomically(statePath(cluster.spec.name), toJson().dump(2) + "\n");
    }
};

Expected<State> loadState(const std::string& name) {
    auto text = readFile(statePath(name));
    if (!text) {
        return Error{ErrorCode::InvalidArgument,
                     "no emulated cluster named '" + name + "' is up (start one with `tessera cluster up`)"};
    }
    try {
        return State::fromJson(Json::parse(*text));
    } catch (const std::exception& e) {
        return Error{ErrorCode::Parse, statePath(name) + ": not a state file of `tessera cluster up` (" +
                                           e.what() + "); remove it and any leftover namespaces by hand"};
    }
}

Status checkSpec(const EmulationSpec& s) {
    const bool nameOk =
        !s.name.empty() && s.name.size() <= 8 && std::all_of(s.name.begin(), s.name.end(), [](char ch) {
            return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
        });
    if (!nameOk) {
        return Error{ErrorCode::InvalidArgument,
                     "cluster name '" + s.name +
                         "': use 1 to 8 lower-case letters or digits (it prefixes "
                         "network interface names, which are limited to 15 characters)"};
    }
    if (s.nodes < 1 || s.nodes > 200) {
        return Error{ErrorCode::InvalidArgument, "--nodes " + std::to_string(s.nodes) + ": use 1 to 200"};
    }
    if (!s.devices.empty() && int(s.devices.size()) != s.nodes) {
        return Error{ErrorCode::InvalidArgument, "limits for " + std::to_string(s.devices.size()) +
                                                     " devices given for " + std::to_string(s.nodes) +
                                                     " devices"};
    }
    for (int i = 0; i < s.nodes; ++i) {
        const DeviceLimits l = s.limits(i);
        const std::string device = s.devices.empty() ? "" : " (device " + std::to_string(i + 1) + ")";
        if (l.cpuQuota < 0 || l.bitsPerSecond < 0 || l.memoryBytes < 0) {
            return Error{ErrorCode::InvalidArgument,
                         "CPU quota, bandwidth and memory must not be negative" + device};
        }
        if (l.memoryBytes > 0 && l.memoryBytes < kMinimumMemoryBytes) {
            return Error{ErrorCode::InvalidArgument,
                         "--memory: at least 24 MiB per device (the runtime alone "
                         "needs about 19 MiB)" +
                             device};
        }
        if (l.cpuQuota > 0 && l.cpuQuota * kCfsPeriodUs < 1000) {
            return Error{ErrorCode::InvalidArgument,
                         "--cpu-quota: at least 0.01 core (the kernel's least quota is 1 ms)" + device};
        }
    }
    return {};
}

Status writeValue(const fs::path& file, const std::string& value) {
    std::ofstream out(file);
    out << value;
    out.close();
    if (!out) {
        return Error{ErrorCode::Io, "cannot write '" + value + "' to " + file.string()};
    }
    return {};
}

Status shape(const std::string& device, const std::string& netns, double bitsPerSecond) {
    std::vector<std::string> argv;
    if (!netns.empty()) {
        argv = {"ip", "netns", "exec", netns};
    }
    // A burst of one timer tick's bytes, and at least one whole segmentation-offload packet (64 KiB and
    // headers): tbf splits a larger packet into MTU-size ones that wait for their tokens one by one, each a
    // timer and a softirq, a CPU cost per packet that a real NIC's segmentation offload does not have (on
    // six emulated devices it took more CPU than the messages' own work: docs/benchmarks.md). 400 ms of queue
    // before drops.
    const auto rate = std::to_string(std::int64_t(std::llround(bitsPerSecond))) + "bit";
    const auto burst =
        std::to_string(std::max<std::int64_t>(96 * 1024, std::int64_t(bitsPerSecond / 8 / 250)));
    argv.insert(argv.end(), {"tc", "qdisc", "replace", "dev", device, "root", "tbf", "rate", rate, "burst",
                             burst, "latency", "400ms"});
    if (auto r = runCommand(argv); !r) {
        return r.error();
    }
    return {};
}

// Creates everything, recording each piece in `st` (and its state file) before the next.
Status build(State& st, const ProgressFn& progress) {
    auto& c = st.cluster;
    const auto& s = c.spec;
    auto run = [](std::vector<std::string> argv) -> Status {
        if (auto r = runCommand(argv); !r) {
            return r.error();
        }
        return {};
    };
    c.bridge = s.name + "-br";
    st.links.push_back(c.bridge);
    if (auto r = st.save(); !r) {
        return r;
    }
    for (const auto& argv :
         std::vector<std::vector<std::string>>{{"ip", "link", "add", c.bridge, "type", "bridge"},
                                               {"ip", "addr", "add", s.subnet + ".1/24", "dev", c.bridge},
                                               {"ip", "link", "set", c.bridge, "up"}}) {
        if (auto r = run(argv); !r) {
            return r;
        }
    }
    for (int i = 0; i < s.nodes; ++i) {
        if (progress) {
            progress(double(i) / s.nodes, "creating device " + std::to_string(i + 1));
        }
        EmulatedNode n;
        n.name = s.name + "-" + std::to_string(i + 1);
        n.netns = n.name;
        n.address = s.subnet + "." + std::to_string(11 + i);
        n.port = s.port > 0 ? s.port : 7700; // each namespace has its ports to itself
        n.limits = s.limits(i);
        const std::string host = n.name + "h", inside = n.name + "n";
        st.netns.push_back(n.netns); // deleting the namespace deletes the veth pair with it
        if (auto r = st.save(); !r) {
            return r;
        }
        for (const auto& argv : std::vector<std::vector<std::string>>{
                 {"ip", "netns", "add", n.netns},
                 {"ip", "link", "add", host, "type", "veth", "peer", "name", inside},
                 {"ip", "link", "set", host, "master", c.bridge, "up"},
                 {"ip", "link", "set", inside, "netns", n.netns},
                 {"ip", "-n", n.netns, "link", "set", inside, "name", "eth0"},
                 {"ip", "-n", n.netns, "addr", "add", n.address + "/24", "dev", "eth0"},
                 {"ip", "-n", n.netns, "link", "set", "eth0", "up"},
                 {"ip", "-n", n.netns, "link", "set", "lo", "up"}}) {
            if (auto r = run(argv); !r) {
                return r;
            }
        }
        if (n.limits.bitsPerSecond > 0) {
            // the host side sends into the device (its downlink), eth0 out of it (its uplink)
            if (auto r = shape(host, "", n.limits.bitsPerSecond); !r) {
                return r;
            }
            if (auto r = shape("eth0", n.netns, n.limits.bitsPerSecond); !r) {
                return r;
            }
        }
        for (const char* controller : {"cpu", "memory"}) {
            const fs::path dir = kCgroupRoot / controller / "tessera" / n.name;
            std::error_code ec;
            fs::create_directories(dir, ec);
            if (ec) {
                return Error{ErrorCode::Io, "cannot create cgroup " + dir.string() + ": " + ec.message()};
            }
            n.cgroups.push_back(dir.string());
            st.cgroups.push_back(dir.string());
            if (auto r = st.save(); !r) {
                return r;
            }
        }
        const fs::path cpu = n.cgroups[0], memory = n.cgroups[1];
        if (auto r = writeValue(cpu / "cpu.cfs_period_us", std::to_string(std::int64_t(kCfsPeriodUs))); !r) {
            return r;
        }
        const auto quota = n.limits.cpuQuota > 0
                               ? std::to_string(std::int64_t(std::llround(n.limits.cpuQuota * kCfsPeriodUs)))
                               : std::string("-1");
        if (auto r = writeValue(cpu / "cpu.cfs_quota_us", quota); !r) {
            return r;
        }
        if (n.limits.memoryBytes > 0) {
            if (auto r = writeValue(memory / "memory.limit_in_bytes", std::to_string(n.limits.memoryBytes));
                !r) {
                return r;
            }
        }
        c.nodes.push_back(n);
        if (auto r = st.save(); !r) {
            return r;
        }
    }
    return {};
}

std::vector<pid_t> cgroupPids(const std::string& dir) {
    std::vector<pid_t> pids;
    std::ifstream in(dir + "/cgroup.procs");
    for (pid_t pid; in >> pid;) {
        pids.push_back(pid);
    }
    return pids;
}

Status removeAll(State& st) {
    std::vector<pid_t> pids = st.pids;
    for (const auto& dir : st.cgroups) {
        const auto inside = cgroupPids(dir);
        pids.insert(pids.end(), inside.begin(), inside.end());
    }
    terminate(pids);
    std::vector<std::string> failures;
    for (const auto& ns : st.netns) {
        if (fs::exists("/run/netns/" + ns)) {
            if (auto r = runCommand({"ip", "netns", "del", ns}); !r) {
                failures.push_back(r.error().message);
            }
        }
    }
    for (const auto& link : st.links) {
        if (fs::exists("/sys/class/net/" + link)) {
            if (auto r = runCommand({"ip", "link", "del", link}); !r) {
                failures.push_back(r.error().message);
            }
        }
    }
    for (const auto& dir : st.cgroups) {
        // a cgroup directory is removed with rmdir (its control files are not real files); the kernel keeps
        // it busy for a moment after its last task exits
        std::error_code ec;
        for (int attempt = 0; fs::exists(dir) && !fs::remove(dir, ec) && attempt < 100; ++attempt) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        if (fs::exists(dir)) {
            std::string left;
            for (pid_t pid : cgroupPids(dir)) {
                std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
                std::string name;
                std::getline(comm, name);
                left += " " + std::to_string(pid) + " (" + name + ")";
            }
            failures.push_back("cannot remove cgroup " + dir + ": " + ec.message() +
                               (left.empty() ? "" : " (processes still in it:" + left + ")"));
        }
    }
    for (const char* controller : {"cpu", "memory"}) {
        std::error_code ec;
        fs::remove(kCgroupRoot / controller / "tessera", ec); // only when no other cluster uses it
    }
    if (!failures.empty()) {
        std::string text;
        for (const auto& f : failures) {
            text += "\n  " + f;
        }
        return Error{ErrorCode::Io, "emulated cluster '" + st.cluster.spec.name +
                                        "' not removed completely; remove these by hand:" + text};
    }
    std::error_code ec;
    fs::remove(statePath(st.cluster.spec.name), ec);
    return {};
}

} // namespace

std::string namespaceProblem() {
    if (geteuid() != 0) {
        return "not running as root (network namespaces, tc and cgroups need it)";
    }
    for (const char* tool : {"ip", "tc"}) {
        if (!runCommand({"sh", "-c", std::string("command -v ") + tool})) {
            return std::string("'") + tool + "' is not installed (Debian package iproute2)";
        }
    }
    if (!fs::exists(kCgroupRoot / "cpu" / "cpu.cfs_quota_us") || !fs::exists(kCgroupRoot / "memory")) {
        return "cgroup v1 cpu and memory controllers are not mounted under /sys/fs/cgroup";
    }
    return {};
}

DeviceLimits EmulationSpec::limits(int i) const {
    if (!devices.empty()) {
        return devices.at(std::size_t(i));
    }
    return {cpuQuota, bitsPerSecond, memoryBytes};
}

std::vector<DeviceLimits> deviceLimits(const cost::Cluster& cluster, double coreMacsPerSecond, int cores) {
    std::vector<DeviceLimits> limits;
    for (const auto& d : cluster.devices) {
        DeviceLimits l;
        l.cpuQuota = coreMacsPerSecond > 0
                         ? std::clamp(d.macsPerSecond / coreMacsPerSecond, 0.02, double(std::max(cores, 1)))
                         : 0;
        l.bitsPerSecond = d.linkBitsPerSecond;
        l.memoryBytes = d.memoryBytes > 0 ? std::max(d.memoryBytes, kMinimumMemoryBytes) : 0;
        limits.push_back(l);
    }
    return limits;
}

Expected<double> measureCoreMacsPerSecond() {
    auto speed = exec::measureConvSpeed({1});
    if (!speed) {
        return speed.error().withContext("measuring this machine's speed");
    }
    return double(speed->macs) / speed->optimised.front().seconds;
}

std::string unusedSubnet() {
    std::set<int> taken; // third octets of 10.201.x.y addresses
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) == 0) {
        for (const ifaddrs* a = list; a; a = a->ifa_next) {
            if (a->ifa_addr && a->ifa_addr->sa_family == AF_INET) {
                const auto ip = ntohl(reinterpret_cast<const sockaddr_in*>(a->ifa_addr)->sin_addr.s_addr);
                if ((ip >> 16) == ((10u << 8) | 201u)) {
                    taken.insert(int((ip >> 8) & 0xff));
                }
            }
        }
        freeifaddrs(list);
    }
    const int first = int(getpid() % 256);
    for (int k = 0; k < 256; ++k) {
        const int octet = (first + k) % 256;
        if (!taken.count(octet)) {
            return "10.201." + std::to_string(octet);
        }
    }
    return {};
}

std::string EmulatedNode::endpoint() const {
    return "tcp://" + address + ":" + std::to_string(port);
}

cost::Cluster EmulatedCluster::cluster() const {
    cost::Cluster c;
    c.name = "emulated " + spec.name;
    const cost::Device preset = *cost::presetDevice("emulated"); // a quarter of a core
    for (const auto& n : nodes) {
        cost::Device d = preset;
        d.name = n.name;
        d.host = n.address;
        if (n.limits.cpuQuota > 0) {
            const double scale = n.limits.cpuQuota / 0.25;
            d.macsPerSecond *= scale;
            d.bytesPerSecond *= scale;
        }
        if (n.limits.bitsPerSecond > 0) {
            d.linkBitsPerSecond = n.limits.bitsPerSecond;
        }
        if (n.limits.memoryBytes > 0) {
            d.memoryBytes = n.limits.memoryBytes;
        }
        c.devices.push_back(d);
    }
    return c;
}

std::string stateDirectory() {
    if (geteuid() == 0) {
        return "/run/tessera";
    }
    if (const char* runtime = std::getenv("XDG_RUNTIME_DIR"); runtime && *runtime) {
        return std::string(runtime) + "/tessera";
    }
    return "/tmp/tessera-" + std::to_string(geteuid());
}

int freeLoopbackPort() {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0) {
        return -1;
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    int port = -1;
    if (::bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(s, reinterpret_cast<sockaddr*>(&address), &size) == 0) {
        port = ntohs(address.sin_port);
    }
    ::close(s);
    return port;
}

Expected<EmulatedCluster> up(const EmulationSpec& spec, const ProgressFn& progress) {
    if (auto r = checkSpec(spec); !r) {
        return r.error();
    }
    if (fs::exists(statePath(spec.name))) {
        if (auto r = down(spec.name); !r) {
            return r.error().withContext("removing the previous cluster '" + spec.name + "'");
        }
    }
    State st;
    st.cluster.spec = spec;
    st.cluster.fallbackReason = spec.loopback ? "loopback processes were asked for" : namespaceProblem();
    if (!st.cluster.isolated()) {
        if (!spec.allowFallback && !spec.loopback) {
            return Error{ErrorCode::Unsupported, "cannot emulate devices here: " + st.cluster.fallbackReason};
        }
        for (int i = 0; i < spec.nodes; ++i) {
            const int port = spec.port > 0 ? spec.port + i : freeLoopbackPort();
            if (port <= 0) {
                return Error{ErrorCode::Io,
                             "no free TCP port on 127.0.0.1 for emulated device " + std::to_string(i + 1)};
            }
            st.cluster.nodes.push_back(
                {spec.name + "-" + std::to_string(i + 1), "", "127.0.0.1", port, {}, {}});
        }
        if (auto r = st.save(); !r) {
            return r.error();
        }
        return st.cluster;
    }
    if (auto r = build(st, progress); !r) {
        (void)removeAll(st);
        return r.error().withContext("creating emulated device " +
                                     std::to_string(st.cluster.nodes.size() + 1));
    }
    return st.cluster;
}

Expected<EmulatedCluster> find(const std::string& name) {
    auto st = loadState(name);
    if (!st) {
        return st.error();
    }
    return st->cluster;
}

Status down(const std::string& name) {
    auto st = loadState(name);
    if (!st) {
        return st.error();
    }
    return removeAll(*st);
}

Expected<pid_t> spawnOnNode(const EmulatedCluster& cluster, int index, const std::vector<std::string>& argv,
                            const std::string& logFile) {
    if (index < 0 || std::size_t(index) >= cluster.nodes.size()) {
        return Error{ErrorCode::InvalidArgument, "no emulated device " + std::to_string(index + 1) +
                                                     " (the cluster has " +
                                                     std::to_string(cluster.nodes.size()) + ")"};
    }
    const auto& node = cluster.nodes[std::size_t(index)];
    auto pid = spawn({argv, node.netns, node.cgroups, logFile});
    if (pid && !cluster.isolated()) {
        // loopback processes have no cgroup to find them by: remember them for down()
        auto st = loadState(cluster.spec.name);
        if (st) {
            st->pids.push_back(*pid);
            (void)st->save();
        }
    }
    return pid;
}

} // namespace tessera::deployer
