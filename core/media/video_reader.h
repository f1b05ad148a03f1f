#pragma once
// Frames of a video file, decoded one after another by FFmpeg's libraries (libavformat, libavcodec,
// libswscale): any container and codec the system's FFmpeg reads (MP4/H.264, MKV, AVI, WebM, ...). Each frame
// comes as 8-bit RGB in [0, 1] (core/exec/image_tensor.h), ready for exec::imageToTensor. Host tools only:
// the device runtime never decodes video.

#include <memory>
#include <optional>
#include <string>

#include "core/base/error.h"
#include "core/exec/image_tensor.h"

namespace tessera::media {

class VideoReader {
public:
    // Opens `path` and its best video stream. Errors name the file and say what to do: not a video FFmpeg
    // can read, no video stream, no decoder for the stream's codec.
    static Expected<std::unique_ptr<VideoReader>> open(const std::string& path);
    ~VideoReader();
    VideoReader(const VideoReader&) = delete;
    VideoReader& operator=(const VideoReader&) = delete;

    // The next frame in display order; std::nullopt after the last one. A corrupt frame is an error naming
    // the file and the frame number.
    Expected<std::optional<exec::RgbImage>> next();
    // Back to the first frame.
    Status rewind();

    const std::string& path() const;
    int width() const;
    int height() const;
    std::string codec() const; // the decoder's name, e.g. "h264"

private:
    struct State;
    explicit VideoReader(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

// The frames of a video played in a loop, addressed by frame number: frame n is the video's frame n modulo
// its length (found at the first pass over the end). Made for streams that ask for frames in order; going
// back rewinds and decodes forward again.
class LoopedVideo {
public:
    explicit LoopedVideo(std::unique_ptr<VideoReader> reader);
    Expected<exec::RgbImage> frame(std::uint64_t n);
    // The number of frames, once known (0 before the end was reached).
    std::uint64_t length() const { return m_length; }

private:
    std::unique_ptr<VideoReader> m_reader;
    std::uint64_t m_next = 0;   // the frame number next() gives
    std::uint64_t m_length = 0; // 0 until known
};

} // namespace tessera::media
