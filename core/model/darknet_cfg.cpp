#include "core/model/darknet_cfg.h"

#include <algorithm>
#include <sstream>

namespace tessera::model::darknet {
namespace {

std::string trim(const std::string& s) {
    const auto begin = s.find_first_not_of(" \t\r");
    if (begin == std::string::npos) {
        return {};
    }
    return s.substr(begin, s.find_last_not_of(" \t\r") - begin + 1);
}

template <typename T> bool parseNumber(const std::string& text, T& out) {
    std::istringstream in(text);
    in >> out;
    return !in.fail() && (in >> std::ws).eof();
}

} // namespace

Expected<std::vector<Section>> parseCfg(const std::string& text, const std::string& source) {
    std::vector<Section> sections;
    std::istringstream in(text);
    std::string raw;
    int lineNo = 0;
    while (std::getline(in, raw)) {
        ++lineNo;
        std::string line = raw.substr(0, std::min(raw.find('#'), raw.find(';')));
        line = trim(line);
        if (line.empty()) {
            continue;
        }
        const std::string where = source + ":" + std::to_string(lineNo);
        if (line.front() == '[') {
            if (line.back() != ']' || line.size() < 3) {
                return Error{ErrorCode::Parse,
                             where + ": malformed section header '" + line + "' (expected [name])"};
            }
            sections.push_back(Section{trim(line.substr(1, line.size() - 2)), lineNo, {}, {}});
            continue;
        }
        const auto eq = line.find('=');
        if (eq == std::string::npos) {
            return Error{ErrorCode::Parse, where + ": expected key=value, found '" + line + "'"};
        }
        if (sections.empty()) {
            return Error{ErrorCode::Parse, where + ": option '" + line + "' before the first [section]"};
        }
        const std::string key = trim(line.substr(0, eq));
        sections.back().options[key] = trim(line.substr(eq + 1));
        sections.back().optionLines[key] = lineNo;
    }
    if (sections.empty()) {
        return Error{ErrorCode::Parse, source + ": no sections found (is this a Darknet .cfg file?)"};
    }
    if (sections.front().type != "net" && sections.front().type != "network") {
        return Error{ErrorCode::Parse, source + ":" + std::to_string(sections.front().line) +
                                           ": the first section must be [net], found [" +
                                           sections.front().type + "]"};
    }
    return sections;
}

Error Options::error(const std::string& key, const std::string& message) const {
    auto it = m_section.optionLines.find(key);
    const int line = it == m_section.optionLines.end() ? m_section.line : it->second;
    return Error{ErrorCode::Parse, m_source + ":" + std::to_string(line) + ": [" + m_section.type + "] " +
                                       key + ": " + message};
}

Error Options::error(const std::string& message) const {
    return Error{ErrorCode::Parse,
                 m_source + ":" + std::to_string(m_section.line) + ": [" + m_section.type + "] " + message};
}

Expected<int> Options::integer(const std::string& key, std::optional<int> fallback) const {
    auto it = m_section.options.find(key);
    if (it == m_section.options.end()) {
        if (fallback) {
            return *fallback;
        }
        return error(key, "required option is missing");
    }
    int v = 0;
    if (!parseNumber(it->second, v)) {
        return error(key, "'" + it->second + "' is not an integer");
    }
    return v;
}

Expected<float> Options::real(const std::string& key, std::optional<float> fallback) const {
    auto it = m_section.options.find(key);
    if (it == m_section.options.end()) {
        if (fallback) {
            return *fallback;
        }
        return error(key, "required option is missing");
    }
    float v = 0;
    if (!parseNumber(it->second, v)) {
        return error(key, "'" + it->second + "' is not a number");
    }
    return v;
}

std::string Options::text(const std::string& key, const std::string& fallback) const {
    auto it = m_section.options.find(key);
    return it == m_section.options.end() ? fallback : it->second;
}

Expected<std::vector<int>> Options::integers(const std::string& key) const {
    auto it = m_section.options.find(key);
    if (it == m_section.options.end()) {
        return error(key, "required option is missing");
    }
    std::vector<int> out;
    std::istringstream in(it->second);
    std::string item;
    while (std::getline(in, item, ',')) {
        int v = 0;
        if (!parseNumber(trim(item), v)) {
            return error(key, "'" + trim(item) + "' is not an integer");
        }
        out.push_back(v);
    }
    if (out.empty()) {
        return error(key, "empty list");
    }
    return out;
}

Expected<std::vector<float>> Options::reals(const std::string& key) const {
    auto it = m_section.options.find(key);
    if (it == m_section.options.end()) {
        return error(key, "required option is missing");
    }
    std::vector<float> out;
    std::istringstream in(it->second);
    std::string item;
    while (std::getline(in, item, ',')) {
        float v = 0;
        if (!parseNumber(trim(item), v)) {
            return error(key, "'" + trim(item) + "' is not a number");
        }
        out.push_back(v);
    }
    return out;
}

} // namespace tessera::model::darknet
