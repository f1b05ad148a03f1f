#include "ui/tile_canvas.h"

#include <QApplication>
#include <QDrag>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

#include "core/partition/geometry.h"
#include "ui/palette.h"
#include "ui/partition_editor.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"
#include "ui/tile_mime.h"

namespace tessera::ui {
namespace {

constexpr double kMargin = 6;     // around everything
constexpr double kTitle = 18;     // a panel's title line
constexpr double kCaption = 46;   // under the input: up to three lines
constexpr double kCutLabels = 14; // above the output: column cut positions
constexpr double kRowLabels = 26; // left of the output: row cut positions
constexpr double kGap = 18;       // between the output and the input panels
constexpr double kGrab = 4;       // how close (px) the pointer must be to grab a cut line

// The largest rectangle of aspect width:height inside `box`, at its top, centred horizontally.
QRectF fit(const QRectF& box, double width, double height) {
    if (width <= 0 || height <= 0 || box.width() <= 0 || box.height() <= 0) {
        return {};
    }
    const double scale = std::min(box.width() / width, box.height() / height);
    const QSizeF size(width * scale, height * scale);
    return {QPointF(box.left() + (box.width() - size.width()) / 2, box.top()), size};
}

// Index of the part of [0, extent) cut at `cuts` that holds element position `at`.
int partOf(const std::vector<std::int64_t>& cuts, double at) {
    return int(std::upper_bound(cuts.begin(), cuts.end(), std::int64_t(std::floor(at))) - cuts.begin());
}

} // namespace

TileCanvas::TileCanvas(ProjectModel* project, PartitionEditor* editor, QWidget* parent)
    : QWidget(parent)
    , m_project(project)
    , m_editor(editor) {
    setMouseTracking(true);
    setAcceptDrops(true);
    setFocusPolicy(Qt::ClickFocus); // Escape cancels a drag
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    auto refresh = [this] {
        if (!stage()) {
            m_drag.reset();
            m_hoverCut.reset();
            m_hoverTile = -1;
        }
        updateRegions();
        update();
    };
    connect(project, &ProjectModel::planChanged, this, refresh);
    connect(project, &ProjectModel::clusterChanged, this, refresh);
    connect(project, &ProjectModel::projectReset, this, [this, refresh] {
        m_node.reset();
        refresh();
    });
}

void TileCanvas::setBlockNode(std::optional<std::size_t> node) {
    if (node == m_node) {
        return;
    }
    m_node = node;
    m_drag.reset();
    m_hoverCut.reset();
    m_hoverTile = -1;
    updateRegions();
    update();
}

void TileCanvas::setShowInput(bool show) {
    if (show == m_showInput) {
        return;
    }
    m_showInput = show;
    updateRegions();
    update();
}

const partition::Stage* TileCanvas::stage() const {
    if (!m_node || !m_project->hasProject()) {
        return nullptr;
    }
    const int index = m_project->plan().stageOf(*m_node);
    if (index < 0) {
        return nullptr;
    }
    const auto& stage = m_project->plan().stages[std::size_t(index)];
    return stage.kind == partition::StageKind::Tiles ? &stage : nullptr;
}

std::pair<std::int64_t, std::int64_t> TileCanvas::extent() const {
    const auto* s = stage();
    if (!s) {
        return {0, 0};
    }
    const auto& graph = m_project->model().graph;
    const auto* out = graph.value(graph.nodes[s->last].outputs.at(0));
    if (!out || out->shape.size() != 4) {
        return {0, 0};
    }
    return {out->shape[2], out->shape[3]};
}

QRectF TileCanvas::outputRect() const {
    const auto [rows, columns] = extent();
    QRectF area = QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    if (m_showInput) {
        area.setWidth((area.width() - kGap) / 2);
    }
    return fit(area.adjusted(kRowLabels, kTitle + kCutLabels, 0, 0), double(columns), double(rows));
}

QRectF TileCanvas::inputRect() const {
    if (!m_showInput || m_inputShape.size() != 4) {
        return {};
    }
    QRectF area = QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const double half = (area.width() - kGap) / 2;
    area.setLeft(area.left() + half + kGap);
    return fit(area.adjusted(0, kTitle + kCutLabels, 0, -kCaption), double(m_inputShape[3]),
               double(m_inputShape[2]));
}

QPointF TileCanvas::outputPoint(double row, double column) const {
    const auto [rows, columns] = extent();
    const QRectF out = outputRect();
    if (rows == 0 || out.isEmpty()) {
        return {};
    }
    return {out.left() + column * out.width() / double(columns),
            out.top() + row * out.height() / double(rows)};
}

QPointF TileCanvas::cutHandle(Axis axis, int index) const {
    const auto* s = stage();
    const auto [rows, columns] = extent();
    if (!s) {
        return {};
    }
    const auto& cuts = axis == Axis::Rows ? s->rowCuts : s->colCuts;
    if (index < 0 || std::size_t(index) >= cuts.size()) {
        return {};
    }
    const double at = double(cuts[std::size_t(index)]);
    return axis == Axis::Rows ? outputPoint(at, double(columns) / 2) : outputPoint(double(rows) / 2, at);
}

QRectF TileCanvas::tileRect(int tile) const {
    const auto* s = stage();
    const auto [rows, columns] = extent();
    if (!s || tile < 0 || std::size_t(tile) >= s->cells()) {
        return {};
    }
    const auto rowRanges = partition::rangesFromCuts(rows, s->rowCuts);
    const auto colRanges = partition::rangesFromCuts(columns, s->colCuts);
    const auto& r = rowRanges[std::size_t(tile / s->columns())];
    const auto& c = colRanges[std::size_t(tile % s->columns())];
    return QRectF(outputPoint(double(r.begin), double(c.begin)), outputPoint(double(r.end), double(c.end)));
}

QPointF TileCanvas::tileCenter(int tile) const {
    return tileRect(tile).center();
}

int TileCanvas::tileAt(const QPointF& pos) const {
    const auto* s = stage();
    const auto [rows, columns] = extent();
    const QRectF out = outputRect();
    if (!s || !out.contains(pos)) {
        return -1;
    }
    const double row = (pos.y() - out.top()) / out.height() * double(rows);
    const double column = (pos.x() - out.left()) / out.width() * double(columns);
    return partOf(s->rowCuts, row) * s->columns() + partOf(s->colCuts, column);
}

std::optional<TileCanvas::Cut> TileCanvas::cutAt(const QPointF& pos) const {
    const auto* s = stage();
    const QRectF out = outputRect();
    if (!s || !out.adjusted(-kGrab, -kGrab, kGrab, kGrab).contains(pos)) {
        return std::nullopt;
    }
    std::optional<Cut> best;
    double bestDistance = kGrab;
    for (Axis axis : {Axis::Rows, Axis::Columns}) {
        const auto& cuts = axis == Axis::Rows ? s->rowCuts : s->colCuts;
        for (std::size_t i = 0; i < cuts.size(); ++i) {
            const QPointF at = cutHandle(axis, int(i));
            const double distance =
                axis == Axis::Rows ? std::abs(pos.y() - at.y()) : std::abs(pos.x() - at.x());
            if (distance <= bestDistance) {
                bestDistance = distance;
                best = Cut{axis, int(i)};
            }
        }
    }
    return best;
}

void TileCanvas::moveCut(const CutDrag& drag, const QPointF& pos) {
    const auto* s = stage();
    const auto [rows, columns] = extent();
    const QRectF out = outputRect();
    if (!s || out.isEmpty()) {
        return;
    }
    auto rowCuts = s->rowCuts, colCuts = s->colCuts;
    const bool alongRows = drag.cut.axis == Axis::Rows;
    auto& cuts = alongRows ? rowCuts : colCuts;
    const auto index = std::size_t(drag.cut.index);
    if (index >= cuts.size()) {
        return;
    }
    const std::int64_t length = alongRows ? rows : columns;
    const double at = alongRows ? (pos.y() - out.top()) / out.height() * double(rows)
                                : (pos.x() - out.left()) / out.width() * double(columns);
    // Snap to whole elements, strictly between the neighbouring cuts (or the border): the grid stays valid.
    const std::int64_t low = index > 0 ? cuts[index - 1] + 1 : 1;
    const std::int64_t high = index + 1 < cuts.size() ? cuts[index + 1] - 1 : length - 1;
    const std::int64_t snapped = std::clamp<std::int64_t>(std::llround(at), low, high);
    if (snapped == cuts[index]) {
        return;
    }
    cuts[index] = snapped;
    m_editor->setTileCuts(*m_node, std::move(rowCuts), std::move(colCuts), drag.mergeKey);
}

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
    for (int t = 0; t < int(s.cells()); ++t) {
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
        QColor colour = deviceColor(s->devices[t]);
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

void TileCanvas::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !stage()) {
        QWidget::mousePressEvent(event);
        return;
    }
    if (const auto cut = cutAt(event->position())) {
        // Every move of this drag carries the same key, so they merge into one undo step.
        const auto* s = stage();
        m_drag = CutDrag{*cut, m_editor->newMergeKey(), s->rowCuts, s->colCuts};
        update();
        return;
    }
    m_pressTile = tileAt(event->position());
    m_pressPos = event->position().toPoint();
}

