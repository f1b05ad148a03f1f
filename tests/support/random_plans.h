#pragma once
// Test helpers for partitioned execution: random small CNNs (as real ONNX files, so they go through import),
// random valid plans for any graph, and the comparison of a partitioned run with the whole-model run.

#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "core/exec/net.h"
#include "core/partition/executor.h"
#include "core/partition/geometry.h"
#include "core/partition/plan.h"
#include "support/onnx_builder.h"

namespace tessera::partition {
// QCOMPARE prints regions and ranges readably.
inline char* toString(const Region& r) {
    return qstrdup(r.toString().c_str());
}
inline char* toString(const Range& r) {
    return qstrdup((std::to_string(r.begin) + ":" + std::to_string(r.end)).c_str());
}
} // namespace tessera::partition

namespace tessera::test {

// Builds a random CNN from `seed`: convolutions of random kernel/stride/padding/dilation/groups (including
// depthwise), BatchNormalization, activations, max/average pooling (with and without ceil_mode), residual
// Adds, channel Concats of two branches, LRN, then global pooling, Flatten and a Gemm.
inline OnnxBuilder randomCnn(std::uint32_t seed) {
    std::mt19937 rng(seed);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    auto values = [&](std::size_t n, float scale) {
        std::vector<float> v(n);
        std::uniform_real_distribution<float> u(-scale, scale);
        for (auto& x : v) {
            x = u(rng);
        }
        return v;
    };
    OnnxBuilder b(14); // HardSwish needs opset 14
    std::int64_t c = pick(1, 4), h = pick(9, 26), w = pick(9, 26);
    b.input("x", {std::int64_t(1), c, h, w});
    std::string cur = "x";
    int id = 0;
    auto name = [&](const std::string& what) { return what + std::to_string(id++); };
    auto conv = [&](const std::string& in, std::int64_t inC, std::int64_t outC, int k, int s, int p, int d,
                    int groups) {
        const std::string wn = name("w"), bn = name("b"), out = name("conv");
        b.weights(wn, {outC, inC / groups, k, k}, values(std::size_t(outC * (inC / groups) * k * k), 0.4f));
        b.weights(bn, {outC}, values(std::size_t(outC), 0.1f));
        auto& n = b.node("Conv", {in, wn, bn}, {out});
        OnnxBuilder::setInts(n, "kernel_shape", {k, k});
        OnnxBuilder::setInts(n, "strides", {s, s});
        // asymmetric now and then: one more column of padding on the left
        OnnxBuilder::setInts(n, "pads", {p, p + (pick(0, 3) == 0 ? 1 : 0), p, p});
        OnnxBuilder::setInts(n, "dilations", {d, d});
        OnnxBuilder::setInt(n, "group", groups);
        return out;
    };
    auto outSize = [](std::int64_t in, int k, int s, int p0, int p1, int d) {
        return (in + p0 + p1 - d * (k - 1) - 1) / s + 1;
    };
    const int blocks = pick(3, 6);
    for (int blk = 0; blk < blocks; ++blk) {
        const int kind = pick(0, 9);
        if (kind <= 3) { // conv (+BN) + activation
            const std::int64_t side = std::min(h, w);
            const int k = side >= 6   ? std::vector<int>{1, 3, 3, 5}[std::size_t(pick(0, 3))]
                          : side >= 3 ? pick(0, 1) * 2 + 1
                                      : 1;
            const int s = (h > 8 && pick(0, 3) == 0) ? 2 : 1;
            const int d = (k == 3 && pick(0, 4) == 0 && side > 12) ? 2 : 1;
            const int p = pick(0, k / 2 * d);
            const std::int64_t outC = pick(0, 2) == 0 ? c : pick(2, 8);
            const int groups = (c == outC && pick(0, 1) == 0) ? int(c) : 1; // depthwise
            const auto graphBefore = b.graph().node_size();
            cur = conv(cur, c, outC, k, s, p, d, groups);
            // the conv's bottom padding is p or p+1: read it back for the shape
            const auto& pads = b.graph().node(graphBefore).attribute(2).ints();
            h = outSize(h, k, s, int(pads[0]), int(pads[2]), d);
            w = outSize(w, k, s, int(pads[1]), int(pads[3]), d);
            c = outC;
            if (pick(0, 1) == 0) {
                const std::string out = name("bn");
                std::vector<float> var = values(std::size_t(c), 0.5f);
                for (auto& v : var) {
                    v = std::abs(v) + 0.5f;
                }
                const std::string s1 = name("g"), s2 = name("be"), s3 = name("m"), s4 = name("v");
                b.weights(s1, {c}, values(std::size_t(c), 1.f));
                b.weights(s2, {c}, values(std::size_t(c), 0.2f));
                b.weights(s3, {c}, values(std::size_t(c), 0.2f));
                b.weights(s4, {c}, var);
                b.node("BatchNormalization", {cur, s1, s2, s3, s4}, {out});
                cur = out;
            }
            const std::string act = std::vector<std::string>{"Relu", "LeakyRelu", "Sigmoid",
                                                             "HardSwish"}[std::size_t(pick(0, 3))];
            const std::string out = name("act");
            b.node(act, {cur}, {out});
            cur = out;
        } else if (kind <= 5 && h >= 4 && w >= 4) { // pooling
            const bool max = pick(0, 1) == 0;
            const int k = pick(2, 3), s = 2, p = k == 3 ? pick(0, 1) : 0;
            const bool ceil = pick(0, 1) == 0;
            const std::string out = name(max ? "maxpool" : "avgpool");
            auto& n = b.node(max ? "MaxPool" : "AveragePool", {cur}, {out});
            OnnxBuilder::setInts(n, "kernel_shape", {k, k});
            OnnxBuilder::setInts(n, "strides", {s, s});
            OnnxBuilder::setInts(n, "pads", {p, p, p, p});
            OnnxBuilder::setInt(n, "ceil_mode", ceil ? 1 : 0);
            if (!max) {
                OnnxBuilder::setInt(n, "count_include_pad", ceil ? 0 : pick(0, 1));
            }
            auto size = [&](std::int64_t in) {
                const std::int64_t span = in + 2 * p - k;
                std::int64_t o = (ceil ? (span + s - 1) / s : span / s) + 1;
                if (ceil && (o - 1) * s >= in + p) {
                    --o; // the last window would start in the padding
                }
                return o;
            };
            h = size(h);
            w = size(w);
            cur = out;
        } else if (kind <= 7) { // residual: x + act(conv3x3(x))
            const std::string a = conv(cur, c, c, 3, 1, 1, 1, 1);
            const std::string r = name("relu");
            b.node("Relu", {a}, {r});
            // conv() may have added a left padding column: undo it for a shape-preserving branch
            b.graph()
                .mutable_node(b.graph().node_size() - 2)
                ->mutable_attribute(2)
                ->mutable_ints()
                ->Set(1, 1);
            const std::string out = name("add");
            b.node("Add", {cur, r}, {out});
            cur = out;
        } else if (kind == 8) { // two 1x1 branches concatenated
            const std::int64_t c1 = pick(1, 4), c2 = pick(1, 4);
            std::string a = conv(cur, c, c1, 1, 1, 0, 1, 1);
            b.graph()
                .mutable_node(b.graph().node_size() - 1)
                ->mutable_attribute(2)
                ->mutable_ints()
                ->Set(1, 0);
            std::string bb = conv(cur, c, c2, 1, 1, 0, 1, 1);
            b.graph()
                .mutable_node(b.graph().node_size() - 1)
                ->mutable_attribute(2)
                ->mutable_ints()
                ->Set(1, 0);
            const std::string out = name("cat");
            auto& n = b.node("Concat", {a, bb}, {out});
            OnnxBuilder::setInt(n, "axis", 1);
            c = c1 + c2;
            cur = out;
        } else { // LRN
            const std::string out = name("lrn");
            auto& n = b.node("LRN", {cur}, {out});
            OnnxBuilder::setInt(n, "size", pick(1, 2) * 2 + 1);
            cur = out;
        }
    }
    const std::string gap = name("gap"), flat = name("flat"), wn = name("fcw"), bn = name("fcb");
    b.node("GlobalAveragePool", {cur}, {gap});
    b.node("Flatten", {gap}, {flat});
    const std::int64_t classes = pick(3, 12);
    b.weights(wn, {classes, c}, values(std::size_t(classes * c), 0.5f));
    b.weights(bn, {classes}, values(std::size_t(classes), 0.1f));
    auto& fc = b.node("Gemm", {flat, wn, bn}, {"y"});
    OnnxBuilder::setInt(fc, "transB", 1);
    b.output("y", 2);
    b.output(cur, 4); // the last feature map too: errors in tiles show there undiluted
    return b;
}

// True when a value produced by node `n` is read after node `last` or is a graph output.
inline bool escapesAfter(const model::Graph& g, std::size_t n, std::size_t last) {
    for (const auto& out : g.nodes[n].outputs) {
        for (const auto& o : g.outputs) {
            if (o.name == out) {
                return true;
            }
        }
        for (std::size_t r = last + 1; r < g.nodes.size(); ++r) {
            if (std::find(g.nodes[r].inputs.begin(), g.nodes[r].inputs.end(), out) !=
                g.nodes[r].inputs.end()) {
                return true;
            }
        }
    }
    return false;
}

// Random strictly increasing cut positions inside (0, extent), `parts - 1` of them.
inline std::vector<std::int64_t> randomCuts(std::mt19937& rng, std::int64_t extent, int parts) {
    std::vector<std::int64_t> all;
    for (std::int64_t p = 1; p < extent; ++p) {
        all.push_back(p);
    }
    std::shuffle(all.begin(), all.end(), rng);
    all.resize(std::size_t(std::clamp<std::int64_t>(parts - 1, 0, std::int64_t(all.size()))));
    std::sort(all.begin(), all.end());
    return all;
}

// A random valid plan over `devices` devices: stages of every kind wherever the graph allows them, random
// lengths, grids, cut lines, channel shares, device assignments, data reuse and work stealing.
inline partition::Plan randomPlan(const model::Graph& g, int devices, std::uint32_t seed) {
    using partition::Stage;
    using partition::StageKind;
    std::mt19937 rng(seed);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    auto device = [&] { return pick(0, devices - 1); };
    auto shapeOf = [&](const std::string& v) { return g.value(v)->shape; };
    partition::Plan plan;
    for (std::size_t i = 0; i < g.nodes.size();) {
        Stage s;
        s.first = i;
        const int kind = pick(0, 9);
        // the longest run from i of nodes accepted by `ok`, ending where nothing earlier escapes
        auto stageEnd = [&](auto ok, std::size_t maxLength) {
            std::size_t best = g.nodes.size();
            for (std::size_t e = i; e < g.nodes.size() && e < i + maxLength && ok(g.nodes[e]); ++e) {
                if (e > i && escapesAfter(g, e - 1, e)) {
                    break;
                }
                bool clean = true;
                for (std::size_t n = i; n < e && clean; ++n) {
                    clean = !escapesAfter(g, n, e);
                }
                if (clean) {
                    best = e;
                }
            }
            return best;
        };
        if (kind <= 2) {
            const std::size_t e = stageEnd(
                [&](const model::Node& n) { return !partition::tileProblem(g, n); }, std::size_t(pick(1, 8)));
            const auto shape = e < g.nodes.size() ? shapeOf(g.nodes[e].outputs[0]) : model::Shape{};
            if (e < g.nodes.size() && shape[2] * shape[3] > 1) {
                s.kind = StageKind::Tiles;
                s.last = e;
                s.rowCuts = randomCuts(rng, shape[2], pick(1, 4));
                s.colCuts = randomCuts(rng, shape[3], pick(1, 4));
                for (std::size_t t = 0; t < s.cells(); ++t) {
                    s.devices.push_back(device());
                }
                s.reuse = pick(0, 1) == 1;
                s.stealing = pick(0, 3) == 0;
            }
        } else if (kind <= 4) {
            const std::size_t e =
                stageEnd([&](const model::Node& n) { return !partition::channelSplitProblem(g, n); },
                         std::size_t(pick(1, 3)));
            if (e < g.nodes.size() && shapeOf(g.nodes[e].outputs[0])[1] >= 2) {
                s.kind = StageKind::Lop;
                s.last = e;
                s.channelCuts = randomCuts(rng, shapeOf(g.nodes[e].outputs[0])[1], pick(2, 4));
                for (std::size_t t = 0; t < s.cells(); ++t) {
                    s.devices.push_back(device());
                }
            }
        } else if (kind <= 6 && !partition::lipProblem(g, g.nodes[i]) &&
                   shapeOf(g.nodes[i].inputs[0])[1] >= 2) {
            s.kind = StageKind::Lip;
            s.last = std::min(g.nodes.size() - 1, i + std::size_t(pick(0, 2)));
            s.channelCuts = randomCuts(rng, shapeOf(g.nodes[i].inputs[0])[1], pick(2, 4));
            for (std::size_t t = 0; t < s.cells(); ++t) {
                s.devices.push_back(device());
            }
            s.reducer = pick(0, 1) ? device() : -1;
        }
        if (s.devices.empty()) {
            s.kind = StageKind::Device;
            s.last = std::min(g.nodes.size() - 1, i + std::size_t(pick(0, 4)));
            s.devices = {device()};
        }
        i = s.last + 1;
        plan.stages.push_back(s);
    }
    return plan;
}

struct Deviation {
    double maxAbs = 0, relativeL2 = 0, maxRef = 0;
};

inline Deviation deviation(const std::vector<float>& got, const std::vector<float>& want) {
    Deviation d;
    double num = 0, den = 0;
    for (std::size_t i = 0; i < want.size() && i < got.size(); ++i) {
        const double e = double(got[i]) - want[i];
        d.maxAbs = std::max(d.maxAbs, std::abs(e));
        d.maxRef = std::max(d.maxRef, double(std::abs(want[i])));
        num += e * e;
        den += double(want[i]) * want[i];
    }
    d.relativeL2 = den > 0 ? std::sqrt(num / den) : std::sqrt(num);
    if (got.size() != want.size()) {
        d.maxAbs = d.relativeL2 = INFINITY;
    }
    return d;
}

// The unpartitioned outputs of `m` for `inputs`, with the same engine.
inline std::map<std::string, std::vector<float>>
runWhole(const model::Model& m, const std::map<std::string, std::vector<float>>& inputs, int threads = 1) {
    auto net = exec::Net::load(m);
    std::map<std::string, std::vector<float>> outputs;
    if (!net) {
        return outputs;
    }
    exec::Session session(*net, threads);
    for (const auto& [name, data] : inputs) {
        if (!session.setInput(name, data.data(), data.size())) {
            return outputs;
        }
    }
    if (!session.run()) {
        return outputs;
    }
    for (const auto& o : m.graph.outputs) {
        auto t = session.output(o.name);
        if (t) {
            outputs[o.name].assign(t->data, t->data + t->elements());
        }
    }
    return outputs;
}

// Deterministic input data for every graph input.
inline std::map<std::string, std::vector<float>> sampleInputs(const model::Graph& g, std::uint32_t seed = 7) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(-1.f, 1.f);
    std::map<std::string, std::vector<float>> inputs;
    for (const auto& in : g.inputs) {
        auto& v = inputs[in.name];
        v.resize(std::size_t(model::elementCount(in.shape)));
        for (auto& x : v) {
            x = u(rng);
        }
    }
    return inputs;
}

} // namespace tessera::test
