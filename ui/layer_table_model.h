#pragma once
// The per-layer table (one row per graph node): id, name, op, output shape, params, MACs, activation bytes,
// the plan's scheme and device(s). Display text is formatted; SortRole gives numbers so sorting is by value.
// Rows can be dragged (kLayersMimeType: the node indices) onto a device for whole-layer placement.

#include <QAbstractTableModel>

namespace tessera::ui {

class ProjectModel;

inline constexpr const char* kLayersMimeType = "application/x-tessera-layers";

class LayerTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Name, Op, Shape, Params, Macs, Activations, Scheme, Device, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit LayerTableModel(ProjectModel* project, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    // Every cell's text again (after the size units changed).
    void refreshTexts();

private:
    void planChanged();
    ProjectModel* m_project;
};

} // namespace tessera::ui
