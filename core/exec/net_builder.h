#pragma once
// Builds small networks in the graph IR with deterministic weights and inputs, for checks and benchmarks
// that must run without model files (tessera-node --self-test). Shapes come from the import pipeline:
// finish() runs shape inference, constant folding and the operator checks exactly as for a loaded model.

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/model/model.h"

namespace tessera::exec {

using Attributes = std::map<std::string, model::AttrValue>;

struct BuiltNet {
    model::Model model;
    // data for each run-time input, by name
    std::vector<std::pair<std::string, std::vector<float>>> inputs;
};

class NetBuilder {
public:
    explicit NetBuilder(std::uint32_t seed = 1)
        : m_rng(seed) {}

    // A run-time input of uniform values in [lo, hi].
    std::string input(const model::Shape& shape, float lo = -1.f, float hi = 1.f);
    // Constant filters/matrices, uniform in [-s, s] with s = sqrt(3 / fanIn), fanIn = elements / shape[0]:
    // outputs keep the magnitude of the inputs.
    std::string weights(const model::Shape& shape);
    // A constant of uniform values in [lo, hi].
    std::string constant(const model::Shape& shape, float lo, float hi);
    std::string floats(const model::Shape& shape, std::vector<float> values);
    std::string ints(std::vector<std::int64_t> values);

    // Appends a node reading `inputs` ("" = an omitted optional input); returns its output names.
    std::vector<std::string> nodeOutputs(const std::string& opType, std::vector<std::string> inputs,
                                         Attributes attributes, int outputs);
    // The same for a node with one output.
    std::string node(const std::string& opType, std::vector<std::string> inputs, Attributes attributes = {});
    void output(const std::string& value) { m_outputs.push_back(value); }

    // Runs the import pipeline on the graph (default-domain opset `opset`); the builder is spent after it.
    Expected<BuiltNet> finish(const std::string& name, std::int64_t opset = 13);

private:
    std::vector<float> uniform(std::int64_t count, float lo, float hi);
    std::string fresh(const std::string& prefix);

    std::mt19937 m_rng; // the standard fixes its sequence: same data on every platform
    model::Graph m_graph;
    std::vector<std::pair<std::string, std::vector<float>>> m_inputs;
    std::vector<std::string> m_outputs;
    int m_counter = 0;
};

} // namespace tessera::exec
