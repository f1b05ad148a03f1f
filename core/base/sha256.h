#pragma once
// SHA-256 (FIPS 180-4), used to identify model files in reports and project files.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/base/error.h"

namespace tessera {

class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t size);
    // Finishes the digest and returns it as 64 lower-case hex digits. The object must not be reused.
    std::string hexDigest();

private:
    void compress(const std::uint8_t* block);

    std::uint32_t m_state[8];
    std::uint8_t m_buffer[64];
    std::size_t m_buffered = 0;
    std::uint64_t m_totalBytes = 0;
};

std::string sha256Hex(std::string_view data);
Expected<std::string> sha256File(const std::string& path);

} // namespace tessera
