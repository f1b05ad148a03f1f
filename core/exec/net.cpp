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
std::set<std::size_t> fuse(Graph& g) {
    std::set<std::size_t> folded;
    std::map<std::string, std::size_t> weightReaders;
    for (const auto& n : g.nodes) {
        for (const auto& in : n.inputs) {
            ++weightReaders[in];
        }
    }
    for (const Fusion& f : findFusions(g)) {
        Node& conv = g.nodes[f.node];
        if (f.batchNorm) {
            const Node& bn = g.nodes[*f.batchNorm];
            const auto& w = *g.initializer(conv.inputs[1]);
            const auto& scale = g.initializer(bn.inputs[1])->floats;
            const auto& beta = g.initializer(bn.inputs[2])->floats;
            const auto& mean = g.initializer(bn.inputs[3])->floats;
            const auto& var = g.initializer(bn.inputs[4])->floats;
            const float eps = bn.attrFloat("epsilon", 1e-5f);
            const std::int64_t outChannels = w.shape[0];
            const std::int64_t perChannel = w.elements() / outChannels;
            // Scale the weights in place when this Conv is their only reader (no second copy of the model
            // while loading); shared weights get a folded copy.
            const bool shared = weightReaders.at(conv.inputs[1]) > 1;
            const std::string wName = shared ? conv.name + ".bn_folded_weights" : conv.inputs[1];
            if (shared) {
                g.initializers[wName] = w;
                g.values[wName] = model::ValueInfo{wName, model::DType::Float32, w.shape};
            }
            model::Tensor& newW = g.initializers[wName];
            model::Tensor newB =
                model::Tensor::fromFloats({outChannels}, std::vector<float>(std::size_t(outChannels), 0.f));
            const model::Tensor* oldB =
                conv.inputs.size() > 2 && !conv.inputs[2].empty() ? g.initializer(conv.inputs[2]) : nullptr;
            for (std::int64_t c = 0; c < outChannels; ++c) {
                const double k = double(scale[std::size_t(c)]) / std::sqrt(double(var[std::size_t(c)]) + eps);
                for (std::int64_t j = 0; j < perChannel; ++j) {
                    auto& x = newW.floats[std::size_t(c * perChannel + j)];
                    x = float(x * k);
                }
                const double b = oldB ? oldB->floats[std::size_t(c)] : 0.0;
                newB.floats[std::size_t(c)] = float((b - mean[std::size_t(c)]) * k + beta[std::size_t(c)]);
            }
            const std::string bName = conv.name + ".bn_folded_bias";
            g.initializers[bName] = std::move(newB);
            g.values[bName] = model::ValueInfo{bName, model::DType::Float32, {outChannels}};
            conv.inputs.resize(3);
            conv.inputs[1] = wName;
            conv.inputs[2] = bName;
            folded.insert(*f.batchNorm);
        }
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

Expected<std::shared_ptr<const Net>> Net::load(model::Model model, const NetOptions& options) {
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
    net->m_plan = cost::planMemory(g);
    std::map<std::string, int> readCount;
    for (const auto& n : g.nodes) {
        for (const auto& in : n.inputs) {
            ++readCount[in];
        }
    }

    for (const auto& [name, info] : g.values) {
        net->m_ids[name] = int(net->m_valueNames.size());
        net->m_valueNames.push_back(name);
        net->m_valueShapes.push_back(info.shape);
        const model::Tensor* t = g.initializer(name);
        net->m_constants.push_back(t && t->dtype == model::DType::Float32 ? t->floats.data() : nullptr);
        auto buffer = net->m_plan.bufferOf.find(name);
        net->m_offsets.push_back(
            buffer == net->m_plan.bufferOf.end() ? -1 : net->m_plan.buffers[buffer->second].offset);
    }

    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        const Node& n = g.nodes[i];
        Step step;
        step.node = i;
        KernelInit init{n, g, {}, {}, {}, options.reference, opset, options.sparse};
        for (const auto& in : n.inputs) {
            step.inputs.push_back(in.empty() ? -1 : net->valueId(in));
            const model::ValueInfo* v = in.empty() ? nullptr : g.value(in);
            init.inputShapes.push_back(v ? v->shape : Shape{});
            init.constants.push_back(in.empty() ? nullptr : g.initializer(in));
        }
        for (const auto& out : n.outputs) {
            step.outputs.push_back(out.empty() ? -1 : net->valueId(out));
            const model::ValueInfo* v = out.empty() ? nullptr : g.value(out);
            init.outputShapes.push_back(v ? v->shape : Shape{});
        }
        if (!folded.count(i) && !cost::isAliasOp(n.opType)) {
            auto kernel = findKernel(n.opType)(init);
            if (!kernel) {
                return kernel.error().withContext(model.path);
            }
            net->m_workspace = std::max(net->m_workspace, slotBytes((*kernel)->workspaceBytes()));
            net->m_threadWorkspace =
                std::max(net->m_threadWorkspace, slotBytes((*kernel)->workspaceBytesPerThread()));
            if (const std::size_t held = (*kernel)->heldWeightBytes(); held && readCount[n.inputs[1]] == 1) {
                // the kernel keeps its own (CSR) form and no other node reads the weight: drop the dense one
                model::Tensor& dense = g.initializers.at(n.inputs[1]);
                std::vector<float>().swap(dense.floats);
                net->m_constants[std::size_t(net->valueId(n.inputs[1]))] = nullptr;
                net->m_released.insert(n.inputs[1]);
                net->m_heldWeightBytes += held;
            }
            step.kernel = std::move(*kernel);
        }
        net->m_steps.push_back(std::move(step));
    }
    return std::shared_ptr<const Net>(std::move(net));
}

Session::Session(std::shared_ptr<const Net> net, int threads, Allocator* allocator)
    : m_net(std::move(net))
    , m_pool(threads)
    , m_allocator(allocator ? allocator : &defaultAllocator()) {
    m_arenaBytes = std::size_t(m_net->memoryPlan().arenaBytes);
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
    std::memcpy(t->data, data, count * sizeof(float));
    return {};
}

Status Session::run(const StopToken* stop) {
    KernelContext ctx{m_pool, reinterpret_cast<float*>(m_workspace),
                      reinterpret_cast<float*>(m_workspace + m_net->workspaceBytes())};
    const auto& steps = m_net->steps();
    for (std::size_t i = 0; i < steps.size(); ++i) {
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