void TileCanvas::mouseMoveEvent(QMouseEvent* event) {
    const QPointF pos = event->position();
    if (m_drag) {
        moveCut(*m_drag, pos);
        return;
    }
    const auto* s = stage();
    if (m_pressTile >= 0 && s &&
        (pos.toPoint() - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
        const int tile = m_pressTile;
        m_pressTile = -1;
        auto* drag = new QDrag(this);
        drag->setMimeData(tileMimeData({s->first, tile}));
        QPixmap swatch(24, 18);
        swatch.fill(deviceColor(s->devices[std::size_t(tile)]));
        drag->setPixmap(swatch);
        drag->exec(Qt::CopyAction | Qt::MoveAction, Qt::MoveAction);
        return;
    }
    const auto cut = cutAt(pos);
    const int tile = cut ? -1 : tileAt(pos);
    if (cut) {
        setCursor(cut->axis == Axis::Rows ? Qt::SplitVCursor : Qt::SplitHCursor);
    } else if (tile >= 0) {
        setCursor(Qt::OpenHandCursor);
    } else {
        unsetCursor();
    }
    const bool cutChanged = cut.has_value() != m_hoverCut.has_value() ||
                            (cut && (cut->axis != m_hoverCut->axis || cut->index != m_hoverCut->index));
    if (cutChanged || tile != m_hoverTile) {
        m_hoverCut = cut;
        m_hoverTile = tile;
        update();
    }
}

void TileCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        m_drag.reset();
        m_pressTile = -1;
        update();
    }
}

