#pragma once
// Zeros per weight tensor of a graph, each counted once, on first use. The stored bytes of a weight slice
// (dense or CSR, cost/weight_storage.h) depend on the slice's nonzeros; when the whole tensor has too few
// zeros for the slice to reach the sparse threshold, the slice is dense without looking at it. So an
// unpruned model costs no counting at all beyond one pass per tensor, however many stages the optimizer
// compiles.
//
// Thread-safe (the optimizer measures candidates on several threads). Valid while the graph's weights do not
// change: after pruning, make a new census.

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "core/model/graph.h"

namespace tessera::partition {

class WeightCensus {
public:
    explicit WeightCensus(const model::Graph& graph)
        : m_graph(graph) {}

    // Zero elements of the float initializer `name` (cost::countNonzeros: none in a placeholder); 0 for
    // other names and types.
    std::int64_t zeros(const std::string& name) const;

private:
    const model::Graph& m_graph;
    mutable std::mutex m_mutex;
    mutable std::map<std::string, std::int64_t> m_zeros;
};

} // namespace tessera::partition
