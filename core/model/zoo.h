#pragma once
// The model zoo: faithful ONNX versions of the networks the literature evaluates, with deterministic
// generated weights. Each recipe is a Darknet .cfg in resources/zoo, embedded in the binary at build time.

#include <cstdint>
#include <string>
#include <vector>

#include "core/model/model.h"

namespace tessera::model {

struct ZooEntry {
    std::string name;           // "yolov2-608"
    std::string recipe;         // cfg file name in resources/zoo
    std::int64_t inputSize = 0; // square input side; 0 = the cfg's own [net] size
    std::string description;
};

const std::vector<ZooEntry>& zooEntries();

// Builds the named network with weights drawn from a fixed-seed generator (He-uniform filters, BN
// statistics near identity), so every build of the zoo is bit-identical.
Expected<Model> buildZooModel(const std::string& name, std::uint64_t seed = 2026);

// Overwrites every float weight with deterministic values that keep activations in a sane range.
void fillDeterministicWeights(Graph& graph, std::uint64_t seed);

// Writes the graph as an ONNX file (atomically: a temporary file renamed into place).
Status saveOnnx(const Graph& graph, std::int64_t opset, const std::string& path,
                const std::string& docString = {});

} // namespace tessera::model
