#include "core/cost/memory_plan.h"

#include <algorithm>
#include <numeric>
#include <set>

namespace tessera::cost {

bool isAliasOp(const std::string& opType) {
    return opType == "Reshape" || opType == "Flatten" || opType == "Squeeze" || opType == "Unsqueeze" ||
           opType == "Identity" || opType == "Dropout";
}

bool isInPlaceOp(const std::string& opType) {
    static const std::set<std::string> kOps = {"Relu",        "LeakyRelu", "Clip", "Sigmoid",
                                               "HardSigmoid", "HardSwish", "Tanh", "BatchNormalization"};
    return kOps.count(opType) != 0;
}

MemoryPlan planMemory(const model::Graph& g) {
    MemoryPlan plan;
    auto bytesOf = [&g](const std::string& value) {
        const model::ValueInfo* v = g.value(value);
        const std::int64_t raw =
            v ? model::elementCount(v->shape) * std::int64_t(model::byteSize(v->dtype)) : 0;
        return (raw + MemoryPlan::kAlignment - 1) / MemoryPlan::kAlignment * MemoryPlan::kAlignment;
    };
    // last step at which each value is read
    std::map<std::string, std::size_t> lastUse;
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        for (const auto& in : g.nodes[i].inputs) {
            lastUse[in] = i;
        }
    }
    std::set<std::string> graphOutputs;
    for (const auto& out : g.outputs) {
        graphOutputs.insert(out.name);
    }
    std::set<std::size_t> inputBuffers;
    std::set<std::size_t> pinned; // buffers holding a graph output: never overwritten in place
    for (const auto& in : g.inputs) {
        plan.bufferOf[in.name] = plan.buffers.size();
        inputBuffers.insert(plan.buffers.size());
        plan.buffers.push_back({0, bytesOf(in.name), 0, 0});
    }
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        const model::Node& n = g.nodes[i];
        for (const auto& in : n.inputs) {
            if (auto it = plan.bufferOf.find(in); it != plan.bufferOf.end()) {
                auto& b = plan.buffers[it->second];
                b.death = std::max(b.death, i);
            }
        }
        const auto source = n.inputs.empty() ? plan.bufferOf.end() : plan.bufferOf.find(n.inputs[0]);
        const bool hasSource = source != plan.bufferOf.end();
        const bool alias = hasSource && isAliasOp(n.opType);
        const bool inPlace = hasSource && isInPlaceOp(n.opType) && lastUse[n.inputs[0]] == i &&
                             !inputBuffers.count(source->second) && !pinned.count(source->second) &&
                             std::count(n.inputs.begin(), n.inputs.end(), n.inputs[0]) == 1;
        for (std::size_t k = 0; k < n.outputs.size(); ++k) {
            const std::string& out = n.outputs[k];
            if (out.empty()) {
                continue;
            }
            if (k == 0 && (alias || inPlace)) {
                plan.bufferOf[out] = source->second;
            } else {
                plan.bufferOf[out] = plan.buffers.size();
                plan.buffers.push_back({0, bytesOf(out), i, i});
            }
            if (graphOutputs.count(out)) {
                pinned.insert(plan.bufferOf[out]);
            }
        }
    }
    const std::size_t end = g.nodes.empty() ? 0 : g.nodes.size() - 1;
    for (const auto& out : g.outputs) {
        if (auto it = plan.bufferOf.find(out.name); it != plan.bufferOf.end()) {
            plan.buffers[it->second].death = end;
        }
    }
    // A buffer's life also covers every later read through an alias.
    for (const auto& [value, index] : plan.bufferOf) {
        if (auto it = lastUse.find(value); it != lastUse.end()) {
            plan.buffers[index].death = std::max(plan.buffers[index].death, it->second);
        }
    }

    std::vector<std::int64_t> live(g.nodes.size() + 1, 0);
    for (const auto& b : plan.buffers) {
        for (std::size_t s = b.birth; s <= b.death && s < live.size(); ++s) {
            live[s] += b.bytes;
        }
    }
    const auto peak = std::max_element(live.begin(), live.end());
    plan.peakLiveBytes = *peak;
    plan.peakStep = std::size_t(peak - live.begin());

    // Greedy placement, largest first (ties: earlier birth), lowest non-overlapping offset.
    std::vector<std::size_t> order(plan.buffers.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto& x = plan.buffers[a];
        const auto& y = plan.buffers[b];
        return x.bytes != y.bytes ? x.bytes > y.bytes : x.birth < y.birth;
    });
    std::vector<std::size_t> placed;
    for (std::size_t index : order) {
        auto& b = plan.buffers[index];
        std::vector<std::pair<std::int64_t, std::int64_t>> taken; // [offset, end) of overlapping lifetimes
        for (std::size_t other : placed) {
            const auto& o = plan.buffers[other];
            if (o.birth <= b.death && b.birth <= o.death) {
                taken.emplace_back(o.offset, o.offset + o.bytes);
            }
        }
        std::sort(taken.begin(), taken.end());
        std::int64_t offset = 0;
        for (const auto& [start, stop] : taken) {
            if (offset + b.bytes <= start) {
                break;
            }
            offset = std::max(offset, stop);
        }
        b.offset = offset;
        plan.arenaBytes = std::max(plan.arenaBytes, offset + b.bytes);
        placed.push_back(index);
    }
    return plan;
}

} // namespace tessera::cost
