#pragma once
// The version of FFmpeg's libraries linked into tessera_media, asked at run time.

#include <string>

namespace tessera::media {

// av_version_info(): "5.1.6-0+deb12u1".
std::string ffmpegVersion();

} // namespace tessera::media
