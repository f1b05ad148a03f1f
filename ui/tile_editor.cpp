#include "ui/tile_editor.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/core_text.h"
#include "ui/device_strip.h"
#include "ui/node_selection.h"
#include "ui/partition_editor.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"
#include "ui/stage_explanation.h"
#include "ui/tile_canvas.h"

namespace tessera::ui {

TileEditor::TileEditor(ProjectModel* project, NodeSelection* selection, PartitionEditor* editor,
                       QWidget* parent)
    : QWidget(parent)
    , m_project(project)
    , m_selection(selection)
    , m_editor(editor)
    , m_pages(new QStackedWidget(this))
    , m_explanation(new StageExplanation(
          project, selection,
          {tr("Select a layer of a tile block (in the graph or the layer table) to edit its tiles here."),
           tr("%1 is not in a tile block."), tr("Tile blocks of this plan: %1"),
           tr("To make a tile block, select a range of layers (click the first, Shift+click the last) and "
              "choose Partition → Fuse as Tile Block… (Ctrl+T). Its output is cut into a grid of tiles that "
              "the devices compute in parallel.")},
          [project](const partition::Stage& stage) {
              const auto& nodes = project->model().graph.nodes;
              return stage.kind != partition::StageKind::Tiles
                         ? QString()
                         : tr("%1 … %2").arg(toQString(nodes[stage.first].name),
                                             toQString(nodes[stage.last].name));
          },
          this))
    , m_header(new QLabel(this))
    , m_rows(new QSpinBox(this))
    , m_columns(new QSpinBox(this))
    , m_reuse(new QCheckBox(tr("Data reuse"), this))
    , m_stealing(new QCheckBox(tr("Work stealing"), this))
    , m_showInput(new QToolButton(this))
    , m_canvas(new TileCanvas(project, editor, this))
    , m_strip(new DeviceStrip(project, editor, this))
    , m_message(makeMessageLabel(this)) {
    m_explanation->setObjectName(QStringLiteral("tileEditorExplanation"));
    m_header->setWordWrap(true);
    for (auto* spin : {m_rows, m_columns}) {
        // Typing "12" applies 12 once, not 1 and then 12.
        spin->setKeyboardTracking(false);
        spin->setMinimum(1);
    }
    m_rows->setToolTip(tr("Rows of tiles: the block's output is re-cut evenly"));
    m_columns->setToolTip(tr("Columns of tiles: the block's output is re-cut evenly"));
    m_reuse->setToolTip(
        tr("DeepThings' data reuse: in a checkerboard, the hatched (odd) tiles fetch the borders "
           "they share with their neighbours instead of recomputing them"));
    m_stealing->setToolTip(
        tr("Work stealing: an idle device takes pending tiles from a busy one at run time"));
    m_showInput->setText(tr("Show Input"));
    m_showInput->setCheckable(true);
    m_showInput->setToolTip(
        tr("Show the block's input with every tile's receptive region; overlaps are shaded"));

    // two rows: in one, the longer translations made the dock wider than the window has room for
    auto* grid = new QHBoxLayout;
    grid->addWidget(new QLabel(tr("Rows"), this));
    grid->addWidget(m_rows);
    grid->addWidget(new QLabel(tr("Columns"), this));
    grid->addWidget(m_columns);
    grid->addStretch();
    grid->addWidget(m_showInput);
    auto* toggles = new QHBoxLayout;
    toggles->addWidget(m_reuse);
    toggles->addWidget(m_stealing);
    toggles->addStretch();
    auto* stripLabel = new QLabel(tr("Drag a tile onto a device, or a device onto a tile:"), this);
    stripLabel->setWordWrap(true);

    auto* blockPage = new QWidget(this);
    auto* blockLayout = new QVBoxLayout(blockPage);
    blockLayout->setContentsMargins(0, 0, 0, 0);
    blockLayout->addWidget(m_header);
    blockLayout->addLayout(grid);
    blockLayout->addLayout(toggles);
    blockLayout->addWidget(m_canvas, 1);
    blockLayout->addWidget(stripLabel);
    blockLayout->addWidget(m_strip);
    blockLayout->addWidget(m_message);
    m_pages->addWidget(m_explanation);
    m_pages->addWidget(blockPage);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_pages);

