#!/usr/bin/env bash
# The runtime on the emulated cluster (run by hand, as root; recorded in docs/benchmarks.md): a model on 1..N
# emulated devices (network namespaces, a quarter of a core and a 100 Mbit/s link each), for three plans:
#   deepthings - layers 0-15 fused in 5x5 tiles with data reuse and work stealing, the rest on the gateway
#                (YOLOv2 only: the configuration of the DeepThings paper),
#   memory     - `tessera optimize --objective memory`,
#   latency    - `tessera optimize --objective latency`,
#   throughput - `tessera optimize --objective throughput` (the least period of a pipelined stream).
# Frames are sent one at a time (--in-flight 1), as the prediction is for one frame in flight; IN_FLIGHT=K
# keeps K frames in flight (pipelined: the throughput columns matter then, latency includes queueing; a stream
# needs about latency / period frames in flight to keep every device busy: docs/benchmarks.md uses 12).
# Per run: predicted latency (tessera simulate) and measured median latency over the frames, speed-up against
# the same plan on one device, the predicted throughput bound (one frame per period of the busiest device's CPU
# or link, `tessera simulate`), measured throughput (frames / wall time of the run) and its speed-up, the
# largest and smallest measured peak RSS / predicted memory of any device, and whether every device's measured
# bytes equal the prediction.
#
# CPU_QUOTA (default 0.25 cores), BANDWIDTH (default 100mbit) and MEMORY (each device's limit and budget;
# default: the emulated preset's 512 MiB budget, no limit; VGG-16's weights need more on one device) change
# the emulated devices.
#
# usage: [PLANS="memory latency throughput"] [CLUSTER=name] [IN_FLIGHT=K] [CPU_QUOTA=c] [BANDWIDTH=b] [MEMORY=m] tests/bench/bench_cluster.sh [BUILD_DIR] [MODEL] [FRAMES] [NODES...]
#        (defaults: every plan, cluster "bench", build/dev, yolov2-608, 3, 1 2 3 4 5 6)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/dev}
model_name=${2:-yolov2-608}
frames=${3:-3}
shift $(($# < 3 ? $# : 3))
nodes=("$@")
((${#nodes[@]})) || nodes=(1 2 3 4 5 6)
bin=$build/bin
work=$(mktemp -d)
cluster=$work/cluster.json
cluster_name=${CLUSTER:-bench}
trap '"$bin/tessera" cluster down --name "$cluster_name" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

"$bin/tessera" zoo -o "$work" "$model_name" >/dev/null
model=$work/$model_name.onnx
side=$("$bin/tessera" analyze "$model" | sed -nE 's/^Input .*\[1x3x([0-9]+)x[0-9]+\].*/\1/p')
/usr/bin/convert -size "${side}x${side}" gradient:red-blue "$work/input.png"

plans=(memory latency throughput)
[[ $model_name != yolov2* ]] || plans=(deepthings "${plans[@]}")
[[ -z ${PLANS:-} ]] || read -ra plans <<<"$PLANS"

# "12.3 ms" / "1.23 s" -> seconds
seconds() { awk '{ v = $1; if ($2 == "ms") v /= 1000; else if ($2 == "us" || $2 == "µs") v /= 1e6; printf "%.4f", v }'; }
# "12.3 MiB" -> bytes
bytes() {
    awk '{ m = 1; if ($2 == "KiB") m = 1024; else if ($2 == "MiB") m = 1048576; else if ($2 == "GiB") m = 1073741824;
           printf "%.0f", $1 * m }'
}

in_flight=${IN_FLIGHT:-1}
printf "%-10s %5s | %12s %12s %9s | %8s | %11s %10s %8s | %17s | %s\n" plan nodes "predicted s" "measured s" "meas/pred" \
    speed-up "pred. fps" "frames/s" speed-up "RSS/pred min-max" "bytes = prediction"
declare -A single single_rate
for plan in "${plans[@]}"; do
    for n in "${nodes[@]}"; do
        "$bin/tessera" cluster up --name "$cluster_name" --nodes "$n" --cpu-quota "${CPU_QUOTA:-0.25}" --bandwidth "${BANDWIDTH:-100mbit}" \
            ${MEMORY:+--memory "$MEMORY"} -o "$cluster" \
            >"$work/up.log" 2>&1
        case $plan in
        deepthings)
            "$bin/tessera" plan "$model" "$cluster" --ftp conv_0:conv_15_leaky:5x5:reuse:steal -o "$work/plan.json" \
                >/dev/null
            ;;
        *)
            "$bin/tessera" optimize "$model" "$cluster" --objective "$plan" --time-limit 30 -q \
                -o "$work/plan.json" >"$work/optimize.log"
            ;;
        esac
        "$bin/tessera" simulate "$model" "$work/plan.json" "$cluster" >"$work/simulate.log"
        predicted=$(sed -nE 's/^Latency, one frame: (.*)$/\1/p' "$work/simulate.log" | seconds)
        # frames/s a pipelined stream reaches at most: one per period of the busiest resource
        bound=$(sed -nE 's/^Period, pipelined: .*at most ([0-9.e+-]+) frames\/s.*/\1/p' "$work/simulate.log")
        rm -rf "$work/bundles"
        "$bin/tessera" bundle "$model" "$work/plan.json" "$cluster" -o "$work/bundles" >/dev/null
        "$bin/tessera" cluster launch --name "$cluster_name" "$work/bundles" >/dev/null
        "$bin/tessera" cluster-run "$work/bundles" -i "$work/input.png" --frames "$frames" --in-flight "$in_flight" --timeout 900 \
            >"$work/run.log"
        "$bin/tessera" cluster down --name "$cluster_name" >/dev/null
        measured=$(sed -nE 's/^latency: min [^,]*, median ([^,]*), .*/\1/p' "$work/run.log" | seconds)
        rate=$(sed -nE 's/^latency: .* \(([0-9.e+-]+) frames\/s, .*/\1/p' "$work/run.log")
        [[ -n ${single[$plan]:-} ]] || single[$plan]=$measured
        [[ -n ${single_rate[$plan]:-} ]] || single_rate[$plan]=$rate
        # smallest and largest peak RSS / predicted total of any device (simulate's rows: "name | tasks | ... | total |")
        worst=0 least=99
        while read -r name rss; do
            total=$(awk -F'|' -v d="$name" '$1 ~ "^"d" *$" { print $7 }' "$work/simulate.log" | xargs | bytes)
            ratio=$(awk -v r="$rss" -v t="$total" 'BEGIN { printf "%.3f", (t > 0 ? r / t : 0) }')
            worst=$(awk -v a="$worst" -v b="$ratio" 'BEGIN { print (b > a ? b : a) }')
            least=$(awk -v a="$least" -v b="$ratio" 'BEGIN { print (b < a ? b : a) }')
        done < <(sed -nE "s/^  device '([^']+)': .* peak RSS ([0-9]+) B.*/\1 \2/p" "$work/run.log" |
            awk '{ if ($2 > m[$1]) m[$1] = $2 } END { for (d in m) print d, m[d] }')
        equal=$(grep -c "(equal)" "$work/run.log" || true)
        devices=$(grep -c "^  device '.*': received .* predicted" "$work/run.log" || true)
        printf "%-10s %5d | %12.3f %12.3f %9.2f | %8.2f | %11.3f %10.3f %8.2f | %8s-%-8s | %s of %s devices\n" "$plan" "$n" \
            "$predicted" "$measured" "$(awk -v m="$measured" -v p="$predicted" 'BEGIN { print (p > 0 ? m / p : 0) }')" \
            "$(awk -v s="${single[$plan]}" -v m="$measured" 'BEGIN { print (m > 0 ? s / m : 0) }')" "$bound" "$rate" \
            "$(awk -v s="${single_rate[$plan]}" -v r="$rate" 'BEGIN { print (s > 0 ? r / s : 0) }')" "$least" "$worst" \
            "$equal" "$devices"
    done
done
