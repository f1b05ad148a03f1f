#include "core/exec/fusion.h"

#include <algorithm>
#include <map>

namespace tessera::exec {
namespace {

using model::Graph;
using model::Node;

bool allConstant(const Graph& g, const Node& n, std::size_t from) {
    for (std::size_t i = from; i < n.inputs.size(); ++i) {
        if (!n.inputs[i].empty() && !g.isInitializer(n.inputs[i])) {
            return false;
        }
    }
    return true;
}

} // namespace

std::vector<Fusion> findFusions(const Graph& g) {
    std::map<std::string, std::vector<std::size_t>> readers;
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        for (const auto& in : g.nodes[i].inputs) {
            readers[in].push_back(i);
        }
    }
    // the single node reading `value`, if exactly one does and the value is not a graph output
    auto soleReader = [&](const std::string& value) -> std::optional<std::size_t> {
        auto it = readers.find(value);
        const bool output = std::any_of(g.outputs.begin(), g.outputs.end(),
                                        [&](const model::ValueInfo& v) { return v.name == value; });
        if (it == readers.end() || it->second.size() != 1 || output) {
            return std::nullopt;
        }
        return it->second.front();
    };
    std::vector<Fusion> fusions;
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        const Node& conv = g.nodes[i];
        if ((conv.opType != "Conv" && conv.opType != "Gemm") || !allConstant(g, conv, 1)) {
            continue;
        }
        Fusion f{i, std::nullopt, std::nullopt};
        std::string tail = conv.outputs[0];
        auto next = soleReader(tail);
        if (conv.opType == "Conv" && next && g.nodes[*next].opType == "BatchNormalization" &&
            g.nodes[*next].inputs[0] == tail && allConstant(g, g.nodes[*next], 1)) {
            f.batchNorm = next;
            tail = g.nodes[*next].outputs[0];
            next = soleReader(tail);
        }
        if (next && g.nodes[*next].inputs[0] == tail) {
            const Node& act = g.nodes[*next];
            if (act.opType == "Relu" || act.opType == "LeakyRelu" ||
                (act.opType == "Clip" && allConstant(g, act, 1))) {
                f.activation = next;
            }
        }
        if (f.batchNorm || f.activation) {
            fusions.push_back(f);
        }
    }
    return fusions;
}

} // namespace tessera::exec
