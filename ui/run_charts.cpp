#include "ui/run_charts.h"

#include <QGridLayout>
#include <QResizeEvent>
#include <QStackedLayout>
#include <QTabWidget>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <cmath>

#include "ui/chart_view.h"
#include "ui/palette.h"

namespace tessera::ui {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;
constexpr int kThroughputWindow = 10; // frames
const QColor kEndToEnd(0x20, 0x20, 0x20);
const QColor kBudget(0x9a, 0x9a, 0xa0);
const QColor kOver(0xd0, 0x1c, 0x1c);

// A round upper bound for an axis showing values up to `v`.
double niceMax(double v) {
    if (v <= 0) {
        return 1;
    }
    const double step = std::pow(10.0, std::floor(std::log10(v * 1.1)));
    for (double m : {1.0, 2.0, 5.0}) {
        if (step * m >= v * 1.1) {
            return step * m;
        }
    }
    return step * 10;
}

} // namespace

RunCharts::RunCharts(QWidget* parent)
    : QWidget(parent)
    , m_latency(new QLineSeries)
    , m_throughput(new QLineSeries)
    , m_latencyX(new QValueAxis)
    , m_latencyY(new QValueAxis)
    , m_throughputX(new QValueAxis)
    , m_throughputY(new QValueAxis)
    , m_memoryY(new QValueAxis)
    , m_memoryX(new QBarCategoryAxis)
    , m_rssSet(new QBarSet(tr("Peak RSS")))
    , m_budgetSet(new QBarSet(tr("Budget"))) {
    m_latencyView = makeView(tr("Latency per frame (end to end) and compute per device"), m_latencyX,
                             m_latencyY, tr("s since start"), tr("ms"));
    // a line per device: the legend on the right keeps every name whole
    m_latencyView->chart()->legend()->setAlignment(Qt::AlignRight);
    m_latency->setName(tr("End to end"));
    m_latency->setPen(QPen(kEndToEnd, 2.5));
    m_latencyView->chart()->addSeries(m_latency);
    m_latency->attachAxis(m_latencyX);
    m_latency->attachAxis(m_latencyY);

    m_throughputView =
        makeView(tr("Throughput"), m_throughputX, m_throughputY, tr("s since start"), tr("frames/s"));
    m_throughput->setName(tr("Frames/s (last %1 frames)").arg(kThroughputWindow));
    m_throughput->setPen(QPen(QColor(0x41, 0x6f, 0xb0), 2));
    m_throughputView->chart()->addSeries(m_throughput);
    m_throughput->attachAxis(m_throughputX);
    m_throughput->attachAxis(m_throughputY);

    auto* memory = new QChart;
    memory->setTitle(tr("Peak memory per device"));
    memory->setAnimationOptions(QChart::NoAnimation);
    memory->legend()->setAlignment(Qt::AlignBottom);
    memory->setMargins(QMargins(4, 4, 4, 4));
    // horizontal bars: the device names and their peaks read in full on the left
    auto* bars = new QHorizontalBarSeries;
    m_rssSet->setColor(QColor(0x41, 0x6f, 0xb0));
    m_rssSet->setSelectedColor(kOver); // over budget
    m_budgetSet->setColor(kBudget);
    bars->append(m_rssSet);
    bars->append(m_budgetSet);
    memory->addSeries(bars);
    memory->addAxis(m_memoryX, Qt::AlignLeft);
    memory->addAxis(m_memoryY, Qt::AlignBottom);
    m_memoryY->setTitleText(tr("MiB"));
    m_memoryY->setLabelFormat(QStringLiteral("%.0f"));
    bars->attachAxis(m_memoryX);
    bars->attachAxis(m_memoryY);
    m_memoryView = new ChartView(memory);
    m_memoryView->setRenderHint(QPainter::Antialiasing);

    // one row: every chart gets the dock's full height (the memory bars need a line per device)
    m_row = new QWidget;
    auto* row = new QGridLayout(m_row);
    row->setContentsMargins(0, 0, 0, 0);
    row->setColumnStretch(0, 6);
    row->setColumnStretch(1, 3);
    row->setColumnStretch(2, 3);
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("runChartTabs"));
    m_tabs->setDocumentMode(true);
    m_stack = new QStackedLayout(this);
    m_stack->addWidget(m_row);
    m_stack->addWidget(m_tabs);
    arrange(true);

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(100);
    connect(&m_flushTimer, &QTimer::timeout, this, &RunCharts::flush);
    reset({}, {});
}

