#pragma once
// Conversions between ONNX protobuf messages and the graph IR. The only place that knows both.

#include <onnx/onnx_pb.h>

#include "core/base/error.h"
#include "core/model/graph.h"

namespace tessera::model {

// Reads a TensorProto into the IR. fp16 and double become Float32. `baseDir` resolves external data.
Expected<Tensor> fromProto(const onnx::TensorProto& proto, const std::string& baseDir);
Expected<Node> fromProto(const onnx::NodeProto& proto, const std::string& baseDir);
// A ValueInfoProto's element type (after fp16/double -> Float32) and shape; unknown dims become -1.
Expected<ValueInfo> fromProto(const onnx::ValueInfoProto& proto);

void toProto(const Tensor& tensor, const std::string& name, onnx::TensorProto& out);
void toProto(const Node& node, onnx::NodeProto& out);
void toProto(const ValueInfo& value, onnx::ValueInfoProto& out);

// Whole-graph export: a valid, checker-clean ModelProto.
onnx::ModelProto toModelProto(const Graph& graph, std::int64_t opset, const std::string& producer);

// For shape inference: the graph with large initializers declared as typed graph inputs (no data), so
// inference sees every shape without copying weights. Initializers up to `maxInlineElements` keep their data
// (shape inference reads small constants such as Reshape targets).
onnx::ModelProto toSkeletonProto(const Graph& graph, std::int64_t opset,
                                 std::int64_t maxInlineElements = 4096);

// TensorProto_DataType <-> DType; fp16 and double map to Float32. nullopt for types the IR cannot hold.
std::optional<DType> dtypeFromProto(int protoType);
int dtypeToProto(DType type);

} // namespace tessera::model
