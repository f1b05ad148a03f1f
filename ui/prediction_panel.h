#pragma once
// Predictions for the current plan: one frame's latency, traffic, redundant work, and per device its tasks,
// memory against its budget, compute time and bytes sent and received; the problems of an invalid plan or
// of the last refused edit, shown inline. Redrawn from ProjectModel::previewChanged.

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
    ProjectModel* m_project;
    QLabel* m_summary;
    QLabel* m_problems;
    QTableWidget* m_devices;
};

} // namespace tessera::ui
