#include "ui/layer_table.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/layer_table_model.h"
#include "ui/node_selection.h"
#include "ui/project_model.h"

namespace tessera::ui {

LayerTable::LayerTable(ProjectModel* project, NodeSelection* selection, QWidget* parent)
    : QWidget(parent)
    , m_selection(selection)
    , m_model(new LayerTableModel(project, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this)) {
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(LayerTableModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_filter->setPlaceholderText(tr("Filter layers (name, op, scheme, device)…"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(LayerTableModel::Id, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setDragEnabled(true);
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this,
            [this](const QPoint& pos) { emit contextMenuRequested(m_view->viewport()->mapToGlobal(pos)); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LayerTable::syncFromView);
    connect(selection, &NodeSelection::changed, this, &LayerTable::syncFromSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->resizeColumnsToContents();
        syncFromSelection();
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
}

void LayerTable::syncFromView() {
    if (m_syncing) {
        return;
    }
    std::vector<std::size_t> nodes;
    for (const auto& row : m_view->selectionModel()->selectedRows()) {
        nodes.push_back(std::size_t(m_proxy->mapToSource(row).row()));
    }
    m_syncing = true;
    m_selection->setNodes(std::move(nodes));
    m_syncing = false;
}

void LayerTable::syncFromSelection() {
    if (m_syncing) {
        return;
    }
    m_syncing = true;
    QItemSelection rows;
    for (std::size_t node : m_selection->nodes()) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(int(node), 0));
        if (index.isValid()) {
            rows.select(index, index);
        }
    }
    m_view->selectionModel()->select(rows, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (!rows.isEmpty()) {
        m_view->scrollTo(rows.indexes().front());
    }
    m_syncing = false;
}

} // namespace tessera::ui
