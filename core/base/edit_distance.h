#pragma once
// Levenshtein distance, for "did you mean ..." suggestions in error messages.

#include <cstddef>
#include <string>

namespace tessera {

// Insertions, deletions and substitutions turning `a` into `b`.
std::size_t editDistance(const std::string& a, const std::string& b);

} // namespace tessera
