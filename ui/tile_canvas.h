#pragma once
// The drawing of one tile block in the tile editor: the block's output (the last node's H x W) cut by the
// block's row and column cut lines, each tile filled with its device's colour and labelled with its index and
// device; optionally, beside it, the block's input with every tile's receptive region and the overlaps
// shaded (darker where more tiles read the same pixels).
//
// Interactions, all applied through PartitionEditor (one undo step each): drag a cut line (the cursor shows
// where one can be grabbed; positions snap to whole rows/columns and stay strictly between the neighbouring
// cuts, so a drag cannot make the grid invalid; all the moves of one drag merge into one step); drag a tile
// out (kTileMimeType, e.g. onto the editor's device strip); drop a device (kDeviceMimeType) onto a tile.
// Redrawn from the project's signals; holds no plan state of its own beyond the block it shows.

#include <QWidget>

#include <optional>
#include <vector>

#include "core/partition/plan.h"
#include "core/partition/region.h"

class QMimeData;

namespace tessera::ui {

class PartitionEditor;
class ProjectModel;

class TileCanvas : public QWidget {
    Q_OBJECT
public:
    enum class Axis { Rows, Columns }; // row cuts are horizontal lines, column cuts vertical ones

    TileCanvas(ProjectModel* project, PartitionEditor* editor, QWidget* parent = nullptr);

    // Shows the tile stage holding `node`; nullopt (or a node outside any tile stage): nothing.
    void setBlockNode(std::optional<std::size_t> node);
    void setShowInput(bool show);
    bool showsInput() const { return m_showInput; }

    // Geometry in widget coordinates (valid while a block is shown), for hit testing and tests.
    // A point of the output at fractional element coordinates (row, column).
    QPointF outputPoint(double row, double column) const;
    // The middle of cut line `index` along `axis`.
    QPointF cutHandle(Axis axis, int index) const;
    QPointF tileCenter(int tile) const;
    // The tile under `pos`, or -1.
    int tileAt(const QPointF& pos) const;

    // The value whose receptive regions are drawn (the block's first node's data input) and each tile's
    // region of it (row-major); empty when the input is not shown.
    QString inputValue() const { return m_inputValue; }
    const std::vector<partition::Region>& inputRegions() const { return m_regions; }

    QSize sizeHint() const override { return {420, 300}; }
    QSize minimumSizeHint() const override { return {160, 120}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    bool event(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // Layout (px).
    static constexpr double kMargin = 6;     // around everything
    static constexpr double kTitle = 18;     // a panel's title line
    static constexpr double kCaption = 46;   // under the input: up to three lines
    static constexpr double kCutLabels = 14; // above the output: column cut positions
    static constexpr double kRowLabels = 26; // left of the output: row cut positions
    static constexpr double kGap = 18;       // between the output and the input panels

    struct Cut {
        Axis axis;
        int index;
    };
    struct CutDrag {
        Cut cut;
        int mergeKey;
        std::vector<std::int64_t> rowCuts, colCuts; // before the drag, restored by Escape
    };

    const partition::Stage* stage() const;
    // The output's extent (rows, columns); {0, 0} without a block.
    std::pair<std::int64_t, std::int64_t> extent() const;
    QRectF outputRect() const;
    QRectF inputRect() const;
    QRectF tileRect(int tile) const;
    std::optional<Cut> cutAt(const QPointF& pos) const;
    void moveCut(const CutDrag& drag, const QPointF& pos);
    void updateRegions();
    void paintOutput(QPainter& painter, const partition::Stage& stage);
    void paintInput(QPainter& painter);

    ProjectModel* m_project;
    PartitionEditor* m_editor;
    std::optional<std::size_t> m_node;
    bool m_showInput = false;
    std::optional<Cut> m_hoverCut;
    int m_hoverTile = -1;
    int m_dropTile = -1; // the tile under a device being dragged over
    std::optional<CutDrag> m_drag;
    int m_pressTile = -1;
    QPoint m_pressPos;
    // The receptive regions of the shown stage (recomputed when the stage changes while they are shown).
    std::optional<partition::Stage> m_regionsOf;
    QString m_inputValue;
    std::vector<std::int64_t> m_inputShape;
    std::vector<partition::Region> m_regions;
};

} // namespace tessera::ui
