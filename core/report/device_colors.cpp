#include "core/report/device_colors.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace tessera::report {

std::uint32_t deviceRgb(int device) {
    static constexpr std::array<std::uint32_t, 10> kColors = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0x9467bd, 0x17becf, 0xe377c2, 0xbcbd22, 0x8c564b, 0x7f7f7f, 0xd62728};
    return kColors[std::size_t(std::max(0, device)) % kColors.size()];
}

std::string deviceHex(int device) {
    char text[8];
    std::snprintf(text, sizeof text, "#%06x", unsigned(deviceRgb(device)));
    return text;
}

} // namespace tessera::report
