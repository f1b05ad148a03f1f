// Cached SHA-256 of local files (file_hashes.h).
#include "deployer/file_hashes.h"

#include <openssl/evp.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

#include "core/base/file_io.h"

namespace tessera::deployer {
namespace fs = std::filesystem;

FileHashes::FileHashes(std::string cacheFile)
    : m_cacheFile(std::move(cacheFile)) {
    if (m_cacheFile.empty()) {
        return;
    }
    std::ifstream in(m_cacheFile);
    for (std::string line; std::getline(in, line);) {
        // "sha256 path size mtime"; the path may hold spaces, so size and mtime are taken from the end
        const auto mtimeAt = line.rfind(' ');
        const auto sizeAt = mtimeAt == std::string::npos ? mtimeAt : line.rfind(' ', mtimeAt - 1);
        if (line.size() > 66 && line[64] == ' ' && sizeAt != std::string::npos && sizeAt > 65) {
            m_hashes[line.substr(65)] = line.substr(0, 64);
        }
    }
}

Expected<std::string> FileHashes::hash(const std::string& file) {
    std::error_code ec;
    const std::string path = fs::absolute(file, ec).string();
    const auto size = fs::file_size(path, ec);
    const auto mtime = ec ? 0 : fs::last_write_time(path, ec).time_since_epoch().count();
    if (ec) {
        return Error{ErrorCode::Io, file + ": cannot read: " + ec.message()};
    }
    const std::string key = path + " " + std::to_string(size) + " " + std::to_string(mtime);
    {
        std::lock_guard lock(m_mutex);
        if (const auto it = m_hashes.find(key); it != m_hashes.end()) {
            return it->second;
        }
    }
    std::ifstream in(path, std::ios::binary);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!in || !ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) {
        return Error{ErrorCode::Io, file + ": cannot read"};
    }
    std::vector<char> chunk(1 << 20);
    while (in) {
        in.read(chunk.data(), std::streamsize(chunk.size()));
        EVP_DigestUpdate(ctx.get(), chunk.data(), std::size_t(in.gcount()));
    }
    if (in.bad()) {
        return Error{ErrorCode::Io, file + ": read failed"};
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx.get(), digest, &length);
    static const char* const kDigits = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) {
        hex += kDigits[digest[i] >> 4];
        hex += kDigits[digest[i] & 15];
    }
    std::lock_guard lock(m_mutex);
    m_hashes[key] = hex;
    m_changed = true;
    return hex;
}

void FileHashes::save() {
    std::lock_guard lock(m_mutex);
    if (m_cacheFile.empty() || !m_changed) {
        return;
    }
    std::ostringstream out;
    for (const auto& [key, sha] : m_hashes) {
        if (fs::exists(key.substr(0, key.rfind(' ', key.rfind(' ') - 1)))) { // forget deleted files
            out << sha << ' ' << key << '\n';
        }
    }
    if (writeFileAtomically(m_cacheFile, out.str())) {
        m_changed = false;
    }
}

} // namespace tessera::deployer
