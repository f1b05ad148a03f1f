#pragma once
// The channel split editor panel: follows the selection and edits the LOP or LIP stage holding the selected
// layer - one row per slice with the device that runs it (a combo box; a remove button), a share slider and a
// spin box with the slice's exact channel count (whole granules: channel planes after a Flatten), the
// stage's total; a device may be added back; "Equal shares" and "By device speed"; for a LIP stage the
// reducer. When a LOP stage and the LIP stage after it form DeeperThings' fused pair it says so and keeps
// them fused while editing (or offers to match them when they are not). A slider drag is one undo step and
// the plan (so the memory chart, prediction and timeline) follows every move. Slices are never empty (the
// sliders and spin boxes clamp); other refused edits are explained inline. Every edit goes through
// PartitionEditor. Without a selected channel split it explains how to make one.

#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

#include "ui/plan_edit.h"

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QStackedWidget;
class QToolButton;

namespace tessera::ui {

class NodeSelection;
class PartitionEditor;
class ProjectModel;
class StageExplanation;

class ChannelSplitEditor : public QWidget {
    Q_OBJECT
public:
    ChannelSplitEditor(ProjectModel* project, NodeSelection* selection, PartitionEditor* editor,
                       QWidget* parent = nullptr);

    // True while a channel split is shown (else the explanation is).
    bool isShowingSplit() const;
    QString explanationText() const;
    QString headerText() const;
    // The inline message: a refused edit's reason, or why the plan does not compile; empty when fine.
    QString messageText() const;
    // The fused-pair line (empty when the stage has no LOP/LIP partner).
    QString pairText() const;

    int sliceCount() const { return int(m_rows.size()); }
    QComboBox* deviceEdit(int slice) const { return m_rows.at(std::size_t(slice)).device; }
    QSlider* shareSlider(int slice) const { return m_rows.at(std::size_t(slice)).share; }
    QSpinBox* channelsEdit(int slice) const { return m_rows.at(std::size_t(slice)).channels; }
    QToolButton* removeButton(int slice) const { return m_rows.at(std::size_t(slice)).remove; }
    QComboBox* addDeviceEdit() const { return m_addDevice; }
    QPushButton* equalButton() const { return m_equal; }
    QPushButton* bySpeedButton() const { return m_bySpeed; }
    QComboBox* reducerEdit() const { return m_reducer; }
    QCheckBox* keepFusedEdit() const { return m_keepFused; }
    QPushButton* matchPairButton() const { return m_matchPair; }

private:
    struct Row {
        QComboBox* device;
        QSlider* share;
        QSpinBox* channels;
        QLabel* percent;
        QToolButton* remove;
    };
    // One slider drag: every step resizes from the slices at the press, under one merge key.
    struct Drag {
        int slice;
        int mergeKey;
        ChannelSlices start;
    };

    void refresh();
    void showExplanation();
    void setRowCount(int count);
    void fillRow(int slice, const ChannelSlices& slices, const ChannelAxis& axis);
    void refreshPair(std::size_t stageIndex);
    void showMessage(const QString& text);
    // The node whose stage is edited: the selection's first node, when it lies in a LOP or LIP stage.
    std::optional<std::size_t> splitNode() const;
    // Applies `change` to the split of the selected layer (one undo step, or `mergeKey`'s), then refreshes.
    void edit(const std::function<Expected<ChannelSlices>(const ChannelSlices&, const ChannelAxis&)>& change,
              const QString& text, int mergeKey = -1);
    QString splitName() const;
    // Slice `slice` resized to `channels` (from the drag's start when that slice is being dragged).
    void resize(int slice, std::int64_t channels);

    ProjectModel* m_project;
    NodeSelection* m_selection;
    PartitionEditor* m_editor;
    QStackedWidget* m_pages;
    StageExplanation* m_explanation;
    QLabel* m_header;
    QGridLayout* m_grid;
    std::vector<Row> m_rows;
    QComboBox* m_addDevice;
    QPushButton* m_equal;
    QPushButton* m_bySpeed;
    QLabel* m_reducerLabel;
    QComboBox* m_reducer;
    QLabel* m_pair;
    QCheckBox* m_keepFused;
    QPushButton* m_matchPair;
    QLabel* m_message;
    QString m_refusal;
    std::optional<Drag> m_drag;
};

} // namespace tessera::ui
