#pragma once
// The studio's optimizer run, off the GUI thread: candidate stages measured (optimize::buildProblem), then
// the best plan for one objective (optimize::solveBest) or the Pareto front of the objective against the
// largest device memory (optimize::paretoFront), each resulting plan predicted exactly as the live views
// predict the current one (computePreview). Progress and the result arrive as queued signals; cancel() stops
// the search, which keeps the best plan found so far.

#include <QObject>
#include <QString>

#include <memory>
#include <thread>
#include <vector>

#include "core/base/cancel.h"
#include "core/cost/cluster.h"
#include "core/model/model.h"
#include "core/optimize/problem.h"
#include "core/partition/plan.h"
#include "ui/plan_preview.h"

namespace tessera::ui {

struct OptimizeSettings {
    optimize::Objective objective = optimize::Objective::Latency;
    double timeLimitSeconds = 60;
    bool pareto = false; // latency or traffic only
    int paretoPoints = 8;
    std::vector<int> grids = {2, 3, 4, 5};
    int maxTileLayers = 16;
    bool dataReuse = true;
    bool channelSplits = true;
};

struct OptimizedPlan {
    partition::Plan plan;
    optimize::Solution solution; // the optimizer's figures, status and gap
    PlanPreview preview;         // the plan's own costs and simulated frame, as the views show them
};

struct OptimizeResult {
    QString error;                    // empty on success
    std::vector<OptimizedPlan> plans; // one, or the Pareto front by memory ascending
    int candidates = 0;               // stages measured
    QString solver;                   // "GLPK integer program" or "dynamic program"; plus extra solves
    double seconds = 0;               // the whole run
};

class OptimizeJob : public QObject {
    Q_OBJECT
public:
    explicit OptimizeJob(QObject* parent = nullptr);
    ~OptimizeJob() override; // cancels and waits

    // Starts a run; false when one is still running. `cluster` carries the budgets to respect.
    bool start(std::shared_ptr<const model::Model> model, const cost::Cluster& cluster,
               const OptimizeSettings& settings);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void progress(double fraction, const QString& stage);
    void finished(const tessera::ui::OptimizeResult& result);

private:
    void join();

    std::thread m_thread;
    std::unique_ptr<StopToken> m_stop;
    bool m_running = false;
};

} // namespace tessera::ui
