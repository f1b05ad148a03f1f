#include "ui/graph_view.h"

#include <QContextMenuEvent>
#include <QGraphicsPathItem>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QScrollBar>
#include <QShowEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "ui/node_item.h"
#include "ui/node_selection.h"
#include "ui/palette.h"
#include "ui/plan_edit.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"

namespace tessera::ui {

GraphView::GraphView(ProjectModel* project, NodeSelection* selection, QWidget* parent)
    : QGraphicsView(parent)
    , m_project(project)
    , m_selection(selection) {
    setScene(&m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(SmartViewportUpdate);
    setOptimizationFlags(DontSavePainterState);
    setBackgroundBrush(canvasColor(palette()));
    m_scene.setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(project, &ProjectModel::projectReset, this, &GraphView::rebuild);
    connect(project, &ProjectModel::planChanged, this, &GraphView::updateTints);
    connect(project, &ProjectModel::clusterChanged, this, &GraphView::updateTints);
    connect(&m_scene, &QGraphicsScene::selectionChanged, this, &GraphView::syncFromScene);
    connect(selection, &NodeSelection::changed, this, &GraphView::syncFromSelection);
    rebuild();
}

GraphView::~GraphView() {
    // The scene outlives this object's body and clears its items on destruction, which would report a
    // selection change to a selection that may already be gone.
    disconnect(&m_scene, nullptr, this, nullptr);
}

NodeItem* GraphView::item(std::size_t node) const {
    return node < m_items.size() ? m_items[node] : nullptr;
}

void GraphView::rebuild() {
    m_syncing = true;
    m_scene.clear();
    m_items.clear();
    m_layout = {};
    m_syncing = false;
    if (!m_project->hasProject()) {
        return;
    }
    const auto& graph = m_project->model().graph;
    std::vector<QString> titles, subtitles;
    std::vector<QSizeF> sizes;
    for (const auto& node : graph.nodes) {
        const auto* out = node.outputs.empty() ? nullptr : graph.value(node.outputs[0]);
        titles.push_back(toQString(node.opType));
        subtitles.push_back(toQString(node.name) + QStringLiteral("  ") +
                            (out ? shapeText(out->shape) : QString()));
        sizes.push_back(NodeItem::preferredSize(titles.back(), subtitles.back()));
    }
    m_layout = layoutGraph(graph, sizes);

    // All edges in one path item and all arrow heads in another: a few hundred separate items would cost
    // more to index and paint than the nodes.
    QPainterPath edges, arrows;
    for (const auto& edge : m_layout.edges) {
        edges.addPath(edge.path);
        const QLineF line(edge.arrowBase, edge.arrowTip);
        if (line.length() > 0.1) {
            const QLineF back = QLineF(line.p2(), line.p1());
            QLineF left = back, right = back;
            left.setAngle(back.angle() + 25);
            right.setAngle(back.angle() - 25);
            left.setLength(line.length());
            right.setLength(line.length());
            arrows.addPolygon(QPolygonF({line.p2(), left.p2(), right.p2(), line.p2()}));
        }
    }
    auto* edgeItem = m_scene.addPath(edges, QPen(QColor(0x70, 0x70, 0x70), 1.2));
    edgeItem->setZValue(-1);
    auto* arrowItem = m_scene.addPath(arrows, QPen(Qt::NoPen), QColor(0x70, 0x70, 0x70));
    arrowItem->setZValue(-1);
    m_items.reserve(graph.nodes.size());
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        auto* nodeItem =
            new NodeItem(i, m_layout.nodes[i], titles[i], subtitles[i], categoryColor(opCategory(titles[i])));
        m_scene.addItem(nodeItem);
        m_items.push_back(nodeItem);
    }
    m_scene.setSceneRect(m_layout.bounds.adjusted(-40, -40, 40, 40));
    updateTints();
    updateOverlay();
    syncFromSelection();
    m_initialViewPending = true;
    applyInitialView();
}

void GraphView::applyInitialView() {
    // Needs the real viewport size, which a view that is not laid out yet does not have.
    if (!m_initialViewPending || !isVisible() || m_items.empty()) {
        return;
    }
    m_initialViewPending = false;
    // Start readable: full size, the top of the graph in view.
    resetTransform();
    const QRectF rect = m_scene.sceneRect();
    centerOn(rect.center().x(), rect.top() + viewport()->height() / 2.0);
}

void GraphView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    applyInitialView();
}

void GraphView::showEvent(QShowEvent* event) {
    QGraphicsView::showEvent(event);
    applyInitialView();
}

void GraphView::changeEvent(QEvent* event) {
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        setBackgroundBrush(canvasColor(palette()));
    }
}

void GraphView::updateTints() {
    if (!m_project->hasProject()) {
        return;
    }
    for (auto* nodeItem : m_items) {
        std::vector<QColor> colours;
        for (int d : devicesOfNode(m_project->plan(), nodeItem->node())) {
            colours.push_back(deviceColor(d));
        }
        nodeItem->setDevices(std::move(colours));
    }
}

