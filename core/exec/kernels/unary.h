#pragma once
// Element-wise unary kernels: one function applied to every element, in place or not. The loop is the
// reference implementation as well (there is nothing to optimise beyond what the compiler vectorises).

#include "kernels/common.h"

namespace tessera::exec::kernels {

template <typename Fn> class UnaryKernel final : public Kernel {
public:
    explicit UnaryKernel(Fn fn)
        : m_fn(fn) {}
    void run(const std::vector<ConstTensor>& inputs, const std::vector<Tensor>& outputs,
             KernelContext& ctx) override {
        const float* in = inputs[0].data;
        float* out = outputs[0].data;
        ctx.pool.parallelFor(
            outputs[0].elements(),
            [&](std::int64_t begin, std::int64_t end) {
                for (std::int64_t i = begin; i < end; ++i) {
                    out[i] = m_fn(in[i]);
                }
            },
            16384);
    }
    bool inPlace() const override { return true; }

private:
    Fn m_fn;
};

template <typename Fn> Expected<std::unique_ptr<Kernel>> makeUnary(Fn fn) {
    return make<UnaryKernel<Fn>>(fn);
}

} // namespace tessera::exec::kernels
