#include "core/exec/library_version.h"

#include <Eigen/Core>

#if TESSERA_HAVE_OPENBLAS
#include <cblas.h>
#endif

namespace tessera::exec {

std::string eigenVersion() {
    return std::to_string(EIGEN_WORLD_VERSION) + "." + std::to_string(EIGEN_MAJOR_VERSION) + "." +
           std::to_string(EIGEN_MINOR_VERSION);
}

std::string openblasVersion() {
#if TESSERA_HAVE_OPENBLAS
    std::string config = openblas_get_config();
    // trailing blanks in some builds
    while (!config.empty() && config.back() == ' ') {
        config.pop_back();
    }
    return config;
#else
    return {};
#endif
}

} // namespace tessera::exec
