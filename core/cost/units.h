#pragma once
// Human units for sizes, bandwidths and durations: parsed from cluster files and command-line options
// (`--memory 512M`, `--bandwidth 100mbit`), printed in reports.
//
// Parsing is case-insensitive, ignores spaces around the number and the unit and accepts decimals ("1.5G"),
// exponents ("1e9") and everything the matching format function prints ("23.4 MiB", "100 Mbit/s", "12.3 ms").
// Negative values, NaN and infinities are refused. Errors (InvalidArgument) quote the text, say what is wrong
// and give examples; callers prefix the option or field.

#include <cstdint>
#include <string>

#include "core/base/error.h"

namespace tessera::cost {

// Bytes. A plain number is bytes and must be whole. Units: B; K, KiB, M, MiB, G, GiB, T, TiB (binary: 1K =
// 1024 B); KB, MB, GB, TB (decimal: 1KB = 1000 B). A fractional result ("1.3K") is rounded to the nearest
// byte.
Expected<std::int64_t> parseBytes(const std::string& text);

// Bits per second. A plain number is bit/s. Units (decimal): bit, kbit, mbit, gbit, each also written as
// bps or bit/s ("100Mbps", "100 Mbit/s").
Expected<double> parseBitsPerSecond(const std::string& text);

// Seconds. A plain number is seconds. Units: s, ms, us (or µs), ns.
Expected<double> parseSeconds(const std::string& text);

// How sizes are printed: binary units (KiB = 1024 B, the CLI's and the default) or decimal ones (kB = 1000
// B).
enum class SizeUnits { Binary, Decimal };

// Three significant digits (below the first unit: whole numbers); parseable by the functions above.
// Binary: 512 -> "512 B", 24536678 -> "23.4 MiB", 1342177280 -> "1.25 GiB" (KiB up to EiB).
// Decimal: 999 -> "999 B", 24536678 -> "24.5 MB", 1342177280 -> "1.34 GB" (kB up to EB).
std::string formatBytes(std::int64_t bytes, SizeUnits units = SizeUnits::Binary);
// 1e8 -> "100 Mbit/s", 5.4e7 -> "54.0 Mbit/s", 1.5e9 -> "1.50 Gbit/s" (bit/s, kbit/s, Mbit/s, Gbit/s).
std::string formatBitsPerSecond(double bitsPerSecond);
// 0.0123 -> "12.3 ms", 1.2 -> "1.20 s", 8.5e-5 -> "85 us", 1.5e-6 -> "1.50 us", 4e-7 -> "400 ns"
// (microseconds and nanoseconds from 10 on are shown whole).
std::string formatSeconds(double seconds);

} // namespace tessera::cost
