#pragma once
// The one place where the studio converts between the Qt-free core's standard types and Qt's: strings,
// shapes and the unit formatting of core/cost/units.h (so the GUI prints sizes exactly as the CLI does).

#include <QString>
#include <QStringList>

#include <cstdint>
#include <string>
#include <vector>

#include "core/cost/units.h"
#include "core/model/tensor.h"

namespace tessera::ui {

QString toQString(const std::string& text);
std::string toStdString(const QString& text);
QStringList toQStringList(const std::vector<std::string>& lines);

// "1x3x608x608"
QString shapeText(const model::Shape& shape);
// The studio's size units (Preferences; binary by default). Set on the GUI thread; views read it when they
// redraw, so whoever changes it redraws them (MainWindow::applyPreferences).
void setSizeUnits(cost::SizeUnits units);
cost::SizeUnits sizeUnits();
// The size unit charts and size inputs scale to: 1 MiB (binary) or 1 MB (decimal), and its name.
double megabyteBytes();
QString megabyteName();

// Sizes, durations and bandwidths as core/cost/units.h formats them ("23.4 MiB" or "24.5 MB" by
// sizeUnits(), "12.3 ms", "100 Mbit/s").
QString bytesText(std::int64_t bytes);
QString secondsText(double seconds);
QString bitsPerSecondText(double bitsPerSecond);
// 1234567 -> "1.23 M" (core's humanCount).
QString countText(std::int64_t value);

} // namespace tessera::ui
