#pragma once
// Rate-limited logging of what peers cause: a node refuses bad messages and unknown keys with a log line
// each, so a hostile or broken peer could otherwise fill the node's log (and its disk) as fast as it sends.
// Lines are grouped by kind ("refused message", "refused connection"); each kind may log `burst` lines per
// `window`. Past that its lines are only counted, and once the window has ended (at the next line of the
// kind, or at flush()) one line says how many were left out. Thread-safe (the authentication handler logs
// from a thread of its own).

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>

namespace tessera::net {

class LogLimiter {
public:
    using Sink = std::function<void(const std::string&)>;
    using Clock = std::chrono::steady_clock;

    explicit LogLimiter(Sink sink, int burst = 10,
                        std::chrono::milliseconds window = std::chrono::seconds(10));
    // Logs `line` unless `kind` has used up its lines for the current window.
    void log(const std::string& kind, const std::string& line);
    // Reports the lines left out in windows that have ended (all of them when `all`).
    void flush(bool all = false);

private:
    struct Kind {
        Clock::time_point windowStart;
        int logged = 0;
        std::uint64_t leftOut = 0;
    };
    void report(const std::string& kind, Kind& k, Clock::time_point now); // with m_mutex held

    Sink m_sink;
    int m_burst;
    std::chrono::milliseconds m_window;
    std::mutex m_mutex;
    std::map<std::string, Kind> m_kinds;
};

// `text` from a peer, fit for a log line: at most `max` bytes, control and non-ASCII bytes as \xNN.
std::string printable(const std::string& text, std::size_t max = 64);

} // namespace tessera::net
