#include "core/base/file_io.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
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

Status writeFileAtomically(const std::string& path, const std::string& contents, unsigned mode) {
    // a name of its own per call: two saves of the same file (an autosave and a manual save) never share it
    static std::atomic<unsigned> counter{0};
    const std::string temporary =
        path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode));
    if (fd < 0) {
        return Error{ErrorCode::Io, path + ": cannot write: " + std::strerror(errno)};
    }
    std::size_t written = 0;
    while (written < contents.size()) {
        const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        written += std::size_t(n);
    }
    // on disk before the rename, so a power cut leaves the old file or the new one, never an empty one
    const bool ok = written == contents.size() && ::fsync(fd) == 0;
    const int error = errno;
    ::close(fd);
    if (!ok) {
        ::unlink(temporary.c_str());
        return Error{ErrorCode::Io, path + ": write failed: " + std::strerror(error) + " (disk full?)"};
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
