// kernel: Slice createSlice
//
// Opset >= 10: starts, ends, optional axes and steps are (constant) inputs 1-4; before: attributes starts,
// ends, axes (step 1). Negative indices count from the end, out-of-range ones are clamped as the ONNX spec
// says (to [0, dim] for positive steps, start to [0, dim-1] and end to [-1, dim-1] for negative steps).
// A slice is a strided view of the input: the optimised path is one strided copy, the reference gathers
// each output element from its unravelled index.

#include <algorithm>

#include "kernels/strided_copy.h"

namespace tessera::exec::kernels {
namespace {

// Per input dim: first index read and step between reads.
struct SliceView {
    std::vector<std::int64_t> begin;
    std::vector<std::int64_t> step;
};

class SliceReference final : public Kernel {
public:
    SliceReference(SliceView view, Shape inShape, Shape outShape)
        : m_view(std::move(view))
        , m_inStrides(rowMajorStrides(inShape))
        , m_outShape(std::move(outShape)) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext&) override {
        const std::int64_t total = outputs[0].elements();
        for (std::int64_t i = 0; i < total; ++i) {
            std::int64_t rest = i, source = 0;
            for (std::size_t d = m_outShape.size(); d-- > 0;) {
                const std::int64_t index = rest % m_outShape[d];
                rest /= m_outShape[d];
                source += (m_view.begin[d] + index * m_view.step[d]) * m_inStrides[d];
            }
            outputs[0].data[i] = inputs[0].data[source];
        }
    }

private:
    SliceView m_view;
    std::vector<std::int64_t> m_inStrides;
    Shape m_outShape;
};

// The slice parameters from the inputs (opset >= 10) or attributes; empty axes/steps mean defaults.
struct SliceParams {
    std::vector<std::int64_t> starts, ends, axes, steps;
};

SliceParams sliceParams(const KernelInit& init) {
    SliceParams p;
    if (init.opset < 10) {
        p.starts = init.node.attrInts("starts");
        p.ends = init.node.attrInts("ends");
        p.axes = init.node.attrInts("axes");
        return p;
    }
    auto input = [&](std::size_t i) {
        return i < init.constants.size() && init.constants[i] ? constantInts(*init.constants[i])
                                                              : std::vector<std::int64_t>{};
    };
    p.starts = input(1);
    p.ends = input(2);
    p.axes = input(3);
    p.steps = input(4);
    return p;
}

} // namespace

Expected<std::unique_ptr<Kernel>> createSlice(const KernelInit& init) {
    const Shape& in = init.inputShapes[0];
    const std::size_t rank = in.size();
    if (rank > kMaxMoveRank) {
        return kernelError(init, "rank " + std::to_string(rank) + " is above the supported " +
                                     std::to_string(kMaxMoveRank));
    }
    for (std::size_t i = 1; i < init.node.inputs.size() && i < 5; ++i) {
        if (!init.node.inputs[i].empty() && !init.constants[i]) {
            return kernelError(init, "input " + std::to_string(i) + " must be a constant");
        }
    }
    SliceParams p = sliceParams(init);
    if (p.axes.empty()) {
        for (std::size_t k = 0; k < p.starts.size(); ++k) {
            p.axes.push_back(std::int64_t(k));
        }
    }
    if (p.steps.empty()) {
        p.steps.assign(p.starts.size(), 1);
    }
    if (p.ends.size() != p.starts.size() || p.axes.size() != p.starts.size() ||
        p.steps.size() != p.starts.size()) {
        return kernelError(init, "starts, ends, axes and steps differ in length");
    }
    SliceView view{std::vector<std::int64_t>(rank, 0), std::vector<std::int64_t>(rank, 1)};
    Shape outShape = in;
    std::vector<bool> seen(rank, false);
    for (std::size_t k = 0; k < p.starts.size(); ++k) {
        const std::int64_t axis = normaliseAxis(p.axes[k], rank);
        if (axis < 0 || seen[std::size_t(axis)]) {
            return kernelError(init, "axis " + std::to_string(p.axes[k]) + " is out of range or repeated");
        }
        seen[std::size_t(axis)] = true;
        const std::int64_t dim = in[std::size_t(axis)], step = p.steps[k];
        if (step == 0) {
            return kernelError(init, "step 0");
        }
        if (dim == 0) {
            outShape[std::size_t(axis)] = 0;
            continue;
        }
        std::int64_t start = p.starts[k], end = p.ends[k];
        start = start < 0 ? start + dim : start;
        end = end < 0 ? end + dim : end;
        if (step > 0) {
            start = std::clamp<std::int64_t>(start, 0, dim);
            end = std::clamp<std::int64_t>(end, 0, dim);
        } else {
            start = std::clamp<std::int64_t>(start, 0, dim - 1);
            end = std::clamp<std::int64_t>(end, -1, dim - 1);
        }
        const std::int64_t span = step > 0 ? end - start : start - end;
        const std::int64_t absStep = step > 0 ? step : -step;
        outShape[std::size_t(axis)] = span <= 0 ? 0 : (span + absStep - 1) / absStep;
        view.begin[std::size_t(axis)] = start;
        view.step[std::size_t(axis)] = step;
    }
    if (!init.outputShapes.empty() && init.outputShapes[0] != outShape) {
        return kernelError(init, "computed output shape " + model::toString(outShape) +
                                     " differs from the inferred " + model::toString(init.outputShapes[0]));
    }
    if (init.reference) {
        return make<SliceReference>(view, in, outShape);
    }
    const std::vector<std::int64_t> inStrides = rowMajorStrides(in);
    std::vector<std::int64_t> strides(rank);
    std::int64_t offset = 0;
    for (std::size_t d = 0; d < rank; ++d) {
        strides[d] = view.step[d] * inStrides[d];
        offset += view.begin[d] * inStrides[d];
    }
    return make<StridedCopyKernel>(StridedCopy(outShape, strides, offset));
}

} // namespace tessera::exec::kernels
