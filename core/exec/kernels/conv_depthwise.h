#pragma once
// Depthwise convolution (one input channel per group, one filter per channel), Conv's optimised path for
// it: see conv_depthwise.cpp. Internal to conv.cpp.

#include <memory>

#include "kernels/activation.h"
#include "kernels/conv_geometry.h"

namespace tessera::exec::kernels {

// w: [C][1][kH][kW] and bias: [C] (or null) stay owned by the caller's graph; g.groups == g.inC == g.outC.
std::unique_ptr<Kernel> makeConvDepthwise(const ConvGeometry& g, const float* w, const float* bias,
                                          const FusedActivation& act);

} // namespace tessera::exec::kernels
