#pragma once
// Starting tessera-node on the devices of an emulated cluster (emulated_cluster.h) and waiting until every
// node serves: `tessera cluster launch` and the studio's Run share it.

#include <sys/types.h>

#include <cstddef>
#include <functional>
#include <ios>
#include <string>
#include <vector>

#include "core/base/cancel.h"
#include "core/base/error.h"
#include "deployer/emulated_cluster.h"

namespace tessera::deployer {

struct LocalNode {
    std::string name; // the emulated device's
    pid_t pid = 0;
    std::string log;         // <stateDirectory()>/<name>.log, appended to
    std::streamoff from = 0; // the log's size before the node started
};

struct LocalLaunchOptions {
    std::string nodeBinary;    // the tessera-node to run
    int threads = 1;           // tessera-node --threads
    double readySeconds = 600; // loading takes long on a quarter of a core
};

// Called as each node starts (serving = false) and when its log says it serves (serving = true); from the
// calling thread.
using LocalNodeFn = std::function<void(std::size_t node, const LocalNode& started, bool serving)>;

// Starts `nodeBinary --bundle bundleDirs[i]` on every emulated device i whose entry is not empty, then waits
// until each logs "serving as" (app/node), so that frames sent next find every node up. Errors: no bundle
// at all, a node that could not start or ended before it served (with the end of its log), the timeout, or
// `stop`. Nodes already started keep running on failure: down() stops them.
Expected<std::vector<LocalNode>> launchLocalNodes(const EmulatedCluster& cluster,
                                                  const std::vector<std::string>& bundleDirs,
                                                  const LocalLaunchOptions& options,
                                                  const LocalNodeFn& event = {},
                                                  const StopToken* stop = nullptr);

// Whether `pid` runs (a zombie does not).
bool processAlive(pid_t pid);

} // namespace tessera::deployer
