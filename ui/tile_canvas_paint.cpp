// TileCanvas: the drawing, the tooltips and the receptive regions of the input (tile_canvas.cpp has the
// geometry and the interactions).
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

#include "core/partition/geometry.h"
#include "ui/palette.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"
#include "ui/tile_canvas.h"

namespace tessera::ui {

void TileCanvas::updateRegions() {
    const auto* s = stage();
    if (!m_showInput || !s) {
        m_regionsOf.reset();
        m_regions.clear();
        m_inputValue.clear();
        m_inputShape.clear();
        return;
    }
    if (m_regionsOf && *m_regionsOf == *s) {
        return;
    }
    m_regionsOf = *s;
    m_regions.clear();
    const auto& graph = m_project->model().graph;
    const auto* out = graph.value(graph.nodes[s->last].outputs.at(0));
    // The block's first node's data input: the feature map the block starts from.
    const std::string input = graph.nodes[s->first].inputs.at(0);
    const auto* info = graph.value(input);
    m_inputValue = toQString(input);
    m_inputShape = info ? info->shape : std::vector<std::int64_t>{};
    if (!out || m_inputShape.size() != 4) {
        m_inputShape.clear();
        return;
    }
    const auto rowRanges = partition::rangesFromCuts(out->shape[2], s->rowCuts);
    const auto colRanges = partition::rangesFromCuts(out->shape[3], s->colCuts);
    for (const auto& r : rowRanges) {
        for (const auto& c : colRanges) {
            partition::Region cell = partition::Region::full(out->shape);
            cell[2] = r;
            cell[3] = c;
            const auto entering = partition::receptiveRegions(graph, s->first, s->last, cell);
            const auto it = entering.find(input);
            m_regions.push_back(it != entering.end() ? it->second : partition::Region{});
        }
    }
}

void TileCanvas::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const auto* s = stage();
    if (!s || outputRect().isEmpty()) {
        return;
    }
    paintOutput(painter, *s);
    if (m_showInput && !m_regions.empty()) {
        paintInput(painter);
    }
}

