// Deployment over SSH (deploy.h).
#include "deployer/deploy.h"

#include <sys/utsname.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <sstream>

#include "core/base/sha256.h"

namespace tessera::deployer {
namespace fs = std::filesystem;
namespace {

struct LocalFile {
    std::string name; // in the release directory
    std::string path; // local
    std::string sha256;
    std::int64_t size = 0;
    int mode = 0644;
};

// The files of one device's release: its bundle directory's files and tessera-node.
Expected<std::vector<LocalFile>> releaseFiles(const std::string& bundleDir, const std::string& nodeBinary) {
    std::vector<LocalFile> files;
    std::error_code ec;
    if (!fs::is_directory(bundleDir, ec)) {
        return Error{ErrorCode::Io, bundleDir + ": no bundle directory for this device - run 'tessera bundle "
                                                "MODEL PLAN CLUSTER -o DIR' and pass --bundles DIR"};
    }
    for (const auto& entry : fs::directory_iterator(bundleDir, ec)) {
        if (entry.is_regular_file()) {
            const std::string name = entry.path().filename().string();
            files.push_back({name, entry.path().string(), {}, 0, name == "cluster.key" ? 0600 : 0644});
        }
    }
    if (ec) {
        return Error{ErrorCode::Io, bundleDir + ": cannot list: " + ec.message()};
    }
    files.push_back({"tessera-node", nodeBinary, {}, 0, 0755});
    // A cross build carries the shared libraries it needs beside it (found through RPATH $ORIGIN).
    for (const auto& entry : fs::directory_iterator(fs::path(nodeBinary).parent_path(), ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && name.rfind("lib", 0) == 0 && name.find(".so") != std::string::npos) {
            files.push_back({name, entry.path().string(), {}, 0, 0644});
        }
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (auto& f : files) {
        auto sha = sha256File(f.path);
        if (!sha) {
            return sha.error();
        }
        f.sha256 = *sha;
        f.size = std::int64_t(fs::file_size(f.path, ec));
    }
    return files;
}

std::string releaseName(const std::vector<LocalFile>& files) {
    std::string manifest;
    for (const auto& f : files) {
        manifest += f.name + " " + f.sha256 + "\n";
    }
    return sha256Hex(manifest).substr(0, 16);
}

// Shared progress of all devices; callbacks are serialised.
class ProgressBoard {
public:
    ProgressBoard(int devices, const DeployProgressFn& fn)
        : m_done(std::size_t(devices), 0)
        , m_total(std::size_t(devices), 0)
        , m_fn(fn) {}

    void setTotal(int device, std::int64_t bytes) {
        std::lock_guard lock(m_mutex);
        m_total[std::size_t(device)] = bytes;
    }
    void report(int device, std::int64_t done, std::string_view stage) {
        std::lock_guard lock(m_mutex);
        m_done[std::size_t(device)] = done;
        if (!m_fn) {
            return;
        }
        const auto total = m_total[std::size_t(device)];
        m_fn(device, total > 0 ? double(done) / double(total) : 1.0, stage);
        std::int64_t allDone = 0, allTotal = 0;
        for (std::size_t i = 0; i < m_done.size(); ++i) {
            allDone += m_done[i];
            allTotal += m_total[i];
        }
        m_fn(-1, allTotal > 0 ? double(allDone) / double(allTotal) : 1.0, "overall");
    }

private:
    std::mutex m_mutex;
    std::vector<std::int64_t> m_done, m_total;
    DeployProgressFn m_fn;
};

// "HASH  PATH" lines of sha256sum -> PATH -> HASH.
std::map<std::string, std::string> parseSums(const std::string& text) {
    std::map<std::string, std::string> sums;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.size() > 66 && line[64] == ' ') {
            sums[line.substr(66)] = line.substr(0, 64);
        }
    }
    return sums;
}

Expected<DeviceDeployment> deployDevice(const cost::Device& device, int index, const DeployOptions& options,
                                        ProgressBoard& board, const StopToken& stop) {
    const auto start = std::chrono::steady_clock::now();
    auto c = connectDevice(device, options.connect);
    if (!c) {
        return c.error();
    }
    SshSession& ssh = *c->session;
    DeviceDeployment d;
    auto arch = ssh.check("uname -m", "asking the architecture (uname -m)");
    if (!arch) {
        return arch.error();
    }
    d.arch = trimmed(*arch);
    const auto binary = options.nodeBinaries.find(d.arch);
    if (binary == options.nodeBinaries.end() || !fs::exists(binary->second)) {
        std::string known;
        for (const auto& [a, path] : options.nodeBinaries) {
            known += (known.empty() ? "" : ", ") + a + " (" + path + ")";
        }
        return Error{ErrorCode::Unsupported,
                     ssh.where() + ": the device is " + d.arch + ", and there is no tessera-node build for " +
                         d.arch + (binary != options.nodeBinaries.end() ? " at " + binary->second : "") +
                         " (builds found: " + (known.empty() ? "none" : known) +
                         "). Build tessera-node for " + d.arch +
                         " (aarch64: cmake --preset aarch64 && cmake --build --preset aarch64) or pass "
                         "--node-binary " +
                         d.arch + "=PATH"};
    }
    auto files = releaseFiles(options.bundlesDir + "/" + device.name, binary->second);
    if (!files) {
        return files.error().withContext("device '" + device.name + "'");
    }
    d.release = releaseName(*files);
    const std::string base = shellQuote(c->baseDir), rel = "releases/" + d.release;
    auto listing =
        ssh.check("cd " + base + " && mkdir -p " + rel + " && { sha256sum " + rel +
                      "/* current/* "
                      "2>/dev/null; df -Pk . | awk 'NR==2{print \"free \" $4*1024}'; readlink current "
                      "| sed 's/^/current /'; true; }",
                  "listing the installed files");
    if (!listing) {
        return listing.error();
    }
    const auto sums = parseSums(*listing);
    std::int64_t freeBytes = -1;
    std::string current;
    std::istringstream lines(*listing);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("free ", 0) == 0) {
            freeBytes = std::strtoll(line.c_str() + 5, nullptr, 10);
        } else if (line.rfind("current ", 0) == 0) {
            current = line.substr(8);
        }
    }
    std::vector<const LocalFile*> toUpload, toCopy;
    std::int64_t uploadBytes = 0, neededBytes = 0;
    for (const auto& f : *files) {
        const auto inRelease = sums.find(rel + "/" + f.name);
        const auto inCurrent = sums.find("current/" + f.name);
        if (inRelease != sums.end() && inRelease->second == f.sha256) {
            ++d.skipped;
        } else if (inCurrent != sums.end() && inCurrent->second == f.sha256) {
            toCopy.push_back(&f);
            neededBytes += f.size;
        } else {
            toUpload.push_back(&f);
            uploadBytes += f.size;
            neededBytes += f.size;
        }
    }
    if (freeBytes >= 0 && neededBytes > freeBytes) {
        return Error{ErrorCode::Io,
                     ssh.where() + ": not enough disk space in " + c->baseDir + ": the release needs " +
                         std::to_string(neededBytes) + " bytes, " + std::to_string(freeBytes) +
                         " are free - free some space or set \"ssh.base_dir\" to a larger file "
                         "system; the device keeps its current release"};
    }
    board.setTotal(index, uploadBytes);
    board.report(index, 0, "uploading");
    std::string finish = "cd " + base + "/" + rel;
    for (const LocalFile* f : toCopy) {
        finish += " && cp ../../current/" + shellQuote(f->name) + " " + shellQuote("." + f->name + ".part");
    }
    std::int64_t sent = 0;
    for (const LocalFile* f : toUpload) {
        if (stop.stopRequested()) {
            return Error{ErrorCode::Cancelled, ssh.where() + ": deployment cancelled; the device keeps its "
                                                             "current release"};
        }
        const std::string remote = c->baseDir + "/" + rel + "/." + f->name + ".part";
        const std::int64_t before = sent;
        auto s = ssh.upload(
            f->path, remote, f->mode,
            [&](std::int64_t bytes) {
                sent = before + bytes;
                board.report(index, sent, f->name);
            },
            &stop);
        if (!s) {
            return Error{s.error().code, s.error().message + " - the device keeps its current release"};
        }
        ++d.uploaded;
        d.bytesUploaded += f->size;
    }
    // The uploaded copies are checked before anything is renamed.
    if (!toUpload.empty()) {
        std::string cmd = "cd " + base + "/" + rel + " && sha256sum";
        for (const LocalFile* f : toUpload) {
            cmd += " " + shellQuote("." + f->name + ".part");
        }
        auto check = ssh.check(cmd, "checking the uploaded files");
        if (!check) {
            return check.error();
        }
        const auto uploaded = parseSums(*check);
        for (const LocalFile* f : toUpload) {
            const auto it = uploaded.find("." + f->name + ".part");
            if (it == uploaded.end() || it->second != f->sha256) {
                return Error{ErrorCode::Io, ssh.where() + ": " + f->name +
                                                " arrived damaged (its SHA-256 on the "
                                                "device differs) - deploy again"};
            }
        }
    }
    if (stop.stopRequested()) {
        return Error{ErrorCode::Cancelled, ssh.where() +
                                               ": deployment cancelled; the device keeps its current "
                                               "release"};
    }
    std::vector<const LocalFile*> placed = toCopy;
    placed.insert(placed.end(), toUpload.begin(), toUpload.end());
    for (const LocalFile* f : placed) {
        finish += " && chmod " +
                  [](int m) {
                      char buf[8];
                      std::snprintf(buf, sizeof buf, "%o", m);
                      return std::string(buf);
                  }(f->mode) +
                  " " + shellQuote("." + f->name + ".part") + " && mv -f " +
                  shellQuote("." + f->name + ".part") + " " + shellQuote(f->name);
    }
    d.switched = current != rel;
    // The switch: a new link renamed over `current` (rename is atomic); then old releases go.
    finish += " && cd " + base + " && ln -sfn " + rel +
              " .current.tmp && mv -T .current.tmp current && "
              "for r in releases/*; do [ \"$r\" = " +
              rel + " ] || [ \"$r\" = " + shellQuote(current.empty() ? "-" : current) +
              " ] || rm -rf \"$r\"; done";
    if (auto s = ssh.check(finish, "switching to release " + d.release); !s) {
        return Error{s.error().code, s.error().message + " - the device keeps its current release"};
    }
    board.report(index, uploadBytes, "done");
    d.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return d;
}

} // namespace

