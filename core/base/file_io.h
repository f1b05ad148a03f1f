#pragma once
// Whole-file reads and atomic writes for the Qt-free core (plans, clusters, bundles).

#include <string>

#include "core/base/error.h"

namespace tessera {

// The file's bytes; an Io error naming the file when it cannot be read.
Expected<std::string> readFile(const std::string& path);
// Writes to a temporary file beside `path`, flushes it, then renames it over `path`, so a reader (or a crash)
// never sees a half-written file. The parent directory must exist. The file is created with `mode` (less the
// umask) from the start: a private file (0600) is never readable by others, not even while it is written.
Status writeFileAtomically(const std::string& path, const std::string& contents, unsigned mode = 0644);

} // namespace tessera
