#include "ui/prediction_panel.h"

#include <algorithm>

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ui/core_text.h"
#include "ui/palette.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"

namespace tessera::ui {
namespace {

constexpr int kThroughputRow = 2; // the throughput's row among the figures

} // namespace

PredictionPanel::PredictionPanel(ProjectModel* project, QWidget* parent)
    : QWidget(parent)
    , m_project(project)
    , m_figures(new QWidget(this))
    , m_message(new QLabel(this))
    , m_problems(new QLabel)
    , m_problemsArea(new QScrollArea(this))
    , m_devices(new QTableWidget(this)) {
    auto* form = new QFormLayout(m_figures);
    form->setContentsMargins(0, 0, 0, 0);
    for (const QString& name :
         {tr("Latency (one frame):"), tr("Traffic per frame:"), tr("Throughput, pipelined:"),
          tr("Redundant work (tile overlap):"), tr("Stages / tasks:")}) {
        auto* value = new QLabel;
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        if (m_rows.size() < 2) { // the two figures a plan is judged by
            QFont bold = value->font();
            bold.setBold(true);
            value->setFont(bold);
        }
        auto* label = new QLabel(name);
        form->addRow(label, value);
        m_rows.append(qMakePair(label, value));
    }
    m_message->setWordWrap(true);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("QLabel { color: #b01c1c; }"));
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_problemsArea->setWidget(m_problems);
    m_problemsArea->setWidgetResizable(true);
    m_problemsArea->setFrameShape(QFrame::NoFrame);
    m_problemsArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_problemsArea->hide();
    m_devices->setColumnCount(6);
    m_devices->setHorizontalHeaderLabels(
        {tr("Device"), tr("Tasks"), tr("Memory / budget"), tr("Compute"), tr("Sent"), tr("Received")});
    m_devices->verticalHeader()->hide();
    m_devices->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_devices->setSelectionMode(QAbstractItemView::NoSelection);
    m_devices->horizontalHeader()->setStretchLastSection(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_figures);
    layout->addWidget(m_message);
    layout->addWidget(m_problemsArea);
    layout->addWidget(m_devices, 1);
    connect(project, &ProjectModel::previewChanged, this, &PredictionPanel::refresh);
    connect(project, &ProjectModel::projectReset, this, &PredictionPanel::refresh);
    refresh();
}

QString PredictionPanel::summaryText() const {
    if (!m_figures->isVisibleTo(this)) {
        return m_message->text();
    }
    QStringList lines;
    for (const auto& [name, value] : m_rows) {
        lines << name->text() + QLatin1Char(' ') + value->text();
    }
    return lines.join(QLatin1Char('\n'));
}

void PredictionPanel::showMessage(const QString& message) {
    m_figures->hide();
    m_message->setText(message);
    m_message->show();
}

QString PredictionPanel::problemText() const {
    return m_problems->text();
}

void PredictionPanel::showRefusal(const QString& reason) {
    m_problems->setText(reason);
    m_problemsArea->setVisible(true);
    fitProblems();
}

void PredictionPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitProblems();
}

void PredictionPanel::fitProblems() {
    if (m_problemsArea->isVisibleTo(this)) {
        // the panel's width, not the area's: the area may not be laid out yet when it has just been shown
        const QMargins margins = layout()->contentsMargins();
        const int height =
            m_problems->heightForWidth(contentsRect().width() - margins.left() - margins.right());
        m_problems->setMinimumHeight(height);
        m_problemsArea->setFixedHeight(std::min(height, fontMetrics().lineSpacing() * 6));
    }
}

void PredictionPanel::refresh() {
    // Texts are set only where they change, and rows are kept: a dragged cut line changes a few numbers.
    const auto showProblems = [this](const QString& text) {
        if (m_problems->text() != text) {
            m_problems->setText(text);
        }
        m_problemsArea->setVisible(!text.isEmpty());
        fitProblems();
    };
    if (!m_project->hasProject()) {
        m_devices->setRowCount(0);
        showProblems({});
        showMessage(tr("No project open."));
        return;
    }
    const auto& preview = m_project->preview();
    const auto& cluster = m_project->cluster();
    if (!preview.valid) {
        m_devices->setRowCount(0);
        showMessage(tr("<b>The plan is not valid</b>; nothing can be predicted until it is fixed."));
        showProblems(CoreText::translate(preview.problems).join(QLatin1Char('\n')));
        return;
    }
    const auto& cost = preview.cost;
    const double redundant =
        cost.modelMacs > 0 ? 100.0 * double(cost.redundantMacs()) / double(cost.modelMacs) : 0;
    m_message->hide();
    m_figures->show();
    // the period: one frame per period of the busiest device's CPU or link, for a stream pipelined at best
    const double period = preview.frame.periodSeconds;
    const QStringList figures = {
        secondsText(preview.latencySeconds), bytesText(cost.trafficBytes),
        period > 0 ? tr("at most %1 frames/s").arg(preview.framesPerSecond(), 0, 'f', 2) : QString(),
        tr("%1%").arg(redundant, 0, 'f', 1),
        tr("%1 / %2").arg(m_project->plan().stages.size()).arg(preview.tasks)};
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].second->text() != figures[row]) {
            m_rows[row].second->setText(figures[row]);
        }
    }
    m_rows[kThroughputRow].second->setToolTip(
        period > 0 ? tr("A stream of frames pipelined through the plan: one frame per %1, the busiest "
                        "device's CPU or link per frame")
                         .arg(secondsText(period))
                   : QString());
    showProblems(CoreText::translate(preview.overBudget).join(QLatin1Char('\n')));
    const int devices = int(cluster.devices.size());
    if (m_devices->rowCount() != devices) {
        m_devices->setRowCount(0);
        m_devices->setRowCount(devices);
    }
    const auto cell = [this](int row, int column, const QString& text) {
        auto* item = m_devices->item(row, column);
        if (!item) {
            item = new QTableWidgetItem;
            m_devices->setItem(row, column, item);
        }
        if (item->text() != text) {
            item->setText(text);
        }
        return item;
    };
    for (int d = 0; d < devices; ++d) {
        const auto& device = cost.devices[std::size_t(d)];
        const double busy =
            d < int(preview.deviceBusySeconds.size()) ? preview.deviceBusySeconds[std::size_t(d)] : 0;
        cell(d, 0, toQString(cluster.devices[std::size_t(d)].name))
            ->setData(Qt::DecorationRole, deviceColor(d));
        cell(d, 1, QString::number(device.tasks));
        cell(d, 2, tr("%1 / %2").arg(bytesText(device.totalBytes), bytesText(device.budgetBytes)))
            ->setData(Qt::ForegroundRole, device.fits() ? QVariant() : QVariant(QColor(0xb0, 0x1c, 0x1c)));
        cell(d, 3, secondsText(busy));
        cell(d, 4, bytesText(device.sentBytes));
        cell(d, 5, bytesText(device.receivedBytes));
    }
    m_devices->resizeColumnsToContents();
}

} // namespace tessera::ui
