#pragma once
// The tile editor panel: follows the selection and edits the tile block (FTP stage) holding the selected
// layer - its grid drawn by TileCanvas (drag the cut lines; drag tiles onto devices), spin boxes for the
// number of rows and columns (re-cut evenly), toggles for data reuse and work stealing, a device strip for
// assigning tiles, and the reason inline when an edit is refused or the plan does not compile. Without a
// selected tile block it explains how to make one. Every edit goes through PartitionEditor (one undo step).

#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;
class QSpinBox;
class QStackedWidget;
class QToolButton;

namespace tessera::ui {

class DeviceStrip;
class NodeSelection;
class PartitionEditor;
class ProjectModel;
class StageExplanation;
class TileCanvas;

class TileEditor : public QWidget {
    Q_OBJECT
public:
    TileEditor(ProjectModel* project, NodeSelection* selection, PartitionEditor* editor,
               QWidget* parent = nullptr);

    // True while a tile block is shown (else the explanation is).
    bool isShowingBlock() const;
    QString explanationText() const;
    // The inline message: a refused edit's reason, or why the plan does not compile; empty when fine.
    QString messageText() const;

    TileCanvas* canvas() const { return m_canvas; }
    DeviceStrip* deviceStrip() const { return m_strip; }
    QSpinBox* rowsEdit() const { return m_rows; }
    QSpinBox* columnsEdit() const { return m_columns; }
    QCheckBox* reuseEdit() const { return m_reuse; }
    QCheckBox* stealingEdit() const { return m_stealing; }
    QToolButton* showInputButton() const { return m_showInput; }

private:
    void refresh();
    void showMessage(const QString& text);
    // The node whose stage is edited: the selection's first node, when it lies in a tile stage.
    std::optional<std::size_t> blockNode() const;

    ProjectModel* m_project;
    NodeSelection* m_selection;
    PartitionEditor* m_editor;
    QStackedWidget* m_pages;
    StageExplanation* m_explanation;
    QLabel* m_header;
    QSpinBox* m_rows;
    QSpinBox* m_columns;
    QCheckBox* m_reuse;
    QCheckBox* m_stealing;
    QToolButton* m_showInput;
    TileCanvas* m_canvas;
    DeviceStrip* m_strip;
    QLabel* m_message;
    QString m_refusal;
};

} // namespace tessera::ui
