#pragma once
// The graph IR: what every part of Tessera (cost model, partitioner, engine, studio) reads.
// Invariants after import: nodes are in topological order, every value has a static shape,
// every node input is a graph input, an initializer or an earlier node's output, every node has a unique,
// non-empty name (unnamed nodes take their first output's name).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/model/tensor.h"

namespace tessera::model {

using AttrValue = std::variant<std::int64_t, float, std::string, std::vector<std::int64_t>,
                               std::vector<float>, std::vector<std::string>, Tensor>;

struct Node {
    std::string name;
    std::string opType;
    std::string domain;              // empty for the default ONNX domain
    std::vector<std::string> inputs; // "" marks an omitted optional input
    std::vector<std::string> outputs;
    std::map<std::string, AttrValue> attributes;

    bool has(const std::string& attr) const { return attributes.count(attr) != 0; }
    std::int64_t attrInt(const std::string& attr, std::int64_t fallback) const;
    float attrFloat(const std::string& attr, float fallback) const;
    std::string attrString(const std::string& attr, const std::string& fallback) const;
    std::vector<std::int64_t> attrInts(const std::string& attr,
                                       std::vector<std::int64_t> fallback = {}) const;
};

struct ValueInfo {
    std::string name;
    DType dtype = DType::Float32;
    Shape shape;
};

class Graph {
public:
    std::string name;
    std::vector<Node> nodes;
    std::vector<ValueInfo> inputs; // runtime inputs only (no initializers)
    std::vector<ValueInfo> outputs;
    std::map<std::string, ValueInfo> values;    // every tensor: inputs, node outputs, initializers
    std::map<std::string, Tensor> initializers; // weights and folded constants

    const ValueInfo* value(const std::string& valueName) const;
    const Tensor* initializer(const std::string& valueName) const;
    bool isInitializer(const std::string& valueName) const { return initializers.count(valueName) != 0; }

    // Index of the node producing `value`, or nullopt for graph inputs and initializers.
    std::optional<std::size_t> producer(const std::string& valueName) const;
};

// A topological order of `nodes` (stable: keeps file order wherever dependencies allow), given the values
// available before any node runs (graph inputs, initializers). Nodes on a cycle or fed by a value that
// nothing produces cannot be placed; they are listed in `unplaced` and left out of `order`.
struct TopologicalOrder {
    std::vector<std::size_t> order;
    std::vector<std::size_t> unplaced;
};
TopologicalOrder topologicalOrder(const std::vector<Node>& nodes, const std::vector<std::string>& available);

} // namespace tessera::model
