#!/usr/bin/env bash
# Whole-model latency: Tessera (`tessera bench`) against ONNX Runtime (tests/bench/ort_bench.js) on the same
# machine, in the same run, at 1 and 2 threads. Not a test: run by hand, record in docs/benchmarks.md.
#
# The two engines alternate ROUNDS times per model and thread count (each round: 1 warm-up and RUNS timed
# runs of each), so that load from other processes on a shared machine hits both alike. Printed per row:
# each engine's fastest run and the median of its round medians, the ratio Tessera / ONNX Runtime of
# both (lower is better; other processes can only add time, so the ratio of the fastest runs is the
# steadier one there) and Tessera's GFLOP/s at its median.
#
# usage: tests/bench/bench_models.sh [BUILD_DIR] [RUNS] [ROUNDS]     (defaults: build/dev, 5, 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/dev}
runs=${2:-5}
rounds=${3:-3}
models=(yolov2-416 vgg16 resnet18 mobilenetv2 tiny-yolov2)
zoo=$(mktemp -d)
trap 'rm -rf "$zoo"' EXIT
"$build/bin/tessera" zoo -o "$zoo" "${models[@]}" >/dev/null

# median of the numbers given as arguments
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
minimum() { printf '%s\n' "$@" | sort -g | head -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

printf '%-12s %7s %19s %19s %10s %10s %8s\n' model threads "tessera ms min/med" "ORT ms min/med" \
    "ratio med" "ratio min" "GFLOP/s"
for model in "${models[@]}"; do
    file="$zoo/$model.onnx"
    input=$("$build/bin/tessera" analyze "$file" --format json | node -e '
        const r = JSON.parse(require("fs").readFileSync(0));
        const i = r.model.inputs[0];
        console.log(i.name + "=" + i.shape.join(","));')
    gflop=$("$build/bin/tessera" bench "$file" --warmup 0 --runs 1 | sed -nE 's/.* ([0-9.]+) GFLOP per run.*/\1/p')
    for threads in 1 2; do
        ours_mins=() ours_meds=() ort_mins=() ort_meds=()
        for ((round = 0; round < rounds; ++round)); do
            ours=$("$build/bin/tessera" bench "$file" --threads "$threads" --warmup 1 --runs "$runs")
            ours_mins+=("$(sed -nE 's/.*min ([0-9.]+) ms.*/\1/p' <<<"$ours")")
            ours_meds+=("$(sed -nE 's/.*median ([0-9.]+) ms.*/\1/p' <<<"$ours")")
            ort=$(node tests/bench/ort_bench.js "$file" "$input" --threads "$threads" --warmup 1 --runs "$runs")
            ort_mins+=("$(node -e 'console.log(JSON.parse(process.argv[1]).min_ms.toFixed(3))' "$ort")")
            ort_meds+=("$(node -e 'console.log(JSON.parse(process.argv[1]).median_ms.toFixed(3))' "$ort")")
        done
        ours_min=$(minimum "${ours_mins[@]}") ours_med=$(median "${ours_meds[@]}")
        ort_min=$(minimum "${ort_mins[@]}") ort_med=$(median "${ort_meds[@]}")
        printf '%-12s %7s %19s %19s %10s %10s %8s\n' "$model" "$threads" "$ours_min / $ours_med" \
            "$ort_min / $ort_med" "$(ratio "$ours_med" "$ort_med")" "$(ratio "$ours_min" "$ort_min")" \
            "$(awk -v g="$gflop" -v t="$ours_med" 'BEGIN {printf "%.1f", g / t * 1000}')"
    done
done
