#include "core/net/frame_stream.h"

#include <algorithm>

namespace tessera::net {

Status streamFrames(ClusterClient& client, const StreamOptions& options, const FrameSource& source,
                    const FrameSink& sink, const StopToken* stop) {
    using Clock = std::chrono::steady_clock;
    std::map<std::uint64_t, Clock::time_point> sentAt;
    std::uint64_t next = options.firstFrame;
    const bool endless = options.frames <= 0;
    const std::uint64_t end = options.firstFrame + std::uint64_t(endless ? 0 : options.frames);
    const auto stopped = [stop] { return stop && stop->stopRequested(); };
    while (true) {
        while ((endless || next < end) && !stopped() &&
               sentAt.size() < std::size_t(std::max(1, options.inFlight))) {
            auto inputs = source(next);
            if (!inputs) {
                return inputs.error().withContext("frame " + std::to_string(next));
            }
            sentAt[next] = Clock::now();
            if (auto s = client.submit(next++, *inputs); !s) {
                return s;
            }
        }
        if (sentAt.empty()) {
            return {};
        }
        auto result = client.next(options.timeout);
        if (!result) {
            return result.error();
        }
        const auto sent = sentAt.find(result->frame());
        if (sent == sentAt.end()) {
            return Error{ErrorCode::Io,
                         "the gateway answered frame " + std::to_string(result->frame()) + ", never sent"};
        }
        if (!result->error().empty()) {
            return Error{ErrorCode::Io,
                         "frame " + std::to_string(result->frame()) + " failed: " + result->error()};
        }
        StreamedFrame frame{std::move(*result),
                            std::chrono::duration<double>(Clock::now() - sent->second).count()};
        sentAt.erase(sent);
        if (auto s = sink(std::move(frame)); !s) {
            return s;
        }
    }
}

} // namespace tessera::net
