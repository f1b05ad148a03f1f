#pragma once
// A QChartView whose chart follows the widget's palette: background, title, legend, axis labels and grid
// are re-coloured whenever the palette changes (Preferences > Theme), so charts read in light and dark.
// Series keep their own colours.

#include <QtCharts/QChartView>

namespace tessera::ui {

class ChartView : public QChartView {
    Q_OBJECT
public:
    explicit ChartView(QWidget* parent = nullptr);
    explicit ChartView(QChart* chart, QWidget* parent = nullptr);

    // Colours chart() (and its axes, which may be added later) from palette().
    void applyPalette();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
};

} // namespace tessera::ui
