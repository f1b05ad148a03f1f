#!/usr/bin/env bash
# Peak RSS of every tessera-node against its predicted memory (run by hand; recorded in docs/benchmarks.md):
# for each configuration "MODEL DEVICES PLAN" (PLAN: whole, deepthings = layers 0-15 fused 5x5 with data reuse
# and work stealing, or an optimizer objective: memory, latency, traffic), an emulated cluster without CPU or
# link limits (`tessera cluster up`; loopback processes without root), two frames one at a time, then per
# device: the nodes of its sub-model, its predicted weights / activations / buffers / overhead / total
# (`tessera simulate`), its measured peak RSS and RSS / predicted; at the end the smallest, median and largest
# ratio. This is the data the cost model's runtime overhead is fitted to (docs/cost-model.md).
#
# usage: tests/bench/bench_node_memory.sh [BUILD_DIR] ["MODEL DEVICES PLAN" ...]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-build/dev}/bin
shift $(($# ? 1 : 0))
configs=("$@")
((${#configs[@]})) || configs=("mobilenetv2 1 whole" "resnet18 1 whole" "tiny-yolov2 1 whole" "yolov2-608 1 whole"
    "vgg16 1 whole" "alexnet 1 whole" "yolov2-608 2 deepthings" "yolov2-608 3 deepthings" "yolov2-608 6 deepthings"
    "yolov2-608 2 memory" "yolov2-608 4 memory" "yolov2-608 6 memory" "yolov2-608 2 latency" "yolov2-608 6 latency"
    "mobilenetv2 3 memory" "resnet18 4 latency" "tiny-yolov2 3 memory" "vgg16 3 latency" "vgg16 4 memory")
work=$(mktemp -d)
trap '"$bin/tessera" cluster down --name nodemem >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

# "12.3 MiB" -> bytes
bytes() {
    awk '{ m = 1; if ($2 == "KiB") m = 1024; else if ($2 == "MiB") m = 1048576; else if ($2 == "GiB") m = 1073741824;
           printf "%.0f", $1 * m }'
}

printf "%-12s %-10s %2s %-11s %6s | %10s %10s %10s %10s %10s | %10s %6s\n" model plan n device nodes weights \
    activations buffers overhead total "peak RSS" ratio
for config in "${configs[@]}"; do
    read -r name n plan <<<"$config"
    model=$work/$name.onnx
    [[ -f $model ]] || "$bin/tessera" zoo -o "$work" "$name" >/dev/null
    side=$("$bin/tessera" analyze "$model" | sed -nE 's/^Input .*\[1x3x([0-9]+)x[0-9]+\].*/\1/p')
    [[ -f $work/input$side.png ]] || /usr/bin/convert -size "${side}x${side}" gradient:red-blue "$work/input$side.png"
    "$bin/tessera" cluster up --name nodemem --nodes "$n" -o "$work/cluster.json" >/dev/null 2>&1
    case $plan in
    whole) "$bin/tessera" plan "$model" "$work/cluster.json" -o "$work/plan.json" >/dev/null ;;
    deepthings)
        "$bin/tessera" plan "$model" "$work/cluster.json" --ftp conv_0:conv_15_leaky:5x5:reuse:steal \
            -o "$work/plan.json" >/dev/null
        ;;
    *) "$bin/tessera" optimize "$model" "$work/cluster.json" --objective "$plan" --time-limit 20 -q \
        -o "$work/plan.json" >/dev/null ;;
    esac
    "$bin/tessera" simulate "$model" "$work/plan.json" "$work/cluster.json" >"$work/simulate.log"
    rm -rf "$work/bundles"
    "$bin/tessera" bundle "$model" "$work/plan.json" "$work/cluster.json" -o "$work/bundles" >/dev/null
    "$bin/tessera" cluster launch --name nodemem "$work/bundles" >/dev/null
    "$bin/tessera" cluster-run "$work/bundles" -i "$work/input$side.png" --frames 2 --in-flight 1 --timeout 900 \
        >"$work/run.log"
    "$bin/tessera" cluster down --name nodemem >/dev/null
    while read -r device rss; do
        nodes=$("$bin/tessera" analyze "$work/bundles/$device/model.onnx" | sed -nE 's/^Nodes +([0-9]+).*/\1/p')
        # simulate's device row: "name | tasks | weights | activations | buffers | overhead | total | ..."
        IFS='|' read -r _ _ weights activations buffers overhead total _ < <(grep -m1 "^$device *|" "$work/simulate.log")
        ratio=$(awk -v r="$rss" -v t="$(xargs <<<"$total" | bytes)" 'BEGIN { printf "%.3f", r / t }')
        printf "%-12s %-10s %2d %-11s %6d | %10s %10s %10s %10s %10s | %6.1f MiB %6s\n" "$name" "$plan" "$n" "$device" \
            "$nodes" "$(xargs <<<"$weights")" "$(xargs <<<"$activations")" "$(xargs <<<"$buffers")" \
            "$(xargs <<<"$overhead")" "$(xargs <<<"$total")" "$(awk -v r="$rss" 'BEGIN { print r / 1048576 }')" "$ratio"
        echo "$ratio" >>"$work/ratios"
    done < <(sed -nE "s/^  device '([^']+)': .* peak RSS ([0-9]+) B.*/\1 \2/p" "$work/run.log" |
        awk '{ if ($2 > m[$1]) m[$1] = $2 } END { for (d in m) print d, m[d] }' | sort)
done
sort -n "$work/ratios" | awk '{ r[NR] = $1 } END { printf "%d devices: RSS / predicted min %s, median %s, max %s\n",
    NR, r[1], r[int((NR + 1) / 2)], r[NR] }'
