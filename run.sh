#!/usr/bin/env bash
# Installs what is needed, builds, and runs the main job.
#
# The studio (issue 8) and the emulated cluster (issue 6) are not built yet; until they are, this runs the
# headless equivalent of opening the sample: it writes the reference YOLOv2 (608x608, the model of the
# DeepThings experiments) from the model zoo, prints its per-layer analysis, and runs it on this machine.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
export CCACHE_BASEDIR="$PWD"
cmake --preset dev >/dev/null
cmake --build --preset dev -j "$(nproc)"

bin=build/dev/bin
sample=build/sample
if [[ -x $bin/tessera-studio && -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]]; then
    exec "$bin/tessera-studio" resources/sample/sample.tessera
fi
"$bin/tessera" zoo -o "$sample" yolov2-608
"$bin/tessera" analyze "$sample/yolov2-608.onnx"
"$bin/tessera" bench "$sample/yolov2-608.onnx" --warmup 1 --runs 3
