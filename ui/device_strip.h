#pragma once
// The tile editor's device strip: one chip per device of the cluster (its colour, its name and how many
// tiles of the shown block it runs), wrapping over as many lines as the width needs. A tile dropped on a
// chip (kTileMimeType) runs on that device; a chip can be dragged (kDeviceMimeType) onto a tile. Both apply
// through PartitionEditor::assignTile, one undo step.

#include <QWidget>

#include <vector>

namespace tessera::ui {

class PartitionEditor;
class ProjectModel;

class DeviceStrip : public QWidget {
    Q_OBJECT
public:
    DeviceStrip(ProjectModel* project, PartitionEditor* editor, QWidget* parent = nullptr);

    // Tiles per device of the shown block (index = device); empty: no block.
    void setTileCounts(std::vector<int> counts);
    // The chip of `device`, in widget coordinates (empty when there is no such device).
    QRect chipRect(int device) const;
    int deviceAt(const QPoint& pos) const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // The chips laid out for `width`.
    std::vector<QRect> layoutChips(int width) const;
    QString chipText(int device) const;

    ProjectModel* m_project;
    PartitionEditor* m_editor;
    std::vector<int> m_counts;
    int m_pressDevice = -1;
    QPoint m_pressPos;
    int m_dropDevice = -1;
};

} // namespace tessera::ui
