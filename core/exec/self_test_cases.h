#pragma once
// The networks of the engine self-test (see self_test.h), one per case.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/exec/net_builder.h"

namespace tessera::exec {

struct SelfTestCase {
    std::string name;
    float tolerance;    // absolute, on outputs of order 1; 0 = exact
    std::int64_t opset; // default-domain opset of the network
    std::function<void(NetBuilder&)> build;
};

const std::vector<SelfTestCase>& selfTestCases();

} // namespace tessera::exec
