#pragma once
// SHA-256 of local files for deployment, remembered by (absolute path, size, mtime): in memory, so the
// tessera-node shared by several devices is read once per run, and in a cache file, so an unchanged
// re-deploy reads no file at all. A file whose size or mtime changed is hashed again. Thread-safe.

#include <map>
#include <mutex>
#include <string>

#include "core/base/error.h"

namespace tessera::deployer {

class FileHashes {
public:
    // `cacheFile` (may be empty: memory only) is read now if it exists; a damaged line is ignored.
    explicit FileHashes(std::string cacheFile = {});

    // 64 lower-case hex digits (OpenSSL's SHA-256, which uses the CPU's SHA instructions).
    Expected<std::string> hash(const std::string& path);

    // Writes the cache file (atomically) when something new was hashed. A failure only costs time later.
    void save();

private:
    std::string m_cacheFile;
    std::mutex m_mutex;
    std::map<std::string, std::string> m_hashes; // "path size mtime" -> sha256
    bool m_changed = false;
};

} // namespace tessera::deployer
