#include "core/net/log_limiter.h"

#include <cstdio>

namespace tessera::net {

LogLimiter::LogLimiter(Sink sink, int burst, std::chrono::milliseconds window)
    : m_sink(std::move(sink))
    , m_burst(burst)
    , m_window(window) {}

void LogLimiter::report(const std::string& kind, Kind& k, Clock::time_point now) {
    if (k.leftOut > 0 && m_sink) {
        const double seconds = std::chrono::duration<double>(now - k.windowStart).count();
        char span[32];
        std::snprintf(span, sizeof span, "%.1f", seconds);
        m_sink(std::to_string(k.leftOut) + " more " + kind + " lines left out of the log in the last " +
               span + " s (at most " + std::to_string(m_burst) + " per " + std::to_string(m_window.count()) +
               " ms)");
    }
    k = Kind{now, 0, 0};
}

void LogLimiter::log(const std::string& kind, const std::string& line) {
    std::lock_guard lock(m_mutex);
    const auto now = Clock::now();
    auto [it, created] = m_kinds.try_emplace(kind, Kind{now, 0, 0});
    Kind& k = it->second;
    if (now - k.windowStart >= m_window) {
        report(kind, k, now);
    }
    if (k.logged < m_burst) {
        ++k.logged;
        if (m_sink) {
            m_sink(line);
        }
    } else {
        ++k.leftOut;
    }
}

void LogLimiter::flush(bool all) {
    std::lock_guard lock(m_mutex);
    const auto now = Clock::now();
    for (auto& [kind, k] : m_kinds) {
        if (k.leftOut > 0 && (all || now - k.windowStart >= m_window)) {
            report(kind, k, now);
        }
    }
}

std::string printable(const std::string& text, std::size_t max) {
    std::string out;
    for (std::size_t i = 0; i < text.size() && i < max; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x7f && c != '\\') {
            out += char(c);
        } else {
            char escaped[5];
            std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
            out += escaped;
        }
    }
    if (text.size() > max) {
        out += "... (" + std::to_string(text.size()) + " bytes)";
    }
    return out;
}

} // namespace tessera::net
