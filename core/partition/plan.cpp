#include "core/partition/plan.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/partition/geometry.h"
#include "core/partition/region.h"

namespace tessera::partition {
namespace {

using model::Graph;

std::string nodeLabel(const Graph& g, std::size_t node) {
    return "'" + g.nodes[node].name + "' (" + g.nodes[node].opType + ")";
}

std::string stageLabel(const Stage& s, std::size_t index, const Graph& g) {
    auto name = [&](std::size_t node) {
        return node < g.nodes.size() ? "'" + g.nodes[node].name + "'" : "#" + std::to_string(node);
    };
    return "stage " + std::to_string(index + 1) + " (" + toString(s.kind) + ", " + name(s.first) +
           (s.first == s.last ? "" : ".." + name(s.last)) + ")";
}

// Nodes that read each value (by index), plus a mark for graph outputs.
struct Readers {
    std::map<std::string, std::vector<std::size_t>> of;
    std::set<std::string> graphOutputs;
    explicit Readers(const Graph& g) {
        for (std::size_t i = 0; i < g.nodes.size(); ++i) {
            for (const auto& in : g.nodes[i].inputs) {
                of[in].push_back(i);
            }
        }
        for (const auto& out : g.outputs) {
            graphOutputs.insert(out.name);
        }
    }
    // True when `value` is read outside [first, last] or is a graph output.
    bool escapes(const std::string& value, std::size_t first, std::size_t last) const {
        if (graphOutputs.count(value)) {
            return true;
        }
        auto it = of.find(value);
        return it != of.end() && std::any_of(it->second.begin(), it->second.end(),
                                             [&](std::size_t r) { return r < first || r > last; });
    }
};

void checkCuts(const std::vector<std::int64_t>& cuts, std::int64_t extent, const std::string& what,
               const std::string& label, std::vector<std::string>& problems) {
    if (rangesFromCuts(extent, cuts).empty()) {
        std::string list;
        for (auto c : cuts) {
            list += (list.empty() ? "" : ",") + std::to_string(c);
        }
        problems.push_back(label + ": " + what + " cuts [" + list +
                           "] must be strictly increasing and inside (0, " + std::to_string(extent) + ")");
    }
}

void checkStage(const Stage& s, const std::string& label, const Graph& g, const cost::Cluster& cluster,
                const Readers& readers, std::vector<std::string>& problems) {
    for (int d : s.devices) {
        if (d < 0 || d >= int(cluster.devices.size())) {
            problems.push_back(label + ": device #" + std::to_string(d) + " is not in the cluster (it has " +
                               std::to_string(cluster.devices.size()) + " devices)");
        }
    }
    const std::size_t expectedDevices = s.cells();
    if (s.devices.size() != expectedDevices) {
        problems.push_back(label + ": needs " + std::to_string(expectedDevices) +
                           " device assignment(s), has " + std::to_string(s.devices.size()));
    }
    if (s.kind != StageKind::Tiles && (!s.rowCuts.empty() || !s.colCuts.empty() || s.reuse || s.stealing)) {
        problems.push_back(label +
                           ": row/column cuts, data reuse and work stealing belong to tile stages only");
    }
    if ((s.kind == StageKind::Device || s.kind == StageKind::Tiles) && !s.channelCuts.empty()) {
        problems.push_back(label + ": channel cuts belong to lop and lip stages only");
    }
    if (s.kind != StageKind::Lip && s.reducer >= 0) {
        problems.push_back(label + ": only lip stages have a reducer");
    }
    const model::ValueInfo* out = g.value(g.nodes[s.last].outputs.at(0));
    const model::Shape outShape = out ? out->shape : model::Shape{};
    if (s.kind == StageKind::Tiles || s.kind == StageKind::Lop) {
        for (std::size_t n = s.first; n <= s.last; ++n) {
            const auto why =
                s.kind == StageKind::Tiles ? tileProblem(g, g.nodes[n]) : channelSplitProblem(g, g.nodes[n]);
            if (why) {
                problems.push_back(label + ": node " + nodeLabel(g, n) + ": " + *why);
            }
            for (const auto& o : g.nodes[n].outputs) {
                if (n != s.last && !o.empty() && readers.escapes(o, s.first, s.last)) {
                    problems.push_back(
                        label + ": node " + nodeLabel(g, n) + " feeds '" + o +
                        "' to nodes outside the stage; end the stage there or take those nodes in");
                }
            }
        }
    }
    if (s.kind == StageKind::Tiles && outShape.size() == 4) {
        checkCuts(s.rowCuts, outShape[2], "row", label, problems);
        checkCuts(s.colCuts, outShape[3], "column", label, problems);
    }
    if (s.kind == StageKind::Lop && outShape.size() >= 2) {
        checkCuts(s.channelCuts, outShape[1], "channel", label, problems);
    }
    if (s.kind == StageKind::Lip) {
        if (auto why = lipProblem(g, g.nodes[s.first])) {
            problems.push_back(label + ": node " + nodeLabel(g, s.first) + ": " + *why);
        } else {
            const model::ValueInfo* in = g.value(g.nodes[s.first].inputs.at(0));
            checkCuts(s.channelCuts, in ? in->shape.at(1) : 0, "input channel", label, problems);
        }
        const int reducer = s.reducerDevice();
        if (reducer < 0 || reducer >= int(cluster.devices.size())) {
            problems.push_back(label + ": the reducer device #" + std::to_string(reducer) +
                               " is not in the cluster");
        }
    }
}

} // namespace

const char* toString(StageKind kind) {
    switch (kind) {
    case StageKind::Device:
        return "device";
    case StageKind::Tiles:
        return "tiles";
    case StageKind::Lop:
        return "lop";
    case StageKind::Lip:
        return "lip";
    }
    return "?";
}

std::optional<StageKind> stageKindFromString(const std::string& text) {
    for (StageKind k : {StageKind::Device, StageKind::Tiles, StageKind::Lop, StageKind::Lip}) {
        if (text == toString(k)) {
            return k;
        }
    }
    return std::nullopt;
}

std::size_t Stage::cells() const {
    switch (kind) {
    case StageKind::Device:
        return 1;
    case StageKind::Tiles:
        return std::size_t(rows()) * std::size_t(columns());
    case StageKind::Lop:
    case StageKind::Lip:
        return channelCuts.size() + 1;
    }
    return 1;
}

int Plan::stageOf(std::size_t node) const {
    for (std::size_t i = 0; i < stages.size(); ++i) {
        if (stages[i].contains(node)) {
            return int(i);
        }
    }
    return -1;
}

Plan wholeModelPlan(const Graph& graph, int device) {
    Plan plan;
    if (!graph.nodes.empty()) {
        Stage s;
        s.first = 0;
        s.last = graph.nodes.size() - 1;
        s.devices = {device};
        plan.stages.push_back(s);
    }
    return plan;
}

Expected<compress::PruneReport> applyPruning(const Plan& plan, Graph& graph) {
    if (!plan.pruning) {
        return compress::PruneReport{};
    }
    auto report = compress::prune(graph, *plan.pruning);
    if (!report) {
        return Error{report.error().code, "plan " + report.error().message};
    }
    return report;
}

std::vector<std::string> validate(const Plan& plan, const Graph& graph, const cost::Cluster& cluster) {
    std::vector<std::string> problems;
    for (const auto& p : cluster.problems()) {
        problems.push_back("cluster: " + p);
    }
    if (plan.pruning) {
        for (const auto& p : compress::checkSettings(*plan.pruning, graph)) {
            problems.push_back("pruning." + p);
        }
    }
    if (graph.nodes.empty()) {
        if (!plan.stages.empty()) {
            problems.push_back("the model has no nodes, the plan has " + std::to_string(plan.stages.size()) +
                               " stages");
        }
        return problems;
    }
    const Readers readers(graph);
    std::size_t expected = 0; // first node the next stage must start at
    for (std::size_t i = 0; i < plan.stages.size(); ++i) {
        const Stage& s = plan.stages[i];
        const std::string label = "stage " + std::to_string(i + 1);
        if (s.last >= graph.nodes.size()) {
            problems.push_back(label + ": node range #" + std::to_string(s.first) + "..#" +
                               std::to_string(s.last) + " is not inside the model's " +
                               std::to_string(graph.nodes.size()) + " nodes");
            continue;
        }
        if (s.first > s.last) {
            problems.push_back(label + ": starts at " + nodeLabel(graph, s.first) + ", after its last node " +
                               nodeLabel(graph, s.last) + "; swap them");
            continue;
        }
        if (s.first > expected) {
            problems.push_back("nodes " + nodeLabel(graph, expected) +
                               (s.first - 1 > expected ? ".." + nodeLabel(graph, s.first - 1) : "") +
                               " belong to no stage");
        } else if (s.first < expected) {
            problems.push_back(stageLabel(s, i, graph) +
                               ": overlaps the stage before it (stages must be in node order)");
        }
        expected = std::max(expected, s.last + 1);
        checkStage(s, stageLabel(s, i, graph), graph, cluster, readers, problems);
    }
    if (expected < graph.nodes.size()) {
        problems.push_back(
            "nodes " + nodeLabel(graph, expected) +
            (graph.nodes.size() - 1 > expected ? ".." + nodeLabel(graph, graph.nodes.size() - 1) : "") +
            " belong to no stage");
    }
    return problems;
}

std::vector<std::string> validateStage(const Stage& stage, const Graph& graph, const cost::Cluster& cluster) {
    std::vector<std::string> problems;
    if (stage.first > stage.last || stage.last >= graph.nodes.size()) {
        problems.push_back("the stage's node range is not inside the model");
        return problems;
    }
    checkStage(stage, stageLabel(stage, 0, graph), graph, cluster, Readers(graph), problems);
    return problems;
}

Status checkPlan(const Plan& plan, const Graph& graph, const cost::Cluster& cluster) {
    const auto problems = validate(plan, graph, cluster);
    if (problems.empty()) {
        return {};
    }
    std::string message = "the plan is not valid (" + std::to_string(problems.size()) + " problem" +
                          (problems.size() > 1 ? "s" : "") + "):";
    for (const auto& p : problems) {
        message += "\n  - " + p;
    }
    return Error{ErrorCode::InvalidArgument, message};
}

} // namespace tessera::partition
