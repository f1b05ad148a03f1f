// kernel: Resize createResize
//
// Opset 10: inputs X, scales; asymmetric coordinates, nearest elements picked as Upsample does (floor
// when enlarging, ceil when shrinking). Opset 11+: inputs X, roi, scales, sizes (one of scales / sizes);
// attributes mode (nearest, linear), coordinate_transformation_mode (half_pixel default, pytorch_half_pixel,
// align_corners, asymmetric), nearest_mode (round_prefer_floor default, round_prefer_ceil, floor, ceil);
// opset 18 adds axes and keep_aspect_ratio_policy. roi only matters for tf_crop_and_resize, which is not
// supported. When sizes are given the scale of a dim is output / input extent. The output shape is the
// inferred one; the interpolation itself lives in resize_kernels.cpp.

#include <algorithm>

#include "kernels/resize_common.h"
#include "kernels/strided_copy.h"

namespace tessera::exec::kernels {
namespace {

const model::Tensor* constantInput(const KernelInit& init, std::size_t i) {
    const model::Tensor* t = i < init.constants.size() ? init.constants[i] : nullptr;
    return t && t->elements() > 0 ? t : nullptr; // an empty tensor stands for an omitted input
}

// Fills spec.scales from the scales or sizes input; axes (opset 18) name the dims they refer to.
Status resizeScales(const KernelInit& init, std::size_t scalesInput, std::size_t sizesInput,
                    ResizeSpec& spec) {
    const std::size_t rank = spec.in.size();
    std::vector<std::int64_t> axes = init.node.attrInts("axes");
    for (auto& a : axes) {
        a = normaliseAxis(a, rank);
        if (a < 0) {
            return kernelError(init, "an axis is out of range");
        }
    }
    if (axes.empty()) {
        for (std::size_t d = 0; d < rank; ++d) {
            axes.push_back(std::int64_t(d));
        }
    }
    spec.scales.assign(rank, 1.0);
    if (const model::Tensor* scales = constantInput(init, scalesInput)) {
        if (std::size_t(scales->elements()) != axes.size()) {
            return kernelError(init, "scales has " + std::to_string(scales->elements()) + " entries for " +
                                         std::to_string(axes.size()) + " axes");
        }
        for (std::size_t k = 0; k < axes.size(); ++k) {
            spec.scales[std::size_t(axes[k])] = scales->at(k);
        }
        return {};
    }
    const model::Tensor* sizes = constantInput(init, sizesInput);
    if (!sizes || std::size_t(sizes->elements()) != axes.size()) {
        return kernelError(init, "neither usable constant scales nor sizes are given");
    }
    const std::string policy = init.node.attrString("keep_aspect_ratio_policy", "stretch");
    if (policy != "stretch" && policy != "not_larger" && policy != "not_smaller") {
        return kernelError(init, "keep_aspect_ratio_policy '" + policy + "' is not supported");
    }
    double common = policy == "not_larger" ? 1e300 : 0.0;
    for (std::size_t k = 0; k < axes.size(); ++k) {
        const auto d = std::size_t(axes[k]);
        const double scale = double(sizes->intAt(k)) / double(spec.in[d]);
        spec.scales[d] = scale;
        common = policy == "not_larger" ? std::min(common, scale) : std::max(common, scale);
    }
    if (policy != "stretch") { // one scale for all axes; the output extents are round(scale * input)
        for (const auto a : axes) {
            spec.scales[std::size_t(a)] = common;
        }
    }
    return {};
}

} // namespace

Expected<std::unique_ptr<Kernel>> createResize(const KernelInit& init) {
    ResizeSpec spec;
    spec.in = init.inputShapes[0];
    spec.out = init.outputShapes[0];
    const std::string mode = init.node.attrString("mode", "nearest");
    if (mode == "nearest") {
        spec.mode = ResizeMode::Nearest;
    } else if (mode == "linear") {
        spec.mode = ResizeMode::Linear;
    } else {
        return kernelError(init, "mode '" + mode + "' is not supported");
    }
    for (std::size_t i = 1; i < init.node.inputs.size(); ++i) {
        if (!init.node.inputs[i].empty() && !init.constants[i]) {
            return kernelError(init, "input " + std::to_string(i) + " must be a constant");
        }
    }
    if (init.node.attrInt("antialias", 0) != 0) {
        return kernelError(init, "antialias is not supported");
    }
    if (init.opset < 11) {
        spec.coordinates = CoordinateMode::Asymmetric;
        spec.nearest = NearestMode::Simple;
        if (Status s = resizeScales(init, 1, 1, spec); !s) {
            return s.error();
        }
        return makeResizeKernel(init, std::move(spec));
    }
    const std::string coordinates = init.node.attrString("coordinate_transformation_mode", "half_pixel");
    if (coordinates == "half_pixel") {
        spec.coordinates = CoordinateMode::HalfPixel;
    } else if (coordinates == "pytorch_half_pixel") {
        spec.coordinates = CoordinateMode::PytorchHalfPixel;
    } else if (coordinates == "align_corners") {
        spec.coordinates = CoordinateMode::AlignCorners;
    } else if (coordinates == "asymmetric") {
        spec.coordinates = CoordinateMode::Asymmetric;
    } else {
        return kernelError(init, "coordinate_transformation_mode '" + coordinates + "' is not supported");
    }
    const std::string nearest = init.node.attrString("nearest_mode", "round_prefer_floor");
    if (nearest == "round_prefer_floor") {
        spec.nearest = NearestMode::RoundPreferFloor;
    } else if (nearest == "round_prefer_ceil") {
        spec.nearest = NearestMode::RoundPreferCeil;
    } else if (nearest == "floor") {
        spec.nearest = NearestMode::Floor;
    } else if (nearest == "ceil") {
        spec.nearest = NearestMode::Ceil;
    } else {
        return kernelError(init, "nearest_mode '" + nearest + "' is not supported");
    }
    if (Status s = resizeScales(init, 2, 3, spec); !s) {
        return s.error();
    }
    return makeResizeKernel(init, std::move(spec));
}

} // namespace tessera::exec::kernels
