#pragma once
// Helpers shared by kernel implementations (internal to core/exec).

#include <memory>
#include <string>

#include "core/cost/weight_storage.h"
#include "core/exec/kernel.h"

namespace tessera::exec::kernels {

// "node 'conv_3' (Conv): <message>"
inline Error kernelError(const KernelInit& init, const std::string& message) {
    return Error{ErrorCode::Unsupported,
                 "node '" + init.node.name + "' (" + init.node.opType + "): " + message};
}

// True when a Conv/Gemm kernel should hold its weight in CSR: forced by KernelInit::sparse, or (Auto) when
// cost/weight_storage.h stores this node's weight in CSR, so that the engine holds what the cost model
// counts.
inline bool useSparseWeights(const KernelInit& init) {
    if (init.reference || init.sparse == SparseChoice::Dense) {
        return false;
    }
    if (init.sparse == SparseChoice::Sparse) {
        return true;
    }
    const auto storage = cost::sparseCandidate(init.graph, init.node);
    return storage && storage->form == cost::WeightForm::Csr;
}

template <typename K, typename... Args> Expected<std::unique_ptr<Kernel>> make(Args&&... args) {
    return std::unique_ptr<Kernel>(std::make_unique<K>(std::forward<Args>(args)...));
}

} // namespace tessera::exec::kernels
