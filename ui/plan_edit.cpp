#include "ui/plan_edit.h"

#include <algorithm>
#include <cmath>
#include <numeric>

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

// Slices counted in granules: every slice's whole granules, the last also holding the total's remainder
// (which stays with it).
std::vector<std::int64_t> toGranules(const std::vector<std::int64_t>& channels, std::int64_t granule) {
    const std::int64_t total = std::accumulate(channels.begin(), channels.end(), std::int64_t(0));
    std::vector<std::int64_t> units;
    std::int64_t given = 0;
    for (std::size_t i = 0; i + 1 < channels.size(); ++i) {
        units.push_back(channels[i] / granule);
        given += units.back();
    }
    units.push_back(total / granule - given);
    return units;
}

std::vector<double> asWeights(const std::vector<std::int64_t>& sizes) {
    return std::vector<double>(sizes.begin(), sizes.end());
}

// Slices of `devices` proportional to `weights` over `channels`; empty channels when they do not fit.
ChannelSlices slicesByWeight(std::vector<int> devices, const std::vector<double>& weights,
                             std::int64_t channels, std::int64_t granule) {
    ChannelSlices slices;
    const auto cuts = partition::proportionalCuts(channels, weights, granule);
    if (cuts.size() + 1 != devices.size()) {
        return slices;
    }
    std::int64_t at = 0;
    for (auto cut : cuts) {
        slices.channels.push_back(cut - at);
        at = cut;
    }
    slices.channels.push_back(channels - at);
    slices.devices = std::move(devices);
    return slices;
}

std::int64_t totalOf(const ChannelSlices& slices) {
    return std::accumulate(slices.channels.begin(), slices.channels.end(), std::int64_t(0));
}

std::string deviceName(const cost::Cluster& cluster, int device) {
    return device >= 0 && device < int(cluster.devices.size())
               ? "'" + cluster.devices[std::size_t(device)].name + "'"
               : "#" + std::to_string(device);
}

