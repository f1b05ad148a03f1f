#pragma once
// Predictions for the current plan: one frame's latency, traffic, redundant work, and per device its tasks,
// memory against its budget, compute time and bytes sent and received; the problems of an invalid plan or
// of the last refused edit, shown inline. Redrawn from ProjectModel::previewChanged.

#include <QList>
#include <QPair>
#include <QWidget>

class QLabel;
class QScrollArea;
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

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    // The problems' label as tall as its wrapped text at the area's width (the area scrolls past six lines).
    void fitProblems();
    // The figures are plain labels in a form, so that a change of a number (many a second while a cut line
    // is dragged) lays out no rich text; m_message replaces the form when there is nothing to predict.
    void showMessage(const QString& message);

    ProjectModel* m_project;
    QWidget* m_figures;
    QList<QPair<QLabel*, QLabel*>> m_rows; // (name, value): latency, traffic, redundant work, stages/tasks
    QLabel* m_message;
    QLabel* m_problems;
    QScrollArea* m_problemsArea; // holds m_problems: a long list scrolls instead of being cut off
    QTableWidget* m_devices;
};

} // namespace tessera::ui
