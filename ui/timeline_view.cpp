#include "ui/timeline_view.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QPainter>
#include <QSpinBox>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "ui/palette.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"

namespace tessera::ui {
namespace {

constexpr int kComputeRow = 22, kLinkRow = 9, kAxis = 22, kMargin = 6;

QColor stageColor(int stage) {
    // neighbouring stages far apart on the hue circle
    return QColor::fromHsv((stage * 137) % 360, 120, 215);
}

// A "nice" step (1, 2 or 5 times a power of ten) giving about `ticks` ticks over `span`.
double tickStep(double span, int ticks) {
    const double raw = span / std::max(1, ticks);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0}) {
        if (m * power >= raw) {
            return m * power;
        }
    }
    return 10 * power;
}

} // namespace

TimelineCanvas::TimelineCanvas(QWidget* parent)
    : QWidget(parent) {
    setMouseTracking(true);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void TimelineCanvas::setBars(std::vector<Bar> bars, QStringList rowNames, double makespan,
                             Describe describe) {
    m_bars = std::move(bars);
    m_describe = std::move(describe);
    m_rowNames = std::move(rowNames);
    m_makespan = makespan;
    m_labelWidth = 0;
    for (const QString& name : m_rowNames) {
        m_labelWidth = std::max(m_labelWidth, fontMetrics().horizontalAdvance(name));
    }
    m_labelWidth += 2 * kMargin;
    layoutBars();
    updateGeometry();
    update();
}

double TimelineCanvas::rowHeight(int row) const {
    return row % 2 == 0 ? kComputeRow : kLinkRow;
}

double TimelineCanvas::rowTop(int row) const {
    return kMargin + (row / 2) * (kComputeRow + kLinkRow + 4) + (row % 2 == 1 ? kComputeRow : 0);
}

void TimelineCanvas::layoutBars() {
    const double left = m_labelWidth, width = std::max(1, this->width() - m_labelWidth - kMargin);
    for (Bar& bar : m_bars) {
        const double x0 = left + (m_makespan > 0 ? bar.start / m_makespan * width : 0);
        const double x1 = left + (m_makespan > 0 ? bar.end / m_makespan * width : 0);
        // at least a pixel wide, so that short tasks stay visible and can be pointed at
        bar.rect = QRectF(x0, rowTop(bar.row) + 1, std::max(1.0, x1 - x0), rowHeight(bar.row) - 2);
    }
}

QSize TimelineCanvas::sizeHint() const {
    return QSize(600, int(rowTop(int(m_rowNames.size()))) + kAxis + kMargin);
}

QSize TimelineCanvas::minimumSizeHint() const {
    return QSize(200, sizeHint().height());
}

void TimelineCanvas::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    layoutBars();
}

QString TimelineCanvas::textAt(const QPointF& pos) const {
    for (const Bar& bar : m_bars) {
        if (bar.rect.adjusted(-1, 0, 1, 0).contains(pos)) {
            return m_describe ? m_describe(bar) : QString();
        }
    }
    return {};
}

bool TimelineCanvas::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = textAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

void TimelineCanvas::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QPalette& pal = palette();
    if (m_rowNames.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No valid plan to simulate."));
        return;
    }
    const double right = width() - kMargin;
    // rows: labels and a faint band behind each device's compute row
    for (int row = 0; row < m_rowNames.size(); ++row) {
        const QRectF band(m_labelWidth, rowTop(row), right - m_labelWidth, rowHeight(row));
        if (row % 2 == 0) {
            painter.fillRect(band, pal.color(QPalette::AlternateBase));
        }
        QFont font = painter.font();
        font.setPointSizeF(row % 2 == 0 ? font.pointSizeF() : font.pointSizeF() * 0.8);
        painter.setFont(font);
        painter.setPen(pal.color(row % 2 == 0 ? QPalette::Text : QPalette::PlaceholderText));
        painter.drawText(QRectF(0, rowTop(row), m_labelWidth - kMargin, rowHeight(row)),
                         Qt::AlignRight | Qt::AlignVCenter, m_rowNames[row]);
        painter.setFont(this->font());
    }
    for (const Bar& bar : m_bars) {
        const QColor fill = bar.stage >= 0 ? stageColor(bar.stage) : pal.color(QPalette::Mid);
        painter.fillRect(bar.rect, fill);
        if (bar.rect.width() > 3) {
            painter.setPen(fill.darker(140));
            painter.drawRect(bar.rect.adjusted(0, 0, -1, -1));
        }
        if (bar.stage >= 0 && bar.rect.width() > 14) {
            painter.setPen(Qt::black);
            painter.drawText(bar.rect, Qt::AlignCenter, QString::number(bar.stage + 1));
        }
    }
    // time axis
    const double axisY = rowTop(int(m_rowNames.size())) + 2;
    painter.setPen(pal.color(QPalette::Text));
    painter.drawLine(QPointF(m_labelWidth, axisY), QPointF(right, axisY));
    if (m_makespan <= 0) {
        return;
    }
    const double step = tickStep(m_makespan, std::max(2, int((right - m_labelWidth) / 90)));
    for (double t = 0; t <= m_makespan * 1.0001; t += step) {
        const double x = m_labelWidth + t / m_makespan * (right - m_labelWidth);
        painter.drawLine(QPointF(x, axisY), QPointF(x, axisY + 4));
        const QString label = secondsText(t);
        const double w = fontMetrics().horizontalAdvance(label);
        painter.drawText(QPointF(std::min(x - w / 2, right - w), axisY + 4 + fontMetrics().ascent()), label);
    }
}

