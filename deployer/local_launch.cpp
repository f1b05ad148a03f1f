#include "deployer/local_launch.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

namespace tessera::deployer {

namespace {

std::string tail(const std::string& file, std::size_t lines) {
    std::ifstream in(file);
    std::vector<std::string> all;
    for (std::string line; std::getline(in, line);) {
        all.push_back(line);
    }
    std::string text;
    for (std::size_t i = all.size() > lines ? all.size() - lines : 0; i < all.size(); ++i) {
        text += "\n    " + all[i];
    }
    return text;
}

// A gateway takes a worker that has not answered for a few heartbeats for dead, so frames must wait until
// every node serves.
Status waitUntilServing(const std::vector<LocalNode>& nodes, const std::vector<std::size_t>& indices,
                        double timeoutSeconds, const LocalNodeFn& event, const StopToken* stop) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeoutSeconds);
    std::vector<bool> serving(nodes.size(), false);
    while (true) {
        std::size_t ready = 0;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (!serving[i]) {
                std::ifstream in(nodes[i].log);
                in.seekg(nodes[i].from);
                const std::string text((std::istreambuf_iterator<char>(in)),
                                       std::istreambuf_iterator<char>());
                serving[i] = text.find("serving as") != std::string::npos;
                if (serving[i] && event) {
                    event(indices[i], nodes[i], true);
                }
            }
            if (serving[i]) {
                ++ready;
            } else if (!processAlive(nodes[i].pid)) {
                return Error{ErrorCode::Io, nodes[i].name +
                                                ": tessera-node ended before it served; the end of " +
                                                nodes[i].log + ":" + tail(nodes[i].log, 10)};
            }
        }
        if (ready == nodes.size()) {
            return {};
        }
        if (stop && stop->stopRequested()) {
            return Error{ErrorCode::Cancelled, "stopped while the nodes were loading"};
        }
        if (std::chrono::steady_clock::now() > deadline) {
            std::string waiting;
            for (std::size_t i = 0; i < nodes.size(); ++i) {
                waiting += serving[i] ? "" : (waiting.empty() ? "" : ", ") + nodes[i].name;
            }
            return Error{ErrorCode::Io, "not serving after " + std::to_string(int(timeoutSeconds)) +
                                            " s (raise the ready timeout): " + waiting};
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

} // namespace

bool processAlive(pid_t pid) {
    // a node that exited stays a zombie until its parent reaps it
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    std::getline(stat, text);
    const auto close = text.rfind(')');
    return close != std::string::npos && close + 2 < text.size() && text[close + 2] != 'Z';
}

Expected<std::vector<LocalNode>> launchLocalNodes(const EmulatedCluster& cluster,
                                                  const std::vector<std::string>& bundleDirs,
                                                  const LocalLaunchOptions& options, const LocalNodeFn& event,
                                                  const StopToken* stop) {
    std::vector<LocalNode> started;
    std::vector<std::size_t> indices;
    for (std::size_t i = 0; i < cluster.nodes.size() && i < bundleDirs.size(); ++i) {
        if (bundleDirs[i].empty()) {
            continue;
        }
        const auto& n = cluster.nodes[i];
        const std::string log = stateDirectory() + "/" + n.name + ".log";
        std::error_code missing;
        const auto from = std::streamoff(std::filesystem::file_size(log, missing));
        auto pid = spawnOnNode(
            cluster, int(i),
            {options.nodeBinary, "--bundle", bundleDirs[i], "--threads", std::to_string(options.threads)},
            log);
        if (!pid) {
            return pid.error().withContext(n.name);
        }
        started.push_back({n.name, *pid, log, missing ? 0 : from});
        indices.push_back(i);
        if (event) {
            event(i, started.back(), false);
        }
    }
    if (started.empty()) {
        return Error{ErrorCode::InvalidArgument,
                     "no bundle for any device of emulated cluster '" + cluster.spec.name + "'"};
    }
    if (auto ready = waitUntilServing(started, indices, options.readySeconds, event, stop); !ready) {
        return ready.error();
    }
    return started;
}

} // namespace tessera::deployer
