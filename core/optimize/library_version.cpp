#include "core/optimize/library_version.h"

#include <glpk.h>

namespace tessera::optimize {

std::string glpkVersion() {
    return glp_version();
}

} // namespace tessera::optimize
