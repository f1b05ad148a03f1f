// DeeperThings' two integer programs (docs: literature.md section 3) as hand-built Problems: the integer
// program of ilp.h must find the figures and choices their own formulations give, computed here by hand.

#include <QtTest>

#include <functional>
#include <map>

#include "core/optimize/ilp.h"

using namespace tessera;
using namespace tessera::optimize;

namespace {

constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kFloat = 4; // bytes
constexpr std::int64_t kDevices = 4;

// In floats: M input size, K output size, W weights (biases left out, as DeeperThings' programs do).
struct Layer {
    std::string name;
    bool conv = true;
    std::int64_t m = 0, k = 0, w = 0;
};

// VGG-16's feature layers at 224x224: 3x3 convolutions (pad 1) and 2x2 pools, up to conv5_3 (DeeperThings'
// programs stop before the fully connected layers).
std::vector<Layer> vgg16() {
    const std::vector<std::vector<std::int64_t>> blocks = {
        {64, 64}, {128, 128}, {256, 256, 256}, {512, 512, 512}, {512, 512, 512}};
    std::vector<Layer> layers;
    std::int64_t size = 224, channels = 3;
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        for (std::size_t i = 0; i < blocks[b].size(); ++i) {
            const std::int64_t out = blocks[b][i];
            layers.push_back({"conv" + std::to_string(b + 1) + "_" + std::to_string(i + 1), true,
                              size * size * channels, size * size * out, channels * out * 9});
            channels = out;
        }
        if (b + 1 < blocks.size()) {
            layers.push_back({"pool" + std::to_string(b + 1), false, size * size * channels,
                              size * size * channels / 4, 0});
            size /= 2;
        }
    }
    return layers;
}

Problem emptyProblem(const std::vector<Layer>& layers) {
    Problem p;
    p.units = layers.size();
    for (const Layer& layer : layers) {
        p.unitNames.push_back(layer.name);
    }
    for (std::int64_t d = 0; d < kDevices; ++d) {
        p.deviceNames.push_back("pi-" + std::to_string(d));
        p.budgetBytes.push_back(kNone);
        p.overheadBytes.push_back(0);
    }
    return p;
}

int addOption(Problem& p, std::size_t first, std::size_t last, std::int64_t weightBytes,
              std::int64_t arenaBytes, std::int64_t ownBytes, std::string label) {
    Option o;
    o.firstUnit = first;
    o.lastUnit = last;
    o.weightBytes.assign(std::size_t(kDevices), weightBytes);
    o.arenaBytes.assign(std::size_t(kDevices), arenaBytes);
    o.ownBytes = ownBytes;
    o.label = std::move(label);
    p.options.push_back(std::move(o));
    return int(p.options.size()) - 1;
}

std::vector<std::string> labels(const Problem& p, const std::vector<int>& chosen) {
    std::vector<std::string> result;
    for (const int o : chosen) {
        result.push_back(p.options[std::size_t(o)].label);
    }
    return result;
}

// The communication program's choice per layer: o (LOP), i (LIP), f (FUSE1), s (FUSE2), n (not a conv).
// DeeperThings' objective in floats, term by term as in scripts/decide_fusing.py; -1 when the choice breaks
// a constraint.
std::int64_t decideFusingObjective(const std::vector<Layer>& layers, const std::string& choice) {
    const std::size_t n = layers.size();
    const auto is = [&](std::size_t l, char c) { return l < n && choice[l] == c ? 1 : 0; };
    for (std::size_t l = 0; l < n; ++l) {
        if (layers[l].conv == (choice[l] == 'n') || is(l, 's') != (l > 0 ? is(l - 1, 'f') : 0)) {
            return -1;
        }
    }
    if (is(n - 1, 'f')) {
        return -1;
    }
    const std::int64_t N = kDevices;
    std::int64_t total = 0;
    for (std::size_t l = 0; l < n; ++l) {
        const std::int64_t M = layers[l].m, K = layers[l].k;
        const int r = is(l, 'o') * (is(l + 1, 'o') + is(l + 1, 'f'));
        const int rBefore = l > 0 ? is(l - 1, 'o') * (is(l, 'o') + is(l, 'f')) : 0;
        const int oc = is(l, 'o') * rBefore, fc = is(l, 'f') * rBefore;
        total += is(l, 'o') * (M * (N - 1) + K * (N - 1) / N) - oc * M * (N - 1) +
                 r * (K * (N - 1) - K * (N - 1) / N);
        total += is(l, 'i') * (M * (N - 1) / N + K * (N - 1));
        total += is(l, 'f') * M * (N - 1) - fc * M * (N - 1) + is(l, 's') * K * (N - 1);
    }
    return total;
}

