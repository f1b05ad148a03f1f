#include "core/model/zoo.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string_view>

#include "core/model/import_pipeline.h"
#include "core/model/onnx_proto.h"

namespace tessera::model {

const std::map<std::string, std::string_view>& zooRecipes(); // generated from resources/zoo/*.cfg

namespace {

// splitmix64: tiny, fast, and good enough for reproducible synthetic weights.
struct Random {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    float uniform(float lo, float hi) { return lo + (hi - lo) * float(next() >> 40) / float(1ull << 24); }
};

std::uint64_t nameHash(const std::string& s) {
    std::uint64_t h = 1469598103934665603ull; // FNV-1a
    for (unsigned char c : s) {
        h = (h ^ c) * 1099511628211ull;
    }
    return h;
}

} // namespace

const std::vector<ZooEntry>& zooEntries() {
    static const std::vector<ZooEntry> kEntries = {
        {"yolov2-608", "yolov2.cfg", 608, "YOLOv2 (COCO, 80 classes, 5 anchors), 608x608 input"},
        {"yolov2-416", "yolov2.cfg", 416, "YOLOv2 (COCO, 80 classes, 5 anchors), 416x416 input"},
        {"tiny-yolov2", "yolov2-tiny.cfg", 0, "tiny-YOLOv2 (COCO), 416x416 input"},
        {"alexnet", "alexnet.cfg", 0, "AlexNet, single tower as in Darknet (no LRN), 227x227 input"},
        {"vgg16", "vgg-16.cfg", 0, "VGG-16, 224x224 input"},
        {"extraction", "extraction.cfg", 0, "Darknet Extraction (GoogLeNet-like), 224x224 input"},
        {"resnet18", "resnet18.cfg", 0, "ResNet-18 (ImageNet), 224x224 input"},
        {"mobilenetv2", "mobilenetv2.cfg", 0, "MobileNetV2 1.0 (ImageNet), 224x224 input"},
    };
    return kEntries;
}

void fillDeterministicWeights(Graph& graph, std::uint64_t seed) {
    // Role of each weight from the node that consumes it and the input slot it feeds.
    for (const auto& node : graph.nodes) {
        for (std::size_t slot = 1; slot < node.inputs.size(); ++slot) {
            auto it = graph.initializers.find(node.inputs[slot]);
            if (it == graph.initializers.end() || it->second.dtype != DType::Float32) {
                continue;
            }
            Tensor& t = it->second;
            Random rng{seed ^ nameHash(it->first)};
            float lo = -0.1f, hi = 0.1f; // biases, BN betas and means
            if ((node.opType == "Conv" || node.opType == "Gemm") && slot == 1) {
                const std::int64_t fanIn = t.shape.empty() ? 1 : t.elements() / t.shape[0];
                hi = std::sqrt(6.f / float(std::max<std::int64_t>(fanIn, 1))); // He-uniform
                lo = -hi;
            } else if (node.opType == "BatchNormalization" && (slot == 1 || slot == 4)) {
                lo = 0.5f; // scales and variances
                hi = 1.5f;
            } else if (node.opType != "BatchNormalization" &&
                       !(node.opType == "Conv" || node.opType == "Gemm")) {
                continue; // constants such as clip bounds keep their values
            }
            for (float& v : t.floats) {
                v = rng.uniform(lo, hi);
            }
        }
    }
}

Expected<Model> buildZooModel(const std::string& name, std::uint64_t seed) {
    const auto& entries = zooEntries();
    auto entry =
        std::find_if(entries.begin(), entries.end(), [&](const ZooEntry& e) { return e.name == name; });
    if (entry == entries.end()) {
        std::string names;
        for (const auto& e : entries) {
            names += (names.empty() ? "" : ", ") + e.name;
        }
        return Error{ErrorCode::InvalidArgument,
                     "no zoo model named '" + name + "' (available: " + names + ")"};
    }
    auto recipe = zooRecipes().find(entry->recipe);
    if (recipe == zooRecipes().end()) {
        return Error{ErrorCode::Io, "zoo recipe " + entry->recipe + " is missing from this build"};
    }
    ImportOptions options;
    if (entry->inputSize > 0) {
        options.inputShapes[""] = {1, 3, entry->inputSize, entry->inputSize};
    }
    auto model = loadDarknetText(std::string(recipe->second), "zoo/" + entry->recipe, options);
    if (!model) {
        return model.error();
    }
    model->notes.clear();
    fillDeterministicWeights(model->graph, seed);
    model->graph.name = entry->name;
    model->producer = "tessera zoo";
    return model;
}

Status saveOnnx(const Graph& graph, std::int64_t opset, const std::string& path,
                const std::string& docString) {
    onnx::ModelProto proto = toModelProto(graph, opset, "tessera");
    proto.set_producer_version(TESSERA_VERSION);
    if (!docString.empty()) {
        proto.set_doc_string(docString);
    }
    const std::string temporary = path + ".part";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out || !proto.SerializeToOstream(&out)) {
            std::remove(temporary.c_str());
            return Error{ErrorCode::Io, path + ": cannot write the ONNX file (disk full or no permission?)"};
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::remove(temporary.c_str());
        return Error{ErrorCode::Io, path + ": cannot replace the file: " + ec.message()};
    }
    return {};
}

} // namespace tessera::model
