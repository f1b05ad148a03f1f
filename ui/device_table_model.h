#pragma once
// The cluster's devices as a table (name, the status the last probe reported - device_prober.h - host, memory
// budget, speed, threads, link). Layers dragged from
// the layer table (kLayersMimeType) can be dropped on a device row: layersDropped() reports the node rows
// and the device, and the panel turns that into a placement. Likewise a tile of the tile editor
// (kTileMimeType: tileDropped()); and a device row can be dragged onto a tile (kDeviceMimeType).

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

#include "ui/device_prober.h"
#include "ui/tile_mime.h"

namespace tessera::ui {

class ProjectModel;

class DeviceTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Status, Host, Memory, Speed, Threads, Link, ColumnCount };

    explicit DeviceTableModel(ProjectModel* project, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

    // The probe status of the device named `device` (kept by name: a renamed device is Unknown again;
    // forgotten when another project opens).
    void setStatus(const QString& device, const DeviceStatus& status);
    DeviceStatus status(int row) const;
    // Every cell's text again (after the size units changed).
    void refreshTexts();

signals:
    void layersDropped(const std::vector<int>& nodes, int device);
    void tileDropped(const tessera::ui::TileRef& tile, int device);

private:
    ProjectModel* m_project;
    QHash<QString, DeviceStatus> m_statuses;
};

} // namespace tessera::ui
