#include <cctype>
#include <filesystem>

#include "core/report/writers.h"

namespace tessera::report {

std::optional<Format> formatFromName(const std::string& name) {
    if (name == "html") {
        return Format::Html;
    }
    if (name == "json") {
        return Format::Json;
    }
    if (name == "csv") {
        return Format::Csv;
    }
    if (name == "pdf") {
        return Format::Pdf;
    }
    return std::nullopt;
}

std::optional<Format> formatOfPath(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) {
        c = char(std::tolower(static_cast<unsigned char>(c)));
    }
    return ext == ".htm" ? Format::Html : ext.empty() ? std::nullopt : formatFromName(ext.substr(1));
}

std::string devicesCsvPath(const std::string& csvPath) {
    const std::filesystem::path p(csvPath);
    return (p.parent_path() / (p.stem().string() + "-devices" + p.extension().string())).string();
}

} // namespace tessera::report
