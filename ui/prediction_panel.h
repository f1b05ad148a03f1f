#pragma once
// Predictions for the current plan: one frame's latency, traffic, redundant work, and per device its tasks,
// memory against its budget, compute time and bytes sent and received; the problems of an invalid plan or
// of the last refused edit, shown inline. Redrawn from ProjectModel::previewChanged.

#include <QList>
#include <QPair>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace tessera::ui {

class ProjectModel;

class PredictionPanel : public QWidget {
    Q_OBJECT
public:
    explicit PredictionPanel(ProjectModel* project, QWidget* parent = nullptr);

    void refresh();
    // Shows why the last edit was not applied (cleared by the next change of the plan).
    void showRefusal(const QString& reason);

    QString summaryText() const;
    QString problemText() const;
    QTableWidget* deviceTable() const { return m_devices; }

private:
    // The figures are plain labels in a form, so that a change of a number (many a second while a cut line
    // is dragged) lays out no rich text; m_message replaces the form when there is nothing to predict.
    void showMessage(const QString& message);

    ProjectModel* m_project;
    QWidget* m_figures;
    QList<QPair<QLabel*, QLabel*>> m_rows; // (name, value): latency, traffic, redundant work, stages/tasks
    QLabel* m_message;
    QLabel* m_problems;
    QTableWidget* m_devices;
};

} // namespace tessera::ui
