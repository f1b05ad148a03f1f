#pragma once
// The live memory preview: per device a horizontal stacked bar of weights / activations / buffers / runtime
// overhead (MiB, or MB with decimal units: qt_convert.h, from the plan's prediction) with the device's budget
// as a line over it; a device over budget has its bar drawn in red shades and a red budget line. Redrawn from
// ProjectModel::previewChanged.

#include "ui/chart_view.h"

#include <QList>

class QBarCategoryAxis;
class QBarSet;
class QLineSeries;
class QHorizontalStackedBarSeries;
class QValueAxis;

namespace tessera::ui {

class ProjectModel;

class MemoryChart : public ChartView {
    Q_OBJECT
public:
    explicit MemoryChart(ProjectModel* project, QWidget* parent = nullptr);

    // What the chart shows, read back from its series (in megabyteBytes() units), one entry per device.
    struct Bar {
        QString device;
        double weights = 0, activations = 0, buffers = 0, runtime = 0, budget = 0;
        bool over = false;
    };
    QList<Bar> bars() const;

    // Re-reads the project's prediction; called on every previewChanged.
    void refresh();

protected:
    // budget lines take the text colour: redrawn when the theme changes
    void changeEvent(QEvent* event) override;

private:
    void rebuildDevices(int count);

    ProjectModel* m_project;
    QHorizontalStackedBarSeries* m_series;
    QList<QBarSet*> m_sets; // weights, activations, buffers, runtime
    QList<QLineSeries*> m_budgets;
    double m_top = -1; // the value axis was last fitted to this height
    QBarCategoryAxis* m_axisX;
    QValueAxis* m_axisY;
};

} // namespace tessera::ui
