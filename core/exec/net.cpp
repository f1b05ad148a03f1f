#include "core/exec/net.h"

#include <chrono>
#include <cmath>
#include <cstring>
#include <set>

#include "core/exec/fusion.h"

namespace tessera::exec {
namespace {

using model::Graph;
using model::Node;

// Applies the fusions the engine makes (fusion.h): BatchNormalization folded into the Conv's weights and
// bias, the activation recorded as attributes of the Conv or Gemm, which its kernel applies. Returns the
// folded node indices; their outputs share the Conv's buffer (the memory plan's in-place rule), so no copy is
// needed.
// Convs that read the same weight with the same BatchNormalization parameters (the tiles of one layer in a
// device's graph) share one folded weight and bias. The weight is scaled in place when no other node reads
// it (no second copy of the model while loading); otherwise each distinct folding gets one copy.
std::set<std::size_t> fuse(Graph& g) {
    std::set<std::size_t> folded;
    std::map<std::string, std::size_t> weightReaders;
    for (const auto& n : g.nodes) {
        for (const auto& in : n.inputs) {
            ++weightReaders[in];
        }
    }
    const std::vector<Fusion> fusions = findFusions(g);
    // (weight, bias, BN parameters, epsilon) -> the fusions folding it that way
    std::map<std::vector<std::string>, std::vector<const Fusion*>> foldings;
    for (const Fusion& f : fusions) {
        if (f.batchNorm) {
            const Node& conv = g.nodes[f.node];
            const Node& bn = g.nodes[*f.batchNorm];
            std::vector<std::string> key{conv.inputs[1], conv.inputs.size() > 2 ? conv.inputs[2] : ""};
            key.insert(key.end(), bn.inputs.begin() + 1, bn.inputs.begin() + 5);
            key.push_back(std::to_string(bn.attrFloat("epsilon", 1e-5f)));
            foldings[key].push_back(&f);
        }
    }
    for (const auto& [key, group] : foldings) {
        const Node& first = g.nodes[group.front()->node];
        const Node& bn = g.nodes[*group.front()->batchNorm];
        const auto& w = *g.initializer(first.inputs[1]);
        const auto& scale = g.initializer(bn.inputs[1])->floats;
        const auto& beta = g.initializer(bn.inputs[2])->floats;
        const auto& mean = g.initializer(bn.inputs[3])->floats;
        const auto& var = g.initializer(bn.inputs[4])->floats;
        const float eps = bn.attrFloat("epsilon", 1e-5f);
        const std::int64_t outChannels = w.shape[0];
        const std::int64_t perChannel = w.elements() / outChannels;
        const bool shared = weightReaders.at(first.inputs[1]) > group.size();
        const std::string wName = shared ? first.name + ".bn_folded_weights" : first.inputs[1];
        if (shared) {
            g.initializers[wName] = w;
            g.values[wName] = model::ValueInfo{wName, model::DType::Float32, w.shape};
        }
        model::Tensor& newW = g.initializers[wName];
        model::Tensor newB =
            model::Tensor::fromFloats({outChannels}, std::vector<float>(std::size_t(outChannels), 0.f));
        const model::Tensor* oldB =
            first.inputs.size() > 2 && !first.inputs[2].empty() ? g.initializer(first.inputs[2]) : nullptr;
        for (std::int64_t c = 0; c < outChannels; ++c) {
            const double k = double(scale[std::size_t(c)]) / std::sqrt(double(var[std::size_t(c)]) + eps);
            for (std::int64_t j = 0; j < perChannel; ++j) {
                auto& x = newW.floats[std::size_t(c * perChannel + j)];
                x = float(x * k);
            }
            const double b = oldB ? oldB->floats[std::size_t(c)] : 0.0;
            newB.floats[std::size_t(c)] = float((b - mean[std::size_t(c)]) * k + beta[std::size_t(c)]);
        }
        const std::string bName = first.name + ".bn_folded_bias";
        g.initializers[bName] = std::move(newB);
        g.values[bName] = model::ValueInfo{bName, model::DType::Float32, {outChannels}};
        for (const Fusion* f : group) {
            Node& conv = g.nodes[f->node];
            conv.inputs.resize(3);
            conv.inputs[1] = wName;
            conv.inputs[2] = bName;
            folded.insert(*f->batchNorm);
        }
    }
    for (const Fusion& f : fusions) {
        Node& conv = g.nodes[f.node];
        if (f.activation) {
            const Node& act = g.nodes[*f.activation];
            if (act.opType == "Relu") {
                conv.attributes["tessera.activation"] = std::string("Relu");
            } else if (act.opType == "LeakyRelu") {
                conv.attributes["tessera.activation"] = std::string("LeakyRelu");
                conv.attributes["tessera.alpha"] = act.attrFloat("alpha", 0.01f);
            } else { // Clip
                float lo = -INFINITY, hi = INFINITY;
                if (act.inputs.size() > 1 && !act.inputs[1].empty()) {
                    lo = g.initializer(act.inputs[1])->floats.at(0);
                }
                if (act.inputs.size() > 2 && !act.inputs[2].empty()) {
                    hi = g.initializer(act.inputs[2])->floats.at(0);
                }
                if (act.has("min") || act.has("max")) { // opset < 11
                    lo = act.attrFloat("min", lo);
                    hi = act.attrFloat("max", hi);
                }
                conv.attributes["tessera.activation"] = std::string("Clip");
                conv.attributes["tessera.min"] = lo;
                conv.attributes["tessera.max"] = hi;
            }
            folded.insert(*f.activation);
        }
    }
    return folded;
}

} // namespace

std::size_t Net::weightBytes() const {
    std::size_t bytes = m_heldWeightBytes;
    for (const auto& [name, tensor] : m_graph.initializers) {
        bytes += m_released.count(name) ? 0 : tensor.bytes();
    }
    return bytes;
}

int Net::valueId(const std::string& name) const {
    auto it = m_ids.find(name);
    return it == m_ids.end() ? -1 : it->second;
}

namespace {

// Nodes of each segment (graph indices, in order): those computing its outputs from its inputs and constants.
Expected<std::vector<std::vector<std::size_t>>>
segmentNodes(const Graph& g, const std::vector<SegmentSpec>& specs, const std::string& path) {
    std::map<std::string, std::size_t> producer;
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        for (const auto& out : g.nodes[i].outputs) {
            if (!out.empty()) {
                producer[out] = i;
            }
        }
    }
    std::vector<std::vector<std::size_t>> result;
    std::map<std::size_t, std::size_t> owner; // node -> segment
    for (std::size_t k = 0; k < specs.size(); ++k) {
        const std::set<std::string> inputs(specs[k].inputs.begin(), specs[k].inputs.end());
        for (const auto& in : inputs) {
            if (!g.value(in)) {
                return Error{ErrorCode::InvalidArgument,
                             path + ": segment " + std::to_string(k) + ": no value named '" + in + "'"};
            }
        }
        std::set<std::size_t> nodes;
        std::vector<std::string> pending(specs[k].outputs.begin(), specs[k].outputs.end());
        std::set<std::string> seen;
        while (!pending.empty()) {
            const std::string v = pending.back();
            pending.pop_back();
            if (v.empty() || !seen.insert(v).second || inputs.count(v) || g.isInitializer(v)) {
                continue;
            }
            auto it = producer.find(v);
            if (it == producer.end()) {
                return Error{
                    ErrorCode::InvalidArgument,
                    path + ": segment " + std::to_string(k) + " cannot compute '" + v +
                        "': it is not among the segment's inputs, not a constant, and no node makes it"};
            }
            if (auto [o, fresh] = owner.emplace(it->second, k); !fresh && o->second != k) {
                return Error{ErrorCode::InvalidArgument,
                             path + ": node '" + g.nodes[it->second].name + "' belongs to segments " +
                                 std::to_string(o->second) + " and " + std::to_string(k) +
                                 " (segments must not share nodes)"};
            }
            if (nodes.insert(it->second).second) {
                const auto& in = g.nodes[it->second].inputs;
                pending.insert(pending.end(), in.begin(), in.end());
            }
        }
        result.emplace_back(nodes.begin(), nodes.end());
    }
    return result;
}

// The graph of one segment for cost::planMemory: its nodes, inputs, outputs and their value shapes.
Graph segmentGraph(const Graph& g, const std::vector<std::size_t>& nodes, const SegmentSpec& spec) {
    Graph s;
    auto addValue = [&](const std::string& name) {
        if (const model::ValueInfo* v = name.empty() ? nullptr : g.value(name)) {
            s.values[name] = *v;
        }
    };
    for (const auto& in : spec.inputs) {
        s.inputs.push_back(*g.value(in));
        addValue(in);
    }
    for (const auto& out : spec.outputs) {
        addValue(out);
        s.outputs.push_back(s.values.count(out) ? s.values[out]
                                                : model::ValueInfo{out, model::DType::Float32, {}});
    }
    for (std::size_t i : nodes) {
        const Node& n = g.nodes[i];
        s.nodes.push_back(Node{n.name, n.opType, n.domain, n.inputs, n.outputs, {}});
        for (const auto& name : n.inputs) {
            addValue(name);
        }
        for (const auto& name : n.outputs) {
            addValue(name);
        }
    }
    return s;
}

} // namespace

