#pragma once
// Deployment bundles: everything one device needs to run its share of a compiled plan, and nothing more.
//
// `tessera bundle` writes, for a program on a cluster, a directory per device
//     <out>/<device>/model.onnx   the device's sub-model (partition::deviceGraph: its weight slices only;
//                                 absent when the device runs no task)
//     <out>/<device>/node.json    its runtime description (NodeDescription below)
//     <out>/<device>/cluster.key  the cluster's CURVE keys (keys.h), owner-only
// and, for the client that feeds frames to the gateway, <out>/client.json (a NodeDescription with device -1
// and no tasks) and <out>/cluster.key. A node loads only its own directory, so its memory at load is its
// own share of the weights. docs/file-formats.md describes node.json field by field.
//
// The runtime description restricts the Program to one device: the tasks it may run (its own, and in a
// work-stealing stage every task of the stage, each marked with the device it is assigned to) with
// their inputs as regions assembled from parts of pieces, the pieces it produces with every consumer (task
// and device, or the gateway's result assembly) and the part each needs, so a producer sends each part
// straight to the device that consumes it; at the gateway also the graph inputs it receives and the results
// it assembles.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/cost/cluster.h"
#include "core/exec/net.h"
#include "core/model/model.h"
#include "core/net/keys.h"
#include "core/partition/program.h"

namespace tessera::net {

struct SourceSpec {
    int piece = -1;
    partition::Region part;
    // Devices that may send this part: the piece's producer under the static assignment first, then, when
    // the producing task is stealable, the other devices of its stage (a thief sends what it computed).
    std::vector<int> senders;
};

struct InputSpec {
    std::string name; // in the device graph ("t12/x"); for results, the graph output name
    partition::Region region;
    std::vector<SourceSpec> sources;
};

struct TaskSpec {
    int id = -1; // task index in the program
    int stage = -1;
    bool stealable = false;
    std::vector<InputSpec> inputs;
    std::vector<int> outputs;             // piece ids
    std::vector<std::string> outputNames; // in the device graph, same order
    int device = -1;                      // static assignment; another device's task is here to be stolen
};

struct ConsumerSpec {
    int task = -1; // -1: the gateway's result assembly
    int device = -1;
    partition::Region part;
};

struct PieceSpec {
    int id = -1;
    std::string value; // original value name
    partition::Region region;
    std::vector<ConsumerSpec> consumers;
};

struct ValueSpec {
    std::string name;
    model::Shape shape;
};

struct DeviceSpec {
    std::string name;
    std::string endpoint; // where its node listens, e.g. "tcp://10.0.0.12:7701"
};

struct NodeDescription {
    static constexpr int kVersion = 1;
    std::string clusterId;
    int device = -1; // this node's index in `devices`; -1 for the client
    int gateway = 0;
    std::vector<DeviceSpec> devices;
    std::vector<TaskSpec> tasks;            // in program order
    std::vector<PieceSpec> pieces;          // produced here (task outputs; the graph inputs at the gateway)
    std::vector<InputSpec> results;         // gateway: graph outputs assembled from pieces
    std::vector<ValueSpec> inputs, outputs; // the graph's (gateway and client)
    std::vector<int> reporting;             // gateway: devices that run tasks and report every frame
    // gateway: per device of `reporting`, the tasks assigned to it (so the gateway knows whether it can
    // re-run everything a dead worker was to run); empty in bundles written before it existed
    std::vector<std::vector<int>> reportingTasks;
    // gateway and client: where the gateway publishes every frame's telemetry (ZeroMQ PUB, CURVE with the
    // cluster's keys), e.g. "tcp://10.0.0.11:7799"; empty: not published
    std::string telemetry;
    // client: per device, the tensor bytes sim::planCost predicts it receives and sends per frame
    std::vector<std::pair<std::int64_t, std::int64_t>> predictedBytes;
};

// The description of `device` (-1: the client's).
NodeDescription describeNode(const partition::Program& program, const model::Graph& graph,
                             const cost::Cluster& cluster, const std::vector<std::string>& endpoints,
                             const std::string& clusterId, int device);

std::string descriptionToJson(const NodeDescription& description);
Expected<NodeDescription> parseDescription(const std::string& jsonText, const std::string& path);

struct BundleOptions {
    std::vector<std::string> endpoints; // one per cluster device
    ClusterKeys keys;                   // generateClusterKeys() when the cluster id is empty
    std::vector<std::pair<std::int64_t, std::int64_t>> predictedBytes; // for the client (optional)
    std::string telemetry; // NodeDescription::telemetry (optional)
};

// Writes every device's bundle and the client's files under `dir` (created). Returns the directories
// written (one per device). Every directory written is the owner's alone (0700) and every file 0600: the
// bundles hold the cluster's secret key. Refuses programs whose graph inputs are constants (not fed by
// frames).
Expected<std::vector<std::string>> writeBundles(const partition::Program& program,
                                                const model::Model& original, const cost::Cluster& cluster,
                                                const BundleOptions& options, const std::string& dir);

// A node's bundle, loaded: its description, keys and its sub-model as one executable net with a segment per
// task it runs. The tasks share the net's weights (the tiles of a stage read each weight, folded or in CSR,
// from one copy) and a session runs any of them in one arena, as large as the largest task's.
struct NodeBundle {
    NodeDescription description;
    ClusterKeys keys;
    std::shared_ptr<const exec::Net> net; // null when the device runs no task
    std::map<int, std::size_t> segments;  // task id -> segment of `net`
};

// Loads <dir>/node.json, cluster.key and model.onnx, and loads the sub-model with a segment per task. Errors
// name the file and what is wrong with it.
Expected<NodeBundle> loadBundle(const std::string& dir, const exec::NetOptions& options = {});

// The client's description and keys (<dir>/client.json, <dir>/cluster.key).
Expected<NodeBundle> loadClientBundle(const std::string& dir);

} // namespace tessera::net
