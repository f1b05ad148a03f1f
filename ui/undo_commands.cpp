#include "ui/undo_commands.h"

#include <QCoreApplication>

#include "ui/plan_edit.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"

namespace tessera::ui {

PlanEditCommand::PlanEditCommand(ProjectModel* project, partition::Plan before, partition::Plan after,
                                 const QString& text, int mergeKey)
    : QUndoCommand(text)
    , m_project(project)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_mergeKey(mergeKey) {}

void PlanEditCommand::redo() {
    m_project->setPlan(m_after);
}

void PlanEditCommand::undo() {
    m_project->setPlan(m_before);
}

bool PlanEditCommand::mergeWith(const QUndoCommand* other) {
    const auto* edit = static_cast<const PlanEditCommand*>(other);
    if (edit->m_mergeKey != m_mergeKey) {
        return false;
    }
    m_after = edit->m_after;
    setText(edit->text());
    setObsolete(m_after == m_before);
    return true;
}

ProjectStateCommand::ProjectStateCommand(ProjectModel* project, State before, State after,
                                         const QString& text)
    : QUndoCommand(text)
    , m_project(project)
    , m_before(std::move(before))
    , m_after(std::move(after)) {}

void ProjectStateCommand::redo() {
    apply(m_after);
}

void ProjectStateCommand::undo() {
    apply(m_before);
}

void ProjectStateCommand::apply(const State& state) {
    m_project->setSolverSettings(state.solver);
    m_project->setClusterAndPlan(state.cluster, state.plan);
}

AddDeviceCommand::AddDeviceCommand(ProjectModel* project, cost::Device device)
    : QUndoCommand(
          QCoreApplication::translate("tessera::ui::Commands", "Add device %1").arg(toQString(device.name)))
    , m_project(project)
    , m_device(std::move(device)) {}

void AddDeviceCommand::redo() {
    cost::Cluster cluster = m_project->cluster();
    cluster.devices.push_back(m_device);
    m_project->setClusterAndPlan(cluster, m_project->plan());
}

void AddDeviceCommand::undo() {
    cost::Cluster cluster = m_project->cluster();
    cluster.devices.pop_back();
    m_project->setClusterAndPlan(cluster, m_project->plan());
}

EditDeviceCommand::EditDeviceCommand(ProjectModel* project, int index, cost::Device before,
                                     cost::Device after)
    : QUndoCommand(
          QCoreApplication::translate("tessera::ui::Commands", "Edit device %1").arg(toQString(after.name)))
    , m_project(project)
    , m_index(index)
    , m_before(std::move(before))
    , m_after(std::move(after)) {}

void EditDeviceCommand::apply(const cost::Device& device) {
    cost::Cluster cluster = m_project->cluster();
    cluster.devices[std::size_t(m_index)] = device;
    m_project->setClusterAndPlan(cluster, m_project->plan());
}

void EditDeviceCommand::redo() {
    apply(m_after);
}

void EditDeviceCommand::undo() {
    apply(m_before);
}

bool EditDeviceCommand::mergeWith(const QUndoCommand* other) {
    const auto* edit = static_cast<const EditDeviceCommand*>(other);
    if (edit->m_index != m_index) {
        return false;
    }
    m_after = edit->m_after;
    setText(edit->text());
    return true;
}

RemoveDeviceCommand::RemoveDeviceCommand(ProjectModel* project, int index)
    : m_project(project)
    , m_index(index) {
    const auto& cluster = project->cluster();
    m_device = cluster.devices.at(std::size_t(index));
    setText(QCoreApplication::translate("tessera::ui::Commands", "Remove device %1")
                .arg(toQString(m_device.name)));
    m_gatewayBefore = cluster.gateway;
    // The gateway keeps its role unless it is the one leaving; then the first remaining device takes it.
    m_gatewayAfter =
        index == cluster.gateway ? 0 : (cluster.gateway > index ? cluster.gateway - 1 : cluster.gateway);
    m_planBefore = project->plan();
    m_planAfter = withoutDevice(m_planBefore, index, m_gatewayAfter);
}

void RemoveDeviceCommand::redo() {
    cost::Cluster cluster = m_project->cluster();
    cluster.devices.erase(cluster.devices.begin() + m_index);
    cluster.gateway = m_gatewayAfter;
    m_project->setClusterAndPlan(cluster, m_planAfter);
}

void RemoveDeviceCommand::undo() {
    cost::Cluster cluster = m_project->cluster();
    cluster.devices.insert(cluster.devices.begin() + m_index, m_device);
    cluster.gateway = m_gatewayBefore;
    m_project->setClusterAndPlan(cluster, m_planBefore);
}

} // namespace tessera::ui
