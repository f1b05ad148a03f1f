#include <QtTest>

#include <sys/resource.h>

#include <fstream>

#include "core/model/model.h"
#include "core/model/onnx_proto.h"
#include "support/onnx_builder.h"

using namespace tessera;
using namespace tessera::model;
using tessera::test::OnnxBuilder;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const Node* findOp(const Graph& g, const std::string& op) {
    for (const auto& n : g.nodes) {
        if (n.opType == op) {
            return &n;
        }
    }
    return nullptr;
}

} // namespace

class TestOnnxImport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string path(const char* name) { return m_dir.filePath(name).toStdString(); }

    // Loads `b` from a real file and expects failure; returns the message.
    std::string failure(const OnnxBuilder& b, const char* file, const ImportOptions& options = {}) {
        b.save(path(file));
        auto m = loadModel(path(file), options);
        if (m.ok()) {
            QTest::qFail("expected the import to fail", __FILE__, __LINE__);
            return {};
        }
        return m.error().message;
    }

private slots:
    void loadsAConvNetWithShapesAndHash() {
        auto b = OnnxBuilder::smallConvNet();
        b.save(path("conv.onnx"));
        auto m = loadModel(path("conv.onnx"));
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
        QCOMPARE(m->format, std::string("onnx"));
        QCOMPARE(m->opset, std::int64_t(13));
        QCOMPARE(m->sha256.size(), std::size_t(64));
        QCOMPARE(m->graph.nodes.size(), std::size_t(2));
        QCOMPARE(m->graph.value("conv")->shape, (Shape{1, 8, 16, 16}));
        QCOMPARE(m->graph.outputs.at(0).shape, (Shape{1, 8, 16, 16}));
        QCOMPARE(m->graph.initializer("w")->floats.size(), std::size_t(216));
    }

    void acceptsNodesOutOfTopologicalOrder() {
        auto b = OnnxBuilder::smallConvNet();
        auto* nodes = b.graph().mutable_node();
        nodes->SwapElements(0, 1); // Relu before the Conv that feeds it
        b.save(path("unsorted.onnx"));
        auto m = loadModel(path("unsorted.onnx"));
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
        QCOMPARE(m->graph.nodes[0].opType, std::string("Conv"));
        QCOMPARE(m->graph.nodes[1].opType, std::string("Relu"));
    }

    void foldsConstantNodesAndShapeChains() {
        // Weights as Constant nodes, and a Shape -> Gather -> Unsqueeze -> Concat -> Reshape flatten as
        // exporters write it.
        OnnxBuilder b;
        b.input("x", {std::int64_t(1), std::int64_t(4), std::int64_t(5), std::int64_t(5)});
        b.constant("w", {6, 4, 1, 1}, std::vector<float>(24, 0.5f));
        b.node("Conv", {"x", "w"}, {"c"});
        b.node("Shape", {"c"}, {"shape"});
        b.ints("zero", {0});
        auto& gather = b.node("Gather", {"shape", "zero"}, {"batch"});
        OnnxBuilder::setInt(gather, "axis", 0);
        b.ints("minus_one", {-1});
        auto& concat = b.node("Concat", {"batch", "minus_one"}, {"target"});
        OnnxBuilder::setInt(concat, "axis", 0);
        b.node("Reshape", {"c", "target"}, {"flat"});
        b.output("flat", 2);
        b.save(path("chain.onnx"));
        auto m = loadModel(path("chain.onnx"));
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
        QCOMPARE(m->graph.nodes.size(), std::size_t(2)); // Conv, Reshape
        QVERIFY(findOp(m->graph, "Shape") == nullptr);
        QVERIFY(findOp(m->graph, "Constant") == nullptr);
        const Node* reshape = findOp(m->graph, "Reshape");
        QVERIFY(reshape);
        const Tensor* target = m->graph.initializer(reshape->inputs[1]);
        QVERIFY(target);
        QCOMPARE(target->ints, (std::vector<std::int64_t>{1, -1}));
        QCOMPARE(m->graph.value("flat")->shape, (Shape{1, 150}));
        QCOMPARE(m->graph.initializer("w")->floats.size(), std::size_t(24));
    }

    void convertsFloat16Weights() {
        auto b = OnnxBuilder::smallConvNet();
        auto& bias = *b.graph().mutable_initializer(1);
        bias.clear_float_data();
        bias.set_data_type(onnx::TensorProto::FLOAT16);
        // 1.0, -2.0, 0.5, 65504 (max), smallest subnormal, 0, -0, 0.333251953125
        const std::uint16_t halves[8] = {0x3C00, 0xC000, 0x3800, 0x7BFF, 0x0001, 0x0000, 0x8000, 0x3555};
        bias.set_raw_data(std::string(reinterpret_cast<const char*>(halves), sizeof(halves)));
        // an fp16 model also casts: make the Conv output go through a Cast to fp16 and back
        b.save(path("fp16.onnx"));
        auto m = loadModel(path("fp16.onnx"));
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
        const auto& v = m->graph.initializer("b")->floats;
        QCOMPARE(v[0], 1.0f);
        QCOMPARE(v[1], -2.0f);
        QCOMPARE(v[2], 0.5f);
        QCOMPARE(v[3], 65504.0f);
        QCOMPARE(v[4], std::ldexp(1.0f, -24));
        QCOMPARE(v[5], 0.0f);
        QVERIFY(std::signbit(v[6]));
        QCOMPARE(v[7], 0.333251953125f);
        QVERIFY(!m->notes.empty() && contains(m->notes[0], "float16"));
        QCOMPARE(m->graph.initializer("b")->dtype, DType::Float32);
    }

    void resolvesSymbolicDimsFromTheGivenShape() {
        auto b = OnnxBuilder::smallConvNet();
        auto* dims = b.graph().mutable_input(0)->mutable_type()->mutable_tensor_type()->mutable_shape();
        dims->mutable_dim(0)->set_dim_param("N");
        dims->mutable_dim(2)->set_dim_param("H");
        dims->mutable_dim(3)->set_dim_param("W");
        const std::string message = failure(b, "symbolic.onnx");
        QVERIFY2(contains(message, "symbolic.onnx") && contains(message, "'image'") &&
                     contains(message, "--input-shape") && contains(message, "1,3,224,224"),
                 message.c_str());

        ImportOptions options;
        options.inputShapes["image"] = {2, 3, 32, 48};
        auto m = loadModel(path("symbolic.onnx"), options);
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
        QCOMPARE(m->graph.value("out")->shape, (Shape{2, 8, 32, 48}));

        options.inputShapes.clear();
        options.inputShapes[""] = {1, 3, 20, 20}; // "the only input"
        auto unnamed = loadModel(path("symbolic.onnx"), options);
        QVERIFY(unnamed.ok());
        QCOMPARE(unnamed->graph.value("out")->shape, (Shape{1, 8, 20, 20}));
    }

    void symbolicBatchAloneDefaultsToOne() {
        auto b = OnnxBuilder::smallConvNet();
        b.graph()
            .mutable_input(0)
            ->mutable_type()
            ->mutable_tensor_type()
            ->mutable_shape()
            ->mutable_dim(0)
            ->set_dim_param("batch");
        b.save(path("batch.onnx"));
        auto m = loadModel(path("batch.onnx"));
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
        QCOMPARE(m->graph.inputs[0].shape, (Shape{1, 3, 16, 16}));
        QVERIFY(contains(m->notes.at(0), "batch dimension set to 1"));
    }

    void badInputShapesAreRefusedClearly() {
        auto b = OnnxBuilder::smallConvNet();
        b.save(path("fixed.onnx"));
        ImportOptions rank;
        rank.inputShapes["image"] = {1, 3, 16};
        auto m = loadModel(path("fixed.onnx"), rank);
        QVERIFY(!m.ok() && contains(m.error().message, "rank"));
        ImportOptions conflict;
        conflict.inputShapes["image"] = {1, 4, 16, 16};
        m = loadModel(path("fixed.onnx"), conflict);
        QVERIFY(!m.ok() && contains(m.error().message, "fixed dimension 1 = 3"));
        ImportOptions unknown;
        unknown.inputShapes["picture"] = {1, 3, 16, 16};
        m = loadModel(path("fixed.onnx"), unknown);
        QVERIFY(!m.ok() && contains(m.error().message, "no input named 'picture'") &&
                contains(m.error().message, "image"));
        QVERIFY(!parseInputShape("1,3,x,4").ok());
        QVERIFY(!parseInputShape("").ok());
        QCOMPARE(parseInputShape("data:1,3,8,8")->first, std::string("data"));
        QCOMPARE(parseInputShape("1,3,8,8")->second, (Shape{1, 3, 8, 8}));
    }

    void missingEmptyTruncatedAndGarbageFiles() {
        auto missing = loadModel(path("nope.onnx"));
        QVERIFY(!missing.ok() && contains(missing.error().message, "nope.onnx") &&
                contains(missing.error().message, "cannot open"));

        std::ofstream(path("empty.onnx"), std::ios::binary).flush();
        auto empty = loadModel(path("empty.onnx"));
        QVERIFY(!empty.ok() && contains(empty.error().message, "empty.onnx: file is empty"));

        const std::string full = OnnxBuilder::smallConvNet().bytes();
        // cut inside the weights: protobuf decoding fails
        std::ofstream(path("truncated.onnx"), std::ios::binary) << full.substr(0, full.size() / 2);
        auto truncated = loadModel(path("truncated.onnx"));
        QVERIFY(!truncated.ok());
        QVERIFY2(contains(truncated.error().message, "truncated.onnx") &&
                     contains(truncated.error().message, "truncated"),
                 truncated.error().message.c_str());

        std::ofstream(path("garbage.onnx"), std::ios::binary)
            << std::string("\xff\xfe not a model at all \x01\x02", 24);
        auto garbage = loadModel(path("garbage.onnx"));
        QVERIFY(!garbage.ok() && contains(garbage.error().message, "garbage.onnx"));
    }

    void everyUnsupportedOpIsListedAtOnce() {
        auto b = OnnxBuilder::smallConvNet();
        b.graph().mutable_output()->Clear();
        b.node("Erf", {"out"}, {"e1"}, "erf_a");
        b.node("Erf", {"e1"}, {"e2"}, "erf_b");
        b.node("Sin", {"e2"}, {"s"}, "sine");
        b.output("s");
        const std::string message = failure(b, "unsupported.onnx");
        QVERIFY2(contains(message, "unsupported.onnx") && contains(message, "3 node(s)") &&
                     contains(message, "Erf (2 nodes: 'erf_a', 'erf_b')") &&
                     contains(message, "Sin (1 node: 'sine')") &&
                     contains(message, "Supported operators: Add"),
                 message.c_str());
    }

    void unsupportedAttributesNameTheNode() {
        OnnxBuilder b;
        b.input("x", {std::int64_t(1), std::int64_t(2), std::int64_t(8), std::int64_t(8)});
        auto& pool = b.node("MaxPool", {"x"}, {"p"}, "pool_cm");
        OnnxBuilder::setInts(pool, "kernel_shape", {2, 2});
        OnnxBuilder::setInt(pool, "storage_order", 1);
        b.weights("scales", {4}, {1.f, 1.f, 2.f, 2.f});
        b.weights("roi", {0}, {});
        auto& resize = b.node("Resize", {"p", "roi", "scales"}, {"r"}, "resize_cubic");
        OnnxBuilder::setString(resize, "mode", "cubic");
        b.output("r");
        const std::string message = failure(b, "attributes.onnx");
        QVERIFY2(contains(message, "node 'pool_cm' (MaxPool): storage_order 1") &&
                     contains(message, "node 'resize_cubic' (Resize): mode 'cubic' is not supported "
                                       "(supported: nearest, linear)"),
                 message.c_str());
    }

    void cyclesAndDanglingInputsAreNamed() {
        OnnxBuilder cyc;
        cyc.input("x", {std::int64_t(1), std::int64_t(4)});
        cyc.node("Add", {"x", "b"}, {"a"}, "first");
        cyc.node("Relu", {"a"}, {"b"}, "second");
        cyc.output("b", 2);
        std::string message = failure(cyc, "cycle.onnx");
        QVERIFY2(contains(message, "'first' (on a cycle)") && contains(message, "'second' (on a cycle)"),
                 message.c_str());

        OnnxBuilder dangling;
        dangling.input("x", {std::int64_t(1), std::int64_t(4)});
        dangling.node("Add", {"x", "ghost"}, {"y"}, "adder");
        dangling.output("y", 2);
        message = failure(dangling, "dangling.onnx");
        QVERIFY2(contains(message, "'adder' (input 'ghost' is produced by no node)"), message.c_str());
    }

    void checkerAndDataErrorsAreReported() {
        auto badData = OnnxBuilder::smallConvNet();
        badData.graph().mutable_initializer(0)->mutable_float_data()->RemoveLast(); // 215 values for 216
        std::string message = failure(badData, "short_weights.onnx");
        QVERIFY2(contains(message, "short_weights.onnx") && contains(message, "'w'"), message.c_str());

        auto noOpset = OnnxBuilder::smallConvNet();
        noOpset.model().mutable_opset_import(0)->set_version(99);
        message = failure(noOpset, "future.onnx");
        QVERIFY2(contains(message, "opset 99") && contains(message, "lower opset"), message.c_str());

        auto badConv = OnnxBuilder::smallConvNet();
        auto* attr = badConv.graph().mutable_node(0)->add_attribute();
        attr->set_name("auto_pad");
        attr->set_type(onnx::AttributeProto::STRING);
        attr->set_s("SIDEWAYS");
        message = failure(badConv, "autopad.onnx");
        QVERIFY2(contains(message, "autopad.onnx") && contains(message, "conv"), message.c_str());
    }

    void unresolvableShapesNameTheValue() {
        // Reshape whose target comes from a graph input cannot have a static shape
        OnnxBuilder b;
        b.input("x", {std::int64_t(1), std::int64_t(12)});
        b.input("target", {std::int64_t(2)}, onnx::TensorProto::INT64);
        b.node("Reshape", {"x", "target"}, {"y"}, "dynamic_reshape");
        b.output("y", 2);
        const std::string message = failure(b, "dynamic.onnx");
        QVERIFY2(contains(message, "dynamic.onnx") && contains(message, "dynamic_reshape"), message.c_str());
    }

    // Found by fuzzing (tests/fuzz/regressions/onnx): an initializer's raw_data length past the end of the
    // file was allocated (3.3 GB here, zero-filled) before the read failed. Refused before allocating.
    void rawDataLongerThanTheFile() {
        struct rusage before {};
        getrusage(RUSAGE_SELF, &before);
        auto m = loadModel(std::string(TESSERA_SOURCE_DIR) +
                           "/tests/fuzz/regressions/onnx/raw-data-length-past-end.onnx");
        struct rusage after {};
        getrusage(RUSAGE_SELF, &after);
        QVERIFY(!m.ok());
        QVERIFY2(contains(m.error().message, "raw-data-length-past-end.onnx: not a valid ONNX file"),
                 m.error().message.c_str());
        QVERIFY2(after.ru_maxrss - before.ru_maxrss < 256 * 1024, // KiB
                 (std::to_string(after.ru_maxrss - before.ru_maxrss) + " KiB more at peak").c_str());
    }

    // An external-data offset or length that is not a number made std::stoll throw out of the import; a
    // huge one overflowed the bounds check. Both are now errors naming the initializer.
    void externalDataOffsetsAreChecked() {
        std::ofstream(path("w.bin"), std::ios::binary) << std::string(8, '\0');
        const auto load = [&](const std::string& offset, const std::string& length) {
            onnx::TensorProto tp;
            tp.set_name("w");
            tp.set_data_type(onnx::TensorProto::FLOAT);
            tp.add_dims(2);
            tp.set_data_location(onnx::TensorProto::EXTERNAL);
            auto* entry = tp.add_external_data();
            entry->set_key("location");
            entry->set_value("w.bin");
            entry = tp.add_external_data();
            entry->set_key("offset");
            entry->set_value(offset);
            entry = tp.add_external_data();
            entry->set_key("length");
            entry->set_value(length);
            auto t = fromProto(tp, m_dir.path().toStdString());
            return t ? std::string("ok ") + std::to_string(t->floats.size()) : t.error().message;
        };
        QCOMPARE(load("0", "8"), std::string("ok 2"));
        QCOMPARE(load("x", "8"),
                 std::string("initializer 'w': external data offset 'x' is not a whole number of bytes"));
        QCOMPARE(load("0", "99999999999999999999"),
                 std::string("initializer 'w': external data length '99999999999999999999' is not a whole "
                             "number of bytes"));
        QCOMPARE(load("-4", "8"),
                 std::string("initializer 'w': external data offset '-4' is not a whole number of bytes"));
        QVERIFY(contains(load("4", "9223372036854775807"), "is shorter than the tensor needs"));
        QVERIFY(contains(load("12", "0"), "is shorter than the tensor needs"));
    }
};

QTEST_GUILESS_MAIN(TestOnnxImport)
#include "test_onnx_import.moc"