bool isChannelSplit(const Stage& stage) {
    return stage.kind == StageKind::Lop || stage.kind == StageKind::Lip;
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

ChannelAxis channelAxis(const model::Graph& graph, std::size_t first, std::size_t last, StageKind kind) {
    ChannelAxis axis;
    axis.value = kind == StageKind::Lop ? graph.nodes[last].outputs.at(0) : graph.nodes[first].inputs.at(0);
    const auto* info = graph.value(axis.value);
    axis.channels = info && info->shape.size() > 1 ? info->shape[1] : 0;
    if (auto producer = graph.producer(axis.value); producer && graph.nodes[*producer].opType == "Flatten") {
        const auto* in = graph.value(graph.nodes[*producer].inputs.at(0));
        if (in && in->shape.size() == 4) {
            axis.granule = in->shape[2] * in->shape[3];
        }
    }
    return axis;
}

Expected<Plan> splitChannels(const Plan& plan, std::size_t first, std::size_t last, StageKind kind,
                             const model::Graph& graph, const cost::Cluster& cluster) {
    if (last >= graph.nodes.size() || first > last || (kind != StageKind::Lop && kind != StageKind::Lip)) {
        return Error{ErrorCode::InvalidArgument, "the layer range is empty or outside the model"};
    }
    const ChannelAxis axis = channelAxis(graph, first, last, kind);
    Stage stage;
    stage.kind = kind;
    stage.devices = roundRobinDevices(cluster, cluster.devices.size());
    stage.channelCuts = partition::proportionalCuts(
        axis.channels, std::vector<double>(stage.devices.size(), 1.0), axis.granule);
    if (stage.channelCuts.size() + 1 != stage.devices.size()) {
        return Error{ErrorCode::InvalidArgument, std::to_string(axis.channels) + " channels of '" +
                                                     axis.value + "' cannot be split over " +
                                                     std::to_string(stage.devices.size()) + " devices"};
    }
    return replaceRange(plan, std::move(stage), first, last, graph, cluster);
}

ChannelSlices channelSlices(const Stage& stage, std::int64_t channels) {
    ChannelSlices slices;
    const auto ranges = partition::rangesFromCuts(channels, stage.channelCuts);
    if (ranges.empty() || ranges.size() != stage.devices.size()) {
        return slices;
    }
    for (const auto& range : ranges) {
        slices.channels.push_back(range.size());
    }
    slices.devices = stage.devices;
    return slices;
}

std::vector<std::int64_t> cutsOfSlices(const std::vector<std::int64_t>& channels) {
    std::vector<std::int64_t> cuts;
    std::int64_t at = 0;
    for (std::size_t i = 0; i + 1 < channels.size(); ++i) {
        at += channels[i];
        cuts.push_back(at);
    }
    return cuts;
}

Expected<ChannelSlices> proportionalSlices(std::vector<int> devices, const std::vector<double>& weights,
                                           std::int64_t channels, std::int64_t granule) {
    const std::size_t parts = devices.size();
    auto slices = slicesByWeight(std::move(devices), weights, channels, std::max<std::int64_t>(granule, 1));
    if (slices.channels.empty()) {
        return Error{ErrorCode::InvalidArgument, std::to_string(channels) +
                                                     " channels cannot be split into " +
                                                     std::to_string(parts) + " slices"};
    }
    return slices;
}

std::vector<double> deviceSpeeds(const cost::Cluster& cluster, const std::vector<int>& devices) {
    std::vector<double> speeds;
    for (int d : devices) {
        speeds.push_back(
            d >= 0 && d < int(cluster.devices.size()) ? cluster.devices[std::size_t(d)].macsPerSecond : 0.0);
    }
    return speeds;
}

ChannelSlices resizeSlice(const ChannelSlices& slices, std::size_t index, std::int64_t wanted,
                          std::int64_t granule) {
    const std::size_t parts = slices.channels.size();
    if (parts < 2 || index >= parts) {
        return slices;
    }
    granule = std::max<std::int64_t>(granule, 1);
    const std::int64_t total = totalOf(slices);
    const std::int64_t remainder = total % granule; // held by the last slice
    const std::int64_t units = total / granule;
    if (units < std::int64_t(parts)) {
        return slices; // not one granule per slice: nothing to move
    }
    const auto current = toGranules(slices.channels, granule);
    const std::int64_t wantedChannels = index + 1 == parts ? wanted - remainder : wanted;
    const std::int64_t wantedUnits = std::clamp<std::int64_t>(
        std::llround(double(wantedChannels) / double(granule)), 1, units - std::int64_t(parts) + 1);
    std::vector<double> weights;
    for (std::size_t i = 0; i < parts; ++i) {
        if (i != index) {
            weights.push_back(double(std::max<std::int64_t>(current[i], 0)));
        }
    }
    // The others in granules (each at least one: the clamp above leaves them enough).
    const auto others = slicesByWeight(std::vector<int>(parts - 1, 0), weights, units - wantedUnits, 1);
    ChannelSlices next = slices;
    for (std::size_t i = 0, k = 0; i < parts; ++i) {
        next.channels[i] = (i == index ? wantedUnits : others.channels[k++]) * granule;
    }
    next.channels.back() += remainder;
    return next;
}

Expected<ChannelSlices> assignSlice(const ChannelSlices& slices, std::size_t index, int device,
                                    const cost::Cluster& cluster) {
    if (index >= slices.devices.size()) {
        return Error{ErrorCode::InvalidArgument, "the split has no slice " + std::to_string(index + 1)};
    }
    if (device < 0 || device >= int(cluster.devices.size())) {
        return Error{ErrorCode::InvalidArgument,
                     "device #" + std::to_string(device) + " is not in the cluster"};
    }
    for (std::size_t i = 0; i < slices.devices.size(); ++i) {
        if (i != index && slices.devices[i] == device) {
            return Error{ErrorCode::InvalidArgument,
                         deviceName(cluster, device) + " already runs slice " + std::to_string(i + 1) +
                             "; a device runs one slice of a split (remove that slice first, or give it to "
                             "another device)"};
        }
    }
    ChannelSlices next = slices;
    next.devices[index] = device;
    return next;
}

Expected<ChannelSlices> removeSlice(const ChannelSlices& slices, std::size_t index, std::int64_t granule) {
    if (index >= slices.devices.size()) {
        return Error{ErrorCode::InvalidArgument, "the split has no slice " + std::to_string(index + 1)};
    }
    if (slices.devices.size() <= 2) {
        return Error{
            ErrorCode::InvalidArgument,
            "a split needs at least two slices; to run these layers on one device, place them on it"};
    }
    granule = std::max<std::int64_t>(granule, 1);
    auto weights = asWeights(toGranules(slices.channels, granule));
    auto devices = slices.devices;
    weights.erase(weights.begin() + std::ptrdiff_t(index));
    devices.erase(devices.begin() + std::ptrdiff_t(index));
    return proportionalSlices(std::move(devices), weights, totalOf(slices), granule);
}

Expected<ChannelSlices> addSlice(const ChannelSlices& slices, int device, std::int64_t granule,
                                 const cost::Cluster& cluster) {
    if (device < 0 || device >= int(cluster.devices.size())) {
        return Error{ErrorCode::InvalidArgument,
                     "device #" + std::to_string(device) + " is not in the cluster"};
    }
    if (std::find(slices.devices.begin(), slices.devices.end(), device) != slices.devices.end()) {
        return Error{ErrorCode::InvalidArgument, deviceName(cluster, device) + " already runs a slice"};
    }
    granule = std::max<std::int64_t>(granule, 1);
    auto weights = asWeights(toGranules(slices.channels, granule));
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    weights.push_back(weights.empty() ? 1.0 : sum / double(weights.size()));
    auto devices = slices.devices;
    devices.push_back(device);
    return proportionalSlices(std::move(devices), weights, totalOf(slices), granule);
}

int pairedStage(const Plan& plan, std::size_t index, const model::Graph& graph) {
    if (index >= plan.stages.size()) {
        return -1;
    }
    const Stage& stage = plan.stages[index];
    std::size_t lop = index;
    if (stage.kind == StageKind::Lip && index > 0) {
        lop = index - 1;
    } else if (stage.kind != StageKind::Lop) {
        return -1;
    }
    const std::size_t lip = lop + 1;
    if (lip >= plan.stages.size() || plan.stages[lop].kind != StageKind::Lop ||
        plan.stages[lip].kind != StageKind::Lip) {
        return -1;
    }
    const auto& output = graph.nodes[plan.stages[lop].last].outputs.at(0);
    const auto& input = graph.nodes[plan.stages[lip].first].inputs.at(0);
    if (output != input) {
        return -1;
    }
    return int(index == lop ? lip : lop);
}

bool isFused(const Plan& plan, std::size_t index, const model::Graph& graph) {
    const int other = pairedStage(plan, index, graph);
    if (other < 0) {
        return false;
    }
    const Stage& a = plan.stages[index];
    const Stage& b = plan.stages[std::size_t(other)];
    return a.channelCuts == b.channelCuts && a.devices == b.devices;
}

Expected<Plan> setChannelSlices(const Plan& plan, std::size_t index, const ChannelSlices& slices,
                                bool keepFused, const model::Graph& graph, const cost::Cluster& cluster) {
    if (index >= plan.stages.size() || !isChannelSplit(plan.stages[index])) {
        return Error{ErrorCode::InvalidArgument,
                     "stage " + std::to_string(index + 1) + " is not a channel split"};
    }
    const Stage& stage = plan.stages[index];
    const auto axis = channelAxis(graph, stage.first, stage.last, stage.kind);
    const bool fits =
        !slices.channels.empty() && slices.channels.size() == slices.devices.size() &&
        totalOf(slices) == axis.channels &&
        std::all_of(slices.channels.begin(), slices.channels.end(), [](std::int64_t c) { return c > 0; });
    if (!fits) {
        return Error{ErrorCode::InvalidArgument,
                     "the slices do not cover the " + std::to_string(axis.channels) + " channels of '" +
                         axis.value + "' with one device each and no empty slice"};
    }
    Plan next = plan;
    std::vector<std::size_t> edited{index};
    if (const int other = pairedStage(plan, index, graph);
        keepFused && other >= 0 && isFused(plan, index, graph)) {
        edited.push_back(std::size_t(other));
    }
    for (std::size_t i : edited) {
        next.stages[i].channelCuts = cutsOfSlices(slices.channels);
        next.stages[i].devices = slices.devices;
    }
    if (auto problems = partition::validate(next, graph, cluster); !problems.empty()) {
        return Error{ErrorCode::InvalidArgument, joinLines(problems)};
    }
    return next;
}

Expected<Plan> fusePair(const Plan& plan, std::size_t index, const model::Graph& graph,
                        const cost::Cluster& cluster) {
    const int other = pairedStage(plan, index, graph);
    if (other < 0) {
        return Error{ErrorCode::InvalidArgument,
                     "stage " + std::to_string(index + 1) +
                         " is not half of a LOP stage followed by a LIP stage that reads its output"};
    }
    const std::size_t lop = std::min(index, std::size_t(other));
    Plan next = plan;
    next.stages[lop + 1].channelCuts = plan.stages[lop].channelCuts;
    next.stages[lop + 1].devices = plan.stages[lop].devices;
    if (auto problems = partition::validate(next, graph, cluster); !problems.empty()) {
        return Error{ErrorCode::InvalidArgument, joinLines(problems)};
    }
    return next;
}

Expected<Plan> setReducer(const Plan& plan, std::size_t index, int device, const model::Graph& graph,
                          const cost::Cluster& cluster) {
    if (index >= plan.stages.size() || plan.stages[index].kind != StageKind::Lip) {
        return Error{ErrorCode::InvalidArgument, "only a LIP stage has a reducer"};
    }
    Stage stage = plan.stages[index];
    stage.reducer = device < 0 ? -1 : device;
    return replaceStage(plan, index, std::move(stage), graph, cluster);
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
