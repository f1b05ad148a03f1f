#include "app/cli/plan_report.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/cost/units.h"

namespace tessera::cli {
namespace {

std::string cell(const std::string& text, std::size_t width, bool right = true) {
    if (text.size() >= width) {
        return text;
    }
    const std::string pad(width - text.size(), ' ');
    return right ? pad + text : text + pad;
}

} // namespace

void printStages(std::ostream& out, const partition::Plan& plan, const model::Graph& graph,
                 const cost::Cluster& cluster) {
    using partition::Stage;
    using partition::StageKind;
    out << "Plan for " << graph.name << " on " << cluster.devices.size() << " device(s), "
        << plan.stages.size() << " stage(s):\n";
    for (std::size_t i = 0; i < plan.stages.size(); ++i) {
        const Stage& s = plan.stages[i];
        out << "  " << i + 1 << ". " << partition::toString(s.kind) << "  " << graph.nodes[s.first].name
            << (s.last > s.first ? " .. " + graph.nodes[s.last].name : "") << " (" << s.last - s.first + 1
            << " nodes)";
        if (s.kind == StageKind::Tiles) {
            out << ", " << s.rows() << "x" << s.columns() << " tiles" << (s.reuse ? ", data reuse" : "")
                << (s.stealing ? ", work stealing" : "");
        } else if (s.kind != StageKind::Device) {
            out << ", " << s.cells() << " slices";
        }
        std::set<int> devices(s.devices.begin(), s.devices.end());
        out << " on";
        for (int d : devices) {
            out << " " << cluster.devices[std::size_t(d)].name;
        }
        out << "\n";
    }
    if (plan.pruning) {
        out << "  weights pruned first: " << compress::toString(plan.pruning->mode) << " magnitude, sparsity "
            << plan.pruning->sparsity << "\n";
    }
}

void printPlanCosts(std::ostream& out, const sim::PlanCost& costs, const cost::Cluster& cluster) {
    std::size_t nameWidth = 6;
    for (const auto& d : cluster.devices) {
        nameWidth = std::max(nameWidth, d.name.size());
    }
    out << cell("device", nameWidth, false)
        << " | tasks |    weights | activations |    buffers |   overhead |      total |     budget | "
           "      sent |   received |  compute\n";
    for (std::size_t d = 0; d < cluster.devices.size(); ++d) {
        const auto& c = costs.devices[d];
        out << cell(cluster.devices[d].name, nameWidth, false) << " | " << cell(std::to_string(c.tasks), 5)
            << " | " << cell(cost::formatBytes(c.weightBytes), 10) << " | "
            << cell(cost::formatBytes(c.activationBytes), 11) << " | "
            << cell(cost::formatBytes(c.bufferBytes), 10) << " | "
            << cell(cost::formatBytes(c.overheadBytes), 10) << " | "
            << cell(cost::formatBytes(c.totalBytes), 10) << " | "
            << cell(cost::formatBytes(c.budgetBytes), 10) << " | " << cell(cost::formatBytes(c.sentBytes), 10)
            << " | " << cell(cost::formatBytes(c.receivedBytes), 10) << " | "
            << cell(cost::formatSeconds(c.computeSeconds), 8) << (c.fits() ? "" : "  OVER BUDGET") << "\n";
    }
    out << "\nTraffic per frame: " << cost::formatBytes(costs.trafficBytes) << "\n";
    for (const auto& link : costs.links) {
        out << "  " << cluster.devices[std::size_t(link.from)].name << " -> "
            << cluster.devices[std::size_t(link.to)].name << ": " << cost::formatBytes(link.bytes) << "\n";
    }
    char work[160];
    std::snprintf(
        work, sizeof work, "Work: %.3f GMACs over all tasks for a %.3f GMAC model (%.1f%% redundant)\n",
        double(costs.macs) / 1e9, double(costs.modelMacs) / 1e9,
        costs.modelMacs > 0 ? 100.0 * double(costs.redundantMacs()) / double(costs.modelMacs) : 0.0);
    out << work;
}

} // namespace tessera::cli
