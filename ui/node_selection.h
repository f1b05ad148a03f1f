#pragma once
// The selected layers (node indices of the project's graph), shared by the graph view, the layer table and
// the partition editor so that a selection made in one shows in the others. Not part of the document.

#include <QObject>

#include <cstddef>
#include <vector>

namespace tessera::ui {

class NodeSelection : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    // Sorted, without duplicates.
    const std::vector<std::size_t>& nodes() const { return m_nodes; }
    bool isEmpty() const { return m_nodes.empty(); }
    // Emits changed() only when the set really changes (so views echoing a selection do not loop).
    void setNodes(std::vector<std::size_t> nodes);
    void clear() { setNodes({}); }

signals:
    void changed();

private:
    std::vector<std::size_t> m_nodes;
};

} // namespace tessera::ui
