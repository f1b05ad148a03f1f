#pragma once
// The undo commands of the studio. Each stores what it changes by value (device indices, old and new devices,
// old and new plans) - never a pointer into a view or the selection - and applies it through ProjectModel's
// setters, so undo() restores exactly the state before redo().

#include <QUndoCommand>

#include "core/cost/cluster.h"
#include "core/partition/plan.h"
#include "ui/project_document.h"

namespace tessera::ui {

class ProjectModel;

// Replaces the plan (fuse as tile block, place on device, reset, an applied solver result, a tile edit).
// Commands pushed with the same `mergeKey` (>= 0; e.g. every step of one cut-line drag) merge into one undo
// step that goes from the first one's plan to the last one's; a merged step that ends where it began drops
// out of the stack. -1: never merges.
class PlanEditCommand : public QUndoCommand {
public:
    PlanEditCommand(ProjectModel* project, partition::Plan before, partition::Plan after, const QString& text,
                    int mergeKey = -1);
    void redo() override;
    void undo() override;
    int id() const override { return m_mergeKey < 0 ? -1 : 2; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    ProjectModel* m_project;
    partition::Plan m_before, m_after;
    int m_mergeKey;
};

// Replaces the cluster, the plan and the solver settings together (an applied optimizer result, with the
// budgets it was solved for).
class ProjectStateCommand : public QUndoCommand {
public:
    struct State {
        cost::Cluster cluster;
        partition::Plan plan;
        SolverSettings solver;
    };
    ProjectStateCommand(ProjectModel* project, State before, State after, const QString& text);
    void redo() override;
    void undo() override;

private:
    void apply(const State& state);
    ProjectModel* m_project;
    State m_before, m_after;
};

// Appends a device to the cluster.
class AddDeviceCommand : public QUndoCommand {
public:
    AddDeviceCommand(ProjectModel* project, cost::Device device);
    void redo() override;
    void undo() override;

private:
    ProjectModel* m_project;
    cost::Device m_device;
};

// Changes device `index`. Consecutive edits of the same device merge into one step.
class EditDeviceCommand : public QUndoCommand {
public:
    EditDeviceCommand(ProjectModel* project, int index, cost::Device before, cost::Device after);
    void redo() override;
    void undo() override;
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    void apply(const cost::Device& device);
    ProjectModel* m_project;
    int m_index;
    cost::Device m_before, m_after;
};

// Removes device `index`; what it ran moves to the gateway (or the first device when it was the gateway).
class RemoveDeviceCommand : public QUndoCommand {
public:
    // Precondition: the cluster has more than one device.
    RemoveDeviceCommand(ProjectModel* project, int index);
    void redo() override;
    void undo() override;

private:
    ProjectModel* m_project;
    int m_index;
    cost::Device m_device;
    int m_gatewayBefore, m_gatewayAfter;
    partition::Plan m_planBefore, m_planAfter;
};

} // namespace tessera::ui
