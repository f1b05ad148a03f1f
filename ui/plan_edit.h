#pragma once
// Plan edits of the studio as pure functions on core types (no Qt): each returns the new plan, or an error
// listing the core validation problems (partition::validate) that make the edit invalid.

#include <cstddef>
#include <vector>

#include "core/base/error.h"
#include "core/cost/cluster.h"
#include "core/model/graph.h"
#include "core/partition/plan.h"

namespace tessera::ui {

struct TileSettings {
    int rows = 5, columns = 5; // grid of the block's output, cut uniformly as DeepThings does
    bool reuse = false, stealing = false;
};

// The plan with nodes first..last (inclusive) replaced by `stage` (whose first/last are set here). Device
// stages overlapping the range are trimmed; a tiles, lop or lip stage must lie wholly inside the range (it is
// replaced) or outside it. Adjacent device stages on the same device are merged. Errors: the range cuts a
// partitioned stage, or the result does not validate (every core problem listed).
Expected<partition::Plan> replaceRange(const partition::Plan& plan, partition::Stage stage, std::size_t first,
                                       std::size_t last, const model::Graph& graph,
                                       const cost::Cluster& cluster);

// Fuses nodes first..last into one tile block: rows x columns uniform tiles assigned round-robin over every
// device of the cluster (gateway first).
Expected<partition::Plan> fuseTiles(const partition::Plan& plan, std::size_t first, std::size_t last,
                                    const TileSettings& settings, const model::Graph& graph,
                                    const cost::Cluster& cluster);

// The plan with its stage number `index` replaced by `stage` (which keeps the old stage's first and last),
// validated as replaceRange does: an error lists every core problem of the result.
Expected<partition::Plan> replaceStage(const partition::Plan& plan, std::size_t index, partition::Stage stage,
                                       const model::Graph& graph, const cost::Cluster& cluster);

// `count` cells dealt round-robin over every device of the cluster, gateway first (how fuseTiles and a
// re-cut tile grid assign their tiles).
std::vector<int> roundRobinDevices(const cost::Cluster& cluster, std::size_t count);

// Splits nodes first..last by channels over every device of the cluster in equal shares (gateway first):
// Lop cuts the output channels of the last node, Lip the input channels of the first node (the gateway adds
// the partial sums). `kind` must be Lop or Lip.
Expected<partition::Plan> splitChannels(const partition::Plan& plan, std::size_t first, std::size_t last,
                                        partition::StageKind kind, const model::Graph& graph,
                                        const cost::Cluster& cluster);

// Places nodes first..last whole on `device`.
Expected<partition::Plan> placeOnDevice(const partition::Plan& plan, std::size_t first, std::size_t last,
                                        int device, const model::Graph& graph, const cost::Cluster& cluster);

// The plan after device `removed` left the cluster: device indices above it shift down by one, and every
// cell it ran moves to `replacement` (an index in the new cluster).
partition::Plan withoutDevice(const partition::Plan& plan, int removed, int replacement);

// The devices that run a part of `node` under `plan` (unique, in order of first appearance); empty when no
// stage holds it.
std::vector<int> devicesOfNode(const partition::Plan& plan, std::size_t node);

} // namespace tessera::ui
