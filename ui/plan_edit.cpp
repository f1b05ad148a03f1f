#include "ui/plan_edit.h"

#include <algorithm>

#include "core/partition/region.h"

namespace tessera::ui {

using partition::Plan;
using partition::Stage;
using partition::StageKind;

namespace {

std::string stageLabel(const Stage& s, const model::Graph& graph) {
    return std::string(partition::toString(s.kind)) + " '" + graph.nodes[s.first].name + "'..'" +
           graph.nodes[s.last].name + "'";
}

void mergeDeviceStages(Plan& plan) {
    std::vector<Stage> merged;
    for (auto& s : plan.stages) {
        if (!merged.empty() && s.kind == StageKind::Device && merged.back().kind == StageKind::Device &&
            merged.back().devices == s.devices && merged.back().last + 1 == s.first) {
            merged.back().last = s.last;
        } else {
            merged.push_back(std::move(s));
        }
    }
    plan.stages = std::move(merged);
}

std::string joinLines(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) {
        text += (text.empty() ? "" : "\n") + line;
    }
    return text;
}

} // namespace

Expected<Plan> replaceRange(const Plan& plan, Stage stage, std::size_t first, std::size_t last,
                            const model::Graph& graph, const cost::Cluster& cluster) {
    if (first > last || last >= graph.nodes.size()) {
        return Error{ErrorCode::InvalidArgument, "the layer range is empty or outside the model"};
    }
    stage.first = first;
    stage.last = last;
    Plan next;
    next.pruning = plan.pruning;
    for (const auto& s : plan.stages) {
        if (s.last < first || s.first > last) {
            next.stages.push_back(s);
            continue;
        }
        const bool inside = s.first >= first && s.last <= last;
        if (inside) {
            continue;
        }
        if (s.kind != StageKind::Device) {
            return Error{ErrorCode::InvalidArgument, "the selection cuts through the " +
                                                         stageLabel(s, graph) +
                                                         " stage: select all of it or none of it"};
        }
        if (s.first < first) {
            Stage before = s;
            before.last = first - 1;
            next.stages.push_back(before);
        }
        if (s.last > last) {
            Stage after = s;
            after.first = last + 1;
            next.stages.push_back(after);
        }
    }
    next.stages.push_back(std::move(stage));
    std::sort(next.stages.begin(), next.stages.end(),
              [](const Stage& a, const Stage& b) { return a.first < b.first; });
    mergeDeviceStages(next);
    if (auto problems = partition::validate(next, graph, cluster); !problems.empty()) {
        return Error{ErrorCode::InvalidArgument, joinLines(problems)};
    }
    return next;
}

Expected<Plan> fuseTiles(const Plan& plan, std::size_t first, std::size_t last, const TileSettings& settings,
                         const model::Graph& graph, const cost::Cluster& cluster) {
    if (last >= graph.nodes.size() || first > last) {
        return Error{ErrorCode::InvalidArgument, "the layer range is empty or outside the model"};
    }
    const auto* out = graph.value(graph.nodes[last].outputs.at(0));
    if (!out || out->shape.size() != 4) {
        return Error{ErrorCode::InvalidArgument, "the block's last layer '" + graph.nodes[last].name +
                                                     "' must produce a 4-D feature map to be cut into tiles"};
    }
    Stage stage;
    stage.kind = StageKind::Tiles;
    stage.rowCuts = partition::uniformCuts(out->shape[2], settings.rows);
    stage.colCuts = partition::uniformCuts(out->shape[3], settings.columns);
    stage.reuse = settings.reuse;
    stage.stealing = settings.stealing;
    stage.devices = roundRobinDevices(cluster, stage.cells());
    return replaceRange(plan, std::move(stage), first, last, graph, cluster);
}

std::vector<int> roundRobinDevices(const cost::Cluster& cluster, std::size_t count) {
    std::vector<int> order;
    order.push_back(cluster.gateway);
    for (int d = 0; d < int(cluster.devices.size()); ++d) {
        if (d != cluster.gateway) {
            order.push_back(d);
        }
    }
    std::vector<int> devices;
    for (std::size_t t = 0; t < count; ++t) {
        devices.push_back(order[t % order.size()]);
    }
    return devices;
}

