#!/usr/bin/env bash
# Installs what is needed, builds, and runs the main job.
#
# With a display it opens the studio on the bundled sample project (YOLOv2-608 on six emulated devices, split
# as DeepThings does; the studio writes the zoo model into its cache the first time); Run > Run on Emulated
# Cluster (Ctrl+R) then starts one tessera-node per device on this machine and streams frames through the
# split with live latency, throughput and memory charts, and Stop tears the nodes down. Without one it runs the
# headless equivalent of opening the sample: it starts six emulated devices (network namespaces on this
# machine, a quarter of a core and a 100 Mbit/s link each; loopback processes where namespaces are
# unavailable), writes the reference YOLOv2 (608x608, the
# model of the DeepThings experiments) from the model zoo, prints its per-layer analysis, splits it as
# DeepThings does (layers 0-15 fused in 5x5 tiles with data reuse), predicts memory, traffic and latency per
# device, checks on this machine that the split computes what the whole model computes, then bundles it,
# starts tessera-node on every emulated device and runs frames through the cluster.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
export CCACHE_BASEDIR="$PWD"
# debug info (-g) would otherwise put the build directory into every hash: no hits across clones
export CCACHE_NOHASHDIR=true
cmake --preset dev >/dev/null
cmake --build --preset dev -j "$(nproc)"

bin=build/dev/bin
sample=build/sample
if [[ -x $bin/tessera-studio && -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]]; then
    exec "$bin/tessera-studio" resources/sample/sample.tessera
fi
mkdir -p "$sample"
model=$sample/yolov2-608.onnx
cluster=$sample/cluster.json
"$bin/tessera" cluster up --nodes 6 --cpu-quota 0.25 --bandwidth 100mbit -o "$cluster"
trap '"$bin/tessera" cluster down' EXIT
"$bin/tessera" zoo -o "$sample" yolov2-608
"$bin/tessera" analyze "$model"
"$bin/tessera" plan "$model" --devices "$cluster" --ftp conv_0:conv_15_leaky:5x5:reuse:steal -o "$sample/plan.json"
"$bin/tessera" simulate "$model" "$sample/plan.json" "$cluster"
"$bin/tessera" verify "$model" "$sample/plan.json" "$cluster"
rm -rf "$sample/bundles"
"$bin/tessera" bundle "$model" "$sample/plan.json" "$cluster" -o "$sample/bundles"
"$bin/tessera" cluster launch "$sample/bundles"
/usr/bin/convert -size 608x608 gradient:red-blue "$sample/input.png"
"$bin/tessera" cluster-run "$sample/bundles" -i "$sample/input.png" -o "$sample/output.npy" --frames 4 --timeout 300
