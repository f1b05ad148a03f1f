// Writes the seed corpora of the harnesses into OUT/<harness>/, from what Tessera itself writes: small
// networks imported from Darknet text and saved as ONNX, Darknet cfg + weights pairs, cluster and plan
// files, and one encoded message of every wire body. tests/fuzz/seed.sh adds the repository's .cfg files.
// Usage: fuzz_seeds OUT

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "core/base/file_io.h"
#include "core/model/zoo.h"
#include "core/net/protocol.h"
#include "core/partition/plan.h"
#include "tests/fuzz/fuzz_inputs.h"
#include "tests/support/stages.h"

using namespace tessera;
namespace fs = std::filesystem;

namespace {

// Networks beside fuzz::kPlanNetwork that reach the other Darknet layers (shortcut, reorg, region, dropout).
constexpr const char* kYoloNetwork = R"([net]
width=32
height=32
channels=3

[convolutional]
batch_normalize=1
filters=4
size=3
stride=1
pad=1
activation=leaky

[convolutional]
filters=4
size=3
stride=1
pad=1
activation=leaky

[shortcut]
from=-2
activation=linear

[maxpool]
size=2
stride=2

[reorg]
stride=2

[dropout]
probability=.5

[convolutional]
filters=30
size=1
stride=1
pad=1
activation=linear

[region]
anchors=1,1,2,2,3,3,4,4,5,5
classes=1
num=5
coords=4
)";

constexpr const char* kGroupedNetwork = R"([net]
width=12
height=12
channels=4

[convolutional]
filters=4
groups=4
size=3
stride=2
pad=1
activation=relu

[maxpool]
size=3
stride=1

[connected]
output=5
activation=leaky
)";

void write(const fs::path& path, const std::string& bytes) {
    if (auto s = writeFileAtomically(path.string(), bytes); !s) {
        std::cerr << s.error().message << "\n";
        std::exit(1);
    }
}

model::Model load(const std::string& cfg, const std::string& name) {
    auto m = model::loadDarknetText(cfg, name, {});
    if (!m) {
        std::cerr << m.error().message << "\n";
        std::exit(1);
    }
    return std::move(*m);
}

// Darknet weights (format 0.2: 64-bit `seen`) for every float of `graph`'s weights, in a fixed pattern.
std::string weightsFor(const model::Graph& graph) {
    std::size_t count = 0;
    for (const auto& [name, tensor] : graph.initializers) {
        count += tensor.floats.size();
    }
    std::string bytes(12 + 8 + count * sizeof(float), '\0');
    const std::int32_t header[3] = {0, 2, 0};
    std::memcpy(bytes.data(), header, sizeof(header));
    for (std::size_t k = 0; k < count; ++k) {
        const float v = float(k % 17) / 16.f - 0.5f;
        std::memcpy(bytes.data() + 20 + k * sizeof(float), &v, sizeof(float));
    }
    return bytes;
}

void writeModels(const fs::path& out) {
    fs::create_directories(out / "onnx");
    fs::create_directories(out / "darknet");
    const std::pair<const char*, const char*> networks[] = {
        {"plan", fuzz::kPlanNetwork}, {"yolo", kYoloNetwork}, {"grouped", kGroupedNetwork}};
    fuzz::MemoryFile weightsFile("seed.weights");
    for (const auto& [name, cfg] : networks) {
        model::Model m = load(cfg, name);
        model::fillDeterministicWeights(m.graph, 7);
        if (auto s =
                model::saveOnnx(m.graph, m.opset, (out / "onnx" / (std::string(name) + ".onnx")).string());
            !s) {
            std::cerr << s.error().message << "\n";
            std::exit(1);
        }
        write(out / "darknet" / (std::string(name) + ".cfg"), cfg);
        // with weights, when the count of floats matches what the importer reads
        const std::string weights = weightsFor(m.graph);
        model::ImportOptions options;
        options.darknetWeights = weightsFile.write(weights);
        if (model::loadDarknetText(cfg, name, options)) {
            write(out / "darknet" / (std::string(name) + "-weights.cfg"),
                  cfg + std::string(fuzz::kWeightsMarker) + weights);
        }
    }
}

