// The Optimize dialog driven as a user would, under the offscreen platform: choose an objective and budgets,
// run the optimizer in the background, compare, pick a Pareto point by clicking it, apply as one undo step,
// cancel, and read the message when the budgets cannot be met. The model is the zoo's tiny-YOLOv2 on the
// four devices of a new project (a chain: latency and traffic go to the dynamic program, memory and the
// Pareto front to GLPK).

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QtCharts/QChartView>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>
#include <cmath>

#include "test_support.h"
#include "ui/main_window.h"
#include "ui/optimize_dialog.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"

using namespace tessera;
using namespace tessera::ui;

class TestOptimizeDialog : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ProjectModel> m_project;

    static void setObjective(OptimizeDialog& dialog, const QString& key) {
        auto* combo = dialog.findChild<QComboBox*>(QStringLiteral("objective"));
        QVERIFY(combo);
        combo->setCurrentIndex(combo->findData(key));
        QCOMPARE(combo->currentData().toString(), key);
    }

    static QDoubleSpinBox* budgetSpin(OptimizeDialog& dialog, int device) {
        auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("budgets"));
        return table ? qobject_cast<QDoubleSpinBox*>(table->cellWidget(device, 1)) : nullptr;
    }

    // Presses Optimize and waits for the result.
    static void run(OptimizeDialog& dialog) {
        QSignalSpy finished(&dialog, &OptimizeDialog::optimizeFinished);
        auto* button = dialog.findChild<QPushButton*>(QStringLiteral("run"));
        QVERIFY(button && button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(dialog.isRunning());
        QVERIFY(!button->isEnabled());
        QVERIFY(finished.wait(240'000));
        QVERIFY(!dialog.isRunning());
        QVERIFY(dialog.optimizeResult().has_value());
    }

private slots:
    void init() {
        m_project = std::make_unique<ProjectModel>(test::zooCacheDir());
        QString error;
        QVERIFY2(test::newZooProject(*m_project, QStringLiteral("tiny-yolov2"), &error), qPrintable(error));
        QCOMPARE(m_project->cluster().devices.size(), std::size_t(4));
        QCOMPARE(m_project->plan().stages.size(), std::size_t(1)); // whole on the gateway
        QVERIFY(m_project->preview().valid);
    }

    void latencyResultAppliedAsOneUndoStep() {
        OptimizeDialog dialog(m_project.get());
        setObjective(dialog, QStringLiteral("latency"));
        auto* apply = dialog.findChild<QPushButton*>(QStringLiteral("apply"));
        QVERIFY(!apply->isEnabled());
        run(dialog);
        const auto& result = *dialog.optimizeResult();
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.plans.size(), std::size_t(1));
        QVERIFY(result.candidates > 10);
        QVERIFY(result.solver == QStringLiteral("dynamic program") ||
                result.solver.startsWith(QStringLiteral("GLPK integer program")));
        const OptimizedPlan& best = result.plans.front();
        QVERIFY(best.solution.optimal);
        QVERIFY(best.preview.valid);
        QVERIFY(best.preview.overBudget.empty());
        // four devices beat one: the whole model on the gateway is slower
        QVERIFY2(best.preview.latencySeconds < m_project->preview().latencySeconds,
                 qPrintable(QStringLiteral("%1 s vs %2 s")
                                .arg(best.preview.latencySeconds)
                                .arg(m_project->preview().latencySeconds)));
        QVERIFY(best.plan.stages.size() > 1);
        // the comparison names both plans' figures, the stages list the result
        auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("comparison"));
        QVERIFY(table->item(2, 0) && table->item(2, 1));
        QCOMPARE(table->item(2, 1)->text(), secondsText(best.preview.latencySeconds));
        QCOMPARE(dialog.findChild<QListWidget*>(QStringLiteral("stages"))->count(),
                 int(best.plan.stages.size()));
        QVERIFY(apply->isEnabled());

        const partition::Plan before = m_project->plan();
        const cost::Cluster clusterBefore = m_project->cluster();
        const int steps = m_project->undoStack()->count();
        QSignalSpy planChanged(m_project.get(), &ProjectModel::planChanged);
        QTest::mouseClick(apply, Qt::LeftButton);
        QCOMPARE(dialog.result(), QDialog::Accepted);
        QCOMPARE(m_project->undoStack()->count(), steps + 1);
        QCOMPARE(planChanged.count(), 1);
        QVERIFY(m_project->plan() == best.plan);
        QVERIFY(m_project->cluster() == clusterBefore); // budgets untouched
        QCOMPARE(m_project->preview().latencySeconds, best.preview.latencySeconds);
        QCOMPARE(m_project->solverSettings().objective, QStringLiteral("latency"));
        m_project->undoStack()->undo();
        QVERIFY(m_project->plan() == before);
        m_project->undoStack()->redo();
        QVERIFY(m_project->plan() == best.plan);
    }

    // Throughput: the plan's pipelined period (the simulator's busiest resource per frame) is the
    // optimizer's, no more than the latency plan's, and the comparison and the chart show frames per second.
    void throughputShowsFramesPerSecond() {
        OptimizeDialog dialog(m_project.get());
        setObjective(dialog, QStringLiteral("throughput"));
        dialog.findChild<QDoubleSpinBox*>(QStringLiteral("timeLimit"))->setValue(20);
        run(dialog);
        const auto& result = *dialog.optimizeResult();
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY(result.solver.startsWith(QStringLiteral("GLPK integer program")));
        const OptimizedPlan& best = result.plans.front();
        QVERIFY(best.preview.valid);
        const double period = best.preview.frame.periodSeconds;
        QVERIFY2(std::fabs(period - best.solution.objective) <= 1e-6 * period,
                 qPrintable(QStringLiteral("%1 s vs %2 s").arg(period).arg(best.solution.objective)));
        QVERIFY(period < m_project->preview().frame.periodSeconds);
        QVERIFY(best.plan.stages.size() > 1);
        auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("comparison"));
        QCOMPARE(table->verticalHeaderItem(3)->text(), QStringLiteral("Throughput, pipelined"));
        QCOMPARE(table->item(3, 1)->text(), QStringLiteral("%1 frames/s").arg(1 / period, 0, 'f', 2));
        auto* chart = dialog.findChild<QChartView*>(QStringLiteral("front"))->chart();
        QCOMPARE(chart->title(), QStringLiteral("Throughput against memory"));
        QCOMPARE(static_cast<QValueAxis*>(chart->axes(Qt::Vertical).front())->titleText(),
                 QStringLiteral("Throughput, pipelined (frames/s)"));
        if (const QString dir = qEnvironmentVariable("TESSERA_SCREENSHOT_DIR"); !dir.isEmpty()) {
            dialog.resize(1100, 760);
            QVERIFY(dialog.grab().save(QDir(dir).filePath(QStringLiteral("optimize-throughput.png"))));
        }
        // applied, the project keeps the objective through a save and a reopen
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("apply")), Qt::LeftButton);
        QCOMPARE(m_project->solverSettings().objective, QStringLiteral("throughput"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("throughput.tessera"));
        QString error;
        QVERIFY2(m_project->save(path, &error), qPrintable(error));
        ProjectModel reopened(test::zooCacheDir());
        QVERIFY2(reopened.openProject(path, &error), qPrintable(error));
        QCOMPARE(reopened.solverSettings().objective, QStringLiteral("throughput"));
        QVERIFY(reopened.plan() == best.plan);
    }

    void memoryUnderEditedBudgets() {
        OptimizeDialog dialog(m_project.get());
        setObjective(dialog, QStringLiteral("memory"));
        dialog.findChild<QDoubleSpinBox*>(QStringLiteral("timeLimit"))->setValue(60);
        // the gateway gets a smaller budget, which the applied cluster keeps
        const cost::Cluster clusterBefore = m_project->cluster();
        const SolverSettings settingsBefore = m_project->solverSettings();
        QDoubleSpinBox* gatewayBudget = budgetSpin(dialog, 0);
        QVERIFY(gatewayBudget);
        gatewayBudget->setValue(gatewayBudget->value() / 2);
        run(dialog);
        const auto& result = *dialog.optimizeResult();
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY(result.solver.contains(QStringLiteral("GLPK")));
        const OptimizedPlan& best = result.plans.front();
        QVERIFY(best.preview.valid);
        QVERIFY(best.preview.largestDeviceBytes() < m_project->preview().largestDeviceBytes());

        const partition::Plan before = m_project->plan();
        QVERIFY(dialog.apply());
        const std::int64_t halved = std::int64_t(gatewayBudget->value() * 1024 * 1024);
        QCOMPARE(m_project->cluster().devices[0].memoryBytes, halved);
        QCOMPARE(m_project->cluster().devices[1].memoryBytes, clusterBefore.devices[1].memoryBytes);
        QVERIFY(m_project->preview().overBudget.empty());
        QCOMPARE(m_project->solverSettings().objective, QStringLiteral("memory"));
        // one undo step restores plan, budgets and solver settings together
        m_project->undoStack()->undo();
        QVERIFY(m_project->plan() == before);
        QVERIFY(m_project->cluster() == clusterBefore);
        QVERIFY(m_project->solverSettings() == settingsBefore);
    }

    void budgetsNoPlanMeetsAreExplained() {
        OptimizeDialog dialog(m_project.get());
        setObjective(dialog, QStringLiteral("latency"));
        for (int d = 0; d < 4; ++d) {
            budgetSpin(dialog, d)->setValue(1);
        }
        run(dialog);
        const QString error = dialog.optimizeResult()->error;
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(QStringLiteral("no plan fits the memory budgets")), qPrintable(error));
        QVERIFY2(error.contains(QString::fromStdString(m_project->cluster().devices[0].name)),
                 qPrintable(error));
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("status"))->text(), error);
        QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("apply"))->isEnabled());
        QVERIFY(!dialog.apply());
    }

    void badGridsAreRefusedInline() {
        OptimizeDialog dialog(m_project.get());
        dialog.findChild<QLineEdit*>(QStringLiteral("grids"))->setText(QStringLiteral("2, x"));
        QVERIFY(!dialog.settings());
        QVERIFY(
            dialog.findChild<QLabel*>(QStringLiteral("status"))->text().contains(QStringLiteral("\"x\"")));
        dialog.startOptimize();
        QVERIFY(!dialog.isRunning());
    }

    void paretoPointPickedByClick() {
        OptimizeDialog dialog(m_project.get());
        dialog.resize(1000, 760);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        setObjective(dialog, QStringLiteral("latency"));
        auto* pareto = dialog.findChild<QCheckBox*>(QStringLiteral("pareto"));
        pareto->setChecked(true);
        dialog.findChild<QSpinBox*>(QStringLiteral("points"))->setValue(4);
        run(dialog);
        const auto& result = *dialog.optimizeResult();
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY(result.plans.size() >= 2);
        // memory ascending, the objective descending (the optimizer's figures)
        for (std::size_t k = 1; k < result.plans.size(); ++k) {
            QVERIFY(result.plans[k].solution.figures.maxMemoryBytes >=
                    result.plans[k - 1].solution.figures.maxMemoryBytes);
            QVERIFY(result.plans[k].solution.figures.latencySeconds <
                    result.plans[k - 1].solution.figures.latencySeconds);
        }
        auto* view = dialog.findChild<QChartView*>(QStringLiteral("front"));
        QVERIFY(view && view->isVisible());
        QScatterSeries* front = nullptr;
        for (auto* series : view->chart()->series()) {
            if (series->objectName() == QStringLiteral("optimizedSeries")) {
                front = static_cast<QScatterSeries*>(series);
            }
        }
        QVERIFY(front);
        QCOMPARE(front->count(), int(result.plans.size()));
        QCOMPARE(dialog.selectedPlan(), int(result.plans.size()) - 1);
        // click the first point (least memory)
        const QPointF scene = view->chart()->mapToPosition(front->at(0), front);
        const QPoint pos = view->mapFromScene(scene);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, pos);
        QTRY_COMPARE(dialog.selectedPlan(), 0);
        auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("comparison"));
        QVERIFY(table->horizontalHeaderItem(1)->text().startsWith(QStringLiteral("Point 1 of")));
        if (const QByteArray dir = qgetenv("TESSERA_SCREENSHOT_DIR"); !dir.isEmpty()) {
            dialog.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/optimize-dialog.png"));
        }
        QVERIFY(dialog.apply());
        QVERIFY(m_project->plan() == result.plans.front().plan);
    }

    void cancelStopsTheSearch() {
        OptimizeDialog dialog(m_project.get());
        setObjective(dialog, QStringLiteral("memory"));
        dialog.findChild<QDoubleSpinBox*>(QStringLiteral("timeLimit"))->setValue(3600);
        dialog.findChild<QLineEdit*>(QStringLiteral("grids"))->setText(QStringLiteral("2, 3, 4, 5, 6, 7, 8"));
        QSignalSpy finished(&dialog, &OptimizeDialog::optimizeFinished);
        dialog.startOptimize();
        QVERIFY(dialog.isRunning());
        QTest::qWait(300);
        QElapsedTimer timer;
        timer.start();
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("cancel")), Qt::LeftButton);
        QVERIFY(finished.wait(30'000));
        QVERIFY2(timer.elapsed() < 20'000, qPrintable(QString::number(timer.elapsed())));
        // either stopped while measuring (an error saying so) or the best plan found so far
        const auto& result = *dialog.optimizeResult();
        if (!result.error.isEmpty()) {
            QVERIFY2(result.error.contains(QStringLiteral("cancel")), qPrintable(result.error));
        } else {
            QVERIFY(result.plans.front().preview.valid);
        }
    }

    void closingWhileRunningWaitsForTheSearch() {
        QElapsedTimer timer;
        {
            OptimizeDialog dialog(m_project.get());
            dialog.findChild<QDoubleSpinBox*>(QStringLiteral("timeLimit"))->setValue(3600);
            dialog.startOptimize();
            QVERIFY(dialog.isRunning());
            timer.start();
            dialog.reject();
        }
        QVERIFY2(timer.elapsed() < 20'000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(m_project->undoStack()->count() == 0);
    }

    void mainWindowOffersOptimize() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        MainWindowOptions options;
        options.dataDir = dir.path();
        options.offerRecovery = false;
        MainWindow window(m_project.get(), &settings, options);
        auto* action = window.findChild<QAction*>(QStringLiteral("optimizeAction"));
        QVERIFY(action);
        QVERIFY(action->isEnabled());
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
        // the action opens the dialog (modal); close it from the event loop
        QTimer::singleShot(0, this, [] {
            for (QWidget* w : QApplication::topLevelWidgets()) {
                if (auto* d = qobject_cast<OptimizeDialog*>(w); d && d->isVisible()) {
                    d->reject();
                }
            }
        });
        action->trigger();
        QCOMPARE(m_project->undoStack()->count(), 0);
    }
};

QTEST_MAIN(TestOptimizeDialog)
#include "test_optimize_dialog.moc"
