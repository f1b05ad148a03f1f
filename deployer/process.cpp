#include "deployer/process.h"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

namespace tessera::deployer {
namespace {

std::string commandLine(const std::vector<std::string>& argv) {
    std::string text;
    for (const auto& a : argv) {
        text += (text.empty() ? "" : " ") + a;
    }
    return text;
}

std::vector<char*> cArgs(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const auto& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    return args;
}

std::string drain(int fd) {
    std::string text;
    char buffer[4096];
    for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) != 0;) {
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        text.append(buffer, std::size_t(n));
    }
    return text;
}

// Child side: reports a failure on `fd` (async-signal-safe calls only) and exits with 127.
[[noreturn]] void childFail(int fd, const char* what, const char* name) {
    const char* reason = strerror(errno);
    for (const char* part : {what, " ", name, ": ", reason}) {
        (void)!write(fd, part, strlen(part));
    }
    _exit(127);
}

} // namespace

Expected<std::string> runCommand(const std::vector<std::string>& argv) {
    int out[2], err[2];
    if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) {
        return Error{ErrorCode::Io,
                     "cannot create a pipe for '" + commandLine(argv) + "': " + strerror(errno)};
    }
    auto args = cArgs(argv);
    const pid_t pid = fork();
    if (pid < 0) {
        for (int fd : {out[0], out[1], err[0], err[1]}) {
            close(fd);
        }
        return Error{ErrorCode::Io, "cannot run '" + commandLine(argv) + "': " + strerror(errno)};
    }
    if (pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        dup2(err[1], STDERR_FILENO);
        execvp(args[0], args.data());
        childFail(STDERR_FILENO, "cannot run", args[0]);
    }
    close(out[1]);
    close(err[1]);
    // stderr of these tools is short; read stdout first, then stderr
    std::string stdoutText = drain(out[0]);
    std::string stderrText = drain(err[0]);
    close(out[0]);
    close(err[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        while (!stderrText.empty() && stderrText.back() == '\n') {
            stderrText.pop_back();
        }
        return Error{
            ErrorCode::Io,
            "'" + commandLine(argv) + "' failed" +
                (WIFEXITED(status) ? " (exit " + std::to_string(WEXITSTATUS(status)) + ")" : " (killed)") +
                (stderrText.empty() ? "" : ": " + stderrText)};
    }
    return stdoutText;
}

Expected<pid_t> spawn(const SpawnSpec& spec) {
    if (spec.argv.empty()) {
        return Error{ErrorCode::InvalidArgument, "spawn: no program given"};
    }
    // everything the child needs is prepared before fork: it may only make async-signal-safe calls
    auto args = cArgs(spec.argv);
    const std::string netnsPath = spec.netns.empty() ? "" : "/run/netns/" + spec.netns;
    std::vector<std::string> procs;
    for (const auto& dir : spec.cgroups) {
        procs.push_back(dir + "/cgroup.procs");
    }
    const std::string log = spec.logFile.empty() ? "/dev/null" : spec.logFile;
    // the child reports a failure before exec on this pipe; a successful exec closes it (close-on-exec), so
    // spawn returns once the process is in its cgroups and namespace, running the program
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) {
        return Error{ErrorCode::Io, "cannot create a pipe: " + std::string(strerror(errno))};
    }
    const pid_t pid = fork();
    if (pid < 0) {
        close(report[0]);
        close(report[1]);
        return Error{ErrorCode::Io, "cannot start '" + commandLine(spec.argv) + "': " + strerror(errno)};
    }
    if (pid == 0) {
        close(report[0]);
        setsid();
        // a clean signal state: the caller may block or ignore signals (test runners, GUIs), exec keeps both
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        for (int sig : {SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD}) {
            signal(sig, SIG_DFL);
        }
        const int logFd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (logFd < 0) {
            childFail(report[1], "cannot open the log", log.c_str());
        }
        dup2(logFd, STDOUT_FILENO);
        dup2(logFd, STDERR_FILENO);
        const int nullFd = open("/dev/null", O_RDONLY);
        if (nullFd >= 0) {
            dup2(nullFd, STDIN_FILENO);
        }
        for (const auto& file : procs) {
            const int fd = open(file.c_str(), O_WRONLY);
            if (fd < 0 || write(fd, "0", 1) != 1) { // "0": the writing process
                childFail(report[1], "cannot join cgroup", file.c_str());
            }
            close(fd);
        }
        if (!netnsPath.empty()) {
            const int fd = open(netnsPath.c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0 || setns(fd, CLONE_NEWNET) != 0) {
                childFail(report[1], "cannot enter network namespace", netnsPath.c_str());
            }
            close(fd);
        }
        execvp(args[0], args.data());
        childFail(report[1], "cannot run", args[0]);
    }
    close(report[1]);
    const std::string failure = drain(report[0]);
    close(report[0]);
    if (!failure.empty()) {
        waitpid(pid, nullptr, 0);
        return Error{ErrorCode::Io, "cannot start '" + commandLine(spec.argv) + "': " + failure};
    }
    return pid;
}

void terminate(const std::vector<pid_t>& pids, double graceSeconds) {
    for (pid_t pid : pids) {
        kill(pid, SIGTERM);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(graceSeconds);
    auto alive = [](pid_t pid) {
        waitpid(pid, nullptr, WNOHANG); // reap our own children, so that kill(pid, 0) sees them gone
        return kill(pid, 0) == 0;
    };
    for (pid_t pid : pids) {
        while (alive(pid) && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        if (alive(pid)) {
            kill(pid, SIGKILL);
            waitpid(pid, nullptr, 0);
        }
    }
}

} // namespace tessera::deployer
