#include "ui/prediction_panel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ui/palette.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"

namespace tessera::ui {

PredictionPanel::PredictionPanel(ProjectModel* project, QWidget* parent)
    : QWidget(parent)
    , m_project(project)
    , m_summary(new QLabel(this))
    , m_problems(new QLabel(this))
    , m_devices(new QTableWidget(this)) {
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("QLabel { color: #b01c1c; }"));
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_devices->setColumnCount(6);
    m_devices->setHorizontalHeaderLabels(
        {tr("Device"), tr("Tasks"), tr("Memory / budget"), tr("Compute"), tr("Sent"), tr("Received")});
    m_devices->verticalHeader()->hide();
    m_devices->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_devices->setSelectionMode(QAbstractItemView::NoSelection);
    m_devices->horizontalHeader()->setStretchLastSection(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_summary);
    layout->addWidget(m_problems);
    layout->addWidget(m_devices, 1);
    connect(project, &ProjectModel::previewChanged, this, &PredictionPanel::refresh);
    connect(project, &ProjectModel::projectReset, this, &PredictionPanel::refresh);
    refresh();
}

QString PredictionPanel::summaryText() const {
    return m_summary->text();
}

QString PredictionPanel::problemText() const {
    return m_problems->text();
}

void PredictionPanel::showRefusal(const QString& reason) {
    m_problems->setText(reason);
    m_problems->setVisible(true);
}

void PredictionPanel::refresh() {
    m_devices->setRowCount(0);
    m_problems->clear();
    m_problems->setVisible(false);
    if (!m_project->hasProject()) {
        m_summary->setText(tr("No project open."));
        return;
    }
    const auto& preview = m_project->preview();
    const auto& cluster = m_project->cluster();
    if (!preview.valid) {
        m_summary->setText(tr("<b>The plan is not valid</b>; nothing can be predicted until it is fixed."));
        m_problems->setText(toQStringList(preview.problems).join(QLatin1Char('\n')));
        m_problems->setVisible(true);
        return;
    }
    const auto& cost = preview.cost;
    const double redundant =
        cost.modelMacs > 0 ? 100.0 * double(cost.redundantMacs()) / double(cost.modelMacs) : 0;
    m_summary->setText(tr("<table cellspacing='4'>"
                          "<tr><td>Latency (one frame):</td><td><b>%1</b></td></tr>"
                          "<tr><td>Traffic per frame:</td><td><b>%2</b></td></tr>"
                          "<tr><td>Redundant work (tile overlap):</td><td>%3%</td></tr>"
                          "<tr><td>Stages / tasks:</td><td>%4 / %5</td></tr></table>")
                           .arg(secondsText(preview.latencySeconds), bytesText(cost.trafficBytes))
                           .arg(redundant, 0, 'f', 1)
                           .arg(m_project->plan().stages.size())
                           .arg(preview.tasks));
    if (!preview.overBudget.empty()) {
        m_problems->setText(toQStringList(preview.overBudget).join(QLatin1Char('\n')));
        m_problems->setVisible(true);
    }
    m_devices->setRowCount(int(cluster.devices.size()));
    for (int d = 0; d < int(cluster.devices.size()); ++d) {
        const auto& device = cost.devices[std::size_t(d)];
        const double busy =
            d < int(preview.deviceBusySeconds.size()) ? preview.deviceBusySeconds[std::size_t(d)] : 0;
        auto* name = new QTableWidgetItem(toQString(cluster.devices[std::size_t(d)].name));
        name->setData(Qt::DecorationRole, deviceColor(d));
        auto* memory = new QTableWidgetItem(
            tr("%1 / %2").arg(bytesText(device.totalBytes), bytesText(device.budgetBytes)));
        if (!device.fits()) {
            memory->setForeground(QColor(0xb0, 0x1c, 0x1c));
        }
        m_devices->setItem(d, 0, name);
        m_devices->setItem(d, 1, new QTableWidgetItem(QString::number(device.tasks)));
        m_devices->setItem(d, 2, memory);
        m_devices->setItem(d, 3, new QTableWidgetItem(secondsText(busy)));
        m_devices->setItem(d, 4, new QTableWidgetItem(bytesText(device.sentBytes)));
        m_devices->setItem(d, 5, new QTableWidgetItem(bytesText(device.receivedBytes)));
    }
    m_devices->resizeColumnsToContents();
}

} // namespace tessera::ui
