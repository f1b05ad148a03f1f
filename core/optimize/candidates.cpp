#include "core/optimize/candidates.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "core/partition/geometry.h"
#include "core/partition/program.h"
#include "core/sim/plan_cost.h"

namespace tessera::optimize {
namespace {

using partition::Region;
using partition::Stage;
using partition::StageKind;

// A region of a value on a device: a piece of a layout, or a part of what a stage reads.
struct Placement {
    Region region;
    int device = -1;
    bool operator<(const Placement& o) const {
        return device != o.device ? device < o.device : region.toString() < o.region.toString();
    }
};
using Layout = std::vector<Placement>; // sorted, so equal layouts compare equal

std::string key(const Layout& layout) {
    std::string k;
    for (const auto& p : layout) {
        k += std::to_string(p.device) + p.region.toString() + ";";
    }
    return k;
}

// What one exchange puts on each device's link: bytes sent and received, and the time its transfers hold
// the link's directions (or the shared medium).
struct Load {
    LinkLoad links;
    std::int64_t total = 0;
    const cost::Cluster* cluster;
    explicit Load(const cost::Cluster& c)
        : cluster(&c) {
        const std::size_t devices = c.devices.size();
        links.sentBytes.assign(devices, 0);
        links.receivedBytes.assign(devices, 0);
        links.upSeconds.assign(devices, 0);
        links.downSeconds.assign(devices, 0);
    }
    // One transfer (as the simulator times it).
    void add(int from, int to, std::int64_t bytes) {
        links.sentBytes[std::size_t(from)] += bytes;
        links.receivedBytes[std::size_t(to)] += bytes;
        total += bytes;
        const cost::Device &sender = cluster->devices[std::size_t(from)],
                           &receiver = cluster->devices[std::size_t(to)];
        const double latency = sender.linkLatencySeconds + receiver.linkLatencySeconds;
        if (cluster->sharedMedium) {
            links.mediumSeconds += latency + double(bytes) * 8 / cluster->mediumBitsPerSecond;
        } else {
            const double held =
                latency + double(bytes) * 8 / std::min(sender.linkBitsPerSecond, receiver.linkBitsPerSecond);
            links.upSeconds[std::size_t(from)] += held;
            links.downSeconds[std::size_t(to)] += held;
        }
    }
};

// Time of an exchange on the cluster's network (cluster.h): every link direction carries its bytes at its
// bandwidth, all in parallel, then one hop of latency each way; a shared medium carries them all in turn.
double seconds(const Load& load, const cost::Cluster& c) {
    if (load.total == 0) {
        return 0;
    }
    double busiest = 0, latency = 0;
    for (std::size_t d = 0; d < c.devices.size(); ++d) {
        const std::int64_t up = load.links.sentBytes[d], down = load.links.receivedBytes[d];
        const double bytes = double(std::max(up, down));
        busiest = std::max(busiest, bytes * 8 / c.devices[d].linkBitsPerSecond);
        if (up > 0 || down > 0) {
            latency = std::max(latency, c.devices[d].linkLatencySeconds);
        }
    }
    if (c.sharedMedium) {
        busiest = double(load.total) * 8 / c.mediumBitsPerSecond;
    }
    return busiest + 2 * latency;
}

// Bytes of the parts of `need` that `layout` holds on other devices.
void redistribute(const Layout& layout, const Layout& need, Load& load) {
    for (const auto& n : need) {
        for (const auto& p : layout) {
            if (p.device != n.device) {
                const std::int64_t elements = partition::intersect(p.region, n.region).elements();
                if (elements > 0) {
                    load.add(p.device, n.device, elements * std::int64_t(sizeof(float)));
                }
            }
        }
    }
}

struct Measured {
    Option option;
    std::map<std::string, Layout> reads;     // values produced before the stage, as each task reads them
    std::map<std::string, Layout> publishes; // values it leaves for later stages
    bool ok = false;
};

Measured measure(const model::Model& model, const partition::WeightCensus& census, const cost::Cluster& c,
                 Option option) {
    Measured m;
    auto program = partition::compileStage(model, option.stage, c, &census);
    if (!program) {
        return m;
    }
    const std::size_t devices = c.devices.size();
    std::vector<std::set<std::string>> slices(devices);
    std::vector<double> compute(devices, 0);
    option.weightBytes.assign(devices, 0);
    option.arenaBytes.assign(devices, 0);
    Load internal(c), fromGateway(c), results(c);
    std::set<std::string> graphInputs;
    for (const auto& in : model.graph.inputs) {
        graphInputs.insert(in.name);
    }
    for (const auto& task : program->tasks) {
        const std::size_t d = std::size_t(task.device);
        for (const auto& w : task.weights) {
            if (slices[d].insert(w.name).second) {
                option.weightBytes[d] += w.storedBytes; // as stored: CSR for pruned weights
            }
        }
        option.arenaBytes[d] = std::max(option.arenaBytes[d], task.arenaBytes);
        compute[d] += sim::taskSeconds(task, c.devices[d]);
        for (const auto& input : task.inputs) {
            for (const auto& s : input.sources) {
                const auto& piece = program->pieces[std::size_t(s.piece)];
                const int from = program->pieceDevice(s.piece);
                const std::int64_t bytes = s.part.elements() * std::int64_t(sizeof(float));
                if (piece.task >= 0) {
                    if (from != task.device) {
                        internal.add(from, task.device, bytes);
                    }
                } else if (graphInputs.count(piece.value)) {
                    if (from != task.device) {
                        fromGateway.add(from, task.device, bytes);
                    }
                } else {
                    m.reads[piece.value].push_back({s.part, task.device});
                }
            }
        }
    }
    std::set<std::string> graphOutputs;
    for (const auto& out : model.graph.outputs) {
        graphOutputs.insert(out.name);
    }
    for (const auto& [value, pieces] : program->published) {
        for (int p : pieces) {
            const auto& piece = program->pieces[std::size_t(p)];
            if (piece.task < 0) {
                continue;
            }
            const int device = program->pieceDevice(p);
            m.publishes[value].push_back({piece.region, device});
            if (graphOutputs.count(value) && device != c.gateway) {
                results.add(device, c.gateway, piece.region.elements() * std::int64_t(sizeof(float)));
            }
        }
    }
    for (auto& [value, layout] : m.reads) {
        std::sort(layout.begin(), layout.end());
    }
    for (auto& [value, layout] : m.publishes) {
        std::sort(layout.begin(), layout.end());
    }
    option.ownBytes = internal.total + fromGateway.total + results.total;
    option.ownSeconds = *std::max_element(compute.begin(), compute.end()) + seconds(internal, c) +
                        seconds(fromGateway, c) + seconds(results, c);
    option.computeSeconds = compute;
    for (const Load* load : {&internal, &fromGateway, &results}) {
        accumulate(option.links, load->links);
    }
    m.option = std::move(option);
    m.ok = true;
    return m;
}

bool joinsPrevious(const model::Graph& g, std::size_t i, const std::map<std::string, int>& readers) {
    static const std::set<std::string> kOps = {
        "BatchNormalization", "Relu",      "LeakyRelu", "Clip",     "Sigmoid",
        "HardSigmoid",        "HardSwish", "Tanh",      "Identity", "Dropout"};
    const model::Node& n = g.nodes[i];
    if (i == 0 || !kOps.count(n.opType) || n.inputs.empty()) {
        return false;
    }
    const std::string& previous = g.nodes[i - 1].outputs[0];
    if (n.inputs[0] != previous || readers.at(previous) != 1) {
        return false;
    }
    const bool output =
        std::any_of(g.outputs.begin(), g.outputs.end(), [&](const auto& o) { return o.name == previous; });
    return !output && std::all_of(n.inputs.begin() + 1, n.inputs.end(),
                                  [&](const std::string& in) { return in.empty() || g.isInitializer(in); });
}

// Tiles of the grid spread over the devices largest first, each to the device that finishes it first.
std::vector<int> spreadTiles(const std::vector<Region>& cells, const cost::Cluster& c) {
    std::vector<std::size_t> order(cells.size());
    for (std::size_t t = 0; t < order.size(); ++t) {
        order[t] = t;
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return cells[a].elements() > cells[b].elements(); });
    std::vector<double> finish(c.devices.size(), 0);
    std::vector<int> devices(cells.size(), 0);
    for (std::size_t t : order) {
        std::size_t best = 0;
        for (std::size_t d = 0; d < finish.size(); ++d) {
            const double end = finish[d] + double(cells[t].elements()) / c.devices[d].macsPerSecond;
            if (end < finish[best] + double(cells[t].elements()) / c.devices[best].macsPerSecond) {
                best = d;
            }
        }
        finish[best] += double(cells[t].elements()) / c.devices[best].macsPerSecond;
        devices[t] = int(best);
    }
    return devices;
}

} // namespace

