#pragma once
// Helpers shared by kernel implementations (internal to core/exec).

#include <memory>
#include <string>

#include "core/exec/kernel.h"

namespace tessera::exec::kernels {

// "node 'conv_3' (Conv): <message>"
inline Error kernelError(const KernelInit& init, const std::string& message) {
    return Error{ErrorCode::Unsupported,
                 "node '" + init.node.name + "' (" + init.node.opType + "): " + message};
}

template <typename K, typename... Args> Expected<std::unique_ptr<Kernel>> make(Args&&... args) {
    return std::unique_ptr<Kernel>(std::make_unique<K>(std::forward<Args>(args)...));
}

} // namespace tessera::exec::kernels
