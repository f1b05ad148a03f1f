#pragma once
// The Optimize dialog: objective, per-device memory budgets, time limit and the candidate stages to consider;
// runs the optimizer in the background (OptimizeJob) with progress and Cancel; shows the result next to the
// current plan (memory per device against its budget, traffic, simulated latency, the stages) and, for a
// Pareto run, the front as a scatter chart whose points can be clicked; Apply replaces the plan (and the
// budgets, when they were changed here) as one undoable step.

#include <QDialog>

#include <optional>
#include <vector>

#include "core/cost/cluster.h"
#include "ui/optimize_job.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

class QScatterSeries;

namespace tessera::ui {

class ChartView;
class ProjectModel;

class OptimizeDialog : public QDialog {
    Q_OBJECT
public:
    explicit OptimizeDialog(ProjectModel* project, QWidget* parent = nullptr);

    // What the controls say (budgets in `cluster`), or nullopt with the reason shown inline.
    std::optional<OptimizeSettings> settings() const;
    cost::Cluster clusterWithBudgets() const;

    void startOptimize();
    void cancelOptimize();
    // Shows plan `index` of the last result (a Pareto point) against the current plan.
    void selectPlan(int index);
    // Pushes the selected plan (with the budgets and settings it was solved for) as one undo step.
    bool apply();

    const std::optional<OptimizeResult>& optimizeResult() const { return m_result; }
    int selectedPlan() const { return m_selected; }
    bool isRunning() const { return m_job.isRunning(); }

    void reject() override; // cancels a running search first

signals:
    void optimizeFinished();

private:
    void onFinished(const OptimizeResult& result);
    void showComparison();
    void showFront();
    void updateButtons();

    ProjectModel* m_project;
    OptimizeJob m_job;
    QComboBox* m_objective;
    QDoubleSpinBox* m_timeLimit;
    QCheckBox* m_pareto;
    QSpinBox* m_points;
    QLineEdit* m_grids;
    QSpinBox* m_maxTileLayers;
    QCheckBox* m_reuse;
    QCheckBox* m_channelSplits;
    QTableWidget* m_budgets;
    std::vector<double> m_initialBudgetMiB; // a budget left as shown keeps its exact bytes
    QPushButton* m_run;
    QPushButton* m_cancel;
    QPushButton* m_apply;
    QProgressBar* m_progress;
    QLabel* m_status;
    ChartView* m_chart;
    QScatterSeries* m_frontSeries;
    QScatterSeries* m_currentSeries;
    QScatterSeries* m_selectedSeries;
    QTableWidget* m_comparison;
    QListWidget* m_stages;

    // The last run: its settings and cluster (budgets), its result and the plan shown.
    OptimizeSettings m_runSettings;
    cost::Cluster m_runCluster;
    std::optional<OptimizeResult> m_result;
    int m_selected = -1;
};

} // namespace tessera::ui