Expected<std::shared_ptr<const Net>> Net::load(model::Model model, const NetOptions& options) {
    return load(std::move(model), options, {});
}

Expected<std::shared_ptr<const Net>> Net::load(model::Model model, const NetOptions& options,
                                               const std::vector<SegmentSpec>& segments) {
    std::shared_ptr<Net> net(new Net());
    net->m_graph = std::move(model.graph);
    const std::int64_t opset = model.opset;
    Graph& g = net->m_graph;

    std::map<std::string, std::vector<std::string>> missing;
    for (const auto& n : g.nodes) {
        if (!cost::isAliasOp(n.opType) && !findKernel(n.opType)) {
            missing[n.opType].push_back("'" + n.name + "'");
        }
    }
    if (!missing.empty()) {
        std::string list;
        for (const auto& [op, nodes] : missing) {
            list += (list.empty() ? "" : "; ") + op + " (" + nodes.front() +
                    (nodes.size() > 1 ? " and " + std::to_string(nodes.size() - 1) + " more" : "") + ")";
        }
        return Error{ErrorCode::Unsupported,
                     model.path + ": the execution engine has no kernel for: " + list};
    }

    const std::set<std::size_t> folded =
        options.fuse && !options.reference ? fuse(g) : std::set<std::size_t>{};
    for (std::size_t i : folded) {
        g.nodes[i].inputs.resize(1); // the kernel before it applies it: its parameters are not read any more
    }
    // weights replaced by folded copies are no longer read: free them (the net holds each weight once)
    std::set<std::string> read;
    for (const auto& n : g.nodes) {
        read.insert(n.inputs.begin(), n.inputs.end());
    }
    for (const auto& out : g.outputs) {
        read.insert(out.name); // a graph output may itself be a constant (a fully folded graph)
    }
    for (auto it = g.initializers.begin(); it != g.initializers.end();) {
        if (read.count(it->first)) {
            ++it;
        } else {
            g.values.erase(it->first);
            it = g.initializers.erase(it);
        }
    }
    // arena offset of every activation value: from the whole graph's plan, or from its segment's
    std::map<std::string, std::int64_t> offsets;
    std::vector<std::vector<std::size_t>> parts;
    if (segments.empty()) {
        net->m_plan = cost::planMemory(g);
        net->m_arenaBytes = std::size_t(net->m_plan.arenaBytes);
        for (const auto& [name, buffer] : net->m_plan.bufferOf) {
            offsets[name] = net->m_plan.buffers[buffer].offset;
        }
    } else {
        auto found = segmentNodes(g, segments, model.path);
        if (!found) {
            return found.error();
        }
        parts = std::move(*found);
        for (std::size_t k = 0; k < segments.size(); ++k) {
            const cost::MemoryPlan plan = cost::planMemory(segmentGraph(g, parts[k], segments[k]));
            for (const auto& [name, buffer] : plan.bufferOf) {
                if (!offsets.emplace(name, plan.buffers[buffer].offset).second) {
                    return Error{ErrorCode::InvalidArgument, model.path + ": value '" + name +
                                                                 "' is used by two segments (segment " +
                                                                 std::to_string(k) + " and an earlier one)"};
                }
            }
            net->m_segments.push_back({parts[k], std::size_t(plan.arenaBytes)});
            net->m_arenaBytes = std::max(net->m_arenaBytes, std::size_t(plan.arenaBytes));
        }
    }

    for (const auto& [name, info] : g.values) {
        net->m_ids[name] = int(net->m_valueNames.size());
        net->m_valueNames.push_back(name);
        net->m_valueShapes.push_back(info.shape);
        const model::Tensor* t = g.initializer(name);
        net->m_constants.push_back(t && t->dtype == model::DType::Float32 ? t->floats.data() : nullptr);
        auto offset = offsets.find(name);
        net->m_offsets.push_back(offset == offsets.end() ? -1 : offset->second);
    }

    std::set<std::size_t> running; // nodes of some segment (all of them without segments)
    for (const auto& part : parts) {
        running.insert(part.begin(), part.end());
    }
    DerivedWeights derived;
    std::map<std::string, int> readers,
        holders; // per weight: nodes reading it, kernels holding their own form
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        const Node& n = g.nodes[i];
        Step step;
        step.node = i;
        KernelInit init{n, g, {}, {}, {}, options.reference, opset, options.sparse, &derived};
        for (const auto& in : n.inputs) {
            step.inputs.push_back(in.empty() ? -1 : net->valueId(in));
            const model::ValueInfo* v = in.empty() ? nullptr : g.value(in);
            init.inputShapes.push_back(v ? v->shape : Shape{});
            init.constants.push_back(in.empty() ? nullptr : g.initializer(in));
            ++readers[in];
        }
        for (const auto& out : n.outputs) {
            step.outputs.push_back(out.empty() ? -1 : net->valueId(out));
            const model::ValueInfo* v = out.empty() ? nullptr : g.value(out);
            init.outputShapes.push_back(v ? v->shape : Shape{});
        }
        const bool runs = segments.empty() || running.count(i);
        if (runs && !folded.count(i) && !cost::isAliasOp(n.opType)) {
            auto kernel = findKernel(n.opType)(init);
            if (!kernel) {
                return kernel.error().withContext(model.path);
            }
            net->m_workspace = std::max(net->m_workspace, slotBytes((*kernel)->workspaceBytes()));
            net->m_threadWorkspace =
                std::max(net->m_threadWorkspace, slotBytes((*kernel)->workspaceBytesPerThread()));
            if ((*kernel)->heldWeightBytes() > 0) {
                ++holders[n.inputs[1]];
            }
            step.kernel = std::move(*kernel);
        }
        net->m_steps.push_back(std::move(step));
    }
    // a weight every reader of which holds its own (CSR) form: drop the dense one
    for (const auto& [name, count] : holders) {
        if (count == readers[name]) {
            model::Tensor& dense = g.initializers.at(name);
            std::vector<float>().swap(dense.floats);
            net->m_constants[std::size_t(net->valueId(name))] = nullptr;
            net->m_released.insert(name);
        }
    }
    net->m_heldWeightBytes = derived.bytes();
    return std::shared_ptr<const Net>(std::move(net));
}

