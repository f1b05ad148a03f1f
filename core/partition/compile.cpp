// Plan -> Program: one task per tile, slice or whole stage (plus LIP reductions), with the pieces they
// produce and where every input region comes from.

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <optional>
#include <set>
#include <system_error>
#include <thread>
#include <tuple>

#include "core/partition/program.h"
#include "core/partition/task_builder.h"

namespace tessera::partition {
namespace {

using detail::Band;
using detail::RangeGeometry;
using detail::TaskBuilder;
using model::Graph;
using model::Node;
using model::Shape;

// Calls fn(i) for every i in [0, n), on up to `threads` threads when there is enough to share (the tiles
// of a block: each task is built on its own). The first exception thrown is rethrown once all are done.
template <typename Fn> void forEachIndex(std::size_t n, std::size_t threads, const Fn& fn) {
    threads = std::min(threads, n / 2);
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto work = [&] {
        for (std::size_t i = next++; i < n; i = next++) {
            try {
                fn(i);
            } catch (...) {
                const std::lock_guard lock(failureMutex);
                failure = failure ? failure : std::current_exception();
            }
        }
    };
    {
        std::vector<std::jthread> helpers;
        for (std::size_t k = 1; k < threads; ++k) {
            try {
                helpers.emplace_back(work);
            } catch (const std::system_error&) {
                break; // no more threads to be had: those started and this one do the rest
            }
        }
        work();
    }
    if (failure) {
        std::rethrow_exception(failure);
    }
}

class Compiler {
public:
    Compiler(const model::Model& model, const Plan& plan, const cost::Cluster& cluster,
             const WeightCensus* census)
        : m_g(model.graph)
        , m_ownCensus(census ? std::nullopt : std::make_optional<WeightCensus>(model.graph))
        , m_census(census ? *census : *m_ownCensus)
        , m_opset(model.opset)
        , m_plan(plan) {
        m_program.gateway = cluster.gateway;
        m_program.opset = model.opset;
        for (std::size_t i = 0; i < m_g.nodes.size(); ++i) {
            for (const auto& in : m_g.nodes[i].inputs) {
                m_readers[in].push_back(i);
            }
        }
    }

    Expected<Program> run() {
        m_threads = std::max(1U, std::thread::hardware_concurrency());
        // graph inputs (and constant graph outputs) are on the gateway from the start
        for (const auto& in : m_g.inputs) {
            addGatewayPiece(in.name);
        }
        for (const auto& out : m_g.outputs) {
            if (m_g.isInitializer(out.name)) {
                addGatewayPiece(out.name);
            }
        }
        for (std::size_t s = 0; s < m_plan.stages.size(); ++s) {
            compileStage(int(s));
        }
        for (const auto& out : m_g.outputs) {
            TaskInput result{out.name, out.name, Region::full(out.shape), {}};
            if (auto s = resolve(result); !s) {
                return s.error();
            }
            m_program.results.push_back(std::move(result));
        }
        if (!m_error.empty()) {
            return Error{ErrorCode::InvalidArgument, m_error};
        }
        return std::move(m_program);
    }

    // The plan's only stage, with every value it reads from outside whole on the gateway; no results.
    Expected<Program> runAlone() {
        const Stage& stage = m_plan.stages.front();
        for (std::size_t n = stage.first; n <= stage.last; ++n) {
            for (const auto& in : m_g.nodes[n].inputs) {
                const auto producer = in.empty() ? std::nullopt : m_g.producer(in);
                if (!in.empty() && !m_g.isInitializer(in) && !m_program.published.count(in) &&
                    (!producer || *producer < stage.first)) {
                    addGatewayPiece(in);
                }
            }
        }
        compileStage(0);
        if (!m_error.empty()) {
            return Error{ErrorCode::InvalidArgument, m_error};
        }
        return std::move(m_program);
    }

private:
    const Shape& shapeOf(const std::string& value) const { return m_g.value(value)->shape; }

    void compileStage(int s) {
        const StageKind kind = m_plan.stages[std::size_t(s)].kind;
        if (kind == StageKind::Device) {
            compileDevice(s);
        } else if (kind == StageKind::Lip) {
            compileLip(s);
        } else {
            compileSplit(s);
        }
    }

    void addGatewayPiece(const std::string& value) {
        m_program.published[value].push_back(int(m_program.pieces.size()));
        m_program.pieces.push_back({value, Region::full(shapeOf(value)), -1, value});
    }