// A chain for the communication program: four convolutions, a pool, two convolutions (floats).
std::vector<Layer> commChain() {
    return {{"conv0", true, 2048, 8192},   {"conv1", true, 8192, 16384},  {"conv2", true, 16384, 16384},
            {"conv3", true, 16384, 16384}, {"pool4", false, 16384, 4096}, {"conv5", true, 4096, 2048},
            {"conv6", true, 2048, 512}};
}

// Options of the communication program: per conv layer LOP and LIP, a fused LOP->LIP pair over it and the
// next conv layer, a pool option. `index` maps (kind, layer) to the option.
struct CommOptions {
    Problem problem;
    std::map<std::pair<char, std::size_t>, int> index;
    std::vector<int> choose(const std::string& choice) const {
        std::vector<int> chosen;
        for (std::size_t l = 0; l < choice.size(); ++l) {
            if (choice[l] != 's') {
                chosen.push_back(index.at({choice[l], l}));
            }
        }
        return chosen;
    }
};

// `own(kind, layer)` gives each option's own floats.
CommOptions commOptions(const std::vector<Layer>& layers,
                        const std::function<std::int64_t(char, std::size_t)>& own) {
    CommOptions c{emptyProblem(layers), {}};
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const std::string& name = layers[l].name;
        if (!layers[l].conv) {
            c.index[{'n', l}] = addOption(c.problem, l, l, 0, 0, kFloat * own('n', l), name);
            continue;
        }
        c.index[{'o', l}] = addOption(c.problem, l, l, 0, 0, kFloat * own('o', l), "lop " + name);
        c.index[{'i', l}] = addOption(c.problem, l, l, 0, 0, kFloat * own('i', l), "lip " + name);
        if (l + 1 < layers.size() && layers[l + 1].conv) {
            c.index[{'f', l}] = addOption(c.problem, l, l + 1, 0, 0, kFloat * own('f', l),
                                          "fused " + name + "+" + layers[l + 1].name);
        }
    }
    return c;
}

} // namespace

class TestIlpDeeperThings : public QObject {
    Q_OBJECT

