#include "ui/qt_convert.h"

#include <atomic>

#include "core/cost/analysis_report.h"
#include "core/cost/units.h"

namespace tessera::ui {

namespace {
// atomic: background work (the device probe) formats sizes too
std::atomic<cost::SizeUnits> g_sizeUnits{cost::SizeUnits::Binary};
} // namespace

void setSizeUnits(cost::SizeUnits units) {
    g_sizeUnits = units;
}

cost::SizeUnits sizeUnits() {
    return g_sizeUnits;
}

double megabyteBytes() {
    return g_sizeUnits == cost::SizeUnits::Binary ? 1024.0 * 1024.0 : 1e6;
}

QString megabyteName() {
    return g_sizeUnits == cost::SizeUnits::Binary ? QStringLiteral("MiB") : QStringLiteral("MB");
}

QString toQString(const std::string& text) {
    return QString::fromStdString(text);
}

std::string toStdString(const QString& text) {
    return text.toStdString();
}

QStringList toQStringList(const std::vector<std::string>& lines) {
    QStringList list;
    list.reserve(qsizetype(lines.size()));
    for (const auto& line : lines) {
        list.append(toQString(line));
    }
    return list;
}

QString shapeText(const model::Shape& shape) {
    QStringList dims;
    for (const auto d : shape) {
        dims.append(QString::number(d));
    }
    return dims.join(QLatin1Char('x'));
}

QString bytesText(std::int64_t bytes) {
    return toQString(cost::formatBytes(bytes, g_sizeUnits));
}

QString secondsText(double seconds) {
    return toQString(cost::formatSeconds(seconds));
}

QString bitsPerSecondText(double bitsPerSecond) {
    return toQString(cost::formatBitsPerSecond(bitsPerSecond));
}

QString countText(std::int64_t value) {
    return toQString(cost::humanCount(value));
}

} // namespace tessera::ui
