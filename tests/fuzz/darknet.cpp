// libFuzzer harness: the Darknet importer on a .cfg text and, after fuzz::kWeightsMarker, .weights bytes
// (held in an in-memory file); without the marker the weights are zero-filled.

#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_inputs.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static tessera::fuzz::MemoryFile weights("fuzz.weights");
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto marker = input.find(tessera::fuzz::kWeightsMarker);
    tessera::model::ImportOptions options;
    if (marker != std::string_view::npos) {
        options.darknetWeights = weights.write(input.substr(marker + tessera::fuzz::kWeightsMarker.size()));
    }
    (void)tessera::model::loadDarknetText(std::string(input.substr(0, marker)), "fuzz.cfg", options);
    return 0;
}