    // Every valid choice of the communication program scores the same through the Problem as through
    // DeeperThings' formula; the integer program finds the hand-computed optimum.
    void checkCommunication(const std::vector<Layer>& layers, const CommOptions& c) {
        int valid = 0;
        std::function<void(std::string)> walk = [&](std::string choice) {
            if (choice.size() == layers.size()) {
                const std::int64_t floats = decideFusingObjective(layers, choice);
                if (floats >= 0) {
                    ++valid;
                    const Evaluation e = evaluate(c.problem, c.choose(choice));
                    QVERIFY(e.covers);
                    QVERIFY2(e.trafficBytes == kFloat * floats, choice.c_str());
                }
                return;
            }
            for (const char kind : std::string("oifsn")) {
                walk(choice + kind);
            }
        };
        walk("");
        QCOMPARE(valid, 145);
        const auto got = solveIlp(c.problem, Objective::Traffic);
        QVERIFY(got);
        QVERIFY(got->optimal);
        QCOMPARE(got->figures.trafficBytes, kFloat * 141312);
        QCOMPARE(labels(c.problem, got->chosen),
                 (std::vector<std::string>{"lop conv0", "lop conv1", "fused conv2+conv3", "pool4",
                                           "lip conv5", "lip conv6"}));
    }

private slots:
    // (a) The memory program: per layer FTP over all N devices (weights W on each, features (M+K)/N) or
    // weight partitioning (W/N, M+K); memory per device = the largest feature memory + all weights. With one
    // switch point (b_l >= b_l-1) the hand computation below finds it at conv3_1: features (M+K) of conv3_2 =
    // 1,605,632 floats, weights 3,872,448 floats, 5,478,080 in all. The integer program gets per-layer
    // options without the switch constraint and still switches once, at the same layer.
    void memoryBreakpoint() {
        const std::vector<Layer> layers = vgg16();
        QCOMPARE(layers.size(), std::size_t(17));
        std::size_t bestSwitch = 0;
        std::int64_t bestFloats = std::numeric_limits<std::int64_t>::max();
        for (std::size_t k = 0; k <= layers.size(); ++k) {
            std::int64_t features = 0, weights = 0;
            for (std::size_t l = 0; l < layers.size(); ++l) {
                const Layer& x = layers[l];
                if (x.conv) {
                    QCOMPARE((x.m + x.k) % kDevices, std::int64_t(0));
                    QCOMPARE(x.w % kDevices, std::int64_t(0));
                    features = std::max(features, l >= k ? x.m + x.k : (x.m + x.k) / kDevices);
                    weights += l >= k ? x.w / kDevices : x.w;
                }
            }
            if (features + weights < bestFloats) {
                bestFloats = features + weights;
                bestSwitch = k;
            }
        }
        while (!layers[bestSwitch].conv) { // the first conv layer weight-partitioned
            ++bestSwitch;
        }
        QCOMPARE(layers[bestSwitch].name, std::string("conv3_1"));
        QCOMPARE(bestFloats, std::int64_t(5478080));

        Problem p = emptyProblem(layers);
        std::vector<std::string> expected;
        for (std::size_t l = 0; l < layers.size(); ++l) {
            const Layer& x = layers[l];
            if (!x.conv) {
                addOption(p, l, l, 0, 0, 0, x.name);
                expected.push_back(x.name);
                continue;
            }
            addOption(p, l, l, kFloat * x.w, kFloat * (x.m + x.k) / kDevices, 0, "ftp " + x.name);
            addOption(p, l, l, kFloat * x.w / kDevices, kFloat * (x.m + x.k), 0, "wp " + x.name);
            expected.push_back((l < bestSwitch ? "ftp " : "wp ") + x.name);
        }
        const auto got = solveIlp(p, Objective::Memory);
        QVERIFY(got);
        QVERIFY(got->optimal);
        QCOMPARE(got->figures.maxMemoryBytes, kFloat * bestFloats);
        QCOMPARE(got->figures.memoryBytes,
                 std::vector<std::int64_t>(std::size_t(kDevices), kFloat * bestFloats));
        QCOMPARE(labels(p, got->chosen), expected);

        // 20 MiB per device is too little even at the best switch point; the four identical devices share a
        // line (features: FTP conv1_2 and WP conv3_2 both need 6,422,528 B; the first in unit order is named)
        p.budgetBytes.assign(std::size_t(kDevices), 20 * 1024 * 1024);
        const auto tight = solveIlp(p, Objective::Latency);
        QVERIFY(!tight);
        QCOMPARE(
            tight.error().message,
            std::string(
                "no plan fits the memory budgets: even the plan closest to fitting needs 20.9 MiB on each "
                "of 'pi-0', 'pi-1', 'pi-2' and 'pi-3' (budget 20.0 MiB): arena of 'ftp conv1_2' 6.12 "
                "MiB, weights of 'wp conv4_2' 2.25 MiB, weights of 'wp conv4_3' 2.25 MiB and 11 smaller "
                "parts"));
    }

