// Whole networks through Net and Session: the arena a session allocates is exactly the cost model's
// predicted activation peak, run() allocates nothing after construction, and the optimised, fused engine
// reproduces the plain reference kernels (tolerance: relative L2 1e-4, see below).

#include <QtTest>

#include <atomic>
#include <cmath>
#include <new>

#include "core/cost/layer_cost.h"
#include "core/exec/net.h"
#include "core/model/zoo.h"

namespace {
std::atomic<long> g_allocations{0};
} // namespace

// Count every heap allocation of this test program. Every unaligned form is replaced: the standard's nothrow
// and array forms call the plain one, but a sanitizer's runtime defines each of them itself, and memory from
// its nothrow new freed by the plain delete here is an alloc-dealloc mismatch (ASan).
void* operator new(std::size_t n) {
    ++g_allocations;
    if (void* p = std::malloc(n ? n : 1)) {
        return p;
    }
    throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
    return ::operator new(n);
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    ++g_allocations;
    return std::malloc(n ? n : 1);
}
void* operator new[](std::size_t n, const std::nothrow_t& tag) noexcept {
    return ::operator new(n, tag);
}
void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}
void operator delete[](void* p) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}

using namespace tessera;

namespace {

std::vector<float> deterministicInput(std::int64_t n) {
    std::vector<float> v(static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < v.size(); ++i) {
        v[i] = 0.5f * std::sin(float(i) * 0.01f);
    }
    return v;
}

std::vector<float> infer(std::shared_ptr<const exec::Net> net, int threads) {
    exec::Session session(net, threads);
    const auto& in = net->graph().inputs[0];
    const auto data = deterministicInput(model::elementCount(in.shape));
    if (!session.setInput(in.name, data.data(), data.size()).ok() || !session.run().ok()) {
        return {};
    }
    auto out = session.output(net->graph().outputs[0].name);
    return out ? std::vector<float>(out->data, out->data + out->elements()) : std::vector<float>{};
}

double relativeL2(const std::vector<float>& a, const std::vector<float>& b) {
    double num = 0, den = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        num += (double(a[i]) - b[i]) * (double(a[i]) - b[i]);
        den += double(b[i]) * b[i];
    }
    return std::sqrt(num / std::max(den, 1e-30));
}

} // namespace

class TestNet : public QObject {
    Q_OBJECT
private slots:
    void arenaEqualsThePredictedPeak_data() {
        QTest::addColumn<QString>("name");
        for (const char* name : {"resnet18", "mobilenetv2", "tiny-yolov2", "alexnet"}) {
            QTest::newRow(name) << name;
        }
    }

    void arenaEqualsThePredictedPeak() {
        QFETCH(QString, name);
        auto m = model::buildZooModel(name.toStdString());
        QVERIFY(m.ok());
        const auto predicted = cost::analyze(m->graph).peakActivationBytes;
        auto net = exec::Net::load(std::move(*m));
        QVERIFY2(net.ok(), net.ok() ? "" : net.error().message.c_str());
        exec::Session session(*net, 2);
        QCOMPARE(std::int64_t(session.arenaBytes()), predicted);
    }

    void runDoesNotAllocate() {
        auto m = model::buildZooModel("mobilenetv2");
        QVERIFY(m.ok());
        auto net = exec::Net::load(std::move(*m));
        QVERIFY(net.ok());
        exec::Session session(*net, 2);
        QVERIFY(session.run().ok()); // first inference
        const long before = g_allocations.load();
        for (int i = 0; i < 3; ++i) {
            QVERIFY(session.run().ok());
        }
        QCOMPARE(g_allocations.load() - before, 0L);
    }

    void sessionMemoryComesFromThePluggableAllocator() {
        auto m = model::buildZooModel("resnet18");
        QVERIFY(m.ok());
        auto net = exec::Net::load(std::move(*m));
        QVERIFY(net.ok());
        exec::CountingAllocator counter;
        {
            exec::Session session(*net, 2, &counter);
            QCOMPARE(counter.inUse(), session.arenaBytes() + session.workspaceBytes());
            QVERIFY(session.run().ok());
            QCOMPARE(counter.peak(), session.arenaBytes() + session.workspaceBytes());
        }
        QCOMPARE(counter.inUse(), std::size_t(0));
    }

    void optimisedMatchesReference_data() {
        QTest::addColumn<QString>("name");
        for (const char* name : {"mobilenetv2", "resnet18", "tiny-yolov2"}) {
            QTest::newRow(name) << name;
        }
    }

    void optimisedMatchesReference() {
        // Reference: unfused plain loops with double accumulation. Optimised: BN folded into the weights,
        // activations fused, Eigen GEMM with float accumulation. Differences come only from rounding.
        QFETCH(QString, name);
        auto m = model::buildZooModel(name.toStdString());
        QVERIFY(m.ok());
        auto reference = exec::Net::load(*m, exec::NetOptions{true, false});
        auto optimised = exec::Net::load(std::move(*m));
        QVERIFY2(reference.ok() && optimised.ok(), reference.ok() ? "" : reference.error().message.c_str());
        const auto expected = infer(*reference, 1);
        const auto got = infer(*optimised, 2);
        QVERIFY(!expected.empty());
        QCOMPARE(got.size(), expected.size());
        const double error = relativeL2(got, expected);
        qInfo("%s: relative L2 error %.3g", qPrintable(name), error);
        QVERIFY(error < 1e-4); // float accumulation (GEMM) vs double (reference) over up to 52 layers
    }

    // A task of a tiled plan can read an empty region of a tensor: its input has no values and comes as an
    // empty vector's null pointer. (Before the fix memcpy got that null pointer: undefined behaviour, which
    // fails this test under the asan preset's UBSan.)
    void emptyInputTakesNoValues() {
        model::Model m;
        m.graph.inputs.push_back({"x", model::DType::Float32, {1, 2, 0, 3}});
        m.graph.values["x"] = m.graph.inputs[0];
        m.graph.values["y"] = {"y", model::DType::Float32, {1, 2, 0, 3}};
        m.graph.nodes.push_back(model::Node{"relu", "Relu", "", {"x"}, {"y"}, {}});
        m.graph.outputs.push_back(m.graph.values["y"]);
        auto net = exec::Net::load(std::move(m));
        QVERIFY2(net.ok(), net ? "" : net.error().message.c_str());
        exec::Session session(*net, 2);
        const std::vector<float> none;
        const auto set = session.setInput("x", none.data(), none.size());
        QVERIFY2(set.ok(), set ? "" : set.error().message.c_str());
        QVERIFY(session.run().ok());
        auto out = session.output("y");
        QVERIFY(out.ok());
        QCOMPARE(out->elements(), std::int64_t(0));
    }

    void missingKernelsAreListedAtLoad() {
        model::Model m;
        m.path = "custom.onnx";
        m.graph.inputs.push_back({"x", model::DType::Float32, {1, 4}});
        m.graph.values["x"] = m.graph.inputs[0];
        m.graph.values["y"] = {"y", model::DType::Float32, {1, 4}};
        m.graph.nodes.push_back(model::Node{"mystery", "Frobnicate", "", {"x"}, {"y"}, {}});
        m.graph.outputs.push_back(m.graph.values["y"]);
        auto net = exec::Net::load(std::move(m));
        QVERIFY(!net.ok());
        QVERIFY2(net.error().message.find("custom.onnx") != std::string::npos &&
                     net.error().message.find("Frobnicate ('mystery')") != std::string::npos,
                 net.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestNet)
#include "test_net.moc"
