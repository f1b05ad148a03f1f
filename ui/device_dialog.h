#pragma once
// Edits one device: name, host, memory budget, speed, threads and link bandwidth. The other properties
// (architecture, per-operator overhead, latency, runtime overhead) are kept from the device given.

#include <QDialog>

#include "core/cost/cluster.h"

class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace tessera::ui {

class DeviceDialog : public QDialog {
    Q_OBJECT
public:
    DeviceDialog(const cost::Device& device, QWidget* parent = nullptr);
    cost::Device device() const;

    QLineEdit* nameEdit() const { return m_name; }
    QSpinBox* memoryEdit() const { return m_memory; }

private:
    cost::Device m_base;
    QLineEdit* m_name;
    QLineEdit* m_host;
    QSpinBox* m_memory;
    QDoubleSpinBox* m_speed;
    QSpinBox* m_threads;
    QDoubleSpinBox* m_bandwidth;
};

} // namespace tessera::ui
