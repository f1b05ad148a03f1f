// Plan files (docs/file-formats.md, "Plan file"). Stages refer to nodes and devices by name. Reading checks
// the structure and the names only; whether the plan is sound is validate()'s job.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/base/edit_distance.h"
#include "core/base/file_io.h"
#include "core/partition/plan.h"

namespace tessera::partition {
namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

const char* const kFormat = "tessera-plan";
const std::vector<std::string> kTopKeys = {"format", "version", "model", "pruning", "stages"};
const std::vector<std::string> kPruningKeys = {"mode", "sparsity", "exclude"};
const std::vector<std::string> kModelKeys = {"name", "nodes"};
const std::vector<std::string> kStageKeys = {"kind",    "from",   "to",      "rows",  "columns", "channels",
                                             "devices", "device", "reducer", "reuse", "stealing"};

std::string join(const std::vector<std::string>& items, std::size_t most = 12) {
    std::string out;
    for (std::size_t i = 0; i < items.size() && i < most; ++i) {
        out += (i ? ", " : "") + items[i];
    }
    if (items.size() > most) {
        out += " and " + std::to_string(items.size() - most) + " more";
    }
    return out;
}

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

// " (did you mean 'conv_9'?)" for the closest of `names` when it is close enough, else "".
std::string suggestion(const std::string& wrong, const std::vector<std::string>& names) {
    const std::string* best = nullptr;
    std::size_t bestDistance = std::max<std::size_t>(2, wrong.size() / 3) + 1;
    for (const auto& name : names) {
        if (const std::size_t d = editDistance(wrong, name); d < bestDistance) {
            best = &name;
            bestDistance = d;
        }
    }
    return best ? " (did you mean '" + *best + "'?)" : "";
}

// Reads a plan document, keeping the first error (file and field path); reads after it return defaults.
class PlanReader {
public:
    PlanReader(std::string file, const model::Graph& graph, const cost::Cluster& cluster)
        : m_file(std::move(file))
        , m_cluster(cluster) {
        for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
            m_nodeNames.push_back(graph.nodes[i].name);
            m_nodes.emplace(graph.nodes[i].name, i);
        }
        for (const auto& d : cluster.devices) {
            m_deviceNames.push_back(d.name);
        }
    }