    // The user's edits; refresh() sets the same widgets with their signals blocked.
    auto apply = [this](const std::function<void(std::size_t)>& edit) {
        const auto node = blockNode();
        if (!node) {
            return;
        }
        edit(*node);
        refresh();
    };
    connect(m_rows, &QSpinBox::valueChanged, this, [this, apply](int rows) {
        apply([&](std::size_t node) { m_editor->regridTiles(node, rows, m_columns->value()); });
    });
    connect(m_columns, &QSpinBox::valueChanged, this, [this, apply](int columns) {
        apply([&](std::size_t node) { m_editor->regridTiles(node, m_rows->value(), columns); });
    });
    auto options = [this, apply] {
        apply([this](std::size_t node) {
            m_editor->setTileOptions(node, m_reuse->isChecked(), m_stealing->isChecked());
        });
    };
    connect(m_reuse, &QCheckBox::toggled, this, options);
    connect(m_stealing, &QCheckBox::toggled, this, options);
    connect(m_showInput, &QToolButton::toggled, m_canvas, &TileCanvas::setShowInput);
    connect(editor, &PartitionEditor::refused, this, [this](const QString& reason) {
        m_refusal = reason;
        refresh();
    });
    // A refusal stays until the plan changes or another layer is selected.
    connect(project, &ProjectModel::planChanged, this, [this] { m_refusal.clear(); });
    connect(selection, &NodeSelection::changed, this, [this] {
        m_refusal.clear();
        refresh();
    });
    connect(project, &ProjectModel::previewChanged, this, &TileEditor::refresh);
    connect(project, &ProjectModel::projectReset, this, &TileEditor::refresh);
    refresh();
}

std::optional<std::size_t> TileEditor::blockNode() const {
    if (!m_project->hasProject() || m_selection->isEmpty()) {
        return std::nullopt;
    }
    const std::size_t node = m_selection->nodes().front();
    const int stage = m_project->plan().stageOf(node);
    if (stage < 0 || m_project->plan().stages[std::size_t(stage)].kind != partition::StageKind::Tiles) {
        return std::nullopt;
    }
    return node;
}

bool TileEditor::isShowingBlock() const {
    return m_pages->currentIndex() == 1;
}

QString TileEditor::explanationText() const {
    return m_explanation->text();
}

QString TileEditor::messageText() const {
    return m_message->text();
}

void TileEditor::refresh() {
    const auto node = blockNode();
    m_canvas->setBlockNode(node);
    if (!node) {
        m_explanation->refresh();
        m_pages->setCurrentIndex(0);
        m_strip->setTileCounts({});
        return;
    }
    const auto& plan = m_project->plan();
    const auto& stage = plan.stages[std::size_t(plan.stageOf(*node))];
    const auto& graph = m_project->model().graph;
    const auto* out = graph.value(graph.nodes[stage.last].outputs.at(0));
    const auto& shape = out->shape; // 4-D in a valid tile stage
    m_header->setText(tr("<b>%1 … %2</b> · %n layer(s) · output %3 · %4 × %5 tiles", nullptr,
                         int(stage.last - stage.first + 1))
                          .arg(toQString(graph.nodes[stage.first].name),
                               toQString(graph.nodes[stage.last].name), shapeText(shape))
                          .arg(stage.rows())
                          .arg(stage.columns()));
    const QSignalBlocker blockRows(m_rows), blockColumns(m_columns), blockReuse(m_reuse),
        blockStealing(m_stealing);
    m_rows->setMaximum(int(shape.size() == 4 ? shape[2] : 1));
    m_columns->setMaximum(int(shape.size() == 4 ? shape[3] : 1));
    m_rows->setValue(stage.rows());
    m_columns->setValue(stage.columns());
    m_reuse->setChecked(stage.reuse);
    m_stealing->setChecked(stage.stealing);
    std::vector<int> counts(m_project->cluster().devices.size(), 0);
    for (int d : stage.devices) {
        if (d >= 0 && std::size_t(d) < counts.size()) {
            ++counts[std::size_t(d)];
        }
    }
    m_strip->setTileCounts(std::move(counts));
    m_pages->setCurrentIndex(1);

    QString message = m_refusal;
    const auto& preview = m_project->preview();
    if (message.isEmpty() && !preview.valid) {
        message = tr("The plan does not compile: %1")
                      .arg(CoreText::translate(preview.problems).join(QLatin1Char('\n')));
    }
    showMessage(message);
}

void TileEditor::showMessage(const QString& text) {
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

} // namespace tessera::ui
