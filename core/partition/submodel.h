#pragma once
// Per-device sub-models: everything one device runs as a plain ONNX graph holding only that device's weight
// slices. The graphs of its tasks sit side by side, their values prefixed with the task ("t12/conv_4");
// weight slices keep their slice names, so tasks sharing a slice share one initializer. A device in a
// work-stealing stage gets every task of that stage (it may run any of them).

#include <string>
#include <vector>

#include "core/cost/cluster.h"
#include "core/model/model.h"
#include "core/partition/program.h"

namespace tessera::partition {

// Tasks the device may run (Program::mayRun), in program order.
std::vector<int> deviceTasks(const Program& program, int device);
// Task `t`'s value names inside a device graph.
std::string taskPrefix(int task);

// The device's sub-model with its weight slices filled in from `original`; empty when it runs nothing.
model::Graph deviceGraph(const Program& program, int device, const model::Graph& original);

// Writes <dir>/<device name>.onnx for every device that runs something (atomically; the directory is
// created). Returns the paths written.
Expected<std::vector<std::string>> exportSubmodels(const Program& program, const model::Model& original,
                                                   const cost::Cluster& cluster, const std::string& dir);

} // namespace tessera::partition
