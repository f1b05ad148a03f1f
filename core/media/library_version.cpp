#include "core/media/library_version.h"

extern "C" {
#include <libavutil/avutil.h>
}

namespace tessera::media {

std::string ffmpegVersion() {
    const char* version = av_version_info();
    return version ? version : "";
}

} // namespace tessera::media
