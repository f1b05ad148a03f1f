#include "core/model/graph.h"

#include <algorithm>
#include <queue>
#include <set>
#include <unordered_map>

namespace tessera::model {

std::int64_t Node::attrInt(const std::string& attr, std::int64_t fallback) const {
    auto it = attributes.find(attr);
    if (it == attributes.end()) {
        return fallback;
    }
    if (auto* v = std::get_if<std::int64_t>(&it->second)) {
        return *v;
    }
    return fallback;
}

float Node::attrFloat(const std::string& attr, float fallback) const {
    auto it = attributes.find(attr);
    if (it == attributes.end()) {
        return fallback;
    }
    if (auto* v = std::get_if<float>(&it->second)) {
        return *v;
    }
    return fallback;
}

std::string Node::attrString(const std::string& attr, const std::string& fallback) const {
    auto it = attributes.find(attr);
    if (it == attributes.end()) {
        return fallback;
    }
    if (auto* v = std::get_if<std::string>(&it->second)) {
        return *v;
    }
    return fallback;
}

std::vector<std::int64_t> Node::attrInts(const std::string& attr, std::vector<std::int64_t> fallback) const {
    auto it = attributes.find(attr);
    if (it == attributes.end()) {
        return fallback;
    }
    if (auto* v = std::get_if<std::vector<std::int64_t>>(&it->second)) {
        return *v;
    }
    return fallback;
}

const ValueInfo* Graph::value(const std::string& valueName) const {
    auto it = values.find(valueName);
    return it == values.end() ? nullptr : &it->second;
}

const Tensor* Graph::initializer(const std::string& valueName) const {
    auto it = initializers.find(valueName);
    return it == initializers.end() ? nullptr : &it->second;
}

std::optional<std::size_t> Graph::producer(const std::string& valueName) const {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (std::find(nodes[i].outputs.begin(), nodes[i].outputs.end(), valueName) !=
            nodes[i].outputs.end()) {
            return i;
        }
    }
    return std::nullopt;
}

TopologicalOrder topologicalOrder(const std::vector<Node>& nodes, const std::vector<std::string>& available) {
    std::unordered_map<std::string, std::size_t> producerOf;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        for (const auto& out : nodes[i].outputs) {
            if (!out.empty()) {
                producerOf[out] = i;
            }
        }
    }
    const std::set<std::string> known(available.begin(), available.end());
    std::vector<std::size_t> pending(nodes.size(), 0);
    std::vector<std::vector<std::size_t>> dependents(nodes.size());
    std::vector<bool> dangling(nodes.size(), false);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        std::set<std::size_t> deps;
        for (const auto& in : nodes[i].inputs) {
            if (in.empty() || known.count(in)) {
                continue;
            }
            auto it = producerOf.find(in);
            if (it == producerOf.end()) {
                dangling[i] = true;
            } else {
                deps.insert(it->second);
            }
        }
        pending[i] = deps.size();
        for (std::size_t d : deps) {
            dependents[d].push_back(i);
        }
    }
    // Min-heap on the original index keeps the file order wherever it is already valid.
    std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> ready;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (pending[i] == 0 && !dangling[i]) {
            ready.push(i);
        }
    }
    TopologicalOrder result;
    while (!ready.empty()) {
        const std::size_t i = ready.top();
        ready.pop();
        result.order.push_back(i);
        for (std::size_t d : dependents[i]) {
            if (--pending[d] == 0 && !dangling[d]) {
                ready.push(d);
            }
        }
    }
    std::vector<bool> placed(nodes.size(), false);
    for (std::size_t i : result.order) {
        placed[i] = true;
    }
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (!placed[i]) {
            result.unplaced.push_back(i);
        }
    }
    return result;
}

} // namespace tessera::model