Session::Session(std::shared_ptr<const Net> net, int threads, Allocator* allocator)
    : m_net(std::move(net))
    , m_pool(threads)
    , m_allocator(allocator ? allocator : &defaultAllocator()) {
    m_arenaBytes = m_net->arenaBytes();
    m_arena = static_cast<std::byte*>(m_allocator->allocate(m_arenaBytes));
    m_workspaceBytes =
        m_net->workspaceBytes() + std::size_t(m_pool.threads()) * m_net->workspaceBytesPerThread();
    m_workspace = static_cast<std::byte*>(m_allocator->allocate(m_workspaceBytes));
    const auto& shapes = m_net->valueShapes();
    for (const auto& step : m_net->steps()) {
        std::vector<ConstTensor> ins;
        for (int id : step.inputs) {
            ins.push_back(id < 0 ? ConstTensor{} : ConstTensor{at(id), shapes[std::size_t(id)]});
        }
        std::vector<Tensor> outs;
        for (int id : step.outputs) {
            outs.push_back(id < 0 ? Tensor{} : Tensor{at(id), shapes[std::size_t(id)]});
        }
        m_stepInputs.push_back(std::move(ins));
        m_stepOutputs.push_back(std::move(outs));
    }
    m_stepSeconds.assign(m_net->steps().size(), 0.0);
}

