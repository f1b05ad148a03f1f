#pragma once
// Conv with pruned weights held in CSR (csr_matrix.h): see conv_sparse.cpp. Internal to conv.cpp, which
// uses it where cost/weight_storage.h stores the weight in CSR (or when KernelInit::sparse forces it).

#include <memory>

#include "kernels/activation.h"
#include "kernels/conv_geometry.h"
#include "kernels/csr_matrix.h"

namespace tessera::exec::kernels {

// w: the CSR form (csrOf) of the weight [outC][inC/groups][kH][kW] as [outC] x [inC/groups * kH * kW];
// bias: [outC] or null, owned by the caller's graph.
std::unique_ptr<Kernel> makeConvSparse(const ConvGeometry& g, std::shared_ptr<const CsrMatrix> w,
                                       const float* bias, const FusedActivation& act);

} // namespace tessera::exec::kernels
