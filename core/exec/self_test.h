#pragma once
// The engine's built-in correctness check, for devices and emulators where the unit tests cannot run
// (tessera-node --self-test): small networks built in the graph IR cover every kernel family; each runs
// with the optimised kernels (fused, on 1 and on 3 threads) and with the plain reference kernels, and the
// outputs must agree within the tolerance the unit tests state for that family. Needs no files.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/base/cancel.h"
#include "core/base/error.h"

namespace tessera::exec {

struct SelfTestResult {
    std::string name;       // "conv 3x3 stride 2, depthwise"
    std::string ops;        // op types of the network, in order of first use: "Conv Relu"
    float maxAbsDiff = 0.f; // largest |optimised - reference| over every output element and thread count
    float tolerance = 0.f;  // absolute; 0 = must agree exactly
    double seconds = 0.0;   // wall time of the case (import, load and all runs)
    std::string error;      // why the case could not run; empty when it ran
    bool passed() const { return error.empty() && maxAbsDiff <= tolerance; }
};

// Runs every case in a fixed order, reporting each through `onResult` as it finishes. Stops early (with
// the results so far) when `stop` is requested.
std::vector<SelfTestResult> runSelfTest(const std::function<void(const SelfTestResult&)>& onResult = {},
                                        const StopToken* stop = nullptr);

// Speed of one convolution layer: the optimised kernels on each of `threadCounts` (median of 5 runs after a
// warm-up) and the reference kernels (one run, one thread).
struct ConvSpeed {
    struct Run {
        int threads = 1;
        double seconds = 0.0;
    };
    std::string layer; // "Conv 3x3, 32->64 channels, 28x28"
    std::int64_t macs = 0;
    std::vector<Run> optimised;
    double referenceSeconds = 0.0;
    double gflops(double seconds) const { return 2e-9 * double(macs) / seconds; }
};
Expected<ConvSpeed> measureConvSpeed(const std::vector<int>& threadCounts);

// What the kernels were compiled for: architecture, vector extensions and GEMM backend, e.g.
// "aarch64 (NEON), GEMM: OpenBLAS".
std::string kernelTarget();

} // namespace tessera::exec
