#pragma once
// An immutable network ready to execute: kernels created (weights pre-processed, BatchNormalization folded
// into the preceding Conv, activations fused) and the activation memory planned. Shared by any number of
// Sessions, also concurrently.
//
// A network may be split into segments run one at a time (a device's tasks: tessera-node loads its whole
// sub-model as one Net with a segment per task). Each weight is then held once however many segments read
// it (the tiles of a layer share its folded weights and its derived CSR form), and one session arena, as
// large as the largest segment's plan, serves every segment in turn.

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/base/cancel.h"
#include "core/cost/memory_plan.h"
#include "core/exec/allocator.h"
#include "core/exec/kernel.h"
#include "core/model/model.h"

namespace tessera::exec {

struct NetOptions {
    bool reference = false; // plain reference kernels everywhere (slow; for tests)
    bool fuse = true;       // fold BN into Conv and fuse activations into Conv/Gemm
    // Conv/Gemm weight forms: Auto stores pruned weights in CSR as cost/weight_storage.h says (what the cost
    // model counts); Dense and Sparse force one form (for comparisons).
    SparseChoice sparse = SparseChoice::Auto;
};

// A part of a network run on its own: the nodes that compute `outputs` from `inputs` (every other value they
// read must be a constant). Its activations get a memory plan of their own (cost::planMemory of just these
// nodes, `inputs` and `outputs` as the graph's), as if it were a network by itself.
struct SegmentSpec {
    std::vector<std::string> inputs, outputs;
};

class Net {
public:
    // Refuses (listing every node) ops without a kernel; never fails later at run time.
    // Takes the model by value: the net keeps its weights, so move the model in to avoid holding two copies.
    static Expected<std::shared_ptr<const Net>> load(model::Model model, const NetOptions& options = {});
    // The same, split into segments (see above), which must not share a node; errors name the segment and the
    // value it cannot compute. Nodes outside every segment never run.
    static Expected<std::shared_ptr<const Net>> load(model::Model model, const NetOptions& options,
                                                     const std::vector<SegmentSpec>& segments);

    struct Segment {
        std::vector<std::size_t> steps; // indices into steps(), in graph order
        std::size_t arenaBytes = 0;     // of its own memory plan
    };

    struct Step {
        std::size_t node;                 // index into graph().nodes
        std::unique_ptr<Kernel> kernel;   // null for steps folded into an earlier one or pure aliases
        std::vector<int> inputs, outputs; // value ids (see valueIds); -1 for omitted optional inputs
    };

    const model::Graph& graph() const { return m_graph; }
    const std::vector<Step>& steps() const { return m_steps; }
    // The whole graph's plan; empty for a net split into segments (each has its own).
    const cost::MemoryPlan& memoryPlan() const { return m_plan; }
    const std::vector<Segment>& segments() const { return m_segments; }
    // Bytes of the session arena: the memory plan's, or the largest segment's.
    std::size_t arenaBytes() const { return m_arenaBytes; }
    std::size_t workspaceBytes() const { return m_workspace; }
    // Largest per-thread slot any kernel needs (already a multiple of 64 bytes).
    std::size_t workspaceBytesPerThread() const { return m_threadWorkspace; }
    // Value id of a named value (inputs, outputs, intermediates, weights); -1 if unknown.
    int valueId(const std::string& name) const;
    const std::vector<std::string>& valueNames() const { return m_valueNames; }
    const std::vector<Shape>& valueShapes() const { return m_valueShapes; }
    // Bytes of the weights the net holds (after BN folding), each once: dense, or the CSR form kernels derive
    // from a pruned weight (whose dense tensor in graph() then keeps its shape but no data).
    std::size_t weightBytes() const;
    // Constant data of a value id (weights), or nullptr for activations.
    const float* constantData(int id) const { return m_constants[std::size_t(id)]; }
    // Byte offset of an activation value in the session arena, or -1 for constants.
    std::int64_t arenaOffset(int id) const { return m_offsets[std::size_t(id)]; }

private:
    Net() = default;
    model::Graph m_graph; // the executed graph (after folding), weights included
    std::vector<Step> m_steps;
    cost::MemoryPlan m_plan;
    std::vector<Segment> m_segments;
    std::size_t m_arenaBytes = 0;
    std::size_t m_workspace = 0;
    std::size_t m_threadWorkspace = 0;
    std::map<std::string, int> m_ids;
    std::vector<std::string> m_valueNames;
    std::vector<Shape> m_valueShapes;
    std::vector<const float*> m_constants;
    std::vector<std::int64_t> m_offsets;
    std::set<std::string> m_released; // weights held by their kernel in another form (no data in m_graph)
    std::size_t m_heldWeightBytes = 0;
};

// One inference context: owns the activation arena and the workspace (allocated at construction, reused by
// every run; run() itself performs no allocation). Not thread-safe; use one Session per thread.
class Session {
public:
    // `allocator` provides the arena and workspace (64-byte aligned); nullptr = the default heap allocator.
    Session(std::shared_ptr<const Net> net, int threads = 1, Allocator* allocator = nullptr);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // The graph input buffer to fill (shape = the input's shape). Errors name the input.
    Expected<Tensor> input(const std::string& name);
    Status setInput(const std::string& name, const float* data, std::size_t count);
    // Runs the whole network; refused for a net split into segments.
    Status run(const StopToken* stop = nullptr);
    // Runs one segment of the net (its inputs set, its outputs valid until the next run).
    Status run(std::size_t segment, const StopToken* stop = nullptr);
    // A graph output after run(); valid until the next run().
    Expected<ConstTensor> output(const std::string& name) const;
    // Per-step wall time, accumulated over runs while profiling is on (index = Net::steps()).
    void setProfiling(bool on) { m_profiling = on; }
    const std::vector<double>& stepSeconds() const { return m_stepSeconds; }
    std::size_t arenaBytes() const { return m_arenaBytes; }
    std::size_t workspaceBytes() const { return m_workspaceBytes; }

private:
    float* at(int valueId) const;
    Status runSteps(const std::vector<std::size_t>* steps, const StopToken* stop);

    std::shared_ptr<const Net> m_net;
    ThreadPool m_pool;
    Allocator* m_allocator;
    std::byte* m_arena = nullptr;
    std::byte* m_workspace = nullptr; // shared part, then one slot per thread
    std::size_t m_workspaceBytes = 0;
    std::size_t m_arenaBytes = 0;
    // per step: views of its inputs and outputs, fixed at construction so run() does not allocate
    std::vector<std::vector<ConstTensor>> m_stepInputs;
    std::vector<std::vector<Tensor>> m_stepOutputs;
    bool m_profiling = false;
    std::vector<double> m_stepSeconds;
};

} // namespace tessera::exec
