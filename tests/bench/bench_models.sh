#!/usr/bin/env bash
# Whole-model latency: Tessera (`tessera bench`) against ONNX Runtime (tests/bench/ort_bench.js) on the same
# machine, in the same run, alternating, at 1 and 2 threads. Prints the median latencies, the ratio
# Tessera / ONNX Runtime and Tessera's GFLOP/s. Not a test: run by hand, record in docs/benchmarks.md.
#
# usage: tests/bench/bench_models.sh [BUILD_DIR] [RUNS]     (defaults: build/dev, 10)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/dev}
runs=${2:-10}
models=(yolov2-416 vgg16 resnet18 mobilenetv2 tiny-yolov2)
zoo=$(mktemp -d)
trap 'rm -rf "$zoo"' EXIT
"$build/bin/tessera" zoo -o "$zoo" "${models[@]}" >/dev/null

printf '%-12s %7s %12s %12s %8s %9s\n' model threads "tessera ms" "ORT ms" ratio "GFLOP/s"
for model in "${models[@]}"; do
    file="$zoo/$model.onnx"
    input=$("$build/bin/tessera" analyze "$file" --format json | node -e '
        const r = JSON.parse(require("fs").readFileSync(0));
        const i = r.model.inputs[0];
        console.log(i.name + "=" + i.shape.join(","));')
    for threads in 1 2; do
        ours=$("$build/bin/tessera" bench "$file" --threads "$threads" --warmup 2 --runs "$runs")
        ort=$(node tests/bench/ort_bench.js "$file" "$input" --threads "$threads" --warmup 2 --runs "$runs")
        ours_ms=$(sed -nE 's/.*median ([0-9.]+) ms.*/\1/p' <<<"$ours")
        gflops=$(sed -nE 's/.* ([0-9.]+) GFLOP\/s.*/\1/p' <<<"$ours")
        ort_ms=$(node -e 'console.log(JSON.parse(process.argv[1]).median_ms.toFixed(3))' "$ort")
        ratio=$(node -e 'console.log((process.argv[1] / process.argv[2]).toFixed(2))' "$ours_ms" "$ort_ms")
        printf '%-12s %7s %12s %12s %8s %9s\n' "$model" "$threads" "$ours_ms" "$ort_ms" "$ratio" "$gflops"
    done
done
