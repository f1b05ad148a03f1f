#include "ui/device_panel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMenu>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/device_dialog.h"
#include "ui/device_table_model.h"
#include "ui/partition_editor.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"
#include "ui/undo_commands.h"

namespace tessera::ui {

QList<QPair<QString, QString>> DevicePanel::presets() {
    return {{QStringLiteral("rpi3b"), tr("Raspberry Pi 3 Model B")},
            {QStringLiteral("rpi4"), tr("Raspberry Pi 4 (4 GB)")},
            {QStringLiteral("rpi5"), tr("Raspberry Pi 5 (8 GB)")},
            {QStringLiteral("jetson-nano"), tr("Jetson Nano (CPU)")},
            {QStringLiteral("emulated"), tr("Emulated device (¼ core, 100 Mbit/s)")}};
}

DevicePanel::DevicePanel(ProjectModel* project, PartitionEditor* editor, QWidget* parent)
    : QWidget(parent)
    , m_project(project)
    , m_model(new DeviceTableModel(project, this))
    , m_view(new QTableView(this))
    , m_add(new QToolButton(this))
    , m_edit(new QToolButton(this))
    , m_remove(new QToolButton(this)) {
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAcceptDrops(true);
    m_view->setDragDropMode(QAbstractItemView::DragDrop); // devices drag onto tiles of the tile editor
    m_view->setDragEnabled(true);
    m_view->setDropIndicatorShown(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &DevicePanel::editCurrent);
    connect(m_model, &DeviceTableModel::layersDropped, editor,
            [editor](const std::vector<int>& nodes, int device) {
                const auto [low, high] = std::minmax_element(nodes.begin(), nodes.end());
                editor->place(std::size_t(*low), std::size_t(*high), device);
            });
    connect(m_model, &DeviceTableModel::tileDropped, editor,
            [editor](const TileRef& tile, int device) { editor->assignTile(tile.node, tile.tile, device); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->resizeColumnsToContents();
        updateButtons();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DevicePanel::updateButtons);

    auto* presetMenu = new QMenu(m_add);
    for (const auto& [key, label] : presets()) {
        presetMenu->addAction(label, this, [this, key = key] { addPreset(key); });
    }
    presetMenu->addSeparator();
    presetMenu->addAction(tr("Custom device…"), this, [this] {
        cost::Device device = *cost::presetDevice("rpi4");
        device.name = toStdString(uniqueName(QStringLiteral("device")));
        DeviceDialog dialog(device, this);
        if (dialog.exec() == QDialog::Accepted) {
            addDevice(dialog.device());
        }
    });
    m_add->setText(tr("Add"));
    m_add->setToolTip(tr("Add a device from a board preset or a custom one"));
    m_add->setMenu(presetMenu);
    m_add->setPopupMode(QToolButton::InstantPopup);
    m_edit->setText(tr("Edit…"));
    m_remove->setText(tr("Remove"));
    connect(m_edit, &QToolButton::clicked, this, &DevicePanel::editCurrent);
    connect(m_remove, &QToolButton::clicked, this, [this] { removeDevice(currentDevice()); });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(buttons);
    layout->addWidget(m_view);
    updateButtons();
}

int DevicePanel::currentDevice() const {
    const auto rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.front().row();
}

void DevicePanel::updateButtons() {
    const int device = currentDevice();
    m_add->setEnabled(m_project->hasProject());
    m_edit->setEnabled(device >= 0);
    m_remove->setEnabled(device >= 0 && m_project->hasProject() && m_project->cluster().devices.size() > 1);
}

QString DevicePanel::uniqueName(const QString& stem) const {
    for (int n = 1;; ++n) {
        const QString name = QStringLiteral("%1-%2").arg(stem).arg(n);
        if (!m_project->cluster().find(toStdString(name))) {
            return name;
        }
    }
}

bool DevicePanel::addPreset(const QString& presetKey) {
    auto device = cost::presetDevice(toStdString(presetKey));
    if (!device || !m_project->hasProject()) {
        return false;
    }
    device->name = toStdString(uniqueName(presetKey));
    return addDevice(*device);
}

bool DevicePanel::addDevice(cost::Device device) {
    if (!m_project->hasProject()) {
        return false;
    }
    if (m_project->cluster().find(device.name)) {
        emit refused(tr("There is already a device named %1.").arg(toQString(device.name)));
        return false;
    }
    m_project->undoStack()->push(new AddDeviceCommand(m_project, std::move(device)));
    return true;
}

bool DevicePanel::editDevice(int index, const cost::Device& device) {
    if (!m_project->hasProject() || index < 0 || index >= int(m_project->cluster().devices.size())) {
        return false;
    }
    const auto& before = m_project->cluster().devices[std::size_t(index)];
    if (before == device) {
        return false;
    }
    if (auto other = m_project->cluster().find(device.name); other && *other != index) {
        emit refused(tr("There is already a device named %1.").arg(toQString(device.name)));
        return false;
    }
    m_project->undoStack()->push(new EditDeviceCommand(m_project, index, before, device));
    return true;
}

bool DevicePanel::removeDevice(int index) {
    if (!m_project->hasProject() || index < 0 || index >= int(m_project->cluster().devices.size())) {
        return false;
    }
    if (m_project->cluster().devices.size() < 2) {
        emit refused(tr("A cluster needs at least one device."));
        return false;
    }
    m_project->undoStack()->push(new RemoveDeviceCommand(m_project, index));
    return true;
}

void DevicePanel::editCurrent() {
    const int index = currentDevice();
    if (index < 0) {
        return;
    }
    DeviceDialog dialog(m_project->cluster().devices[std::size_t(index)], this);
    if (dialog.exec() == QDialog::Accepted) {
        editDevice(index, dialog.device());
    }
}

} // namespace tessera::ui
