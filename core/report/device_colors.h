#pragma once
// One colour per device index, shared by the report's charts and the studio (ui/palette.h), so a device has
// the same colour on screen and on paper.

#include <cstdint>
#include <string>

namespace tessera::report {

// 0xRRGGBB; cycles after 10 devices.
std::uint32_t deviceRgb(int device);
// "#rrggbb"
std::string deviceHex(int device);

} // namespace tessera::report
