// Cluster files (docs/file-formats.md, "Cluster file").
#include <algorithm>
#include <charconv>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/base/file_io.h"
#include "core/cost/cluster.h"
#include "core/cost/units.h"

namespace tessera::cost {
namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

const char* const kFormat = "tessera-cluster";
const std::vector<std::string> kTopKeys = {"format", "version", "name", "gateway", "network", "devices"};
const std::vector<std::string> kNetworkKeys = {"shared_medium", "medium_bandwidth"};
const std::vector<std::string> kDeviceKeys = {"name",
                                              "preset",
                                              "host",
                                              "arch",
                                              "memory",
                                              "threads",
                                              "macs_per_second",
                                              "bytes_per_second",
                                              "node_overhead",
                                              "bandwidth",
                                              "latency",
                                              "runtime_overhead",
                                              "ssh"};
const std::vector<std::string> kSshKeys = {"user",        "port",     "key_file",
                                           "known_hosts", "base_dir", "jump_host"};

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

// How a wrong value reads in a message: `"four"`, `4.5`, `an object`.
std::string describe(const Json& value) {
    if (value.is_object()) {
        return "an object";
    }
    if (value.is_array()) {
        return "an array";
    }
    const std::string text = value.dump();
    return text.size() > 40 ? text.substr(0, 37) + "..." : text;
}

// Reads typed fields of a parsed document. The first error is kept (naming the file and the field path);
// reads after it return defaults, so a parse runs to its end and then reports that one error.
class Fields {
public:
    explicit Fields(std::string file)
        : m_file(std::move(file)) {}

    bool failed() const { return m_error.has_value(); }
    const Error& error() const { return *m_error; }
    void fail(const std::string& path, const std::string& message, ErrorCode code = ErrorCode::Parse) {
        if (!m_error) {
            m_error = Error{code, m_file + ": " + (path.empty() ? "" : path + ": ") + message};
        }
    }

