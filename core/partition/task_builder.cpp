#include "core/partition/task_builder.h"

#include <algorithm>
#include <cmath>

#include "core/cost/layer_cost.h"
#include "core/cost/weight_storage.h"

namespace tessera::partition::detail {

using model::Graph;
using model::Node;
using model::Shape;

RangeGeometry backPropagate(const Graph& g, std::size_t first, std::size_t last,
                            const std::map<std::string, Region>& requests, const ShrinkFn& shrink) {
    RangeGeometry geo;
    geo.need = requests;
    for (std::size_t n = last + 1; n-- > first;) {
        const Node& node = g.nodes[n];
        const bool wanted = std::any_of(node.outputs.begin(), node.outputs.end(), [&](const std::string& o) {
            auto it = geo.need.find(o);
            return it != geo.need.end() && !it->second.empty();
        });
        if (!wanted) {
            continue;
        }
        const std::string& v = node.outputs[0];
        auto needed = geo.need.find(v);
        Region request = needed != geo.need.end() ? needed->second : Region::full(g.value(v)->shape);
        if (shrink) {
            request = shrink(v, request, geo);
            if (request.empty()) {
                continue; // everything it would compute is fetched from neighbours
            }
        }
        NodeRegions regions = mapRegions(g, node, request);
        for (std::size_t i = 0; i < node.inputs.size(); ++i) {
            const std::string& in = node.inputs[i];
            if (in.empty() || g.isInitializer(in) || regions.inputs[i].empty()) {
                continue;
            }
            auto it = geo.need.find(in);
            geo.need[in] = it == geo.need.end() ? regions.inputs[i] : hull(it->second, regions.inputs[i]);
        }
        geo.nodes[n] = std::move(regions);
    }
    return geo;
}

TaskBuilder::TaskBuilder(const Graph& original, const WeightCensus& census, std::int64_t opset,
                         const std::string& name)
    : m_original(original)
    , m_census(census)
    , m_opset(opset) {
    m_task.graph.name = name;
}

std::string TaskBuilder::freshName(const std::string& base) {
    const int k = m_nameCount[base]++;
    return k == 0 ? base : base + "@" + std::to_string(k + 1);
}

void TaskBuilder::addInput(const std::string& name, const std::string& value, const Region& region,
                           std::vector<Source> sources) {
    m_task.inputs.push_back({name, value, region, std::move(sources)});
    const model::ValueInfo info{name, model::DType::Float32, region.shape()};
    m_task.graph.inputs.push_back(info);
    m_task.graph.values[name] = info;
}

void TaskBuilder::hold(const std::string& value, const std::string& name, const Region& region) {
    m_held[value] = {name, region};
}

std::string TaskBuilder::scalarsInitializer(const std::string& base,
                                            const std::vector<std::int64_t>& values) {
    const std::string name = freshName(base);
    m_task.graph.initializers[name] = model::Tensor::fromInts({std::int64_t(values.size())}, values);
    m_task.graph.values[name] = model::ValueInfo{name, model::DType::Int64, {std::int64_t(values.size())}};
    return name;
}

std::string TaskBuilder::provide(const std::string& value, const Region& region) {
    auto it = m_held.find(value);
    if (it == m_held.end()) {
        auto known = inputRegions.find(value);
        const Region held = known != inputRegions.end() ? known->second : region;
        addInput(value, value, held);
        hold(value, value, held);
        it = m_held.find(value);
    }
    const auto [name, held] = it->second;
    if (held == region) {
        return name;
    }
    const auto key = std::make_pair(name, region.toString());
    if (auto crop = m_crops.find(key); crop != m_crops.end()) {
        return crop->second;
    }
    std::vector<std::int64_t> starts, ends, axes;
    for (std::size_t a = 0; a < region.rank(); ++a) {
        if (!(held[a] == region[a])) {
            starts.push_back(region[a].begin - held[a].begin);
            ends.push_back(region[a].end - held[a].begin);
            axes.push_back(std::int64_t(a));
        }
    }
    Node slice;
    slice.opType = "Slice";
    slice.name = freshName(value + "@crop");
    slice.outputs = {slice.name};
    slice.inputs = {name};
    if (m_opset >= 10) {
        slice.inputs.push_back(scalarsInitializer(slice.name + "/starts", starts));
        slice.inputs.push_back(scalarsInitializer(slice.name + "/ends", ends));
        slice.inputs.push_back(scalarsInitializer(slice.name + "/axes", axes));
    } else {
        slice.attributes["starts"] = starts;
        slice.attributes["ends"] = ends;
        slice.attributes["axes"] = axes;
    }
    const std::string out = slice.name;
    addNode(std::move(slice), {region.shape()});
    m_crops[key] = out;
    return out;
}

std::string TaskBuilder::weight(const std::string& source, const Region& region, const Shape& shape) {
    const model::Tensor* t = m_original.initializer(source);
    auto& graph = m_task.graph;
    if (t->dtype != model::DType::Float32) { // shape and index constants: small, copied whole
        if (!graph.initializers.count(source)) {
            graph.initializers[source] = *t;
            graph.values[source] = model::ValueInfo{source, t->dtype, t->shape};
        }
        return source;
    }
    std::string name = source;
    if (!(region == Region::full(t->shape))) {
        name += "@";
        for (std::size_t a = 0; a < region.rank(); ++a) {
            name += (a ? "," : "") + std::to_string(region[a].begin) + "-" + std::to_string(region[a].end);
        }
    }
    if (!shape.empty()) {
        name += "@as" + model::toString(shape);
    }
    if (!graph.initializers.count(name)) {
        model::Tensor hollow;
        hollow.shape = shape.empty() ? region.shape() : shape;
        graph.values[name] = model::ValueInfo{name, model::DType::Float32, hollow.shape};
        m_task.weights.push_back({name, source, region, hollow.shape});
        graph.initializers[name] = std::move(hollow);
    }
    return name;
}

void TaskBuilder::addNode(Node node, const std::vector<Shape>& outputShapes) {
    node.name = freshName(node.name);
    for (std::size_t k = 0; k < node.outputs.size(); ++k) {
        if (!node.outputs[k].empty()) {
            m_task.graph.values[node.outputs[k]] =
                model::ValueInfo{node.outputs[k], model::DType::Float32, outputShapes.at(k)};
        }
    }
    m_task.graph.nodes.push_back(std::move(node));
}

void TaskBuilder::addRange(std::size_t first, std::size_t last, const RangeGeometry& geo,
                           const std::function<int(const std::string&, const Band&)>& bandSource) {
    for (std::size_t n = first; n <= last; ++n) {
        const Node& original = m_original.nodes[n];
        const std::string& value = original.outputs[0];
        auto regions = geo.nodes.find(n);
        auto bands = geo.bands.find(value);
        if (regions != geo.nodes.end()) {
            const NodeRegions& r = regions->second;
            Node node = rewriteNode(m_original, original, r);
            node.inputs.clear();
            for (std::size_t i = 0; i < original.inputs.size(); ++i) {
                const std::string& in = original.inputs[i];
                if (in.empty()) {
                    node.inputs.emplace_back();
                } else if (original.opType == "Concat" && r.inputs[i].empty()) {
                    continue; // this input lies outside the requested range
                } else if (m_original.isInitializer(in)) {
                    node.inputs.push_back(weight(in, r.inputs[i]));
                } else {
                    node.inputs.push_back(provide(in, r.inputs[i]));
                }
            }
            std::vector<Shape> shapes{r.compute.shape()};
            for (const auto& other : r.otherOutputs) {
                shapes.push_back(other.shape());
            }
            if (bands != geo.bands.end()) {
                node.outputs[0] = freshName(value + "@own");
            }
            hold(value, node.outputs[0], r.compute);
            for (std::size_t k = 1; k < node.outputs.size(); ++k) {
                if (!node.outputs[k].empty()) {
                    hold(node.outputs[k], node.outputs[k], r.otherOutputs[k - 1]);
                }
            }
            addNode(std::move(node), shapes);
        }
        if (bands == geo.bands.end()) {
            continue;
        }
        // Data reuse: stitch the needed region from the part computed here and the strips fetched.
        const Region& need = geo.need.at(value);
        const Region& own = geo.own.at(value);
        auto strip = [&](const Band& band) {
            const std::string name = freshName(value + "@strip");
            addInput(name, value, band.region, {Source{bandSource(value, band), band.region}});
            return name;
        };
        if (own.empty()) {
            hold(value, strip(bands->second.front()), need);
            continue;
        }
        const std::string ownName = provide(value, own);
        std::vector<std::string> rows[3], columns[3]; // before, own, after along each spatial axis
        for (const Band& band : bands->second) {
            const Region& b = band.region;
            if (b[2].end <= own[2].begin) {
                rows[0].push_back(strip(band));
            } else if (b[2].begin >= own[2].end) {
                rows[2].push_back(strip(band));
            } else if (b[3].end <= own[3].begin) {
                columns[0].push_back(strip(band));
            } else {
                columns[2].push_back(strip(band));
            }
        }
        auto concat = [&](std::vector<std::string> parts, std::int64_t axis, const Region& region) {
            if (parts.size() == 1) {
                return parts.front();
            }
            Node c;
            c.opType = "Concat";
            c.name = freshName(value + "@stitch");
            c.inputs = std::move(parts);
            c.outputs = {c.name};
            c.attributes["axis"] = axis;
            const std::string out = c.name;
            addNode(std::move(c), {region.shape()});
            return out;
        };
        Region middle = need;
        middle[2] = own[2];
        std::vector<std::string> across = columns[0];
        across.push_back(ownName);
        across.insert(across.end(), columns[2].begin(), columns[2].end());
        std::vector<std::string> down = rows[0];
        down.push_back(concat(across, 3, middle));
        down.insert(down.end(), rows[2].begin(), rows[2].end());
        hold(value, concat(down, 2, need), need);
    }
}

std::string TaskBuilder::addOutput(const std::string& value, const Region& region) {
    const std::string name = provide(value, region);
    m_task.graph.outputs.push_back(model::ValueInfo{name, model::DType::Float32, region.shape()});
    m_outputRegions.emplace_back(value, region);
    return name;
}

std::int64_t TaskBuilder::storedSliceBytes(const WeightSlice& slice) const {
    const std::int64_t dense = model::elementCount(slice.shape) * std::int64_t(sizeof(float));
    // the rule of the engine, which will see this slice as the weight of the task node reading it
    const model::Node* reader = nullptr;
    std::size_t readers = 0;
    for (const auto& n : m_task.graph.nodes) {
        for (std::size_t k = 0; k < n.inputs.size(); ++k) {
            if (n.inputs[k] == slice.name) {
                ++readers;
                reader = k == 1 ? &n : nullptr;
            }
        }
    }
    const auto matrix = reader && readers == 1 ? cost::weightMatrix(*reader, slice.shape) : std::nullopt;
    const model::Tensor* source = m_original.initializer(slice.source);
    if (!matrix || !source || std::int64_t(source->floats.size()) != source->elements()) {
        return dense;
    }
    // The slice has no more zeros than its tensor: too few there, and it is dense without counting. Otherwise
    // count them one outer index at a time, stopping once there are too many nonzeros for the sparse form.
    const std::int64_t elements = model::elementCount(slice.shape);
    const double threshold = cost::sparseThreshold(matrix->kind);
    // the margins of one element keep rounding out of the decision: weightStorage() below makes it
    if (threshold > 1 || double(m_census.zeros(slice.source)) + 1 < threshold * double(elements)) {
        return dense;
    }
    const auto limit = std::int64_t(std::floor(double(elements) * (1.0 - threshold))) + 1;
    const Region whole = Region::full(source->shape);
    Region slab = slice.region;
    std::vector<float> values;
    std::int64_t nonzeros = 0;
    for (std::int64_t i = slice.region[0].begin; i < slice.region[0].end && nonzeros <= limit; ++i) {
        slab[0] = Range{i, i + 1};
        values.resize(std::size_t(slab.elements()));
        copyRegion(source->floats.data(), whole, values.data(), slab, slab);
        nonzeros += std::count_if(values.begin(), values.end(), [](float v) { return v != 0.f; });
    }
    return nonzeros > limit ? dense : cost::weightStorage(*matrix, nonzeros).storedBytes;
}

Task TaskBuilder::finish() {
    const auto costs = cost::analyze(m_task.graph);
    m_task.macs = costs.macs;
    m_task.flops = costs.flops;
    m_task.arenaBytes = costs.peakActivationBytes; // planMemory()'s arena, which analyze() already planned
    m_task.work = totalWork(nodeWork(m_task.graph, costs.layers));
    m_task.weightBytes = 0;
    for (auto& w : m_task.weights) {
        w.storedBytes = storedSliceBytes(w);
        m_task.weightBytes += w.storedBytes;
    }
    return std::move(m_task);
}

} // namespace tessera::partition::detail
