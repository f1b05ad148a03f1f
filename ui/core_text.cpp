#include "ui/core_text.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

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
    QT_TRANSLATE_NOOP("CoreText", "a Pareto front sets latency or traffic against memory"),
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

// The last joint of a list of names; not a template (it would take any "x and y" as matched).
const char* const kNameList = QT_TRANSLATE_NOOP("CoreText", "%1 and %2");
// What the cluster file's "expected ..., found %1" says for a value it does not print.
const char* const kArgumentWords[] = {QT_TRANSLATE_NOOP("CoreText", "an object"),
                                      QT_TRANSLATE_NOOP("CoreText", "an array")};

struct Template {
    const char* english = nullptr;
    QRegularExpression pattern;
    std::vector<int> args; // the placeholder number of each capture group, in order
    qsizetype literal = 0; // characters of fixed text: the more, the more specific
};

// An argument never spans a joiner (": ", "; ") unless the template's own text has one: "%1 on %2 (budget
// %3)" must not take "1 GiB on 'a' (budget 512 MiB): weights of ...; 2 GiB on 'b'" as one part with a list in
// %1. A template with a joiner is a long specific sentence whose arguments may be another library's text.
bool joinsParts(const QString& text) {
    return text.contains(QLatin1String(": ")) || text.contains(QLatin1String("; "));
}

std::vector<Template> compile() {
    static const QRegularExpression placeholder(QStringLiteral("%([1-9])"));
    const QString anyArgument = QStringLiteral("(.*?)");
    // a quoted name may hold a joiner ("'lip equal: fc_4..fc_4'")
    // and a list of them ("'a', 'b' and 'c'"), but not a list of parts ("19 MiB, weights of 'a' 2 MiB")
    const QString partArgument = QStringLiteral("((?:'[^']*'|(?!: |; |, (?!')).)*?)");
    std::vector<Template> list;
    for (const char* english : kTemplates) {
        const QString text = QString::fromUtf8(english);
        const QString argument = joinsParts(text) ? anyArgument : partArgument;
        Template t;
        t.english = english;
        QString pattern;
        qsizetype at = 0;
        for (auto it = placeholder.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            const QString fixed = text.mid(at, m.capturedStart() - at);
            pattern += QRegularExpression::escape(fixed) + argument;
            t.literal += fixed.size();
            t.args.push_back(m.captured(1).toInt());
            at = m.capturedEnd();
        }
        pattern += QRegularExpression::escape(text.mid(at));
        t.literal += text.size() - at;
        t.pattern.setPattern(QRegularExpression::anchoredPattern(pattern));
        t.pattern.optimize(); // compiled here, once, not on a first match in whichever thread
        list.push_back(std::move(t));
    }
    std::stable_sort(list.begin(), list.end(),
                     [](const Template& a, const Template& b) { return a.literal > b.literal; });
    return list;
}

const std::vector<Template>& templates() {
    static const std::vector<Template> list = compile();
    return list;
}

// `text` with each %N replaced by arguments[N - 1] in one pass (an argument holding "%2" stays as it is).
QString substitute(const QString& text, const QStringList& arguments) {
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('%') && i + 1 < text.size() && text[i + 1] >= QLatin1Char('1') &&
            text[i + 1] <= QLatin1Char('9') && text[i + 1].digitValue() <= arguments.size()) {
            out += arguments[text[i + 1].digitValue() - 1];
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

// An argument in the installed language where it is one of the core's own words: "'a', 'b' and 'c'" (its
// lists of names) with the language's "and", "an object"; any other argument as it is.
QString argumentText(const QString& argument) {
    static const QRegularExpression list(QStringLiteral("^('[^']*'(?:, '[^']*')*) and ('[^']*')$"));
    if (const QRegularExpressionMatch m = list.match(argument); m.hasMatch()) {
        return substitute(QCoreApplication::translate("CoreText", kNameList), {m.captured(1), m.captured(2)});
    }
    for (const char* word : kArgumentWords) {
        if (argument == QLatin1String(word)) {
            return QCoreApplication::translate("CoreText", word);
        }
    }
    return argument;
}

// The translation of the template `text` matches as a whole, if one does.
std::optional<QString> wholeMatch(const QString& text) {
    for (const Template& t : templates()) {
        const QRegularExpressionMatch m = t.pattern.match(text);
        if (!m.hasMatch()) {
            continue;
        }
        QStringList arguments;
        for (std::size_t i = 0; i < t.args.size(); ++i) {
            const auto number = qsizetype(t.args[i]);
            while (arguments.size() < number) {
                arguments.append(QString());
            }
            arguments[number - 1] = argumentText(m.captured(int(i) + 1));
        }
        return substitute(QCoreApplication::translate("CoreText", t.english), arguments);
    }
    return std::nullopt;
}

// Where `joiner` occurs in `text` outside quoted names ('a: b' is one name): a quote opens after a
// character that is no letter or digit and closes before one (so "device's" is no quote).
QList<qsizetype> joinersIn(const QString& text, QLatin1String joiner) {
    QList<qsizetype> at;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('\'')) {
            if (!quoted && (i == 0 || !text[i - 1].isLetterOrNumber())) {
                quoted = true;
            } else if (quoted && (i + 1 == text.size() || !text[i + 1].isLetterOrNumber())) {
                quoted = false;
            }
        } else if (!quoted && QStringView(text).mid(i).startsWith(joiner)) {
            at.append(i);
        }
    }
    return at;
}

