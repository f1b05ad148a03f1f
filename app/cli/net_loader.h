#pragma once
// Model loading shared by the commands: --input-shape parsing and import.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/base/error.h"
#include "core/exec/net.h"
#include "core/model/model.h"

namespace tessera::cli {

// The --input-shape texts ("1,3,224,224" or "NAME:1,3,224,224") and the Darknet weights as import options.
Expected<model::ImportOptions> importOptions(const std::vector<std::string>& inputShapes,
                                             const std::string& darknetWeights);

// Loads `path` with those options (the commands' MODEL, --input-shape and --weights).
Expected<model::Model> loadModelWith(const std::string& path, const std::vector<std::string>& inputShapes,
                                     const std::string& darknetWeights);

// Runs `body` and returns the elapsed wall-clock time in milliseconds.
double elapsedMs(const std::function<void()>& body);

// The default of --threads: the machine's hardware threads (at least 1).
int defaultThreads();

} // namespace tessera::cli
