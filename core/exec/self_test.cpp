#include "core/exec/self_test.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>

#include "core/cost/layer_cost.h"
#include "core/exec/net.h"
#include "core/exec/self_test_cases.h"

#if TESSERA_HAVE_OPENBLAS
#include <cblas.h>
#endif

namespace tessera::exec {
namespace {

using Clock = std::chrono::steady_clock;
using Outputs = std::vector<std::vector<float>>;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// One inference of `net` on `inputs`; every graph output, in graph order.
Expected<Outputs> infer(Session& session, const Net& net, const BuiltNet& built) {
    for (const auto& [name, data] : built.inputs) {
        if (auto s = session.setInput(name, data.data(), data.size()); !s) {
            return s.error();
        }
    }
    if (auto s = session.run(); !s) {
        return s.error();
    }
    Outputs outputs;
    for (const auto& out : net.graph().outputs) {
        auto tensor = session.output(out.name);
        if (!tensor) {
            return tensor.error();
        }
        outputs.emplace_back(tensor->data, tensor->data + tensor->elements());
    }
    return outputs;
}

Expected<Outputs> inferOnce(const std::shared_ptr<const Net>& net, const BuiltNet& built, int threads) {
    Session session(net, threads);
    return infer(session, *net, built);
}

// Largest |a - b| over all outputs; NaN when shapes differ or a value is not finite (fails every check).
float maxAbsDiff(const Outputs& a, const Outputs& b) {
    if (a.size() != b.size()) {
        return NAN;
    }
    float m = 0.f;
    for (std::size_t o = 0; o < a.size(); ++o) {
        if (a[o].size() != b[o].size()) {
            return NAN;
        }
        for (std::size_t i = 0; i < a[o].size(); ++i) {
            const float d = std::abs(a[o][i] - b[o][i]);
            if (!(d <= m)) {
                m = std::isfinite(d) ? d : NAN;
            }
            if (std::isnan(m)) {
                return m;
            }
        }
    }
    return m;
}

std::string opTypes(const model::Graph& graph) {
    std::string ops;
    std::set<std::string> seen;
    for (const auto& node : graph.nodes) {
        if (seen.insert(node.opType).second) {
            ops += (ops.empty() ? "" : " ") + node.opType;
        }
    }
    return ops;
}

void runCase(const SelfTestCase& spec, SelfTestResult& result) {
    NetBuilder builder(std::uint32_t(std::hash<std::string>{}(spec.name) & 0xffffu) + 1u);
    spec.build(builder);
    auto built = builder.finish("self-test '" + spec.name + "'", spec.opset);
    if (!built) {
        result.error = built.error().message;
        return;
    }
    result.ops = opTypes(built->model.graph);
    // Reference: plain loops, no fusion. Optimised: the engine as a model is run.
    auto reference = Net::load(built->model, NetOptions{true, false});
    auto optimised = Net::load(built->model);
    if (!reference || !optimised) {
        result.error = (reference ? optimised.error() : reference.error()).message;
        return;
    }
    auto expected = inferOnce(*reference, *built, 1);
    if (!expected) {
        result.error = expected.error().message;
        return;
    }
    // a case whose reference output is all zeros could not detect a wrong kernel
    const bool degenerate = std::all_of(expected->begin(), expected->end(), [](const std::vector<float>& v) {
        return std::all_of(v.begin(), v.end(), [](float x) { return x == 0.f; });
    });
    if (degenerate) {
        result.error = "the reference output is all zeros";
        return;
    }
    for (int threads : {1, 3}) {
        auto got = inferOnce(*optimised, *built, threads);
        if (!got) {
            result.error = got.error().message;
            return;
        }
        const float diff = maxAbsDiff(*got, *expected);
        result.maxAbsDiff =
            std::isnan(diff) || std::isnan(result.maxAbsDiff) ? NAN : std::max(result.maxAbsDiff, diff);
    }
}

} // namespace

std::vector<SelfTestResult> runSelfTest(const std::function<void(const SelfTestResult&)>& onResult,
                                        const StopToken* stop) {
    std::vector<SelfTestResult> results;
    for (const auto& spec : selfTestCases()) {
        if (stop && stop->stopRequested()) {
            break;
        }
        SelfTestResult result;
        result.name = spec.name;
        result.tolerance = spec.tolerance;
        const auto start = Clock::now();
        runCase(spec, result);
        result.seconds = secondsSince(start);
        if (onResult) {
            onResult(result);
        }
        results.push_back(std::move(result));
    }
    return results;
}

Expected<ConvSpeed> measureConvSpeed(const std::vector<int>& threadCounts) {
    ConvSpeed speed;
    speed.layer = "Conv 3x3, 32->64 channels, 28x28";
    NetBuilder builder(7);
    const std::string x = builder.input({1, 32, 28, 28});
    builder.output(builder.node("Conv",
                                {x, builder.weights({64, 32, 3, 3}), builder.constant({64}, -0.1f, 0.1f)},
                                {{"kernel_shape", std::vector<std::int64_t>{3, 3}},
                                 {"pads", std::vector<std::int64_t>{1, 1, 1, 1}}}));
    auto built = builder.finish("conv speed");
    if (!built) {
        return built.error();
    }
    speed.macs = cost::analyze(built->model.graph).macs;
    auto reference = Net::load(built->model, NetOptions{true, false});
    auto optimised = Net::load(built->model);
    if (!reference || !optimised) {
        return reference ? optimised.error() : reference.error();
    }
    for (int threads : threadCounts) {
        Session session(*optimised, threads);
        std::vector<double> times;
        for (int run = 0; run < 6; ++run) { // the first run warms up caches and the thread pool
            const auto start = Clock::now();
            if (auto out = infer(session, **optimised, *built); !out) {
                return out.error();
            }
            if (run > 0) {
                times.push_back(secondsSince(start));
            }
        }
        std::sort(times.begin(), times.end());
        speed.optimised.push_back({threads, times[times.size() / 2]});
    }
    Session session(*reference, 1);
    const auto start = Clock::now();
    if (auto out = infer(session, **reference, *built); !out) {
        return out.error();
    }
    speed.referenceSeconds = secondsSince(start);
    return speed;
}

std::string kernelTarget() {
    std::string target;
#if defined(__aarch64__)
    target = "aarch64";
#if defined(__ARM_NEON)
    target += " (NEON)";
#endif
#elif defined(__x86_64__)
    target = "x86-64";
#if defined(__AVX512F__)
    target += " (AVX-512)";
#elif defined(__AVX2__) && defined(__FMA__)
    target += " (AVX2, FMA)";
#elif defined(__AVX__)
    target += " (AVX)";
#else
    target += " (SSE2)";
#endif
#else
    target = "unknown architecture";
#endif
#if TESSERA_HAVE_OPENBLAS
    target += std::string(", GEMM: OpenBLAS (") + openblas_get_corename() + " kernels)";
#else
    target += ", GEMM: Eigen";
#endif
    return target;
}

} // namespace tessera::exec
