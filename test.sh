#!/usr/bin/env bash
# Installs what is needed, builds, and runs the whole test suite (and tessera-node's self-test for aarch64
# under qemu, each fuzz harness for 15 s, and the sanitizer runs of tests/sanitizers). CI runs exactly this
# (.ci/run).
# The last line reads "tests: N passed, M failed".
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh

# ccache keyed on paths relative to the checkout, so fresh clones reuse earlier builds
export CCACHE_BASEDIR="$PWD"
# debug info (-g) would otherwise put the build directory into every hash: no hits across clones
export CCACHE_NOHASHDIR=true
jobs=$(nproc)

echo "== Qt-free build: core/, app/node and the CLI with Qt forbidden"
if grep -rlE '^\s*#\s*include\s*[<"]Q' core app/node app/cli --include='*.h' --include='*.cpp' | grep -v '/tests/'; then
    echo "error: the files above include Qt headers; core/, app/node and app/cli must stay Qt-free" >&2
    exit 1
fi
cmake --preset core-only >/dev/null
cmake --build --preset core-only -j "$jobs"
if ldd build/core-only/bin/tessera-node build/core-only/bin/tessera | grep -i 'libQt'; then
    echo "error: a Qt-free program links Qt" >&2
    exit 1
fi

echo "== aarch64: tessera-node cross-built, its engine self-test run under qemu on a stock-device root"
start=$SECONDS
cmake --preset aarch64 >/dev/null
cmake --build --preset aarch64 -j "$jobs"
echo "aarch64 build: $((SECONDS - start)) s; tessera-node needs: $(readelf -d build/aarch64/bin/tessera-node |
    sed -nE 's/.*\(NEEDED\).*\[(.*)\]/\1/p' | tr '\n' ' ')"
arm_failed=0
tests/aarch64/run_on_stock_device.sh build/aarch64/bin/tessera-node --self-test || arm_failed=1

echo "== Fuzzing: each libFuzzer harness 15 s under ASan + UBSan, saved crashes replayed (tests/fuzz)"
start=$SECONDS
fuzz_failed=0
TESSERA_JOBS=$jobs tests/fuzz/run.sh 15 || fuzz_failed=1
echo "fuzzing: $((SECONDS - start)) s"

echo "== Sanitizers: the Qt-free unit tests under ASan + UBSan (in the fuzz harnesses' tree), the runtime's" \
    "threads under TSan (tests/sanitizers)"
sanitizers_failed=0
for preset in asan tsan; do
    start=$SECONDS
    TESSERA_JOBS=$jobs tests/sanitizers/run.sh "$preset" || sanitizers_failed=$((sanitizers_failed + 1))
    echo "$preset: $((SECONDS - start)) s"
done

echo "== Full build and tests"
cmake --preset dev >/dev/null
cmake --build --preset dev -j "$jobs"
log=$(mktemp)
set +e
ctest --preset dev -j "$jobs" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
summary=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+' "$log" | tail -1)
rm -f "$log"
if [[ -z $summary ]]; then
    echo "tests: 0 passed, 1 failed"
    exit 1
fi
failed=$(sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\1/' <<<"$summary")
total=$(sed -E 's/.* tests failed out of ([0-9]+).*/\1/' <<<"$summary")
# the aarch64 self-test, the fuzzing step and the two sanitizer runs count as one more test each
echo "tests: $((total - failed + 4 - arm_failed - fuzz_failed - sanitizers_failed)) passed," \
    "$((failed + arm_failed + fuzz_failed + sanitizers_failed)) failed"
((status == 0 && arm_failed == 0 && fuzz_failed == 0 && sanitizers_failed == 0)) || exit 1
