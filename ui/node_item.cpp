#include "ui/node_item.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace tessera::ui {
namespace {

constexpr double kStrip = 5.0;   // height of the device strip
constexpr double kPadding = 8.0; // text padding inside the box

QFont titleFont() {
    QFont font;
    font.setPointSizeF(9);
    font.setBold(true);
    return font;
}

QFont subtitleFont() {
    QFont font;
    font.setPointSizeF(7.5);
    return font;
}

} // namespace

NodeItem::NodeItem(std::size_t node, const QRectF& rect, QString title, QString subtitle, QColor fill)
    : m_node(node)
    , m_rect(rect)
    , m_title(std::move(title))
    , m_subtitle(std::move(subtitle))
    , m_fill(std::move(fill)) {
    setFlag(ItemIsSelectable);
    setToolTip(m_title + QLatin1Char('\n') + m_subtitle);
}

QSizeF NodeItem::preferredSize(const QString& title, const QString& subtitle) {
    const QFontMetricsF titleMetrics(titleFont()), subtitleMetrics(subtitleFont());
    const double width =
        std::max(titleMetrics.horizontalAdvance(title), subtitleMetrics.horizontalAdvance(subtitle));
    return {std::max(70.0, width + 2 * kPadding),
            titleMetrics.height() + subtitleMetrics.height() + kStrip + 8};
}

QRectF NodeItem::boundingRect() const {
    return m_rect.adjusted(-3, -3, 3, 3);
}

void NodeItem::setHeat(const QColor& heat) {
    if (heat != m_heat) {
        m_heat = heat;
        update();
    }
}

void NodeItem::setDevices(std::vector<QColor> devices) {
    if (devices != m_devices) {
        m_devices = std::move(devices);
        update();
    }
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const QColor fill = fillColor();
    const bool selected = option->state & QStyle::State_Selected;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(selected ? QPen(QColor(0xff, 0x9f, 0x1c), 3) : QPen(fill.darker(140), 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(m_rect, 4, 4);

    if (!m_devices.empty()) {
        // One segment per device that runs a part of this layer.
        const QRectF strip(m_rect.left() + 3, m_rect.bottom() - kStrip - 2, m_rect.width() - 6, kStrip);
        const double w = strip.width() / double(m_devices.size());
        painter->setPen(Qt::NoPen);
        for (std::size_t i = 0; i < m_devices.size(); ++i) {
            painter->setBrush(m_devices[i]);
            painter->drawRect(QRectF(strip.left() + w * double(i), strip.top(), w, strip.height()));
        }
    }
    // Text is unreadable when zoomed far out; skip it there to keep panning smooth on large graphs.
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < 0.35) {
        return;
    }
    const QColor text = fill.lightnessF() > 0.6 ? QColor(0x20, 0x20, 0x20) : QColor(Qt::white);
    painter->setPen(text);
    const QRectF textRect = m_rect.adjusted(kPadding / 2, 2, -kPadding / 2, -kStrip - 2);
    const QFontMetricsF titleMetrics(titleFont());
    painter->setFont(titleFont());
    painter->drawText(QRectF(textRect.left(), textRect.top(), textRect.width(), titleMetrics.height()),
                      Qt::AlignCenter, m_title);
    painter->setFont(subtitleFont());
    painter->drawText(QRectF(textRect.left(), textRect.top() + titleMetrics.height(), textRect.width(),
                             textRect.height() - titleMetrics.height()),
                      Qt::AlignHCenter | Qt::AlignTop, m_subtitle);
}

} // namespace tessera::ui
