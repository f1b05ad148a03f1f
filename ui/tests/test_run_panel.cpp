// The studio's Run against an emulated local cluster of real tessera-node processes: a small CNN on two
// devices with its first layers cut into tiles, run from the main window's "Run on Emulated Cluster" action.
// Checks that the charts receive a point per frame (latency, every device's compute, throughput, peak RSS),
// that the first frame's output equals the single-device run of the whole model, and that Stop (and the end
// of a run) leaves no tessera-node of this test running. Also: image-folder and video-file input, and the
// clear refusal of a run on devices nobody can reach.

#include <QtCharts/QLineSeries>
#include <QtTest>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QTabWidget>
#include <QtCharts/QChartView>

#include <cmath>
#include <memory>

#include "core/exec/net.h"
#include "deployer/emulated_cluster.h"
#include "small_cnn.h"
#include "test_support.h"
#include "ui/main_window.h"
#include "ui/node_selection.h"
#include "ui/partition_editor.h"
#include "ui/project_model.h"
#include "ui/run_charts.h"
#include "ui/run_panel.h"
#include "ui/run_session.h"

using namespace tessera;
using namespace tessera::ui;

class TestRunPanel : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProjectModel> m_project;
    std::unique_ptr<MainWindow> m_window;

    RunPanel* panel() const { return m_window->runPanel(); }
    RunSession* session() const { return panel()->session(); }

    // tessera-node processes serving a bundle of this test (bundles go under its own temporary folder).
    int nodesRunning() const {
        QProcess pgrep;
        pgrep.start(QStringLiteral("pgrep"),
                    {QStringLiteral("-f"), QStringLiteral("tessera-node --bundle ") + m_dir.path()});
        pgrep.waitForFinished();
        return int(QString::fromLatin1(pgrep.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts).size());
    }

    bool waitFinished(QSignalSpy& finished, int seconds = 240) {
        if (finished.isEmpty() && !finished.wait(seconds * 1000)) {
            return false;
        }
        return true;
    }

