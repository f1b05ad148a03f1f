#!/usr/bin/env bash
# The packages as a user gets them: cpack builds tessera_<version>_amd64.deb and .tar.gz from BUILD_DIR, then
#   - the .deb declares its Debian dependencies (and nothing pinned to this machine's libc), and apt resolves
#     them (apt-get install --simulate, as root);
#   - it holds the programs, the desktop entry, icon, AppStream metadata and MIME type (both validated), the
#     sample project, and tessera-node for aarch64 with its libraries when the aarch64 preset was built;
#   - unpacked into an empty root, its programs run from there: tessera --version, tessera zoo + analyze,
#     and a headless studio screenshot of the installed sample project that is not a blank image.
# Usage: check_package.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1")
source=$(realpath "$2")
fail() { echo "FAIL: $*" >&2; exit 1; }

cd "$build"
rm -f tessera_*_amd64.deb tessera_*_amd64.tar.gz
cpack -G "DEB;TGZ" >cpack.log 2>&1 || { cat cpack.log; fail "cpack failed"; }
deb=$(ls tessera_*_amd64.deb)
[[ -f ${deb%.deb}.tar.gz ]] || fail "no .tar.gz beside $deb"

depends=$(dpkg-deb -f "$deb" Depends)
for package in libqt6widgets6 libqt6charts6 qt6-qpa-plugins libglpk40 libssh-4 libzmq5 libonnx1 libavformat59; do
    [[ $depends == *"$package"* ]] || fail "Depends lacks $package: $depends"
done
[[ $depends != *"<<"* ]] || fail "Depends pins a version from above: $depends"
echo "Depends: $depends"

contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
expected=(./usr/bin/tessera ./usr/bin/tessera-studio ./usr/bin/tessera-node
    ./usr/share/applications/tessera-studio.desktop ./usr/share/icons/hicolor/scalable/apps/tessera-studio.svg
    ./usr/share/metainfo/io.github.tessera.Studio.metainfo.xml ./usr/share/mime/packages/tessera.xml
    ./usr/share/tessera/sample/sample.tessera)
if [[ -x $source/build/aarch64/bin/tessera-node ]]; then
    expected+=(./usr/lib/tessera/aarch64/tessera-node ./usr/lib/tessera/aarch64/libzmq.so.5)
fi
for file in "${expected[@]}"; do
    grep -qx -- "$file" <<<"$contents" || fail "$deb does not hold $file"
done

desktop-file-validate "$source/installers/linux/tessera-studio.desktop"
appstreamcli validate --no-net --pedantic "$source/installers/linux/io.github.tessera.Studio.metainfo.xml" >/dev/null ||
    appstreamcli validate --no-net "$source/installers/linux/io.github.tessera.Studio.metainfo.xml"

if [[ $(id -u) -eq 0 ]]; then
    apt-get install --simulate -qq "./$deb" >apt.log 2>&1 || { cat apt.log; fail "apt cannot install $deb"; }
    echo "apt-get install --simulate ./$deb: dependencies resolve"
else
    echo "not root: apt-get install --simulate skipped"
fi

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
bin=$root/usr/bin
"$bin/tessera" --version | head -1 | grep -q '^tessera ' || fail "tessera --version"
"$bin/tessera" zoo -o "$root/zoo" alexnet >/dev/null
"$bin/tessera" analyze "$root/zoo/alexnet.onnx" | grep -q 'Conv' || fail "tessera analyze"
shot=$root/studio.png
HOME=$root QT_QPA_PLATFORM=offscreen "$bin/tessera-studio" --screenshot "$shot" \
    "$root/usr/share/tessera/sample/sample.tessera" >"$root/studio.log" 2>&1 || { cat "$root/studio.log"; fail "studio"; }
spread=$(/usr/bin/convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info:)
awk -v s="$spread" 'BEGIN { exit !(s > 0.05) }' || fail "the installed studio's screenshot is blank (spread $spread)"
echo "installed files run: tessera --version, zoo, analyze; studio screenshot $(/usr/bin/identify -format '%wx%h' "$shot" 2>/dev/null || true) spread $spread"
echo "package OK: $deb ($(du -h "$deb" | cut -f1))"
