#pragma once
// The selected layer, as Netron shows it plus its cost: op, name, inputs and outputs as dtype[shape],
// attributes, MACs, parameters, weight and activation bytes, and the plan stage that runs it. With several
// layers selected: their count and summed cost.

#include <QTextBrowser>

namespace tessera::ui {

class NodeSelection;
class ProjectModel;

class PropertiesPanel : public QTextBrowser {
    Q_OBJECT
public:
    PropertiesPanel(ProjectModel* project, NodeSelection* selection, QWidget* parent = nullptr);
    void refresh();

private:
    ProjectModel* m_project;
    NodeSelection* m_selection;
};

} // namespace tessera::ui
