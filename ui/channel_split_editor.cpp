#include "ui/channel_split_editor.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/core_text.h"
#include "ui/node_selection.h"
#include "ui/palette.h"
#include "ui/partition_editor.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"
#include "ui/stage_explanation.h"

namespace tessera::ui {
namespace {

QIcon deviceIcon(int device) {
    QPixmap swatch(12, 12);
    swatch.fill(deviceColor(device));
    return QIcon(swatch);
}

void fillDevices(QComboBox* combo, const cost::Cluster& cluster) {
    combo->clear();
    for (int d = 0; d < int(cluster.devices.size()); ++d) {
        combo->addItem(deviceIcon(d), toQString(cluster.devices[std::size_t(d)].name), d);
    }
}

} // namespace

ChannelSplitEditor::ChannelSplitEditor(ProjectModel* project, NodeSelection* selection,
                                       PartitionEditor* editor, QWidget* parent)
    : QWidget(parent)
    , m_project(project)
    , m_selection(selection)
    , m_editor(editor)
    , m_pages(new QStackedWidget(this))
    , m_explanation(new StageExplanation(
          project, selection,
          {tr("Select a layer of a channel split (in the graph or the layer table) to edit its shares here."),
           tr("%1 is not in a channel split."), tr("Channel splits of this plan: %1"),
           tr("To split layers by channels, select a range of layers and choose Partition → Split Output "
              "Channels (LOP) or Split Input Channels (LIP). A LOP stage followed by a LIP stage cut the "
              "same "
              "way is a fused pair: nothing is exchanged between them.")},
          [project](const partition::Stage& stage) {
              const auto& nodes = project->model().graph.nodes;
              const bool lop = stage.kind == partition::StageKind::Lop;
              return !lop && stage.kind != partition::StageKind::Lip
                         ? QString()
                         : tr("%1 … %2 (%3)")
                               .arg(toQString(nodes[stage.first].name), toQString(nodes[stage.last].name),
                                    lop ? tr("LOP") : tr("LIP"));
          },
          this))
    , m_header(new QLabel(this))
    , m_grid(new QGridLayout)
    , m_addDevice(new QComboBox(this))
    , m_equal(new QPushButton(tr("Equal Shares"), this))
    , m_bySpeed(new QPushButton(tr("By Device Speed"), this))
    , m_reducerLabel(new QLabel(tr("Reducer"), this))
    , m_reducer(new QComboBox(this))
    , m_pair(new QLabel(this))
    , m_keepFused(new QCheckBox(tr("Keep the pair fused (edit both stages together)"), this))
    , m_matchPair(new QPushButton(this))
    , m_message(makeMessageLabel(this)) {
    m_explanation->setObjectName(QStringLiteral("channelSplitExplanation"));
    m_header->setWordWrap(true);
    m_pair->setWordWrap(true);
    m_keepFused->setChecked(true);
    m_keepFused->setToolTip(
        tr("Editing either stage of the fused pair moves the other's cuts and devices too, "
           "so nothing has to be exchanged between them"));
    m_equal->setToolTip(tr("Give every slice the same number of channels"));
    m_bySpeed->setToolTip(tr("Give every slice channels in proportion to its device's speed (MAC/s)"));
    m_addDevice->setToolTip(tr("Add a slice on another device; the others give up channels for it"));
    m_reducer->setToolTip(tr("The device that adds the partial sums (and the bias) and runs the rest of the "
                             "stage"));
    m_grid->setColumnStretch(1, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addDevice);
    buttons->addStretch();
    buttons->addWidget(m_equal);
    buttons->addWidget(m_bySpeed);
    auto* reducer = new QHBoxLayout;
    reducer->addWidget(m_reducerLabel);
    reducer->addWidget(m_reducer, 1);
    auto* pair = new QHBoxLayout;
    pair->addWidget(m_keepFused);
    pair->addStretch();
    pair->addWidget(m_matchPair);

    auto* splitPage = new QWidget(this);
    auto* splitLayout = new QVBoxLayout(splitPage);
    splitLayout->setContentsMargins(0, 0, 0, 0);
    splitLayout->addWidget(m_header);
    splitLayout->addLayout(m_grid);
    splitLayout->addLayout(buttons);
    splitLayout->addLayout(reducer);
    splitLayout->addWidget(m_pair);
    splitLayout->addLayout(pair);
    splitLayout->addWidget(m_message);
    splitLayout->addStretch();
    m_pages->addWidget(m_explanation);
    m_pages->addWidget(splitPage);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_pages);