std::vector<Unit> graphUnits(const model::Graph& g) {
    std::map<std::string, int> readers;
    for (const auto& n : g.nodes) {
        for (const auto& in : n.inputs) {
            ++readers[in];
        }
    }
    std::vector<Unit> units;
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        if (!units.empty() && joinsPrevious(g, i, readers)) {
            units.back().last = i;
        } else {
            units.push_back({i, i});
        }
    }
    return units;
}

Expected<Problem> buildProblem(const model::Model& model, const cost::Cluster& c,
                               const CandidateOptions& opt) {
    if (const auto problems = c.problems(); !problems.empty()) {
        return Error{ErrorCode::InvalidArgument, "cluster: " + problems.front()};
    }
    const model::Graph& g = model.graph;
    const auto units = graphUnits(g);
    const std::size_t devices = c.devices.size();
    Problem problem;
    problem.units = units.size();
    for (const auto& u : units) {
        problem.unitNames.push_back(g.nodes[u.first].name);
    }
    for (const auto& d : c.devices) {
        problem.deviceNames.push_back(d.name);
        problem.budgetBytes.push_back(d.memoryBytes);
        problem.overheadBytes.push_back(d.runtimeOverheadBytes);
        problem.messageSecondsPerByte.push_back(sim::messageSeconds(1, d));
    }
    // the gateway takes in each frame's graph inputs and sends out its results
    std::int64_t frameBytes = 0;
    for (const auto* values : {&g.inputs, &g.outputs}) {
        for (const auto& v : *values) {
            frameBytes +=
                std::max<std::int64_t>(0, model::elementCount(v.shape)) * std::int64_t(sizeof(float));
        }
    }
    problem.gateway = c.gateway;
    problem.frameSeconds.assign(devices, 0);
    problem.frameSeconds[std::size_t(c.gateway)] =
        sim::messageSeconds(frameBytes, c.devices[std::size_t(c.gateway)]);

    // the candidate stages
    std::vector<Option> candidates;
    auto add = [&](Stage s, std::size_t a, std::size_t b, const std::string& label) {
        s.first = units[a].first;
        s.last = units[b].last;
        if (partition::validateStage(s, g, c).empty()) {
            Option o;
            o.stage = std::move(s);
            o.firstUnit = a;
            o.lastUnit = b;
            o.label = label + " " + g.nodes[units[a].first].name + ".." + g.nodes[units[b].last].name;
            candidates.push_back(std::move(o));
        }
    };
    std::vector<double> equal(devices, 1.0), speed;
    for (const auto& d : c.devices) {
        speed.push_back(d.macsPerSecond);
    }
    const bool uniform =
        std::all_of(speed.begin(), speed.end(), [&](double s) { return s == speed.front(); });
    for (std::size_t a = 0; a < units.size(); ++a) {
        const std::size_t before = candidates.size();
        if (opt.channelSplits && devices > 1) {
            for (const auto& [weights, name] : {std::pair{equal, "equal"}, std::pair{speed, "by speed"}}) {
                if (name == std::string("by speed") && uniform) {
                    continue;
                }
                Stage lop;
                lop.kind = StageKind::Lop;
                const auto& out = g.value(g.nodes[units[a].last].outputs[0])->shape;
                lop.channelCuts = partition::proportionalCuts(out.size() > 1 ? out[1] : 0, weights);
                Stage lip;
                lip.kind = StageKind::Lip;
                const auto& first = g.nodes[units[a].first];
                const model::ValueInfo* in = first.inputs.empty() ? nullptr : g.value(first.inputs[0]);
                lip.channelCuts =
                    partition::proportionalCuts(in && in->shape.size() > 1 ? in->shape[1] : 0, weights);
                lip.reducer = c.gateway;
                for (Stage* s : {&lop, &lip}) {
                    if (s->channelCuts.size() + 1 == devices) {
                        for (std::size_t d = 0; d < devices; ++d) {
                            s->devices.push_back(int(d));
                        }
                        add(*s, a, a, std::string(partition::toString(s->kind)) + " " + name + ":");
                    }
                }
            }
        }
        for (std::size_t b = a; b < units.size() && b < a + std::size_t(opt.maxTileUnits); ++b) {
            const bool tileable =
                std::all_of(g.nodes.begin() + std::ptrdiff_t(units[b].first),
                            g.nodes.begin() + std::ptrdiff_t(units[b].last) + 1,
                            [&](const model::Node& n) { return !partition::tileProblem(g, n); });
            if (!tileable) {
                break;
            }
            const auto& out = g.value(g.nodes[units[b].last].outputs[0])->shape;
            for (int grid : opt.grids) {
                if (out[2] < grid || out[3] < grid || grid < 2) {
                    continue;
                }
                Stage s;
                s.kind = StageKind::Tiles;
                s.rowCuts = partition::uniformCuts(out[2], grid);
                s.colCuts = partition::uniformCuts(out[3], grid);
                std::vector<Region> cells;
                for (const auto& r : partition::rangesFromCuts(out[2], s.rowCuts)) {
                    for (const auto& col : partition::rangesFromCuts(out[3], s.colCuts)) {
                        cells.push_back(Region{{{0, out[0]}, {0, out[1]}, r, col}});
                    }
                }
                s.devices = spreadTiles(cells, c);
                const std::string name = "tiles " + std::to_string(grid) + "x" + std::to_string(grid);
                add(s, a, b, name + ":");
                if (opt.dataReuse && b > a) {
                    s.reuse = true;
                    add(s, a, b, name + " reuse:");
                }
            }
        }
        const bool split = candidates.size() > before;
        for (std::size_t d = 0; d < devices; ++d) {
            if (opt.wholeLayers || (!split && int(d) == c.gateway)) {
                Stage s;
                s.devices = {int(d)};
                add(s, a, a, "device " + c.devices[d].name + ":");
            }
        }
    }

    // measured in parallel
    std::vector<Measured> measured(candidates.size());
    std::atomic<std::size_t> next{0}, done{0};
    std::atomic<bool> cancelled{false};
    std::mutex progressMutex;
    const partition::WeightCensus census(model.graph);
    auto work = [&] {
        for (std::size_t i = next++; i < candidates.size() && !cancelled; i = next++) {
            measured[i] = measure(model, census, c, candidates[i]);
            if (opt.stop && opt.stop->stopRequested()) {
                cancelled = true;
            }
            const std::size_t finished = ++done;
            if (opt.progress && finished % 16 == 0) {
                std::lock_guard<std::mutex> lock(progressMutex);
                opt.progress(double(finished) / double(candidates.size()), "measuring candidate stages");
            }
        }
    };
    std::vector<std::thread> threads;
    for (int t = 1; t < std::max(1, opt.threads); ++t) {
        threads.emplace_back(work);
    }
    work();
    for (auto& t : threads) {
        t.join();
    }
    if (cancelled) {
        return Error{ErrorCode::Cancelled, "cancelled while measuring candidate stages"};
    }

    std::vector<std::size_t> unitOf(g.nodes.size());
    for (std::size_t u = 0; u < units.size(); ++u) {
        for (std::size_t n = units[u].first; n <= units[u].last; ++n) {
            unitOf[n] = u;
        }
    }
    std::vector<const Measured*> kept;
    for (auto& m : measured) {
        if (m.ok) {
            problem.options.push_back(m.option);
            kept.push_back(&m);
        }
    }
    // exchanges: one per (value, first unit of the reading option)
    std::map<std::string, std::vector<std::pair<int, const Layout*>>> producersOf;
    for (std::size_t o = 0; o < kept.size(); ++o) {
        for (const auto& [value, layout] : kept[o]->publishes) {
            producersOf[value].push_back({int(o), &layout});
        }
    }
    std::map<std::pair<std::string, std::size_t>, std::vector<std::pair<int, const Layout*>>> readersOf;
    for (std::size_t o = 0; o < kept.size(); ++o) {
        for (const auto& [value, layout] : kept[o]->reads) {
            readersOf[{value, problem.options[o].firstUnit}].push_back({int(o), &layout});
        }
    }
    for (const auto& [where, readers] : readersOf) {
        Exchange x;
        std::vector<const Layout*> layouts, needs;
        std::map<std::string, int> layoutIndex, needIndex;
        for (const auto& [o, layout] : producersOf[where.first]) {
            const auto [it, added] = layoutIndex.emplace(key(*layout), int(layouts.size()));
            if (added) {
                layouts.push_back(layout);
            }
            x.producers.push_back({o, it->second});
        }
        for (const auto& [o, need] : readers) {
            const auto [it, added] = needIndex.emplace(key(*need), int(needs.size()));
            if (added) {
                needs.push_back(need);
            }
            x.readers.push_back({o, it->second});
        }
        for (const Layout* layout : layouts) {
            x.bytes.emplace_back();
            x.seconds.emplace_back();
            x.links.emplace_back();
            for (const Layout* need : needs) {
                Load load(c);
                redistribute(*layout, *need, load);
                x.bytes.back().push_back(load.total);
                x.seconds.back().push_back(seconds(load, c));
                x.links.back().push_back(load.links);
            }
        }
        problem.exchanges.push_back(std::move(x));
    }
    return problem;
}

partition::Plan toPlan(const Problem& problem, const std::vector<int>& chosen) {
    std::vector<int> order = chosen;
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return problem.options[std::size_t(a)].firstUnit < problem.options[std::size_t(b)].firstUnit;
    });
    partition::Plan plan;
    for (int o : order) {
        const Stage& s = problem.options[std::size_t(o)].stage;
        if (!plan.stages.empty() && s.kind == StageKind::Device &&
            plan.stages.back().kind == StageKind::Device && plan.stages.back().devices == s.devices &&
            plan.stages.back().last + 1 == s.first) {
            plan.stages.back().last = s.last;
        } else {
            plan.stages.push_back(s);
        }
    }
    return plan;
}

} // namespace tessera::optimize
