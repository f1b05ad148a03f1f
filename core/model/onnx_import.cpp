// ONNX reader: protobuf parse, topological sort, ONNX checker, then the shared import pipeline.

#include <onnx/checker.h>

#include <fcntl.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "core/base/sha256.h"
#include "core/model/import_pipeline.h"
#include "core/model/onnx_proto.h"
#include "core/model/onnx_stream.h"

namespace tessera::model {
namespace {

// Opens a model file for streaming (the file is never held in memory whole: peak memory at load stays
// close to the weights themselves). Returns the descriptor and the file size.
Expected<std::pair<int, std::int64_t>> openModel(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        return Error{ErrorCode::Io, path + ": is a directory, not a model file"};
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return Error{ErrorCode::Io, path + ": cannot open file (does it exist and is it readable?)"};
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        ::close(fd);
        return Error{ErrorCode::Io, path + ": cannot read the file size"};
    }
    return std::make_pair(fd, std::int64_t(info.st_size));
}

// An initializer whose raw bytes were streamed into `payload`: float32 data is moved in without a copy;
// other element types (small: shapes, fp16 weights) go through the regular conversion.
Expected<Tensor> initializerFromStream(onnx::TensorProto& tp, const std::string& baseDir,
                                       std::vector<float>& payload, std::size_t payloadBytes) {
    if (payloadBytes == 0 && payload.empty()) {
        tp.clear_raw_data(); // the tensor had no raw data (typed fields or external data)
        return fromProto(tp, baseDir);
    }
    if (tp.data_type() == onnx::TensorProto::FLOAT && tp.data_location() != onnx::TensorProto::EXTERNAL) {
        Tensor t;
        for (auto d : tp.dims()) {
            if (d < 0) {
                return Error{ErrorCode::Parse, "tensor '" + tp.name() + "' has a negative dimension"};
            }
            t.shape.push_back(d);
        }
        if (std::size_t(t.elements()) * sizeof(float) != payloadBytes) {
            return Error{ErrorCode::Parse, "tensor '" + tp.name() + "' declares shape " + toString(t.shape) +
                                               " (" + std::to_string(t.elements()) + " elements) but holds " +
                                               std::to_string(payloadBytes) +
                                               " bytes (truncated or corrupt data)"};
        }
        t.floats = std::move(payload);
        return t;
    }
    tp.set_raw_data(std::string(reinterpret_cast<const char*>(payload.data()), payloadBytes));
    std::vector<float>().swap(payload);
    return fromProto(tp, baseDir);
}

// Puts the proto's nodes in topological order so that the ONNX checker accepts graphs stored out of order.
Status sortProtoNodes(onnx::GraphProto& graph, const std::vector<Node>& nodes) {
    std::vector<std::string> available;
    for (const auto& in : graph.input()) {
        available.push_back(in.name());
    }
    for (const auto& init : graph.initializer()) {
        available.push_back(init.name());
    }
    const auto sorted = topologicalOrder(nodes, available);
    if (!sorted.unplaced.empty()) {
        std::set<std::string> produced(available.begin(), available.end());
        for (const auto& n : nodes) {
            produced.insert(n.outputs.begin(), n.outputs.end());
        }
        std::string list;
        for (std::size_t k = 0; k < sorted.unplaced.size() && k < 12; ++k) {
            const Node& n = nodes[sorted.unplaced[k]];
            std::string why = "on a cycle";
            for (const auto& in : n.inputs) {
                if (!in.empty() && !produced.count(in)) {
                    why = "input '" + in + "' is produced by no node";
                }
            }
            list +=
                (k ? "; " : "") + std::string("'") + (n.name.empty() ? n.opType : n.name) + "' (" + why + ")";
        }
        return Error{ErrorCode::InvalidModel, std::to_string(sorted.unplaced.size()) +
                                                  " node(s) cannot be ordered: " + list +
                                                  " - the file may be truncated or not a complete graph"};
    }
    google::protobuf::RepeatedPtrField<onnx::NodeProto> reordered;
    for (std::size_t i : sorted.order) {
        *reordered.Add() = graph.node(int(i));
    }
    graph.mutable_node()->Swap(&reordered);
    return {};
}

} // namespace