Session::~Session() {
    m_allocator->deallocate(m_arena, m_arenaBytes);
    m_allocator->deallocate(m_workspace, m_workspaceBytes);
}

float* Session::at(int id) const {
    if (const float* c = m_net->constantData(id)) {
        return const_cast<float*>(c); // weights are only ever passed on as ConstTensor
    }
    const std::int64_t offset = m_net->arenaOffset(id);
    return offset < 0 ? nullptr : reinterpret_cast<float*>(m_arena + offset);
}

Expected<Tensor> Session::input(const std::string& name) {
    const auto& inputs = m_net->graph().inputs;
    auto it =
        std::find_if(inputs.begin(), inputs.end(), [&](const model::ValueInfo& v) { return v.name == name; });
    if (it == inputs.end()) {
        return Error{ErrorCode::InvalidArgument, "the model has no input named '" + name + "'"};
    }
    const int id = m_net->valueId(name);
    if (id < 0) {
        return Error{ErrorCode::InvalidArgument, "input '" + name + "' is not used by the network"};
    }
    return Tensor{at(id), it->shape};
}

Status Session::setInput(const std::string& name, const float* data, std::size_t count) {
    auto t = input(name);
    if (!t) {
        return t.error();
    }
    if (std::int64_t(count) != t->elements()) {
        return Error{ErrorCode::InvalidArgument,
                     "input '" + name + "' takes " + std::to_string(t->elements()) + " values (shape " +
                         model::toString(t->shape) + "), got " + std::to_string(count)};
    }
    if (count > 0) { // an empty input (a tile's empty region) may come as a null pointer: nothing to copy
        std::memcpy(t->data, data, count * sizeof(float));
    }
    return {};
}

