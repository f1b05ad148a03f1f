// kernel: GlobalAveragePool createGlobalAveragePool
//
// The mean of every (n, c) plane: X [N, C, d1, ...] -> [N, C, 1, ...]. Optimised path: planes split over
// threads, each summed in eight float partial sums (which the compiler vectorises). Reference: one plain
// sum per plane in double.

#include <algorithm>

#include "kernels/common.h"

namespace tessera::exec::kernels {
namespace {

class GlobalAveragePoolReference final : public Kernel {
public:
    explicit GlobalAveragePoolReference(std::int64_t planeSize)
        : m_planeSize(planeSize) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext&) override {
        for (std::int64_t p = 0; p < outputs[0].elements(); ++p) {
            double sum = 0.0;
            for (std::int64_t i = 0; i < m_planeSize; ++i) {
                sum += inputs[0].data[p * m_planeSize + i];
            }
            outputs[0].data[p] = float(sum / double(m_planeSize));
        }
    }

private:
    std::int64_t m_planeSize;
};

class GlobalAveragePoolKernel final : public Kernel {
public:
    explicit GlobalAveragePoolKernel(std::int64_t planeSize)
        : m_planeSize(planeSize) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        const float* x = inputs[0].data;
        float* y = outputs[0].data;
        const std::int64_t n = m_planeSize;
        const float scale = 1.f / float(n);
        ctx.pool.parallelFor(
            outputs[0].elements(),
            [&](std::int64_t begin, std::int64_t end) {
                for (std::int64_t p = begin; p < end; ++p) {
                    const float* plane = x + p * n;
                    float partial[8] = {};
                    std::int64_t i = 0;
                    for (; i + 8 <= n; i += 8) {
                        for (int k = 0; k < 8; ++k) {
                            partial[k] += plane[i + k];
                        }
                    }
                    float sum = 0.f;
                    for (; i < n; ++i) {
                        sum += plane[i];
                    }
                    for (float s : partial) {
                        sum += s;
                    }
                    y[p] = sum * scale;
                }
            },
            std::max<std::int64_t>(1, 16384 / n));
    }

private:
    std::int64_t m_planeSize;
};

} // namespace

Expected<std::unique_ptr<Kernel>> createGlobalAveragePool(const KernelInit& init) {
    const Shape& in = init.inputShapes.at(0);
    if (in.size() < 3) {
        return kernelError(init, "X must be [N, C, d1, ...], got " + model::toString(in));
    }
    const std::int64_t planeSize = model::elementCount(in) / std::max<std::int64_t>(1, in[0] * in[1]);
    if (planeSize == 0 || model::elementCount(init.outputShapes.at(0)) != in[0] * in[1]) {
        return kernelError(init, "cannot average " + model::toString(in) + " into " +
                                     model::toString(init.outputShapes.at(0)));
    }
    if (init.reference) {
        return make<GlobalAveragePoolReference>(planeSize);
    }
    return make<GlobalAveragePoolKernel>(planeSize);
}

} // namespace tessera::exec::kernels