void TileCanvas::paintOutput(QPainter& painter, const partition::Stage& s) {
    const auto [rows, columns] = extent();
    const QRectF out = outputRect();
    const auto& graph = m_project->model().graph;
    const auto& cluster = m_project->cluster();
    const QColor text = palette().color(QPalette::Text);
    painter.setPen(text);
    painter.drawText(
        QRectF(out.left() - kRowLabels, kMargin, out.width() + kRowLabels, kTitle),
        Qt::AlignLeft | Qt::AlignVCenter,
        tr("Output of %1: %2 × %3").arg(toQString(graph.nodes[s.last].name)).arg(rows).arg(columns));

    QFont small = font();
    small.setPointSizeF(std::max(6.5, small.pointSizeF() - 1.5));
    painter.setFont(small);
    const QFontMetricsF metrics(small);
    for (int t = 0; t < int(std::min(s.cells(), s.devices.size())); ++t) {
        const QRectF cell = tileRect(t);
        const int device = s.devices[std::size_t(t)];
        QColor fill = deviceColor(device);
        fill.setAlpha(t == m_hoverTile || t == m_dropTile ? 255 : 200);
        painter.fillRect(cell, fill);
        // Labels in black on light colours, white on dark ones.
        const QColor label = fill.lightnessF() > 0.55 ? Qt::black : Qt::white;
        const bool odd = s.reuse && (t / s.columns() + t % s.columns()) % 2 == 1;
        if (odd) {
            // Data reuse: the checkerboard's odd tiles fetch their borders from their even neighbours.
            painter.fillRect(cell, QBrush(QColor(255, 255, 255, 110), Qt::BDiagPattern));
        }
        painter.setPen(QPen(t == m_dropTile ? text : QColor(255, 255, 255, 200), t == m_dropTile ? 2.5 : 1));
        painter.drawRect(cell);
        const QString index = QString::number(t);
        const QString name = device >= 0 && device < int(cluster.devices.size())
                                 ? toQString(cluster.devices[std::size_t(device)].name)
                                 : tr("device #%1").arg(device);
        painter.setPen(label);
        if (cell.height() >= 2 * metrics.height() + 2 &&
            cell.width() >= metrics.horizontalAdvance(name) + 4) {
            painter.drawText(cell, Qt::AlignCenter, index + QLatin1Char('\n') + name);
        } else if (cell.height() >= metrics.height() &&
                   cell.width() >= metrics.horizontalAdvance(index) + 2) {
            painter.drawText(cell, Qt::AlignCenter, index);
        }
    }

    // Cut lines, with their positions along the top and the left.
    double lastLabel = -1e9;
    for (Axis axis : {Axis::Columns, Axis::Rows}) {
        const auto& cuts = axis == Axis::Rows ? s.rowCuts : s.colCuts;
        lastLabel = -1e9;
        for (std::size_t i = 0; i < cuts.size(); ++i) {
            const bool active =
                (m_drag && m_drag->cut.axis == axis && m_drag->cut.index == int(i)) ||
                (!m_drag && m_hoverCut && m_hoverCut->axis == axis && m_hoverCut->index == int(i));
            const QPointF at = cutHandle(axis, int(i));
            const QString label = QString::number(cuts[i]);
            painter.setPen(
                QPen(active ? palette().color(QPalette::Highlight) : QColor(40, 40, 40), active ? 3 : 1.5));
            if (axis == Axis::Columns) {
                painter.drawLine(QPointF(at.x(), out.top()), QPointF(at.x(), out.bottom()));
                const double width = metrics.horizontalAdvance(label);
                if (active || at.x() - width / 2 > lastLabel + 2) {
                    painter.setPen(active ? palette().color(QPalette::Highlight) : text);
                    painter.drawText(
                        QRectF(at.x() - width / 2 - 2, out.top() - kCutLabels, width + 4, kCutLabels),
                        Qt::AlignCenter, label);
                    lastLabel = at.x() + width / 2;
                }
            } else {
                painter.drawLine(QPointF(out.left(), at.y()), QPointF(out.right(), at.y()));
                if (active || at.y() - metrics.height() / 2 > lastLabel + 1) {
                    painter.setPen(active ? palette().color(QPalette::Highlight) : text);
                    painter.drawText(QRectF(out.left() - kRowLabels, at.y() - metrics.height() / 2,
                                            kRowLabels - 3, metrics.height()),
                                     Qt::AlignRight | Qt::AlignVCenter, label);
                    lastLabel = at.y() + metrics.height() / 2;
                }
            }
        }
    }
    painter.setPen(QPen(text, 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(out);
}

void TileCanvas::paintInput(QPainter& painter) {
    const QRectF in = inputRect();
    const auto* s = stage();
    if (in.isEmpty() || !s) {
        return;
    }
    const double rows = double(m_inputShape[2]), columns = double(m_inputShape[3]);
    auto point = [&](std::int64_t row, std::int64_t column) {
        return QPointF(in.left() + double(column) * in.width() / columns,
                       in.top() + double(row) * in.height() / rows);
    };
    auto area = [&](const partition::Region& r) {
        return QRectF(point(r[2].begin, r[3].begin), point(r[2].end, r[3].end));
    };
    const QColor text = palette().color(QPalette::Text);
    painter.setFont(font());
    painter.setPen(text);
    painter.drawText(
        QRectF(in.left(), kMargin, width() - in.left(), kTitle), Qt::AlignLeft | Qt::AlignVCenter,
        tr("Block input '%1': %2 × %3").arg(m_inputValue).arg(m_inputShape[2]).arg(m_inputShape[3]));
    painter.fillRect(in, palette().color(QPalette::Window));

    // Overlaps: split the input at every region border and shade each piece by how many tiles read it.
    std::vector<std::int64_t> ys, xs;
    std::int64_t read = 0;
    for (const auto& r : m_regions) {
        if (r.rank() == 4 && !r.empty()) {
            ys.insert(ys.end(), {r[2].begin, r[2].end});
            xs.insert(xs.end(), {r[3].begin, r[3].end});
            read += r[2].size() * r[3].size();
        }
    }
    for (auto* v : {&ys, &xs}) {
        std::sort(v->begin(), v->end());
        v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    for (std::size_t i = 0; i + 1 < ys.size(); ++i) {
        for (std::size_t j = 0; j + 1 < xs.size(); ++j) {
            int count = 0;
            for (const auto& r : m_regions) {
                count += r.rank() == 4 && r[2].begin <= ys[i] && ys[i + 1] <= r[2].end &&
                         r[3].begin <= xs[j] && xs[j + 1] <= r[3].end;
            }
            if (count > 1) {
                painter.fillRect(QRectF(point(ys[i], xs[j]), point(ys[i + 1], xs[j + 1])),
                                 QColor(40, 40, 40, std::min(170, 40 * (count - 1))));
            }
        }
    }
    for (std::size_t t = 0; t < m_regions.size(); ++t) {
        if (m_regions[t].rank() != 4 || m_regions[t].empty()) {
            continue;
        }
        const bool hovered = int(t) == m_hoverTile;
        QColor colour = deviceColor(t < s->devices.size() ? s->devices[t] : -1);
        if (hovered) {
            QColor fill = colour;
            fill.setAlpha(90);
            painter.fillRect(area(m_regions[t]), fill);
        }
        painter.setPen(QPen(colour, hovered ? 2.5 : 1.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(area(m_regions[t]).adjusted(0.5, 0.5, -0.5, -0.5));
    }
    painter.setPen(QPen(text, 1));
    painter.drawRect(in);
    const double ratio = double(read) / (rows * columns);
    QFont small = font();
    small.setPointSizeF(std::max(6.5, small.pointSizeF() - 1.5));
    painter.setFont(small);
    painter.drawText(
        QRectF(in.left(), in.bottom() + 2, in.width(), kCaption), Qt::AlignLeft | Qt::TextWordWrap,
        tr("Receptive regions outlined, overlaps shaded (darker: more tiles). The tiles read %1× "
           "this input.")
            .arg(ratio, 0, 'f', 2));
}

bool TileCanvas::event(QEvent* event) {
    if (event->type() != QEvent::ToolTip) {
        return QWidget::event(event);
    }
    const auto* help = static_cast<QHelpEvent*>(event);
    const auto* s = stage();
    const auto [rows, columns] = extent();
    if (!s) {
        QToolTip::hideText();
        return true;
    }
    if (const auto cut = cutAt(help->pos())) {
        const auto& cuts = cut->axis == Axis::Rows ? s->rowCuts : s->colCuts;
        QToolTip::showText(
            help->globalPos(),
            cut->axis == Axis::Rows
                ? tr("Row cut at %1: drag up or down to resize the tiles").arg(cuts[std::size_t(cut->index)])
                : tr("Column cut at %1: drag left or right to resize the tiles")
                      .arg(cuts[std::size_t(cut->index)]),
            this);
        return true;
    }
    const int tile = tileAt(help->pos());
    if (tile < 0) {
        QToolTip::hideText();
        return true;
    }
    const auto r = partition::rangesFromCuts(rows, s->rowCuts)[std::size_t(tile / s->columns())];
    const auto c = partition::rangesFromCuts(columns, s->colCuts)[std::size_t(tile % s->columns())];
    const auto& devices = m_project->cluster().devices;
    const int device = std::size_t(tile) < s->devices.size() ? s->devices[std::size_t(tile)] : -1;
    QString tip = tr("Tile %1: rows %2–%3, columns %4–%5, on %6. Drag it onto a device to move it.")
                      .arg(tile)
                      .arg(r.begin)
                      .arg(r.end - 1)
                      .arg(c.begin)
                      .arg(c.end - 1)
                      .arg(device >= 0 && std::size_t(device) < devices.size()
                               ? toQString(devices[std::size_t(device)].name)
                               : tr("device #%1").arg(device));
    if (std::size_t(tile) < m_regions.size() && !m_regions[std::size_t(tile)].empty()) {
        const auto& in = m_regions[std::size_t(tile)];
        tip += QLatin1Char('\n') + tr("Reads rows %1–%2, columns %3–%4 of %5.")
                                       .arg(in[2].begin)
                                       .arg(in[2].end - 1)
                                       .arg(in[3].begin)
                                       .arg(in[3].end - 1)
                                       .arg(m_inputValue);
    }
    QToolTip::showText(help->globalPos(), tip, this);
    return true;
}

} // namespace tessera::ui
