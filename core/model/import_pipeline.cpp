#include "core/model/import_pipeline.h"

#include <onnx/defs/schema.h>
#include <onnx/shape_inference/implementation.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "core/model/constant_fold.h"
#include "core/model/onnx_proto.h"
#include "core/model/op_support.h"

namespace tessera::model {
namespace {

constexpr std::size_t kMaxListed = 12; // longer lists are cut with "... and N more"

std::string joinLimited(const std::vector<std::string>& items, const std::string& separator = ", ") {
    std::string out;
    for (std::size_t i = 0; i < items.size() && i < kMaxListed; ++i) {
        out += (i ? separator : "") + items[i];
    }
    if (items.size() > kMaxListed) {
        out += separator + "... and " + std::to_string(items.size() - kMaxListed) + " more";
    }
    return out;
}

std::string joinAll(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

std::string nodeLabel(const Node& node) {
    return "'" + (node.name.empty() ? node.outputs.at(0) : node.name) + "'";
}

bool isStatic(const Shape& s) {
    return std::none_of(s.begin(), s.end(), [](std::int64_t d) { return d < 0; });
}

Status resolveInputShapes(Model& model, const ImportOptions& options) {
    Graph& g = model.graph;
    for (const auto& [name, shape] : options.inputShapes) {
        // a named copy: clang before 16 cannot capture a structured binding
        const std::string& inputName = name;
        if (!name.empty() && std::none_of(g.inputs.begin(), g.inputs.end(),
                                          [&](const ValueInfo& v) { return v.name == inputName; })) {
            std::vector<std::string> names;
            for (const auto& v : g.inputs) {
                names.push_back(v.name);
            }
            return Error{ErrorCode::InvalidArgument,
                         "no input named '" + name + "' (inputs: " + joinLimited(names) + ")"};
        }
    }
    if (options.inputShapes.count("") && g.inputs.size() != 1) {
        return Error{ErrorCode::InvalidArgument, "the model has " + std::to_string(g.inputs.size()) +
                                                     " inputs: give each shape as NAME:D1,D2,..."};
    }
    std::vector<std::string> unresolved;
    std::string example; // the first unresolved input's shape with each unknown dim shown as 224
    for (auto& in : g.inputs) {
        auto given = options.inputShapes.find(in.name);
        if (given == options.inputShapes.end()) {
            given = options.inputShapes.find("");
        }
        if (given != options.inputShapes.end()) {
            const Shape& s = given->second;
            const bool unknownRank = in.shape.size() == 1 && in.shape[0] < 0;
            if (!unknownRank && s.size() != in.shape.size()) {
                return Error{ErrorCode::InvalidArgument, "input '" + in.name + "' has rank " +
                                                             std::to_string(in.shape.size()) +
                                                             ", the given shape " + toString(s) +
                                                             " has rank " + std::to_string(s.size())};
            }
            for (std::size_t i = 0; i < s.size() && !unknownRank; ++i) {
                if (in.shape[i] >= 0 && in.shape[i] != s[i]) {
                    return Error{ErrorCode::InvalidArgument,
                                 "input '" + in.name + "' has fixed dimension " + std::to_string(i) + " = " +
                                     std::to_string(in.shape[i]) + ", the given shape says " +
                                     std::to_string(s[i])};
                }
            }
            in.shape = s;
            continue;
        }
        if (!in.shape.empty() && in.shape[0] < 0 && in.shape.size() > 1) {
            in.shape[0] = 1;
            model.notes.push_back("input '" + in.name + "': symbolic batch dimension set to 1");
        }
        if (!isStatic(in.shape) || (in.shape.size() == 1 && in.shape[0] < 0)) {
            std::string shown;
            for (std::size_t i = 0; i < in.shape.size(); ++i) {
                shown += (i ? "x" : "") + (in.shape[i] < 0 ? std::string("?") : std::to_string(in.shape[i]));
            }
            unresolved.push_back("'" + in.name + "' (" + shown + ")");
            if (example.empty()) {
                example = g.inputs.size() == 1 ? "" : in.name + ":";
                for (std::size_t i = 0; i < in.shape.size(); ++i) {
                    example += (i ? "," : "") + std::to_string(in.shape[i] < 0 ? 224 : in.shape[i]);
                }
            }
        }
    }
    if (!unresolved.empty()) {
        return Error{ErrorCode::InvalidArgument,
                     "dynamic input shape could not be resolved for " + joinLimited(unresolved) +
                         ": give the shape with --input-shape, e.g. --input-shape " + example};
    }
    return {};
}

// Runs ONNX shape inference on a weight-free copy of the graph and returns every value's type and shape.
Expected<std::map<std::string, ValueInfo>> inferShapes(const Graph& g, std::int64_t opset, bool strict) {
    auto proto = toSkeletonProto(g, opset);
    try {
        onnx::ShapeInferenceOptions inferOptions(true, strict ? 1 : 0, true);
        onnx::shape_inference::InferShapes(proto, onnx::OpSchemaRegistry::Instance(), inferOptions);
    } catch (const std::exception& e) {
        return Error{ErrorCode::InvalidModel, std::string("ONNX shape inference failed: ") + e.what()};
    }
    std::map<std::string, ValueInfo> values;
    auto collect = [&values](const auto& list) {
        for (const auto& vi : list) {
            if (auto v = fromProto(vi)) {
                values[v->name] = *v;
            }
        }
    };
    collect(proto.graph().input());
    collect(proto.graph().value_info());
    collect(proto.graph().output());
    return values;
}

// Evaluates every node whose inputs are all known constants; returns how many nodes were folded.
Expected<int> foldPass(Graph& g, const std::map<std::string, ValueInfo>& values, std::int64_t opset) {
    int folded = 0;
    std::vector<Node> kept;
    for (auto& node : g.nodes) {
        bool foldable = isFoldableOp(node);
        std::vector<const Tensor*> inputs;
        std::vector<Shape> shapes;
        for (const auto& in : node.inputs) {
            const Tensor* t = in.empty() ? nullptr : g.initializer(in);
            auto v = values.find(in);
            shapes.push_back(v == values.end() ? Shape{-1} : v->second.shape);
            inputs.push_back(t);
            const bool shapeOnly = node.opType == "Shape" || node.opType == "Size";
            if (!in.empty() && !t && !(shapeOnly && v != values.end() && isStatic(v->second.shape))) {
                foldable = false;
            }
        }
        if (!foldable) {
            kept.push_back(std::move(node));
            continue;
        }
        auto outs = foldNode(node, inputs, shapes, opset);
        if (!outs) {
            return outs.error().withContext("node " + nodeLabel(node) + " (" + node.opType + ")");
        }
        for (std::size_t i = 0; i < node.outputs.size() && i < outs->size(); ++i) {
            g.initializers[node.outputs[i]] = std::move((*outs)[i]);
        }
        ++folded;
    }
    g.nodes = std::move(kept);
    return folded;
}

void removeDeadNodes(Graph& g) {
    std::set<std::string> needed;
    for (const auto& out : g.outputs) {
        needed.insert(out.name);
    }
    std::vector<bool> keep(g.nodes.size(), false);
    for (std::size_t i = g.nodes.size(); i-- > 0;) {
        const Node& n = g.nodes[i];
        keep[i] = std::any_of(n.outputs.begin(), n.outputs.end(),
                              [&](const std::string& o) { return needed.count(o); });
        if (keep[i]) {
            needed.insert(n.inputs.begin(), n.inputs.end());
        }
    }
    std::vector<Node> kept;
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        if (keep[i]) {
            kept.push_back(std::move(g.nodes[i]));
        }
    }
    g.nodes = std::move(kept);
    for (auto it = g.initializers.begin(); it != g.initializers.end();) {
        it = needed.count(it->first) ? std::next(it) : g.initializers.erase(it);
    }
}

Status refuseUnsupported(const Graph& g) {
    std::map<std::string, std::vector<std::string>> byOp;
    std::size_t count = 0;
    for (const auto& node : g.nodes) {
        if (!isSupportedOp(node)) {
            byOp[(node.domain.empty() ? "" : node.domain + ".") + node.opType].push_back(nodeLabel(node));
            ++count;
        }
    }
    if (byOp.empty()) {
        return {};
    }
    std::vector<std::string> parts;
    for (const auto& [op, nodes] : byOp) {
        parts.push_back(op + " (" + std::to_string(nodes.size()) +
                        (nodes.size() == 1 ? " node: " : " nodes: ") + joinLimited(nodes) + ")");
    }
    return Error{ErrorCode::Unsupported,
                 std::to_string(count) + " node(s) use operators Tessera does not support: " +
                     joinLimited(parts, "; ") + ". Supported operators: " + joinAll(supportedOps())};
}

// Plans, the studio and messages refer to nodes by name: give unnamed nodes their first output's name and
// make repeated names unique with a "#2", "#3"... suffix.
void nameNodesUniquely(Graph& g) {
    std::set<std::string> used;
    for (auto& node : g.nodes) {
        std::string base = node.name.empty() ? node.outputs.at(0) : node.name;
        std::string name = base;
        for (int k = 2; used.count(name); ++k) {
            name = base + "#" + std::to_string(k);
        }
        node.name = name;
        used.insert(name);
    }
}

} // namespace

std::int64_t maxSupportedOpset() {
    const auto& map = onnx::OpSchemaRegistry::DomainToVersionRange::Instance().Map();
    return map.at(onnx::ONNX_DOMAIN).second;
}

Status finishImport(Model& model, const ImportOptions& options) {
    Graph& g = model.graph;
    auto fail = [&](const Error& e) { return Status(e.withContext(model.path)); };
    auto progress = [&](double f, const char* stage) {
        if (options.progress) {
            options.progress(f, stage);
        }
    };
    if (auto s = resolveInputShapes(model, options); !s) {
        return fail(s.error());
    }
    // fp16/double casts: Tessera computes in float32 throughout.
    for (auto& node : g.nodes) {
        if (node.opType == "Cast" && (node.attrInt("to", 1) == 10 || node.attrInt("to", 1) == 11)) {
            node.attributes["to"] = std::int64_t(1);
        }
    }

    std::map<std::string, ValueInfo> values;
    for (int round = 0;; ++round) {
        if (options.stop && options.stop->stopRequested()) {
            return fail(Error{ErrorCode::Cancelled, "import cancelled"});
        }
        progress(0.2 + 0.6 * std::min(round, 5) / 5.0, "shape inference and constant folding");
        auto inferred = inferShapes(g, model.opset, false);
        if (!inferred) {
            return fail(inferred.error());
        }
        values = std::move(*inferred);
        auto folded = foldPass(g, values, model.opset);
        if (!folded) {
            return fail(folded.error());
        }
        if (*folded == 0 || round > 64) {
            break;
        }
    }
    removeDeadNodes(g);
    if (auto s = refuseUnsupported(g); !s) {
        return fail(s.error());
    }

    g.values.clear();
    for (const auto& in : g.inputs) {
        g.values[in.name] = in;
    }
    for (const auto& [name, tensor] : g.initializers) {
        g.values[name] = ValueInfo{name, tensor.dtype, tensor.shape};
    }
    std::vector<std::string> unresolved;
    for (const auto& node : g.nodes) {
        for (const auto& out : node.outputs) {
            if (out.empty()) {
                continue;
            }
            auto it = values.find(out);
            if (it == values.end() || !isStatic(it->second.shape) ||
                (it->second.shape.size() == 1 && it->second.shape[0] < 0)) {
                unresolved.push_back("'" + out + "' of node " + nodeLabel(node) + " (" + node.opType + ")");
            } else {
                g.values[out] = it->second;
            }
        }
    }
    if (!unresolved.empty()) {
        // Strict inference usually names the exact node and reason; fall back to the list of values.
        if (auto strict = inferShapes(g, model.opset, true); !strict) {
            return fail(strict.error());
        }
        return fail(Error{ErrorCode::InvalidModel, "could not determine a static shape for " +
                                                       joinLimited(unresolved) +
                                                       "; check --input-shape or simplify the model"});
    }
    for (auto& out : g.outputs) {
        if (auto it = g.values.find(out.name); it != g.values.end()) {
            out = it->second;
        }
    }

    std::vector<std::string> problems;
    for (const auto& node : g.nodes) {
        for (const auto& p : checkNode(node, g)) {
            problems.push_back("node " + nodeLabel(node) + " (" + node.opType + "): " + p);
        }
    }
    if (!problems.empty()) {
        return fail(Error{ErrorCode::Unsupported, joinLimited(problems, "; ")});
    }
    nameNodesUniquely(g);
    progress(1.0, "done");
    return {};
}

Expected<std::pair<std::string, Shape>> parseInputShape(const std::string& text) {
    std::string name;
    std::string dims = text;
    if (auto colon = text.rfind(':'); colon != std::string::npos) {
        name = text.substr(0, colon);
        dims = text.substr(colon + 1);
    }
    Shape shape;
    std::stringstream ss(dims);
    std::string item;
    while (std::getline(ss, item, ',')) {
        try {
            std::size_t used = 0;
            const long long d = std::stoll(item, &used);
            if (used != item.size() || d <= 0) {
                throw std::invalid_argument(item);
            }
            shape.push_back(d);
        } catch (const std::exception&) {
            return Error{ErrorCode::InvalidArgument,
                         "input shape '" + text + "': '" + item +
                             "' is not a positive integer (expected e.g. 1,3,224,224 or "
                             "input:1,3,224,224)"};
        }
    }
    if (shape.empty()) {
        return Error{ErrorCode::InvalidArgument,
                     "input shape '" + text + "' is empty (expected e.g. 1,3,224,224)"};
    }
    return std::make_pair(name, shape);
}

Expected<Model> loadModel(const std::string& path, const ImportOptions& options) {
    const auto dot = path.rfind('.');
    const std::string ext = dot == std::string::npos ? "" : path.substr(dot);
    if (ext == ".cfg") {
        return loadDarknet(path, options);
    }
    return loadOnnx(path, options);
}

} // namespace tessera::model
