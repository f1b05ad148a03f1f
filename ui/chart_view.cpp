#include "ui/chart_view.h"

#include <QEvent>
#include <QtCharts/QAbstractAxis>
#include <QtCharts/QChart>
#include <QtCharts/QLegend>

namespace tessera::ui {

ChartView::ChartView(QWidget* parent)
    : QChartView(parent) {}

ChartView::ChartView(QChart* chart, QWidget* parent)
    : QChartView(chart, parent) {
    applyPalette();
}

void ChartView::applyPalette() {
    QChart* c = chart();
    if (!c) {
        return;
    }
    const QPalette& p = palette();
    const QColor text = p.color(QPalette::WindowText);
    // the grid between the background and the text: visible, never louder than the data
    const QColor base = p.color(QPalette::Base);
    const QColor grid =
        QColor::fromRgbF((base.redF() * 3 + text.redF()) / 4, (base.greenF() * 3 + text.greenF()) / 4,
                         (base.blueF() * 3 + text.blueF()) / 4);
    setBackgroundBrush(p.window());
    c->setBackgroundBrush(base);
    c->setBackgroundPen(QPen(p.color(QPalette::Mid)));
    c->setTitleBrush(text);
    c->legend()->setLabelColor(text);
    for (QAbstractAxis* axis : c->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(p.color(QPalette::Mid));
        axis->setGridLineColor(grid);
    }
}

void ChartView::changeEvent(QEvent* event) {
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
    }
}

void ChartView::showEvent(QShowEvent* event) {
    QChartView::showEvent(event);
    applyPalette();
}

} // namespace tessera::ui
