#!/usr/bin/env bash
# tests/fuzz/run.sh [SECONDS_PER_HARNESS]: builds the harnesses (build preset `fuzz` in the `asan` tree,
# build/asan, which tests/sanitizers shares), writes the seed corpora, replays the saved crashes of
# tests/fuzz/regressions/<harness>/, then fuzzes each harness for SECONDS_PER_HARNESS (default 60).
# Prints the executions and crashes of each; exits non-zero when any harness crashed.
# The corpora grow in build/fuzz/corpus/<harness>; a crashing input is saved in build/fuzz/crashes/<harness>/.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
harnesses=(onnx darknet cluster plan protocol)

export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
cmake --preset asan >/dev/null
cmake --build --preset fuzz -j "${TESSERA_JOBS:-2}"
tests/fuzz/seed.sh build/asan build/fuzz/seeds

# a slow input (over 10 s) or more than 2 GiB of memory counts as a crash. stdin is /dev/null: the ONNX
# harness's model lives in /proc/self/fd, where an external-data location "0" is the harness's stdin.
options=(-timeout=10 -rss_limit_mb=2048 -print_final_stats=1)
failed=0
for h in "${harnesses[@]}"; do
    bin=build/asan/bin/fuzz_$h
    log=build/fuzz/fuzz_$h.log
    regressions=(tests/fuzz/regressions/$h/*)
    if [[ -e ${regressions[0]} ]]; then
        if ! "$bin" "${options[@]}" "${regressions[@]}" </dev/null >"$log.replay" 2>&1; then
            echo "fuzz_$h: a saved regression input crashes again:" >&2
            grep -E 'Running:|ERROR|runtime error' "$log.replay" | tail -5 >&2
            failed=1
        fi
    fi
    mkdir -p build/fuzz/corpus/$h build/fuzz/crashes/$h
    status=0
    "$bin" "${options[@]}" -max_total_time="$seconds" -artifact_prefix=build/fuzz/crashes/$h/ \
        build/fuzz/corpus/$h build/fuzz/seeds/$h </dev/null >"$log" 2>&1 || status=$?
    runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log" | tail -1)
    crashes=0
    if ((status != 0)); then
        crashes=1
        failed=1
        echo "fuzz_$h crashed (log: $log):" >&2
        grep -E 'ERROR|runtime error|Test unit written' "$log" | head -5 >&2
    fi
    echo "fuzz_$h: ${runs:-0} executions in $seconds s, $crashes crash(es)," \
        "corpus $(find build/fuzz/corpus/$h -type f | wc -l) inputs"
done
exit "$failed"
