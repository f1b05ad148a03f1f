#include <QtTest>

#include <cstring>
#include <fstream>

#include "core/base/file_io.h"
#include "core/model/import_pipeline.h"
#include "core/model/model.h"

using namespace tessera;
using namespace tessera::model;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string fixture(const char* name) {
    return std::string(TESSERA_SOURCE_DIR) + "/tests/fixtures/darknet/" + name;
}

std::vector<std::string> ops(const Graph& g) {
    std::vector<std::string> out;
    for (const auto& n : g.nodes) {
        out.push_back(n.opType);
    }
    return out;
}

// Darknet's reorg (forward pass of the [reorg] layer, "forward = 0" branch of its reorg routine), written
// from its index formula: out[in_index] = x[out_index] with the input read as (C/s^2) x (H*s) x (W*s).
std::vector<float> darknetReorg(const std::vector<float>& x, int w, int h, int c, int stride) {
    std::vector<float> out(x.size());
    const int outC = c / (stride * stride);
    for (int k = 0; k < c; ++k) {
        for (int j = 0; j < h; ++j) {
            for (int i = 0; i < w; ++i) {
                const int inIndex = i + w * (j + h * k);
                const int c2 = k % outC;
                const int offset = k / outC;
                const int w2 = i * stride + offset % stride;
                const int h2 = j * stride + offset / stride;
                const int outIndex = w2 + w * stride * (h2 + h * stride * c2);
                out[std::size_t(inIndex)] = x[std::size_t(outIndex)];
            }
        }
    }
    return out;
}

// ONNX SpaceToDepth (per the operator definition): out[(by*bs + bx)*C + c][y][x] = in[c][y*bs + by][x*bs +
// bx].
std::vector<float> spaceToDepth(const std::vector<float>& in, int c, int h, int w, int bs) {
    std::vector<float> out(in.size());
    const int oh = h / bs, ow = w / bs;
    for (int by = 0; by < bs; ++by) {
        for (int bx = 0; bx < bs; ++bx) {
            for (int ch = 0; ch < c; ++ch) {
                for (int y = 0; y < oh; ++y) {
                    for (int x = 0; x < ow; ++x) {
                        const int oc = (by * bs + bx) * c + ch;
                        out[std::size_t((oc * oh + y) * ow + x)] =
                            in[std::size_t((ch * h + y * bs + by) * w + x * bs + bx)];
                    }
                }
            }
        }
    }
    return out;
}

void writeWeights(const std::string& path, int major, int minor, const std::vector<float>& values) {
    std::ofstream out(path, std::ios::binary);
    const std::int32_t header[3] = {major, minor, 0};
    out.write(reinterpret_cast<const char*>(header), sizeof(header));
    if (major * 10 + minor >= 2) {
        const std::uint64_t seen = 32013312;
        out.write(reinterpret_cast<const char*>(&seen), sizeof(seen));
    } else {
        const std::int32_t seen = 1000;
        out.write(reinterpret_cast<const char*>(&seen), sizeof(seen));
    }
    out.write(reinterpret_cast<const char*>(values.data()), std::streamsize(values.size() * sizeof(float)));
}

const char* kSmallNet = R"([net]
width=8
height=8
channels=2

# 0
[convolutional]
batch_normalize=1
filters=2
size=1
stride=1
pad=1
activation=leaky

# 1
[connected]
output=3
activation=linear
)";

} // namespace

class TestDarknetImport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string path(const char* name) { return m_dir.filePath(name).toStdString(); }
    std::string write(const char* name, const std::string& text) {
        std::ofstream(path(name)) << text;
        return path(name);
    }
    std::string failure(const std::string& cfg, const ImportOptions& options = {}) {
        auto m = loadModel(cfg, options);
        if (m.ok()) {
            QTest::qFail("expected the import to fail", __FILE__, __LINE__);
            return {};
        }
        return m.error().message;
    }