bool RunCharts::tabbed() const {
    return m_stack->currentWidget() == m_tabs;
}

void RunCharts::arrange(bool tabs) {
    if (m_arranged && tabs == tabbed()) {
        return;
    }
    m_arranged = true;
    const QList<QPair<QChartView*, QString>> charts = {
        {m_latencyView, tr("Latency")}, {m_throughputView, tr("Throughput")}, {m_memoryView, tr("Memory")}};
    // in a tab the device lines' legend would take half the chart: the Run panel's device table shows each
    // device's colour instead (the thick black line is end to end, as the title says)
    m_latencyView->chart()->legend()->setVisible(!tabs);
    if (tabs) {
        for (const auto& [view, name] : charts) {
            m_tabs->addTab(view, name);
        }
        m_stack->setCurrentWidget(m_tabs);
    } else {
        auto* row = static_cast<QGridLayout*>(m_row->layout());
        for (int column = 0; column < charts.size(); ++column) {
            row->addWidget(charts[column].first, 0, column); // takes it out of the tabs
            charts[column].first->show();                    // the tabs hid all but their current page
        }
        m_stack->setCurrentWidget(m_row);
    }
}

void RunCharts::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    arrange(event->size().width() < kSideBySide);
}

QChartView* RunCharts::makeView(const QString& title, QValueAxis* x, QValueAxis* y, const QString& xTitle,
                                const QString& yTitle) {
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    x->setTitleText(xTitle);
    x->setLabelFormat(QStringLiteral("%.4g"));
    y->setTitleText(yTitle);
    y->setLabelFormat(QStringLiteral("%.4g"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    auto* view = new ChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(200);
    return view;
}

void RunCharts::reset(const QStringList& devices, const QList<std::int64_t>& budgets) {
    m_flushTimer.stop();
    auto* latencyChart = m_latencyView->chart();
    for (auto* s : std::as_const(m_compute)) {
        latencyChart->removeSeries(s);
        delete s;
    }
    m_compute.clear();
    m_pendingCompute.clear();
    for (int d = 0; d < devices.size(); ++d) {
        auto* s = new QLineSeries;
        s->setName(devices[d]);
        s->setPen(QPen(deviceColor(d), 1.5));
        latencyChart->addSeries(s);
        s->attachAxis(m_latencyX);
        s->attachAxis(m_latencyY);
        m_compute.append(s);
        m_pendingCompute.append(QList<QPointF>());
    }
    m_latency->clear();
    m_throughput->clear();
    m_pendingLatency.clear();
    m_pendingThroughput.clear();
    m_frameTimes.clear();
    m_peakRss = QList<double>(devices.size(), 0.0);
    m_maxLatencyMs = m_maxThroughput = m_lastTime = 0;
    m_memoryX->clear();
    m_memoryX->append(devices);
    m_rssSet->remove(0, m_rssSet->count());
    m_budgetSet->remove(0, m_budgetSet->count());
    double top = 0;
    for (int d = 0; d < devices.size(); ++d) {
        const double budget = d < budgets.size() ? double(budgets[d]) / kMiB : 0.0;
        m_rssSet->append(0.0);
        m_budgetSet->append(budget);
        top = std::max(top, budget);
    }
    m_memoryY->setRange(0, niceMax(top));
    m_latencyX->setRange(0, 1);
    m_latencyY->setRange(0, 1);
    m_throughputX->setRange(0, 1);
    m_throughputY->setRange(0, 1);
}

void RunCharts::addFrame(const FrameSample& sample) {
    m_pendingLatency.append({sample.atSeconds, sample.latencySeconds * 1e3});
    m_frameTimes.append(sample.atSeconds);
    // Frames in flight finish in bursts: the rate over the last ten frames (over the run so far until there
    // are ten) reads steadier than the gap between two results.
    const int n = int(m_frameTimes.size());
    const double span =
        n > kThroughputWindow ? sample.atSeconds - m_frameTimes[n - 1 - kThroughputWindow] : sample.atSeconds;
    if (span > 0) {
        m_pendingThroughput.append({sample.atSeconds, double(std::min(n, kThroughputWindow)) / span});
    }
    scheduleFlush();
}

void RunCharts::addTelemetry(const DeviceSample& sample) {
    if (sample.device < 0 || sample.device >= m_pendingCompute.size()) {
        return;
    }
    m_pendingCompute[sample.device].append({sample.atSeconds, sample.computeSeconds * 1e3});
    m_peakRss[sample.device] = std::max(m_peakRss[sample.device], double(sample.peakRssBytes) / kMiB);
    scheduleFlush();
}

void RunCharts::scheduleFlush() {
    if (!m_flushTimer.isActive()) {
        m_flushTimer.start();
    }
}

void RunCharts::flush() {
    const auto take = [this](QLineSeries* series, QList<QPointF>& pending, double& maxY) {
        for (const auto& p : std::as_const(pending)) {
            maxY = std::max(maxY, p.y());
            m_lastTime = std::max(m_lastTime, p.x());
        }
        if (pending.isEmpty()) {
            return;
        }
        // a device's telemetry may come late (run_job.h): keep every series ordered by time
        std::stable_sort(pending.begin(), pending.end(),
                         [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); });
        if (series->count() == 0 || series->at(series->count() - 1).x() <= pending.front().x()) {
            series->append(pending);
        } else {
            for (const auto& p : std::as_const(pending)) {
                const auto points = series->points();
                const auto at = std::upper_bound(points.begin(), points.end(), p.x(),
                                                 [](double x, const QPointF& q) { return x < q.x(); });
                series->insert(int(at - points.begin()), p);
            }
        }
        pending.clear();
    };
    take(m_latency, m_pendingLatency, m_maxLatencyMs);
    for (int d = 0; d < m_compute.size(); ++d) {
        take(m_compute[d], m_pendingCompute[d], m_maxLatencyMs);
    }
    take(m_throughput, m_pendingThroughput, m_maxThroughput);
    const double right = niceMax(m_lastTime);
    m_latencyX->setRange(0, right);
    m_throughputX->setRange(0, right);
    m_latencyY->setRange(0, niceMax(m_maxLatencyMs));
    m_throughputY->setRange(0, niceMax(m_maxThroughput));
    double top = m_memoryY->max();
    for (int d = 0; d < m_peakRss.size(); ++d) {
        m_rssSet->replace(d, m_peakRss[d]);
        const double budget = m_budgetSet->at(d);
        if (budget > 0 && m_peakRss[d] > budget) {
            m_rssSet->selectBar(d);
        } else {
            m_rssSet->deselectBar(d);
        }
        top = std::max(top, niceMax(m_peakRss[d]));
    }
    m_memoryY->setRange(0, top);
}

QList<double> RunCharts::peakRssMiB() const {
    QList<double> values;
    for (int d = 0; d < m_rssSet->count(); ++d) {
        values.append(m_rssSet->at(d));
    }
    return values;
}

QList<double> RunCharts::budgetMiB() const {
    QList<double> values;
    for (int d = 0; d < m_budgetSet->count(); ++d) {
        values.append(m_budgetSet->at(d));
    }
    return values;
}

} // namespace tessera::ui
