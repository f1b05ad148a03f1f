#!/usr/bin/env bash
# tests/sanitizers/run.sh asan|tsan: builds the tests named below in the sanitizer preset's tree and runs
# them under the sanitizer; a finding fails the test that made it (the options below; child processes
# inherit them).
#   asan: ASan + UBSan (halt on the first finding, leaks detected) on the Qt-free unit tests. The tree is
#         the fuzz harnesses' one: their libraries are compiled already.
#   tsan: ThreadSanitizer on the runtime's threads: the thread pool and the kernels that use it, the
#         transport (ZeroMQ's I/O threads, the beacon, the authentication thread), the optimizer's
#         measuring threads, compile's tiles built side by side (test_partition_exact). tsan.supp says which library internals are ignored and why.
# What is left out and why: docs/benchmarks.md, "Reliability: sanitizers".
set -euo pipefail
cd "$(dirname "$0")/../.."
preset=${1:?usage: tests/sanitizers/run.sh asan|tsan}
case $preset in
asan)
    # the unit tests of the libraries the fuzz harnesses already compiled (plus core/sim's three files)
    tests=(test_base test_cost test_cluster test_weight_storage test_constant_fold test_darknet_import
        test_onnx_import test_npy test_thread_pool test_kernels_conv test_kernels_data_movement
        test_kernels_elementwise test_kernels_pooling test_kernels_sparse test_self_test test_geometry
        test_partition_exact test_plan_file test_submodel test_plan_cost test_simulator test_bundle_weights
        test_node_description test_protocol test_transport)
    ;;
tsan)
    tests=(test_thread_pool test_kernels_conv test_kernels_data_movement test_kernels_elementwise
        test_kernels_pooling test_kernels_sparse test_self_test test_transport test_ilp test_partition_exact)
    ;;
*)
    echo "usage: tests/sanitizers/run.sh asan|tsan" >&2
    exit 2
    ;;
esac
jobs=${TESSERA_JOBS:-2}

export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/tests/sanitizers/tsan.supp"
cmake --preset "$preset" >/dev/null
cmake --build "build/$preset" -j "$jobs" --target "${tests[@]}"
ctest --test-dir "build/$preset" -j "$jobs" --output-on-failure -R "^($(IFS='|' && echo "${tests[*]}"))\$"
