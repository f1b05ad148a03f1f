#include "core/compress/pruning.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace tessera::compress {
namespace {

struct Segment {
    float* data = nullptr;
    std::int64_t size = 0;
};

std::int64_t zerosIn(const Segment& s) {
    return std::int64_t(std::count(s.data, s.data + s.size, 0.f));
}

// Zeroes the `count` smallest magnitudes over the segments taken together; ties at the threshold go in
// segment order, then element order. Returns the threshold (the count-th smallest magnitude; 0 if none).
float zeroSmallest(const std::vector<Segment>& segments, std::int64_t count) {
    if (count <= 0) {
        return 0.f;
    }
    std::vector<float> magnitudes;
    for (const auto& s : segments) {
        for (std::int64_t i = 0; i < s.size; ++i) {
            magnitudes.push_back(std::abs(s.data[i]));
        }
    }
    count = std::min<std::int64_t>(count, std::int64_t(magnitudes.size()));
    if (count <= 0) {
        return 0.f;
    }
    std::nth_element(magnitudes.begin(), magnitudes.begin() + (count - 1), magnitudes.end());
    const float threshold = magnitudes[std::size_t(count - 1)];
    std::int64_t below = 0;
    for (const auto& s : segments) {
        below += std::count_if(s.data, s.data + s.size, [&](float v) { return std::abs(v) < threshold; });
    }
    std::int64_t ties = count - below; // elements of magnitude == threshold still to zero
    for (const auto& s : segments) {
        for (std::int64_t i = 0; i < s.size; ++i) {
            const float m = std::abs(s.data[i]);
            if (m < threshold || (m == threshold && ties > 0)) {
                ties -= m == threshold;
                s.data[i] = 0.f;
            }
        }
    }
    return threshold;
}

bool isDepthwise(const model::Node& node, const model::Tensor& w) {
    const std::int64_t group = node.attrInt("group", 1);
    return node.opType == "Conv" && w.shape.size() == 4 && group > 1 && w.shape[1] == 1 &&
           group == w.shape[0];
}

std::string format(double v) {
    std::ostringstream out;
    out << v;
    return out.str();
}

std::int64_t targetZeros(double sparsity, std::int64_t elements) {
    return std::int64_t(std::llround(sparsity * double(elements)));
}

} // namespace

const char* toString(PruneMode mode) {
    return mode == PruneMode::Global ? "global" : "per-layer";
}

std::optional<PruneMode> pruneModeFromString(const std::string& text) {
    if (text == "global") {
        return PruneMode::Global;
    }
    if (text == "per-layer") {
        return PruneMode::PerLayer;
    }
    return std::nullopt;
}

std::vector<std::string> defaultExclusions() {
    return {kExcludeFirstConv, kExcludeDepthwise};
}

std::vector<std::string> checkSettings(const PruneSettings& settings, const model::Graph& graph) {
    std::vector<std::string> problems;
    if (!(settings.sparsity >= 0.0 && settings.sparsity <= PruneSettings::kMaxSparsity)) {
        problems.push_back("sparsity: " + format(settings.sparsity) + " is outside [0, " +
                           format(PruneSettings::kMaxSparsity) + "] (the fraction of weights set to zero)");
    }
    std::set<std::string> names;
    for (const auto& n : graph.nodes) {
        names.insert(n.name);
    }
    for (std::size_t i = 0; i < settings.exclude.size(); ++i) {
        const std::string& e = settings.exclude[i];
        if (e != kExcludeFirstConv && e != kExcludeDepthwise && e != "Conv" && e != "Gemm" &&
            !names.count(e)) {
            problems.push_back(
                "exclude[" + std::to_string(i) + "]: '" + e +
                "' is neither a node of the model nor one of Conv, Gemm, first-conv, depthwise");
        }
    }
    return problems;
}

Expected<PruneReport> prune(model::Graph& graph, const PruneSettings& settings) {
    if (const auto problems = checkSettings(settings, graph); !problems.empty()) {
        std::string message = "pruning settings: ";
        for (std::size_t i = 0; i < problems.size(); ++i) {
            message += (i ? "; " : "") + problems[i];
        }
        return Error{ErrorCode::InvalidArgument, message};
    }
    std::map<std::string, int> readers;
    for (const auto& n : graph.nodes) {
        for (const auto& in : n.inputs) {
            ++readers[in];
        }
    }
    const std::set<std::string> exclude(settings.exclude.begin(), settings.exclude.end());
    PruneReport report;
    std::vector<Segment> segments; // of the layers to prune, in report order
    std::vector<std::size_t> segmentLayer;
    bool firstConvSeen = false;
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const model::Node& n = graph.nodes[i];
        if ((n.opType != "Conv" && n.opType != "Gemm") || n.inputs.size() < 2) {
            continue;
        }
        auto it = graph.initializers.find(n.inputs[1]);
        if (it == graph.initializers.end() || it->second.dtype != model::DType::Float32 ||
            std::int64_t(it->second.floats.size()) != it->second.elements()) {
            continue;
        }
        model::Tensor& w = it->second;
        LayerPruning layer{i, n.name, n.opType, n.inputs[1], w.elements(), 0, 0, {}};
        const Segment segment{w.floats.data(), w.elements()};
        layer.zerosBefore = layer.zeros = zerosIn(segment);
        const bool first = n.opType == "Conv" && !firstConvSeen;
        firstConvSeen = firstConvSeen || n.opType == "Conv";
        if (exclude.count(n.name)) {
            layer.excludedBy = n.name;
        } else if (exclude.count(n.opType)) {
            layer.excludedBy = n.opType;
        } else if (first && exclude.count(kExcludeFirstConv)) {
            layer.excludedBy = kExcludeFirstConv;
        } else if (isDepthwise(n, w) && exclude.count(kExcludeDepthwise)) {
            layer.excludedBy = kExcludeDepthwise;
        } else if (readers[n.inputs[1]] != 1) {
            layer.excludedBy = "shared weight";
        } else {
            segments.push_back(segment);
            segmentLayer.push_back(report.layers.size());
            report.prunableElements += layer.elements;
        }
        report.layers.push_back(std::move(layer));
    }
    if (settings.mode == PruneMode::Global) {
        report.threshold = zeroSmallest(segments, targetZeros(settings.sparsity, report.prunableElements));
    } else {
        for (const auto& s : segments) {
            zeroSmallest({s}, targetZeros(settings.sparsity, s.size));
        }
    }
    for (std::size_t k = 0; k < segments.size(); ++k) {
        auto& layer = report.layers[segmentLayer[k]];
        layer.zeros = zerosIn(segments[k]);
        report.prunedZeros += layer.zeros;
    }
    return report;
}

} // namespace tessera::compress
