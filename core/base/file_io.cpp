#include "core/base/file_io.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

namespace tessera {

Expected<std::string> readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Error{ErrorCode::Io, path + ": cannot open for reading: " + std::strerror(errno)};
    }
    std::ostringstream out;
    out << in.rdbuf();
    if (in.bad()) {
        return Error{ErrorCode::Io, path + ": read error"};
    }
    return out.str();
}

Status writeFileAtomically(const std::string& path, const std::string& contents) {
    const std::string temporary = path + ".tmp." + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) {
            return Error{ErrorCode::Io, path + ": cannot write: " + std::strerror(errno)};
        }
        out.write(contents.data(), std::streamsize(contents.size()));
        out.flush();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            return Error{ErrorCode::Io, path + ": write failed (disk full?)"};
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        return Error{ErrorCode::Io, path + ": cannot replace the file: " + ec.message()};
    }
    return {};
}

} // namespace tessera
