#pragma once
// Supervising tessera-node on a device over SSH: start it detached from the current release, wait until it
// serves, stop it, ask whether it runs, fetch its log. The node's pid is kept in <base>/node.pid and its
// output in <base>/node.log (the previous run's in node.log.1). A pid is only trusted while
// /proc/<pid>/cmdline names tessera-node, so a recycled pid is never signalled.

#include <string>

#include "core/base/error.h"
#include "deployer/remote_device.h"

namespace tessera::deployer {

struct LaunchOptions {
    int readySeconds = 30; // how long to wait for the node's "serving as" log line
    std::string listen;    // tessera-node --listen (empty: the bundle's endpoint)
    int threads = 0;       // tessera-node --threads (0: its default)
};

struct NodeStatus {
    bool running = false;
    bool ready = false; // its log says it serves
    int pid = 0;
    std::string release; // the current release (empty: nothing deployed)
};

// Starts the current release's tessera-node and waits until it logs that it serves. Errors: nothing
// deployed, a node already running (stop it first), the node ending early or not ready in time (with the
// tail of its log).
Expected<NodeStatus> launchNode(Connection& connection, const LaunchOptions& options = {});

// SIGTERM, SIGKILL after 5 s, and checks that the process is gone. Not running is not an error. Returns
// the pid that was stopped (0: none ran).
Expected<int> stopNode(Connection& connection);

Expected<NodeStatus> nodeStatus(Connection& connection);

// The last `lines` lines of node.log ("" when the node never ran).
Expected<std::string> nodeLog(Connection& connection, int lines = 50);

} // namespace tessera::deployer