struct Rendered {
    QString text;
    QStringList unmatched; // English parts no template matched

    qsizetype cost() const {
        qsizetype n = 0;
        for (const auto& part : unmatched) {
            n += part.size();
        }
        return n;
    }
};

// Renders one message, trying every way the core joins parts and keeping the one that leaves the least
// English unmatched (ties: the earlier way). Each text is rendered once (a message's parts repeat).
class Renderer {
public:
    Rendered render(const QString& text) {
        if (const auto done = m_done.constFind(text); done != m_done.constEnd()) {
            return *done;
        }
        Rendered best;
        if (auto whole = wholeMatch(text)) {
            best = {*whole, {}};
        } else {
            best = {text, containsLetter(text) ? QStringList{text} : QStringList{}};
            const auto consider = [&best](std::optional<Rendered> candidate) {
                if (candidate && candidate->cost() < best.cost()) {
                    best = std::move(*candidate);
                }
            };
            consider(lines(text));
            consider(prefixed(text));
            consider(joined(text, QLatin1String("; ")));
            consider(joined(text, QLatin1String(", ")));
            consider(hinted(text));
        }
        m_done.insert(text, best);
        return best;
    }

private:
    static bool containsLetter(const QString& text) {
        return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isLetter(); });
    }

    // checkPlan's and the cluster's lists: "header:\n  - problem\n  - problem".
    std::optional<Rendered> lines(const QString& text) {
        if (!text.contains(QLatin1Char('\n'))) {
            return std::nullopt;
        }
        Rendered out;
        QStringList rendered;
        for (const QString& line : text.split(QLatin1Char('\n'))) {
            qsizetype bullet = 0;
            while (bullet < line.size() && line[bullet].isSpace()) {
                ++bullet;
            }
            if (line.mid(bullet).startsWith(QLatin1String("- "))) {
                bullet += 2;
            }
            const Rendered part = render(line.mid(bullet));
            rendered.append(line.left(bullet) + part.text);
            out.unmatched += part.unmatched;
        }
        out.text = rendered.join(QLatin1Char('\n'));
        return out;
    }

    // "context: message", the context a template ("stage 2 (...)", "node 'a' (Conv)") or a file, field or
    // address (no space: not English text).
    std::optional<Rendered> prefixed(const QString& text) {
        const QList<qsizetype> colons = joinersIn(text, QLatin1String(": "));
        if (colons.isEmpty() || colons.front() == 0) {
            return std::nullopt;
        }
        const qsizetype colon = colons.front();
        const QString head = text.left(colon);
        const Rendered rest = render(text.mid(colon + 2));
        // the context templates end in ':' (a language may write its own colon)
        if (auto context = wholeMatch(head + QLatin1Char(':'))) {
            return Rendered{*context + QLatin1Char(' ') + rest.text, rest.unmatched};
        }
        const Rendered context = head.contains(QLatin1Char(' ')) ? render(head) : Rendered{head, {}};
        return Rendered{context.text + QStringLiteral(": ") + rest.text, context.unmatched + rest.unmatched};
    }

    std::optional<Rendered> joined(const QString& text, QLatin1String joiner) {
        const QList<qsizetype> at = joinersIn(text, joiner);
        if (at.isEmpty()) {
            return std::nullopt;
        }
        Rendered out;
        qsizetype from = 0;
        for (qsizetype i = 0; i <= at.size(); ++i) {
            const qsizetype end = i < at.size() ? at[i] : text.size();
            const Rendered part = render(text.mid(from, end - from));
            out.text += (i ? QString(joiner) : QString()) + part.text;
            out.unmatched += part.unmatched;
            from = end + joiner.size();
        }
        return out;
    }

    // "<a message with its own hint> - the device keeps its current release": split at the last " - ".
    std::optional<Rendered> hinted(const QString& text) {
        const QList<qsizetype> at = joinersIn(text, QLatin1String(" - "));
        if (at.isEmpty()) {
            return std::nullopt;
        }
        const Rendered message = render(text.left(at.back()));
        const Rendered hint = render(text.mid(at.back() + 3));
        return Rendered{message.text + QStringLiteral(" - ") + hint.text, message.unmatched + hint.unmatched};
    }

    QHash<QString, Rendered> m_done;
};

} // namespace

QString CoreText::translate(const QString& message) {
    return Renderer().render(message).text;
}

QString CoreText::translate(const std::string& message) {
    return translate(QString::fromStdString(message));
}

QStringList CoreText::translate(const std::vector<std::string>& messages) {
    QStringList out;
    out.reserve(qsizetype(messages.size()));
    for (const auto& message : messages) {
        out.append(translate(message));
    }
    return out;
}

QString CoreText::unmatched(const QString& message) {
    return Renderer().render(message).unmatched.join(QStringLiteral(" | "));
}

int CoreText::templateCount() {
    return int(std::size(kTemplates));
}

} // namespace tessera::ui
