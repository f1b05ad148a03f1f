#pragma once
// One layer in the graph scene: a rounded box labelled with the op and its output shape, filled with its op
// category's colour (or the overlay's heat), with a strip of the colours of the devices that run it.
// Addressed by node index; holds no model data beyond what it paints.

#include <QColor>
#include <QGraphicsItem>
#include <QString>

#include <cstddef>
#include <vector>

namespace tessera::ui {

class NodeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };
    NodeItem(std::size_t node, const QRectF& rect, QString title, QString subtitle, QColor fill);

    int type() const override { return Type; }
    std::size_t node() const { return m_node; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    // An invalid colour restores the category colour.
    void setHeat(const QColor& heat);
    void setDevices(std::vector<QColor> devices);
    const std::vector<QColor>& devices() const { return m_devices; }
    QColor fillColor() const { return m_heat.isValid() ? m_heat : m_fill; }

    // Text metrics for the layout: the box size that fits the title and subtitle.
    static QSizeF preferredSize(const QString& title, const QString& subtitle);

private:
    std::size_t m_node;
    QRectF m_rect;
    QString m_title, m_subtitle;
    QColor m_fill, m_heat;
    std::vector<QColor> m_devices;
};

} // namespace tessera::ui
