#include "ui/plan_preview.h"

#include <algorithm>
#include <set>

#include "core/cost/weight_storage.h"
#include "core/partition/program.h"
#include "core/sim/simulator.h"

namespace tessera::ui {

model::Model costingModel(const model::Model& source) {
    model::Model copy;
    copy.path = source.path;
    copy.format = source.format;
    copy.sha256 = source.sha256;
    copy.producer = source.producer;
    copy.opset = source.opset;
    copy.irVersion = source.irVersion;
    copy.notes = source.notes;
    const auto& g = source.graph;
    copy.graph.name = g.name;
    copy.graph.nodes = g.nodes;
    copy.graph.inputs = g.inputs;
    copy.graph.outputs = g.outputs;
    copy.graph.values = g.values;
    std::set<std::string> weights;
    for (const auto& node : g.nodes) {
        if ((node.opType == "Conv" || node.opType == "Gemm" || node.opType == "MatMul") &&
            node.inputs.size() > 1) {
            weights.insert(node.inputs[1]);
        }
    }
    // Any slice a plan takes of a weight keeps at least one whole index of axis 0 or axis 1 (one filter, one
    // input channel, one output feature), so it has at least elements / max(dim0, dim1) elements; with fewer
    // zeros than the sparse threshold times that, no slice can be sparse enough to be stored sparse.
    const double threshold = std::min({cost::sparseThreshold(cost::SparseKind::Conv),
                                       cost::sparseThreshold(cost::SparseKind::DepthwiseConv),
                                       cost::sparseThreshold(cost::SparseKind::Gemm)});
    for (const auto& [name, tensor] : g.initializers) {
        bool alwaysDense = false;
        if (tensor.dtype == model::DType::Float32 && weights.count(name) && tensor.shape.size() >= 2 &&
            std::int64_t(tensor.floats.size()) == tensor.elements()) {
            const auto zeros = std::count(tensor.floats.begin(), tensor.floats.end(), 0.f);
            const double smallestSlice =
                double(tensor.elements()) /
                double(std::max<std::int64_t>(1, std::max(tensor.shape[0], tensor.shape[1])));
            alwaysDense = double(zeros) < threshold * smallestSlice;
        }
        if (alwaysDense) {
            model::Tensor hollow;
            hollow.dtype = tensor.dtype;
            hollow.shape = tensor.shape;
            copy.graph.initializers.emplace(name, std::move(hollow));
        } else {
            copy.graph.initializers.emplace(name, tensor);
        }
    }
    return copy;
}

PlanPreview computePreview(const model::Model& model, const partition::Plan& plan,
                           const cost::Cluster& cluster) {
    PlanPreview preview;
    preview.problems = partition::validate(plan, model.graph, cluster);
    if (!preview.problems.empty()) {
        return preview;
    }
    auto program = partition::compile(model, plan, cluster);
    if (!program) {
        preview.problems = {program.error().message};
        return preview;
    }
    preview.valid = true;
    preview.tasks = int(program->tasks.size());
    preview.cost = sim::planCost(*program, model.graph, cluster);
    const auto frame = sim::simulate(*program, cluster, {1, 0});
    preview.latencySeconds = frame.frameLatency.empty() ? 0 : frame.frameLatency.front();
    preview.deviceBusySeconds = frame.deviceBusySeconds;
    preview.overBudget = preview.cost.overBudget(cluster);
    return preview;
}

} // namespace tessera::ui
