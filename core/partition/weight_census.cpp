#include "core/partition/weight_census.h"

#include <algorithm>

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
    const std::int64_t count = t ? std::int64_t(std::count(t->floats.begin(), t->floats.end(), 0.f)) : 0;
    std::lock_guard lock(m_mutex);
    return m_zeros.emplace(name, count).first->second;
}

} // namespace tessera::partition
