// How long the studio takes to follow one plan edit on YOLOv2-608 (issue target: under 16 ms): the
// prediction (validate, compile, plan cost, one simulated frame) plus every view redrawing from the model's
// signals (memory chart, predictions, layer table, graph tints, tile editor). Alternates between two plans so
// that every iteration is a real change. And the same as the user sees it: a cut line of the sample's 5x5
// block dragged in the tile editor with mouse events, each move timed until every view has repainted; and a
// share slider of a LOP stage (fused with the LIP stage after it) dragged in the channel split editor.

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>

#include "core/partition/program.h"
#include "core/sim/simulator.h"
#include "test_support.h"
#include "ui/channel_split_editor.h"
#include "ui/graph_layout.h"
#include "ui/main_window.h"
#include "ui/memory_chart.h"
#include "ui/node_selection.h"
#include "ui/partition_editor.h"
#include "ui/plan_edit.h"
#include "ui/plan_preview.h"
#include "ui/project_model.h"
#include "ui/tile_canvas.h"
#include "ui/tile_editor.h"

using namespace tessera;
using namespace tessera::ui;

class BenchPreview : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProjectModel> m_project;
    std::unique_ptr<MainWindow> m_window;
    partition::Plan m_a, m_b;
    std::unique_ptr<partition::WeightCensus> m_census;

