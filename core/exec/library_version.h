#pragma once
// The versions of the linear-algebra libraries linked into tessera_exec.

#include <string>

namespace tessera::exec {

// Eigen's version from its headers (header-only): "3.4.0".
std::string eigenVersion();
// OpenBLAS's openblas_get_config() at run time ("OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell
// MAX_THREADS=64"); empty when this build does not link OpenBLAS (GEMM then runs on Eigen).
std::string openblasVersion();

} // namespace tessera::exec
