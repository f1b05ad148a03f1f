// Deployment over SSH (deploy.h).
#include "deployer/deploy.h"

#include <sys/utsname.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <sstream>

#include "core/base/sha256.h"
#include "deployer/file_hashes.h"

namespace tessera::deployer {
namespace fs = std::filesystem;
namespace {

// In the bundles directory: SHA-256 of the local files by path, size and mtime (file_hashes.h).
const char* const kHashCache = ".sha256-cache";

struct LocalFile {
    std::string name; // in the release directory
    std::string path; // local
    std::string sha256;
    std::int64_t size = 0;
    int mode = 0644;
};

// The files of one device's release: its bundle directory's files and tessera-node.
Expected<std::vector<LocalFile>> releaseFiles(const std::string& bundleDir, const std::string& nodeBinary,
                                              FileHashes& hashes) {
    std::vector<LocalFile> files;
    std::error_code ec;
    if (!fs::is_directory(bundleDir, ec)) {
        return Error{ErrorCode::Io, bundleDir + ": no bundle directory for this device - run 'tessera bundle "
                                                "MODEL PLAN CLUSTER -o DIR' and pass --bundles DIR"};
    }
    for (const auto& entry : fs::directory_iterator(bundleDir, ec)) {
        if (entry.is_regular_file()) {
            const std::string name = entry.path().filename().string();
            files.push_back({name, entry.path().string(), {}, 0, 0600}); // the owner's alone, as bundled
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
        auto sha = hashes.hash(f.path);
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

struct Installed {
    std::map<std::string, std::string> sums; // "releases/R/name" or "current/name" -> sha256
    std::int64_t freeBytes = -1;             // on the base directory's file system
    std::string current;                     // where `current` points ("releases/R"), or empty
    bool recorded = false;                   // every file of the release matched its `.sums` line
};

// What the device holds. Each release directory keeps `.sums` ("sha256 size mtime name" per file, written
// when the release was completed); a file whose size and mtime still match its line is not read again, the
// others (when their size could match) are hashed with sha256sum on the device. So a re-deploy of an
// unchanged release reads no file on the device.
Expected<Installed> installedState(SshSession& ssh, const std::string& base, const std::string& rel,
                                   const std::vector<LocalFile>& files) {
    auto listing =
        ssh.check("cd " + base + " && (umask 077 && mkdir -p " + rel + ") && { stat -c 'S %s %Y %n' " + rel +
                      "/* current/* 2>/dev/null; for d in " + rel +
                      " current; do sed \"s|^|C $d/|\" \"$d/.sums\" 2>/dev/null; done; df -Pk . | "
                      "awk 'NR==2{print \"F \" $4}'; readlink current | sed 's/^/L /'; true; }",
                  "listing the installed files");
    if (!listing) {
        return listing.error();
    }
    Installed state;
    std::map<std::string, std::string> stats;  // path -> "size mtime"
    std::map<std::string, std::string> cached; // path -> "sha size mtime"
    std::istringstream lines(*listing);
    for (std::string line; std::getline(lines, line);) {
        if (line.size() < 3 || line[1] != ' ') {
            continue;
        }
        const std::string rest = line.substr(2);
        std::istringstream words(rest);
        if (line[0] == 'S') {
            std::string size, mtime, path;
            words >> size >> mtime;
            std::getline(words >> std::ws, path);
            stats[path] = size + " " + mtime;
        } else if (line[0] == 'C') {
            // "C DIR/sha size mtime name"
            const auto slash = rest.find(' ');
            std::string dirSha = rest.substr(0, slash), size, mtime, name;
            std::istringstream tail(rest.substr(slash + 1));
            tail >> size >> mtime;
            std::getline(tail >> std::ws, name);
            const auto cut = dirSha.rfind('/');
            cached[dirSha.substr(0, cut) + "/" + name] = dirSha.substr(cut + 1) + " " + size + " " + mtime;
        } else if (line[0] == 'F') {
            state.freeBytes = std::strtoll(rest.c_str(), nullptr, 10) * 1024; // df -Pk: kB
        } else if (line[0] == 'L') {
            state.current = rest;
        }
    }
    std::string toHash;
    std::size_t fromRecord = 0;
    for (const auto& f : files) {
        for (const std::string& path : {rel + "/" + f.name, "current/" + f.name}) {
            const auto st = stats.find(path);
            if (st == stats.end() || st->second.substr(0, st->second.find(' ')) != std::to_string(f.size)) {
                continue; // absent, or another size: cannot match
            }
            const auto c = cached.find(path);
            if (c != cached.end() && c->second.substr(65) == st->second) {
                state.sums[path] = c->second.substr(0, 64);
                fromRecord += path.rfind(rel + "/", 0) == 0 && state.sums[path] == f.sha256 ? 1 : 0;
            } else {
                toHash += " " + shellQuote(path);
            }
        }
    }
    state.recorded = fromRecord == files.size();
    if (!toHash.empty()) {
        auto sums = ssh.check("cd " + base + " && sha256sum" + toHash, "hashing the installed files");
        if (!sums) {
            return sums.error();
        }
        for (const auto& [path, sha] : parseSums(*sums)) {
            state.sums[path] = sha;
        }
    }
    return state;
}

Expected<DeviceDeployment> deployDevice(const cost::Device& device, int index, const DeployOptions& options,
                                        ProgressBoard& board, FileHashes& hashes, const StopToken& stop) {
    const auto start = std::chrono::steady_clock::now();
    auto c = connectDevice(device, options.connect);
    if (!c) {
        return c.error();
    }
    SshSession& ssh = *c->session;
    DeviceDeployment d;
    d.arch = c->arch;
    const auto binary = options.nodeBinaries.find(d.arch);
    if (binary == options.nodeBinaries.end()) {
        std::string known;
        for (const auto& [a, path] : options.nodeBinaries) {
            known += (known.empty() ? "" : ", ") + a + " (" + path + ")";
        }
        return Error{ErrorCode::Unsupported,
                     ssh.where() + ": the device is " + d.arch + ", and there is no tessera-node build for " +
                         d.arch + " (builds found: " + (known.empty() ? "none" : known) +
                         "). Build tessera-node for " + d.arch +
                         " (aarch64: cmake --preset aarch64 && cmake --build --preset aarch64) or pass "
                         "--node-binary " +
                         d.arch + "=PATH"};
    }
    if (!fs::is_regular_file(binary->second)) {
        return Error{ErrorCode::Io,
                     ssh.where() + ": the device is " + d.arch + ", and the tessera-node build for " +
                         d.arch + " is missing: " + binary->second +
                         " does not exist - build it, or pass --node-binary " + d.arch + "=PATH"};
    }
    auto files = releaseFiles(options.bundlesDir + "/" + device.name, binary->second, hashes);
    if (!files) {
        return files.error().withContext("device '" + device.name + "'");
    }
    d.release = releaseName(*files);
    const std::string base = shellQuote(c->baseDir), rel = "releases/" + d.release;
    auto state = installedState(ssh, base, rel, *files);
    if (!state) {
        return state.error();
    }
    const auto& sums = state->sums;
    const std::int64_t freeBytes = state->freeBytes;
    const std::string& current = state->current;
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
    d.copied = int(toCopy.size());
    d.switched = current != rel;
    if (!d.switched && placed.empty() && state->recorded) {
        board.report(index, uploadBytes, "done");
        d.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return d; // nothing changed; `.sums` is already complete
    }
    // The record of what the release holds, for the next deployment's check.
    finish += " && { :";
    for (const auto& f : *files) {
        finish +=
            "; echo \"" + f.sha256 + " $(stat -c '%s %Y' " + shellQuote(f.name) + ") \"" + shellQuote(f.name);
    }
    finish += "; } > .sums.tmp && mv -f .sums.tmp .sums";
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
    FileHashes hashes(options.bundlesDir + "/" + kHashCache);
    std::vector<Expected<DeviceDeployment>> results(std::size_t(n), Error{ErrorCode::Cancelled, "not run"});
    forEachDevice(
        n,
        [&](int i) -> Status {
            auto r = deployDevice(cluster.devices[std::size_t(i)], i, options, board, hashes, stop);
            results[std::size_t(i)] = r;
            return r ? Status{} : Status{r.error()};
        },
        state);
    hashes.save();
    return results;
}

std::vector<std::string> defaultEndpoints(const cost::Cluster& cluster, int basePort) {
    std::vector<std::string> endpoints;
    for (std::size_t d = 0; d < cluster.devices.size(); ++d) {
        const auto& host = cluster.devices[d].host;
        endpoints.push_back(host.empty() ? "" : "tcp://" + host + ":" + std::to_string(basePort + int(d)));
    }
    return endpoints;
}

std::map<std::string, std::string> defaultNodeBinaries(const std::string& selfExe) {
    std::map<std::string, std::string> binaries;
    const fs::path bin = fs::path(selfExe).parent_path();
    utsname host{};
    if (uname(&host) == 0) {
        binaries[host.machine] = (bin / "tessera-node").string();
    }
    // installed (the .deb): /usr/bin/tessera -> /usr/lib/tessera/<arch>/tessera-node
    std::error_code ec;
    for (const auto& arch : fs::directory_iterator(bin.parent_path() / "lib" / "tessera", ec)) {
        const std::string name = arch.path().filename().string();
        if (!binaries.count(name) && fs::exists(arch.path() / "tessera-node")) {
            binaries[name] = (arch.path() / "tessera-node").string();
        }
    }
    // a build tree: build/<preset>/bin/tessera -> build/aarch64/bin/tessera-node
    const fs::path cross = bin.parent_path().parent_path() / "aarch64" / "bin" / "tessera-node";
    if (!binaries.count("aarch64") && fs::exists(cross)) {
        binaries["aarch64"] = cross.string();
    }
    return binaries;
}

} // namespace tessera::deployer
