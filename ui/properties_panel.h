#pragma once
// The selected layer, as Netron shows it plus its cost: op, name, inputs and outputs as dtype[shape],
// attributes, MACs, parameters, weight and activation bytes, and the plan stage that runs it. With several
// layers selected: their count and summed cost. Rewritten on selection and plan changes while shown; a hidden
// panel (a tab behind Predictions) is rewritten when it is shown.

#include <QTextBrowser>

namespace tessera::ui {

class NodeSelection;
class ProjectModel;

class PropertiesPanel : public QTextBrowser {
    Q_OBJECT
public:
    PropertiesPanel(ProjectModel* project, NodeSelection* selection, QWidget* parent = nullptr);
    void refresh();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void display(const QString& html); // sets the text when it changed

    ProjectModel* m_project;
    NodeSelection* m_selection;
    bool m_stale = false; // a change arrived while hidden
    QString m_html;
};

} // namespace tessera::ui
