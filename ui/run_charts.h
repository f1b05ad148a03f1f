#pragma once
// The live charts of a Run: end-to-end latency per frame with every device's compute time per frame (ms over
// the seconds since the run began), throughput (frames/s over the last ten frames) and every device's peak
// RSS against its memory budget (MiB). Samples are buffered and drawn at most ten times a second. Side by
// side when there is room for them (a wide dock, a floating panel), else one at a time in tabs: three charts
// of a hundred pixels each show nothing.

#include <QList>
#include <QTimer>
#include <QWidget>

#include "ui/run_job.h"

class QBarCategoryAxis;
class QBarSet;
class QChartView;
class QLineSeries;
class QStackedLayout;
class QTabWidget;
class QValueAxis;

namespace tessera::ui {

class RunCharts : public QWidget {
    Q_OBJECT
public:
    explicit RunCharts(QWidget* parent = nullptr);

    // Clears every chart for a run on these devices (budgets in bytes, 0 = none).
    void reset(const QStringList& devices, const QList<std::int64_t>& budgets);
    void addFrame(const FrameSample& sample);
    void addTelemetry(const DeviceSample& sample);
    // Draws what is buffered now (the timer does it ten times a second).
    void flush();
    // True while the charts are shown one at a time in tabs (the widget is narrower than kSideBySide).
    bool tabbed() const;
    static constexpr int kSideBySide = 900;

    // Read back from the series, as drawn.
    QLineSeries* latencySeries() const { return m_latency; }
    const QList<QLineSeries*>& computeSeries() const { return m_compute; }
    QLineSeries* throughputSeries() const { return m_throughput; }
    QList<double> peakRssMiB() const;
    QList<double> budgetMiB() const;

private:
    QChartView* makeView(const QString& title, QValueAxis* x, QValueAxis* y, const QString& xTitle,
                         const QString& yTitle);
    void scheduleFlush();
    void arrange(bool tabs);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QTimer m_flushTimer;
    QList<QPointF> m_pendingLatency, m_pendingThroughput;
    QList<QList<QPointF>> m_pendingCompute;
    QList<double> m_frameTimes; // every finished frame's time, for the throughput
    QList<double> m_peakRss;    // MiB per device, the highest seen
    QLineSeries* m_latency = nullptr;
    QList<QLineSeries*> m_compute;
    QLineSeries* m_throughput = nullptr;
    QValueAxis *m_latencyX, *m_latencyY, *m_throughputX, *m_throughputY, *m_memoryY;
    QBarCategoryAxis* m_memoryX;
    QBarSet *m_rssSet, *m_budgetSet;
    QChartView *m_latencyView, *m_throughputView, *m_memoryView;
    QStackedLayout* m_stack;
    QWidget* m_row;     // the charts side by side
    QTabWidget* m_tabs; // or one at a time
    bool m_arranged = false;
    double m_maxLatencyMs = 0, m_maxThroughput = 0, m_lastTime = 0;
};

} // namespace tessera::ui
