#include "ui/layer_table_model.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>

#include <set>

#include "ui/plan_edit.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"

namespace tessera::ui {

LayerTableModel::LayerTableModel(ProjectModel* project, QObject* parent)
    : QAbstractTableModel(parent)
    , m_project(project) {
    connect(project, &ProjectModel::projectReset, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(project, &ProjectModel::planChanged, this, &LayerTableModel::planChanged);
    connect(project, &ProjectModel::clusterChanged, this, &LayerTableModel::planChanged);
}

void LayerTableModel::planChanged() {
    if (rowCount() > 0) {
        emit dataChanged(index(0, Scheme), index(rowCount() - 1, Device), {Qt::DisplayRole, SortRole});
    }
}

int LayerTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_project->hasProject() ? 0 : int(m_project->model().graph.nodes.size());
}

int LayerTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LayerTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto row = std::size_t(index.row());
    const auto& graph = m_project->model().graph;
    const auto& node = graph.nodes[row];
    const auto& cost = m_project->modelCost().layers[row];
    if (role == Qt::TextAlignmentRole) {
        const bool numeric = index.column() == Id || index.column() == Params || index.column() == Macs ||
                             index.column() == Activations;
        return QVariant::fromValue(numeric ? Qt::AlignRight | Qt::AlignVCenter
                                           : Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole) {
        return {};
    }
    const bool display = role != SortRole;
    switch (index.column()) {
    case Id:
        return index.row();
    case Name:
        return toQString(node.name);
    case Op:
        return toQString(node.opType);
    case Shape: {
        const auto* out = node.outputs.empty() ? nullptr : graph.value(node.outputs[0]);
        return out ? shapeText(out->shape) : QString();
    }
    case Params:
        return display ? QVariant(countText(cost.params)) : QVariant(qint64(cost.params));
    case Macs:
        return display ? QVariant(countText(cost.macs)) : QVariant(qint64(cost.macs));
    case Activations:
        return display ? QVariant(bytesText(cost.outputBytes)) : QVariant(qint64(cost.outputBytes));
    case Scheme: {
        const int stage = m_project->plan().stageOf(row);
        if (stage < 0) {
            return QString();
        }
        const auto& s = m_project->plan().stages[std::size_t(stage)];
        QString text = toQString(partition::toString(s.kind));
        if (s.kind == partition::StageKind::Tiles) {
            text += QStringLiteral(" %1x%2").arg(s.rows()).arg(s.columns());
        }
        return text;
    }
    case Device: {
        QStringList names;
        for (int d : devicesOfNode(m_project->plan(), row)) {
            names.append(toQString(m_project->cluster().devices[std::size_t(d)].name));
        }
        return names.join(QStringLiteral(", "));
    }
    default:
        break;
    }
    return {};
}

QVariant LayerTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Id:
        return tr("#");
    case Name:
        return tr("Name");
    case Op:
        return tr("Op");
    case Shape:
        return tr("Output shape");
    case Params:
        return tr("Params");
    case Macs:
        return tr("MACs");
    case Activations:
        return tr("Activations");
    case Scheme:
        return tr("Scheme");
    case Device:
        return tr("Device");
    default:
        break;
    }
    return {};
}

Qt::ItemFlags LayerTableModel::flags(const QModelIndex& index) const {
    const auto base = QAbstractTableModel::flags(index);
    return index.isValid() ? base | Qt::ItemIsDragEnabled : base;
}

QStringList LayerTableModel::mimeTypes() const {
    return {QString::fromLatin1(kLayersMimeType)};
}

QMimeData* LayerTableModel::mimeData(const QModelIndexList& indexes) const {
    std::set<int> rows;
    for (const auto& i : indexes) {
        if (i.isValid()) {
            rows.insert(i.row());
        }
    }
    QByteArray bytes;
    QDataStream stream(&bytes, QIODevice::WriteOnly);
    for (int r : rows) {
        stream << qint32(r);
    }
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(kLayersMimeType), bytes);
    return mime;
}

void LayerTableModel::refreshTexts() {
    if (rowCount() > 0) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole});
    }
}

} // namespace tessera::ui
