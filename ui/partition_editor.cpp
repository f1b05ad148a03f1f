#include "ui/partition_editor.h"

#include "ui/node_selection.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"
#include "ui/undo_commands.h"

namespace tessera::ui {

PartitionEditor::PartitionEditor(ProjectModel* project, NodeSelection* selection, QObject* parent)
    : QObject(parent)
    , m_project(project)
    , m_selection(selection) {}

bool PartitionEditor::selectedRange(std::size_t* first, std::size_t* last) const {
    if (m_selection->isEmpty()) {
        return false;
    }
    *first = m_selection->nodes().front();
    *last = m_selection->nodes().back();
    return true;
}

bool PartitionEditor::fuse(std::size_t first, std::size_t last, const TileSettings& settings) {
    if (!m_project->hasProject()) {
        return false;
    }
    const auto& graph = m_project->model().graph;
    auto next = fuseTiles(m_project->plan(), first, last, settings, graph, m_project->cluster());
    if (!next) {
        emit refused(tr("Cannot fuse these layers: %1").arg(toQString(next.error().message)));
        return false;
    }
    const QString text = tr("Fuse %1..%2 as %3x%4 tiles")
                             .arg(toQString(graph.nodes[first].name), toQString(graph.nodes[last].name))
                             .arg(settings.rows)
                             .arg(settings.columns);
    m_project->undoStack()->push(new PlanEditCommand(m_project, m_project->plan(), std::move(*next), text));
    return true;
}

bool PartitionEditor::place(std::size_t first, std::size_t last, int device) {
    if (!m_project->hasProject() || device < 0 || device >= int(m_project->cluster().devices.size())) {
        return false;
    }
    const auto& graph = m_project->model().graph;
    auto next = placeOnDevice(m_project->plan(), first, last, device, graph, m_project->cluster());
    if (!next) {
        emit refused(tr("Cannot place these layers: %1").arg(toQString(next.error().message)));
        return false;
    }
    const QString text = tr("Place %1..%2 on %3")
                             .arg(toQString(graph.nodes[first].name), toQString(graph.nodes[last].name),
                                  toQString(m_project->cluster().devices[std::size_t(device)].name));
    m_project->undoStack()->push(new PlanEditCommand(m_project, m_project->plan(), std::move(*next), text));
    return true;
}

bool PartitionEditor::split(std::size_t first, std::size_t last, partition::StageKind kind) {
    if (!m_project->hasProject()) {
        return false;
    }
    const auto& graph = m_project->model().graph;
    auto next = splitChannels(m_project->plan(), first, last, kind, graph, m_project->cluster());
    if (!next) {
        emit refused(tr("Cannot split these layers by channels: %1").arg(toQString(next.error().message)));
        return false;
    }
    const QString range =
        tr("%1..%2").arg(toQString(graph.nodes[first].name), toQString(graph.nodes[last].name));
    const QString text = kind == partition::StageKind::Lop ? tr("Split output channels of %1").arg(range)
                                                           : tr("Split input channels of %1").arg(range);
    m_project->undoStack()->push(new PlanEditCommand(m_project, m_project->plan(), std::move(*next), text));
    return true;
}

bool PartitionEditor::splitSelection(partition::StageKind kind) {
    std::size_t first = 0, last = 0;
    if (!selectedRange(&first, &last)) {
        emit refused(tr("Select the layers to split first (in the graph or the layer table)."));
        return false;
    }
    return split(first, last, kind);
}

bool PartitionEditor::fuseSelection(const TileSettings& settings) {
    std::size_t first = 0, last = 0;
    if (!selectedRange(&first, &last)) {
        emit refused(tr("Select the layers to fuse first (in the graph or the layer table)."));
        return false;
    }
    return fuse(first, last, settings);
}

bool PartitionEditor::placeSelection(int device) {
    std::size_t first = 0, last = 0;
    if (!selectedRange(&first, &last)) {
        emit refused(tr("Select the layers to place first (in the graph or the layer table)."));
        return false;
    }
    return place(first, last, device);
}

void PartitionEditor::resetPlan() {
    if (!m_project->hasProject()) {
        return;
    }
    auto whole = partition::wholeModelPlan(m_project->model().graph, m_project->cluster().gateway);
    if (whole == m_project->plan()) {
        return;
    }
    m_project->undoStack()->push(
        new PlanEditCommand(m_project, m_project->plan(), std::move(whole), tr("Reset the plan")));
}

} // namespace tessera::ui
