#include "core/media/video_reader.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

namespace tessera::media {
namespace {

std::string averror(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

struct FormatClose {
    void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
struct CodecFree {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameFree {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketFree {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct ScaleFree {
    void operator()(SwsContext* s) const { sws_freeContext(s); }
};

} // namespace

struct VideoReader::State {
    std::string path;
    std::unique_ptr<AVFormatContext, FormatClose> format;
    std::unique_ptr<AVCodecContext, CodecFree> codec;
    std::unique_ptr<AVFrame, FrameFree> frame{av_frame_alloc()};
    std::unique_ptr<AVPacket, PacketFree> packet{av_packet_alloc()};
    std::unique_ptr<SwsContext, ScaleFree> scale;
    int stream = -1;
    bool drained = false;      // the demuxer's end reached and the decoder told so
    std::uint64_t decoded = 0; // frames given since the start, for error messages

    Error error(const std::string& what) const { return Error{ErrorCode::Parse, path + ": " + what}; }

    Expected<exec::RgbImage> toRgb() {
        const int w = frame->width, h = frame->height;
        scale.reset(sws_getCachedContext(scale.release(), w, h, AVPixelFormat(frame->format), w, h,
                                         AV_PIX_FMT_RGB24, SWS_BILINEAR, nullptr, nullptr, nullptr));
        if (!scale) {
            const char* name = av_get_pix_fmt_name(AVPixelFormat(frame->format));
            return Error{ErrorCode::Unsupported,
                         path + ": frame " + std::to_string(decoded) +
                             " has pixels in a format that cannot be converted to RGB (" +
                             (name ? name : "unknown") + ")"};
        }
        std::vector<std::uint8_t> rgb(std::size_t(w) * std::size_t(h) * 3);
        std::uint8_t* planes[4] = {rgb.data(), nullptr, nullptr, nullptr};
        int strides[4] = {3 * w, 0, 0, 0};
        sws_scale(scale.get(), frame->data, frame->linesize, 0, h, planes, strides);
        exec::RgbImage image;
        image.width = w;
        image.height = h;
        image.pixels.resize(rgb.size());
        for (std::size_t i = 0; i < rgb.size(); ++i) {
            image.pixels[i] = float(rgb[i]) / 255.f;
        }
        return image;
    }
};

VideoReader::VideoReader(std::unique_ptr<State> state)
    : m_state(std::move(state)) {}

VideoReader::~VideoReader() = default;

Expected<std::unique_ptr<VideoReader>> VideoReader::open(const std::string& path) {
    av_log_set_level(AV_LOG_QUIET); // errors reach the user through the messages below, not stderr
    auto s = std::make_unique<State>();
    s->path = path;
    AVFormatContext* format = nullptr;
    if (int rc = avformat_open_input(&format, path.c_str(), nullptr, nullptr); rc < 0) {
        return Error{ErrorCode::Io, path + ": cannot open it as a video (" + averror(rc) +
                                        "); choose a video file FFmpeg reads (MP4, MKV, AVI, WebM, ...)"};
    }
    s->format.reset(format);
    if (int rc = avformat_find_stream_info(format, nullptr); rc < 0) {
        return s->error("cannot read the streams of the file (" + averror(rc) + "); is it a complete video?");
    }
    s->stream = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (s->stream < 0) {
        return s->error("the file has no video stream; choose a video file or an image folder");
    }
    const AVCodecParameters* parameters = format->streams[s->stream]->codecpar;
    const AVCodec* decoder = avcodec_find_decoder(parameters->codec_id);
    if (!decoder) {
        return Error{ErrorCode::Unsupported,
                     path + ": this system's FFmpeg has no decoder for the video's codec '" +
                         avcodec_get_name(parameters->codec_id) +
                         "'; convert the video to H.264 or use an image folder"};
    }
    s->codec.reset(avcodec_alloc_context3(decoder));
    if (!s->codec || avcodec_parameters_to_context(s->codec.get(), parameters) < 0) {
        return s->error("cannot set up the decoder");
    }
    if (int rc = avcodec_open2(s->codec.get(), decoder, nullptr); rc < 0) {
        return s->error("cannot open the '" + std::string(decoder->name) + "' decoder (" + averror(rc) + ")");
    }
    if (s->codec->width <= 0 || s->codec->height <= 0) {
        return s->error("the video stream has no frame size");
    }
    return std::unique_ptr<VideoReader>(new VideoReader(std::move(s)));
}

Expected<std::optional<exec::RgbImage>> VideoReader::next() {
    State& s = *m_state;
    while (true) {
        const int got = avcodec_receive_frame(s.codec.get(), s.frame.get());
        if (got == 0) {
            ++s.decoded;
            auto image = s.toRgb();
            av_frame_unref(s.frame.get());
            if (!image) {
                return image.error();
            }
            return std::optional<exec::RgbImage>(std::move(*image));
        }
        if (got == AVERROR_EOF) {
            return std::optional<exec::RgbImage>();
        }
        if (got != AVERROR(EAGAIN)) {
            return s.error("cannot decode frame " + std::to_string(s.decoded + 1) + " (" + averror(got) +
                           ")");
        }
        if (s.drained) {
            return std::optional<exec::RgbImage>();
        }
        // the decoder wants more data: the next packet of the video stream, or the end
        const int read = av_read_frame(s.format.get(), s.packet.get());
        if (read == AVERROR_EOF) {
            avcodec_send_packet(s.codec.get(), nullptr);
            s.drained = true;
            continue;
        }
        if (read < 0) {
            return s.error("cannot read after frame " + std::to_string(s.decoded) + " (" + averror(read) +
                           ")");
        }
        int sent = 0;
        if (s.packet->stream_index == s.stream) {
            sent = avcodec_send_packet(s.codec.get(), s.packet.get());
        }
        av_packet_unref(s.packet.get());
        if (sent < 0 && sent != AVERROR(EAGAIN)) {
            return s.error("corrupt data after frame " + std::to_string(s.decoded) + " (" + averror(sent) +
                           ")");
        }
    }
}

Status VideoReader::rewind() {
    State& s = *m_state;
    // the stream's first timestamp, which need not be 0 (MPEG-TS, MP4 with edit lists)
    const std::int64_t start = s.format->streams[s.stream]->start_time;
    const std::int64_t first = start == AV_NOPTS_VALUE ? 0 : start;
    if (int rc = avformat_seek_file(s.format.get(), s.stream, INT64_MIN, first, first, 0); rc < 0) {
        return s.error("cannot go back to the first frame (" + averror(rc) + ")");
    }
    avcodec_flush_buffers(s.codec.get());
    s.drained = false;
    s.decoded = 0;
    return {};
}

const std::string& VideoReader::path() const {
    return m_state->path;
}

int VideoReader::width() const {
    return m_state->codec->width;
}

int VideoReader::height() const {
    return m_state->codec->height;
}

std::string VideoReader::codec() const {
    return m_state->codec->codec->name;
}

LoopedVideo::LoopedVideo(std::unique_ptr<VideoReader> reader)
    : m_reader(std::move(reader)) {}

Expected<exec::RgbImage> LoopedVideo::frame(std::uint64_t n) {
    if (m_length > 0) {
        n %= m_length;
    }
    if (n < m_next) {
        if (auto rewound = m_reader->rewind(); !rewound) {
            return rewound.error();
        }
        m_next = 0;
    }
    while (true) {
        auto image = m_reader->next();
        if (!image) {
            return image.error();
        }
        if (!*image) {
            if (m_next == 0) {
                return Error{ErrorCode::Parse, m_reader->path() + ": the video has no frame"};
            }
            m_length = m_next;
            n %= m_length;
            if (auto rewound = m_reader->rewind(); !rewound) {
                return rewound.error();
            }
            m_next = 0;
            continue;
        }
        if (m_next++ == n) {
            return std::move(**image);
        }
    }
}

} // namespace tessera::media
