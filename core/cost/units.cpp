#include "core/cost/units.h"

#include <charconv>
#include <cmath>
#include <optional>
#include <vector>

namespace tessera::cost {
namespace {

// A unit suffix (lower case) and its value in the base unit. Sub-units divide by `divisor` instead of
// multiplying by a fraction: 20 / 1e6 is the double nearest to 2e-5, 20 * 1e-6 is not always.
struct Unit {
    const char* suffix;
    double multiplier = 1;
    double divisor = 1;
};

struct Quantity {
    double number = 0; // as written
    const Unit* unit = nullptr;
    double value = 0; // in the base unit
};

std::string trim(const std::string& text) {
    const auto begin = text.find_first_not_of(" \t");
    if (begin == std::string::npos) {
        return {};
    }
    return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

std::string lower(std::string text) {
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z') {
            c = char(c - 'A' + 'a');
        }
    }
    return text;
}

// Splits "1.5 GiB" into 1.5 and the unit; nullopt when there is no number or the unit is not in `units`.
std::optional<Quantity> split(const std::string& text, const std::vector<Unit>& units) {
    const std::string t = trim(text);
    const char* begin = t.data() + (!t.empty() && t[0] == '+' ? 1 : 0);
    const char* end = t.data() + t.size();
    Quantity q;
    const auto [rest, ec] = std::from_chars(begin, end, q.number);
    if (ec != std::errc() || begin == end || *begin == '+') {
        return std::nullopt;
    }
    const std::string suffix = lower(trim(std::string(rest, end)));
    for (const Unit& u : units) {
        if (suffix == u.suffix) {
            q.unit = &u;
            return q;
        }
    }
    return std::nullopt;
}

Error invalid(const std::string& text, const std::string& what, const std::string& reason,
              const std::string& examples) {
    return Error{ErrorCode::InvalidArgument, "\"" + text + "\" is not " + what +
                                                 (reason.empty() ? "" : ": " + reason) +
                                                 " (examples: " + examples + ")"};
}

// Parses `text` with `units` into the base unit; refuses non-finite and negative values.
Expected<Quantity> parseQuantity(const std::string& text, const std::vector<Unit>& units,
                                 const std::string& what, const std::string& examples) {
    const auto q = split(text, units);
    if (!q) {
        return invalid(text, what, "", examples);
    }
    if (!std::isfinite(q->number)) {
        return invalid(text, what, "not a finite number", examples);
    }
    if (q->number < 0) {
        return invalid(text, what, "it is negative", examples);
    }
    Quantity result = *q;
    result.value = q->number * q->unit->multiplier / q->unit->divisor;
    if (!std::isfinite(result.value)) {
        return invalid(text, what, "too large", examples);
    }
    return result;
}

Expected<double> parseValue(const std::string& text, const std::vector<Unit>& units, const std::string& what,
                            const std::string& examples) {
    auto q = parseQuantity(text, units, what, examples);
    if (!q) {
        return q.error();
    }
    return q->value;
}

// x (not negative) with `decimals` digits after the point, independent of the C locale.
std::string fixed(double x, int decimals) {
    char buffer[400]; // the largest double has 309 digits before the point
    const auto end =
        std::to_chars(buffer, buffer + sizeof(buffer), x, std::chars_format::fixed, decimals).ptr;
    return std::string(buffer, end);
}

// The number a fixed() string shows.
double shown(const std::string& text) {
    double x = 0;
    std::from_chars(text.data(), text.data() + text.size(), x);
    return x;
}

// x with three significant digits: "1.25", "23.4", "512".
std::string threeDigits(double x) {
    return fixed(x, x < 9.995 ? 2 : x < 99.95 ? 1 : 0);
}

// "1.25 GiB": `value` in the base unit, scaled by `step` until it prints below `step` (or the last unit).
std::string scaled(double value, const std::vector<const char*>& names, double step) {
    const std::string sign = value < 0 ? "-" : "";
    double x = std::fabs(value);
    std::size_t u = 0;
    while (u + 1 < names.size() && shown(threeDigits(x)) >= step) {
        x /= step;
        ++u;
    }
    return sign + threeDigits(x) + " " + names[u];
}

const char* const kSizeExamples = "512MiB, 1G, 268435456";
const char* const kBandwidthExamples = "100mbit, 1gbit, 54kbit, 1e8";
const char* const kDurationExamples = "0.2ms, 200us, 1s, 0.0002";

} // namespace