private slots:
    // Narrower than kSideBySide the three charts are tabs (each gets the whole width); wider, side by side.
    void chartsTabbedWhenNarrow() {
        RunCharts charts;
        charts.reset({QStringLiteral("a"), QStringLiteral("b")}, {1 << 20, 1 << 20});
        auto* tabs = charts.findChild<QTabWidget*>(QStringLiteral("runChartTabs"));
        QVERIFY(tabs);
        charts.resize(RunCharts::kSideBySide - 200, 300);
        charts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&charts));
        QVERIFY(charts.tabbed());
        QCOMPARE(tabs->count(), 3);
        const int narrowWidth = tabs->currentWidget()->width();
        charts.resize(RunCharts::kSideBySide + 300, 300);
        QTRY_VERIFY(!charts.tabbed());
        QCOMPARE(tabs->count(), 0);
        const auto views = charts.findChildren<QChartView*>();
        QCOMPARE(views.size(), 3);
        for (auto* view : views) {
            QVERIFY(view->isVisible());
        }
        charts.resize(RunCharts::kSideBySide - 200, 300);
        QTRY_VERIFY(charts.tabbed());
        QCOMPARE(tabs->count(), 3);
        QCOMPARE(tabs->currentWidget()->width(), narrowWidth);
    }

    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // RunSession writes its bundles under the temporary folder: this test's, so pgrep finds only ours
        qputenv("TMPDIR", m_dir.path().toLocal8Bit());
        QString error;
        QVERIFY2(!test::writeSmallCnn(m_dir.path(), &error).isEmpty(), qPrintable(error));
    }

    void init() {
        m_settings =
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_project = std::make_unique<ProjectModel>(test::zooCacheDir());
        QString error;
        QVERIFY2(m_project->newProject({QString(), m_dir.filePath(QStringLiteral("small.onnx")), QString()},
                                       &error),
                 qPrintable(error));
        // Two emulated devices; the two conv + pool pairs cut into 2x1 tiles, the last conv on the gateway.
        auto cluster = cost::uniformCluster("emulated", 2);
        partition::Plan whole;
        whole.stages.push_back({});
        whole.stages[0].first = 0;
        whole.stages[0].last = m_project->model().graph.nodes.size() - 1;
        whole.stages[0].devices = {0};
        m_project->setClusterAndPlan(cluster, whole);
        MainWindowOptions options;
        options.dataDir = m_dir.path();
        options.offerRecovery = false;
        options.nodeBinary = QStringLiteral(TESSERA_BINARY_DIR "/bin/tessera-node");
        m_window = std::make_unique<MainWindow>(m_project.get(), m_settings.get(), options);
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        const std::size_t lastPool = test::lastPool(m_project->model().graph);
        QVERIFY(lastPool > 0);
        QVERIFY(m_window->partitionEditor()->fuse(0, lastPool, {2, 1, false, false}));
        QCOMPARE(m_project->plan().stages.front().kind, partition::StageKind::Tiles);
    }

    void cleanup() {
        m_window.reset();
        m_project.reset();
        QCOMPARE(nodesRunning(), 0);
        // the studio's emulated cluster (named after this process) leaves no state or node logs behind
        const QDir state(QString::fromStdString(deployer::stateDirectory()));
        const QString prefix = QStringLiteral("st%1").arg(QCoreApplication::applicationPid() % 1000000);
        QCOMPARE(state.entryList({QStringLiteral("emulated-") + prefix + QStringLiteral(".json"),
                                  prefix + QStringLiteral("-*.log")}),
                 QStringList());
    }

    void runOnEmulatedClusterFillsTheCharts() {
        constexpr int kFrames = 8;
        panel()->setFrames(kFrames);
        QSignalSpy finished(session(), &RunSession::finished);
        QSignalSpy telemetry(session(), &RunSession::telemetryReceived);
        auto* action = m_window->findChild<QAction*>(QStringLiteral("runEmulatedAction"));
        QVERIFY(action && action->isEnabled());
        action->trigger();
        QVERIFY(session()->isRunning());
        QVERIFY(waitFinished(finished));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(nodesRunning(), 0);

        // every device's telemetry of every frame, once; most of it through the gateway's subscription
        QCOMPARE(telemetry.count(), 2 * kFrames);
        int published = 0;
        for (const auto& args : telemetry) {
            published += args.at(0).value<DeviceSample>().published ? 1 : 0;
        }
        qInfo("%d of %d device samples through the telemetry subscription", published, 2 * kFrames);
        QVERIFY2(published >= kFrames, qPrintable(QString::number(published)));
        auto* charts = panel()->charts();
        charts->flush();
        QCOMPARE(charts->latencySeries()->count(), kFrames);
        QCOMPARE(charts->computeSeries().size(), 2);
        for (auto* device : charts->computeSeries()) {
            QCOMPARE(device->count(), kFrames);
            for (const auto& p : device->points()) {
                QVERIFY(p.y() > 0);
            }
        }
        for (const auto& p : charts->latencySeries()->points()) {
            QVERIFY(p.y() > 0);
        }
        QCOMPARE(charts->throughputSeries()->count(), kFrames);
        const auto rss = charts->peakRssMiB();
        QCOMPARE(rss.size(), 2);
        for (double mib : rss) {
            QVERIFY2(mib > 5 && mib < 2000, qPrintable(QString::number(mib)));
        }

        // The first frame equals the whole model run on one device, on the same generated input.
        const auto& outputs = session()->firstOutputs();
        const auto& graph = m_project->model().graph;
        QCOMPARE(outputs.size(), graph.outputs.size());
        auto net = exec::Net::load(m_project->model());
        QVERIFY(net.ok());
        exec::Session single(*net);
        const auto input = FrameInputs::generated(graph.inputs[0].shape, 0);
        QVERIFY(single.setInput(graph.inputs[0].name, input.data(), input.size()).ok());
        QVERIFY(single.run().ok());
        for (const auto& out : graph.outputs) {
            auto expected = single.output(out.name);
            QVERIFY(expected.ok());
            const auto got = outputs.find(out.name);
            QVERIFY(got != outputs.end());
            QCOMPARE(got->second.size(), std::size_t(expected->elements()));
            double error = 0, scale = 0;
            for (std::size_t i = 0; i < got->second.size(); ++i) {
                error = std::max(error, double(std::abs(got->second[i] - expected->data[i])));
                scale = std::max(scale, double(std::abs(expected->data[i])));
            }
            QVERIFY(scale > 0); // not an all-zero output that anything would match
            QVERIFY2(error <= 1e-4 * (1 + scale), qPrintable(QString::number(error)));
        }

        // What the run measured goes into the exported report, beside the plan's prediction.
        const auto* record = panel()->lastRun();
        QVERIFY(record);
        QCOMPARE(record->frames.size(), std::size_t(kFrames));
        QCOMPARE(record->inFlight, 2);
        QVERIFY(record->wallSeconds > 0);
        for (const auto& frame : record->frames) {
            QVERIFY(frame.latencySeconds > 0);
            QCOMPARE(frame.devices.size(), std::size_t(2));
        }
        const auto& predicted = m_project->preview().cost.devices;
        for (const auto& d : record->frames.front().devices) {
            const auto index = m_project->cluster().find(d.device);
            QVERIFY(index.has_value());
            QCOMPARE(d.bytesIn, predicted[std::size_t(*index)].receivedBytes);
            QCOMPARE(d.bytesOut, predicted[std::size_t(*index)].sentBytes);
        }
        const QString reportPath = QStringLiteral(TESSERA_BINARY_DIR "/studio-run-report.json");
        QString error;
        QVERIFY2(m_window->exportReport(reportPath, &error, record), qPrintable(error));
        QFile reportFile(reportPath);
        QVERIFY(reportFile.open(QIODevice::ReadOnly));
        const auto measured = QJsonDocument::fromJson(reportFile.readAll()).object()["measured"].toObject();
        QCOMPARE(measured["frames"].toInt(), kFrames);
        QVERIFY(measured["throughput_fps"].toDouble() > 0);
        // an edit of the plan makes the measurements stale
        m_project->setPlan(m_project->plan());
        QVERIFY(panel()->lastRun());
        auto plan = m_project->plan();
        plan.stages.front().reuse = !plan.stages.front().reuse;
        m_project->setPlan(plan);
        QVERIFY(!panel()->lastRun());

        const QString shot = QStringLiteral(TESSERA_BINARY_DIR "/studio-run.png");
        QVERIFY(m_window->grab().save(shot));
        qInfo("screenshot: %s", qPrintable(shot));
    }

    void stopTearsDownTheNodes() {
        panel()->setFrames(0); // until stopped
        QSignalSpy finished(session(), &RunSession::finished);
        QSignalSpy frames(session(), &RunSession::frameDone);
        // the GUI thread keeps serving its events while the nodes load and frames stream
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        QTimer ticker;
        ticker.setInterval(10);
        connect(&ticker, &QTimer::timeout, this,
                [&] { longestGap = std::max(longestGap, sinceTick.restart()); });
        sinceTick.start();
        ticker.start();
        QVERIFY(panel()->runOnEmulatedCluster());
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() >= 3, 240000);
        ticker.stop();
        qInfo("longest pause of the GUI thread while the cluster came up and ran: %lld ms", longestGap);
        QVERIFY2(longestGap < 400, qPrintable(QString::number(longestGap))); // a shared machine adds its own
        QCOMPARE(nodesRunning(), 2);
        auto* stop = m_window->findChild<QAction*>(QStringLiteral("runStopAction"));
        QVERIFY(stop->isEnabled());
        stop->trigger();
        QVERIFY(waitFinished(finished, 60));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(nodesRunning(), 0);
        panel()->charts()->flush();
        QCOMPARE(panel()->charts()->latencySeries()->count(), frames.count());
        QVERIFY(!stop->isEnabled());
    }

    void imageFolderInput() {
        const QString folder = m_dir.filePath(QStringLiteral("images"));
        QVERIFY(QDir().mkpath(folder));
        auto* input = panel()->findChild<QComboBox*>(QStringLiteral("runInput"));
        auto* path = panel()->findChild<QLineEdit*>(QStringLiteral("runFolder"));
        input->setCurrentIndex(1);
        path->setText(folder);
        panel()->setFrames(3);
        // An empty folder is refused before anything starts, saying what to do.
        QVERIFY(!panel()->start());
        QVERIFY2(panel()->stageText().contains(QStringLiteral("holds no image")),
                 qPrintable(panel()->stageText()));
        QImage red(80, 60, QImage::Format_RGB32), gradient(32, 32, QImage::Format_ARGB32);
        red.fill(Qt::red);
        for (int y = 0; y < 32; ++y) {
            for (int x = 0; x < 32; ++x) {
                gradient.setPixel(x, y, qRgba(x * 8, y * 8, 128, 200));
            }
        }
        QVERIFY(red.save(folder + QStringLiteral("/a.png")));
        QVERIFY(gradient.save(folder + QStringLiteral("/b.png")));
        QSignalSpy finished(session(), &RunSession::finished);
        QVERIFY(panel()->start());
        QVERIFY(waitFinished(finished));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        panel()->charts()->flush();
        QCOMPARE(panel()->charts()->latencySeries()->count(), 3);
    }

    void videoFileInput() {
        auto* input = panel()->findChild<QComboBox*>(QStringLiteral("runInput"));
        auto* path = panel()->findChild<QLineEdit*>(QStringLiteral("runFolder"));
        input->setCurrentIndex(2);
        panel()->setFrames(4);
        // A file that is not a video is refused before anything starts, naming it.
        const QString notes = m_dir.filePath(QStringLiteral("notes.mp4"));
        QFile file(notes);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("not a video\n") > 0);
        file.close();
        path->setText(notes);
        QVERIFY(!panel()->start());
        QVERIFY2(panel()->stageText().startsWith(notes + QStringLiteral(": cannot open it as a video")),
                 qPrintable(panel()->stageText()));
        // three frames, red, green and blue, sent in turn and looped
        path->setText(QStringLiteral(TESSERA_SOURCE_DIR "/tests/fixtures/video/red-green-blue-40x30.mkv"));
        QSignalSpy finished(session(), &RunSession::finished);
        QVERIFY(panel()->start());
        QVERIFY(waitFinished(finished));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        panel()->charts()->flush();
        QCOMPARE(panel()->charts()->latencySeries()->count(), 4);
    }

    void unreachableDevicesAreReported() {
        auto* target = panel()->findChild<QComboBox*>(QStringLiteral("runTarget"));
        target->setCurrentIndex(1); // the project's devices: the emulated preset has no host
        panel()->setFrames(1);
        QSignalSpy finished(session(), &RunSession::finished);
        QVERIFY(panel()->start());
        QVERIFY(waitFinished(finished, 60));
        QVERIFY(!finished.at(0).at(0).toBool());
        const QString message = finished.at(0).at(1).toString();
        QVERIFY2(message.contains(QStringLiteral("2 of 2 devices cannot be reached over SSH")),
                 qPrintable(message));
        QVERIFY2(panel()->stageText().contains(QStringLiteral("emulated local cluster")),
                 qPrintable(panel()->stageText()));
    }
};

QTEST_MAIN(TestRunPanel)
#include "test_run_panel.moc"
