#pragma once
// The device panel: the cluster's devices with add (board presets or a custom device), edit and remove, each
// one undoable command; layers dropped on a device are placed on it through the partition editor, tiles
// dropped on a device run on it, and a device dragged onto a tile of the tile editor runs that tile.

#include <QWidget>

#include <QString>

#include "core/cost/cluster.h"

class QTableView;
class QToolButton;

namespace tessera::ui {

class DeviceTableModel;
class PartitionEditor;
class ProjectModel;

class DevicePanel : public QWidget {
    Q_OBJECT
public:
    DevicePanel(ProjectModel* project, PartitionEditor* editor, QWidget* parent = nullptr);

    // Each pushes one undo command (false when it does not apply).
    bool addPreset(const QString& presetKey);
    bool addDevice(cost::Device device);
    bool editDevice(int index, const cost::Device& device);
    bool removeDevice(int index);

    QTableView* view() const { return m_view; }
    DeviceTableModel* tableModel() const { return m_model; }
    // The presets offered, as (core preset key, translated label).
    static QList<QPair<QString, QString>> presets();

signals:
    void refused(const QString& reason);

private:
    int currentDevice() const;
    void editCurrent();
    QString uniqueName(const QString& stem) const;
    void updateButtons();

    ProjectModel* m_project;
    DeviceTableModel* m_model;
    QTableView* m_view;
    QToolButton* m_add;
    QToolButton* m_edit;
    QToolButton* m_remove;
};

} // namespace tessera::ui
