// Sparse (CSR) against dense kernels on pruned layers: the time ratio sparse / dense per sparsity, for Conv
// (3x3 and 1x1 layers of PP-OCR, VGG and YOLO sizes), depthwise Conv and Gemm (fully connected), single
// thread, both kernels built through the kernel table from the same pruned weights and run interleaved. The
// sparsity where the ratio drops below 1 is the crossover in cost/weight_storage.h (docs/benchmarks.md,
// "Pruning").
//
// usage: bench_sparse [runs]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <random>
#include <vector>

#include "core/exec/kernel.h"

using namespace tessera;
using namespace tessera::exec;

namespace {

struct Layer {
    const char* name;
    const char* op; // "Conv" or "Gemm"
    std::int64_t inC, outC, size, k, group;
};

const Layer kLayers[] = {
    {"conv 3x3 64->64 @56", "Conv", 64, 64, 56, 3, 1},
    {"conv 3x3 256->256 @14", "Conv", 256, 256, 14, 3, 1},
    {"conv 1x1 128->256 @28", "Conv", 128, 256, 28, 1, 1},
    {"depthwise 3x3 96 @40", "Conv", 96, 96, 40, 3, 96},
    {"gemm 4096->1000 (M=1)", "Gemm", 4096, 1000, 1, 0, 1},
    {"gemm 512->256 (M=1)", "Gemm", 512, 256, 1, 0, 1},
};

std::vector<float> randomValues(std::int64_t n, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> dist(-1.f, 1.f);
    std::vector<float> v(static_cast<std::size_t>(n));
    for (auto& x : v) {
        x = dist(rng);
    }
    return v;
}

// Magnitude pruning of one tensor, as core/compress does per layer.
void prune(std::vector<float>& w, double sparsity) {
    std::vector<float> m(w.size());
    std::transform(w.begin(), w.end(), m.begin(), [](float v) { return std::abs(v); });
    const std::size_t count = std::size_t(sparsity * double(w.size()));
    if (count == 0) {
        return;
    }
    std::nth_element(m.begin(), m.begin() + std::ptrdiff_t(count - 1), m.end());
    const float t = m[count - 1];
    for (auto& v : w) {
        v = std::abs(v) <= t ? 0.f : v;
    }
}

struct Built {
    model::Graph graph;
    std::vector<Shape> inShapes, outShapes;
    std::unique_ptr<Kernel> dense, sparse;
};

std::unique_ptr<Kernel> build(const Built& b, SparseChoice choice) {
    std::vector<const model::Tensor*> constants = {nullptr, b.graph.initializer("w")};
    KernelInit init{b.graph.nodes[0], b.graph, b.inShapes, b.outShapes, constants, false, 13, choice};
    auto k = findKernel(b.graph.nodes[0].opType)(init);
    if (!k) {
        std::fprintf(stderr, "%s\n", k.error().message.c_str());
        std::exit(1);
    }
    return std::move(*k);
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 5;
    const double sparsities[] = {0.5, 0.6, 0.7, 0.8, 0.9, 0.95};
    ThreadPool pool(1);
    std::printf("time sparse / dense (median of %d interleaved runs, 1 thread; < 1: sparse is faster)\n",
                runs);
    std::printf("%-26s", "layer");
    for (double s : sparsities) {
        std::printf("  s=%.2f", s);
    }
    std::printf("  dense ms\n");
    for (const Layer& l : kLayers) {
        const bool conv = std::string(l.op) == "Conv";
        Built b;
        model::Node n{"layer", l.op, "", {"x", "w"}, {"y"}, {}};
        Shape wShape;
        if (conv) {
            n.attributes["pads"] = std::vector<std::int64_t>(4, l.k / 2);
            n.attributes["group"] = l.group;
            b.inShapes = {{1, l.inC, l.size, l.size}, {}};
            b.outShapes = {{1, l.outC, l.size, l.size}};
            wShape = {l.outC, l.inC / l.group, l.k, l.k};
        } else {
            n.attributes["transB"] = std::int64_t(1);
            b.inShapes = {{1, l.inC}, {}};
            b.outShapes = {{1, l.outC}};
            wShape = {l.outC, l.inC};
        }
        b.inShapes[1] = wShape;
        b.graph.nodes = {n};
        const std::vector<float> x = randomValues(model::elementCount(b.inShapes[0]), 1);
        std::vector<float> y(std::size_t(model::elementCount(b.outShapes[0])));
        std::printf("%-26s", l.name);
        double denseMs = 0;
        for (double s : sparsities) {
            std::vector<float> w = randomValues(model::elementCount(wShape), 2);
            prune(w, s);
            b.graph.initializers["w"] = model::Tensor::fromFloats(wShape, w);
            auto dense = build(b, SparseChoice::Dense);
            auto sparse = build(b, SparseChoice::Sparse);
            std::vector<float> ws(std::max(dense->workspaceBytes(), sparse->workspaceBytes()) / 4 + 16);
            std::vector<float> tws(
                slotBytes(std::max(dense->workspaceBytesPerThread(), sparse->workspaceBytesPerThread())) / 4 +
                16);
            KernelContext ctx{pool, ws.data(), tws.data()};
            const std::vector<ConstTensor> ins = {{x.data(), b.inShapes[0]},
                                                  {b.graph.initializer("w")->floats.data(), wShape}};
            const std::vector<Tensor> outs = {{y.data(), b.outShapes[0]}};
            std::vector<double> td, ts;
            const int reps =
                conv ? 1 : 200; // a fully connected layer takes microseconds: time a batch of runs
            for (int r = 0; r < runs + 1; ++r) {
                for (auto* k : {dense.get(), sparse.get()}) {
                    const auto start = std::chrono::steady_clock::now();
                    for (int i = 0; i < reps; ++i) {
                        k->run(ins, outs, ctx);
                    }
                    const double t =
                        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                    if (r > 0) { // the first round warms up
                        (k == dense.get() ? td : ts).push_back(t / reps);
                    }
                }
            }
            denseMs = median(td) * 1e3;
            std::printf("  %6.2f", median(ts) / median(td));
        }
        std::printf("  %8.3f\n", denseMs);
    }
    return 0;
}
