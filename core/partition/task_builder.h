#pragma once
// Internal to core/partition: back-propagation of regions through a run of nodes, and the builder that turns
// the result into a task graph. compile.cpp drives both, stage by stage.

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/partition/geometry.h"
#include "core/partition/program.h"
#include "core/partition/weight_census.h"

namespace tessera::partition::detail {

// A border strip a data-reuse tile fetches instead of computing: `region` of the value, from tile `tile`.
struct Band {
    Region region;
    int tile = -1;
};

struct RangeGeometry {
    std::map<std::string, Region> need;       // region needed of every value read or produced in the range
    std::map<std::size_t, NodeRegions> nodes; // the nodes that run, with their regions
    // Data reuse: values whose producer computes only `own` (possibly nothing) of `need`, the rest fetched.
    std::map<std::string, Region> own;
    std::map<std::string, std::vector<Band>> bands;
};

// Called for every value produced in the range before its producer is mapped; may record bands in the
// geometry and return the smaller region the producer must compute. Without it, producers compute `need`.
using ShrinkFn = std::function<Region(const std::string& value, const Region& need, RangeGeometry& geometry)>;

// Regions for nodes first..last (graph indices) so that the values in `requests` get at least those regions.
RangeGeometry backPropagate(const model::Graph& graph, std::size_t first, std::size_t last,
                            const std::map<std::string, Region>& requests, const ShrinkFn& shrink = {});

// Builds one task graph: inputs (regions of original values), rewritten nodes, crops and stitches, outputs.
class TaskBuilder {
public:
    // `census` counts the zeros of `original`'s weights (for the stored bytes of weight slices).
    TaskBuilder(const model::Graph& original, const WeightCensus& census, std::int64_t opset,
                const std::string& name);

    // A task input holding `region` of `value`, named `name` in the task graph, with its sources if known.
    void addInput(const std::string& name, const std::string& value, const Region& region,
                  std::vector<Source> sources = {});
    // Declares that the task graph already holds `region` of `value` under `name`.
    void hold(const std::string& value, const std::string& name, const Region& region);
    // Name of a task value holding exactly `region` of `value` (a crop of what is held when needed). A value
    // not held yet becomes a task input holding `inputRegions[value]`.
    std::string provide(const std::string& value, const Region& region);
    // Name of a task initializer holding `region` of the original initializer `source` (hollow: data comes
    // with materialize()), reshaped to `shape` when given.
    std::string weight(const std::string& source, const Region& region, const model::Shape& shape = {});
    // Appends a node; `outputShapes` per output.
    void addNode(model::Node node, const std::vector<model::Shape>& outputShapes);
    // Appends the range's nodes as the geometry says. `bandSource` gives the piece of each band.
    void addRange(std::size_t first, std::size_t last, const RangeGeometry& geometry,
                  const std::function<int(const std::string& value, const Band& band)>& bandSource = {});
    // Declares a task output: `region` of `value`; returns its name in the task graph.
    std::string addOutput(const std::string& value, const Region& region);

    // Finishes the task: graph, inputs, weights and costs. Outputs are listed by outputRegions() in the order
    // added; the caller turns them into pieces.
    Task finish();
    const std::vector<std::pair<std::string, Region>>& outputRegions() const { return m_outputRegions; }

    // Regions that values not yet held will be read in (the range geometry's `need`).
    std::map<std::string, Region> inputRegions;

private:
    std::string freshName(const std::string& base);
    // WeightSlice::storedBytes of a slice of this task.
    std::int64_t storedSliceBytes(const WeightSlice& slice) const;
    std::string scalarsInitializer(const std::string& base, const std::vector<std::int64_t>& values);

    const model::Graph& m_original;
    const WeightCensus& m_census;
    std::int64_t m_opset;
    Task m_task;
    std::map<std::string, std::pair<std::string, Region>> m_held; // original value -> (task name, region)
    std::map<std::pair<std::string, std::string>, std::string> m_crops; // (task name, region) -> crop name
    std::vector<std::pair<std::string, Region>> m_outputRegions;
    std::map<std::string, int> m_nameCount;
};

} // namespace tessera::partition::detail
