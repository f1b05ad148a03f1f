#include "ui/device_dialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

#include <cmath>

#include "ui/qt_convert.h"

namespace tessera::ui {

namespace {
constexpr double kMiB = 1024.0 * 1024.0;
}

DeviceDialog::DeviceDialog(const cost::Device& device, QWidget* parent)
    : QDialog(parent)
    , m_base(device)
    , m_name(new QLineEdit(toQString(device.name), this))
    , m_host(new QLineEdit(toQString(device.host), this))
    , m_memory(new QSpinBox(this))
    , m_speed(new QDoubleSpinBox(this))
    , m_threads(new QSpinBox(this))
    , m_bandwidth(new QDoubleSpinBox(this)) {
    setWindowTitle(tr("Device"));
    m_host->setPlaceholderText(tr("address for deployment (optional for planning)"));
    // wide enough for the placeholder in every language
    m_host->setMinimumWidth(m_host->fontMetrics().horizontalAdvance(m_host->placeholderText()) +
                            m_host->fontMetrics().averageCharWidth() * 4);
    m_memory->setRange(1, 1 << 20);
    m_memory->setSuffix(tr(" MiB"));
    m_memory->setValue(int(std::lround(double(device.memoryBytes) / kMiB)));
    m_speed->setRange(0.01, 100000);
    m_speed->setDecimals(2);
    m_speed->setSuffix(tr(" GMAC/s"));
    m_speed->setValue(device.macsPerSecond / 1e9);
    m_threads->setRange(1, 256);
    m_threads->setValue(device.threads);
    m_bandwidth->setRange(0.1, 1e6);
    m_bandwidth->setDecimals(1);
    m_bandwidth->setSuffix(tr(" Mbit/s"));
    m_bandwidth->setValue(device.linkBitsPerSecond / 1e6);

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Memory budget:"), m_memory);
    form->addRow(tr("&Speed (conv/GEMM):"), m_speed);
    form->addRow(tr("&Threads:"), m_threads);
    form->addRow(tr("&Link bandwidth:"), m_bandwidth);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, [buttons](const QString& text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
    form->addRow(buttons);
}

cost::Device DeviceDialog::device() const {
    cost::Device device = m_base;
    device.name = toStdString(m_name->text().trimmed());
    device.host = toStdString(m_host->text().trimmed());
    device.memoryBytes = std::int64_t(m_memory->value()) * std::int64_t(kMiB);
    device.macsPerSecond = m_speed->value() * 1e9;
    device.threads = m_threads->value();
    device.linkBitsPerSecond = m_bandwidth->value() * 1e6;
    return device;
}

} // namespace tessera::ui