Expected<Model> loadOnnx(const std::string& path, const ImportOptions& options) {
    auto opened = openModel(path);
    if (!opened) {
        return opened.error();
    }
    const auto [fd, fileSize] = *opened;
    if (fileSize == 0) {
        ::close(fd);
        return Error{ErrorCode::Parse, path + ": file is empty"};
    }
    Model model;
    model.path = path;
    model.format = "onnx";
    auto hash = sha256File(path);
    if (!hash) {
        ::close(fd);
        return hash.error();
    }
    model.sha256 = *hash;

    auto streamed = readOnnxStream(fd, path);
    ::close(fd);
    if (!streamed) {
        return streamed.error();
    }
    onnx::ModelProto& proto = streamed->proto;
    if (!proto.has_graph() || proto.graph().node_size() == 0) {
        return Error{ErrorCode::Parse,
                     path + ": contains no graph nodes (truncated file, or not an ONNX model?)"};
    }
    model.irVersion = proto.ir_version();
    model.producer =
        proto.producer_name() + (proto.producer_version().empty() ? "" : " " + proto.producer_version());
    for (const auto& op : proto.opset_import()) {
        if (op.domain().empty() || op.domain() == "ai.onnx") {
            model.opset = op.version();
        }
    }
    if (model.opset == 0) {
        return Error{ErrorCode::InvalidModel, path + ": no opset_import for the default ONNX domain"};
    }
    if (model.opset > maxSupportedOpset()) {
        return Error{ErrorCode::Unsupported,
                     path + ": opset " + std::to_string(model.opset) +
                         " is newer than the ONNX library Tessera uses supports (up to " +
                         std::to_string(maxSupportedOpset()) + "); re-export the model with a lower opset"};
    }

    const std::string baseDir = std::filesystem::path(path).parent_path().string();
    auto& pg = *proto.mutable_graph();
    Graph& g = model.graph;
    g.name = pg.name();
    for (const auto& np : pg.node()) {
        auto node = fromProto(np, baseDir);
        if (!node) {
            return node.error().withContext(path + ": node '" + np.name() + "' (" + np.op_type() + ")");
        }
        g.nodes.push_back(std::move(*node));
    }
    if (auto s = sortProtoNodes(pg, g.nodes); !s) {
        return s.error().withContext(path);
    }
    try {
        onnx::checker::check_model(proto);
    } catch (const std::exception& e) {
        return Error{ErrorCode::InvalidModel, path + ": rejected by the ONNX checker: " + e.what()};
    }

    g.nodes.clear();
    for (const auto& np : pg.node()) {
        g.nodes.push_back(std::move(*fromProto(np, baseDir)));
    }
    std::size_t converted = 0;
    for (int k = 0; k < pg.initializer_size(); ++k) {
        auto& tp = *pg.mutable_initializer(k);
        auto t = initializerFromStream(tp, baseDir, streamed->payloads[std::size_t(k)],
                                       streamed->payloadBytes[std::size_t(k)]);
        if (!t) {
            return t.error().withContext(path + ": initializer '" + tp.name() + "'");
        }
        converted +=
            tp.data_type() == onnx::TensorProto::FLOAT16 || tp.data_type() == onnx::TensorProto::DOUBLE;
        g.initializers[tp.name()] = std::move(*t);
        tp.clear_raw_data(); // drop the protobuf copy as soon as the IR holds the data
        tp.clear_float_data();
    }
    if (converted) {
        model.notes.push_back(std::to_string(converted) +
                              " float16/double weight tensors converted to float32");
    }
    auto valueInfo = [&](const onnx::ValueInfoProto& vp) -> Expected<ValueInfo> {
        auto v = fromProto(vp);
        return v ? v : v.error().withContext(path);
    };
    for (const auto& vp : pg.input()) {
        if (g.isInitializer(vp.name())) {
            continue; // IR < 4 lists initializers among the inputs
        }
        auto v = valueInfo(vp);
        if (!v) {
            return v.error();
        }
        g.inputs.push_back(*v);
    }
    for (const auto& vp : pg.output()) {
        auto v = valueInfo(vp);
        if (!v) {
            return v.error();
        }
        g.outputs.push_back(*v);
    }
    proto.Clear();

    if (auto s = finishImport(model, options); !s) {
        return s.error();
    }
    return model;
}

} // namespace tessera::model
