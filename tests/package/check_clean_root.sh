#!/usr/bin/env bash
# The .deb installed as a user installs it, on a Debian that has nothing else: a minimal root of this machine's
# release (mmdebstrap --variant=apt, from this machine's apt sources) gets `apt-get install ./tessera_*.deb`,
# which must bring every library from the archive, and then inside that root (chroot) tessera --version,
# tessera zoo + analyze and a headless studio screenshot of the installed sample, which must not be blank.
# Recommends are left out: the programs have to run with what Depends names alone.
#
# Fast on a warm machine: the base root is kept as a tarball in the cache folder (keyed on the release, the
# apt sources and the ISO week, so it is rebuilt weekly or when the sources change), and the packages apt
# needs are taken from this machine's apt cache and the cache folder before anything is downloaded.
# Packages downloaded inside the root are kept in the cache folder for the next run. The root itself is a
# tmpfs (about 1 GiB used), which makes dpkg's work and the clean-up a fraction of what they take on disk.
#
# Usage: check_clean_root.sh BUILD_DIR   (the .deb built there by check_package.sh: ctest fixture tessera_deb)
# Environment: TESSERA_CI_CACHE (default /var/cache/tessera-ci); TESSERA_CLEAN_ROOT_SHOT=FILE keeps a copy of
# the studio screenshot taken in the root.
# Exit 77 (ctest: skipped) when not root or when the apt sources cannot be reached; any other failure is 1.
set -euo pipefail
build=$(realpath "$1")
cache=${TESSERA_CI_CACHE:-/var/cache/tessera-ci}
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }
elapsed() { echo "$((SECONDS - $1)) s"; }

[[ $(id -u) -eq 0 ]] || skip "a clean root needs root (chroot and mounts); run as root to install the .deb there"
# Everything below runs in a private mount namespace: its mounts (the tmpfs root, /proc, /dev) are gone when
# it ends, however it ends, even killed by a ctest timeout.
if [[ -z ${TESSERA_CLEAN_ROOT_NAMESPACE:-} ]]; then
    TESSERA_CLEAN_ROOT_NAMESPACE=1 exec unshare --mount --propagation private -- "$0" "$@"
