#pragma once
// The layer table panel: a filter box over the sortable per-layer table. Its selection and the shared
// NodeSelection follow each other both ways.

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace tessera::ui {

class LayerTableModel;
class NodeSelection;
class ProjectModel;

class LayerTable : public QWidget {
    Q_OBJECT
public:
    LayerTable(ProjectModel* project, NodeSelection* selection, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    LayerTableModel* tableModel() const { return m_model; }

signals:
    void contextMenuRequested(const QPoint& globalPos);

private:
    void syncFromView();
    void syncFromSelection();

    NodeSelection* m_selection;
    LayerTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QTableView* m_view;
    bool m_syncing = false;
};

} // namespace tessera::ui
