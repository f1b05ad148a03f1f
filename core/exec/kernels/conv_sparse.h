#pragma once
// Conv with pruned weights held in CSR (csr_matrix.h): see conv_sparse.cpp. Internal to conv.cpp, which
// uses it where cost/weight_storage.h stores the weight in CSR (or when KernelInit::sparse forces it).

#include <memory>

#include "kernels/activation.h"
#include "kernels/conv_geometry.h"

namespace tessera::exec::kernels {

// w: [outC][inC/groups][kH][kW], copied into CSR (the kernel holds no pointer to it); bias: [outC] or null,
// owned by the caller's graph.
std::unique_ptr<Kernel> makeConvSparse(const ConvGeometry& g, const float* w, const float* bias,
                                       const FusedActivation& act);

} // namespace tessera::exec::kernels
