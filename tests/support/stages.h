#pragma once
// A plan stage by hand, for tests that write plans stage by stage.

#include <cstddef>
#include <utility>
#include <vector>

#include "core/partition/plan.h"

namespace tessera::test {

inline partition::Stage stage(partition::StageKind kind, std::size_t first, std::size_t last,
                              std::vector<int> devices) {
    partition::Stage s;
    s.kind = kind;
    s.first = first;
    s.last = last;
    s.devices = std::move(devices);
    return s;
}

} // namespace tessera::test
