#pragma once
// Colours shared by the graph, the device panel and the charts: op categories (as Netron groups them), one
// colour per device, and the heat ramp of the cost overlay.

#include <QColor>
#include <QPalette>
#include <QString>

namespace tessera::ui {

enum class OpCategory { Layer, Activation, Pool, Normalization, Tensor, Other };

OpCategory opCategory(const QString& opType);
QColor categoryColor(OpCategory category);
// A distinct colour per device index (cycles after 10): core/report/device_colors.h, so that the exported
// report uses the same colours.
QColor deviceColor(int device);
// t in [0, 1]: pale yellow (cold) to dark red (hot).
QColor heatColor(double t);

// True for a palette whose windows are dark (light text on a dark background).
bool isDarkPalette(const QPalette& palette);
// The graph's background: a soft off-white under light palettes, the palette's base under dark ones (the
// node colours and grey edges read on both).
QColor canvasColor(const QPalette& palette);

} // namespace tessera::ui
