#!/usr/bin/env bash
# Soak of the runtime on the emulated cluster (run by hand, as root; recorded in docs/benchmarks.md,
# "Reliability: soak"): FRAMES frames through NODES emulated devices (network namespaces, 100 Mbit/s links,
# no CPU quota unless CPU_QUOTA is set) running a small network - the tiny-YOLOv2 recipe at 64x64, Darknet
# .cfg without weights (zero weights cost the same to run) - with its first four layers (conv_0..maxpool_3)
# fused in 3x3 tiles with work stealing and the rest on the gateway; IN_FLIGHT frames at once.
# While it runs, every node's resident set (VmRSS) is sampled once a second from /proc. Printed:
#   - whether every frame came back exactly once and in order (the frame ids cluster-run prints);
#   - latency percentiles (p50/p90/p99) and the steals per window of 1,000 frames;
#   - per node, RSS after warm-up (the first tenth of the run), at the end, its maximum and the slopes of
#     least-squares lines through the samples after warm-up and through the second half (KiB per 1,000 frames),
#     and RSS at every tenth of the run; growth beyond noise would be a leak. A node remembers the numbers of
#     its last 4096 frames (to refuse late messages), so RSS climbs by about 200 KiB over the first ~4,000
#     frames and should then stay flat;
#   - the number of lines in each node's log (lines that come with every frame, such as steals, are limited).
# Exits non-zero when a frame was lost, duplicated or reordered, or cluster-run failed.
#
# usage: [CPU_QUOTA=0.3] [IN_FLIGHT=4] [SOAK_KEEP=DIR] tests/bench/bench_soak.sh [BUILD_DIR] [FRAMES] [NODES]
#        (defaults: build/dev, 10000, 6; the cluster is "soak" on 10.77.92.0/24, removed at the end;
#        SOAK_KEEP: a directory to keep the RSS samples and cluster-run's output in)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/dev}
frames=${2:-10000}
nodes=${3:-6}
in_flight=${IN_FLIGHT:-4}
bin=$build/bin
work=$(mktemp -d)
name=soak
sampler=
cleanup() {
    [[ -z $sampler ]] || kill "$sampler" 2>/dev/null || true
    "$bin/tessera" cluster down --name "$name" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

sed -E 's/^(width|height)=.*/\1=64/' resources/zoo/yolov2-tiny.cfg >"$work/soak.cfg"
/usr/bin/convert -size 64x64 gradient:red-blue "$work/input.png"
quota=()
[[ -z ${CPU_QUOTA:-} ]] || quota=(--cpu-quota "$CPU_QUOTA")
"$bin/tessera" cluster up --name "$name" --nodes "$nodes" --subnet 10.77.92 --bandwidth 100mbit "${quota[@]}" \
    --no-fallback -o "$work/cluster.json" >"$work/up.log"
"$bin/tessera" plan "$work/soak.cfg" "$work/cluster.json" --ftp conv_0:maxpool_3:3x3:steal -o "$work/plan.json" \
    >/dev/null
"$bin/tessera" bundle "$work/soak.cfg" "$work/plan.json" "$work/cluster.json" -o "$work/bundles" >/dev/null
rm -f /run/tessera/"$name"-*.log # the nodes' logs are appended to: count this run's lines only
"$bin/tessera" cluster launch --name "$name" "$work/bundles" >"$work/launch.log"
mapfile -t pids < <(sed -nE 's/^  ([a-z0-9-]+): tessera-node pid ([0-9]+),.*/\1 \2/p' "$work/launch.log")

# "elapsed-seconds node rss-kib" once a second until killed
(
    start=$(date +%s.%N)
    while true; do
        now=$(date +%s.%N)
        for entry in "${pids[@]}"; do
            read -r node pid <<<"$entry"
            rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
            echo "$(awk -v a="$now" -v b="$start" 'BEGIN { printf "%.1f", a - b }') $node ${rss:-0}"
        done
        sleep 1
    done
) >"$work/rss.log" &
sampler=$!

started=$(date +%s.%N)
status=0
"$bin/tessera" cluster-run "$work/bundles" -i "$work/input.png" --frames "$frames" --in-flight "$in_flight" \
    --timeout 120 >"$work/run.log" 2>"$work/run.err" || status=$?
ended=$(date +%s.%N)
kill "$sampler"
wait "$sampler" 2>/dev/null || true
sampler=
if ((status != 0)); then
    echo "cluster-run failed ($status):" >&2
    tail -5 "$work/run.err" >&2
    exit 1
fi
wall=$(awk -v a="$ended" -v b="$started" 'BEGIN { printf "%.1f", a - b }')

# frame ids and latencies in the order cluster-run printed them; steals per frame from its device lines
awk '/^frame [0-9]+: / { id = $2; sub(":", "", id); print id, $3 }' "$work/run.log" >"$work/latency.txt"
awk -v frames="$frames" '
    { if (seen[$1]++) dup++; if (NR > 1 && $1 != prev + 1) out++; prev = $1 }
    END {
        for (i = 0; i < frames; ++i) if (!(i in seen)) lost++
        printf "frames: %d answered of %d; lost %d, duplicated %d, out of order %d\n", NR, frames, lost, dup, out
        exit (lost || dup || out || NR != frames) ? 1 : 0
    }' "$work/latency.txt" || status=1
echo "wall time ${wall} s ($(awk -v f="$frames" -v w="$wall" 'BEGIN { printf "%.1f", f / w }') frames/s)," \
    "$nodes nodes, $in_flight in flight, CPU quota ${CPU_QUOTA:-none}"
steals=$(awk '/^frame [0-9]+: / { f = $2 } /, gave / { n = gsub(/->/, "&"); s[int(f / 1000)] += n }
              END { for (w in s) print w, s[w] }' "$work/run.log" | sort -n)

echo "latency per window of 1000 frames (ms):"
printf "  %-13s %8s %8s %8s %8s %8s\n" frames p50 p90 p99 max steals
for ((w = 0; w * 1000 < frames; ++w)); do
    sed -n "$((w * 1000 + 1)),$(((w + 1) * 1000))p" "$work/latency.txt" | awk '{ print $2 }' | sort -g |
        awk -v w="$w" -v s="$(awk -v w="$w" '$1 == w { print $2 }' <<<"$steals")" '
            function at(q) { i = int(NR * q) + 1; return v[i < NR ? i : NR] }
            { v[NR] = $1 }
            END {
                if (NR == 0) exit
                printf "  %5d-%-7d %8.2f %8.2f %8.2f %8.2f %8d\n", w * 1000, w * 1000 + NR - 1, at(0.5), at(0.9),
                    at(0.99), v[NR], s
            }'
done

# RSS: warm-up is the first tenth of the run's wall time
echo "resident set per node (KiB; slopes of least-squares lines after warm-up and over the second half, in KiB"
echo "per 1000 frames):"
printf "  %-8s %10s %10s %10s %12s %12s\n" node warm end max slope "2nd half"
awk -v wall="$wall" -v frames="$frames" '
    function slope(h, d) {
        den = n[h, d] * sxx[h, d] - sx[h, d] * sx[h, d]
        return den > 0 ? (n[h, d] * sxy[h, d] - sx[h, d] * sy[h, d]) / den * wall / frames * 1000 : 0
    }
    $1 >= wall / 10 && $3 > 0 {
        for (h = 0; h < 2; ++h) {
            if (h == 1 && $1 < wall / 2) continue
            n[h, $2]++; sx[h, $2] += $1; sy[h, $2] += $3; sxx[h, $2] += $1 * $1; sxy[h, $2] += $1 * $3
        }
        nodes[$2] = 1
        if (!($2 in first)) first[$2] = $3
        last[$2] = $3; if ($3 > max[$2]) max[$2] = $3
    }
    END {
        for (d in nodes) printf "  %-8s %10d %10d %10d %+12.1f %+12.1f\n", d, first[d], last[d], max[d], slope(0, d), slope(1, d)
    }' "$work/rss.log" | sort
echo "resident set per node over the run (KiB, the sample nearest each tenth of the wall time):"
awk -v wall="$wall" '
    { t = $1; d = $2; tenth = int(t / wall * 10 + 0.5); if (tenth > 10) tenth = 10; at[d, tenth] = $3; nodes[d] = 1 }
    END {
        printf "  %-8s", "node"; for (i = 1; i <= 10; ++i) printf " %7d%%", i * 10; printf "\n"
        for (d in nodes) { printf "  %-8s", d; for (i = 1; i <= 10; ++i) printf " %8d", at[d, i]; printf "\n" }
    }' "$work/rss.log" | sort
echo "log lines per node (tessera-node's log, start-up included):"
sed -nE 's/^  ([a-z0-9-]+): tessera-node pid [0-9]+, log (.*)$/\1 \2/p' "$work/launch.log" | while read -r node log; do
    printf "  %-8s %8d\n" "$node" "$(wc -l <"$log")"
done
[[ -z ${SOAK_KEEP:-} ]] || cp "$work/rss.log" "$work/run.log" "$SOAK_KEEP/"
exit $status
