#pragma once
// Conv's optimised path on CPUs with AVX-512 (packed_gemm.h): see conv_packed.cpp. Internal to conv.cpp,
// which uses it for every non-depthwise convolution when packed::kVectorised.

#include <memory>

#include "kernels/activation.h"
#include "kernels/conv_geometry.h"

namespace tessera::exec::kernels {

// w: [outC][inC/groups][kH][kW] and bias: [outC] (or null) stay owned by the caller's graph.
std::unique_ptr<Kernel> makeConvPacked(const ConvGeometry& g, const float* w, const float* bias,
                                       const FusedActivation& act);

} // namespace tessera::exec::kernels
