// tessera-node: the device runtime. This first version checks that a device can load its model share:
// it loads the model, verifies it, and prints the memory it will need. Serving a partition plan over the
// network is built on top of this (see docs/architecture.md).

#include <cstring>
#include <iostream>

#include "core/cost/analysis_report.h"
#include "core/cost/layer_cost.h"
#include "core/model/model.h"

namespace {

int usage() {
    std::cerr << "usage: tessera-node --version\n"
                 "       tessera-node --check MODEL.onnx [--input-shape 1,3,H,W]\n";
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
        std::cout << "tessera-node " << TESSERA_VERSION << "\n";
        return 0;
    }
    if (argc != 3 && argc != 5) {
        return usage();
    }
    if (std::strcmp(argv[1], "--check") != 0) {
        return usage();
    }
    tessera::model::ImportOptions options;
    if (argc == 5) {
        if (std::strcmp(argv[3], "--input-shape") != 0) {
            return usage();
        }
        auto shape = tessera::model::parseInputShape(argv[4]);
        if (!shape) {
            std::cerr << "tessera-node: error: " << shape.error().message << "\n";
            return 2;
        }
        options.inputShapes[shape->first] = shape->second;
    }
    auto model = tessera::model::loadModel(argv[2], options);
    if (!model) {
        std::cerr << "tessera-node: error: " << model.error().message << "\n";
        return 1;
    }
    const auto cost = tessera::cost::analyze(model->graph);
    std::cout << "ok " << model->sha256 << " weights " << cost.weightBytes << " B, peak activations "
              << cost.peakActivationBytes << " B ("
              << tessera::cost::humanBytes(cost.weightBytes + cost.peakActivationBytes) << " in all)\n";
    return 0;
}
