// Conv kernel benchmark on layer shapes of YOLOv2, VGG-16 and MobileNetV2: Tessera's Conv kernel (packed
// GEMM with AVX-512, im2col + sgemm elsewhere; the direct 1x1 path) against a plain im2col + OpenBLAS
// sgemm, single-threaded, same process, interleaved. Prints GFLOP/s and the ratio Tessera / OpenBLAS (time),
// and which OpenBLAS kernels ran (OPENBLAS_CORETYPE overrides OpenBLAS's choice; see docs/benchmarks.md).
//
// usage: bench_conv [runs]

#include <cblas.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "core/exec/kernel.h"

using namespace tessera;
using namespace tessera::exec;

namespace {

struct Layer {
    const char* name;
    std::int64_t inC, outC, size, k, stride;
};

const Layer kLayers[] = {
    {"vgg16 conv1_1 3x3 3->64 @224", 3, 64, 224, 3, 1},
    {"yolov2 conv2 3x3 32->64 @304", 32, 64, 304, 3, 1},
    {"yolov2 conv12 3x3 256->512 @38", 256, 512, 38, 3, 1},
    {"yolov2 conv13 1x1 512->256 @38", 512, 256, 38, 1, 1},
    {"yolov2 conv29 3x3 1280->1024 @19", 1280, 1024, 19, 3, 1},
    {"vgg16 conv3_2 3x3 256->256 @56", 256, 256, 56, 3, 1},
    {"mobilenetv2 conv3 1x1 16->96 @112", 16, 96, 112, 1, 1},
    {"yolov2-416 conv23 3x3 1024->1024 @13", 1024, 1024, 13, 3, 1},
};

double seconds(auto&& fn) {
    const auto start = std::chrono::steady_clock::now();
    fn();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// im2col ("same" padding, stride 1) + OpenBLAS sgemm, as a BLAS-backed Conv would do it.
void blasConv(const Layer& l, const float* x, const float* w, float* col, float* y) {
    const std::int64_t pad = l.k / 2, hw = l.size * l.size, kk = l.inC * l.k * l.k;
    const float* b = x;
    if (l.k > 1) {
        for (std::int64_t c = 0; c < l.inC; ++c) {
            for (std::int64_t ky = 0; ky < l.k; ++ky) {
                for (std::int64_t kx = 0; kx < l.k; ++kx) {
                    float* dst = col + ((c * l.k + ky) * l.k + kx) * hw;
                    for (std::int64_t oy = 0; oy < l.size; ++oy) {
                        const std::int64_t iy = oy - pad + ky;
                        for (std::int64_t ox = 0; ox < l.size; ++ox) {
                            const std::int64_t ix = ox - pad + kx;
                            dst[oy * l.size + ox] = (iy >= 0 && iy < l.size && ix >= 0 && ix < l.size)
                                                        ? x[(c * l.size + iy) * l.size + ix]
                                                        : 0.f;
                        }
                    }
                }
            }
        }
        b = col;
    }
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, int(l.outC), int(hw), int(kk), 1.f, w, int(kk), b,
                int(hw), 0.f, y, int(hw));
}

} // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 5;
    openblas_set_num_threads(1);
    std::printf("OpenBLAS kernels: %s\n", openblas_get_corename());
    std::printf("%-36s %12s %12s %8s\n", "layer (1 thread)", "Tessera GF/s", "OpenBLAS GF/s", "ratio");
    for (const Layer& l : kLayers) {
        const std::int64_t hw = l.size * l.size;
        std::mt19937 rng(1);
        std::uniform_real_distribution<float> dist(-1.f, 1.f);
        std::vector<float> x(std::size_t(l.inC * hw)), w(std::size_t(l.outC * l.inC * l.k * l.k)),
            y(std::size_t(l.outC * hw));
        for (auto& v : x) {
            v = dist(rng);
        }
        for (auto& v : w) {
            v = dist(rng);
        }
        std::vector<float> col(std::size_t(l.inC * l.k * l.k * hw));

        model::Graph graph;
        graph.initializers["w"] = model::Tensor::fromFloats({l.outC, l.inC, l.k, l.k}, w);
        model::Node node{"conv", "Conv", "", {"x", "w"}, {"y"}, {}};
        const std::int64_t pad = l.k / 2;
        node.attributes["pads"] = std::vector<std::int64_t>{pad, pad, pad, pad};
        graph.nodes.push_back(node);
        KernelInit init{graph.nodes[0],
                        graph,
                        {{1, l.inC, l.size, l.size}, {l.outC, l.inC, l.k, l.k}},
                        {{1, l.outC, l.size, l.size}},
                        {nullptr, graph.initializer("w")},
                        false,
                        13};
        auto kernel = findKernel("Conv")(init);
        if (!kernel) {
            std::fprintf(stderr, "%s\n", kernel.error().message.c_str());
            return 1;
        }
        ThreadPool pool(1);
        std::vector<float> threadWorkspace(slotBytes((*kernel)->workspaceBytesPerThread()) / sizeof(float) +
                                           16);
        KernelContext ctx{pool, nullptr, threadWorkspace.data()};
        const std::vector<ConstTensor> inputs{
            ConstTensor{x.data(), {1, l.inC, l.size, l.size}},
            ConstTensor{graph.initializer("w")->floats.data(), {l.outC, l.inC, l.k, l.k}}};
        const std::vector<Tensor> outputs{Tensor{y.data(), {1, l.outC, l.size, l.size}}};

        std::vector<double> ours, blas;
        for (int r = -1; r < runs; ++r) { // r = -1: warm-up
            const double a = seconds([&] { (*kernel)->run(inputs, outputs, ctx); });
            const double b = seconds([&] { blasConv(l, x.data(), w.data(), col.data(), y.data()); });
            if (r >= 0) {
                ours.push_back(a);
                blas.push_back(b);
            }
        }
        const double flops = 2.0 * double(l.outC) * double(hw) * double(l.inC * l.k * l.k);
        std::printf("%-36s %12.1f %12.1f %8.2f\n", l.name, flops / median(ours) / 1e9,
                    flops / median(blas) / 1e9, median(ours) / median(blas));
    }
    return 0;
}
