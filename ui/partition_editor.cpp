#include "ui/partition_editor.h"

#include "core/partition/region.h"
#include "ui/core_text.h"
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
        emit refused(tr("Cannot fuse these layers: %1").arg(CoreText::translate(next.error().message)));
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
        emit refused(tr("Cannot place these layers: %1").arg(CoreText::translate(next.error().message)));
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
        emit refused(
            tr("Cannot split these layers by channels: %1").arg(CoreText::translate(next.error().message)));
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

const partition::Stage* PartitionEditor::tileStage(std::size_t node) {
    if (!m_project->hasProject()) {
        return nullptr;
    }
    const int index = m_project->plan().stageOf(node);
    if (index < 0 || m_project->plan().stages[std::size_t(index)].kind != partition::StageKind::Tiles) {
        emit refused(tr("This layer is not part of a tile block: fuse a layer range first."));
        return nullptr;
    }
    return &m_project->plan().stages[std::size_t(index)];
}

QString PartitionEditor::blockName(const partition::Stage& stage) const {
    const auto& graph = m_project->model().graph;
    return tr("%1..%2").arg(toQString(graph.nodes[stage.first].name),
                            toQString(graph.nodes[stage.last].name));
}

bool PartitionEditor::editTiles(std::size_t node, const std::function<void(partition::Stage&)>& change,
                                const std::function<QString(const QString& block)>& text, int mergeKey) {
    const partition::Stage* current = tileStage(node);
    if (!current) {
        return false;
    }
    partition::Stage stage = *current;
    change(stage);
    if (stage == *current) {
        return false;
    }
    const auto& plan = m_project->plan();
    auto next = replaceStage(plan, std::size_t(plan.stageOf(node)), std::move(stage),
                             m_project->model().graph, m_project->cluster());
    if (!next) {
        emit refused(tr("Cannot change the tile block: %1").arg(CoreText::translate(next.error().message)));
        return false;
    }
    m_project->undoStack()->push(
        new PlanEditCommand(m_project, plan, std::move(*next), text(blockName(*current)), mergeKey));
    return true;
}

bool PartitionEditor::setTileCuts(std::size_t node, std::vector<std::int64_t> rowCuts,
                                  std::vector<std::int64_t> colCuts, int mergeKey) {
    return editTiles(
        node,
        [&](partition::Stage& stage) {
            // Moving a cut line keeps the grid, so every tile keeps its device.
            const bool sameGrid =
                rowCuts.size() == stage.rowCuts.size() && colCuts.size() == stage.colCuts.size();
            stage.rowCuts = std::move(rowCuts);
            stage.colCuts = std::move(colCuts);
            if (!sameGrid) {
                stage.devices = roundRobinDevices(m_project->cluster(), stage.cells());
            }
        },
        [](const QString& block) { return tr("Move the cut lines of %1").arg(block); }, mergeKey);
}

bool PartitionEditor::regridTiles(std::size_t node, int rows, int columns) {
    const partition::Stage* stage = tileStage(node);
    if (!stage) {
        return false;
    }
    const auto& graph = m_project->model().graph;
    const auto& shape = graph.value(graph.nodes[stage->last].outputs.at(0))->shape; // 4-D: the plan is valid
    if (rows < 1 || columns < 1 || rows > shape[2] || columns > shape[3]) {
        emit refused(tr("A %1x%2 output cannot be cut into %3x%4 tiles: a tile needs at least one row and "
                        "one column.")
                         .arg(shape[2])
                         .arg(shape[3])
                         .arg(rows)
                         .arg(columns));
        return false;
    }
    return editTiles(
        node,
        [&](partition::Stage& next) {
            next.rowCuts = partition::uniformCuts(shape[2], rows);
            next.colCuts = partition::uniformCuts(shape[3], columns);
            if (next.cells() != stage->cells()) {
                next.devices = roundRobinDevices(m_project->cluster(), next.cells());
            }
        },
        [&](const QString& block) {
            return tr("Cut %1 into %2x%3 tiles").arg(block, QString::number(rows), QString::number(columns));
        });
}

bool PartitionEditor::setTileOptions(std::size_t node, bool reuse, bool stealing) {
    return editTiles(
        node,
        [&](partition::Stage& stage) {
            stage.reuse = reuse;
            stage.stealing = stealing;
        },
        [&](const QString& block) {
            return tr("Set data reuse %1, work stealing %2 for %3")
                .arg(reuse ? tr("on") : tr("off"), stealing ? tr("on") : tr("off"), block);
        });
}

bool PartitionEditor::assignTile(std::size_t node, int tile, int device) {
    const partition::Stage* stage = tileStage(node);
    if (!stage) {
        return false;
    }
    if (device < 0 || device >= int(m_project->cluster().devices.size())) {
        emit refused(tr("There is no device #%1 in the cluster (it has %n device(s)).", nullptr,
                        int(m_project->cluster().devices.size()))
                         .arg(device));
        return false;
    }
    if (tile < 0 || std::size_t(tile) >= stage->devices.size()) {
        emit refused(
            tr("There is no tile %1 in this block (it has %n tile(s)).", nullptr, int(stage->devices.size()))
                .arg(tile));
        return false;
    }
    return editTiles(
        node, [&](partition::Stage& next) { next.devices[std::size_t(tile)] = device; },
        [&](const QString& block) {
            return tr("Run tile %1 of %2 on %3")
                .arg(QString::number(tile), block,
                     toQString(m_project->cluster().devices[std::size_t(device)].name));
        });
}

} // namespace tessera::ui