private slots:
    void initTestCase() {
        m_settings =
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        m_project = std::make_unique<ProjectModel>(test::zooCacheDir());
        MainWindowOptions options;
        options.dataDir = m_dir.path();
        options.offerRecovery = false;
        m_window = std::make_unique<MainWindow>(m_project.get(), m_settings.get(), options);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(m_window->openProjectFile(test::sampleProject()));
        m_a = m_project->plan();
        const auto& stage = m_a.stages.front();
        auto b = fuseTiles(m_a, stage.first, stage.last, {4, 4, true, true}, m_project->model().graph,
                           m_project->cluster());
        QVERIFY(b.ok());
        m_b = *b;
        m_census = std::make_unique<partition::WeightCensus>(m_project->model().graph);
    }

    void predictionOnly() {
        PlanPreview preview;
        QBENCHMARK {
            preview = computePreview(m_project->model(), m_b, m_project->cluster(), m_census.get());
        }
        QVERIFY(preview.valid);
    }

    // Where the time of one prediction goes (ms on stdout), with the census the studio keeps and, for
    // contrast, with one counted afresh for the compile (every weight's zeros counted once more).
    void predictionBreakdown_data() {
        QTest::addColumn<bool>("fresh");
        QTest::newRow("shared census") << false;
        QTest::newRow("fresh census") << true;
    }

    // The prediction's steps, each the least thread CPU time over ten runs (steadier than wall-clock time on
    // shared cores); compile's least wall-clock time too (it builds a block's tiles on several threads).
    void predictionBreakdown() {
        QFETCH(bool, fresh);
        const auto& model = m_project->model();
        const auto& cluster = m_project->cluster();
        const auto ms = [](const timespec& start, const timespec& end) {
            return double(end.tv_sec - start.tv_sec) * 1e3 + double(end.tv_nsec - start.tv_nsec) / 1e6;
        };
        // {thread CPU, wall}
        auto leastMs = [&ms](const auto& step) {
            std::pair<double, double> least{1e300, 1e300};
            for (int run = 0; run < 10; ++run) {
                timespec cpu0{}, cpu1{}, wall0{}, wall1{};
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu0);
                clock_gettime(CLOCK_MONOTONIC, &wall0);
                step();
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu1);
                clock_gettime(CLOCK_MONOTONIC, &wall1);
                least = {std::min(least.first, ms(cpu0, cpu1)), std::min(least.second, ms(wall0, wall1))};
            }
            return least;
        };
        std::vector<std::string> problems;
        const auto validate = leastMs([&] { problems = partition::validate(m_b, model.graph, cluster); });
        std::optional<partition::Program> program;
        const auto compile = leastMs([&] {
            auto compiled = partition::compile(model, m_b, cluster, fresh ? nullptr : m_census.get());
            program = compiled.ok() ? std::make_optional(std::move(*compiled)) : std::nullopt;
        });
        QVERIFY(program.has_value());
        sim::PlanCost cost;
        const auto planCost = leastMs([&] { cost = sim::planCost(*program, model.graph, cluster); });
        sim::SimResult frame;
        const auto simulate = leastMs([&] { frame = sim::simulate(*program, cluster, {1, 0}); });
        qInfo("thread CPU time, least of 10: validate %.2f ms, compile %.2f ms (wall %.2f ms), planCost %.2f "
              "ms, "
              "simulate %.2f ms",
              validate.first, compile.first, compile.second, planCost.first, simulate.first);
        QVERIFY(problems.empty());
        QVERIFY(cost.trafficBytes > 0);
        QVERIFY(frame.frameLatency.front() > 0);
    }

    void planEditWithEveryView() {
        bool flip = false;
        QBENCHMARK {
            m_project->setPlan(flip ? m_a : m_b);
            flip = !flip;
        }
        QVERIFY(m_window->memoryChart()->bars().front().weights > 0);
    }

    // One cut-line drag of 40 moves, each moving the line by one column: the merged undo command, the
    // prediction, and every view redrawn and repainted. Min / median / max in milliseconds on stdout.
    void cutLineDrag_data() {
        QTest::addColumn<bool>("input");
        QTest::newRow("output") << false;
        QTest::newRow("input shown") << true; // every tile's receptive region recomputed per move
    }

    void cutLineDrag() {
        QFETCH(bool, input);
        m_project->setPlan(m_a);
        const auto& nodes = m_project->model().graph.nodes;
        const auto conv15 =
            std::find_if(nodes.begin(), nodes.end(), [](const auto& n) { return n.name == "conv_15"; });
        m_window->selection()->setNodes({std::size_t(conv15 - nodes.begin())});
        auto* canvas = m_window->tileEditor()->canvas();
        canvas->setShowInput(input);
        QApplication::processEvents();
        QApplication::processEvents();
        QVERIFY(canvas->isVisible());
        const int steps = m_project->undoStack()->count();
        QTest::mousePress(canvas, Qt::LeftButton, {},
                          canvas->cutHandle(TileCanvas::Axis::Columns, 1).toPoint());
        // Wall-clock time, and the process's CPU time (what the move costs when other programs share the
        // cores).
        std::vector<double> handled, ms, cpu;
        int chartChanges = 0;
        for (int i = 0; i < 40; ++i) {
            const int column = 13 + (i % 12 < 6 ? i % 6 : 6 - i % 6); // 13..19 and back
            const double before = m_window->memoryChart()->bars().front().activations;
            QElapsedTimer timer;
            timer.start();
            const std::clock_t cpuStart = std::clock();
            QTest::mouseMove(canvas, canvas->outputPoint(19, column + 0.2).toPoint());
            handled.push_back(double(timer.nsecsElapsed()) / 1e6);
            QApplication::processEvents(); // the repaints the move scheduled
            ms.push_back(double(timer.nsecsElapsed()) / 1e6);
            cpu.push_back(double(std::clock() - cpuStart) * 1000.0 / CLOCKS_PER_SEC);
            QCOMPARE(m_project->plan().stages.front().colCuts[1], std::int64_t(column));
            chartChanges += m_window->memoryChart()->bars().front().activations != before;
        }
        // It ends away from where it began (16), so the drag leaves one step.
        QTest::mouseMove(canvas, canvas->outputPoint(19, 18.2).toPoint());
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, canvas->outputPoint(19, 18.2).toPoint());
        QCOMPARE(m_project->undoStack()->count(), steps + 1);
        QVERIFY(chartChanges > 0);
        QCOMPARE(canvas->inputRegions().size(), input ? std::size_t(25) : std::size_t(0));
        for (auto* v : {&handled, &ms, &cpu}) {
            std::sort(v->begin(), v->end());
        }
        qInfo("cut-line drag on YOLOv2-608 (5x5 block%s), per move: handled (command, prediction, views "
              "updated) min %.2f / median %.2f / max %.2f ms; with the repaints min %.2f / median %.2f / max "
              "%.2f ms; CPU time with the repaints min %.2f / median %.2f / max %.2f ms",
              input ? ", input shown" : "", handled.front(), handled[handled.size() / 2], handled.back(),
              ms.front(), ms[ms.size() / 2], ms.back(), cpu.front(), cpu[cpu.size() / 2], cpu.back());
    }

    // One share-slider drag of 40 moves in the channel split editor: conv_18 split by output channels and
    // conv_19 by input channels over the six devices (a fused pair, kept fused), the first slice's slider
    // moved a granule at a time. Each move: the slices resized, both stages re-cut (one merged undo command),
    // the prediction and every view. Min / median / max in milliseconds on stdout.
    void shareSliderDrag() {
        m_project->setPlan(m_a);
        const auto conv18 = test::nodeIndex(*m_project, "conv_18");
        const auto conv19 = test::nodeIndex(*m_project, "conv_19");
        auto* editor = m_window->partitionEditor();
        QVERIFY(
            editor->split(conv18, test::nodeIndex(*m_project, "conv_18_leaky"), partition::StageKind::Lop));
        QVERIFY(
            editor->split(conv19, test::nodeIndex(*m_project, "conv_19_leaky"), partition::StageKind::Lip));
        m_window->selection()->setNodes({conv18});
        QApplication::processEvents();
        auto* split = m_window->channelSplitEditor();
        QVERIFY(split->isShowingSplit());
        QSlider* slider = split->shareSlider(0);
        const int steps = m_project->undoStack()->count();
        const int start = slider->value();
        slider->setSliderDown(true); // what pressing the handle does
        std::vector<double> handled, ms, cpu;
        for (int i = 1; i <= 40; ++i) {
            QElapsedTimer timer;
            timer.start();
            const std::clock_t cpuStart = std::clock();
            slider->setSliderPosition(start + (i % 20 < 10 ? i % 10 : 10 - i % 10) + 1); // up and back
            handled.push_back(double(timer.nsecsElapsed()) / 1e6);
            QApplication::processEvents();
            ms.push_back(double(timer.nsecsElapsed()) / 1e6);
            cpu.push_back(double(std::clock() - cpuStart) * 1000.0 / CLOCKS_PER_SEC);
            const auto& plan = m_project->plan();
            QCOMPARE(plan.stages[std::size_t(plan.stageOf(conv18))].channelCuts.front(),
                     std::int64_t(slider->value()));
            QCOMPARE(plan.stages[std::size_t(plan.stageOf(conv19))].channelCuts.front(),
                     std::int64_t(slider->value()));
        }
        slider->setSliderDown(false);
        QCOMPARE(m_project->undoStack()->count(), steps + 1);
        for (auto* v : {&handled, &ms, &cpu}) {
            std::sort(v->begin(), v->end());
        }
        qInfo("share-slider drag on YOLOv2-608 (fused LOP/LIP pair, 6 slices), per move: handled min %.2f / "
              "median %.2f / max %.2f ms; with the repaints min %.2f / median %.2f / max %.2f ms; CPU time "
              "with "
              "the repaints min %.2f / median %.2f / max %.2f ms",
              handled.front(), handled[handled.size() / 2], handled.back(), ms.front(), ms[ms.size() / 2],
              ms.back(), cpu.front(), cpu[cpu.size() / 2], cpu.back());
    }

    // Graphviz layout of a 700-node graph with residual branches (the size of a large real model), which the
    // graph view computes once per opened model.
    void layoutOf700Nodes() {
        model::Graph graph;
        graph.inputs.push_back({"x", model::DType::Float32, {1, 8, 32, 32}});
        for (int i = 0; i < 700; ++i) {
            model::Node node;
            node.name = "n" + std::to_string(i);
            const std::string previous = i == 0 ? std::string("x") : "v" + std::to_string(i - 1);
            node.opType = i % 4 == 3 ? "Add" : (i % 2 ? "Relu" : "Conv");
            node.inputs = {previous};
            if (i % 4 == 3 && i >= 4) {
                node.inputs.push_back("v" + std::to_string(i - 4));
            }
            node.outputs = {"v" + std::to_string(i)};
            graph.nodes.push_back(node);
        }
        std::vector<QSizeF> sizes(graph.nodes.size(), QSizeF(110, 40));
        GraphLayout layout;
        QBENCHMARK_ONCE {
            layout = layoutGraph(graph, sizes);
        }
        QCOMPARE(layout.nodes.size(), std::size_t(700));
        QCOMPARE(layout.edges.size(), std::size_t(699 + 174));
        // Top to bottom: every edge goes down.
        for (const auto& edge : layout.edges) {
            QVERIFY(layout.nodes[edge.to].center().y() > layout.nodes[edge.from].center().y());
        }
    }

    // The same, timed by hand over 50 edits: min / median / max in milliseconds on stdout.
    void planEditSpread() {
        std::vector<double> ms;
        for (int i = 0; i < 50; ++i) {
            QElapsedTimer timer;
            timer.start();
            m_project->setPlan(i % 2 ? m_a : m_b);
            ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        std::sort(ms.begin(), ms.end());
        qInfo("plan edit on YOLOv2-608 with every view: min %.2f ms, median %.2f ms, max %.2f ms", ms.front(),
              ms[ms.size() / 2], ms.back());
        QVERIFY(ms.front() > 0);
    }
};

QTEST_MAIN(BenchPreview)
#include "bench_preview.moc"
