// libFuzzer harness: the plan file reader and the plan check that follows it wherever a plan is read,
// against a small fixed network on four devices (fuzz::planModel, fuzz::planCluster). A plan that reads
// must survive a write and read back unchanged, else the harness aborts.

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "core/partition/plan.h"
#include "tests/fuzz/fuzz_inputs.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tessera;
    const model::Graph& graph = fuzz::planModel().graph;
    const cost::Cluster& cluster = fuzz::planCluster();
    auto plan = partition::parsePlan(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json",
                                     graph, cluster);
    if (!plan) {
        return 0;
    }
    (void)partition::checkPlan(*plan, graph, cluster);
    auto again =
        partition::parsePlan(partition::planToJson(*plan, graph, cluster), "written.json", graph, cluster);
    if (!again || !(*again == *plan)) {
        std::abort();
    }
    return 0;
}