void writeClusters(const fs::path& out) {
    fs::create_directories(out / "cluster");
    write(out / "cluster" / "rpi4x4.json", cost::clusterToJson(fuzz::planCluster()));
    cost::Cluster mixed;
    mixed.name = "lab";
    mixed.sharedMedium = true;
    mixed.mediumBitsPerSecond = 54e6;
    for (const char* key : {"rpi3b", "rpi5", "jetson-nano"}) {
        cost::Device d = *cost::presetDevice(key);
        d.name = key;
        d.host = std::string(key) + ".local";
        cost::SshSettings ssh;
        ssh.user = "pi";
        ssh.port = 2222;
        ssh.keyFile = "~/.ssh/id_ed25519";
        ssh.jumpHost = cost::JumpHost{"admin", "bastion", 22};
        d.ssh = ssh;
        mixed.devices.push_back(d);
    }
    mixed.gateway = 1;
    write(out / "cluster" / "mixed.json", cost::clusterToJson(mixed));
}

using test::stage;

void writePlans(const fs::path& out) {
    fs::create_directories(out / "plan");
    const model::Graph& graph = fuzz::planModel().graph;
    const cost::Cluster& cluster = fuzz::planCluster();
    const std::size_t last = graph.nodes.size() - 1;
    std::vector<partition::Plan> plans;
    plans.push_back(partition::wholeModelPlan(graph, 0));
    // tiles over the first two convolutions and the pool, then the rest on one device
    partition::Plan tiles;
    partition::Stage t = stage(partition::StageKind::Tiles, 0, 4, {0, 1, 2, 3});
    t.rowCuts = {4};
    t.colCuts = {4};
    t.reuse = true;
    tiles.stages = {t, stage(partition::StageKind::Device, 5, last, {1})};
    plans.push_back(tiles);
    // output-channel then input-channel split, with pruning
    partition::Plan channels;
    partition::Stage lop = stage(partition::StageKind::Lop, 0, 1, {0, 1});
    lop.channelCuts = {4};
    partition::Stage lip = stage(partition::StageKind::Lip, 2, 3, {0, 1});
    lip.channelCuts = {4};
    lip.reducer = 1;
    channels.stages = {lop, lip, stage(partition::StageKind::Device, 4, last, {2})};
    channels.pruning = compress::PruneSettings{};
    plans.push_back(channels);
    for (std::size_t k = 0; k < plans.size(); ++k) {
        write(out / "plan" / ("plan" + std::to_string(k) + ".json"),
              partition::planToJson(plans[k], graph, cluster));
    }
}

void writeMessages(const fs::path& out) {
    fs::create_directories(out / "protocol");
    const net::ProtocolContext context{"fuzz-cluster", 4};
    std::vector<net::wire::Envelope> messages(9);
    messages[0].mutable_hello()->set_node_name("rpi4-2");
    messages[0].mutable_hello()->set_role("worker");
    auto* start = messages[1].mutable_frame_start();
    start->set_frame(3);
    auto* input = start->add_inputs();
    input->set_name("data");
    net::setRegion(input->mutable_region(), partition::Region{{{0, 1}, {0, 3}, {0, 2}, {0, 2}}});
    const std::vector<float> twelve(12, 0.25f);
    input->set_data(net::floatBytes(twelve.data(), twelve.size()));
    auto* part = messages[2].mutable_tensor_part();
    part->set_frame(3);
    part->set_piece(1);
    part->set_task(4);
    net::setRegion(part->mutable_part(), partition::Region{{{0, 1}, {2, 4}, {1, 3}, {0, 3}}});
    part->set_data(net::floatBytes(twelve.data(), twelve.size()));
    auto* result = messages[3].mutable_frame_result();
    result->set_frame(3);
    *result->add_outputs() = *input;
    auto* telemetry = result->add_devices();
    telemetry->set_device(1);
    telemetry->set_bytes_in(4096);
    auto* timing = telemetry->add_tasks();
    timing->set_task(2);
    timing->set_compute_seconds(0.01);
    telemetry->add_given()->set_thief(2);
    result->set_seconds(0.05);
    messages[4].mutable_heartbeat()->set_sequence(9);
    messages[4].mutable_heartbeat()->set_interval_ms(500);
    messages[5].mutable_steal_request()->set_stage(1);
    messages[6].mutable_steal_grant()->set_frame(3);
    messages[6].mutable_steal_grant()->set_task(6);
    *messages[6].mutable_steal_grant()->add_inputs() = *input;
    *messages[7].mutable_telemetry() = *telemetry;
    messages[8].mutable_error()->set_frame(3);
    messages[8].mutable_error()->set_message("out of memory");
    for (std::size_t k = 0; k < messages.size(); ++k) {
        const std::string bytes = net::encode(messages[k], context, k == 1 ? -1 : int(k % 4));
        write(out / "protocol" / (std::string(net::bodyName(messages[k])) + ".bin"), bytes);
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: fuzz_seeds OUT\n";
        return 2;
    }
    const fs::path out = argv[1];
    writeModels(out);
    writeClusters(out);
    writePlans(out);
    writeMessages(out);
    return 0;
}