    connect(m_addDevice, &QComboBox::activated, this, [this](int item) {
        if (item <= 0 || !m_project->hasProject()) {
            return; // the "Add a Device…" prompt
        }
        const int device = m_addDevice->itemData(item).toInt();
        const auto& cluster = m_project->cluster();
        edit([&](const ChannelSlices& current,
                 const ChannelAxis& axis) { return addSlice(current, device, axis.granule, cluster); },
             tr("Add %1 to the channel split of %2")
                 .arg(toQString(cluster.devices[std::size_t(device)].name), splitName()));
    });
    connect(m_equal, &QPushButton::clicked, this, [this] {
        edit(
            [](const ChannelSlices& current, const ChannelAxis& axis) {
                return proportionalSlices(current.devices, std::vector<double>(current.devices.size(), 1.0),
                                          axis.channels, axis.granule);
            },
            tr("Equal channel shares for %1").arg(splitName()));
    });
    connect(m_bySpeed, &QPushButton::clicked, this, [this] {
        const auto& cluster = m_project->cluster();
        edit(
            [&](const ChannelSlices& current, const ChannelAxis& axis) {
                return proportionalSlices(current.devices, deviceSpeeds(cluster, current.devices),
                                          axis.channels, axis.granule);
            },
            tr("Channel shares by device speed for %1").arg(splitName()));
    });
    connect(m_reducer, &QComboBox::activated, this, [this](int item) {
        if (const auto node = splitNode()) {
            m_editor->setLipReducer(*node, m_reducer->itemData(item).toInt());
            refresh();
        }
    });
    connect(m_matchPair, &QPushButton::clicked, this, [this] {
        if (const auto node = splitNode()) {
            m_editor->fuseChannelPair(*node);
            refresh();
        }
    });
    connect(editor, &PartitionEditor::refused, this, [this](const QString& reason) {
        m_refusal = reason;
        refresh();
    });
    // A refusal stays until the plan changes or another layer is selected.
    connect(project, &ProjectModel::planChanged, this, [this] { m_refusal.clear(); });
    connect(selection, &NodeSelection::changed, this, [this] {
        m_refusal.clear();
        m_drag.reset();
        refresh();
    });
    connect(project, &ProjectModel::previewChanged, this, &ChannelSplitEditor::refresh);
    connect(project, &ProjectModel::clusterChanged, this, &ChannelSplitEditor::refresh);
    connect(project, &ProjectModel::projectReset, this, &ChannelSplitEditor::refresh);
    refresh();
}

std::optional<std::size_t> ChannelSplitEditor::splitNode() const {
    if (m_selection->isEmpty()) {
        return std::nullopt;
    }
    const std::size_t node = m_selection->nodes().front();
    if (!m_editor->channelStageOf(node)) {
        return std::nullopt;
    }
    return node;
}

bool ChannelSplitEditor::isShowingSplit() const {
    return m_pages->currentIndex() == 1;
}

QString ChannelSplitEditor::explanationText() const {
    return m_explanation->text();
}

QString ChannelSplitEditor::headerText() const {
    return m_header->text();
}

QString ChannelSplitEditor::messageText() const {
    return m_message->text();
}

QString ChannelSplitEditor::pairText() const {
    return m_pair->isHidden() ? QString() : m_pair->text();
}

QString ChannelSplitEditor::splitName() const {
    const auto node = splitNode();
    if (!node) {
        return {};
    }
    const auto* stage = m_editor->channelStageOf(*node);
    const auto& graph = m_project->model().graph;
    return tr("%1..%2").arg(toQString(graph.nodes[stage->first].name),
                            toQString(graph.nodes[stage->last].name));
}

