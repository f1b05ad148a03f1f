#include "core/model/library_version.h"

#include <onnx/common/version.h>

namespace tessera::model {

std::string onnxVersion() {
    return ONNX_NAMESPACE::LAST_RELEASE_VERSION;
}

} // namespace tessera::model
