#pragma once
// The catalogue of ui/core_text: the core's messages as it writes them (English, %1… where it inserts a
// name, a number or another library's text), each marked for lupdate in the context "CoreText". Adding one:
// translations/README.md.

#include <span>

namespace tessera::ui {

std::span<const char* const> coreTextTemplates();

} // namespace tessera::ui
