#include "core/sim/plan_cost.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "core/cost/layer_cost.h"
#include "core/cost/memory_plan.h"
#include "core/cost/units.h"

namespace tessera::sim {
namespace {

using partition::Program;
using partition::Task;

constexpr std::int64_t kFloatBytes = sizeof(float);

std::int64_t pieceBytes(const Program& program, int piece) {
    return program.pieces[std::size_t(piece)].region.elements() * kFloatBytes;
}

// Whether the gateway keeps every graph input until the frame ends: it does when it could re-run a task of a
// dead worker (docs/runtime.md, Faults): a stealable task it may run whose inputs all come from graph inputs
// and whose outputs only the gateway reads.
bool keepsGraphInputs(const Program& program) {
    std::vector<bool> gatewayOnly(program.pieces.size(), true);
    for (const auto& task : program.tasks) {
        for (const auto& input : task.inputs) {
            for (const auto& s : input.sources) {
                gatewayOnly[std::size_t(s.piece)] =
                    gatewayOnly[std::size_t(s.piece)] && task.device == program.gateway;
            }
        }
    }
    for (std::size_t t = 0; t < program.tasks.size(); ++t) {
        const Task& task = program.tasks[t];
        const bool fromGraphInputs =
            std::all_of(task.inputs.begin(), task.inputs.end(), [&](const auto& input) {
                return std::all_of(input.sources.begin(), input.sources.end(), [&](const auto& s) {
                    return program.pieces[std::size_t(s.piece)].task < 0;
                });
            });
        const bool readByGateway = std::all_of(task.outputs.begin(), task.outputs.end(),
                                               [&](int piece) { return gatewayOnly[std::size_t(piece)]; });
        if (task.stealable && program.mayRun(int(t), program.gateway) && fromGraphInputs && readByGateway) {
            return true;
        }
    }
    return false;
}

// Program index of the last task reading each piece; `kEnd` for pieces a result reads, -1 for unread ones.
constexpr int kEnd = std::numeric_limits<int>::max();

std::vector<int> lastUses(const Program& program) {
    std::vector<int> last(program.pieces.size(), -1);
    for (std::size_t t = 0; t < program.tasks.size(); ++t) {
        for (const auto& input : program.tasks[t].inputs) {
            for (const auto& s : input.sources) {
                last[std::size_t(s.piece)] = std::max(last[std::size_t(s.piece)], int(t));
            }
        }
    }
    for (const auto& result : program.results) {
        for (const auto& s : result.sources) {
            last[std::size_t(s.piece)] = kEnd;
        }
    }
    if (keepsGraphInputs(program)) {
        for (std::size_t p = 0; p < program.pieces.size(); ++p) {
            last[p] = program.pieces[p].task < 0 ? kEnd : last[p];
        }
    }
    return last;
}

// Activation arena and largest held buffers of one device (plan_cost.h).
struct Peak {
    std::int64_t activation = 0, buffer = 0;
};

Peak devicePeak(const Program& program, const std::vector<int>& lastUse, int device) {
    const bool gateway = device == program.gateway;
    // Parts of other devices' pieces that this device's own tasks read: (consumer, producer task, bytes);
    // the producer is -1 for a graph input (the gateway sends those at the start of the frame).
    struct Received {
        int consumer = 0, producer = -1;
        std::int64_t bytes = 0;
    };
    std::vector<Received> received;
    for (std::size_t t = 0; t < program.tasks.size(); ++t) {
        if (program.tasks[t].device != device) {
            continue;
        }
        for (const auto& input : program.tasks[t].inputs) {
            for (const auto& s : input.sources) {
                if (program.pieceDevice(s.piece) != device) {
                    received.push_back(
                        {int(t), program.pieces[std::size_t(s.piece)].task, s.part.elements() * kFloatBytes});
                }
            }
        }
    }
    // At program position `at` (-1: the start): the pieces the device produced before it (graph inputs are
    // the gateway's from the start) that are needed at or after it, and the parts it received for its tasks
    // after it that were produced before it (they wait in the task's inputs until it runs; the runtime frees
    // a task's inputs once they are in its arena).
    auto held = [&](int at) {
        std::int64_t bytes = 0;
        for (std::size_t p = 0; p < program.pieces.size(); ++p) {
            const int producer = program.pieces[p].task;
            const bool mine = producer < 0 ? gateway : program.tasks[std::size_t(producer)].device == device;
            if (mine && (producer < 0 || producer < at) && lastUse[p] >= std::max(at, 0)) {
                bytes += pieceBytes(program, int(p));
            }
        }
        for (const auto& r : received) {
            if (r.consumer > at && r.producer < at && at >= 0) {
                bytes += r.bytes;
            }
        }
        return bytes;
    };
    // the runtime's one session arena serves every task, sized for the largest, and is never freed
    Peak peak;
    auto moment = [&](std::int64_t buffer) { peak.buffer = std::max(peak.buffer, buffer); };
    if (gateway) {
        moment(held(-1));
    }
    for (std::size_t t = 0; t < program.tasks.size(); ++t) {
        if (program.mayRun(int(t), device)) {
            peak.activation = std::max(peak.activation, program.tasks[t].arenaBytes);
            moment(held(int(t)));
        }
    }
    if (gateway) {
        std::int64_t results = 0;
        for (const auto& r : program.results) {
            results += r.region.elements() * kFloatBytes;
        }
        for (std::size_t p = 0; p < program.pieces.size(); ++p) {
            // graph inputs kept to the end (keepsGraphInputs)
            results += program.pieces[p].task < 0 && lastUse[p] == kEnd ? pieceBytes(program, int(p)) : 0;
        }
        moment(results);
    }
    return peak;
}

} // namespace

std::vector<TaskWork> nodeWork(const model::Graph& graph) {
    // the per-node costs of cost::analyze, as compile takes them for its tasks
    return partition::nodeWork(graph, cost::analyze(graph).layers);
}

TaskWork taskWork(const model::Graph& graph) {
    return partition::totalWork(nodeWork(graph));
}

double workSeconds(const TaskWork& work, const cost::Device& device) {
    return double(work.macs) / device.macsPerSecond + double(work.bytes) / device.bytesPerSecond +
           work.nodes * device.nodeOverheadSeconds;
}

double taskSeconds(const Task& task, const cost::Device& device) {
    return workSeconds(task.work, device);
}

std::vector<std::string> PlanCost::overBudget(const cost::Cluster& cluster) const {
    std::vector<std::string> problems;
    for (std::size_t d = 0; d < devices.size(); ++d) {
        const DeviceCost& c = devices[d];
        if (c.fits()) {
            continue;
        }
        const std::string name =
            d < cluster.devices.size() ? cluster.devices[d].name : "#" + std::to_string(d);
        problems.push_back("device '" + name + "' needs " + cost::formatBytes(c.totalBytes) + ", " +
                           cost::formatBytes(c.totalBytes - c.budgetBytes) + " over its budget of " +
                           cost::formatBytes(c.budgetBytes));
    }
    return problems;
}

PlanCost planCost(const Program& program, const model::Graph& graph, const cost::Cluster& cluster) {
    PlanCost result;
    const std::size_t deviceCount = cluster.devices.size();
    result.devices.resize(deviceCount);

    std::vector<std::set<std::string>> slices(deviceCount);
    std::vector<std::int64_t> nodes(deviceCount, 0), message(deviceCount, 0);
    for (std::size_t t = 0; t < program.tasks.size(); ++t) {
        const Task& task = program.tasks[t];
        const double seconds = task.device >= 0 && std::size_t(task.device) < deviceCount
                                   ? taskSeconds(task, cluster.devices[std::size_t(task.device)])
                                   : 0.0;
        for (std::size_t d = 0; d < deviceCount; ++d) {
            if (!program.mayRun(int(t), int(d))) {
                continue;
            }
            nodes[d] += std::int64_t(task.graph.nodes.size());
            for (const auto& w : task.weights) {
                if (slices[d].insert(w.name).second) {
                    result.devices[d].weightBytes += w.storedBytes;
                }
            }
            if (int(d) == task.device) {
                result.devices[d].macs += task.macs;
                result.devices[d].tasks += 1;
                result.devices[d].computeSeconds += seconds;
            }
        }
        result.macs += task.macs;
    }

    std::map<std::pair<int, int>, std::int64_t> links;
    for (const auto& t : program.transfers()) {
        links[{t.from, t.to}] += t.bytes;
        for (const int d : {t.from, t.to}) {
            if (d >= 0 && std::size_t(d) < deviceCount) {
                message[std::size_t(d)] = std::max(message[std::size_t(d)], t.bytes);
            }
        }
        if (t.from >= 0 && std::size_t(t.from) < deviceCount) {
            result.devices[std::size_t(t.from)].sentBytes += t.bytes;
        }
        if (t.to >= 0 && std::size_t(t.to) < deviceCount) {
            result.devices[std::size_t(t.to)].receivedBytes += t.bytes;
        }
    }
    if (std::size_t(program.gateway) < deviceCount) {
        // the frame comes in one message with every graph input, the answer goes out with every result
        std::int64_t inputs = 0, results = 0;
        for (const auto& piece : program.pieces) {
            inputs += piece.task < 0 ? piece.region.elements() * kFloatBytes : 0;
        }
        for (const auto& r : program.results) {
            results += r.region.elements() * kFloatBytes;
        }
        auto& largest = message[std::size_t(program.gateway)];
        largest = std::max({largest, inputs, results});
    }

    const std::vector<int> lastUse = lastUses(program);
    for (std::size_t d = 0; d < deviceCount; ++d) {
        DeviceCost& c = result.devices[d];
        const Peak peak = devicePeak(program, lastUse, int(d));
        c.activationBytes = peak.activation;
        c.messageBytes = kMessageCopies * message[d];
        c.bufferBytes = peak.buffer + c.messageBytes;
        c.overheadBytes = cluster.devices[d].runtimeOverheadBytes + runtimeNodeBytes(nodes[d]);
        c.totalBytes = c.weightBytes + c.activationBytes + c.bufferBytes + c.overheadBytes;
        c.budgetBytes = cluster.devices[d].memoryBytes;
    }
    for (const auto& [pair, bytes] : links) {
        result.links.push_back({pair.first, pair.second, bytes});
        result.trafficBytes += bytes;
    }

    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        result.modelMacs += cost::nodeCost(graph, i).macs;
    }
    return result;
}

} // namespace tessera::sim
