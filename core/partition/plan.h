#pragma once
// A partition plan: how a network is split across the devices of a cluster.
//
// The plan is a list of stages. Each stage covers a run of consecutive nodes in graph order (the
// topological order of the IR) and every node belongs to exactly one stage. A stage is one of:
//   - Device: the nodes run whole on one device (layer/pipeline partitioning, the edge-server split point).
//   - Tiles (FTP, fused tile partitioning): the output of the stage's last node (NCHW) is cut into a grid of
//     rows x columns tiles at arbitrary cut lines; each tile is computed through the whole stage by its
//     device from the input region it needs (tiles overlap in their inputs). Options: checkerboard data reuse
//     (odd tiles fetch border strips from their even neighbours instead of recomputing them) and work
//     stealing (tiles may run on any device of the stage, assigned at run time).
//   - Lop (layer output partitioning): axis 1 of the last node's output (channels, or features of an FC
//     layer) is cut into slices, one per device; each device computes its slice from the whole input.
//   - Lip (layer input partitioning): the stage's first node (Conv with one group, Gemm or MatMul with
//     constant weights) is split by its input channels; every device computes a full-size partial sum from
//     its input slice, the reducer adds them (then the bias) and runs the rest of the stage.
// A Lop stage followed by a Lip stage whose input slices equal the Lop output slices on the same devices is
// the fused LOP->LIP pair of DeeperThings: nothing is exchanged between the two.
//
// Where stages meet, devices exchange exactly the regions each needs, peer to peer (program.h).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/error.h"
#include "core/compress/pruning.h"
#include "core/cost/cluster.h"
#include "core/model/graph.h"

namespace tessera::partition {

enum class StageKind { Device, Tiles, Lop, Lip };
const char* toString(StageKind kind); // "device", "tiles", "lop", "lip"
std::optional<StageKind> stageKindFromString(const std::string& text);

struct Stage {
    StageKind kind = StageKind::Device;
    std::size_t first = 0, last = 0; // node indices, inclusive, first <= last

    // Tiles: interior cut positions along the rows (axis 2) and columns (axis 3) of the last node's output,
    // strictly increasing; rows = rowCuts.size()+1, columns = colCuts.size()+1.
    std::vector<std::int64_t> rowCuts, colCuts;
    // Lop: interior cut positions along axis 1 of the last node's output.
    // Lip: interior cut positions along axis 1 of the first node's data input.
    std::vector<std::int64_t> channelCuts;
    // Device: one entry. Tiles: one per tile, row-major (tile (i, j) is i * columns + j).
    // Lop / Lip: one per slice. Device indices into the cluster.
    std::vector<int> devices;
    bool reuse = false;    // Tiles only
    bool stealing = false; // Tiles only
    int reducer = -1;      // Lip only: the device that adds the partial sums; -1 means devices[0]

    int rows() const { return int(rowCuts.size()) + 1; }
    int columns() const { return int(colCuts.size()) + 1; }
    // Number of cells (tiles or slices) of the stage.
    std::size_t cells() const;
    int reducerDevice() const { return reducer >= 0 ? reducer : (devices.empty() ? -1 : devices.front()); }
    bool contains(std::size_t node) const { return node >= first && node <= last; }

    bool operator==(const Stage&) const = default;
};

struct Plan {
    static constexpr int kVersion = 1;
    std::vector<Stage> stages; // sorted by `first`, covering every node exactly once when valid
    // Magnitude pruning applied to the model's weights before the plan is compiled, costed or run
    // (applyPruning()); none when unset.
    std::optional<compress::PruneSettings> pruning;

    // Index of the stage holding `node`, or -1.
    int stageOf(std::size_t node) const;

    bool operator==(const Plan&) const = default;
};

// A plan with every node in one Device stage on `device` (the unpartitioned run).
Plan wholeModelPlan(const model::Graph& graph, int device);

// Everything wrong with `plan` for this graph and cluster, one line per problem, each naming the stage and
// the node ("stage 3 (tiles, 'conv_4'..'pool_7'): node 'gemm_9' (Gemm) cannot be tiled: ..."). Empty = valid.
std::vector<std::string> validate(const Plan& plan, const model::Graph& graph, const cost::Cluster& cluster);
// The problems of one stage on its own (its kind, cuts, devices, the operators inside, values leaving it from
// the middle), without the coverage checks of a whole plan; labelled "stage 1 (...)".
std::vector<std::string> validateStage(const Stage& stage, const model::Graph& graph,
                                       const cost::Cluster& cluster);
// validate() as a Status: InvalidArgument listing every problem.
Status checkPlan(const Plan& plan, const model::Graph& graph, const cost::Cluster& cluster);

// Prunes `graph`'s weights as `plan.pruning` says (nothing when unset): the weights the plan's program
// costs and runs. Call it on the loaded model before compile(); errors name the "pruning" field.
Expected<compress::PruneReport> applyPruning(const Plan& plan, model::Graph& graph);

// Plan files (JSON, docs/file-formats.md "Plan file"): stages refer to nodes and devices by name, so a plan
// survives re-import of the same model; a plan from a newer version is refused. Errors name file and field.
Expected<Plan> parsePlan(const std::string& jsonText, const std::string& path, const model::Graph& graph,
                         const cost::Cluster& cluster);
Expected<Plan> readPlan(const std::string& path, const model::Graph& graph, const cost::Cluster& cluster);
std::string planToJson(const Plan& plan, const model::Graph& graph, const cost::Cluster& cluster);
Status writePlan(const Plan& plan, const model::Graph& graph, const cost::Cluster& cluster,
                 const std::string& path);

} // namespace tessera::partition
