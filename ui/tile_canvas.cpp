#include "ui/tile_canvas.h"

#include <QApplication>
#include <QDrag>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPixmap>

#include <algorithm>
#include <cmath>

#include "core/partition/region.h"
#include "ui/palette.h"
#include "ui/partition_editor.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"
#include "ui/tile_mime.h"

namespace tessera::ui {
namespace {

constexpr double kGrab = 4; // how close (px) the pointer must be to grab a cut line

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
        swatch.fill(deviceColor(std::size_t(tile) < s->devices.size() ? s->devices[std::size_t(tile)] : -1));
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