void TileCanvas::keyPressEvent(QKeyEvent* event) {
    if (event->key() != Qt::Key_Escape || !m_drag) {
        QWidget::keyPressEvent(event);
        return;
    }
    // Back to the cuts before the drag, with the drag's key: the merged step ends where it began and drops.
    const CutDrag drag = *m_drag;
    m_drag.reset();
    m_editor->setTileCuts(*m_node, drag.rowCuts, drag.colCuts, drag.mergeKey);
    update();
}

void TileCanvas::leaveEvent(QEvent*) {
    m_hoverCut.reset();
    m_hoverTile = -1;
    update();
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
    const int device = s->devices[std::size_t(tile)];
    QString tip = tr("Tile %1: rows %2–%3, columns %4–%5, on %6. Drag it onto a device to move it.")
                      .arg(tile)
                      .arg(r.begin)
                      .arg(r.end - 1)
                      .arg(c.begin)
                      .arg(c.end - 1)
                      .arg(toQString(m_project->cluster().devices.at(std::size_t(device)).name));
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

void TileCanvas::dragEnterEvent(QDragEnterEvent* event) {
    if (stage() && event->mimeData()->hasFormat(QString::fromLatin1(kDeviceMimeType))) {
        event->acceptProposedAction();
    }
}

void TileCanvas::dragMoveEvent(QDragMoveEvent* event) {
    const int tile = tileAt(event->position());
    if (tile != m_dropTile) {
        m_dropTile = tile;
        update();
    }
    if (tile >= 0) {
        event->acceptProposedAction();
    } else {
        event->ignore();
    }
}

void TileCanvas::dragLeaveEvent(QDragLeaveEvent*) {
    m_dropTile = -1;
    update();
}

void TileCanvas::dropEvent(QDropEvent* event) {
    m_dropTile = -1;
    const int tile = tileAt(event->position());
    const int device = deviceFromMime(event->mimeData());
    if (tile < 0 || device < 0 || !m_node) {
        event->ignore();
        update();
        return;
    }
    event->acceptProposedAction();
    m_editor->assignTile(*m_node, tile, device);
    update();
}

} // namespace tessera::ui
