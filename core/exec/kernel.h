#pragma once
// The kernel interface. A kernel is created once per graph node when a network is loaded (weights
// pre-processed then) and run many times; run() must not allocate. Every optimised kernel has a plain
// reference implementation of the same op, selected with KernelInit::reference, that tests compare against.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/base/error.h"
#include "core/exec/tensor.h"
#include "core/exec/thread_pool.h"
#include "core/model/graph.h"

namespace tessera::exec {

struct KernelContext {
    ThreadPool& pool;
    float* workspace = nullptr; // at least Kernel::workspaceBytes() bytes, 64-byte aligned
    // pool.threads() slots of Kernel::workspaceBytesPerThread() bytes each, slot t at t * that size
    float* threadWorkspace = nullptr;
};

class Kernel {
public:
    virtual ~Kernel() = default;
    // inputs: the node's inputs in order (weights included, as constant views; omitted optional inputs have
    // data == nullptr); outputs: the node's outputs, shapes as inferred at import.
    virtual void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
                     KernelContext& ctx) = 0;
    virtual std::size_t workspaceBytes() const { return 0; }
    // Scratch each thread needs on its own (e.g. an im2col tile); rounded up to 64 bytes by the session.
    virtual std::size_t workspaceBytesPerThread() const { return 0; }
    // True when the output may share the first input's buffer (element-wise unary ops).
    virtual bool inPlace() const { return false; }
    // Non-zero when the kernel holds its own form of its weight (input 1; a pruned weight in CSR) and never
    // reads that input: the bytes it holds. The Net then frees the dense weight.
    virtual std::size_t heldWeightBytes() const { return 0; }
};

// Which form of a Conv/Gemm weight a kernel uses: as cost/weight_storage.h says (Auto), or forced (tests and
// benchmarks compare the two on the same layer).
enum class SparseChoice { Auto, Dense, Sparse };

// Forms of constant weights that kernels derive when a network loads (a pruned weight in CSR), shared by
// every kernel of the Net that derives the same form of the same weight: the tiles of one layer hold it once.
class DerivedWeights {
public:
    // The form stored under `key` (the weight's name and what the form is), or the one `make()` returns,
    // stored then. T must have bytes().
    template <typename T, typename Make> std::shared_ptr<const T> get(const std::string& key, Make&& make) {
        Form& slot = m_forms[key];
        if (!slot.form) {
            auto made = std::make_shared<const T>(make());
            slot.bytes = made->bytes();
            slot.form = made;
        }
        return std::static_pointer_cast<const T>(slot.form);
    }
    // Bytes of every form, each counted once.
    std::size_t bytes() const {
        std::size_t total = 0;
        for (const auto& [key, form] : m_forms) {
            total += form.bytes;
        }
        return total;
    }

private:
    struct Form {
        std::shared_ptr<const void> form;
        std::size_t bytes = 0;
    };
    std::map<std::string, Form> m_forms;
};

struct KernelInit {
    const model::Node& node;
    const model::Graph& graph;
    std::vector<Shape> inputShapes;  // per node input ({} for omitted optional inputs)
    std::vector<Shape> outputShapes; // per node output
    // constant value of each input (weights, folded shape tensors), or nullptr for run-time inputs
    std::vector<const model::Tensor*> constants;
    bool reference = false;  // build the plain reference implementation
    std::int64_t opset = 13; // default-domain opset of the model (some ops changed semantics across opsets)
    SparseChoice sparse = SparseChoice::Auto; // ignored by reference kernels, which are always dense
    DerivedWeights* derived = nullptr;        // where to share derived forms; null: the kernel keeps its own
};

// Size of one per-thread workspace slot: bytes rounded up to 64 so every slot stays aligned.
inline std::size_t slotBytes(std::size_t bytes) {
    return (bytes + 63) / 64 * 64;
}

using KernelFactory = Expected<std::unique_ptr<Kernel>> (*)(const KernelInit&);

// The factory for an op type, or nullptr if the engine has none.
KernelFactory findKernel(const std::string& opType);
std::vector<std::string> kernelOps();

} // namespace tessera::exec
