#!/usr/bin/env bash
# tests/fuzz/seed.sh [BUILD_DIR [OUT]]: writes the seed corpora of the fuzz harnesses into OUT/<harness>/
# (default BUILD_DIR/seeds): what fuzz_seeds writes (build preset `fuzz`, in build/asan), plus the
# repository's Darknet test fixtures and the smaller zoo recipes. Generated at each run, never kept in git.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/asan}
out=${2:-$build/seeds}
rm -rf "$out"
"$build/bin/fuzz_seeds" "$out"
cp tests/fixtures/darknet/*.cfg "$out/darknet/"
# the zoo's recipes import with zero-filled weights; the large ones (VGG-16, AlexNet, YOLOv2) would make
# each execution slow
for recipe in yolov2-tiny extraction resnet18 mobilenetv2; do
    cp "resources/zoo/$recipe.cfg" "$out/darknet/zoo-$recipe.cfg"
done
for dir in "$out"/*/; do
    echo "seeds: $(basename "$dir"): $(find "$dir" -type f | wc -l) files, $(du -sk "$dir" | cut -f1) KiB"
done