    // Refuses keys outside `keys`: a misspelt setting must not be dropped silently.
    void onlyKeys(const Json& object, const std::string& path, const std::vector<std::string>& keys) {
        for (const auto& item : object.items()) {
            if (std::find(keys.begin(), keys.end(), item.key()) == keys.end()) {
                fail(path, "unknown key \"" + item.key() + "\" (valid keys: " + join(keys) + ")");
            }
        }
    }
    std::string string(const Json& v, const std::string& path) {
        if (!v.is_string()) {
            fail(path, "expected a string, found " + describe(v));
            return {};
        }
        return v.get<std::string>();
    }
    int integer(const Json& v, const std::string& path) {
        if (!v.is_number_integer() || v.get<double>() < -2147483648.0 || v.get<double>() > 2147483647.0) {
            fail(path, "expected a whole number, found " + describe(v));
            return 0;
        }
        return v.get<int>();
    }
    double number(const Json& v, const std::string& path) {
        if (!v.is_number()) {
            fail(path, "expected a number, found " + describe(v));
            return 0;
        }
        return v.get<double>();
    }
    bool boolean(const Json& v, const std::string& path) {
        if (!v.is_boolean()) {
            fail(path, "expected true or false, found " + describe(v));
            return false;
        }
        return v.get<bool>();
    }
    // A quantity given as a number in the base unit or as a string with a unit ("512MiB"). Numbers go
    // through the same parser as their shortest text, so both forms are checked alike.
    template <typename T, typename Parse>
    T quantity(const Json& v, const std::string& path, Parse parse, const char* example) {
        if (!v.is_number() && !v.is_string()) {
            fail(path, "expected a number or a string such as \"" + std::string(example) + "\", found " +
                           describe(v));
            return T{};
        }
        auto parsed = parse(v.is_string() ? v.get<std::string>() : v.dump());
        if (!parsed) {
            fail(path, parsed.error().message);
            return T{};
        }
        return *parsed;
    }

private:
    std::string m_file;
    std::optional<Error> m_error;
};

const Json* member(const Json& object, const char* key) {
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

std::string presetKeys() {
    std::vector<std::string> keys;
    for (const auto& p : devicePresets()) {
        keys.push_back(p.key);
    }
    return join(keys);
}

SshSettings parseSsh(Fields& f, const Json& j, const std::string& path) {
    SshSettings s;
    if (!j.is_object()) {
        f.fail(path, "expected an object (user, port, key_file, ...), found " + describe(j));
        return s;
    }
    f.onlyKeys(j, path, kSshKeys);
    if (const Json* v = member(j, "user")) {
        s.user = f.string(*v, path + ".user");
    }
    if (const Json* v = member(j, "port")) {
        s.port = f.integer(*v, path + ".port");
        if (!f.failed() && (s.port < 1 || s.port > 65535)) {
            f.fail(path + ".port", "expected a port between 1 and 65535, found " + v->dump());
        }
    }
    if (const Json* v = member(j, "key_file")) {
        s.keyFile = f.string(*v, path + ".key_file");
    }
    if (const Json* v = member(j, "known_hosts")) {
        s.knownHosts = f.string(*v, path + ".known_hosts");
    }
    if (const Json* v = member(j, "base_dir")) {
        s.baseDir = f.string(*v, path + ".base_dir");
        if (!f.failed() && s.baseDir.empty()) {
            f.fail(path + ".base_dir", "must not be empty (leave it out for the default \".tessera\")");
        }
    }
    if (const Json* v = member(j, "jump_host")) {
        const std::string text = f.string(*v, path + ".jump_host");
        std::string error;
        if (!f.failed()) {
            s.jumpHost = parseJumpHost(text, &error);
            if (!s.jumpHost) {
                f.fail(path + ".jump_host", error);
            }
        }
    }
    return s;
}

Device parseDevice(Fields& f, const Json& j, const std::string& path) {
    Device d;
    if (!j.is_object()) {
        f.fail(path, "expected an object describing a device, found " + describe(j));
        return d;
    }
    if (const Json* v = member(j, "preset")) {
        const std::string key = f.string(*v, path + ".preset");
        if (auto preset = presetDevice(key)) {
            d = *preset;
        } else {
            f.fail(path + ".preset", "unknown preset '" + key + "' (presets: " + presetKeys() + ")");
        }
    }
    f.onlyKeys(j, path, kDeviceKeys);
    if (const Json* v = member(j, "name")) {
        d.name = f.string(*v, path + ".name");
    } else {
        f.fail(path, "missing \"name\"");
    }
    // explicit fields override the preset
    auto field = [&](const char* key, auto read) {
        if (const Json* v = member(j, key)) {
            read(*v, path + "." + key);
        }
    };
    field("host", [&](const Json& v, const std::string& p) { d.host = f.string(v, p); });
    field("arch", [&](const Json& v, const std::string& p) { d.arch = f.string(v, p); });
    field("memory", [&](const Json& v, const std::string& p) {
        d.memoryBytes = f.quantity<std::int64_t>(v, p, parseBytes, "512MiB");
    });
    field("threads", [&](const Json& v, const std::string& p) { d.threads = f.integer(v, p); });
    field("macs_per_second", [&](const Json& v, const std::string& p) { d.macsPerSecond = f.number(v, p); });
    field("bytes_per_second",
          [&](const Json& v, const std::string& p) { d.bytesPerSecond = f.number(v, p); });
    field("node_overhead", [&](const Json& v, const std::string& p) {
        d.nodeOverheadSeconds = f.quantity<double>(v, p, parseSeconds, "20us");
    });
    field("bandwidth", [&](const Json& v, const std::string& p) {
        d.linkBitsPerSecond = f.quantity<double>(v, p, parseBitsPerSecond, "100mbit");
    });
    field("latency", [&](const Json& v, const std::string& p) {
        d.linkLatencySeconds = f.quantity<double>(v, p, parseSeconds, "0.2ms");
    });
    field("runtime_overhead", [&](const Json& v, const std::string& p) {
        d.runtimeOverheadBytes = f.quantity<std::int64_t>(v, p, parseBytes, "19MiB");
    });
    field("ssh", [&](const Json& v, const std::string& p) { d.ssh = parseSsh(f, v, p); });
    return d;
}

// The format and version of a document, checked before anything else (a newer file may have new keys).
void checkHeader(Fields& f, const Json& doc) {
    const Json* format = doc.is_object() ? member(doc, "format") : nullptr;
    if (!format || !format->is_string() || format->get<std::string>() != kFormat) {
        f.fail("", std::string("not a Tessera cluster file (") +
                       (format && format->is_string() ? "\"format\" is \"" + format->get<std::string>() + "\""
                                                      : "no \"format\": \"" + std::string(kFormat) + "\"") +
                       ")");
        return;
    }
    const Json* version = member(doc, "version");
    if (!version) {
        f.fail("version",
               "missing (cluster files have \"version\": " + std::to_string(Cluster::kVersion) + ")");
    } else if (!version->is_number_integer() || version->get<double>() < 1) {
        f.fail("version", "expected a whole number of at least 1, found " + describe(*version));
    } else if (version->get<double>() > Cluster::kVersion) {
        f.fail("",
               "written by a newer Tessera (cluster format version " + version->dump() +
                   "; this version reads up to " + std::to_string(Cluster::kVersion) + ") — update Tessera",
               ErrorCode::Unsupported);
    }
}

// Bytes as "4GiB" / "512MiB" when whole, else a plain integer: both read back exactly.
OrderedJson bytesJson(std::int64_t bytes) {
    constexpr std::int64_t kMiB = std::int64_t(1) << 20, kGiB = kMiB << 10;
    if (bytes != 0 && bytes % kGiB == 0) {
        return std::to_string(bytes / kGiB) + "GiB";
    }
    if (bytes != 0 && bytes % kMiB == 0) {
        return std::to_string(bytes / kMiB) + "MiB";
    }
    return bytes;
}

// The shortest "<number><unit>" (largest unit first, at most 6 decimals) that `parse` reads back as exactly
// `value`; else the plain number, which JSON keeps exactly.
template <typename Parse>
OrderedJson unitJson(double value, const std::vector<std::pair<const char*, double>>& units, Parse parse) {
    for (const auto& [suffix, scale] : units) {
        const double x = value / scale;
        if (!(x >= 1 && x < 1e6)) {
            continue;
        }
        for (int decimals = 0; decimals <= 6; ++decimals) {
            char buffer[32];
            const auto end =
                std::to_chars(buffer, buffer + sizeof(buffer), x, std::chars_format::fixed, decimals).ptr;
            const std::string text = std::string(buffer, end) + suffix;
            if (auto back = parse(text); back && *back == value) {
                return text;
            }
        }
    }
    return value;
}

OrderedJson bitsJson(double bitsPerSecond) {
    return unitJson(bitsPerSecond, {{"gbit", 1e9}, {"mbit", 1e6}, {"kbit", 1e3}}, parseBitsPerSecond);
}

OrderedJson secondsJson(double seconds) {
    return unitJson(seconds, {{"s", 1}, {"ms", 1e-3}, {"us", 1e-6}, {"ns", 1e-9}}, parseSeconds);
}

} // namespace

Expected<Cluster> parseCluster(const std::string& jsonText, const std::string& path) {
    Json doc;
    try {
        doc = Json::parse(jsonText);
    } catch (const Json::parse_error& e) {
        // what() starts with "[json.exception.parse_error.101] "
        const std::string what = e.what();
        const auto tag = what.find("] ");
        return Error{ErrorCode::Parse, path + ": not valid JSON (byte " + std::to_string(e.byte) +
                                           "): " + (tag == std::string::npos ? what : what.substr(tag + 2))};
    } catch (const Json::out_of_range& e) {
        // a number beyond a double's range ("1e400"): "[json.exception.out_of_range.406] number overflow ..."
        const std::string what = e.what();
        const auto tag = what.find("] ");
        return Error{ErrorCode::Parse,
                     path + ": not valid JSON: " + (tag == std::string::npos ? what : what.substr(tag + 2))};
    }
    Fields f(path);
    checkHeader(f, doc);
    if (f.failed()) {
        return f.error();
    }
    f.onlyKeys(doc, "", kTopKeys);
    Cluster cluster;
    if (const Json* v = member(doc, "name")) {
        cluster.name = f.string(*v, "name");
    }
    if (const Json* network = member(doc, "network")) {
        if (!network->is_object()) {
            f.fail("network", "expected an object, found " + describe(*network));
        } else {
            f.onlyKeys(*network, "network", kNetworkKeys);
            if (const Json* v = member(*network, "shared_medium")) {
                cluster.sharedMedium = f.boolean(*v, "network.shared_medium");
            }
            if (const Json* v = member(*network, "medium_bandwidth")) {
                cluster.mediumBitsPerSecond =
                    f.quantity<double>(*v, "network.medium_bandwidth", parseBitsPerSecond, "54mbit");
            }
        }
    }
    const Json* devices = member(doc, "devices");
    if (!devices) {
        f.fail("", "missing \"devices\"");
    } else if (!devices->is_array()) {
        f.fail("devices", "expected an array of devices, found " + describe(*devices));
    } else {
        for (std::size_t i = 0; i < devices->size(); ++i) {
            cluster.devices.push_back(parseDevice(f, (*devices)[i], "devices[" + std::to_string(i) + "]"));
        }
    }
    if (const Json* v = member(doc, "gateway"); v && !f.failed()) {
        const std::string name = f.string(*v, "gateway");
        if (auto index = cluster.find(name)) {
            cluster.gateway = *index;
        } else if (!f.failed()) {
            std::vector<std::string> names;
            for (const auto& d : cluster.devices) {
                names.push_back(d.name);
            }
            f.fail("gateway", "no device named '" + name + "' (devices: " + join(names) + ")");
        }
    }
    if (f.failed()) {
        return f.error();
    }
    if (const auto problems = cluster.problems(); !problems.empty()) {
        std::string message = path + ": the cluster is not valid (" + std::to_string(problems.size()) +
                              " problem" + (problems.size() > 1 ? "s" : "") + "):";
        for (const auto& p : problems) {
            message += "\n  - " + p;
        }
        return Error{ErrorCode::InvalidArgument, message};
    }
    return cluster;
}

Expected<Cluster> readCluster(const std::string& path) {
    auto text = readFile(path);
    if (!text) {
        return text.error();
    }
    return parseCluster(*text, path);
}

std::string clusterToJson(const Cluster& cluster) {
    OrderedJson doc;
    doc["format"] = kFormat;
    doc["version"] = Cluster::kVersion;
    doc["name"] = cluster.name;
    if (cluster.gateway >= 0 && cluster.gateway < int(cluster.devices.size())) {
        doc["gateway"] = cluster.devices[std::size_t(cluster.gateway)].name;
    } else {
        doc["gateway"] = cluster.gateway; // not a device: reading it back reports the problem
    }
    doc["network"] = {{"shared_medium", cluster.sharedMedium},
                      {"medium_bandwidth", bitsJson(cluster.mediumBitsPerSecond)}};
    doc["devices"] = OrderedJson::array();
    for (const Device& d : cluster.devices) {
        doc["devices"].push_back({{"name", d.name},
                                  {"host", d.host},
                                  {"arch", d.arch},
                                  {"memory", bytesJson(d.memoryBytes)},
                                  {"threads", d.threads},
                                  {"macs_per_second", d.macsPerSecond},
                                  {"bytes_per_second", d.bytesPerSecond},
                                  {"node_overhead", secondsJson(d.nodeOverheadSeconds)},
                                  {"bandwidth", bitsJson(d.linkBitsPerSecond)},
                                  {"latency", secondsJson(d.linkLatencySeconds)},
                                  {"runtime_overhead", bytesJson(d.runtimeOverheadBytes)}});
        if (d.ssh) {
            const SshSettings& s = *d.ssh;
            OrderedJson ssh = {{"port", s.port}, {"base_dir", s.baseDir}};
            for (const auto& [key, value] :
                 {std::pair{"user", &s.user}, {"key_file", &s.keyFile}, {"known_hosts", &s.knownHosts}}) {
                if (!value->empty()) {
                    ssh[key] = *value;
                }
            }
            if (s.jumpHost) {
                ssh["jump_host"] = toString(*s.jumpHost);
            }
            doc["devices"].back()["ssh"] = ssh;
        }
    }
    return doc.dump(2, ' ', false, OrderedJson::error_handler_t::replace) + "\n";
}

Status writeCluster(const Cluster& cluster, const std::string& path) {
    return writeFileAtomically(path, clusterToJson(cluster));
}

} // namespace tessera::cost