void ChannelSplitEditor::edit(
    const std::function<Expected<ChannelSlices>(const ChannelSlices&, const ChannelAxis&)>& change,
    const QString& text, int mergeKey) {
    if (const auto node = splitNode()) {
        m_editor->editChannelSlices(*node, change, m_keepFused->isChecked(), text, mergeKey);
    }
    refresh();
}

void ChannelSplitEditor::resize(int slice, std::int64_t channels) {
    const bool dragging = m_drag && m_drag->slice == slice;
    const std::optional<ChannelSlices> start = dragging ? std::optional(m_drag->start) : std::nullopt;
    edit(
        [&](const ChannelSlices& current, const ChannelAxis& axis) -> Expected<ChannelSlices> {
            return resizeSlice(start ? *start : current, std::size_t(slice), channels, axis.granule);
        },
        tr("Change the channel shares of %1").arg(splitName()), dragging ? m_drag->mergeKey : -1);
}

void ChannelSplitEditor::setRowCount(int count) {
    while (int(m_rows.size()) > count) {
        const Row row = m_rows.back();
        m_rows.pop_back();
        // deleteLater: the row's own remove button may be the sender of the edit that shrank the split.
        for (QWidget* widget :
             std::initializer_list<QWidget*>{row.device, row.share, row.channels, row.percent, row.remove}) {
            m_grid->removeWidget(widget);
            widget->hide();
            widget->deleteLater();
        }
    }
    while (int(m_rows.size()) < count) {
        const int slice = int(m_rows.size());
        Row row{new QComboBox(this), new QSlider(Qt::Horizontal, this), new QSpinBox(this), new QLabel(this),
                new QToolButton(this)};
        row.device->setToolTip(tr("The device that computes slice %1").arg(slice + 1));
        row.share->setToolTip(
            tr("The share of slice %1: drag to move channels to or from the other slices").arg(slice + 1));
        row.share->setMinimumWidth(80);
        row.channels->setToolTip(tr("The channels of slice %1").arg(slice + 1));
        // Typing "120" applies 120 once, not 1, 12 and then 120.
        row.channels->setKeyboardTracking(false);
        row.percent->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row.percent->setMinimumWidth(row.percent->fontMetrics().horizontalAdvance(QStringLiteral("100.0 %")));
        row.remove->setText(QStringLiteral("✕"));
        row.remove->setAutoRaise(true);
        m_grid->addWidget(row.device, slice, 0);
        m_grid->addWidget(row.share, slice, 1);
        m_grid->addWidget(row.channels, slice, 2);
        m_grid->addWidget(row.percent, slice, 3);
        m_grid->addWidget(row.remove, slice, 4);
        m_rows.push_back(row);

        connect(row.device, &QComboBox::activated, this, [this, slice](int item) {
            const int device = m_rows[std::size_t(slice)].device->itemData(item).toInt();
            const auto& cluster = m_project->cluster();
            edit(
                [&](const ChannelSlices& current, const ChannelAxis&) {
                    return assignSlice(current, std::size_t(slice), device, cluster);
                },
                tr("Run slice %1 of %2 on %3")
                    .arg(QString::number(slice + 1), splitName(),
                         toQString(cluster.devices[std::size_t(device)].name)));
        });
        connect(row.share, &QSlider::sliderPressed, this, [this, slice] {
            const auto node = splitNode();
            if (!node) {
                return;
            }
            const auto* stage = m_editor->channelStageOf(*node);
            const auto axis = channelAxis(m_project->model().graph, stage->first, stage->last, stage->kind);
            m_drag = Drag{slice, m_editor->newMergeKey(), channelSlices(*stage, axis.channels)};
        });
        connect(row.share, &QSlider::sliderReleased, this, [this] {
            m_drag.reset();
            refresh();
        });
        // The slider counts granules (the spin box's step); the last slice also holds the channels beyond
        // the last whole granule, which its spin box's minimum (one granule) includes.
        connect(row.share, &QSlider::valueChanged, this, [this, slice](int granules) {
            const auto* spin = m_rows[std::size_t(slice)].channels;
            const std::int64_t granule = spin->singleStep();
            const std::int64_t remainder = spin->minimum() - granule;
            resize(slice, std::int64_t(granules) * granule + remainder);
        });
        connect(row.channels, &QSpinBox::valueChanged, this,
                [this, slice](int channels) { resize(slice, channels); });
        connect(row.remove, &QToolButton::clicked, this, [this, slice] {
            const auto& cluster = m_project->cluster();
            const int device = m_rows[std::size_t(slice)].device->currentData().toInt();
            edit(
                [&](const ChannelSlices& current, const ChannelAxis& axis) {
                    return removeSlice(current, std::size_t(slice), axis.granule);
                },
                tr("Remove %1 from the channel split of %2")
                    .arg(device >= 0 && device < int(cluster.devices.size())
                             ? toQString(cluster.devices[std::size_t(device)].name)
                             : tr("slice %1").arg(slice + 1),
                         splitName()));
        });
    }
}

