// kernel: Upsample createUpsample
//
// Opset 7: `scales` attribute; opset 9: scales as constant input 1 (Upsample is deprecated since 10).
// Modes nearest (floor of the asymmetric source coordinate, i.e. each element repeated for integer
// scales) and linear (bilinear over the last two dims, asymmetric coordinates). Output extents are
// floor(input * scale), as inferred at import; interpolation lives in resize_kernels.cpp.

#include "kernels/resize_common.h"

namespace tessera::exec::kernels {

Expected<std::unique_ptr<Kernel>> createUpsample(const KernelInit& init) {
    ResizeSpec spec;
    spec.in = init.inputShapes[0];
    spec.out = init.outputShapes[0];
    spec.coordinates = CoordinateMode::Asymmetric;
    spec.nearest = NearestMode::Simple;
    const std::string mode = init.node.attrString("mode", "nearest");
    if (mode == "nearest") {
        spec.mode = ResizeMode::Nearest;
    } else if (mode == "linear" || mode == "bilinear") { // opset 7 also spells it "bilinear"
        spec.mode = ResizeMode::Linear;
    } else {
        return kernelError(init, "mode '" + mode + "' is not supported");
    }
    const model::Tensor* input = init.constants.size() > 1 ? init.constants[1] : nullptr;
    if (input) {
        for (std::int64_t i = 0; i < input->elements(); ++i) {
            spec.scales.push_back(input->at(std::size_t(i)));
        }
    } else if (auto it = init.node.attributes.find("scales"); it != init.node.attributes.end()) {
        if (const auto* scales = std::get_if<std::vector<float>>(&it->second)) {
            spec.scales.assign(scales->begin(), scales->end());
        }
    }
    if (init.node.inputs.size() > 1 && !init.node.inputs[1].empty() && !input) {
        return kernelError(init, "the scales input must be a constant");
    }
    if (spec.scales.size() != spec.in.size()) {
        return kernelError(init, "scales has " + std::to_string(spec.scales.size()) + " entries for a rank-" +
                                     std::to_string(spec.in.size()) + " input");
    }
    return makeResizeKernel(init, std::move(spec));
}

} // namespace tessera::exec::kernels
