#include "core/exec/npy.h"

#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>

namespace tessera::exec {

static_assert(std::endian::native == std::endian::little, "the .npy code assumes a little-endian host");

namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr std::size_t kMagicSize = 6;

Error parseError(const std::string& name, const std::string& what) {
    return Error{ErrorCode::Parse, name + ": " + what};
}

// The header is a Python dict literal, e.g. {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }.
// Finds the text following "'key':" (quotes of either kind); nullopt when the key is absent.
std::optional<std::string_view> valueOf(std::string_view header, std::string_view key) {
    for (const char quote : {'\'', '"'}) {
        const std::string quoted = quote + std::string(key) + quote;
        std::size_t at = header.find(quoted);
        if (at == std::string_view::npos) {
            continue;
        }
        at += quoted.size();
        while (at < header.size() && std::isspace(static_cast<unsigned char>(header[at]))) {
            ++at;
        }
        if (at >= header.size() || header[at] != ':') {
            return std::nullopt;
        }
        ++at;
        while (at < header.size() && std::isspace(static_cast<unsigned char>(header[at]))) {
            ++at;
        }
        return header.substr(at);
    }
    return std::nullopt;
}

std::optional<std::string> stringLiteral(std::string_view text) {
    if (text.empty() || (text[0] != '\'' && text[0] != '"')) {
        return std::nullopt;
    }
    const std::size_t end = text.find(text[0], 1);
    if (end == std::string_view::npos) {
        return std::nullopt;
    }
    return std::string(text.substr(1, end - 1));
}

// "(1, 3, 224, 224)", "(5,)" or "()".
std::optional<model::Shape> tupleLiteral(std::string_view text) {
    if (text.empty() || text[0] != '(') {
        return std::nullopt;
    }
    const std::size_t end = text.find(')');
    if (end == std::string_view::npos) {
        return std::nullopt;
    }
    model::Shape shape;
    std::string_view body = text.substr(1, end - 1);
    while (!body.empty()) {
        while (!body.empty() && std::isspace(static_cast<unsigned char>(body.front()))) {
            body.remove_prefix(1);
        }
        if (body.empty()) {
            break;
        }
        std::int64_t value = 0;
        std::size_t digits = 0;
        while (digits < body.size() && std::isdigit(static_cast<unsigned char>(body[digits]))) {
            if (value > (std::numeric_limits<std::int64_t>::max() - 9) / 10) {
                return std::nullopt;
            }
            value = value * 10 + (body[digits] - '0');
            ++digits;
        }
        if (digits == 0) {
            return std::nullopt;
        }
        shape.push_back(value);
        body.remove_prefix(digits);
        while (!body.empty() && std::isspace(static_cast<unsigned char>(body.front()))) {
            body.remove_prefix(1);
        }
        if (!body.empty()) {
            if (body.front() != ',') {
                return std::nullopt;
            }
            body.remove_prefix(1);
        }
    }
    return shape;
}

std::string shapeLiteral(const model::Shape& shape) {
    std::string text = "(";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        text += (i ? ", " : "") + std::to_string(shape[i]);
    }
    return text + (shape.size() == 1 ? ",)" : ")");
}

} // namespace