Expected<Plan> replaceStage(const Plan& plan, std::size_t index, Stage stage, const model::Graph& graph,
                            const cost::Cluster& cluster) {
    if (index >= plan.stages.size()) {
        return Error{ErrorCode::InvalidArgument, "the plan has no stage " + std::to_string(index + 1)};
    }
    Plan next = plan;
    stage.first = plan.stages[index].first;
    stage.last = plan.stages[index].last;
    next.stages[index] = std::move(stage);
    if (auto problems = partition::validate(next, graph, cluster); !problems.empty()) {
        return Error{ErrorCode::InvalidArgument, joinLines(problems)};
    }
    return next;
}

Expected<Plan> splitChannels(const Plan& plan, std::size_t first, std::size_t last, StageKind kind,
                             const model::Graph& graph, const cost::Cluster& cluster) {
    if (last >= graph.nodes.size() || first > last || (kind != StageKind::Lop && kind != StageKind::Lip)) {
        return Error{ErrorCode::InvalidArgument, "the layer range is empty or outside the model"};
    }
    const std::string& value =
        kind == StageKind::Lop ? graph.nodes[last].outputs.at(0) : graph.nodes[first].inputs.at(0);
    const auto* info = graph.value(value);
    const std::int64_t channels = info && info->shape.size() > 1 ? info->shape[1] : 0;
    // Whole planes when the value is the Flatten of a feature map, so a LOP before the Flatten and a LIP
    // after it cut at the same places (as `tessera plan` does).
    std::int64_t granule = 1;
    if (auto producer = graph.producer(value); producer && graph.nodes[*producer].opType == "Flatten") {
        const auto* in = graph.value(graph.nodes[*producer].inputs.at(0));
        if (in && in->shape.size() == 4) {
            granule = in->shape[2] * in->shape[3];
        }
    }
    Stage stage;
    stage.kind = kind;
    stage.devices.push_back(cluster.gateway);
    for (int d = 0; d < int(cluster.devices.size()); ++d) {
        if (d != cluster.gateway) {
            stage.devices.push_back(d);
        }
    }
    stage.channelCuts =
        partition::proportionalCuts(channels, std::vector<double>(stage.devices.size(), 1.0), granule);
    if (stage.channelCuts.size() + 1 != stage.devices.size()) {
        return Error{ErrorCode::InvalidArgument, std::to_string(channels) + " channels of '" + value +
                                                     "' cannot be split over " +
                                                     std::to_string(stage.devices.size()) + " devices"};
    }
    return replaceRange(plan, std::move(stage), first, last, graph, cluster);
}

Expected<Plan> placeOnDevice(const Plan& plan, std::size_t first, std::size_t last, int device,
                             const model::Graph& graph, const cost::Cluster& cluster) {
    Stage stage;
    stage.kind = StageKind::Device;
    stage.devices = {device};
    return replaceRange(plan, std::move(stage), first, last, graph, cluster);
}

std::vector<int> devicesOfNode(const Plan& plan, std::size_t node) {
    const int stage = plan.stageOf(node);
    std::vector<int> devices;
    if (stage < 0) {
        return devices;
    }
    for (int d : plan.stages[std::size_t(stage)].devices) {
        if (std::find(devices.begin(), devices.end(), d) == devices.end()) {
            devices.push_back(d);
        }
    }
    return devices;
}

Plan withoutDevice(const Plan& plan, int removed, int replacement) {
    Plan next = plan;
    for (auto& s : next.stages) {
        for (auto& d : s.devices) {
            d = d == removed ? replacement : (d > removed ? d - 1 : d);
        }
        if (s.reducer == removed) {
            s.reducer = replacement;
        } else if (s.reducer > removed) {
            --s.reducer;
        }
    }
    mergeDeviceStages(next);
    return next;
}

} // namespace tessera::ui