void ChannelSplitEditor::fillRow(int slice, const ChannelSlices& slices, const ChannelAxis& axis) {
    const Row& row = m_rows[std::size_t(slice)];
    const QSignalBlocker blockDevice(row.device), blockShare(row.share), blockChannels(row.channels);
    const int count = int(slices.channels.size());
    const std::int64_t granule = axis.granule;
    // The last slice also holds the remainder beyond the last whole granule.
    const std::int64_t extra = slice + 1 == count ? axis.channels % granule : 0;
    const std::int64_t most = axis.channels / granule - (count - 1);
    fillDevices(row.device, m_project->cluster());
    row.device->setCurrentIndex(row.device->findData(slices.devices[std::size_t(slice)]));
    row.share->setRange(1, int(most));
    row.share->setPageStep(int(std::max<std::int64_t>(1, most / 10)));
    if (!row.share->isSliderDown()) {
        row.share->setValue(int((slices.channels[std::size_t(slice)] - extra) / granule));
    }
    row.channels->setRange(int(granule + extra), int(most * granule + extra));
    row.channels->setSingleStep(int(granule));
    row.channels->setValue(int(slices.channels[std::size_t(slice)]));
    row.percent->setText(tr("%1 %").arg(
        100.0 * double(slices.channels[std::size_t(slice)]) / double(axis.channels), 0, 'f', 1));
    row.remove->setEnabled(count > 2);
    row.remove->setToolTip(
        count > 2 ? tr("Remove this slice; the others take its channels")
                  : tr("A split needs two slices: to run these layers on one device, place them on "
                       "it (Partition → Place on Device)"));
}