    // Values produced in the stage and read after it (or graph outputs).
    std::vector<std::string> escaping(const Stage& s) const {
        std::set<std::string> graphOutputs;
        for (const auto& o : m_g.outputs) {
            graphOutputs.insert(o.name);
        }
        std::vector<std::string> values;
        for (std::size_t n = s.first; n <= s.last; ++n) {
            for (const auto& out : m_g.nodes[n].outputs) {
                auto it = m_readers.find(out);
                const bool readLater =
                    it != m_readers.end() && std::any_of(it->second.begin(), it->second.end(),
                                                         [&](std::size_t r) { return r > s.last; });
                if (!out.empty() && (readLater || graphOutputs.count(out))) {
                    values.push_back(out);
                }
            }
        }
        return values;
    }

    // Fills the sources of an input from the published pieces of its value.
    Status resolve(TaskInput& input) const {
        if (!input.sources.empty()) {
            return {};
        }
        auto owners = m_program.published.find(input.value);
        std::int64_t covered = 0;
        if (owners != m_program.published.end()) {
            for (int p : owners->second) {
                Region part = intersect(m_program.pieces[std::size_t(p)].region, input.region);
                if (!part.empty()) {
                    covered += part.elements();
                    input.sources.push_back({p, std::move(part)});
                }
            }
        }
        if (covered != input.region.elements()) {
            return Error{ErrorCode::InvalidArgument, "internal: no producer covers region " +
                                                         input.region.toString() + " of '" + input.value +
                                                         "'"};
        }
        return {};
    }

    // Adds a built task; outputs whose index is in `published` become the value's published pieces.
    int addTask(TaskBuilder& builder, int stage, int cell, int device, TaskRole role,
                std::size_t publishedCount) {
        const auto outputs = builder.outputRegions();
        return addTask(builder.finish(), outputs, stage, cell, device, role, publishedCount);
    }
    int addTask(Task task, const std::vector<std::pair<std::string, Region>>& outputs, int stage, int cell,
                int device, TaskRole role, std::size_t publishedCount) {
        task.stage = stage;
        task.cell = cell;
        task.device = device;
        task.role = role;
        for (auto& input : task.inputs) {
            if (auto s = resolve(input); !s && m_error.empty()) {
                m_error = s.error().message;
            }
        }
        const int id = int(m_program.tasks.size());
        for (std::size_t k = 0; k < outputs.size(); ++k) {
            const int piece = int(m_program.pieces.size());
            m_program.pieces.push_back({outputs[k].first, outputs[k].second, id, task.graph.outputs[k].name});
            task.outputs.push_back(piece);
            if (k < publishedCount) {
                m_program.published[outputs[k].first].push_back(piece);
            }
        }
        m_program.tasks.push_back(std::move(task));
        return id;
    }

    std::string taskName(int stage, const std::string& what) const {
        return "stage" + std::to_string(stage + 1) + "/" + what;
    }

    void compileDevice(int s) {
        const Stage& stage = m_plan.stages[std::size_t(s)];
        const auto outputs = escaping(stage);
        std::map<std::string, Region> requests;
        for (const auto& v : outputs) {
            requests[v] = Region::full(shapeOf(v));
        }
        const RangeGeometry geo = detail::backPropagate(m_g, stage.first, stage.last, requests);
        TaskBuilder b(m_g, m_census, m_opset, taskName(s, "whole"));
        b.inputRegions = geo.need;
        b.addRange(stage.first, stage.last, geo);
        for (const auto& v : outputs) {
            b.addOutput(v, requests[v]);
        }
        addTask(b, s, 0, stage.devices.front(), TaskRole::Compute, outputs.size());
    }

    void compileSplit(int s);
    void compileLip(int s);

