// Exactness of partitioned execution: every plan, run task by task by the in-process executor (each task
// sees only the regions the program sends it), reproduces the whole-model output.
// Tolerance: relative L2 error <= 1e-5 and max |error| <= 1e-4 * (1 + max |reference|); tiles and slices
// only reorder float sums (a tile's GEMM is narrower, a LIP sum adds partial products in another order).

#include <QtTest>

#include "core/partition/program.h"
#include "support/random_plans.h"

using namespace tessera;

class TestPartitionExact : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    model::Model load(const test::OnnxBuilder& b, const std::string& name) {
        const std::string path = m_dir.filePath(QString::fromStdString(name + ".onnx")).toStdString();
        b.save(path);
        auto m = model::loadModel(path);
        if (!m) {
            qFatal("%s", m.error().message.c_str());
        }
        return std::move(*m);
    }

    // Everything compile() decides, as text: tasks (graph, inputs and their sources, outputs, weights, costs)
    // and pieces. compile() builds a block's tiles on several threads; the program must not depend on it.
    static std::string fingerprint(const partition::Program& p) {
        std::string text;
        for (const auto& t : p.tasks) {
            text += "task " + std::to_string(t.stage) + "/" + std::to_string(t.cell) + " on " +
                    std::to_string(t.device) + " schedule " + std::to_string(t.schedule) + " macs " +
                    std::to_string(t.macs) + " arena " + std::to_string(t.arenaBytes) + " weights " +
                    std::to_string(t.weightBytes) + " work " + std::to_string(t.work.macs) + "/" +
                    std::to_string(t.work.bytes) + "/" + std::to_string(t.work.nodes) + "\n";
            for (const auto& n : t.graph.nodes) {
                text += " node " + n.name + " " + n.opType;
                for (const auto& v : n.inputs) {
                    text += " <" + v;
                }
                for (const auto& v : n.outputs) {
                    text += " >" + v;
                }
                text += "\n";
            }
            for (const auto& in : t.inputs) {
                text += " input " + in.name + " " + in.value + " " + in.region.toString();
                for (const auto& src : in.sources) {
                    text += " from " + std::to_string(src.piece) + src.part.toString();
                }
                text += "\n";
            }
            for (const auto& w : t.weights) {
                text += " weight " + w.name + " " + w.source + w.region.toString() + "\n";
            }
            for (int o : t.outputs) {
                text += " output " + std::to_string(o) + "\n";
            }
        }
        for (const auto& piece : p.pieces) {
            text += "piece " + piece.value + piece.region.toString() + " task " + std::to_string(piece.task) +
                    " " + piece.output + "\n";
        }
        return text;
    }

    // Runs `plan` and compares with the whole model; returns the largest relative L2 error seen.
    int m_strips = 0; // strip inputs of data-reuse tiles seen by check()

    double check(const model::Model& m, const partition::Plan& plan, const cost::Cluster& cluster,
                 const std::string& what) {
        const auto problems = partition::validate(plan, m.graph, cluster);
        if (!problems.empty()) {
            qWarning("%s: %s", what.c_str(), problems.front().c_str());
            return INFINITY;
        }
        auto program = partition::compile(m, plan, cluster);
        if (!program) {
            qWarning("%s: %s", what.c_str(), program.error().message.c_str());
            return INFINITY;
        }
        const auto again = partition::compile(m, plan, cluster);
        if (!again.ok() || fingerprint(*again) != fingerprint(*program)) {
            qWarning("%s: compiling the plan again gave another program", what.c_str());
            return INFINITY;
        }
        for (const auto& t : program->tasks) {
            for (const auto& in : t.inputs) {
                m_strips += in.name.find("@strip") != std::string::npos;
            }
        }
        const auto inputs = test::sampleInputs(m.graph);
        const auto want = test::runWhole(m, inputs);
        auto got = partition::execute(*program, m, inputs);
        if (!got) {
            qWarning("%s: %s", what.c_str(), got.error().message.c_str());
            return INFINITY;
        }
        std::int64_t predicted = 0;
        for (const auto& t : program->transfers()) {
            predicted += t.bytes;
        }
        if (predicted != got->bytesMoved) {
            qWarning("%s: %lld bytes moved, %lld predicted", what.c_str(), (long long)got->bytesMoved,
                     (long long)predicted);
            return INFINITY;
        }
        double worst = 0;
        for (const auto& [name, reference] : want) {
            const auto d = test::deviation(got->outputs[name], reference);
            if (d.relativeL2 > 1e-5 || d.maxAbs > 1e-4 * (1 + d.maxRef)) {
                qWarning("%s: output '%s' rel L2 %.3g, max abs %.3g", what.c_str(), name.c_str(),
                         d.relativeL2, d.maxAbs);
                return INFINITY;
            }
            worst = std::max(worst, d.relativeL2);
        }
        return worst;
    }

private slots:
    void randomModelsAndPlans() {
        int plans = 0, kinds[4] = {0, 0, 0, 0}, reuse = 0;
        double worst = 0;
        for (std::uint32_t seed = 1; seed <= 120; ++seed) {
            const auto m = load(test::randomCnn(seed), "random" + std::to_string(seed));
            for (std::uint32_t k = 0; k < 6; ++k) {
                const int devices = 2 + int(k % 3);
                const auto cluster = cost::uniformCluster("rpi4", devices);
                const auto plan = test::randomPlan(m.graph, devices, seed * 100 + k);
                const double e =
                    check(m, plan, cluster, "model " + std::to_string(seed) + " plan " + std::to_string(k));
                QVERIFY2(std::isfinite(e), ("model seed " + std::to_string(seed) + ", plan seed " +
                                            std::to_string(seed * 100 + k))
                                               .c_str());
                worst = std::max(worst, e);
                ++plans;
                for (const auto& s : plan.stages) {
                    ++kinds[int(s.kind)];
                    reuse += s.reuse;
                }
            }
        }
        qInfo("%d plans: %d device, %d tiles (%d with reuse, %d strips fetched), %d lop, %d lip stages; "
              "worst rel L2 %.2g",
              plans, kinds[0], kinds[1], reuse, m_strips, kinds[2], kinds[3], worst);
        // every scheme really exercised
        QVERIFY(kinds[1] > 20 && kinds[2] > 20 && kinds[3] > 10 && reuse > 10 && m_strips > 50);
    }
};

QTEST_GUILESS_MAIN(TestPartitionExact)
#include "test_partition_exact.moc"
