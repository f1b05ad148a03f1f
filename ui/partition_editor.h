#pragma once
// The partition edits the studio offers, as undoable commands on the project: fuse a layer range into a tile
// block, place a range whole on a device, reset to the whole model on the gateway. An edit the core refuses
// is not applied; refused() carries the reason (the core validation messages) for the views to show inline.

#include <QObject>

#include <cstddef>

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

signals:
    void refused(const QString& reason);

private:
    ProjectModel* m_project;
    NodeSelection* m_selection;
};

} // namespace tessera::ui
