#include "app/cli/net_loader.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace tessera::cli {

Expected<model::ImportOptions> importOptions(const std::vector<std::string>& inputShapes,
                                             const std::string& darknetWeights) {
    model::ImportOptions options;
    for (const auto& text : inputShapes) {
        auto parsed = model::parseInputShape(text);
        if (!parsed) {
            return parsed.error();
        }
        options.inputShapes[parsed->first] = parsed->second;
    }
    options.darknetWeights = darknetWeights;
    return options;
}

Expected<model::Model> loadModelWith(const std::string& path, const std::vector<std::string>& inputShapes,
                                     const std::string& darknetWeights) {
    auto options = importOptions(inputShapes, darknetWeights);
    if (!options) {
        return options.error();
    }
    return model::loadModel(path, *options);
}

double elapsedMs(const std::function<void()>& body) {
    const auto start = std::chrono::steady_clock::now();
    body();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

int defaultThreads() {
    return int(std::max(1u, std::thread::hardware_concurrency()));
}

} // namespace tessera::cli
