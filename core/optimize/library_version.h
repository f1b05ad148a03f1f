#pragma once
// The version of the LP/MIP solver library linked into tessera_optimize, asked at run time.

#include <string>

namespace tessera::optimize {

// GLPK's glp_version(): "5.0".
std::string glpkVersion();

} // namespace tessera::optimize