void GraphView::setOverlay(CostOverlay overlay) {
    if (overlay != m_overlay) {
        m_overlay = overlay;
        updateOverlay();
    }
}

void GraphView::updateOverlay() {
    if (!m_project->hasProject()) {
        return;
    }
    const auto& layers = m_project->modelCost().layers;
    auto value = [&](std::size_t i) -> double {
        switch (m_overlay) {
        case CostOverlay::Macs:
            return double(layers[i].macs);
        case CostOverlay::Weights:
            return double(layers[i].weightBytes);
        case CostOverlay::Activations:
            return double(layers[i].outputBytes);
        case CostOverlay::None:
            break;
        }
        return 0;
    };
    double maxValue = 0;
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        maxValue = std::max(maxValue, value(i));
    }
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        // Costs span orders of magnitude; a log scale keeps the small layers distinguishable.
        const bool show = m_overlay != CostOverlay::None && maxValue > 0;
        m_items[i]->setHeat(show ? heatColor(std::log1p(value(i)) / std::log1p(maxValue)) : QColor());
    }
}

void GraphView::syncFromScene() {
    if (m_syncing) {
        return;
    }
    std::vector<std::size_t> nodes;
    for (auto* selected : m_scene.selectedItems()) {
        if (selected->type() == NodeItem::Type) {
            nodes.push_back(static_cast<NodeItem*>(selected)->node());
        }
    }
    m_syncing = true;
    m_selection->setNodes(std::move(nodes));
    m_syncing = false;
}

void GraphView::syncFromSelection() {
    if (m_syncing) {
        return;
    }
    m_syncing = true;
    m_scene.clearSelection();
    for (std::size_t node : m_selection->nodes()) {
        if (auto* nodeItem = item(node)) {
            nodeItem->setSelected(true);
        }
    }
    m_syncing = false;
    if (!m_selection->isEmpty()) {
        if (auto* first = item(m_selection->nodes().front());
            first && !mapToScene(viewport()->rect()).boundingRect().intersects(first->sceneBoundingRect())) {
            centerOn(first);
        }
    }
}

bool GraphView::findNext(const QString& text) {
    if (!m_project->hasProject() || text.isEmpty()) {
        return false;
    }
    const auto& nodes = m_project->model().graph.nodes;
    const std::size_t start = m_selection->isEmpty() ? 0 : m_selection->nodes().front() + 1;
    for (std::size_t k = 0; k < nodes.size(); ++k) {
        const std::size_t i = (start + k) % nodes.size();
        if (toQString(nodes[i].name).contains(text, Qt::CaseInsensitive) ||
            toQString(nodes[i].opType).contains(text, Qt::CaseInsensitive)) {
            m_selection->setNodes({i});
            centreOn(i);
            return true;
        }
    }
    return false;
}

void GraphView::centreOn(std::size_t node) {
    if (auto* nodeItem = item(node)) {
        centerOn(nodeItem);
    }
}

void GraphView::zoomBy(double factor) {
    const double current = transform().m11();
    const double next = std::clamp(current * factor, 0.02, 4.0);
    scale(next / current, next / current);
}

void GraphView::fitAll() {
    fitInView(m_scene.sceneRect(), Qt::KeepAspectRatio);
}

void GraphView::wheelEvent(QWheelEvent* event) {
    zoomBy(std::pow(1.0015, event->angleDelta().y()));
    event->accept();
}

void GraphView::mousePressEvent(QMouseEvent* event) {
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    auto* hit = dynamic_cast<NodeItem*>(itemAt(event->position().toPoint()));
    if (shift && hit && !m_selection->isEmpty() && event->button() == Qt::LeftButton) {
        // Shift+click: the whole range of layers between the selection and this one (what a fused block is).
        const std::size_t a = std::min(m_selection->nodes().front(), hit->node());
        const std::size_t b = std::max(m_selection->nodes().back(), hit->node());
        std::vector<std::size_t> range;
        for (std::size_t i = a; i <= b; ++i) {
            range.push_back(i);
        }
        m_selection->setNodes(std::move(range));
        m_rangeClick = true; // its release must not reach QGraphicsView, which would clear the selection
        event->accept();
        return;
    }
    setDragMode(shift ? RubberBandDrag : ScrollHandDrag);
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseReleaseEvent(QMouseEvent* event) {
    if (m_rangeClick) {
        m_rangeClick = false;
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
    setDragMode(ScrollHandDrag);
}

void GraphView::contextMenuEvent(QContextMenuEvent* event) {
    if (auto* hit = dynamic_cast<NodeItem*>(itemAt(event->pos())); hit && !hit->isSelected()) {
        m_selection->setNodes({hit->node()});
    }
    emit contextMenuRequested(event->globalPos());
}

} // namespace tessera::ui