    // (b) The communication program on a chain of seven layers over four devices: LOP, LOP reusing the
    // gathered output, the fused pair conv2 -> conv3 reading the all-gathered output, the pool, LIP, LIP. By
    // hand (floats; (N-1) = 3, (N-1)/N = 3/4):
    //   conv0 LOP, reused:  2048*3 + 8192*3 (all-gather)                = 30720
    //   conv1 LOP, input reused, output reused: 16384*3                 = 49152
    //   conv2 FUSE1, input reused: 0;  conv3 FUSE2: 16384*3             = 49152
    //   conv5 LIP: 4096*3/4 + 2048*3 = 9216;  conv6 LIP: 2048*3/4 + 512*3 = 3072
    //   total 141312 floats (the next best, ...FUSE1 FUSE2 at the end, 142848).
    void communicationDirect() {
        // DeeperThings' terms as they are: own costs per scheme, the reuse of an all-gathered LOP output as a
        // saving on the transition from LOP to LOP or FUSE1 (a negative cost)
        const std::vector<Layer> layers = commChain();
        const std::int64_t N = kDevices;
        CommOptions c = commOptions(layers, [&](char kind, std::size_t l) -> std::int64_t {
            const std::int64_t M = layers[l].m, K = layers[l].k;
            switch (kind) {
            case 'o':
                return M * (N - 1) + K * (N - 1) / N;
            case 'i':
                return M * (N - 1) / N + K * (N - 1);
            case 'f':
                return M * (N - 1) + layers[l + 1].k * (N - 1);
            default:
                return 0;
            }
        });
        for (std::size_t l = 0; l + 1 < layers.size(); ++l) {
            if (!layers[l].conv || !layers[l + 1].conv) {
                continue;
            }
            const std::int64_t K = layers[l].k,
                               saving = K * (N - 1) - K * (N - 1) / N - layers[l + 1].m * (N - 1);
            for (const char next : {'o', 'f'}) {
                if (c.index.count({next, l + 1})) {
                    c.problem.transitions.push_back(
                        {c.index.at({'o', l}), c.index.at({next, l + 1}), kFloat * saving, 0.0, {}});
                }
            }
        }
        checkCommunication(layers, c);
    }

    void communicationAsExchanges() {
        // The same costs without a negative one, in the aggregated form: where two layers meet, the value is
        // either LOP slices on the devices (layout 0) or whole on the coordinator (1: after LIP, FUSE2 or a
        // pool); the next layer needs it whole on every device (need 0: LOP, FUSE1), in slices (1: LIP) or on
        // the coordinator (2: a pool). Own costs keep the reductions and the graph's input and output.
        const std::vector<Layer> layers = commChain();
        const std::int64_t N = kDevices;
        const std::size_t last = layers.size() - 1;
        CommOptions c = commOptions(layers, [&](char kind, std::size_t l) -> std::int64_t {
            const std::int64_t M = layers[l].m, K = layers[l].k;
            switch (kind) {
            case 'o':
                return (l == 0 ? M * (N - 1) : 0) + (l == last ? K * (N - 1) / N : 0);
            case 'i':
                return (l == 0 ? M * (N - 1) / N : 0) + K * (N - 1);
            case 'f':
                return (l == 0 ? M * (N - 1) : 0) + layers[l + 1].k * (N - 1);
            default:
                return 0;
            }
        });
        for (std::size_t l = 0; l < last; ++l) {
            const std::int64_t V = layers[l].k; // = the next layer's M
            Exchange x;
            x.bytes = {{V * (N - 1), 2 * (V * (N - 1) / N), V * (N - 1) / N},
                       {V * (N - 1), V * (N - 1) / N, 0}};
            for (auto& row : x.bytes) {
                for (auto& bytes : row) {
                    bytes *= kFloat;
                }
            }
            x.seconds.assign(2, std::vector<double>(3, 0.0));
            for (const auto& [key, option] : c.index) {
                const auto& [kind, layer] = key;
                const std::size_t lastUnit = kind == 'f' ? layer + 1 : layer;
                if (lastUnit == l) {
                    x.producers.push_back({option, kind == 'o' ? 0 : 1});
                }
                if (layer == l + 1) {
                    x.readers.push_back({option, kind == 'i' ? 1 : kind == 'n' ? 2 : 0});
                }
            }
            c.problem.exchanges.push_back(std::move(x));
        }
        checkCommunication(layers, c);
    }
};

QTEST_APPLESS_MAIN(TestIlpDeeperThings)
#include "test_ilp_deeperthings.moc"
