#include "app/cli/output_path.h"

#include <cctype>
#include <filesystem>

namespace tessera::cli {

std::string outputPath(const std::string& base, const std::string& name, std::size_t outputs) {
    if (outputs == 1) {
        return base;
    }
    std::string safe = name;
    for (char& c : safe) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.') {
            c = '_';
        }
    }
    const std::filesystem::path p(base);
    return (p.parent_path() / (p.stem().string() + "_" + safe + ".npy")).string();
}

} // namespace tessera::cli
