#include "ui/memory_chart.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QHorizontalStackedBarSeries>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>

#include "ui/project_model.h"
#include "ui/qt_convert.h"

namespace tessera::ui {
namespace {

const QColor kOver(0xd0, 0x1c, 0x1c);

} // namespace

MemoryChart::MemoryChart(ProjectModel* project, QWidget* parent)
    : ChartView(parent)
    , m_project(project)
    , m_series(new QHorizontalStackedBarSeries)
    , m_axisX(new QBarCategoryAxis)
    , m_axisY(new QValueAxis) {
    auto* chart = new QChart;
    chart->setTitle(tr("Memory per device"));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    const QList<QPair<QString, QColor>> parts = {{tr("Weights"), QColor(0x41, 0x6f, 0xb0)},
                                                 {tr("Activations"), QColor(0x5a, 0xa4, 0x69)},
                                                 {tr("Buffers"), QColor(0xe0, 0xa1, 0x3c)},
                                                 {tr("Runtime"), QColor(0x9a, 0x9a, 0xa0)}};
    for (int i = 0; i < parts.size(); ++i) {
        auto* set = new QBarSet(parts[i].first);
        set->setColor(parts[i].second);
        set->setBorderColor(parts[i].second.darker(120));
        // Over-budget devices are "selected" bars: shades of red, darker at the bottom of the stack.
        set->setSelectedColor(kOver.lighter(100 + 18 * i));
        m_sets.append(set);
        m_series->append(set);
    }
    m_series->setBarWidth(0.6);
    chart->addSeries(m_series);
    // Horizontal bars: device names read in full on the left, however many devices there are.
    m_axisY->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(m_axisX, Qt::AlignLeft);
    chart->addAxis(m_axisY, Qt::AlignBottom);
    m_series->attachAxis(m_axisX);
    m_series->attachAxis(m_axisY);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    connect(project, &ProjectModel::previewChanged, this, &MemoryChart::refresh);
    connect(project, &ProjectModel::projectReset, this, &MemoryChart::refresh);
    refresh();
}

void MemoryChart::rebuildDevices(int count) {
    m_top = -1;
    for (auto* line : m_budgets) {
        chart()->removeSeries(line);
        delete line;
    }
    m_budgets.clear();
    for (auto* set : m_sets) {
        set->remove(0, set->count());
        set->append(QList<qreal>(count, 0.0));
    }
    for (int d = 0; d < count; ++d) {
        auto* line = new QLineSeries;
        line->setPen(QPen(palette().color(QPalette::WindowText), 2, Qt::DashLine));
        line->append(0, d - 0.4);
        line->append(0, d + 0.4);
        chart()->addSeries(line);
        line->attachAxis(m_axisX);
        line->attachAxis(m_axisY);
        m_budgets.append(line);
    }
    // One legend entry for the budget lines is enough.
    const auto markers = chart()->legend()->markers();
    for (auto* marker : markers) {
        if (qobject_cast<QLineSeries*>(marker->series())) {
            marker->setVisible(marker->series() == (m_budgets.isEmpty() ? nullptr : m_budgets.front()));
        }
    }
    if (!m_budgets.isEmpty()) {
        m_budgets.front()->setName(tr("Budget"));
    }
}

void MemoryChart::refresh() {
    if (!m_project->hasProject()) {
        rebuildDevices(0);
        m_axisX->clear();
        return;
    }
    const auto& cluster = m_project->cluster();
    const auto& preview = m_project->preview();
    const int count = int(cluster.devices.size());
    if (m_budgets.size() != count) {
        rebuildDevices(count);
    }
    // the size unit of Preferences (MiB or MB)
    const double unit = megabyteBytes();
    m_axisY->setTitleText(megabyteName());
    QStringList names;
    double top = 1;
    for (int d = 0; d < count; ++d) {
        const auto& device = cluster.devices[std::size_t(d)];
        names.append(toQString(device.name));
        const double budget = double(device.memoryBytes) / unit;
        sim::DeviceCost cost;
        if (preview.valid && d < int(preview.cost.devices.size())) {
            cost = preview.cost.devices[std::size_t(d)];
        }
        const double values[4] = {double(cost.weightBytes) / unit, double(cost.activationBytes) / unit,
                                  double(cost.bufferBytes) / unit, double(cost.overheadBytes) / unit};
        const bool over = preview.valid && cost.totalBytes > device.memoryBytes;
        // only what changed: every change of a set or an axis lays the chart out again
        for (int i = 0; i < 4; ++i) {
            if (m_sets[i]->at(d) != values[i]) {
                m_sets[i]->replace(d, values[i]);
            }
            if (m_sets[i]->isBarSelected(d) != over) {
                m_sets[i]->setBarSelected(d, over);
            }
        }
        if (m_budgets[d]->at(0).x() != budget) {
            m_budgets[d]->replace(0, budget, d - 0.4);
            m_budgets[d]->replace(1, budget, d + 0.4);
        }
        const QPen pen(over ? kOver : palette().color(QPalette::WindowText), 2, Qt::DashLine);
        if (m_budgets[d]->pen() != pen) {
            m_budgets[d]->setPen(pen);
        }
        top = std::max({top, budget, double(cost.totalBytes) / unit});
    }
    if (m_axisX->categories() != names) {
        m_axisX->clear();
        m_axisX->append(names);
    }
    if (top != m_top) {
        m_top = top;
        m_axisY->setRange(0, top * 1.1);
        m_axisY->applyNiceNumbers();
    }
}

void MemoryChart::changeEvent(QEvent* event) {
    ChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        refresh();
    }
}

QList<MemoryChart::Bar> MemoryChart::bars() const {
    QList<Bar> result;
    const auto names = m_axisX->categories();
    for (int d = 0; d < m_budgets.size(); ++d) {
        Bar bar;
        bar.device = d < names.size() ? names[d] : QString();
        bar.weights = m_sets[0]->at(d);
        bar.activations = m_sets[1]->at(d);
        bar.buffers = m_sets[2]->at(d);
        bar.runtime = m_sets[3]->at(d);
        bar.budget = m_budgets[d]->at(0).x();
        bar.over = m_sets[0]->isBarSelected(d);
        result.append(bar);
    }
    return result;
}

} // namespace tessera::ui
