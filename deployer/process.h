#pragma once
// Running system tools (ip, tc) and starting detached processes, without a shell: arguments are passed as
// they are, so names and paths never need quoting.

#include <string>
#include <vector>

#include <sys/types.h>

#include "core/base/error.h"

namespace tessera::deployer {

// Runs argv[0] (looked up in PATH) and waits. Its stdout, or an error quoting the command line, the exit
// status and what it printed on stderr.
Expected<std::string> runCommand(const std::vector<std::string>& argv);

// Where and how a detached process starts.
struct SpawnSpec {
    std::vector<std::string> argv;
    std::string netns;                // join /run/netns/<netns> first (empty: stay)
    std::vector<std::string> cgroups; // cgroup directories to join (their cgroup.procs files)
    std::string logFile;              // stdout and stderr appended here (empty: /dev/null)
};

// Forks, joins the cgroups and the network namespace, and executes argv in a new session with default signal
// handling. Returns the pid once the program runs there; a failure on the way (a namespace that vanished, a
// program not found) is the error.
Expected<pid_t> spawn(const SpawnSpec& spec);

// SIGTERM, then SIGKILL after `graceSeconds` for whatever still runs; reaps children of this process.
void terminate(const std::vector<pid_t>& pids, double graceSeconds = 2.0);

} // namespace tessera::deployer