    bool failed() const { return m_error.has_value(); }
    const Error& error() const { return *m_error; }
    void fail(const std::string& path, const std::string& message, ErrorCode code = ErrorCode::Parse) {
        if (!m_error) {
            m_error = Error{code, m_file + ": " + (path.empty() ? "" : path + ": ") + message};
        }
    }
    void onlyKeys(const Json& object, const std::string& path, const std::vector<std::string>& keys) {
        for (const auto& item : object.items()) {
            if (std::find(keys.begin(), keys.end(), item.key()) == keys.end()) {
                fail(path,
                     "unknown key \"" + item.key() + "\" (valid keys: " + join(keys, keys.size()) + ")");
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
    bool boolean(const Json& v, const std::string& path) {
        if (!v.is_boolean()) {
            fail(path, "expected true or false, found " + describe(v));
            return false;
        }
        return v.get<bool>();
    }
    std::vector<std::int64_t> integers(const Json& v, const std::string& path) {
        std::vector<std::int64_t> out;
        if (!v.is_array()) {
            fail(path, "expected an array of whole numbers, found " + describe(v));
            return out;
        }
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!v[i].is_number_integer() ||
                (v[i].is_number_unsigned() && v[i].get<std::uint64_t>() > std::uint64_t(INT64_MAX))) {
                fail(path + "[" + std::to_string(i) + "]",
                     "expected a whole number, found " + describe(v[i]));
                return out;
            }
            out.push_back(v[i].get<std::int64_t>());
        }
        return out;
    }
    std::size_t node(const Json& v, const std::string& path) {
        const std::string name = string(v, path);
        if (auto it = m_nodes.find(name); it != m_nodes.end()) {
            return it->second;
        }
        fail(path, "no node named '" + name + "'" + suggestion(name, m_nodeNames));
        return 0;
    }
    int device(const Json& v, const std::string& path) {
        const std::string name = string(v, path);
        if (auto index = m_cluster.find(name)) {
            return *index;
        }
        fail(path, "no device named '" + name + "' in the cluster (devices: " + join(m_deviceNames) + ")");
        return 0;
    }

private:
    std::string m_file;
    const cost::Cluster& m_cluster;
    std::vector<std::string> m_nodeNames, m_deviceNames;
    std::map<std::string, std::size_t> m_nodes;
    std::optional<Error> m_error;
};

const Json* member(const Json& object, const char* key) {
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

Stage parseStage(PlanReader& r, const Json& j, const std::string& path) {
    Stage s;
    if (!j.is_object()) {
        r.fail(path, "expected an object describing a stage, found " + describe(j));
        return s;
    }
    r.onlyKeys(j, path, kStageKeys);
    const std::vector<std::string> kinds = {"device", "tiles", "lop", "lip"};
    if (const Json* v = member(j, "kind")) {
        const std::string kind = r.string(*v, path + ".kind");
        if (auto k = stageKindFromString(kind)) {
            s.kind = *k;
        } else {
            r.fail(path + ".kind",
                   "unknown kind '" + kind + "'" + suggestion(kind, kinds) + " (kinds: " + join(kinds) + ")");
        }
    } else {
        r.fail(path, "missing \"kind\" (one of: " + join(kinds) + ")");
    }
    for (auto [key, node] : {std::pair{"from", &s.first}, std::pair{"to", &s.last}}) {
        if (const Json* v = member(j, key)) {
            *node = r.node(*v, path + "." + key);
        } else {
            r.fail(path, std::string("missing \"") + key + "\" (a node name)");
        }
    }
    if (const Json* v = member(j, "rows")) {
        s.rowCuts = r.integers(*v, path + ".rows");
    }
    if (const Json* v = member(j, "columns")) {
        s.colCuts = r.integers(*v, path + ".columns");
    }
    if (const Json* v = member(j, "channels")) {
        s.channelCuts = r.integers(*v, path + ".channels");
    }
    const Json* one = member(j, "device");
    const Json* many = member(j, "devices");
    if (one && many) {
        r.fail(path, "has both \"device\" and \"devices\"; give one");
    } else if (one) {
        s.devices = {r.device(*one, path + ".device")};
    } else if (!many) {
        r.fail(path, s.kind == StageKind::Device ? "missing \"device\" (a device name)"
                                                 : "missing \"devices\" (one device name per cell)");
    } else if (!many->is_array()) {
        r.fail(path + ".devices", "expected an array of device names, found " + describe(*many));
    } else {
        for (std::size_t i = 0; i < many->size(); ++i) {
            s.devices.push_back(r.device((*many)[i], path + ".devices[" + std::to_string(i) + "]"));
        }
    }
    if (const Json* v = member(j, "reducer")) {
        s.reducer = r.device(*v, path + ".reducer");
    }
    if (const Json* v = member(j, "reuse")) {
        s.reuse = r.boolean(*v, path + ".reuse");
    }
    if (const Json* v = member(j, "stealing")) {
        s.stealing = r.boolean(*v, path + ".stealing");
    }
    return s;
}

compress::PruneSettings parsePruning(PlanReader& r, const Json& j) {
    compress::PruneSettings s;
    if (!j.is_object()) {
        r.fail("pruning",
               "expected an object such as {\"mode\": \"global\", \"sparsity\": 0.5}, found " + describe(j));
        return s;
    }
    r.onlyKeys(j, "pruning", kPruningKeys);
    const std::vector<std::string> modes = {"global", "per-layer"};
    if (const Json* v = member(j, "mode")) {
        const std::string mode = r.string(*v, "pruning.mode");
        if (auto m = compress::pruneModeFromString(mode)) {
            s.mode = *m;
        } else if (!r.failed()) {
            r.fail("pruning.mode",
                   "unknown mode '" + mode + "'" + suggestion(mode, modes) + " (modes: " + join(modes) + ")");
        }
    }
    const std::string range = "[0, " + Json(compress::PruneSettings::kMaxSparsity).dump() + "]";
    if (const Json* v = member(j, "sparsity")) {
        if (!v->is_number() || v->get<double>() < 0 ||
            v->get<double>() > compress::PruneSettings::kMaxSparsity) {
            r.fail("pruning.sparsity", "expected a number in " + range +
                                           " (the fraction of weights set to zero), found " + describe(*v));
        } else {
            s.sparsity = v->get<double>();
        }
    } else {
        r.fail("pruning", "missing \"sparsity\" (a number in " + range + ")");
    }
    if (const Json* v = member(j, "exclude")) {
        if (!v->is_array()) {
            r.fail("pruning.exclude",
                   "expected an array of node names, op types (Conv, Gemm), \"first-conv\" "
                   "or \"depthwise\", found " +
                       describe(*v));
        } else {
            s.exclude.clear();
            for (std::size_t i = 0; i < v->size(); ++i) {
                s.exclude.push_back(r.string((*v)[i], "pruning.exclude[" + std::to_string(i) + "]"));
            }
        }
    }
    return s;
}

void checkHeader(PlanReader& r, const Json& doc) {
    const Json* format = doc.is_object() ? member(doc, "format") : nullptr;
    if (!format || !format->is_string() || format->get<std::string>() != kFormat) {
        r.fail("", std::string("not a Tessera plan file (") +
                       (format && format->is_string() ? "\"format\" is \"" + format->get<std::string>() + "\""
                                                      : "no \"format\": \"" + std::string(kFormat) + "\"") +
                       ")");
        return;
    }
    const Json* version = member(doc, "version");
    if (!version) {
        r.fail("version", "missing (plan files have \"version\": " + std::to_string(Plan::kVersion) + ")");
    } else if (!version->is_number_integer() || version->get<double>() < 1) {
        r.fail("version", "expected a whole number of at least 1, found " + describe(*version));
    } else if (version->get<double>() > Plan::kVersion) {
        r.fail("",
               "written by a newer Tessera (plan format version " + version->dump() +
                   "; this version reads up to " + std::to_string(Plan::kVersion) + ") — update Tessera",
               ErrorCode::Unsupported);
    }
}

// JSON with arrays of plain values on one line (tile device lists stay readable), objects indented.
void writeReadable(const OrderedJson& j, int indent, std::string& out) {
    const auto dump = [](const OrderedJson& v) {
        return v.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
    };
    const bool flat = j.is_array() && std::none_of(j.begin(), j.end(),
                                                   [](const OrderedJson& e) { return e.is_structured(); });
    if (!j.is_structured() || j.empty() || flat) {
        if (!flat) {
            out += dump(j);
            return;
        }
        out += "[";
        for (std::size_t i = 0; i < j.size(); ++i) {
            out += (i ? ", " : "") + dump(j[i]);
        }
        out += "]";
        return;
    }
    const std::string inner(std::size_t(indent + 2), ' ');
    out += j.is_object() ? "{\n" : "[\n";
    std::size_t i = 0;
    for (auto it = j.begin(); it != j.end(); ++it, ++i) {
        out += inner + (j.is_object() ? dump(OrderedJson(it.key())) + ": " : "");
        writeReadable(*it, indent + 2, out);
        out += i + 1 < j.size() ? ",\n" : "\n";
    }
    out += std::string(std::size_t(indent), ' ') + (j.is_object() ? "}" : "]");
}

} // namespace

Expected<Plan> parsePlan(const std::string& jsonText, const std::string& path, const model::Graph& graph,
                         const cost::Cluster& cluster) {
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
    PlanReader r(path, graph, cluster);
    checkHeader(r, doc);
    if (r.failed()) {
        return r.error();
    }
    r.onlyKeys(doc, "", kTopKeys);
    // the model first: a plan for another model would otherwise fail on its first node name
    if (const Json* m = member(doc, "model")) {
        if (!m->is_object()) {
            r.fail("model", "expected an object, found " + describe(*m));
        } else {
            r.onlyKeys(*m, "model", kModelKeys);
            if (const Json* name = member(*m, "name")) {
                r.string(*name, "model.name");
            }
            const Json* nodes = member(*m, "nodes");
            if (nodes && !nodes->is_number_unsigned()) {
                r.fail("model.nodes", "expected a whole number, found " + describe(*nodes));
            } else if (nodes && nodes->get<std::uint64_t>() != graph.nodes.size() && !r.failed()) {
                return Error{ErrorCode::InvalidArgument, path + " was made for a model with " +
                                                             nodes->dump() + " nodes; this model has " +
                                                             std::to_string(graph.nodes.size()) +
                                                             " — wrong model?"};
            }
        }
    }
    Plan plan;
    if (const Json* pruning = member(doc, "pruning")) {
        plan.pruning = parsePruning(r, *pruning);
    }
    const Json* stages = member(doc, "stages");
    if (!stages) {
        r.fail("", "missing \"stages\"");
    } else if (!stages->is_array()) {
        r.fail("stages", "expected an array of stages, found " + describe(*stages));
    } else {
        for (std::size_t i = 0; i < stages->size(); ++i) {
            plan.stages.push_back(parseStage(r, (*stages)[i], "stages[" + std::to_string(i) + "]"));
        }
    }
    if (r.failed()) {
        return r.error();
    }
    return plan;
}

Expected<Plan> readPlan(const std::string& path, const model::Graph& graph, const cost::Cluster& cluster) {
    auto text = readFile(path);
    if (!text) {
        return text.error();
    }
    return parsePlan(*text, path, graph, cluster);
}

std::string planToJson(const Plan& plan, const model::Graph& graph, const cost::Cluster& cluster) {
    // an index outside the graph or cluster is written as "#<index>", which reading refuses
    const auto node = [&](std::size_t n) {
        return n < graph.nodes.size() ? graph.nodes[n].name : "#" + std::to_string(n);
    };
    const auto device = [&](int d) {
        return d >= 0 && d < int(cluster.devices.size()) ? cluster.devices[std::size_t(d)].name
                                                         : "#" + std::to_string(d);
    };
    OrderedJson doc;
    doc["format"] = kFormat;
    doc["version"] = Plan::kVersion;
    doc["model"] = {{"name", graph.name}, {"nodes", graph.nodes.size()}};
    if (plan.pruning) {
        doc["pruning"] = {{"mode", compress::toString(plan.pruning->mode)},
                          {"sparsity", plan.pruning->sparsity},
                          {"exclude", plan.pruning->exclude}};
    }
    doc["stages"] = OrderedJson::array();
    for (const Stage& s : plan.stages) {
        OrderedJson j;
        j["kind"] = toString(s.kind);
        j["from"] = node(s.first);
        j["to"] = node(s.last);
        // the fields of the stage's kind always, others only when set (so that any plan reads back)
        const bool tiles = s.kind == StageKind::Tiles;
        const bool channels = s.kind == StageKind::Lop || s.kind == StageKind::Lip;
        if (tiles || !s.rowCuts.empty()) {
            j["rows"] = s.rowCuts;
        }
        if (tiles || !s.colCuts.empty()) {
            j["columns"] = s.colCuts;
        }
        if (channels || !s.channelCuts.empty()) {
            j["channels"] = s.channelCuts;
        }
        if (s.kind == StageKind::Device && s.devices.size() == 1) {
            j["device"] = device(s.devices.front());
        } else {
            j["devices"] = OrderedJson::array();
            for (int d : s.devices) {
                j["devices"].push_back(device(d));
            }
        }
        if (s.reducer >= 0) {
            j["reducer"] = device(s.reducer);
        }
        if (tiles || s.reuse) {
            j["reuse"] = s.reuse;
        }
        if (tiles || s.stealing) {
            j["stealing"] = s.stealing;
        }
        doc["stages"].push_back(j);
    }
    std::string out;
    writeReadable(doc, 0, out);
    return out + "\n";
}

Status writePlan(const Plan& plan, const model::Graph& graph, const cost::Cluster& cluster,
                 const std::string& path) {
    return writeFileAtomically(path, planToJson(plan, graph, cluster));
}

} // namespace tessera::partition
