#pragma once
// Layered top-to-bottom layout of a model graph by Graphviz's dot (through libgvc), computed once per model
// and kept: node boxes and edge splines in scene coordinates (y down).

#include <QPainterPath>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <cstddef>
#include <vector>

#include "core/model/graph.h"

namespace tessera::ui {

struct EdgeGeometry {
    std::size_t from = 0, to = 0; // node indices
    QPainterPath path;            // the spline from the producer to the consumer
    QPointF arrowBase, arrowTip;  // arrow head along this segment (tip on the consumer's border)
};

struct GraphLayout {
    std::vector<QRectF> nodes; // one per graph node, same order
    std::vector<EdgeGeometry> edges;
    QRectF bounds;
};

// The producer -> consumer pairs of the graph (through activations only; weights are not nodes), unique.
std::vector<std::pair<std::size_t, std::size_t>> graphEdges(const model::Graph& graph);

// Lays out the graph with dot; `nodeSizes` (scene units, one per node) are the boxes' sizes.
GraphLayout layoutGraph(const model::Graph& graph, const std::vector<QSizeF>& nodeSizes);

// The Graphviz library's version, asked at run time (gvcVersion): "2.42.2".
QString graphvizVersion();

} // namespace tessera::ui
