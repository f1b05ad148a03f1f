#pragma once
// Where `tessera run` and `tessera cluster-run` write each graph output given --output BASE.

#include <cstddef>
#include <string>

namespace tessera::cli {

// `base` itself for a single output, else base's stem + "_<name>.npy" (characters other than letters, digits,
// '_', '-' and '.' in the name become '_').
std::string outputPath(const std::string& base, const std::string& name, std::size_t outputs);

} // namespace tessera::cli