TimelineView::TimelineView(ProjectModel* project, QWidget* parent)
    : QWidget(parent)
    , m_project(project)
    , m_frames(new QSpinBox(this))
    , m_summary(new QLabel(this))
    , m_canvas(new TimelineCanvas(this)) {
    m_frames->setObjectName(QStringLiteral("timelineFrames"));
    m_frames->setRange(1, 16);
    m_frames->setToolTip(tr("Frames sent back to back: more than one shows the pipeline filling"));
    m_summary->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Frames:"), this));
    top->addWidget(m_frames);
    top->addWidget(m_summary, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_canvas, 1);
    connect(m_frames, &QSpinBox::valueChanged, this, &TimelineView::refresh);
    connect(project, &ProjectModel::previewChanged, this, &TimelineView::refresh);
    connect(project, &ProjectModel::projectReset, this, &TimelineView::refresh);
    refresh();
}

void TimelineView::setFrames(int frames) {
    m_frames->setValue(frames);
}

QString TimelineView::summaryText() const {
    return m_summary->text();
}

void TimelineView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_stale) {
        refresh();
    }
}

void TimelineView::refresh() {
    // a tabbed-away or closed timeline costs nothing per edit
    m_stale = !isVisible();
    if (m_stale) {
        return;
    }
    const PlanPreview* preview = m_project->hasProject() ? &m_project->preview() : nullptr;
    if (!preview || !preview->valid || !preview->program) {
        m_summary->clear();
        m_run = {};
        m_program.reset();
        m_canvas->setBars({}, {}, 0, {});
        return;
    }
    const cost::Cluster& cluster = m_project->cluster();
    const int frames = m_frames->value();
    // the preview holds one frame; more are simulated here from the same program
    m_run = frames == 1 ? preview->frame : sim::simulate(*preview->program, cluster, {frames, 0});
    m_program = preview->program;
    m_deviceNames.clear();
    for (const auto& device : cluster.devices) {
        m_deviceNames << toQString(device.name);
    }
    m_stageNames.clear();
    const auto& nodes = m_project->model().graph.nodes;
    for (const auto& stage : m_project->plan().stages) {
        m_stageNames << (stage.last > stage.first
                             ? toQString(nodes[stage.first].name) + QStringLiteral(" … ") +
                                   toQString(nodes[stage.last].name)
                             : toQString(nodes[stage.first].name));
    }
    QStringList rows;
    for (const QString& name : m_deviceNames) {
        rows << name << tr("sends");
    }
    std::vector<TimelineCanvas::Bar> bars;
    bars.reserve(m_run.tasks.size() + m_run.transfers.size());
    for (std::size_t i = 0; i < m_run.tasks.size(); ++i) {
        const auto& e = m_run.tasks[i];
        TimelineCanvas::Bar bar;
        bar.row = 2 * e.device;
        bar.start = e.start;
        bar.end = e.end;
        bar.stage = preview->program->tasks[std::size_t(e.task)].stage;
        bar.index = int(i);
        bars.push_back(bar);
    }
    for (std::size_t i = 0; i < m_run.transfers.size(); ++i) {
        const auto& t = m_run.transfers[i];
        TimelineCanvas::Bar bar;
        bar.row = 2 * t.from + 1;
        bar.start = t.start;
        bar.end = t.end;
        bar.index = int(i);
        bars.push_back(bar);
    }
    m_canvas->setBars(std::move(bars), rows, m_run.makespan,
                      [this](const auto& bar) { return describe(bar); });
    m_canvas->setToolTip(QString());
    if (frames == 1) {
        m_summary->setText(tr("One frame: %1 end to end, %n task(s)", nullptr, int(m_run.tasks.size()))
                               .arg(secondsText(m_run.makespan)));
    } else {
        const auto [fastest, slowest] =
            std::minmax_element(m_run.frameLatency.begin(), m_run.frameLatency.end());
        m_summary->setText(tr("%1 frames: latency %2 to %3, throughput %4 frames/s")
                               .arg(frames)
                               .arg(secondsText(*fastest), secondsText(*slowest))
                               .arg(m_run.throughput, 0, 'f', 2));
    }
}

QString TimelineView::describe(const TimelineCanvas::Bar& bar) const {
    if (bar.stage < 0) {
        const auto& t = m_run.transfers[std::size_t(bar.index)];
        return tr("%1 from %2 to %3%4, frame %5\n%6 to %7 (%8)")
            .arg(bytesText(t.bytes), m_deviceNames[t.from], m_deviceNames[t.to],
                 t.task < 0 ? tr(" (result)") : QString())
            .arg(t.frame + 1)
            .arg(secondsText(t.start), secondsText(t.end), secondsText(t.end - t.start));
    }
    const auto& e = m_run.tasks[std::size_t(bar.index)];
    const auto& task = m_program->tasks[std::size_t(e.task)];
    const QString cell = task.cell < 0 ? tr("reduction") : tr("cell %1").arg(task.cell + 1);
    return tr("Stage %1 (%2), %3, frame %4\n%5 to %6 (%7) on %8")
        .arg(task.stage + 1)
        .arg(m_stageNames[task.stage], cell)
        .arg(e.frame + 1)
        .arg(secondsText(e.start), secondsText(e.end), secondsText(e.end - e.start), m_deviceNames[e.device]);
}

} // namespace tessera::ui