Expected<NpyArray> parseNpy(std::span<const char> bytes, const std::string& name) {
    if (bytes.size() < kMagicSize + 2 || std::memcmp(bytes.data(), kMagic, kMagicSize) != 0) {
        return parseError(name, "not an .npy file (no \\x93NUMPY magic at the start)");
    }
    const auto major = static_cast<unsigned char>(bytes[6]);
    const auto minor = static_cast<unsigned char>(bytes[7]);
    if (major < 1 || major > 3 || minor != 0) {
        return Error{ErrorCode::Unsupported, name + ": unsupported .npy format version " +
                                                 std::to_string(major) + "." + std::to_string(minor) +
                                                 " (1.0, 2.0 and 3.0 are supported)"};
    }
    const std::size_t lengthBytes = major == 1 ? 2 : 4;
    const std::size_t prefix = kMagicSize + 2 + lengthBytes;
    if (bytes.size() < prefix) {
        return parseError(name, "truncated .npy file (the header length is missing)");
    }
    std::size_t headerLength = 0;
    for (std::size_t i = 0; i < lengthBytes; ++i) {
        headerLength |= std::size_t(static_cast<unsigned char>(bytes[8 + i])) << (8 * i);
    }
    if (bytes.size() - prefix < headerLength) {
        return parseError(name, "truncated .npy file (the header says " + std::to_string(headerLength) +
                                    " bytes, the file has " + std::to_string(bytes.size() - prefix) +
                                    " after the prefix)");
    }
    const std::string_view header(bytes.data() + prefix, headerLength);

    const auto descrText = valueOf(header, "descr");
    const auto descr = descrText ? stringLiteral(*descrText) : std::nullopt;
    if (!descr) {
        return parseError(name, "malformed .npy header (no 'descr' string): " + std::string(header));
    }
    std::size_t itemSize = 0;
    if (*descr == "<f4") {
        itemSize = 4;
    } else if (*descr == "<f8") {
        itemSize = 8;
    } else {
        return Error{ErrorCode::Unsupported,
                     name + ": unsupported dtype '" + *descr +
                         "' (only little-endian float32 '<f4' and float64 '<f8' are read)"};
    }
    const auto order = valueOf(header, "fortran_order");
    if (!order || !(order->starts_with("False") || order->starts_with("True"))) {
        return parseError(name,
                          "malformed .npy header (no 'fortran_order' True/False): " + std::string(header));
    }
    if (order->starts_with("True")) {
        return Error{ErrorCode::Unsupported,
                     name + ": the array is stored in Fortran (column-major) order; save it in C order "
                            "(numpy.ascontiguousarray) first"};
    }
    const auto shapeText = valueOf(header, "shape");
    const auto shape = shapeText ? tupleLiteral(*shapeText) : std::nullopt;
    if (!shape) {
        return parseError(name, "malformed .npy header (no 'shape' tuple): " + std::string(header));
    }

    std::uint64_t count = 1;
    for (const auto d : *shape) {
        if (d != 0 && count > std::numeric_limits<std::uint64_t>::max() / 8 / std::uint64_t(d)) {
            return parseError(name, "the shape " + shapeLiteral(*shape) + " is too large");
        }
        count *= std::uint64_t(d);
    }
    const std::uint64_t dataBytes = count * itemSize;
    const std::size_t available = bytes.size() - prefix - headerLength;
    if (available < dataBytes) {
        return parseError(name, "truncated .npy file: shape " + shapeLiteral(*shape) + " of " + *descr +
                                    " needs " + std::to_string(dataBytes) + " data bytes, the file has " +
                                    std::to_string(available));
    }
    if (available > dataBytes) {
        return parseError(name, "the .npy file has " + std::to_string(available - dataBytes) +
                                    " bytes after the data of shape " + shapeLiteral(*shape));
    }

    NpyArray array;
    array.shape = *shape;
    array.data.resize(std::size_t(count));
    const char* data = bytes.data() + prefix + headerLength;
    if (itemSize == 4) {
        std::memcpy(array.data.data(), data, std::size_t(dataBytes));
    } else {
        for (std::size_t i = 0; i < array.data.size(); ++i) {
            double value = 0;
            std::memcpy(&value, data + i * 8, 8);
            array.data[i] = static_cast<float>(value);
        }
    }
    return array;
}

Expected<NpyArray> readNpy(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Error{ErrorCode::Io, path + ": cannot open the file"};
    }
    const std::vector<char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) {
        return Error{ErrorCode::Io, path + ": read error"};
    }
    return parseNpy(bytes, path);
}

std::string encodeNpy(const model::Shape& shape, std::span<const float> data) {
    std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shapeLiteral(shape) + ", }";
    // numpy pads the header with spaces and a final newline so that the data starts 64-byte aligned
    constexpr std::size_t kPrefix = kMagicSize + 2 + 2;
    const std::size_t total = (kPrefix + header.size() + 1 + 63) / 64 * 64;
    header.append(total - kPrefix - header.size() - 1, ' ');
    header += '\n';

    std::string bytes(kMagic, kMagicSize);
    bytes += '\x01';
    bytes += '\x00';
    bytes += static_cast<char>(header.size() & 0xff);
    bytes += static_cast<char>(header.size() >> 8);
    bytes += header;
    bytes.append(reinterpret_cast<const char*>(data.data()), data.size_bytes());
    return bytes;
}

Status writeNpy(const std::string& path, const model::Shape& shape, std::span<const float> data) {
    if (model::elementCount(shape) != std::int64_t(data.size())) {
        return Error{ErrorCode::InvalidArgument, path + ": shape " + model::toString(shape) + " holds " +
                                                     std::to_string(model::elementCount(shape)) +
                                                     " values, " + std::to_string(data.size()) + " given"};
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        return Error{ErrorCode::Io, path + ": cannot create the file"};
    }
    const std::string bytes = encodeNpy(shape, data);
    if (!out.write(bytes.data(), std::streamsize(bytes.size())) || !out.flush()) {
        return Error{ErrorCode::Io, path + ": write error"};
    }
    return {};
}

} // namespace tessera::exec