    const Graph& m_g;
    std::optional<WeightCensus> m_ownCensus; // when the caller gave none
    const WeightCensus& m_census;
    std::int64_t m_opset;
    const Plan& m_plan;
    Program m_program;
    std::map<std::string, std::vector<std::size_t>> m_readers;
    std::string m_error;
    // Threads for a block's tiles: compile() of a whole plan uses the machine's; compileStage() one (the
    // optimizer calls it for thousands of candidates from its own threads).
    std::size_t m_threads = 1;
};

// Cell bounds of every value of a tile stage: the output's cut lines mapped back through each node to the
// input position under its kernel's centre. bounds[value][axis - 2] has rows+1 (columns+1) entries.
using Bounds = std::map<std::string, std::array<std::vector<std::int64_t>, 2>>;

Bounds cellBounds(const Graph& g, const Stage& stage) {
    Bounds bounds;
    const std::string& last = g.nodes[stage.last].outputs[0];
    const Shape& shape = g.value(last)->shape;
    for (int k = 0; k < 2; ++k) {
        auto& b = bounds[last][std::size_t(k)];
        b.push_back(0);
        const auto& cuts = k == 0 ? stage.rowCuts : stage.colCuts;
        b.insert(b.end(), cuts.begin(), cuts.end());
        b.push_back(shape[std::size_t(2 + k)]);
    }
    for (std::size_t n = stage.last + 1; n-- > stage.first;) {
        const Node& node = g.nodes[n];
        auto out = bounds.find(node.outputs[0]);
        if (out == bounds.end()) {
            continue;
        }
        const auto outBounds = out->second;
        for (std::size_t input = 0; input < node.inputs.size(); ++input) {
            const std::string& in = node.inputs[input];
            if (in.empty() || g.isInitializer(in) || bounds.count(in) || g.value(in)->shape.size() != 4) {
                continue;
            }
            auto& mapped = bounds[in];
            for (int k = 0; k < 2; ++k) {
                const std::int64_t extent = g.value(in)->shape[std::size_t(2 + k)];
                const auto& ob = outBounds[std::size_t(k)];
                auto& b = mapped[std::size_t(k)];
                for (std::size_t i = 0; i < ob.size(); ++i) {
                    const std::int64_t p = i == 0               ? 0
                                           : i + 1 == ob.size() ? extent
                                                                : mapCutToInput(g, node, input, 2 + k, ob[i]);
                    b.push_back(std::clamp<std::int64_t>(p, b.empty() ? 0 : b.back(), extent));
                }
            }
        }
    }
    return bounds;
}

// Strips of `need` around `own` (own inside need, both 4-D, same batch and channels): top and bottom bands
// span the full width, left and right bands the rows of `own`. An empty `own` gives `need` as one band.
std::vector<Region> bandsAround(const Region& need, const Region& own) {
    if (own.empty()) {
        return {need};
    }
    std::vector<Region> bands;
    auto add = [&](Range rows, Range cols) {
        Region b = need;
        b[2] = rows;
        b[3] = cols;
        if (!b.empty()) {
            bands.push_back(b);
        }
    };
    add({need[2].begin, own[2].begin}, need[3]);
    add({own[2].end, need[2].end}, need[3]);
    add(own[2], {need[3].begin, own[3].begin});
    add(own[2], {own[3].end, need[3].end});
    return bands;
}

void Compiler::compileSplit(int s) {
    const Stage& stage = m_plan.stages[std::size_t(s)];
    const std::string& last = m_g.nodes[stage.last].outputs[0];
    const Region whole = Region::full(shapeOf(last));
    std::vector<Region> cells;
    if (stage.kind == StageKind::Tiles) {
        const auto rows = rangesFromCuts(whole[2].end, stage.rowCuts);
        const auto cols = rangesFromCuts(whole[3].end, stage.colCuts);
        for (const auto& r : rows) {
            for (const auto& c : cols) {
                Region cell = whole;
                cell[2] = r;
                cell[3] = c;
                cells.push_back(cell);
            }
        }
    } else {
        for (const auto& c : rangesFromCuts(whole[1].end, stage.channelCuts)) {
            Region cell = whole;
            cell[1] = c;
            cells.push_back(cell);
        }
    }
    const int columns = stage.columns();
    auto isOdd = [&](std::size_t t) { return stage.reuse && (int(t) / columns + int(t) % columns) % 2 == 1; };

    std::vector<RangeGeometry> geo(cells.size());
    for (std::size_t t = 0; t < cells.size(); ++t) {
        if (!isOdd(t)) {
            geo[t] = detail::backPropagate(m_g, stage.first, stage.last, {{last, cells[t]}});
        }
    }
    if (stage.reuse) {
        const Bounds bounds = cellBounds(m_g, stage);
        std::map<std::string, std::size_t> producer;
        for (std::size_t n = stage.first; n <= stage.last; ++n) {
            producer[m_g.nodes[n].outputs[0]] = n;
        }
        for (std::size_t t = 0; t < cells.size(); ++t) {
            if (!isOdd(t)) {
                continue;
            }
            const int row = int(t) / columns, col = int(t) % columns;
            // even tiles nearest first: the direct neighbours hold the strips a tile needs
            std::vector<std::size_t> evens;
            for (std::size_t e = 0; e < cells.size(); ++e) {
                if (!isOdd(e)) {
                    evens.push_back(e);
                }
            }
            std::stable_sort(evens.begin(), evens.end(), [&](std::size_t a, std::size_t b) {
                auto distance = [&](std::size_t e) {
                    return std::abs(int(e) / columns - row) + std::abs(int(e) % columns - col);
                };
                return distance(a) < distance(b);
            });
            auto shrink = [&](const std::string& value, const Region& need, RangeGeometry& g) -> Region {
                auto b = bounds.find(value);
                if (value == last || !producer.count(value) || b == bounds.end()) {
                    return need;
                }
                Region cell = need;
                cell[2] = {b->second[0][std::size_t(row)], b->second[0][std::size_t(row) + 1]};
                cell[3] = {b->second[1][std::size_t(col)], b->second[1][std::size_t(col) + 1]};
                const Region own = intersect(need, cell);
                if (own == need) {
                    return need;
                }
                std::vector<Band> sourced;
                for (const Region& band : bandsAround(need, own)) {
                    auto from = std::find_if(evens.begin(), evens.end(), [&](std::size_t e) {
                        auto computed = geo[e].nodes.find(producer.at(value));
                        return computed != geo[e].nodes.end() && contains(computed->second.compute, band);
                    });
                    if (from == evens.end()) {
                        return need; // no neighbour computed this strip: compute it here
                    }
                    sourced.push_back({band, int(*from)});
                }
                g.own[value] = own;
                g.bands[value] = std::move(sourced);
                return own;
            };
            geo[t] = detail::backPropagate(m_g, stage.first, stage.last, {{last, cells[t]}}, shrink);
        }
    }

    // strips each even tile must publish for its odd neighbours, and the pieces that carry them
    std::vector<std::vector<std::pair<std::string, Region>>> strips(cells.size());
    for (std::size_t t = 0; t < cells.size(); ++t) {
        for (const auto& [value, bands] : geo[t].bands) {
            for (const Band& band : bands) {
                auto& list = strips[std::size_t(band.tile)];
                if (std::find(list.begin(), list.end(), std::make_pair(value, band.region)) == list.end()) {
                    list.emplace_back(value, band.region);
                }
            }
        }
    }
    std::map<std::tuple<int, std::string, std::string>, int> stripPiece;
    // Even tiles first (odd ones read their strips): the tasks of one parity are built side by side, then
    // added in tile order, so the program is the same however many threads built it.
    for (int parity : {0, 1}) {
        std::vector<std::size_t> tiles;
        for (std::size_t t = 0; t < cells.size(); ++t) {
            if ((isOdd(t) ? 1 : 0) == parity) {
                tiles.push_back(t);
            }
        }
        std::vector<Task> built(tiles.size());
        std::vector<std::vector<std::pair<std::string, Region>>> outputs(tiles.size());
        forEachIndex(tiles.size(), m_threads, [&](std::size_t i) {
            const std::size_t t = tiles[i];
            TaskBuilder b(
                m_g, m_census, m_opset,
                taskName(s, (stage.kind == StageKind::Tiles ? "tile" : "slice") + std::to_string(t)));
            b.inputRegions = geo[t].need;
            b.addRange(stage.first, stage.last, geo[t], [&](const std::string& value, const Band& band) {
                return stripPiece.at({band.tile, value, band.region.toString()});
            });
            b.addOutput(last, cells[t]);
            for (const auto& [value, region] : strips[t]) {
                b.addOutput(value, region);
            }
            outputs[i] = b.outputRegions();
            built[i] = b.finish();
        });
        for (std::size_t i = 0; i < tiles.size(); ++i) {
            const std::size_t t = tiles[i];
            const int id =
                addTask(std::move(built[i]), outputs[i], s, int(t), stage.devices[t], TaskRole::Compute, 1);
            Task& task = m_program.tasks[std::size_t(id)];
            task.stealable = stage.stealing;
            task.schedule = parity;
            for (std::size_t k = 0; k < strips[t].size(); ++k) {
                stripPiece[{int(t), strips[t][k].first, strips[t][k].second.toString()}] =
                    task.outputs[k + 1];
            }
        }
    }
}

void Compiler::compileLip(int s) {
    const Stage& stage = m_plan.stages[std::size_t(s)];
    const Node& split = m_g.nodes[stage.first];
    const std::string& x = split.inputs[0];
    const std::string& out = split.outputs[0];
    const Shape& outShape = shapeOf(out);
    const auto slices = rangesFromCuts(shapeOf(x)[1], stage.channelCuts);

    std::vector<int> partials;
    for (std::size_t k = 0; k < slices.size(); ++k) {
        TaskBuilder b(m_g, m_census, m_opset, taskName(s, "part" + std::to_string(k)));
        Region xr = Region::full(shapeOf(x));
        xr[1] = slices[k];
        b.addInput(x, x, xr);
        b.hold(x, x, xr);
        Node part = split;
        part.inputs.resize(2); // the bias is added once, after the sum
        const Shape& w = shapeOf(split.inputs[1]);
        Region wr = Region::full(w);
        if (split.opType == "Conv") {
            wr[1] = slices[k];
        } else {
            wr[split.opType == "Gemm" && split.attrInt("transB", 0) ? 1 : 0] = slices[k];
        }
        part.inputs[1] = b.weight(split.inputs[1], wr);
        const std::string partial = out + "@partial" + std::to_string(k);
        part.outputs = {partial};
        b.addNode(part, {outShape});
        b.hold(partial, partial, Region::full(outShape));
        b.addOutput(partial, Region::full(outShape));
        const int id = addTask(b, s, int(k), stage.devices[k], TaskRole::Partial, 0);
        partials.push_back(m_program.tasks[std::size_t(id)].outputs.front());
    }

    TaskBuilder r(m_g, m_census, m_opset, taskName(s, "reduce"));
    const Region whole = Region::full(outShape);
    std::string sum;
    for (std::size_t k = 0; k < partials.size(); ++k) {
        const std::string name = m_program.pieces[std::size_t(partials[k])].value;
        r.addInput(name, name, whole, {Source{partials[k], whole}});
        if (k == 0) {
            sum = name;
            continue;
        }
        Node add;
        add.opType = "Add";
        add.name = out + "@sum";
        add.inputs = {sum, name};
        add.outputs = {out + "@sum" + std::to_string(k)};
        sum = add.outputs[0];
        r.addNode(add, {outShape});
    }
    const std::string bias = split.inputs.size() > 2 ? split.inputs[2] : std::string();
    if (!bias.empty()) {
        const Shape& b = shapeOf(bias);
        Node add;
        add.opType = "Add";
        add.name = out + "@bias";
        // a Conv bias [C] lines up with axis 1 as [C,1,1]; a Gemm's C broadcasts as it is
        const Shape shape = split.opType == "Conv" ? Shape{b[0], 1, 1} : Shape{};
        add.inputs = {sum, r.weight(bias, Region::full(b), shape)};
        add.outputs = {out + "@biased"};
        sum = add.outputs[0];
        r.addNode(add, {outShape});
    }
    r.hold(out, sum, whole);
    const auto outputs = escaping(stage);
    std::map<std::string, Region> requests;
    for (const auto& v : outputs) {
        requests[v] = Region::full(shapeOf(v));
    }
    if (stage.last > stage.first) {
        const RangeGeometry geo = detail::backPropagate(m_g, stage.first + 1, stage.last, requests);
        r.inputRegions = geo.need;
        r.addRange(stage.first + 1, stage.last, geo);
    }
    for (const auto& v : outputs) {
        r.addOutput(v, requests[v]);
    }
    addTask(r, s, -1, stage.reducerDevice(), TaskRole::Reduce, outputs.size());
}

} // namespace

Expected<Program> compile(const model::Model& model, const Plan& plan, const cost::Cluster& cluster,
                          const WeightCensus* census) {
    if (auto s = checkPlan(plan, model.graph, cluster); !s) {
        return s.error();
    }
    return Compiler(model, plan, cluster, census).run();
}

Expected<Program> compileStage(const model::Model& model, const Stage& stage, const cost::Cluster& cluster,
                               const WeightCensus* census) {
    if (const auto problems = validateStage(stage, model.graph, cluster); !problems.empty()) {
        return Error{ErrorCode::InvalidArgument, problems.front()};
    }
    Plan plan;
    plan.stages = {stage};
    return Compiler(model, plan, cluster, census).runAlone();
}

} // namespace tessera::partition
