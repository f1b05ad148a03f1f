#include "core/partition/weight_census.h"

#include "core/cost/weight_storage.h"

namespace tessera::partition {

std::int64_t WeightCensus::zeros(const std::string& name) const {
    {
        std::lock_guard lock(m_mutex);
        if (const auto it = m_zeros.find(name); it != m_zeros.end()) {
            return it->second;
        }
    }
    // counted outside the lock: two threads may count the same tensor once each, never a wrong figure
    const model::Tensor* t = m_graph.initializer(name);
    const std::int64_t count = t ? t->elements() - cost::countNonzeros(*t) : 0;
    std::lock_guard lock(m_mutex);
    return m_zeros.emplace(name, count).first->second;
}

} // namespace tessera::partition