void ChannelSplitEditor::refresh() {
    const auto node = splitNode();
    if (!node) {
        m_drag.reset();
        setRowCount(0);
        showExplanation();
        return;
    }
    std::size_t index = 0;
    const auto* stage = m_editor->channelStageOf(*node, &index);
    const auto& graph = m_project->model().graph;
    const auto& cluster = m_project->cluster();
    const bool lop = stage->kind == partition::StageKind::Lop;
    const auto axis = channelAxis(graph, stage->first, stage->last, stage->kind);
    const auto slices = channelSlices(*stage, axis.channels);
    QString header = tr("<b>%1 … %2</b> · %3 · %n layer(s)", nullptr, int(stage->last - stage->first + 1))
                         .arg(toQString(graph.nodes[stage->first].name).toHtmlEscaped(),
                              toQString(graph.nodes[stage->last].name).toHtmlEscaped(),
                              lop ? tr("LOP (output channels)") : tr("LIP (input channels)"));
    header += QStringLiteral("<br>") + tr("%1 channels of %2, cut into %3 slices")
                                           .arg(axis.channels)
                                           .arg(toQString(axis.value).toHtmlEscaped())
                                           .arg(stage->cells());
    if (axis.granule > 1) {
        header += QStringLiteral(" ") + tr("(whole planes of %n value(s): the cuts fall between flattened "
                                           "channels)",
                                           nullptr, int(axis.granule));
    }
    m_header->setText(header);
    setRowCount(int(slices.channels.size()));
    for (int s = 0; s < int(slices.channels.size()); ++s) {
        fillRow(s, slices, axis);
    }
    const bool editable = !slices.channels.empty();
    {
        const QSignalBlocker blockAdd(m_addDevice), blockReducer(m_reducer);
        m_addDevice->clear();
        m_addDevice->addItem(tr("Add a Device…"), -1);
        for (int d = 0; d < int(cluster.devices.size()); ++d) {
            if (std::find(slices.devices.begin(), slices.devices.end(), d) == slices.devices.end()) {
                m_addDevice->addItem(deviceIcon(d), toQString(cluster.devices[std::size_t(d)].name), d);
            }
        }
        const bool room = axis.channels / axis.granule > std::int64_t(slices.channels.size());
        m_addDevice->setEnabled(editable && room && m_addDevice->count() > 1);
        m_reducer->clear();
        const int first = slices.devices.empty() ? -1 : slices.devices.front();
        m_reducer->addItem(tr("First slice's device (%1)")
                               .arg(first >= 0 && first < int(cluster.devices.size())
                                        ? toQString(cluster.devices[std::size_t(first)].name)
                                        : QString()),
                           -1);
        for (int d = 0; d < int(cluster.devices.size()); ++d) {
            m_reducer->addItem(deviceIcon(d), toQString(cluster.devices[std::size_t(d)].name), d);
        }
        m_reducer->setCurrentIndex(std::max(0, m_reducer->findData(stage->reducer)));
    }
    m_reducer->setVisible(!lop);
    m_reducerLabel->setVisible(!lop);
    m_equal->setEnabled(editable);
    m_bySpeed->setEnabled(editable);
    refreshPair(index);
    m_pages->setCurrentIndex(1);

    QString message = m_refusal;
    if (message.isEmpty() && !editable) {
        message = tr("The cuts of this stage do not fit its %n channel(s); split the layers again.", nullptr,
                     int(axis.channels));
    }
    const auto& preview = m_project->preview();
    if (message.isEmpty() && !preview.valid) {
        message = tr("The plan does not compile: %1")
                      .arg(CoreText::translate(preview.problems).join(QLatin1Char('\n')));
    }
    showMessage(message);
}

void ChannelSplitEditor::refreshPair(std::size_t stageIndex) {
    const auto& plan = m_project->plan();
    const auto& graph = m_project->model().graph;
    const int other = pairedStage(plan, stageIndex, graph);
    const bool lop = plan.stages[stageIndex].kind == partition::StageKind::Lop;
    const bool fused = isFused(plan, stageIndex, graph);
    m_pair->setVisible(other >= 0);
    m_keepFused->setVisible(other >= 0 && fused);
    m_matchPair->setVisible(other >= 0 && !fused);
    if (other < 0) {
        return;
    }
    const auto& partner = plan.stages[std::size_t(other)];
    const QString name = tr("%1 … %2").arg(toQString(graph.nodes[partner.first].name),
                                           toQString(graph.nodes[partner.last].name));
    if (fused) {
        m_pair->setText(
            lop ? tr("Fused with the LIP stage %1 after it: every device's output slice is its input "
                     "slice there, so nothing is exchanged between the two.")
                      .arg(name)
                : tr("Fused with the LOP stage %1 before it: every device's input slice is its "
                     "output slice there, so nothing is exchanged between the two.")
                      .arg(name));
    } else {
        m_pair->setText(
            lop ? tr("The LIP stage %1 after it reads this output but is cut differently: the slices "
                     "are exchanged between the devices.")
                      .arg(name)
                : tr("The LOP stage %1 before it writes this input but is cut differently: the "
                     "slices are exchanged between the devices.")
                      .arg(name));
        m_matchPair->setText(lop ? tr("Match the Next LIP Stage") : tr("Match the Previous LOP Stage"));
        m_matchPair->setToolTip(
            tr("Cut the LIP stage as the LOP stage, on the same devices: the pair fuses"));
    }
}

void ChannelSplitEditor::showExplanation() {
    m_explanation->refresh();
    m_pages->setCurrentIndex(0);
}

void ChannelSplitEditor::showMessage(const QString& text) {
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

} // namespace tessera::ui
