#pragma once
// Region geometry of single nodes: which region of each input a node reads to produce a region of its
// output, and the node rewritten to run on exactly those regions. Back-propagating regions through a run of
// nodes with these rules gives the input region of every tile (FTP) and channel slice (LOP).
//
// Per spatial axis of Conv and pooling (kernel K, stride S, dilation D, leading padding P), output rows
// [o1, o2) read input rows [max(0, S*o1 - P), min(In, S*(o2-1) - P + D*(K-1) + 1)); the rewritten node pads
// only where the region meets the tensor's true border, so a tile computes exactly what the whole layer
// computes there. Operators without a rule here compute their whole output from their whole inputs, which is
// always correct and merely wasteful; tile and channel stages accept only operators with a rule.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/graph.h"
#include "core/partition/region.h"

namespace tessera::partition {

struct NodeRegions {
    // The region of output 0 the node will compute: contains the requested region; larger when the op cannot
    // compute exactly the request (a channel group, an LRN window, a softmax axis).
    Region compute;
    // Per node input: the region read, for constant inputs too (a weight slice). Empty for omitted inputs and
    // for inputs not needed at all (a Concat input outside the requested range).
    std::vector<Region> inputs;
    // Regions of the other outputs (multi-output ops compute them whole).
    std::vector<Region> otherOutputs;
};

// `need` is a non-empty region of the node's first output.
NodeRegions mapRegions(const model::Graph& graph, const model::Node& node, const Region& need);

// The node's attributes rewritten to compute `regions.compute` from inputs holding exactly `regions.inputs`
// (pads, ceil_mode, group, auto_pad). Inputs and outputs are left to the caller, which renames them and drops
// the Concat inputs whose region is empty.
model::Node rewriteNode(const model::Graph& graph, const model::Node& node, const NodeRegions& regions);

// Where a cut line at `cut` along spatial axis `axis` (2 or 3) of the node's first output falls on its input
// number `input`: the input position under the centre of the kernel window, clamped to that input. Used to
// give every value inside a tile block its own non-overlapping cells (for data reuse).
std::int64_t mapCutToInput(const model::Graph& graph, const model::Node& node, std::size_t input, int axis,
                           std::int64_t cut);

// The receptive field of `need`, a region of node `last`'s first output, at the entrance of nodes
// first..last (graph indices, first <= last): the region of every value the run reads from outside itself
// (a graph input or a value produced before `first`; constants excluded) that computing `need` takes. For a
// tile of a fused block (FTP) these are the tile's input regions; neighbouring tiles' regions overlap.
std::map<std::string, Region> receptiveRegions(const model::Graph& graph, std::size_t first, std::size_t last,
                                               const Region& need);

// Why the node cannot be part of a tile block (FTP) or a channel-split (LOP) stage; nullopt when it can.
std::optional<std::string> tileProblem(const model::Graph& graph, const model::Node& node);
std::optional<std::string> channelSplitProblem(const model::Graph& graph, const model::Node& node);
// Why the node cannot be the split layer of an LIP stage; nullopt when it can.
std::optional<std::string> lipProblem(const model::Graph& graph, const model::Node& node);

} // namespace tessera::partition
