#pragma once
// The partition edits the studio offers, as undoable commands on the project: fuse a layer range into a tile
// block, place a range whole on a device, reset to the whole model on the gateway, and the tile editor's
// edits of a block (cut lines, grid, options, tile devices). An edit the core refuses is not applied;
// refused() carries the reason (the core validation messages) for the views to show inline.

#include <QObject>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "ui/plan_edit.h"

namespace tessera::ui {

class NodeSelection;
class ProjectModel;

class PartitionEditor : public QObject {
    Q_OBJECT
public:
    PartitionEditor(ProjectModel* project, NodeSelection* selection, QObject* parent = nullptr);

    // The selection's range (its first to its last node), or false when nothing is selected.
    bool selectedRange(std::size_t* first, std::size_t* last) const;

    // Each returns true when the edit was applied (one undo step), else emits refused().
    bool fuse(std::size_t first, std::size_t last, const TileSettings& settings);
    bool place(std::size_t first, std::size_t last, int device);
    // Output-channel (Lop) or input-channel (Lip) split over every device, equal shares.
    bool split(std::size_t first, std::size_t last, partition::StageKind kind);
    bool splitSelection(partition::StageKind kind);
    bool fuseSelection(const TileSettings& settings);
    bool placeSelection(int device);
    void resetPlan();

    // Edits of the tile stage holding node `node`; each is one undo step (false when nothing changed, or
    // refused() with the core's reasons when the result would not be a valid plan). Edits passing the same
    // `mergeKey` (from newMergeKey(), e.g. every step of one cut-line drag) merge into one step.
    bool setTileCuts(std::size_t node, std::vector<std::int64_t> rowCuts, std::vector<std::int64_t> colCuts,
                     int mergeKey = -1);
    // rows x columns uniform tiles; when the number of tiles changes they are dealt round-robin over every
    // device (gateway first). setTileCuts does the same when the number of cuts changes.
    bool regridTiles(std::size_t node, int rows, int columns);
    bool setTileOptions(std::size_t node, bool reuse, bool stealing);
    // Tile `tile` (row-major) runs on `device`.
    bool assignTile(std::size_t node, int tile, int device);
    int newMergeKey() { return ++m_mergeKeys; }

signals:
    void refused(const QString& reason);

private:
    // The tile stage holding `node`, or nullptr after emitting refused().
    const partition::Stage* tileStage(std::size_t node);
    QString blockName(const partition::Stage& stage) const;
    // `text`: the undo text, given the block's name.
    bool editTiles(std::size_t node, const std::function<void(partition::Stage&)>& change,
                   const std::function<QString(const QString& block)>& text, int mergeKey = -1);

    ProjectModel* m_project;
    NodeSelection* m_selection;
    int m_mergeKeys = 0;
};

} // namespace tessera::ui
