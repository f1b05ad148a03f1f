#include "core/partition/program.h"

#include <algorithm>
#include <cstring>

#include "core/cost/memory_plan.h"
#include "core/exec/fusion.h"

namespace tessera::partition {

std::vector<TaskWork> nodeWork(const model::Graph& graph, const std::vector<cost::LayerCost>& layers) {
    std::vector<bool> folded(graph.nodes.size(), false);
    for (const auto& f : exec::findFusions(graph)) {
        for (const auto& node : {f.batchNorm, f.activation}) {
            if (node) {
                folded[*node] = true;
            }
        }
    }
    std::vector<TaskWork> work(graph.nodes.size());
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        if (folded[i] || cost::isAliasOp(graph.nodes[i].opType)) {
            continue;
        }
        const cost::LayerCost& c = layers[i];
        if (c.macs > 0) {
            work[i].macs = c.macs;
        } else {
            work[i].bytes = c.inputBytes + c.outputBytes;
        }
        work[i].nodes = 1;
    }
    return work;
}

TaskWork totalWork(const std::vector<TaskWork>& work) {
    TaskWork total;
    for (const auto& w : work) {
        total.macs += w.macs;
        total.bytes += w.bytes;
        total.nodes += w.nodes;
    }
    return total;
}

int Program::pieceDevice(int piece) const {
    const int task = pieces[std::size_t(piece)].task;
    return task < 0 ? gateway : tasks[std::size_t(task)].device;
}

bool Program::mayRun(int task, int device) const {
    const Task& t = tasks[std::size_t(task)];
    return t.device == device ||
           (t.stealable && std::any_of(tasks.begin(), tasks.end(), [&](const Task& other) {
                return other.stage == t.stage && other.device == device;
            }));
}

std::vector<Transfer> Program::transfers() const {
    std::vector<Transfer> list;
    auto add = [&](const TaskInput& input, int task, int to) {
        for (const auto& s : input.sources) {
            const int from = pieceDevice(s.piece);
            if (from != to) {
                list.push_back(
                    {s.piece, task, s.part, from, to, s.part.elements() * std::int64_t(sizeof(float))});
            }
        }
    };
    for (std::size_t t = 0; t < tasks.size(); ++t) {
        for (const auto& input : tasks[t].inputs) {
            add(input, int(t), tasks[t].device);
        }
    }
    for (const auto& result : results) {
        add(result, -1, gateway);
    }
    return list;
}

model::Graph materialize(const Task& task, const model::Graph& original) {
    model::Graph g = task.graph; // hollow initializers: shapes only, cheap to copy
    for (const auto& w : task.weights) {
        const model::Tensor& source = *original.initializer(w.source);
        model::Tensor& t = g.initializers[w.name];
        t.floats.resize(std::size_t(model::elementCount(w.shape)));
        copyRegion(source.floats.data(), Region::full(source.shape), t.floats.data(), w.region, w.region);
    }
    return g;
}

void copyRegion(const float* src, const Region& held, float* dst, const Region& dstRegion,
                const Region& part) {
    const std::size_t rank = part.rank();
    if (part.empty()) {
        return;
    }
    if (rank == 0) {
        *dst = *src;
        return;
    }
    // strides of both tensors, in elements
    std::vector<std::int64_t> srcStride(rank, 1), dstStride(rank, 1);
    for (std::size_t a = rank - 1; a > 0; --a) {
        srcStride[a - 1] = srcStride[a] * held[a].size();
        dstStride[a - 1] = dstStride[a] * dstRegion[a].size();
    }
    const std::int64_t run = part[rank - 1].size();
    std::vector<std::int64_t> index(rank, 0); // position inside `part`, last axis excluded
    while (true) {
        std::int64_t s = 0, d = 0;
        for (std::size_t a = 0; a < rank; ++a) {
            const std::int64_t coordinate = part[a].begin + index[a];
            s += (coordinate - held[a].begin) * srcStride[a];
            d += (coordinate - dstRegion[a].begin) * dstStride[a];
        }
        std::memcpy(dst + d, src + s, std::size_t(run) * sizeof(float));
        std::size_t a = rank - 1;
        while (a > 0) {
            --a;
            if (++index[a] < part[a].size()) {
                break;
            }
            index[a] = 0;
            if (a == 0) {
                return;
            }
        }
        if (rank == 1) {
            return;
        }
    }
}

} // namespace tessera::partition
