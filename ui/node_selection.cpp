#include "ui/node_selection.h"

#include <algorithm>

namespace tessera::ui {

void NodeSelection::setNodes(std::vector<std::size_t> nodes) {
    std::sort(nodes.begin(), nodes.end());
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
    if (nodes == m_nodes) {
        return;
    }
    m_nodes = std::move(nodes);
    emit changed();
}

} // namespace tessera::ui
