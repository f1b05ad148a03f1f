#pragma once
// Plan edits of the studio as pure functions on core types (no Qt): each returns the new plan, or an error
// listing the core validation problems (partition::validate) that make the edit invalid.

#include <cstddef>
#include <cstdint>
#include <string>
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

// The axis a channel split cuts: for Lop the output of the stage's last node, for Lip the data input of its
// first node; `channels` is that value's axis 1 (0 when unknown) and `granule` what the cuts are multiples of
// (whole planes when the value is the Flatten of a feature map, so a LOP before the Flatten and a LIP after
// it cut at the same places, as `tessera plan` does; else 1). `kind` must be Lop or Lip.
struct ChannelAxis {
    std::string value;
    std::int64_t channels = 0;
    std::int64_t granule = 1;
};
ChannelAxis channelAxis(const model::Graph& graph, std::size_t first, std::size_t last,
                        partition::StageKind kind);

// A channel split as the studio edits it: slice i has channels[i] channels (consecutive, in order) and runs
// on devices[i]. Both vectors have one entry per slice.
struct ChannelSlices {
    std::vector<std::int64_t> channels;
    std::vector<int> devices;
    bool operator==(const ChannelSlices&) const = default;
};

// The slices of a Lop or Lip stage cut over `channels`; empty when its cuts do not fit that extent.
ChannelSlices channelSlices(const partition::Stage& stage, std::int64_t channels);
// The interior cut positions of consecutive slices of these sizes (the inverse of channelSlices).
std::vector<std::int64_t> cutsOfSlices(const std::vector<std::int64_t>& channels);

// `devices` with channels proportional to `weights` (one per device; largest remainder rounding, every
// slice at least one granule, cuts on multiples of `granule`). Error when `channels` has fewer granules than
// there are devices.
Expected<ChannelSlices> proportionalSlices(std::vector<int> devices, const std::vector<double>& weights,
                                           std::int64_t channels, std::int64_t granule);
// The speed (multiply-accumulates per second) of each of `devices`: the weights of "shares by device speed".
std::vector<double> deviceSpeeds(const cost::Cluster& cluster, const std::vector<int>& devices);

// Slice `index` resized to `wanted` channels: rounded to whole granules and clamped so that every slice
// keeps at least one granule (a slice is never empty); the other slices share what is left in proportion
// to their sizes in `slices` (largest remainder). The total and the devices do not change. Precondition:
// index < slices.channels.size() and every slice holds at least one granule.
ChannelSlices resizeSlice(const ChannelSlices& slices, std::size_t index, std::int64_t wanted,
                          std::int64_t granule);
// Slice `index` runs on `device` instead. Error when the device is not in the cluster, or when another slice
// already runs it: a device computes one slice of a split (two slices on one device run one after the other,
// which is one bigger slice with an extra transfer).
Expected<ChannelSlices> assignSlice(const ChannelSlices& slices, std::size_t index, int device,
                                    const cost::Cluster& cluster);
// Slice `index` leaves the split; the other slices take its channels in proportion to their sizes. Error
// when only two slices remain (a split needs two; place the layers on a device instead).
Expected<ChannelSlices> removeSlice(const ChannelSlices& slices, std::size_t index, std::int64_t granule);
// A slice on `device` joins the split at the end with the average share; the others shrink in proportion.
// Error when the device already runs a slice, is not in the cluster, or there are too few channels.
Expected<ChannelSlices> addSlice(const ChannelSlices& slices, int device, std::int64_t granule,
                                 const cost::Cluster& cluster);

// DeeperThings' fused pair: a Lop stage directly followed by a Lip stage whose first node reads the Lop's
// output. pairedStage returns the other half of such a pair for stage `index` (the Lip after a Lop, the Lop
// before a Lip), or -1. isFused: that pair has the same cuts on the same devices, so nothing is exchanged.
int pairedStage(const partition::Plan& plan, std::size_t index, const model::Graph& graph);
bool isFused(const partition::Plan& plan, std::size_t index, const model::Graph& graph);

// The plan with Lop or Lip stage `index` cut into `slices` (the Lip's explicit reducer kept). With
// `keepFused`, when the stage is half of a fused pair the other half gets the same slices, so the pair stays
// fused. Errors: the stage is not a channel split, the slices do not cover its channels, or the result does
// not validate (every core problem listed).
Expected<partition::Plan> setChannelSlices(const partition::Plan& plan, std::size_t index,
                                           const ChannelSlices& slices, bool keepFused,
                                           const model::Graph& graph, const cost::Cluster& cluster);
// The Lip half of the pair holding stage `index` takes the Lop half's cuts and devices: the pair becomes
// fused. Error when stage `index` has no pair.
Expected<partition::Plan> fusePair(const partition::Plan& plan, std::size_t index, const model::Graph& graph,
                                   const cost::Cluster& cluster);
// Lip stage `index` adds its partial sums on `device` (-1: on the device of its first slice).
Expected<partition::Plan> setReducer(const partition::Plan& plan, std::size_t index, int device,
                                     const model::Graph& graph, const cost::Cluster& cluster);

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
