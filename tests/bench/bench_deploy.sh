#!/usr/bin/env bash
# Deployment over SSH to the emulated cluster: YOLOv2-608 split over 6 (DEVICES) emulated devices (network namespaces,
# links shaped to RATE each way), each device running its own OpenSSH sshd inside its namespace. Measures
# the first `tessera deploy` against the bandwidth bound (the largest device's bytes / RATE, since every
# device has its own link) and an unchanged re-deploy. Not a test: run by hand as root, record in
# docs/benchmarks.md.
#
# usage: tests/bench/bench_deploy.sh [BUILD_DIR] [RATE_MBIT] [DEVICES]      (defaults: build/dev, 100, 6)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/dev}
rate=${2:-100}
name=bdeploy
subnet=10.78.0
nodes=${3:-6}
tessera="$PWD/$build/bin/tessera"
work=$(mktemp -d)
sshd_pids=()
cleanup() {
    for pid in "${sshd_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    "$tessera" cluster down --name "$name" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -p /run/sshd

"$tessera" cluster up --name "$name" --nodes "$nodes" --bandwidth "${rate}mbit" --subnet "$subnet" \
    --no-fallback -o "$work/cluster.json" >/dev/null
"$tessera" zoo yolov2-608 -o "$work" >/dev/null
# tiles over all six devices for the early layers, the heavy 3x3 layers split by output channels
"$tessera" plan "$work/yolov2-608.onnx" "$work/cluster.json" --ftp conv_0:conv_16_leaky:3x2 --lop conv_18 \
    --lop conv_20 --lop conv_22 --lop conv_23 --lop conv_24 --lop conv_29 -o "$work/plan.json" >/dev/null
"$tessera" bundle "$work/yolov2-608.onnx" "$work/plan.json" "$work/cluster.json" -o "$work/bundles" >/dev/null

# one sshd per device, inside its namespace; the remote home is a directory of $work (bind-mounted over /root
# in a private mount namespace)
ssh-keygen -q -t ed25519 -N '' -f "$work/client_key"
python3 - "$work/cluster.json" <<'EOF'
import json, sys
path = sys.argv[1]
c = json.load(open(path))
for d in c["devices"]:
    d["ssh"] = {"user": "root", "key_file": "client_key", "known_hosts": "known_hosts"}
json.dump(c, open(path, "w"), indent=1)
EOF
for i in $(seq 1 "$nodes"); do
    dir="$work/device$i"
    mkdir -p "$dir/home"
    ssh-keygen -q -t ed25519 -N '' -f "$dir/host_key"
    cat > "$dir/sshd_config" <<EOF
ListenAddress $subnet.$((10 + i))
HostKey $dir/host_key
PidFile $dir/sshd.pid
AuthorizedKeysFile $work/client_key.pub
PermitRootLogin prohibit-password
PasswordAuthentication no
StrictModes no
UsePAM no
Subsystem sftp internal-sftp
EOF
    ip netns exec "$name-$i" unshare -m sh -c \
        "mount --bind '$dir/home' /root && exec /usr/sbin/sshd -D -e -f '$dir/sshd_config'" \
        2>"$dir/sshd.log" &
    sshd_pids+=($!)
done
sleep 1
"$tessera" probe --cluster "$work/cluster.json" --accept-new-host-keys >/dev/null

bytes_of() { du -bL "$@" | awk '{s += $1} END {print s}'; }
node_bytes=$(bytes_of "$build/bin/tessera-node")
largest=0
total=0
for i in $(seq 1 "$nodes"); do
    b=$(( $(bytes_of "$work/bundles/$name-$i") + node_bytes ))
    total=$((total + b))
    (( b > largest )) && largest=$b
done
bound=$(awk -v b="$largest" -v r="$rate" 'BEGIN {printf "%.1f", b * 8 / (r * 1e6)}')

start=$(date +%s.%N)
"$tessera" deploy --cluster "$work/cluster.json" --bundles "$work/bundles" 2>/dev/null > "$work/first.txt"
first=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')
start=$(date +%s.%N)
"$tessera" deploy --cluster "$work/cluster.json" --bundles "$work/bundles" 2>/dev/null > "$work/again.txt"
again=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.2f", e - s}')

cat "$work/first.txt" "$work/again.txt"
printf 'devices %d at %d Mbit/s; bytes: %.1f MB in all, largest device %.1f MB (tessera-node %.1f MB)\n' \
    "$nodes" "$rate" "$(awk -v b="$total" 'BEGIN {print b / 1e6}')" "$(awk -v b="$largest" 'BEGIN {print b / 1e6}')" \
    "$(awk -v b="$node_bytes" 'BEGIN {print b / 1e6}')"
echo "first deploy: $first s (bandwidth bound $bound s); unchanged re-deploy: $again s for all $nodes devices"
