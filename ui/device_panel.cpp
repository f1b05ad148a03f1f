#include "ui/device_panel.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/device_dialog.h"
#include "ui/device_prober.h"
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

DevicePanel::DevicePanel(ProjectModel* project, PartitionEditor* editor, DeviceProber* prober,
                         QWidget* parent)
    : QWidget(parent)
    , m_project(project)
    , m_prober(prober)
    , m_model(new DeviceTableModel(project, this))
    , m_view(new QTableView(this))
    , m_add(new QToolButton(this))
    , m_edit(new QToolButton(this))
    , m_remove(new QToolButton(this))
    , m_probe(new QToolButton(this))
    , m_stopProbe(new QToolButton(this)) {
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection); // several devices to probe
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

    auto* probeMenu = new QMenu(m_probe);
    auto* probeSelectedAction =
        probeMenu->addAction(tr("Probe &Selected Devices"), this, &DevicePanel::probeSelected);
    probeSelectedAction->setObjectName(QStringLiteral("probeSelectedAction"));
    auto* probeAllAction = probeMenu->addAction(tr("Probe &All Devices"), this, &DevicePanel::probeAll);
    probeAllAction->setObjectName(QStringLiteral("probeAllAction"));
    m_probe->setObjectName(QStringLiteral("probeButton"));
    m_probe->setText(tr("Probe"));
    m_probe->setToolTip(tr("Connect to the selected devices (all when none is selected) and ask their "
                           "architecture, OS, memory and tessera-node: over SSH for devices with an SSH "
                           "block, on this machine for the emulated ones"));
    m_probe->setMenu(probeMenu);
    m_probe->setPopupMode(QToolButton::MenuButtonPopup);
    connect(m_probe, &QToolButton::clicked, this, &DevicePanel::probeSelected);
    m_stopProbe->setObjectName(QStringLiteral("stopProbeButton"));
    m_stopProbe->setText(tr("Stop"));
    m_stopProbe->setToolTip(tr("Stop the running probe: devices that have not answered yet go back to "
                               "Unknown, without waiting for their connections to time out"));
    connect(m_stopProbe, &QToolButton::clicked, this, &DevicePanel::stopProbe);
    connect(m_prober, &DeviceProber::statusChanged, this, &DevicePanel::statusArrived);
    connect(m_prober, &DeviceProber::finished, this, &DevicePanel::updateButtons);
    connect(project, &ProjectModel::clusterChanged, this, &DevicePanel::stopRemovedDevices);
    // a probe of the previous project must not report onto same-named devices of the next
    connect(project, &ProjectModel::projectReset, m_prober, &DeviceProber::abandon);
    m_prober->setQuestions(
        [this](const QString& where, const QString& keyType, const QString& fingerprint) {
            return QMessageBox::question(
                       this, tr("Unknown Host Key"),
                       tr("%1 presents a host key that is not in known_hosts:\n\n%2 %3\n\nCompare it with "
                          "the device's own (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the device). "
                          "Trust this key and add it to known_hosts?")
                           .arg(where, keyType, fingerprint),
                       QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
        },
        [this](const QString& prompt) -> std::optional<QString> {
            bool ok = false;
            const QString passphrase =
                QInputDialog::getText(this, tr("Key Passphrase"), prompt, QLineEdit::Password, {}, &ok);
            return ok ? std::optional<QString>(passphrase) : std::nullopt;
        });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_probe);
    buttons->addWidget(m_stopProbe);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(buttons);
    layout->addWidget(m_view);
    updateButtons();
}

int DevicePanel::currentDevice() const {
    const auto rows = selectedDevices();
    return rows.size() == 1 ? rows.front() : -1;
}

QList<int> DevicePanel::selectedDevices() const {
    QList<int> rows;
    for (const auto& index : m_view->selectionModel()->selectedRows()) {
        rows.append(index.row());
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

void DevicePanel::updateButtons() {
    const int device = currentDevice();
    m_add->setEnabled(m_project->hasProject());
    m_edit->setEnabled(device >= 0);
    m_remove->setEnabled(device >= 0 && m_project->hasProject() && m_project->cluster().devices.size() > 1);
    m_probe->setEnabled(m_project->hasProject());
    m_stopProbe->setEnabled(!m_prober->pendingDevices().isEmpty());
}

bool DevicePanel::stopProbe() {
    if (m_prober->pendingDevices().isEmpty()) {
        return false;
    }
    m_prober->stop();
    updateButtons();
    return true;
}

void DevicePanel::stopRemovedDevices() {
    QSet<QString> gone = m_prober->pendingDevices();
    for (const auto& device : m_project->cluster().devices) {
        gone.remove(toQString(device.name));
    }
    m_prober->stopDevices(gone);
    updateButtons();
}

bool DevicePanel::probeDevices(const QList<int>& rows) {
    if (!m_project->hasProject() || rows.isEmpty()) {
        return false;
    }
    const QString file = m_project->filePath();
    m_prober->probe(m_project->cluster(), rows, file.isEmpty() ? QString() : QFileInfo(file).absolutePath());
    updateButtons();
    return true;
}

bool DevicePanel::probeAll() {
    QList<int> rows;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        rows.append(row);
    }
    return probeDevices(rows);
}

bool DevicePanel::probeSelected() {
    const auto rows = selectedDevices();
    return rows.isEmpty() ? probeAll() : probeDevices(rows);
}

void DevicePanel::statusArrived(const QString& device, const DeviceStatus& status) {
    m_model->setStatus(device, status);
    updateButtons();
    m_view->resizeColumnToContents(DeviceTableModel::Status);
    if (status.hostKeyChanged) {
        // never accepted, and said where it cannot be missed
        auto* box = new QMessageBox(QMessageBox::Critical, tr("Host Key Changed"), status.reason,
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
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
