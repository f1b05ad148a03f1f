#include "ui/optimize_job.h"

#include <chrono>
#include <mutex>

#include "core/optimize/candidates.h"
#include "core/optimize/checked.h"
#include "core/optimize/ilp.h"
#include "core/partition/weight_census.h"
#include "ui/core_text.h"
#include "ui/qt_convert.h"

namespace tessera::ui {
namespace {

// Measuring candidates takes this share of the progress bar, the search the rest.
constexpr double kMeasureShare = 0.3;

OptimizeResult run(const model::Model& model, const cost::Cluster& cluster, const OptimizeSettings& settings,
                   const StopToken& stop, const ProgressFn& progress) {
    const auto start = std::chrono::steady_clock::now();
    OptimizeResult result;
    optimize::CandidateOptions candidates;
    candidates.grids = settings.grids;
    candidates.maxTileUnits = settings.maxTileLayers;
    candidates.dataReuse = settings.dataReuse;
    candidates.channelSplits = settings.channelSplits;
    candidates.stop = &stop;
    candidates.progress = [&](double f, std::string_view stage) { progress(kMeasureShare * f, stage); };
    auto problem = optimize::buildProblem(model, cluster, candidates);
    if (!problem) {
        result.error = CoreText::translate(problem.error().message);
        return result;
    }
    result.candidates = int(problem->options.size());

    optimize::SolveOptions solve;
    solve.timeLimitSeconds = settings.timeLimitSeconds;
    solve.stop = &stop;
    solve.progress = [&](double f, std::string_view stage) {
        progress(kMeasureShare + (1 - kMeasureShare) * f, stage);
    };
    progress(kMeasureShare, toStdString(OptimizeJob::tr("searching")));
    std::vector<std::pair<partition::Plan, optimize::Solution>> found;
    if (settings.pareto) {
        auto front = optimize::paretoFront(*problem, settings.objective, settings.paretoPoints, solve);
        if (!front) {
            result.error = CoreText::translate(front.error().message);
            return result;
        }
        for (auto& s : *front) {
            found.emplace_back(optimize::toPlan(*problem, s.chosen), std::move(s));
        }
        result.solver = OptimizeJob::tr("GLPK integer program");
    } else {
        auto best = optimize::solveBest(model, cluster, std::move(*problem), settings.objective,
                                        optimize::SolverChoice::Auto, solve);
        if (!best) {
            result.error = CoreText::translate(best.error().message);
            return result;
        }
        result.solver = best->dynamicProgram ? OptimizeJob::tr("dynamic program")
                                             : OptimizeJob::tr("GLPK integer program");
        if (best->solves > 1) {
            result.solver +=
                OptimizeJob::tr(" (%1 solves: budgets lowered to leave room for buffers)").arg(best->solves);
        }
        found.emplace_back(std::move(best->plan), std::move(best->solution));
    }
    progress(1, toStdString(OptimizeJob::tr("predicting the plans")));
    const partition::WeightCensus census(model.graph);
    for (auto& [plan, solution] : found) {
        OptimizedPlan optimized;
        optimized.preview = computePreview(model, plan, cluster, &census);
        optimized.plan = std::move(plan);
        optimized.solution = std::move(solution);
        result.plans.push_back(std::move(optimized));
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace

OptimizeJob::OptimizeJob(QObject* parent)
    : QObject(parent) {}

OptimizeJob::~OptimizeJob() {
    cancel();
    join();
}

bool OptimizeJob::start(std::shared_ptr<const model::Model> model, const cost::Cluster& cluster,
                        const OptimizeSettings& settings) {
    if (m_running) {
        return false;
    }
    join();
    m_running = true;
    m_stop = std::make_unique<StopToken>();
    const StopToken* stop = m_stop.get();
    m_thread = std::thread([this, model = std::move(model), cluster, settings, stop] {
        // Progress arrives from the solver's and the measuring threads; the GUI gets at most 20 updates a
        // second.
        std::mutex mutex;
        auto last = std::chrono::steady_clock::time_point{};
        const ProgressFn report = [&](double fraction, std::string_view stage) {
            const std::lock_guard lock(mutex);
            const auto now = std::chrono::steady_clock::now();
            if (now - last < std::chrono::milliseconds(50) && fraction < 1) {
                return;
            }
            last = now;
            QMetaObject::invokeMethod(
                this,
                [this, fraction, text = toQString(std::string(stage))] {
                    emit this->progress(fraction, CoreText::translate(text));
                },
                Qt::QueuedConnection);
        };
        OptimizeResult result = run(*model, cluster, settings, *stop, report);
        QMetaObject::invokeMethod(
            this,
            [this, result = std::move(result)] {
                m_running = false;
                join();
                emit finished(result);
            },
            Qt::QueuedConnection);
    });
    return true;
}

void OptimizeJob::cancel() {
    if (m_stop) {
        m_stop->requestStop();
    }
}

void OptimizeJob::join() {
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

} // namespace tessera::ui