private slots:
    void mapsEveryLayerTypeToOnnxOps() {
        const std::string cfg = write("all.cfg", R"([net]
width=16
height=16
channels=3
[convolutional]
batch_normalize=1
filters=8
size=3
stride=1
pad=1
activation=leaky
[maxpool]
size=2
stride=2
[convolutional]
filters=8
size=3
pad=1
groups=8
activation=relu6
[shortcut]
from=-2
activation=linear
[route]
layers=-1,-3
[reorg]
stride=2
[convolutional]
filters=10
size=1
activation=logistic
[avgpool]
[dropout]
probability=.5
[connected]
output=5
activation=relu
[softmax]
groups=1
[cost]
)");
        auto m = loadModel(cfg);
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
        QCOMPARE(m->format, std::string("darknet"));
        QCOMPARE(ops(m->graph), (std::vector<std::string>{
                                    "Conv", "BatchNormalization", "LeakyRelu", "MaxPool", "Conv", "Clip",
                                    "Add", "Concat", "Reshape", "SpaceToDepth", "Reshape", "Conv", "Sigmoid",
                                    "GlobalAveragePool", "Flatten", "Gemm", "Relu", "Softmax"}));
        QCOMPARE(m->graph.value("maxpool_1")->shape, (Shape{1, 8, 8, 8}));
        QCOMPARE(m->graph.value("route_4")->shape, (Shape{1, 16, 8, 8}));
        QCOMPARE(m->graph.value("reorg_5")->shape, (Shape{1, 64, 4, 4}));
        QCOMPARE(m->graph.value("conv_6")->shape, (Shape{1, 10, 4, 4}));
        QCOMPARE(m->graph.outputs.at(0).shape, (Shape{1, 5}));
        QCOMPARE(m->graph.initializer("conv_2_weights")->shape, (Shape{8, 1, 3, 3})); // depthwise
        QVERIFY(contains(m->notes.at(0), "no .weights file"));
    }

    void darknetPoolPaddingAndSizeOverride() {
        // stride-1 2x2 pool keeps the size (one padded row/column after), as in tiny-YOLOv2
        const std::string cfg = write("pool.cfg", "[net]\nwidth=13\nheight=13\n[maxpool]\nsize=2\nstride=1\n"
                                                  "[maxpool]\nsize=3\nstride=2\npadding=0\n");
        auto m = loadModel(cfg);
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
        QCOMPARE(m->graph.value("maxpool_0")->shape, (Shape{1, 3, 13, 13}));
        QCOMPARE(m->graph.nodes[0].attrInts("pads"), (std::vector<std::int64_t>{0, 0, 1, 1}));
        QCOMPARE(m->graph.value("maxpool_1")->shape, (Shape{1, 3, 6, 6}));
        ImportOptions bigger;
        bigger.inputShapes[""] = {1, 3, 27, 27};
        auto resized = loadModel(cfg, bigger);
        QVERIFY(resized.ok());
        QCOMPARE(resized->graph.value("maxpool_1")->shape, (Shape{1, 3, 13, 13}));
    }

    void reorgReproducesDarknetChannelOrder() {
        // The importer maps [reorg] to Reshape(1, C/s^2, H*s, W*s) -> SpaceToDepth(s) -> Reshape(1, C*s^2,
        // H/s, W/s). Reshapes do not move data, so the mapping is exact iff SpaceToDepth on that view equals
        // Darknet's reorg.
        const int c = 8, h = 6, w = 4, s = 2;
        std::vector<float> x(std::size_t(c * h * w));
        for (std::size_t i = 0; i < x.size(); ++i) {
            x[i] = float(i);
        }
        QCOMPARE(spaceToDepth(x, c / (s * s), h * s, w * s, s), darknetReorg(x, w, h, c, s));
        // and the importer really emits that chain with those shapes
        const std::string cfg =
            write("reorg.cfg", "[net]\nwidth=4\nheight=6\nchannels=8\n[reorg]\nstride=2\n");
        auto m = loadModel(cfg);
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
        QCOMPARE(ops(m->graph), (std::vector<std::string>{"Reshape", "SpaceToDepth", "Reshape"}));
        QCOMPARE(m->graph.value(m->graph.nodes[0].outputs[0])->shape, (Shape{1, 2, 12, 8}));
        QCOMPARE(m->graph.nodes[1].attrInt("blocksize", 0), std::int64_t(2));
        QCOMPARE(m->graph.outputs[0].shape, (Shape{1, 32, 3, 2}));
    }

    void yolov2RecipeHasTheLiteratureShapes() {
        auto m = loadModel(std::string(TESSERA_SOURCE_DIR) + "/resources/zoo/yolov2.cfg");
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
        QCOMPARE(m->graph.value("conv_16_leaky")->shape, (Shape{1, 512, 38, 38}));
        QCOMPARE(m->graph.value("reorg_27")->shape, (Shape{1, 256, 19, 19}));
        QCOMPARE(m->graph.value("route_28")->shape, (Shape{1, 1280, 19, 19}));
        QCOMPARE(m->graph.outputs.at(0).name, std::string("region_31"));
        QCOMPARE(m->graph.outputs.at(0).shape, (Shape{1, 425, 19, 19}));
        // the route concatenates the reorg output first, then layer 24
        const auto producer = m->graph.producer("route_28");
        QVERIFY(producer);
        QCOMPARE(m->graph.nodes[*producer].inputs, (std::vector<std::string>{"reorg_27", "conv_24_leaky"}));
    }

    void weightsAreReadInDarknetOrder() {
        const std::string cfg = write("small.cfg", kSmallNet);
        // conv_0 (BN): beta[2], scale[2], mean[2], var[2], filters[2x2x1x1]; fc_1: bias[3], weights[3x128]
        std::vector<float> values;
        for (int i = 0; i < 8 + 4 + 3 + 3 * 128; ++i) {
            values.push_back(float(i + 1));
        }
        writeWeights(path("small.weights"), 0, 2, values);
        ImportOptions options;
        options.darknetWeights = path("small.weights");
        auto m = loadModel(cfg, options);
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
        const Graph& g = m->graph;
        QCOMPARE(g.initializer("conv_0_bn_bias")->floats, (std::vector<float>{1, 2}));
        QCOMPARE(g.initializer("conv_0_bn_scale")->floats, (std::vector<float>{3, 4}));
        QCOMPARE(g.initializer("conv_0_bn_mean")->floats, (std::vector<float>{5, 6}));
        QCOMPARE(g.initializer("conv_0_bn_var")->floats, (std::vector<float>{7, 8}));
        QCOMPARE(g.initializer("conv_0_weights")->floats, (std::vector<float>{9, 10, 11, 12}));
        QCOMPARE(g.initializer("fc_1_bias")->floats, (std::vector<float>{13, 14, 15}));
        QCOMPARE(g.initializer("fc_1_weights")->floats.front(), 16.f);
        QCOMPARE(g.initializer("fc_1_weights")->floats.back(), float(values.size()));

        // the old header stores `seen` in 32 bits
        writeWeights(path("old.weights"), 0, 1, values);
        options.darknetWeights = path("old.weights");
        auto old = loadModel(cfg, options);
        QVERIFY2(old.ok(), old.ok() ? "" : old.error().message.c_str());
        QCOMPARE(old->graph.initializer("fc_1_bias")->floats, (std::vector<float>{13, 14, 15}));
        QVERIFY(old->sha256 != m->sha256); // the hash covers the weights too
    }

    void truncatedAndOversizedWeightsAreRefused() {
        const std::string cfg = write("small.cfg", kSmallNet);
        std::vector<float> values(8 + 4 + 3 + 3 * 128, 1.f);
        ImportOptions options;

        writeWeights(path("short.weights"), 0, 2, std::vector<float>(values.begin(), values.begin() + 100));
        options.darknetWeights = path("short.weights");
        std::string message = failure(cfg, options);
        QVERIFY2(contains(message, "short.weights") && contains(message, "fc_1_weights") &&
                     contains(message, "truncated"),
                 message.c_str());

        values.push_back(0.f);
        writeWeights(path("long.weights"), 0, 2, values);
        options.darknetWeights = path("long.weights");
        message = failure(cfg, options);
        QVERIFY2(contains(message, "long.weights") && contains(message, "4 bytes left"), message.c_str());

        write("tiny.weights", "abc");
        options.darknetWeights = path("tiny.weights");
        message = failure(cfg, options);
        QVERIFY2(contains(message, "tiny.weights") && contains(message, "too short"), message.c_str());

        options.darknetWeights = path("absent.weights");
        message = failure(cfg, options);
        QVERIFY2(contains(message, "absent.weights") && contains(message, "cannot open"), message.c_str());
    }

    void malformedCfgFilesNameFileLineAndField() {
        struct Case {
            const char* file;
            std::vector<std::string> expected;
        };
        const std::vector<Case> cases = {
            {"unsupported_layers.cfg", {"unsupported_layers.cfg", "[crop] at line 6", "[yolo] at line 16"}},
            {"missing_filters.cfg",
             {"missing_filters.cfg:5: [convolutional] filters: required option is missing"}},
            {"bad_number.cfg", {"bad_number.cfg:7: [convolutional] size: 'three' is not an integer"}},
            {"route_out_of_range.cfg", {"route_out_of_range.cfg:12: [route] layers: 5 refers to layer 5"}},
            {"no_net.cfg", {"no_net.cfg:1: the first section must be [net]"}},
            {"bad_line.cfg", {"bad_line.cfg:4: expected key=value"}},
            {"bad_activation.cfg",
             {"bad_activation.cfg:9: [convolutional] activation: 'swish' is not supported"}},
            {"shortcut_mismatch.cfg",
             {"shortcut_mismatch.cfg:18: [shortcut] from:", "only same-size shortcuts"}},
        };
        for (const auto& c : cases) {
            const std::string message = failure(fixture(c.file));
            for (const auto& part : c.expected) {
                QVERIFY2(contains(message, part), (std::string(c.file) + " -> " + message).c_str());
            }
        }
        const std::string missing = failure(path("nowhere.cfg"));
        QVERIFY(contains(missing, "nowhere.cfg") && contains(missing, "cannot open"));
    }

    // Found by fuzzing (tests/fuzz/regressions/darknet): a route or shortcut naming a layer at or after an
    // unsupported one read past the layers built so far. The unsupported type is now reported.
    void referencesAcrossAnUnsupportedLayer() {
        const std::string head =
            "[net]\nwidth=8\nheight=8\nchannels=3\n\n[convolutional]\nfilters=2\nsize=1\n"
            "stride=1\npad=0\nactivation=linear\n\n[upsample]\nstride=2\n\n";
        for (const std::string tail :
             {"[route]\nlayers=-1,-2\n", "[shortcut]\nfrom=-1\nactivation=linear\n"}) {
            auto m = loadDarknetText(head + tail, "ref.cfg", {});
            QVERIFY(!m.ok());
            QVERIFY2(contains(m.error().message,
                              "ref.cfg: layer types Tessera does not support: [upsample] at line 13"),
                     m.error().message.c_str());
        }
        // the fuzzer's input: the .cfg text before the harness's weights marker
        auto bytes = readFile(std::string(TESSERA_SOURCE_DIR) +
                              "/tests/fuzz/regressions/darknet/route-after-unsupported-layer.cfg");
        QVERIFY(bytes.ok());
        const std::string cfg = bytes->substr(0, bytes->find(std::string("\0WEIGHTS\0", 9)));
        auto m = loadDarknetText(cfg, "fuzz.cfg", {});
        QVERIFY(!m.ok());
        QVERIFY2(contains(m.error().message, "fuzz.cfg: layer types Tessera does not support: "),
                 m.error().message.c_str());
    }

    // A filter bank of 2.4 GB (22,222,228 3x3x3 filters, found by the fuzzer) is refused, not allocated.
    void hugeFilterBankIsRefused() {
        auto bytes = readFile(std::string(TESSERA_SOURCE_DIR) +
                              "/tests/fuzz/regressions/darknet/huge-filter-bank.cfg");
        QVERIFY(bytes.ok());
        auto m = loadDarknetText(*bytes, "huge.cfg", {});
        QVERIFY(!m.ok());
        QVERIFY2(contains(m.error().message, "more than the 1 GiB of weights a layer may hold"),
                 m.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestDarknetImport)
#include "test_darknet_import.moc"
