#include "core/partition/executor.h"

#include <algorithm>

#include "core/exec/net.h"

namespace tessera::partition {

Expected<ExecutionResult> execute(const Program& program, const model::Model& original,
                                  const std::map<std::string, std::vector<float>>& inputs,
                                  const ExecutionOptions& options, const StopToken* stop) {
    int devices = program.gateway + 1;
    for (const auto& t : program.tasks) {
        devices = std::max(devices, t.device + 1);
    }
    ExecutionResult result;
    result.deviceBytesIn.assign(std::size_t(devices), 0);

    std::vector<std::vector<float>> store(program.pieces.size());
    for (std::size_t p = 0; p < program.pieces.size(); ++p) {
        const Piece& piece = program.pieces[p];
        if (piece.task >= 0) {
            continue;
        }
        if (auto given = inputs.find(piece.value); given != inputs.end()) {
            if (std::int64_t(given->second.size()) != piece.region.elements()) {
                return Error{ErrorCode::InvalidArgument,
                             "input '" + piece.value + "' takes " + std::to_string(piece.region.elements()) +
                                 " values, got " + std::to_string(given->second.size())};
            }
            store[p] = given->second;
        } else if (const model::Tensor* constant = original.graph.initializer(piece.value)) {
            store[p] = constant->floats;
        } else {
            return Error{ErrorCode::InvalidArgument, "no data for graph input '" + piece.value + "'"};
        }
    }

    auto assemble = [&](const TaskInput& input, int device, std::vector<float>& buffer) {
        buffer.assign(std::size_t(input.region.elements()), 0.f);
        for (const auto& s : input.sources) {
            const Piece& piece = program.pieces[std::size_t(s.piece)];
            copyRegion(store[std::size_t(s.piece)].data(), piece.region, buffer.data(), input.region, s.part);
            if (program.pieceDevice(s.piece) != device) {
                const std::int64_t bytes = s.part.elements() * std::int64_t(sizeof(float));
                result.bytesMoved += bytes;
                result.deviceBytesIn[std::size_t(device)] += bytes;
            }
        }
    };

    std::vector<float> buffer;
    for (const Task& task : program.tasks) {
        if (stop && stop->stopRequested()) {
            return Error{ErrorCode::Cancelled, "execution cancelled"};
        }
        model::Model sub;
        sub.graph = materialize(task, original.graph);
        sub.opset = program.opset;
        sub.path = "task " + task.graph.name;
        exec::NetOptions netOptions;
        netOptions.reference = options.reference;
        auto net = exec::Net::load(std::move(sub), netOptions);
        if (!net) {
            return net.error();
        }
        exec::Session session(*net, options.threads);
        for (const auto& input : task.inputs) {
            assemble(input, task.device, buffer);
            if (auto s = session.setInput(input.name, buffer.data(), buffer.size()); !s) {
                return s.error().withContext("task " + task.graph.name);
            }
        }
        if (auto s = session.run(stop); !s) {
            return s.error();
        }
        for (std::size_t k = 0; k < task.outputs.size(); ++k) {
            auto out = session.output(task.graph.outputs[k].name);
            if (!out) {
                return out.error().withContext("task " + task.graph.name);
            }
            store[std::size_t(task.outputs[k])].assign(out->data, out->data + out->elements());
        }
    }
    for (const auto& r : program.results) {
        assemble(r, program.gateway, buffer);
        result.outputs[r.name] = buffer;
    }
    return result;
}

} // namespace tessera::partition
