#include "ui/core_text_templates.h"

#include <QCoreApplication>

namespace tessera::ui {

namespace {

// The core's messages as it writes them, %1… where it inserts names, numbers or another library's text.
// A message built of parts ("stage 2 (tiles, 'a'..'b'): node 'c' (Conv): ...") needs a template per part;
// a context ("stage %1 (%2):", "node %1:") ends in ':' and matches only before ": " and the rest.
const char* const kTemplates[] = {
    // core/partition/plan.cpp: validate(), validateStage(), checkPlan()
    QT_TRANSLATE_NOOP("CoreText", "the plan is not valid (%1 problem):"),
    QT_TRANSLATE_NOOP("CoreText", "the plan is not valid (%1 problems):"),
    QT_TRANSLATE_NOOP("CoreText", "stage %1 (%2):"),
    QT_TRANSLATE_NOOP("CoreText", "stage %1:"),
    QT_TRANSLATE_NOOP("CoreText", "node %1:"),
    QT_TRANSLATE_NOOP("CoreText", "cluster:"),
    QT_TRANSLATE_NOOP("CoreText", "device #%1 is not in the cluster (it has %2 devices)"),
    QT_TRANSLATE_NOOP("CoreText", "needs %1 device assignment(s), has %2"),
    QT_TRANSLATE_NOOP("CoreText", "row/column cuts, data reuse and work stealing belong to tile stages only"),
    QT_TRANSLATE_NOOP("CoreText", "channel cuts belong to lop and lip stages only"),
    QT_TRANSLATE_NOOP("CoreText", "only lip stages have a reducer"),
    QT_TRANSLATE_NOOP(
        "CoreText",
        "node %1 feeds '%2' to nodes outside the stage; end the stage there or take those nodes in"),
    QT_TRANSLATE_NOOP("CoreText", "row cuts [%1] must be strictly increasing and inside (0, %2)"),
    QT_TRANSLATE_NOOP("CoreText", "column cuts [%1] must be strictly increasing and inside (0, %2)"),
    QT_TRANSLATE_NOOP("CoreText", "channel cuts [%1] must be strictly increasing and inside (0, %2)"),
    QT_TRANSLATE_NOOP("CoreText", "input channel cuts [%1] must be strictly increasing and inside (0, %2)"),
    QT_TRANSLATE_NOOP("CoreText", "the reducer device #%1 is not in the cluster"),
    QT_TRANSLATE_NOOP("CoreText", "the model has no nodes, the plan has %1 stages"),
    QT_TRANSLATE_NOOP("CoreText", "node range #%1..#%2 is not inside the model's %3 nodes"),
    QT_TRANSLATE_NOOP("CoreText", "starts at %1, after its last node %2; swap them"),
    QT_TRANSLATE_NOOP("CoreText", "nodes %1 belong to no stage"),
    QT_TRANSLATE_NOOP("CoreText", "overlaps the stage before it (stages must be in node order)"),
    QT_TRANSLATE_NOOP("CoreText", "the stage's node range is not inside the model"),
    // core/partition/geometry.cpp: why a node cannot be tiled or split
    QT_TRANSLATE_NOOP("CoreText", "%1 with more than one output cannot be tiled"),
    QT_TRANSLATE_NOOP("CoreText", "tiles need 4-D (N,C,H,W) values; its output is %1-D"),
    QT_TRANSLATE_NOOP("CoreText",
                      "AveragePool with both count_include_pad and ceil_mode cannot be tiled exactly"),
    QT_TRANSLATE_NOOP("CoreText", "only a Concat along channels (axis 1) can be tiled"),
    QT_TRANSLATE_NOOP("CoreText",
                      "%1 is not spatially local (tile blocks take Conv, MaxPool, AveragePool, activations, "
                      "BatchNormalization, element-wise arithmetic, LRN and channel Concat)"),
    QT_TRANSLATE_NOOP("CoreText", "%1 with more than one output cannot be split by channels"),
    QT_TRANSLATE_NOOP("CoreText", "its output has no channel axis"),
    QT_TRANSLATE_NOOP("CoreText", "Softmax normalises across channels, so every slice needs all of them"),
    QT_TRANSLATE_NOOP("CoreText", "only Flatten(axis=1) of a 4-D value can be split by channels"),
    QT_TRANSLATE_NOOP("CoreText", "only a MatMul with a 2-D right-hand side can be split by output features"),
    QT_TRANSLATE_NOOP("CoreText", "%1 mixes channels in a way a channel slice cannot follow"),
    QT_TRANSLATE_NOOP("CoreText", "a grouped Conv cannot be split by input channels (use LOP)"),
    QT_TRANSLATE_NOOP("CoreText", "the Conv's weights must be constants"),
    QT_TRANSLATE_NOOP("CoreText", "a Gemm with transA cannot be split by input features"),
    QT_TRANSLATE_NOOP("CoreText", "the Gemm's weights must be constants"),
    QT_TRANSLATE_NOOP("CoreText", "a Gemm with beta != 1 cannot be split by input features"),
    QT_TRANSLATE_NOOP("CoreText",
                      "only a 2-D MatMul with constant 2-D weights can be split by input features"),
    QT_TRANSLATE_NOOP("CoreText",
                      "LIP splits the input channels of a Conv, Gemm or MatMul; the stage starts with %1"),
    // core/sim/plan_cost.cpp: PlanCost::overBudget()
    QT_TRANSLATE_NOOP("CoreText", "device '%1' needs %2, %3 over its budget of %4"),
    // core/cost/cluster.cpp: Cluster::problems()
    QT_TRANSLATE_NOOP("CoreText", "the cluster has no devices"),
    QT_TRANSLATE_NOOP("CoreText", "device %1:"),
    QT_TRANSLATE_NOOP("CoreText", "has no name"),
    QT_TRANSLATE_NOOP("CoreText", "the name is used twice"),
    QT_TRANSLATE_NOOP("CoreText", "memory budget must be positive"),
    QT_TRANSLATE_NOOP("CoreText", "threads must be at least 1"),
    QT_TRANSLATE_NOOP("CoreText", "speeds (macs_per_second, bytes_per_second) must be positive"),
    QT_TRANSLATE_NOOP("CoreText", "link bandwidth must be positive and latency not negative"),
    QT_TRANSLATE_NOOP("CoreText", "node overhead cannot be negative"),
    QT_TRANSLATE_NOOP("CoreText", "runtime overhead cannot be negative"),
    QT_TRANSLATE_NOOP("CoreText", "the gateway #%1 is not one of the devices"),
    QT_TRANSLATE_NOOP("CoreText", "a shared medium needs a positive medium bandwidth"),
    // core/cost/cluster_file.cpp, core/base/file_io.cpp: cluster files and JSON
    QT_TRANSLATE_NOOP("CoreText", "the cluster is not valid (%1 problem):"),
    QT_TRANSLATE_NOOP("CoreText", "the cluster is not valid (%1 problems):"),
    QT_TRANSLATE_NOOP("CoreText", "unknown key \"%1\" (valid keys: %2)"),
    QT_TRANSLATE_NOOP("CoreText", "expected a string, found %1"),
    QT_TRANSLATE_NOOP("CoreText", "expected a whole number, found %1"),
    QT_TRANSLATE_NOOP("CoreText", "expected a number, found %1"),
    QT_TRANSLATE_NOOP("CoreText", "expected true or false, found %1"),
    QT_TRANSLATE_NOOP("CoreText", "expected a number or a string such as \"%1\", found %2"),
    QT_TRANSLATE_NOOP("CoreText", "expected an object (user, port, key_file, ...), found %1"),
    QT_TRANSLATE_NOOP("CoreText", "expected a port between 1 and 65535, found %1"),
    QT_TRANSLATE_NOOP("CoreText", "must not be empty (leave it out for the default \".tessera\")"),
    QT_TRANSLATE_NOOP("CoreText", "expected an object describing a device, found %1"),
    QT_TRANSLATE_NOOP("CoreText", "unknown preset '%1' (presets: %2)"),
    QT_TRANSLATE_NOOP("CoreText", "missing \"name\""),
    QT_TRANSLATE_NOOP("CoreText", "not a Tessera cluster file (\"format\" is \"%1\")"),
    QT_TRANSLATE_NOOP("CoreText", "not a Tessera cluster file (no \"format\": \"%1\")"),
    QT_TRANSLATE_NOOP("CoreText", "missing (cluster files have \"version\": %1)"),
    QT_TRANSLATE_NOOP("CoreText", "expected a whole number of at least 1, found %1"),
    QT_TRANSLATE_NOOP("CoreText", "written by a newer Tessera (cluster format version %1; this version reads "
                                  "up to %2) — update Tessera"),
    QT_TRANSLATE_NOOP("CoreText", "expected an object, found %1"),
    QT_TRANSLATE_NOOP("CoreText", "missing \"devices\""),
    QT_TRANSLATE_NOOP("CoreText", "expected an array of devices, found %1"),
    QT_TRANSLATE_NOOP("CoreText", "no device named '%1' (devices: %2)"),
    QT_TRANSLATE_NOOP("CoreText", "not valid JSON (byte %1): %2"),
    QT_TRANSLATE_NOOP("CoreText", "not valid JSON: %1"),
    QT_TRANSLATE_NOOP("CoreText", "cannot open for reading: %1"),
    QT_TRANSLATE_NOOP("CoreText", "read error"),
    QT_TRANSLATE_NOOP("CoreText", "cannot write: %1"),
    QT_TRANSLATE_NOOP("CoreText", "write failed: %1 (disk full?)"),
    QT_TRANSLATE_NOOP("CoreText", "cannot replace the file: %1"),
    // core/model: loading a model
    QT_TRANSLATE_NOOP("CoreText", "model:"),
    QT_TRANSLATE_NOOP("CoreText", "plan:"),
    QT_TRANSLATE_NOOP("CoreText", "is a directory, not a model file"),
    QT_TRANSLATE_NOOP("CoreText", "cannot open file (does it exist and is it readable?)"),
    QT_TRANSLATE_NOOP("CoreText", "cannot read the file size"),
    QT_TRANSLATE_NOOP("CoreText", "file is empty"),
    QT_TRANSLATE_NOOP("CoreText", "contains no graph nodes (truncated file, or not an ONNX model?)"),
    QT_TRANSLATE_NOOP(
        "CoreText",
        "not a valid ONNX file (protobuf decoding failed: the file is truncated, corrupt, or not ONNX)"),
    QT_TRANSLATE_NOOP("CoreText", "no opset_import for the default ONNX domain"),
    QT_TRANSLATE_NOOP("CoreText", "opset %1 is newer than the ONNX library Tessera uses supports (up to %2); "
                                  "re-export the model with a lower opset"),
    QT_TRANSLATE_NOOP("CoreText", "rejected by the ONNX checker: %1"),
    QT_TRANSLATE_NOOP("CoreText",
                      "%1 node(s) use operators Tessera does not support: %2. Supported operators: %3"),
    QT_TRANSLATE_NOOP("CoreText",
                      "could not determine a static shape for %1; check --input-shape or simplify the model"),
    QT_TRANSLATE_NOOP("CoreText", "ONNX shape inference failed: %1"),
    QT_TRANSLATE_NOOP("CoreText", "dynamic input shape could not be resolved for %1: give the shape with "
                                  "--input-shape, e.g. --input-shape %2"),
    QT_TRANSLATE_NOOP("CoreText", "no input named '%1' (inputs: %2)"),
    QT_TRANSLATE_NOOP("CoreText", "input '%1' has rank %2, the given shape %3 has rank %4"),
    QT_TRANSLATE_NOOP("CoreText", "input '%1' has fixed dimension %2 = %3, the given shape says %4"),
    QT_TRANSLATE_NOOP("CoreText", "the model has %1 inputs: give each shape as NAME:D1,D2,..."),
    QT_TRANSLATE_NOOP("CoreText", "import cancelled"),
    QT_TRANSLATE_NOOP("CoreText", "tensor '%1' has a negative dimension"),
    // core/optimize: the optimizer's errors, statuses and progress
    QT_TRANSLATE_NOOP("CoreText", "no choice of stages fits the memory budgets"),
    QT_TRANSLATE_NOOP("CoreText", "no plan fits the memory budgets"),
    QT_TRANSLATE_NOOP("CoreText", "no plan fits the memory budgets and the memory cap of %1"),
    QT_TRANSLATE_NOOP("CoreText", "even the plan closest to fitting needs %1 on %2 (budget %3)"),
    QT_TRANSLATE_NOOP("CoreText",
                      "even the plan closest to fitting needs %1 on %2 (memory cap %3, budget %4)"),
    QT_TRANSLATE_NOOP("CoreText", "even the plan closest to fitting needs %1 on each of %2 (budget %3)"),
    QT_TRANSLATE_NOOP("CoreText", "the closest plan found needs %1 on %2 (budget %3)"),
    QT_TRANSLATE_NOOP("CoreText", "the closest plan found needs %1 on each of %2 (budget %3)"),
    QT_TRANSLATE_NOOP("CoreText", "%1 on %2 (budget %3)"),
    QT_TRANSLATE_NOOP("CoreText", "%1 on each of %2 (budget %3)"),
    QT_TRANSLATE_NOOP("CoreText", "weights of %1 %2"),
    QT_TRANSLATE_NOOP("CoreText", "arena of %1 %2"),
    QT_TRANSLATE_NOOP("CoreText", "runtime overhead %1"),
    QT_TRANSLATE_NOOP("CoreText", "weights of %1 %2 and %3 smaller part"),
    QT_TRANSLATE_NOOP("CoreText", "weights of %1 %2 and %3 smaller parts"),
    QT_TRANSLATE_NOOP("CoreText", "arena of %1 %2 and %3 smaller part"),
    QT_TRANSLATE_NOOP("CoreText", "arena of %1 %2 and %3 smaller parts"),
    QT_TRANSLATE_NOOP("CoreText", "runtime overhead %1 and %2 smaller part"),
    QT_TRANSLATE_NOOP("CoreText", "runtime overhead %1 and %2 smaller parts"),
    QT_TRANSLATE_NOOP("CoreText", "no plan found within the budgets after %1 solves (each lowering the "
                                  "budgets of the devices the last plan overloaded)"),
    QT_TRANSLATE_NOOP("CoreText", "the dynamic program needs a chain-structured model; this one has branches "
                                  "or skip connections: use the integer program"),
    QT_TRANSLATE_NOOP("CoreText", "the dynamic program needs a chain: some stage reads a value from further "
                                  "back than the stage before it (use the integer program)"),
    QT_TRANSLATE_NOOP("CoreText", "too many choices to enumerate (%1)"),
    QT_TRANSLATE_NOOP("CoreText", "optimization cancelled"),
    QT_TRANSLATE_NOOP("CoreText", "cancelled before any plan was found"),
    QT_TRANSLATE_NOOP("CoreText", "cancelled before the search started"),
    QT_TRANSLATE_NOOP("CoreText", "cancelled while measuring candidate stages"),
    QT_TRANSLATE_NOOP("CoreText", "the time limit (%1) ran out before any plan was found"),
    QT_TRANSLATE_NOOP("CoreText", "the search stopped before it found a plan within the limits"),
    QT_TRANSLATE_NOOP("CoreText", "a Pareto front sets latency, traffic or throughput against memory"),
    QT_TRANSLATE_NOOP("CoreText",
                      "the dynamic program adds costs along the chain, and the period is a maximum "
                      "over the devices: use the integer program for throughput"),
    QT_TRANSLATE_NOOP("CoreText", "throughput search, first plan:"),
    QT_TRANSLATE_NOOP("CoreText", "throughput search, bound:"),
    QT_TRANSLATE_NOOP("CoreText", "throughput search, best %1, bound %2:"),
    QT_TRANSLATE_NOOP("CoreText", "no plan exists: no option covers unit %1"),
    QT_TRANSLATE_NOOP("CoreText", "measuring candidate stages"),
    QT_TRANSLATE_NOOP("CoreText", "branch and bound: no plan yet"),
    QT_TRANSLATE_NOOP("CoreText", "branch and bound: no plan yet, bound %1"),
    QT_TRANSLATE_NOOP("CoreText", "branch and bound: best %1"),
    QT_TRANSLATE_NOOP("CoreText", "branch and bound: best %1, bound %2 (gap %3)"),
    QT_TRANSLATE_NOOP("CoreText", "optimal"),
    QT_TRANSLATE_NOOP("CoreText", "not improved"),
    QT_TRANSLATE_NOOP("CoreText", "time limit: %1"),
    QT_TRANSLATE_NOOP("CoreText", "cancelled: %1"),
    // deployer/: connecting, probing and deploying over SSH
    QT_TRANSLATE_NOOP("CoreText",
                      "cannot connect: cannot resolve %1: %2 - check \"host\" in the cluster file"),
    QT_TRANSLATE_NOOP("CoreText", "cancelled while connecting"),
    QT_TRANSLATE_NOOP("CoreText", "cannot connect to %1 port %2: %3 - check that the device is on, "
                                  "reachable, and runs sshd on port %4"),
    QT_TRANSLATE_NOOP("CoreText", "cannot connect to %1 port %2: %3 - check that the jump host can reach the "
                                  "device, and that the device runs sshd on port %4"),
    QT_TRANSLATE_NOOP(
        "CoreText", "cannot connect: %1 - check that the device is on, reachable, and runs sshd on port %2"),
    QT_TRANSLATE_NOOP("CoreText", "cannot connect: %1 - check that the jump host can reach the device, and "
                                  "that the device runs sshd on port %2"),
    QT_TRANSLATE_NOOP("CoreText", "no host set (\"host\" in the cluster file)"),
    QT_TRANSLATE_NOOP("CoreText",
                      "REFUSED: THE HOST KEY HAS CHANGED. The device now shows %1 key %2, but %3 holds a "
                      "different key for %4. Someone may be intercepting the connection, or the device was "
                      "reinstalled. Tessera never accepts a changed key; if you are sure the device was "
                      "reinstalled, remove the old entry (ssh-keygen -R '%5' -f %6) and connect again"),
    QT_TRANSLATE_NOOP(
        "CoreText",
        "unknown host key %1 %2 (not in %3). Compare it with the device's own (ssh-keygen -lf "
        "/etc/ssh/ssh_host_*_key.pub on the device) and, if it matches, accept it: run tessera again with "
        "--accept-new-host-keys, or in the studio Devices → Probe, which shows the key and asks"),
    QT_TRANSLATE_NOOP("CoreText", "could not add the host key to %1: %2"),
    QT_TRANSLATE_NOOP("CoreText", "could not check the host key against %1: %2"),
    QT_TRANSLATE_NOOP("CoreText", "cannot read the key file %1: %2 - check \"ssh.key_file\""),
    QT_TRANSLATE_NOOP("CoreText", "cannot load the private key %1 (not a private key, or encrypted and no "
                                  "correct passphrase was given)"),
    QT_TRANSLATE_NOOP(
        "CoreText",
        "authentication failed with the ssh-agent's keys and ~/.ssh/id_*%1 - add the public key to "
        "~%2/.ssh/authorized_keys on the device (ssh-copy-id), or set \"ssh.key_file\" to the right key"),
    QT_TRANSLATE_NOOP("CoreText",
                      "authentication failed with key %1 - add the public key to ~%2/.ssh/authorized_keys on "
                      "the device (ssh-copy-id), or set \"ssh.key_file\" to the right key"),
    QT_TRANSLATE_NOOP("CoreText", "cannot open a channel: %1"),
    QT_TRANSLATE_NOOP("CoreText", "cancelled while running a command"),
    QT_TRANSLATE_NOOP("CoreText", "cannot run a command: %1 - the connection may have dropped"),
    QT_TRANSLATE_NOOP("CoreText", "the connection failed while running a command: %1"),
    QT_TRANSLATE_NOOP("CoreText",
                      "cannot start SFTP: %1 - enable the sftp subsystem in the device's sshd_config"),
    QT_TRANSLATE_NOOP("CoreText", "no bundle directory for this device - run 'tessera bundle MODEL PLAN "
                                  "CLUSTER -o DIR' and pass --bundles DIR"),
    QT_TRANSLATE_NOOP("CoreText", "deployment cancelled; the device keeps its current release"),
    QT_TRANSLATE_NOOP("CoreText", "no \"host\" in the cluster file - set its address"),
    QT_TRANSLATE_NOOP("CoreText", "the probe got no answer from uname -m"),
    QT_TRANSLATE_NOOP("CoreText",
                      "the probe got no answer from uname -m (is the remote shell a POSIX shell?)"),
    QT_TRANSLATE_NOOP("CoreText", "unexpected answer from the device's shell: %1"),
    QT_TRANSLATE_NOOP("CoreText", "this machine:"),
    QT_TRANSLATE_NOOP("CoreText", "uploading"),
    QT_TRANSLATE_NOOP("CoreText", "done"),
    QT_TRANSLATE_NOOP("CoreText", "not run"),
    QT_TRANSLATE_NOOP("CoreText", "creating device %1"),
    QT_TRANSLATE_NOOP("CoreText", "not serving after %1 s (raise the ready timeout): %2"),
    QT_TRANSLATE_NOOP("CoreText", "%1 arrived damaged (its SHA-256 on the device differs) - deploy again"),
    QT_TRANSLATE_NOOP("CoreText", "the device keeps its current release"),
    // core/net/client.cpp: the studio's connection to a running cluster
    QT_TRANSLATE_NOOP(
        "CoreText",
        "gateway '%1' at %2 refused the connection: %3 (are the keys from this cluster's bundle?)"),
    QT_TRANSLATE_NOOP("CoreText",
                      "no answer from the gateway '%1' at %2 within %3 ms (is tessera-node running there?)"),
    QT_TRANSLATE_NOOP("CoreText", "no result from the gateway '%1' at %2 within %3 ms (a worker may have "
                                  "stopped; see the nodes' logs)"),
    QT_TRANSLATE_NOOP("CoreText", "no data for the model input '%1'"),
    QT_TRANSLATE_NOOP("CoreText", "input '%1' takes %2 values, got %3"),
    // ui/plan_edit.cpp: the studio's edits on core plans (same English as the core)
    QT_TRANSLATE_NOOP("CoreText", "the layer range is empty or outside the model"),
    QT_TRANSLATE_NOOP("CoreText", "the selection cuts through the %1 stage: select all of it or none of it"),
    QT_TRANSLATE_NOOP("CoreText",
                      "the block's last layer '%1' must produce a 4-D feature map to be cut into tiles"),
    QT_TRANSLATE_NOOP("CoreText", "the plan has no stage %1"),
    QT_TRANSLATE_NOOP("CoreText", "%1 channels of '%2' cannot be split over %3 devices"),
    QT_TRANSLATE_NOOP("CoreText", "%1 channels cannot be split into %2 slices"),
    QT_TRANSLATE_NOOP("CoreText", "the split has no slice %1"),
    QT_TRANSLATE_NOOP("CoreText", "device #%1 is not in the cluster"),
    QT_TRANSLATE_NOOP("CoreText", "%1 already runs slice %2; a device runs one slice of a split (remove that "
                                  "slice first, or give it to another device)"),
    QT_TRANSLATE_NOOP(
        "CoreText", "a split needs at least two slices; to run these layers on one device, place them on it"),
    QT_TRANSLATE_NOOP("CoreText", "%1 already runs a slice"),
    QT_TRANSLATE_NOOP("CoreText", "stage %1 is not a channel split"),
    QT_TRANSLATE_NOOP(
        "CoreText",
        "the slices do not cover the %1 channels of '%2' with one device each and no empty slice"),
    QT_TRANSLATE_NOOP("CoreText",
                      "stage %1 is not half of a LOP stage followed by a LIP stage that reads its output"),
    QT_TRANSLATE_NOOP("CoreText", "only a LIP stage has a reducer"),
};

} // namespace

std::span<const char* const> coreTextTemplates() {
    return kTemplates;
}

} // namespace tessera::ui
