#include "ui/plan_preview.h"

#include <algorithm>

namespace tessera::ui {

double PlanPreview::framesPerSecond() const {
    return frame.periodSeconds > 0 ? 1 / frame.periodSeconds : 0;
}

std::int64_t PlanPreview::largestDeviceBytes() const {
    std::int64_t most = 0;
    for (const auto& d : cost.devices) {
        most = std::max(most, d.totalBytes);
    }
    return most;
}

PlanPreview computePreview(const model::Model& model, const partition::Plan& plan,
                           const cost::Cluster& cluster, const partition::WeightCensus* census) {
    PlanPreview preview;
    preview.problems = partition::validate(plan, model.graph, cluster);
    if (!preview.problems.empty()) {
        return preview;
    }
    auto program = partition::compile(model, plan, cluster, census);
    if (!program) {
        preview.problems = {program.error().message};
        return preview;
    }
    preview.valid = true;
    preview.tasks = int(program->tasks.size());
    preview.cost = sim::planCost(*program, model.graph, cluster);
    auto frame = sim::simulate(*program, cluster, {1, 0});
    preview.latencySeconds = frame.frameLatency.empty() ? 0 : frame.frameLatency.front();
    preview.deviceBusySeconds = frame.deviceBusySeconds;
    preview.overBudget = preview.cost.overBudget(cluster);
    preview.frame = std::move(frame);
    preview.program = std::make_shared<const partition::Program>(std::move(*program));
    return preview;
}

} // namespace tessera::ui
