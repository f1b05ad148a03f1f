#include "ui/device_table_model.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>

#include "ui/layer_table_model.h"
#include "ui/palette.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"

namespace tessera::ui {

namespace {
// The status cell: the state's text, a coloured dot, the reason or the probed facts as tooltip.
QVariant statusData(const DeviceStatus& status, int role) {
    switch (role) {
    case Qt::DisplayRole:
        return statusText(status);
    case Qt::ToolTipRole:
        return status.state == ProbeState::Unknown
                   ? DeviceTableModel::tr("Not probed yet: Probe connects to the device and asks what it is")
                   : statusDetails(status);
    case Qt::DecorationRole:
        switch (status.state) {
        case ProbeState::Unknown:
            return QColor(0x9a, 0x9a, 0xa0);
        case ProbeState::Connecting:
            return QColor(0xe0, 0xa1, 0x3c);
        case ProbeState::Ready:
            return QColor(0x3c, 0xa0, 0x50);
        case ProbeState::Failed:
            return QColor(0xd0, 0x1c, 0x1c);
        }
        break;
    default:
        break;
    }
    return {};
}
} // namespace

DeviceTableModel::DeviceTableModel(ProjectModel* project, QObject* parent)
    : QAbstractTableModel(parent)
    , m_project(project) {
    auto reset = [this] {
        beginResetModel();
        endResetModel();
    };
    // Devices come and go with the cluster; a reset is cheap for a handful of rows.
    connect(project, &ProjectModel::projectReset, this, [this, reset] {
        m_statuses.clear();
        reset();
    });
    connect(project, &ProjectModel::clusterChanged, this, reset);
}

int DeviceTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_project->hasProject() ? 0 : int(m_project->cluster().devices.size());
}

int DeviceTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeviceTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& cluster = m_project->cluster();
    const auto& device = cluster.devices[std::size_t(index.row())];
    if (role == Qt::DecorationRole && index.column() == Name) {
        return deviceColor(index.row());
    }
    if (role == Qt::ToolTipRole && index.column() == Name) {
        return tr("Drop layers here to run them whole on %1, or a tile of the tile editor to run it there; "
                  "drag "
                  "the device onto a tile to run that tile on it")
            .arg(toQString(device.name));
    }
    if (index.column() == Status) {
        return statusData(status(index.row()), role);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case Name:
        return index.row() == cluster.gateway ? tr("%1 (gateway)").arg(toQString(device.name))
                                              : toQString(device.name);
    case Host:
        return toQString(device.host);
    case Memory:
        return bytesText(device.memoryBytes);
    case Speed:
        return tr("%1 GMAC/s").arg(device.macsPerSecond / 1e9, 0, 'g', 3);
    case Threads:
        return device.threads;
    case Link:
        return bitsPerSecondText(device.linkBitsPerSecond);
    default:
        break;
    }
    return {};
}

QVariant DeviceTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Name:
        return tr("Device");
    case Status:
        return tr("Status");
    case Host:
        return tr("Host");
    case Memory:
        return tr("Memory budget");
    case Speed:
        return tr("Speed");
    case Threads:
        return tr("Threads");
    case Link:
        return tr("Link");
    default:
        break;
    }
    return {};
}

Qt::ItemFlags DeviceTableModel::flags(const QModelIndex& index) const {
    const auto base = QAbstractTableModel::flags(index);
    return index.isValid() ? base | Qt::ItemIsDropEnabled | Qt::ItemIsDragEnabled : base;
}

QStringList DeviceTableModel::mimeTypes() const {
    return {QString::fromLatin1(kLayersMimeType), QString::fromLatin1(kTileMimeType)};
}

QMimeData* DeviceTableModel::mimeData(const QModelIndexList& indexes) const {
    // A device row dragged out: onto a tile of the tile editor.
    return indexes.isEmpty() ? nullptr : deviceMimeData(indexes.front().row());
}

Qt::DropActions DeviceTableModel::supportedDropActions() const {
    return Qt::CopyAction | Qt::MoveAction;
}

bool DeviceTableModel::canDropMimeData(const QMimeData* data, Qt::DropAction, int, int,
                                       const QModelIndex& parent) const {
    return parent.isValid() && (data->hasFormat(QString::fromLatin1(kLayersMimeType)) ||
                                data->hasFormat(QString::fromLatin1(kTileMimeType)));
}

bool DeviceTableModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                    const QModelIndex& parent) {
    if (!canDropMimeData(data, action, row, column, parent)) {
        return false;
    }
    if (const auto tile = tileFromMime(data)) {
        emit tileDropped(*tile, parent.row());
        return false; // applied through the project
    }
    QDataStream stream(data->data(QString::fromLatin1(kLayersMimeType)));
    std::vector<int> nodes;
    while (!stream.atEnd()) {
        qint32 node = 0;
        stream >> node;
        nodes.push_back(node);
    }
    if (nodes.empty()) {
        return false;
    }
    emit layersDropped(nodes, parent.row());
    // The placement is applied through the project, not by moving rows here.
    return false;
}

void DeviceTableModel::setStatus(const QString& device, const DeviceStatus& status) {
    m_statuses.insert(device, status);
    if (!m_project->hasProject()) {
        return;
    }
    if (const auto row = m_project->cluster().find(toStdString(device))) {
        emit dataChanged(index(*row, Status), index(*row, Status));
    }
}

DeviceStatus DeviceTableModel::status(int row) const {
    if (!m_project->hasProject() || row < 0 || row >= int(m_project->cluster().devices.size())) {
        return {};
    }
    return m_statuses.value(toQString(m_project->cluster().devices[std::size_t(row)].name));
}

void DeviceTableModel::refreshTexts() {
    if (rowCount() > 0) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

} // namespace tessera::ui
