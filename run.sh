#!/usr/bin/env bash
# Installs what is needed, builds, and runs the main job.
#
# The studio (issue 8) and the emulated cluster (issue 6) are not built yet; until they are, this runs the
# headless equivalent of opening the sample: it writes the reference YOLOv2 (608x608, the model of the
# DeepThings experiments) from the model zoo, prints its per-layer analysis, splits it as DeepThings does
# (layers 0-15 fused in 5x5 tiles with data reuse and work stealing) over six emulated devices, predicts
# memory, traffic and latency per device, and checks on this machine that the split computes what the whole
# model computes.
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
model=$sample/yolov2-608.onnx
"$bin/tessera" zoo -o "$sample" yolov2-608
"$bin/tessera" analyze "$model"
"$bin/tessera" plan "$model" --devices emulated:6 --ftp conv_0:conv_15_leaky:5x5:reuse:steal -o "$sample/plan.json"
"$bin/tessera" simulate "$model" "$sample/plan.json" emulated:6
"$bin/tessera" verify "$model" "$sample/plan.json" emulated:6