Status Session::run(const StopToken* stop) {
    if (!m_net->segments().empty()) {
        return Error{ErrorCode::InvalidArgument, "the network is split into " +
                                                     std::to_string(m_net->segments().size()) +
                                                     " segments: run them one at a time"};
    }
    return runSteps(nullptr, stop);
}

Status Session::run(std::size_t segment, const StopToken* stop) {
    if (segment >= m_net->segments().size()) {
        return Error{ErrorCode::InvalidArgument, "the network has no segment " + std::to_string(segment) +
                                                     " (it has " + std::to_string(m_net->segments().size()) +
                                                     ")"};
    }
    return runSteps(&m_net->segments()[segment].steps, stop);
}

Status Session::runSteps(const std::vector<std::size_t>* only, const StopToken* stop) {
    KernelContext ctx{m_pool, reinterpret_cast<float*>(m_workspace),
                      reinterpret_cast<float*>(m_workspace + m_net->workspaceBytes())};
    const auto& steps = m_net->steps();
    const std::size_t count = only ? only->size() : steps.size();
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t i = only ? (*only)[k] : k;
        if (stop && stop->stopRequested()) {
            return Error{ErrorCode::Cancelled, "inference cancelled"};
        }
        if (!steps[i].kernel) {
            continue;
        }
        if (m_profiling) {
            const auto start = std::chrono::steady_clock::now();
            steps[i].kernel->run(m_stepInputs[i], m_stepOutputs[i], ctx);
            m_stepSeconds[i] +=
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        } else {
            steps[i].kernel->run(m_stepInputs[i], m_stepOutputs[i], ctx);
        }
    }
    return {};
}

Expected<ConstTensor> Session::output(const std::string& name) const {
    const auto& outputs = m_net->graph().outputs;
    auto it = std::find_if(outputs.begin(), outputs.end(),
                           [&](const model::ValueInfo& v) { return v.name == name; });
    if (it == outputs.end()) {
        return Error{ErrorCode::InvalidArgument, "the model has no output named '" + name + "'"};
    }
    const int id = m_net->valueId(name);
    if (id < 0) {
        return Error{ErrorCode::InvalidArgument, "output '" + name + "' has no value in the network"};
    }
    return ConstTensor{at(id), it->shape};
}

} // namespace tessera::exec