std::vector<Expected<DeviceDeployment>> deploy(const cost::Cluster& cluster, const DeployOptions& options,
                                               const DeployProgressFn& progress, const StopToken& stop,
                                               const StateFn& state) {
    const int n = int(cluster.devices.size());
    ProgressBoard board(n, progress);
    std::vector<Expected<DeviceDeployment>> results(std::size_t(n), Error{ErrorCode::Cancelled, "not run"});
    forEachDevice(
        n,
        [&](int i) -> Status {
            auto r = deployDevice(cluster.devices[std::size_t(i)], i, options, board, stop);
            results[std::size_t(i)] = r;
            return r ? Status{} : Status{r.error()};
        },
        state);
    return results;
}

std::map<std::string, std::string> defaultNodeBinaries(const std::string& selfExe) {
    std::map<std::string, std::string> binaries;
    const fs::path bin = fs::path(selfExe).parent_path();
    utsname host{};
    if (uname(&host) == 0) {
        binaries[host.machine] = (bin / "tessera-node").string();
    }
    // build/<preset>/bin/tessera -> build/aarch64/bin/tessera-node
    const fs::path cross = bin.parent_path().parent_path() / "aarch64" / "bin" / "tessera-node";
    if (!binaries.count("aarch64") && fs::exists(cross)) {
        binaries["aarch64"] = cross.string();
    }
    return binaries;
}

} // namespace tessera::deployer
