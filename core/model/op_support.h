#pragma once
// The operators Tessera analyses and executes, and the attribute values it accepts for them.
// The model importer refuses anything else at load time, listing every offending node at once.

#include <string>
#include <vector>

#include "core/model/graph.h"

namespace tessera::model {

bool isSupportedOp(const Node& node);
// The supported op types, sorted, for help texts and error messages.
std::vector<std::string> supportedOps();

// Problems with `node`'s attributes or constant inputs ("auto_pad 'FOO' is not supported"); empty if none.
std::vector<std::string> checkNode(const Node& node, const Graph& graph);

} // namespace tessera::model
