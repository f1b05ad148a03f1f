#pragma once
// The partition edits the studio offers, as undoable commands on the project: fuse a layer range into a tile
// block, place a range whole on a device, reset to the whole model on the gateway, the tile editor's
// edits of a block (cut lines, grid, options, tile devices) and the channel split editor's edits of a LOP or
// LIP stage (shares, devices, reducer, fused pair). An edit the core refuses is not applied;
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

    // Edits of the channel split (Lop or Lip stage) holding node `node`, in partition_editor_channels.cpp.
    // `change` gets the stage's current slices and channel axis and returns the new slices, or why they
    // cannot be (emitted as refused()); the result is one undo step named `text` (false when nothing changed
    // or the core refuses the plan). With `keepFused`, when the stage is half of a fused LOP/LIP pair the
    // other half takes the same slices. Edits passing the same `mergeKey` (a slider drag) merge into one
    // step.
    using ChannelChange = std::function<Expected<ChannelSlices>(const ChannelSlices&, const ChannelAxis&)>;
    bool editChannelSlices(std::size_t node, const ChannelChange& change, bool keepFused, const QString& text,
                           int mergeKey = -1);
    // The LIP half of the pair holding node `node`'s stage takes the LOP half's cuts and devices (fusePair).
    bool fuseChannelPair(std::size_t node);
    // The LIP stage holding `node` adds its partial sums on `device` (-1: its first slice's device).
    bool setLipReducer(std::size_t node, int device);
    // The channel split stage holding `node` (its index in the plan in `index`), or nullptr.
    const partition::Stage* channelStageOf(std::size_t node, std::size_t* index = nullptr) const;

signals:
    void refused(const QString& reason);

private:
    // The tile stage holding `node`, or nullptr after emitting refused().
    const partition::Stage* tileStage(std::size_t node);
    QString blockName(const partition::Stage& stage) const;
    // Pushes the edit from the current plan to `next` (or emits refused() with `what` and the error).
    bool pushPlanEdit(Expected<partition::Plan> next, const QString& what, const QString& text, int mergeKey);
    // `text`: the undo text, given the block's name.
    bool editTiles(std::size_t node, const std::function<void(partition::Stage&)>& change,
                   const std::function<QString(const QString& block)>& text, int mergeKey = -1);

    ProjectModel* m_project;
    NodeSelection* m_selection;
    int m_mergeKeys = 0;
};

} // namespace tessera::ui
