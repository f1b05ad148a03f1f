#pragma once
// Streaming frames through a cluster (client.h): keeps up to `inFlight` frames at the gateway, takes their
// inputs from a source, and hands every result with its latency (submission to result) to a sink, in the
// order the frames were sent (the gateway answers them as they finish; a frame answered before an older one
// waits for it and keeps its slot). `tessera cluster-run` and the studio's Run share it.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/base/cancel.h"
#include "core/net/client.h"

namespace tessera::net {

struct StreamOptions {
    std::uint64_t firstFrame = 0; // a gateway refuses numbers it has already served
    std::int64_t frames = 1;      // 0: until stopped
    int inFlight = 2;
    std::chrono::milliseconds timeout{30000}; // per result
};

struct StreamedFrame {
    wire::FrameResult result; // without error: a failed frame ends the stream with an error
    double latencySeconds = 0;
};

// The graph inputs of frame `frame` (every input by name, whole); an error ends the stream.
using FrameSource = std::function<Expected<std::map<std::string, std::vector<float>>>(std::uint64_t frame)>;
// Called for every result; an error ends the stream.
using FrameSink = std::function<Status(StreamedFrame&& frame)>;

// Streams until `options.frames` results came or `stop` is requested; once stopped it submits nothing
// more and waits for the frames still in flight. Errors: the source's or sink's, a failed frame (naming it),
// a result for a frame never sent or answered twice, a result that did not come within the timeout.
Status streamFrames(ClusterClient& client, const StreamOptions& options, const FrameSource& source,
                    const FrameSink& sink, const StopToken* stop = nullptr);

} // namespace tessera::net
