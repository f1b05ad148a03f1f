#pragma once
// The central graph view: the model's graph laid out by dot (graph_layout.h), one NodeItem per layer. The
// scene is a disposable projection of the project: rebuilt when a project is opened (the layout is computed
// once per model and kept), re-tinted on plan and cluster changes, never edited directly.
//
// Mouse: wheel zooms, dragging the background pans, click selects, Ctrl+click adds, Shift+click extends the
// selection to the range between, Shift+drag selects with a rubber band.

#include <QGraphicsView>

#include <cstddef>
#include <vector>

#include "ui/graph_layout.h"

namespace tessera::ui {

class NodeItem;
class NodeSelection;
class ProjectModel;

enum class CostOverlay { None, Macs, Weights, Activations };

class GraphView : public QGraphicsView {
    Q_OBJECT
public:
    GraphView(ProjectModel* project, NodeSelection* selection, QWidget* parent = nullptr);
    ~GraphView() override;

    void setOverlay(CostOverlay overlay);
    CostOverlay overlay() const { return m_overlay; }
    // Selects the next layer (after the current one) whose name or op contains `text`, centres it; false when
    // none matches.
    bool findNext(const QString& text);
    void zoomBy(double factor);
    void fitAll();
    void centreOn(std::size_t node);
    NodeItem* item(std::size_t node) const;
    const GraphLayout& layout() const { return m_layout; }

signals:
    void contextMenuRequested(const QPoint& globalPos);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override; // the background follows the theme

private:
    void rebuild();
    void applyInitialView();
    void updateTints();
    void updateOverlay();
    void syncFromScene();
    void syncFromSelection();

    ProjectModel* m_project;
    NodeSelection* m_selection;
    QGraphicsScene m_scene;
    GraphLayout m_layout;
    std::vector<NodeItem*> m_items;
    CostOverlay m_overlay = CostOverlay::None;
    bool m_syncing = false;
    bool m_initialViewPending = false;
    bool m_rangeClick = false;
};

} // namespace tessera::ui
