// libFuzzer harness: the cluster file reader. A cluster it accepts must survive a write and read back
// unchanged (the file format's promise), else the harness aborts.

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "core/cost/cluster.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tessera;
    auto cluster = cost::parseCluster(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json");
    if (!cluster) {
        return 0;
    }
    (void)cluster->problems();
    auto again = cost::parseCluster(cost::clusterToJson(*cluster), "written.json");
    if (!again || !(*again == *cluster)) {
        std::abort();
    }
    return 0;
}
