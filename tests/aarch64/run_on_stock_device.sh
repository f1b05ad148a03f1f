#!/usr/bin/env bash
# Runs an aarch64 program as a stock 64-bit Raspberry Pi OS would, on any Debian machine: under
# qemu-aarch64-static, inside a throw-away root that holds only the C/C++ runtime every such system has
# (dynamic loader, libc6's libc, libm, libpthread, libdl, librt and libresolv, libstdc++, libgcc_s: what
# cmake/BundleRuntimeLibs.cmake leaves out) plus the program and the libraries bundled beside it.
# A library the program needs beyond those stops it from starting here, as it would on the device.
#   usage: tests/aarch64/run_on_stock_device.sh PROGRAM [ARGS...]
# Needs root (chroot) or unprivileged user namespaces (unshare -r).
set -euo pipefail
program=$(realpath "$1")
shift
arch_libs=/usr/lib/aarch64-linux-gnu # Debian's arm64 multiarch runtime (libc6:arm64, libstdc++6:arm64)

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/lib/aarch64-linux-gnu" "$root/opt/tessera"
cp -L /lib/ld-linux-aarch64.so.1 "$root/lib/"
for lib in libc.so.6 libm.so.6 libpthread.so.0 libdl.so.2 librt.so.1 libresolv.so.2 libstdc++.so.6 libgcc_s.so.1; do
    cp -L "$arch_libs/$lib" "$root/lib/aarch64-linux-gnu/"
done
# the program and whatever was bundled beside it (its $ORIGIN rpath finds them)
cp "$program" "$root/opt/tessera/"
find "$(dirname "$program")" -maxdepth 1 -name '*.so*' -exec cp {} "$root/opt/tessera/" \;
cp "$(command -v qemu-aarch64-static)" "$root/"

echo "stock device: $(cd "$root/opt/tessera" && ls | tr '\n' ' ')+ C/C++ runtime only"
runner=(chroot)
[[ $(id -u) -eq 0 ]] || runner=(unshare -r chroot)
"${runner[@]}" "$root" /qemu-aarch64-static "/opt/tessera/$(basename "$program")" "$@"
