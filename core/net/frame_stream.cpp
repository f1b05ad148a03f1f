#include "core/net/frame_stream.h"

#include <algorithm>

namespace tessera::net {

Status streamFrames(ClusterClient& client, const StreamOptions& options, const FrameSource& source,
                    const FrameSink& sink, const StopToken* stop) {
    using Clock = std::chrono::steady_clock;
    // frames sent and not yet handed to the sink (in flight, or answered and waiting for an older frame)
    std::map<std::uint64_t, Clock::time_point> sentAt;
    std::map<std::uint64_t, StreamedFrame> answered;
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
        const std::uint64_t id = result->frame();
        const auto sent = sentAt.find(id);
        if (sent == sentAt.end() || answered.count(id)) {
            return Error{ErrorCode::Io, "the gateway answered frame " + std::to_string(id) +
                                            (sent == sentAt.end() ? ", never sent" : " twice")};
        }
        if (!result->error().empty()) {
            return Error{ErrorCode::Io, "frame " + std::to_string(id) + " failed: " + result->error()};
        }
        answered[id] = {std::move(*result),
                        std::chrono::duration<double>(Clock::now() - sent->second).count()};
        // frames finish out of order (a stolen tile, a busy device): the sink gets them in the order sent
        while (!answered.empty() && answered.begin()->first == sentAt.begin()->first) {
            auto oldest = answered.extract(answered.begin());
            sentAt.erase(sentAt.begin());
            if (auto s = sink(std::move(oldest.mapped())); !s) {
                return s;
            }
        }
    }
}

} // namespace tessera::net
