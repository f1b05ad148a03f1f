// PartitionEditor's edits of a channel split (a LOP or LIP stage): the channel split editor's shares,
// devices, reducer and fused pair.

#include "ui/core_text.h"
#include "ui/partition_editor.h"

#include <algorithm>

#include "ui/project_model.h"
#include "ui/qt_convert.h"
#include "ui/undo_commands.h"

namespace tessera::ui {

const partition::Stage* PartitionEditor::channelStageOf(std::size_t node, std::size_t* index) const {
    if (!m_project->hasProject()) {
        return nullptr;
    }
    const int stage = m_project->plan().stageOf(node);
    if (stage < 0) {
        return nullptr;
    }
    const auto& s = m_project->plan().stages[std::size_t(stage)];
    if (s.kind != partition::StageKind::Lop && s.kind != partition::StageKind::Lip) {
        return nullptr;
    }
    if (index) {
        *index = std::size_t(stage);
    }
    return &s;
}

bool PartitionEditor::pushPlanEdit(Expected<partition::Plan> next, const QString& what, const QString& text,
                                   int mergeKey) {
    if (!next) {
        emit refused(tr("%1: %2").arg(what, CoreText::translate(next.error().message)));
        return false;
    }
    if (*next == m_project->plan()) {
        return false;
    }
    m_project->undoStack()->push(
        new PlanEditCommand(m_project, m_project->plan(), std::move(*next), text, mergeKey));
    return true;
}

bool PartitionEditor::editChannelSlices(std::size_t node, const ChannelChange& change, bool keepFused,
                                        const QString& text, int mergeKey) {
    std::size_t index = 0;
    const partition::Stage* stage = channelStageOf(node, &index);
    if (!stage) {
        emit refused(tr("This layer is not part of a channel split: split a layer range by channels first."));
        return false;
    }
    const auto& graph = m_project->model().graph;
    const auto axis = channelAxis(graph, stage->first, stage->last, stage->kind);
    const QString what = tr("Cannot change the channel split");
    auto slices = change(channelSlices(*stage, axis.channels), axis);
    if (!slices) {
        emit refused(tr("%1: %2").arg(what, CoreText::translate(slices.error().message)));
        return false;
    }
    return pushPlanEdit(
        setChannelSlices(m_project->plan(), index, *slices, keepFused, graph, m_project->cluster()), what,
        text, mergeKey);
}

bool PartitionEditor::fuseChannelPair(std::size_t node) {
    std::size_t index = 0;
    if (!channelStageOf(node, &index)) {
        emit refused(tr("This layer is not part of a channel split: split a layer range by channels first."));
        return false;
    }
    const auto& graph = m_project->model().graph;
    const auto& plan = m_project->plan();
    const int other = pairedStage(plan, index, graph);
    // The LIP half is the one that changes.
    const QString text = other < 0 ? QString()
                                   : tr("Cut %1 as the LOP stage before it")
                                         .arg(blockName(plan.stages[std::max(index, std::size_t(other))]));
    return pushPlanEdit(fusePair(plan, index, graph, m_project->cluster()),
                        tr("Cannot fuse the LOP and LIP stages"), text, -1);
}

bool PartitionEditor::setLipReducer(std::size_t node, int device) {
    std::size_t index = 0;
    const partition::Stage* stage = channelStageOf(node, &index);
    if (!stage || stage->kind != partition::StageKind::Lip) {
        emit refused(tr("Only a LIP stage (a split by input channels) has a reducer."));
        return false;
    }
    const auto& cluster = m_project->cluster();
    const QString name = blockName(*stage);
    const QString text = device < 0
                             ? tr("Reduce %1 on its first slice's device").arg(name)
                             : tr("Reduce %1 on %2")
                                   .arg(name, device < int(cluster.devices.size())
                                                  ? toQString(cluster.devices[std::size_t(device)].name)
                                                  : QString::number(device));
    return pushPlanEdit(setReducer(m_project->plan(), index, device, m_project->model().graph, cluster),
                        tr("Cannot change the reducer"), text, -1);
}

} // namespace tessera::ui
