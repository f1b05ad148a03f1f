#pragma once
// The Gantt timeline of the simulated run (sim::simulate of the plan's compiled program): one row per device
// with its tasks coloured by stage, under it a thin row with what the device sends (transfers), a time axis,
// and a tool tip naming the task or transfer under the pointer. One frame by default (its end is the
// predicted latency); more frames show the pipeline filling. Redrawn from ProjectModel::previewChanged.

#include <QWidget>

#include <vector>

#include "core/sim/simulator.h"

class QLabel;
class QSpinBox;

namespace tessera::ui {

class ProjectModel;

class TimelineCanvas : public QWidget {
    Q_OBJECT
public:
    struct Bar {
        QRectF rect; // in widget coordinates, set by layout
        int row = 0;
        double start = 0, end = 0;
        int stage = -1; // -1: a transfer
        QString text;   // the tool tip
    };

    explicit TimelineCanvas(QWidget* parent = nullptr);
    void setBars(std::vector<Bar> bars, QStringList rowNames, double makespan);
    const std::vector<Bar>& bars() const { return m_bars; }
    int rows() const { return int(m_rowNames.size()); }
    double makespan() const { return m_makespan; }
    // The tool tip at `pos` (a bar's text), empty over nothing.
    QString textAt(const QPointF& pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override;

private:
    void layoutBars();
    double rowTop(int row) const;
    double rowHeight(int row) const;

    std::vector<Bar> m_bars;
    QStringList m_rowNames; // even rows: a device's compute, odd rows: what it sends
    double m_makespan = 0;
    int m_labelWidth = 0;
};

class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(ProjectModel* project, QWidget* parent = nullptr);

    void setFrames(int frames);
    TimelineCanvas* canvas() const { return m_canvas; }
    QString summaryText() const;
    // Re-simulates and redraws (on every preview change; after the size units changed).
    void refresh();

private:
    ProjectModel* m_project;
    QSpinBox* m_frames;
    QLabel* m_summary;
    TimelineCanvas* m_canvas;
};

} // namespace tessera::ui
