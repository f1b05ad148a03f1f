#pragma once
// The in-process executor: runs a compiled plan task by task with the real execution engine, each task in
// isolation (it sees only the input regions the program says it receives, assembled from the pieces other
// tasks produced), and returns the graph outputs assembled at the gateway. Its outputs must equal the
// unpartitioned run's within floating-point reordering; tests hold it to that.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/base/cancel.h"
#include "core/model/model.h"
#include "core/partition/program.h"

namespace tessera::partition {

struct ExecutionOptions {
    int threads = 1;
    bool reference = false; // the engine's reference kernels
};

struct ExecutionResult {
    std::map<std::string, std::vector<float>> outputs; // graph outputs by name
    std::int64_t bytesMoved = 0;                       // bytes of every input part taken from another device
    std::vector<std::int64_t> deviceBytesIn;           // per device (cluster index), received
};

// `inputs`: every graph input by name, dense float32 in its shape. `original` supplies the weights.
Expected<ExecutionResult> execute(const Program& program, const model::Model& original,
                                  const std::map<std::string, std::vector<float>>& inputs,
                                  const ExecutionOptions& options = {}, const StopToken* stop = nullptr);

} // namespace tessera::partition
