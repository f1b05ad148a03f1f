#pragma once
// The device panel: the cluster's devices with add (board presets or a custom device), edit and remove, each
// one undoable command; layers dropped on a device are placed on it through the partition editor, tiles
// dropped on a device run on it, and a device dragged onto a tile of the tile editor runs that tile.
// Probe (the selected devices, or all) asks the deployer what each device is (device_prober.h); the Status
// column follows each device as the answers arrive; host key and passphrase questions are asked here. Stop
// ends the running probe (its unanswered devices go back to Unknown); removing or renaming a device that is
// being probed stops its probe.

#include <QWidget>

#include <QString>

#include "core/cost/cluster.h"

class QTableView;
class QToolButton;

namespace tessera::ui {

class DeviceProber;
struct DeviceStatus;
class DeviceTableModel;
class PartitionEditor;
class ProjectModel;

class DevicePanel : public QWidget {
    Q_OBJECT
public:
    DevicePanel(ProjectModel* project, PartitionEditor* editor, DeviceProber* prober,
                QWidget* parent = nullptr);

    // Each pushes one undo command (false when it does not apply).
    bool addPreset(const QString& presetKey);
    bool addDevice(cost::Device device);
    bool editDevice(int index, const cost::Device& device);
    bool removeDevice(int index);
    // Starts probing these device rows (all: every device); false when there is nothing to probe.
    bool probeDevices(const QList<int>& rows);
    bool probeAll();
    // The selected rows, or every row when none is selected.
    bool probeSelected();
    // Stops the running probe; false when none runs.
    bool stopProbe();

    QTableView* view() const { return m_view; }
    DeviceTableModel* tableModel() const { return m_model; }
    DeviceProber* prober() const { return m_prober; }
    // The presets offered, as (core preset key, translated label).
    static QList<QPair<QString, QString>> presets();

signals:
    void refused(const QString& reason);

private:
    int currentDevice() const;
    QList<int> selectedDevices() const;
    void statusArrived(const QString& device, const DeviceStatus& status);
    void editCurrent();
    QString uniqueName(const QString& stem) const;
    void updateButtons();
    void stopRemovedDevices();

    ProjectModel* m_project;
    DeviceProber* m_prober;
    DeviceTableModel* m_model;
    QTableView* m_view;
    QToolButton* m_add;
    QToolButton* m_edit;
    QToolButton* m_remove;
    QToolButton* m_probe;
    QToolButton* m_stopProbe;
};

} // namespace tessera::ui