fi
command -v mmdebstrap >/dev/null || fail "mmdebstrap is missing (./setup.sh installs it)"
shopt -s nullglob
debs=("$build"/tessera_*_amd64.deb)
((${#debs[@]} == 1)) || fail "expected one tessera_*_amd64.deb in $build (check_package.sh builds it), found ${#debs[@]}"
deb=${debs[0]}

# this machine's apt sources, as apt reads them (files of other names in sources.list.d are ignored by apt too)
sources=()
[[ -s /etc/apt/sources.list ]] && grep -qE '^\s*deb\s' /etc/apt/sources.list && sources+=(/etc/apt/sources.list)
sources+=(/etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources)
((${#sources[@]})) || skip "no apt sources configured in /etc/apt/sources.list*"
suite=$(. /etc/os-release && echo "$VERSION_CODENAME")
key=$( (echo "$suite $(date +%G-%V)" && cat "${sources[@]}") | sha256sum | cut -c1-16)
base=$cache/base-$suite-$key.tar
mkdir -p "$cache/debs"

total=$SECONDS
if [[ ! -f $base ]]; then
    start=$SECONDS
    building=$cache/building-$suite-$key.tar # mmdebstrap reads the format from the name
    echo "building the base root (mmdebstrap --variant=apt $suite from ${sources[*]})"
    # packages fetched for it are kept in the cache folder; the package lists stay in the root
    if ! mmdebstrap --variant=apt --skip=cleanup/apt/lists --skip=essential/unlink \
        --setup-hook='mkdir -p "$1"/var/cache/apt/archives' \
        --setup-hook="sync-in $cache/debs /var/cache/apt/archives/" \
        --customize-hook="sync-out /var/cache/apt/archives $cache/debs" \
        "$suite" "$building" "${sources[@]}" >"$cache/mmdebstrap.log" 2>&1; then
        rm -f "$building"
        grep -qiE 'failed to fetch|index files failed to download|could not resolve|temporary failure|connection (failed|refused|timed out)|unable to connect' \
            "$cache/mmdebstrap.log" && { tail -5 "$cache/mmdebstrap.log"; skip "the apt sources cannot be reached"; }
        cat "$cache/mmdebstrap.log"
        fail "mmdebstrap could not build the base root"
    fi
    rm -f "$cache"/base-"$suite"-*.tar # earlier weeks' or sources' roots
    mv "$building" "$base"
    rm -f "$cache"/debs/lock
    echo "base root built: $(elapsed "$start") ($(du -h "$base" | cut -f1))"
else
    echo "base root from the cache: $base"
fi

# the root is a tmpfs: dpkg unpacks ~200 packages into it without touching the disk, and it is gone at once
root=$(mktemp -d "${TMPDIR:-/tmp}/tessera-clean-root.XXXXXX")
cleanup() {
    # unmounted here on a normal exit, deepest first; rm never crosses into a mount
    local mount
    for mount in $(findmnt -rno TARGET | grep -xE "$root(/.*)?" | sort -r || true); do umount -l "$mount" || true; done
    rm -rf --one-file-system "$root"
}
trap cleanup EXIT
mount -t tmpfs -o size=6G,mode=0755 tessera-clean-root "$root"
start=$SECONDS
tar -xf "$base" -C "$root"
cp "$deb" "$root/tmp/"
cp -L --remove-destination /etc/resolv.conf "$root/etc/resolv.conf"
echo "base root unpacked: $(elapsed "$start")"

# Runs COMMAND inside the root, with /proc and /dev mounted in a mount namespace of its own (one per command,
# so that nothing is left mounted in the root between commands).
in_root() {
    unshare --mount --propagation private -- sh -c '
        root=$1; shift
        mount -t proc proc "$root/proc" && mount --bind /dev "$root/dev" && exec chroot "$root" "$@"' \
        in_root "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"
}

start=$SECONDS
apt_options=(-o Dpkg::Options::=--force-unsafe-io -o APT::Sandbox::User=root -o Acquire::Retries=3)
if ! in_root apt-get "${apt_options[@]}" update -qq >"$root/update.log" 2>&1; then
    cat "$root/update.log"
    echo "apt-get update failed inside the root; going on with the package lists of the base root"
fi
package=/tmp/$(basename "$deb")
# what apt would download, taken from this machine's apt cache or the cache folder when they hold it
in_root apt-get "${apt_options[@]}" install --no-install-recommends --print-uris -qq "$package" >"$root/uris" 2>&1 ||
    { cat "$root/uris"; fail "apt cannot resolve the dependencies of $(basename "$deb") in a clean root"; }
cached=0
wanted=0
while read -r _ file _ _; do
    ((++wanted))
    for dir in /var/cache/apt/archives "$cache/debs"; do
        if [[ -f $dir/$file ]]; then
            cp "$dir/$file" "$root/var/cache/apt/archives/"
            ((++cached))
            break
        fi
    done
done < <(grep -E "^'[a-z]+://" "$root/uris" || true)
echo "$wanted packages to install, $cached of them cached, $((wanted - cached)) to download"
if ! in_root DEBIAN_FRONTEND=noninteractive apt-get "${apt_options[@]}" install -y -qq --no-install-recommends \
    "$package" >"$root/install.log" 2>&1; then
    tail -20 "$root/install.log"
    grep -qiE 'failed to fetch|unable to fetch|could not resolve|temporary failure resolving' "$root/install.log" &&
        skip "the apt sources cannot be reached from the root"
    fail "apt-get install ./$(basename "$deb") failed in a clean root"
fi
# keep what was downloaded for the next run
for file in "$root"/var/cache/apt/archives/*.deb; do
    [[ -f $cache/debs/$(basename "$file") || -f /var/cache/apt/archives/$(basename "$file") ]] ||
        cp "$file" "$cache/debs/"
done
echo "apt-get install ./$(basename "$deb") in a clean $suite root: $(elapsed "$start")"

start=$SECONDS
version=$(in_root tessera --version) || fail "tessera --version in the root failed: $version"
version=${version%%$'\n'*}
[[ $version == "tessera "* ]] || fail "tessera --version in the root printed: $version"
in_root tessera zoo -o /tmp/zoo alexnet >/dev/null
in_root tessera analyze /tmp/zoo/alexnet.onnx >"$root/analyze.txt" || fail "tessera analyze in the root"
grep -q Conv "$root/analyze.txt" || { cat "$root/analyze.txt"; fail "tessera analyze printed no Conv layer"; }
if ! in_root HOME=/tmp QT_QPA_PLATFORM=offscreen tessera-studio --screenshot /tmp/studio.png \
    /usr/share/tessera/sample/sample.tessera >"$root/studio.log" 2>&1; then
    cat "$root/studio.log"
    fail "tessera-studio --screenshot in the root"
fi
shot=$root/tmp/studio.png
spread=$(/usr/bin/convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info:)
awk -v s="$spread" 'BEGIN { exit !(s > 0.05) }' || fail "the studio's screenshot in the clean root is blank (spread $spread)"
[[ -z ${TESSERA_CLEAN_ROOT_SHOT:-} ]] || cp "$shot" "$TESSERA_CLEAN_ROOT_SHOT"
echo "in the root: $version; zoo + analyze; studio screenshot $(/usr/bin/identify -format '%wx%h' "$shot") spread $spread: $(elapsed "$start")"
echo "clean root OK: $(basename "$deb") installed with apt-get and run in a fresh $suite root in $(elapsed "$total")"
