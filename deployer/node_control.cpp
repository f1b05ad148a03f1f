// tessera-node supervision over SSH (node_control.h). Each operation is one shell script run on the device,
// so it costs one round trip and sees a consistent state.
#include "deployer/node_control.h"

#include <sstream>

namespace tessera::deployer {
namespace {

// Shell functions every script starts with: alive PID (running, not a zombie, and tessera-node).
const char* const kPrelude =
    "alive() { [ -r /proc/$1/stat ] && [ \"$(sed 's/.*) //' /proc/$1/stat | cut -c1)\" != Z ] && "
    "tr '\\0' ' ' < /proc/$1/cmdline | grep -q tessera-node; }; "
    "pid=$(cat node.pid 2>/dev/null); ";

std::string script(const Connection& c, const std::string& body) {
    return "cd " + shellQuote(c.baseDir) + " || exit 90; " + kPrelude + body;
}

// "key value" lines -> the value of `key` ("" when absent).
std::string field(const std::string& out, const std::string& key) {
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind(key + " ", 0) == 0) {
            return trimmed(line.substr(key.size() + 1));
        }
    }
    return {};
}

} // namespace

Expected<NodeStatus> launchNode(Connection& c, const LaunchOptions& options) {
    std::string args = "--bundle .";
    if (!options.listen.empty()) {
        args += " --listen " + shellQuote(options.listen);
    }
    if (options.threads > 0) {
        args += " --threads " + std::to_string(options.threads);
    }
    const std::string base = shellQuote(c.baseDir);
    const std::string body = "if [ -n \"$pid\" ] && alive \"$pid\"; then echo \"pid $pid\"; exit 11; fi; "
                             "[ -x current/tessera-node ] || exit 12; "
                             "[ -f node.log ] && mv -f node.log node.log.1; "
                             "echo \"release $(basename \"$(readlink current)\")\"; "
                             "cd -P current || exit 12; "
                             "setsid nohup ./tessera-node " +
                             args + " > " + base +
                             "/node.log 2>&1 < /dev/null & "
                             "pid=$!; echo \"$pid\" > " +
                             base + "/node.pid; echo \"pid $pid\"; cd " + base +
                             "; "
                             "i=0; while [ $i -lt " +
                             std::to_string(options.readySeconds * 10) +
                             " ]; do "
                             "  if grep -q 'serving as' node.log; then exit 0; fi; "
                             "  alive \"$pid\" || { sleep 0.1; tail -n 15 node.log; exit 13; }; "
                             "  sleep 0.1; i=$((i+1)); "
                             "done; tail -n 15 node.log; exit 14";
    auto r = c.session->run(script(c, body));
    if (!r) {
        return r.error();
    }
    NodeStatus s;
    s.pid = std::atoi(field(r->out, "pid").c_str());
    s.release = field(r->out, "release");
    const std::string where = c.session->where();
    // The log tail follows the "release" and "pid" lines.
    std::string tail;
    std::istringstream lines(r->out);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("pid ", 0) != 0 && line.rfind("release ", 0) != 0) {
            tail += "\n    " + line;
        }
    }
    switch (r->exitStatus) {
    case 0:
        s.running = s.ready = true;
        return s;
    case 11:
        return Error{ErrorCode::InvalidArgument, where + ": tessera-node already runs (pid " +
                                                     std::to_string(s.pid) + ") - stop it first"};
    case 12:
        return Error{ErrorCode::InvalidArgument,
                     where + ": nothing deployed in " + c.baseDir + " - run 'tessera deploy' first"};
    case 13:
        return Error{ErrorCode::Io, where + ": tessera-node ended right after starting; the end of " +
                                        c.baseDir + "/node.log:" + tail};
    case 14:
        return Error{ErrorCode::Io,
                     where + ": tessera-node (pid " + std::to_string(s.pid) +
                         ") did not report ready within " + std::to_string(options.readySeconds) +
                         " s; it still runs ('tessera stop' ends it). The end of its log:" + tail};
    default:
        return Error{ErrorCode::Io, where + ": starting tessera-node failed (exit " +
                                        std::to_string(r->exitStatus) + "): " + trimmed(r->err)};
    }
}

Expected<int> stopNode(Connection& c) {
    const std::string body =
        "if [ -z \"$pid\" ] || ! alive \"$pid\"; then rm -f node.pid; echo 'stopped 0'; exit 0; fi; "
        "kill -TERM \"$pid\"; i=0; "
        "while alive \"$pid\" && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done; "
        "if alive \"$pid\"; then kill -KILL \"$pid\"; sleep 0.3; fi; "
        "if alive \"$pid\"; then echo \"pid $pid\"; exit 20; fi; "
        "rm -f node.pid; echo \"stopped $pid\"";
    auto r = c.session->run(script(c, body));
    if (!r) {
        return r.error();
    }
    if (r->exitStatus == 20) {
        return Error{ErrorCode::Io, c.session->where() + ": tessera-node (pid " + field(r->out, "pid") +
                                        ") survived SIGKILL - check the device (a hung file system?)"};
    }
    if (r->exitStatus != 0) {
        return Error{ErrorCode::Io, c.session->where() + ": stopping tessera-node failed (exit " +
                                        std::to_string(r->exitStatus) + "): " + trimmed(r->err)};
    }
    return std::atoi(field(r->out, "stopped").c_str());
}

Expected<NodeStatus> nodeStatus(Connection& c) {
    const std::string body = "if [ -n \"$pid\" ] && alive \"$pid\"; then echo \"pid $pid\"; "
                             "grep -q 'serving as' node.log 2>/dev/null && echo 'ready yes'; fi; "
                             "[ -L current ] && echo \"release $(basename \"$(readlink current)\")\"; true";
    auto out = c.session->check(script(c, body), "asking the node's status");
    if (!out) {
        return out.error();
    }
    NodeStatus s;
    s.pid = std::atoi(field(*out, "pid").c_str());
    s.running = s.pid > 0;
    s.ready = field(*out, "ready") == "yes";
    s.release = field(*out, "release");
    return s;
}

Expected<std::string> nodeLog(Connection& c, int lines) {
    return c.session->check(
        script(c, "[ -f node.log ] && tail -n " + std::to_string(lines) + " node.log; true"),
        "reading node.log");
}

} // namespace tessera::deployer