Expected<std::int64_t> parseBytes(const std::string& text) {
    constexpr double kKi = 1024.0, kMi = kKi * 1024, kGi = kMi * 1024, kTi = kGi * 1024, kPi = kTi * 1024,
                     kEi = kPi * 1024;
    static const std::vector<Unit> kUnits = {
        {""},        {"b"},        {"k", kKi},   {"kib", kKi}, {"kb", 1e3},  {"m", kMi},   {"mib", kMi},
        {"mb", 1e6}, {"g", kGi},   {"gib", kGi}, {"gb", 1e9},  {"t", kTi},   {"tib", kTi}, {"tb", 1e12},
        {"p", kPi},  {"pib", kPi}, {"pb", 1e15}, {"eib", kEi}, {"eb", 1e18},
    };
    const auto q = parseQuantity(text, kUnits, "a size", kSizeExamples);
    if (!q) {
        return q.error();
    }
    // 2^63 is the first double past the largest int64
    if (q->value >= 9223372036854775808.0) {
        return invalid(text, "a size", "too large (the largest is 8 EiB)", kSizeExamples);
    }
    if (q->unit->multiplier == 1 && q->value != std::floor(q->value)) {
        return invalid(text, "a size", "a number of bytes must be whole", kSizeExamples);
    }
    return std::int64_t(std::llround(q->value));
}

Expected<double> parseBitsPerSecond(const std::string& text) {
    static const std::vector<Unit> kUnits = {
        {""},
        {"bit"},
        {"bps"},
        {"bit/s"},
        {"kbit", 1e3},
        {"kbps", 1e3},
        {"kbit/s", 1e3},
        {"mbit", 1e6},
        {"mbps", 1e6},
        {"mbit/s", 1e6},
        {"gbit", 1e9},
        {"gbps", 1e9},
        {"gbit/s", 1e9},
        {"tbit", 1e12},
        {"tbps", 1e12},
        {"tbit/s", 1e12},
    };
    return parseValue(text, kUnits, "a bandwidth", kBandwidthExamples);
}

Expected<double> parseSeconds(const std::string& text) {
    static const std::vector<Unit> kUnits = {
        {""}, {"s"}, {"ms", 1, 1e3}, {"us", 1, 1e6}, {"\xc2\xb5s", 1, 1e6}, {"ns", 1, 1e9},
    };
    return parseValue(text, kUnits, "a duration", kDurationExamples);
}

std::string formatBytes(std::int64_t bytes, SizeUnits units) {
    // the magnitude as unsigned: -INT64_MIN does not fit an int64
    const std::uint64_t magnitude = bytes < 0 ? 0 - std::uint64_t(bytes) : std::uint64_t(bytes);
    const bool binary = units == SizeUnits::Binary;
    const double step = binary ? 1024 : 1000;
    if (double(magnitude) < step) {
        return std::to_string(bytes) + " B";
    }
    const std::string text =
        binary ? scaled(double(magnitude) / step, {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}, step)
               : scaled(double(magnitude) / step, {"kB", "MB", "GB", "TB", "PB", "EB"}, step);
    return (bytes < 0 ? "-" : "") + text;
}

std::string formatBitsPerSecond(double bitsPerSecond) {
    if (bitsPerSecond == 0 || !std::isfinite(bitsPerSecond)) {
        return (bitsPerSecond == 0          ? "0"
                : bitsPerSecond > 0         ? "inf"
                : std::isnan(bitsPerSecond) ? "nan"
                                            : "-inf") +
               std::string(" bit/s");
    }
    return scaled(bitsPerSecond, {"bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s"}, 1000);
}

std::string formatSeconds(double seconds) {
    if (seconds == 0 || !std::isfinite(seconds)) {
        return (seconds == 0          ? "0"
                : seconds > 0         ? "inf"
                : std::isnan(seconds) ? "nan"
                                      : "-inf") +
               std::string(" s");
    }
    const std::string sign = seconds < 0 ? "-" : "";
    const double s = std::fabs(seconds);
    // below a millisecond, whole microseconds (nanoseconds) are precise enough from 10 on: "85 us"
    const auto small = [](double x) { return shown(fixed(x, 0)) >= 10 ? fixed(x, 0) : threeDigits(x); };
    if (s * 1e9 < 999.5) {
        return sign + small(s * 1e9) + " ns";
    }
    if (s * 1e6 < 999.5) {
        return sign + small(s * 1e6) + " us";
    }
    if (shown(threeDigits(s * 1e3)) < 1000) {
        return sign + threeDigits(s * 1e3) + " ms";
    }
    return sign + threeDigits(s) + " s";
}

} // namespace tessera::cost
