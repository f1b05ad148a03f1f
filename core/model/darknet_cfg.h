#pragma once
// Darknet .cfg files: "[section]" headers followed by key=value lines; '#' and ';' start comments.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/base/error.h"

namespace tessera::model::darknet {

struct Section {
    std::string type; // "convolutional", "maxpool", ...
    int line = 0;     // line of the "[type]" header, for error messages
    std::map<std::string, std::string> options;
    std::map<std::string, int> optionLines;
};

// Parses cfg text. `source` names the file in error messages ("yolov2.cfg:12: ...").
Expected<std::vector<Section>> parseCfg(const std::string& text, const std::string& source);

// Typed access with Darknet's defaults; errors name the file, line, section and key.
class Options {
public:
    Options(const Section& section, std::string source)
        : m_section(section)
        , m_source(std::move(source)) {}

    Expected<int> integer(const std::string& key, std::optional<int> fallback = std::nullopt) const;
    Expected<float> real(const std::string& key, std::optional<float> fallback = std::nullopt) const;
    std::string text(const std::string& key, const std::string& fallback) const;
    Expected<std::vector<int>> integers(const std::string& key) const;
    Expected<std::vector<float>> reals(const std::string& key) const;
    Error error(const std::string& key, const std::string& message) const;
    Error error(const std::string& message) const;

private:
    const Section& m_section;
    std::string m_source;
};

} // namespace tessera::model::darknet
