#pragma once
// The Gantt timeline of the simulated run (sim::simulate of the plan's compiled program): one row per device
// with its tasks coloured by stage, under it a thin row with what the device sends (transfers), a time axis,
// and a tool tip naming the task or transfer under the pointer. One frame by default (its end is the
// predicted latency); more frames show the pipeline filling. Redrawn from ProjectModel::previewChanged while
// shown (a hidden timeline redraws when it is shown again); tool tip texts are made on hover, not per edit.

#include <QWidget>

#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

#include "core/partition/program.h"
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
        int index = 0;  // the task (stage >= 0) or transfer of the simulated run the bar draws
    };
    using Describe = std::function<QString(const Bar&)>;

    explicit TimelineCanvas(QWidget* parent = nullptr);
    // `describe` makes the tool tip of a bar when it is pointed at.
    void setBars(std::vector<Bar> bars, QStringList rowNames, double makespan, Describe describe);
    const std::vector<Bar>& bars() const { return m_bars; }
    int rows() const { return int(m_rowNames.size()); }
    double makespan() const { return m_makespan; }
    // The tool tip at `pos` (the description of the bar there), empty over nothing.
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
    Describe m_describe;
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
    // Re-simulates and redraws (on every preview change while shown; after the size units changed).
    void refresh();

protected:
    void showEvent(QShowEvent* event) override;

private:
    QString describe(const TimelineCanvas::Bar& bar) const;

    ProjectModel* m_project;
    // what the canvas draws, and what its tool tips name (kept, so that they describe the drawn run)
    sim::SimResult m_run;
    std::shared_ptr<const partition::Program> m_program;
    QStringList m_stageNames, m_deviceNames;
    bool m_stale = false; // an edit arrived while hidden
    QSpinBox* m_frames;
    QLabel* m_summary;
    TimelineCanvas* m_canvas;
};

} // namespace tessera::ui
