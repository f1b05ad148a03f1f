#pragma once
// The page a stage editor (tile editor, channel split editor) shows while no stage of its kind is selected:
// why (no project, nothing selected, the selected layer is in no such stage), the plan's stages of that kind
// as links that select them, and how to make one. Link colours follow palette changes (theme switches).
// Also the editors' inline error label.

#include <QLabel>

#include <functional>

#include "core/partition/plan.h"

namespace tessera::ui {

class NodeSelection;
class ProjectModel;

class StageExplanation : public QLabel {
    Q_OBJECT
public:
    struct Texts {
        QString noSelection; // nothing selected: what to select
        QString notInStage;  // "%1 is not in …" (%1: the selected layer's name)
        QString stages;      // "… of this plan: %1" (%1: the links)
        QString howTo;       // how to make a stage of this kind
    };
    // `label` names a stage of the editor's kind, empty for any other stage.
    using StageLabel = std::function<QString(const partition::Stage&)>;

    StageExplanation(ProjectModel* project, NodeSelection* selection, Texts texts, StageLabel label,
                     QWidget* parent = nullptr);
    // Rewrites the page for the current project, plan and selection.
    void refresh();

protected:
    void changeEvent(QEvent* event) override;

private:
    ProjectModel* m_project;
    NodeSelection* m_selection;
    Texts m_texts;
    StageLabel m_label;
};

// A word-wrapped, selectable label in the editors' error colour, hidden while empty.
QLabel* makeMessageLabel(QWidget* parent);

} // namespace tessera::ui
