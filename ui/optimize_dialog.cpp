#include "ui/optimize_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtCharts/QLegend>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <set>

#include "ui/chart_view.h"
#include "ui/core_text.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"
#include "ui/undo_commands.h"

namespace tessera::ui {
namespace {

constexpr double kMiB = 1024.0 * 1024.0;
const QColor kOver(0xb0, 0x1c, 0x1c);

optimize::Objective objectiveFromKey(const QString& key) {
    return optimize::parseObjective(key.toStdString()).value_or(optimize::Objective::Latency);
}

} // namespace

OptimizeDialog::OptimizeDialog(ProjectModel* project, QWidget* parent)
    : QDialog(parent)
    , m_project(project)
    , m_objective(new QComboBox(this))
    , m_timeLimit(new QDoubleSpinBox(this))
    , m_pareto(new QCheckBox(tr("Pareto front against the largest device memory"), this))
    , m_points(new QSpinBox(this))
    , m_grids(new QLineEdit(this))
    , m_maxTileLayers(new QSpinBox(this))
    , m_reuse(new QCheckBox(tr("Data reuse in tile blocks"), this))
    , m_channelSplits(new QCheckBox(tr("Channel splits (LOP, LIP)"), this))
    , m_budgets(new QTableWidget(this))
    , m_run(new QPushButton(tr("&Optimize"), this))
    , m_cancel(new QPushButton(tr("Cancel search"), this))
    , m_apply(new QPushButton(tr("&Apply"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_chart(new ChartView(this))
    , m_frontSeries(new QScatterSeries)
    , m_currentSeries(new QScatterSeries)
    , m_selectedSeries(new QScatterSeries)
    , m_comparison(new QTableWidget(this))
    , m_stages(new QListWidget(this)) {
    setWindowTitle(tr("Optimize the Plan"));
    setObjectName(QStringLiteral("optimizeDialog"));

    // settings
    m_objective->setObjectName(QStringLiteral("objective"));
    m_objective->addItem(tr("Latency (predicted, one frame)"), QStringLiteral("latency"));
    m_objective->addItem(tr("Traffic (bytes exchanged)"), QStringLiteral("traffic"));
    m_objective->addItem(tr("Memory (largest device)"), QStringLiteral("memory"));
    m_objective->addItem(tr("Throughput (frames per second, pipelined)"), QStringLiteral("throughput"));
    const SolverSettings& solver = project->solverSettings();
    m_objective->setCurrentIndex(std::max(0, m_objective->findData(solver.objective)));
    m_timeLimit->setObjectName(QStringLiteral("timeLimit"));
    m_timeLimit->setRange(0.1, 3600);
    m_timeLimit->setDecimals(1);
    m_timeLimit->setSuffix(tr(" s"));
    m_timeLimit->setValue(solver.timeLimitSeconds);
    m_pareto->setObjectName(QStringLiteral("pareto"));
    m_points->setObjectName(QStringLiteral("points"));
    m_points->setRange(1, 100);
    m_points->setValue(8);
    m_grids->setObjectName(QStringLiteral("grids"));
    m_grids->setText(QStringLiteral("2, 3, 4, 5"));
    m_grids->setToolTip(tr("Square tile grids to consider, e.g. 2, 3, 4, 5 (2 means 2x2)"));
    m_maxTileLayers->setObjectName(QStringLiteral("maxTileLayers"));
    m_maxTileLayers->setRange(1, 1000);
    m_maxTileLayers->setValue(16);
    m_reuse->setChecked(true);
    m_channelSplits->setChecked(true);
    auto* settingsBox = new QGroupBox(tr("Objective and search"), this);
    auto* form = new QFormLayout(settingsBox);
    form->addRow(tr("Optimise:"), m_objective);
    form->addRow(tr("Time limit:"), m_timeLimit);
    auto* paretoRow = new QHBoxLayout;
    paretoRow->addWidget(m_pareto);
    paretoRow->addWidget(new QLabel(tr("points:"), this));
    paretoRow->addWidget(m_points);
    paretoRow->addStretch();
    form->addRow(QString(), paretoRow);
    form->addRow(tr("Tile grids:"), m_grids);
    form->addRow(tr("Deepest tile block:"), m_maxTileLayers);
    form->addRow(QString(), m_reuse);
    form->addRow(QString(), m_channelSplits);

    // budgets, one spin box per device
    const cost::Cluster& cluster = project->cluster();
    m_budgets->setObjectName(QStringLiteral("budgets"));
    m_budgets->setColumnCount(2);
    m_budgets->setHorizontalHeaderLabels({tr("Device"), tr("Memory budget")});
    m_budgets->verticalHeader()->hide();
    m_budgets->horizontalHeader()->setStretchLastSection(true);
    m_budgets->setSelectionMode(QAbstractItemView::NoSelection);
    m_budgets->setRowCount(int(cluster.devices.size()));
    for (std::size_t d = 0; d < cluster.devices.size(); ++d) {
        auto* name = new QTableWidgetItem(toQString(cluster.devices[d].name));
        name->setFlags(Qt::ItemIsEnabled);
        m_budgets->setItem(int(d), 0, name);
        auto* spin = new QDoubleSpinBox(m_budgets);
        spin->setRange(1, 1024 * 1024);
        spin->setDecimals(1);
        spin->setSuffix(tr(" MiB"));
        spin->setValue(double(cluster.devices[d].memoryBytes) / kMiB);
        m_initialBudgetMiB.push_back(spin->value());
        m_budgets->setCellWidget(int(d), 1, spin);
    }
    m_budgets->resizeColumnToContents(0);
    auto* budgetBox = new QGroupBox(tr("Memory budgets"), this);
    auto* budgetLayout = new QVBoxLayout(budgetBox);
    budgetLayout->addWidget(m_budgets);

    auto* top = new QHBoxLayout;
    top->addWidget(settingsBox, 3);
    top->addWidget(budgetBox, 2);

    // run row
    m_run->setObjectName(QStringLiteral("run"));
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_apply->setObjectName(QStringLiteral("apply"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setText(tr("Choose what to minimise and press Optimize. The current plan stays until you apply "
                         "a result."));
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(m_run);
    runRow->addWidget(m_cancel);
    runRow->addWidget(m_progress, 1);

    // results: the front (Pareto runs) and the comparison with the current plan
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_frontSeries->setName(tr("Optimized"));
    m_frontSeries->setObjectName(QStringLiteral("optimizedSeries"));
    m_frontSeries->setMarkerSize(10);
    m_currentSeries->setName(tr("Current plan"));
    m_currentSeries->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_currentSeries->setMarkerSize(11);
    m_currentSeries->setColor(QColor(0x80, 0x80, 0x80));
    m_selectedSeries->setName(tr("Shown"));
    m_selectedSeries->setMarkerSize(16);
    m_selectedSeries->setColor(QColor(0xe0, 0xa1, 0x3c));
    for (auto* series : {m_selectedSeries, m_frontSeries, m_currentSeries}) {
        chart->addSeries(series);
    }
    chart->createDefaultAxes();
    m_chart->setChart(chart);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumSize(340, 260);
    m_chart->setObjectName(QStringLiteral("front"));
    connect(m_frontSeries, &QScatterSeries::clicked, this, [this](const QPointF& point) {
        // the nearest point of the front, in the chart's own scale
        const QPointF clicked = m_chart->chart()->mapToPosition(point, m_frontSeries);
        int best = -1;
        double bestDistance = 0;
        for (int i = 0; i < m_frontSeries->count(); ++i) {
            const QPointF p = m_chart->chart()->mapToPosition(m_frontSeries->at(i), m_frontSeries);
            const double distance = QLineF(p, clicked).length();
            if (best < 0 || distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        if (best >= 0) {
            // after the series has finished handling the click: selecting redraws (clears) it
            QMetaObject::invokeMethod(
                this, [this, best] { selectPlan(best); }, Qt::QueuedConnection);
        }
    });

    m_comparison->setObjectName(QStringLiteral("comparison"));
    m_comparison->setColumnCount(2);
    m_comparison->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_comparison->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_comparison->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_comparison->setSelectionMode(QAbstractItemView::NoSelection);
    m_stages->setObjectName(QStringLiteral("stages"));
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_comparison, 3);
    rightLayout->addWidget(new QLabel(tr("Stages of the result:"), right));
    rightLayout->addWidget(m_stages, 2);
    auto* results = new QSplitter(this);
    results->addWidget(m_chart);
    results->addWidget(right);
    results->setStretchFactor(0, 2);
    results->setStretchFactor(1, 3);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_apply, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Close);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(runRow);
    layout->addWidget(m_status);
    layout->addWidget(results, 1);
    layout->addWidget(buttons);
    resize(980, 720);

    connect(m_run, &QPushButton::clicked, this, &OptimizeDialog::startOptimize);
    connect(m_cancel, &QPushButton::clicked, this, &OptimizeDialog::cancelOptimize);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        if (apply()) {
            accept();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &OptimizeDialog::reject);
    connect(m_pareto, &QCheckBox::toggled, this, &OptimizeDialog::updateButtons);
    connect(m_objective, &QComboBox::currentIndexChanged, this, [this] {
        updateButtons();
        if (!m_result) {
            showFront();
        }
    });
    connect(&m_job, &OptimizeJob::progress, this, [this](double fraction, const QString& stage) {
        m_progress->setValue(int(fraction * 1000));
        m_status->setText(stage);
    });
    connect(&m_job, &OptimizeJob::finished, this, &OptimizeDialog::onFinished);
    showComparison();
    showFront();
    updateButtons();
}

std::optional<OptimizeSettings> OptimizeDialog::settings() const {
    OptimizeSettings s;
    s.objective = objectiveFromKey(m_objective->currentData().toString());
    s.timeLimitSeconds = m_timeLimit->value();
    s.pareto = m_pareto->isChecked();
    s.paretoPoints = m_points->value();
    s.maxTileLayers = m_maxTileLayers->value();
    s.dataReuse = m_reuse->isChecked();
    s.channelSplits = m_channelSplits->isChecked();
    s.grids.clear();
    for (const QString& part : m_grids->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = part.trimmed().toInt(&ok);
        if (!ok || n < 1 || n > 32) {
            m_status->setText(
                tr("Tile grids: \"%1\" is not a grid size from 1 to 32; write sizes separated by "
                   "commas, e.g. 2, 3, 4, 5")
                    .arg(part.trimmed()));
            return std::nullopt;
        }
        s.grids.push_back(n);
    }
    return s;
}

cost::Cluster OptimizeDialog::clusterWithBudgets() const {
    cost::Cluster cluster = m_project->cluster();
    for (int d = 0; d < m_budgets->rowCount() && d < int(cluster.devices.size()); ++d) {
        const auto* spin = static_cast<const QDoubleSpinBox*>(m_budgets->cellWidget(d, 1));
        if (spin->value() != m_initialBudgetMiB[std::size_t(d)]) {
            cluster.devices[std::size_t(d)].memoryBytes = std::int64_t(spin->value() * kMiB);
        }
    }
    return cluster;
}

void OptimizeDialog::startOptimize() {
    if (m_job.isRunning() || !m_project->hasProject()) {
        return;
    }
    const auto s = settings();
    if (!s) {
        return;
    }
    m_runSettings = *s;
    m_runCluster = clusterWithBudgets();
    m_result.reset();
    m_selected = -1;
    m_progress->setValue(0);
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Measuring the candidate stages…"));
    m_job.start(m_project->sharedModel(), m_runCluster, m_runSettings);
    showComparison();
    showFront();
    updateButtons();
}

void OptimizeDialog::cancelOptimize() {
    m_job.cancel();
    m_status->setText(tr("Stopping; the best plan found so far is kept…"));
}

void OptimizeDialog::reject() {
    if (m_job.isRunning()) {
        // the job's destructor waits for the search, which stops at once
        m_job.cancel();
    }
    QDialog::reject();
}

void OptimizeDialog::onFinished(const OptimizeResult& result) {
    m_result = result;
    m_progress->setValue(result.error.isEmpty() ? 1000 : 0);
    if (!result.error.isEmpty()) {
        m_status->setStyleSheet(QStringLiteral("QLabel { color: #b01c1c; }"));
        m_status->setText(result.error);
    } else {
        m_status->setStyleSheet(QString());
        const auto& first = result.plans.front().solution;
        m_status->setText(
            m_runSettings.pareto
                ? tr("%n plan(s) on the Pareto front, %1 candidate stages, %2 s; click a point to compare it",
                     nullptr, int(result.plans.size()))
                      .arg(result.candidates)
                      .arg(result.seconds, 0, 'f', 1)
                : tr("%1: %2, %3 candidate stages, %4 s")
                      .arg(result.solver, CoreText::translate(first.status))
                      .arg(result.candidates)
                      .arg(result.seconds, 0, 'f', 1));
        m_selected = 0;
        if (m_runSettings.pareto) {
            // start with the point of least objective (the last one, by memory ascending)
            m_selected = int(result.plans.size()) - 1;
        }
    }
    showFront();
    showComparison();
    updateButtons();
    emit optimizeFinished();
}

void OptimizeDialog::selectPlan(int index) {
    if (!m_result || index < 0 || index >= int(m_result->plans.size())) {
        return;
    }
    m_selected = index;
    showFront();
    showComparison();
    updateButtons();
}

bool OptimizeDialog::apply() {
    if (!m_result || m_selected < 0 || m_job.isRunning()) {
        return false;
    }
    const auto& chosen = m_result->plans[std::size_t(m_selected)];
    if (!chosen.preview.valid) {
        return false;
    }
    ProjectStateCommand::State before{m_project->cluster(), m_project->plan(), m_project->solverSettings()};
    ProjectStateCommand::State after{m_runCluster, chosen.plan, m_project->solverSettings()};
    after.plan.pruning = m_project->plan().pruning;
    after.solver.objective = toQString(optimize::toString(m_runSettings.objective));
    after.solver.timeLimitSeconds = m_runSettings.timeLimitSeconds;
    m_project->undoStack()->push(new ProjectStateCommand(
        m_project, std::move(before), std::move(after),
        tr("Apply optimized plan (%1)").arg(toQString(optimize::toString(m_runSettings.objective)))));
    return true;
}

void OptimizeDialog::updateButtons() {
    const bool running = m_job.isRunning();
    const bool memory =
        objectiveFromKey(m_objective->currentData().toString()) == optimize::Objective::Memory;
    if (memory && m_pareto->isChecked()) {
        m_pareto->setChecked(false);
    }
    m_pareto->setEnabled(!memory && !running);
    m_pareto->setToolTip(memory ? tr("The Pareto front sets latency, traffic or throughput against memory")
                                : QString());
    m_points->setEnabled(m_pareto->isChecked() && !running);
    for (QWidget* w : std::initializer_list<QWidget*>{m_objective, m_timeLimit, m_grids, m_maxTileLayers,
                                                      m_reuse, m_channelSplits, m_budgets}) {
        w->setEnabled(!running);
    }
    m_run->setEnabled(!running && m_project->hasProject());
    m_cancel->setEnabled(running);
    m_apply->setEnabled(!running && m_result && m_selected >= 0 &&
                        m_result->plans[std::size_t(m_selected)].preview.valid);
}

void OptimizeDialog::showFront() {
    // the objective of the result shown, else the one chosen
    const optimize::Objective objective =
        m_result ? m_runSettings.objective : objectiveFromKey(m_objective->currentData().toString());
    const bool traffic = objective == optimize::Objective::Traffic;
    const bool throughput = objective == optimize::Objective::Throughput;
    // x: the largest device memory, y: the objective, both as the views predict them (MiB, ms, frames/s)
    auto yOf = [traffic, throughput](const PlanPreview& p) {
        return traffic      ? double(p.cost.trafficBytes) / kMiB
               : throughput ? p.framesPerSecond()
                            : p.latencySeconds * 1e3;
    };
    auto xOf = [](const PlanPreview& p) { return double(p.largestDeviceBytes()) / kMiB; };
    m_frontSeries->clear();
    m_currentSeries->clear();
    m_selectedSeries->clear();
    QChart* chart = m_chart->chart();
    const PlanPreview& current = m_project->preview();
    const bool results = m_result && m_result->error.isEmpty();
    chart->setTitle(traffic      ? tr("Traffic against memory")
                    : throughput ? tr("Throughput against memory")
                                 : tr("Latency against memory"));
    if (!results && !current.valid) {
        return;
    }
    QList<QPointF> points;
    if (results) {
        for (const auto& plan : m_result->plans) {
            points.append(QPointF(xOf(plan.preview), yOf(plan.preview)));
        }
        m_frontSeries->append(points);
        if (m_selected >= 0) {
            m_selectedSeries->append(points[m_selected]);
        }
    }
    if (current.valid) {
        points.append(QPointF(xOf(current), yOf(current)));
        m_currentSeries->append(points.back());
    }
    double minX = points.front().x(), maxX = minX, minY = points.front().y(), maxY = minY;
    for (const QPointF& p : points) {
        minX = std::min(minX, p.x());
        maxX = std::max(maxX, p.x());
        minY = std::min(minY, p.y());
        maxY = std::max(maxY, p.y());
    }
    const double padX = std::max(1.0, (maxX - minX) * 0.08),
                 padY = std::max(throughput ? 0.01 : 0.1, (maxY - minY) * 0.08);
    auto* axisX = static_cast<QValueAxis*>(chart->axes(Qt::Horizontal).front());
    auto* axisY = static_cast<QValueAxis*>(chart->axes(Qt::Vertical).front());
    axisX->setRange(std::max(0.0, minX - padX), maxX + padX);
    axisY->setRange(std::max(0.0, minY - padY), maxY + padY);
    axisX->setTitleText(tr("Largest device memory (MiB)"));
    axisY->setTitleText(traffic      ? tr("Traffic per frame (MiB)")
                        : throughput ? tr("Throughput, pipelined (frames/s)")
                                     : tr("Latency, one frame (ms)"));
    axisX->setLabelFormat(QStringLiteral("%.0f"));
    axisY->setLabelFormat(throughput ? QStringLiteral("%.2f") : QStringLiteral("%.1f"));
}

void OptimizeDialog::showComparison() {
    m_comparison->clear();
    m_stages->clear();
    const cost::Cluster& cluster = m_result ? m_runCluster : m_project->cluster();
    const PlanPreview& current = m_project->preview();
    const OptimizedPlan* shown =
        m_result && m_selected >= 0 ? &m_result->plans[std::size_t(m_selected)] : nullptr;
    m_comparison->setHorizontalHeaderLabels(
        {tr("Current plan"), !shown ? tr("Optimized")
                             : m_runSettings.pareto
                                 ? tr("Point %1 of %2").arg(m_selected + 1).arg(m_result->plans.size())
                                 : tr("Optimized")});
    QStringList rows = {tr("Largest device memory"),
                        tr("Traffic per frame"),
                        tr("Latency, one frame"),
                        tr("Throughput, pipelined"),
                        tr("Stages"),
                        tr("Optimizer")};
    for (const auto& device : cluster.devices) {
        rows.append(tr("Memory on %1").arg(toQString(device.name)));
    }
    m_comparison->setRowCount(int(rows.size()));
    m_comparison->setVerticalHeaderLabels(rows);
    auto fill = [&](int column, const PlanPreview& p, std::size_t stages, const QString& optimizer) {
        if (!p.valid) {
            m_comparison->setItem(0, column, new QTableWidgetItem(tr("does not compile")));
            return;
        }
        m_comparison->setItem(0, column, new QTableWidgetItem(bytesText(p.largestDeviceBytes())));
        m_comparison->setItem(1, column, new QTableWidgetItem(bytesText(p.cost.trafficBytes)));
        m_comparison->setItem(2, column, new QTableWidgetItem(secondsText(p.latencySeconds)));
        m_comparison->setItem(3, column,
                              new QTableWidgetItem(tr("%1 frames/s").arg(p.framesPerSecond(), 0, 'f', 2)));
        m_comparison->setItem(4, column, new QTableWidgetItem(QString::number(stages)));
        m_comparison->setItem(5, column, new QTableWidgetItem(optimizer));
        for (std::size_t d = 0; d < p.cost.devices.size() && d < cluster.devices.size(); ++d) {
            const auto& dc = p.cost.devices[d];
            // against the budgets of this comparison (the run's), not those the preview was made with
            const std::int64_t budget = cluster.devices[d].memoryBytes;
            auto* item =
                new QTableWidgetItem(tr("%1 of %2").arg(bytesText(dc.totalBytes), bytesText(budget)));
            if (dc.totalBytes > budget) {
                item->setForeground(kOver);
                item->setToolTip(tr("Over budget by %1").arg(bytesText(dc.totalBytes - budget)));
            }
            m_comparison->setItem(6 + int(d), column, item);
        }
    };
    fill(0, current, m_project->hasProject() ? m_project->plan().stages.size() : 0, QStringLiteral("—"));
    if (!shown) {
        return;
    }
    const auto& solution = shown->solution;
    fill(1, shown->preview, shown->plan.stages.size(), CoreText::translate(solution.status));
    if (!shown->preview.valid) {
        m_stages->addItems(CoreText::translate(shown->preview.problems));
        return;
    }
    const auto& nodes = m_project->model().graph.nodes;
    for (const auto& s : shown->plan.stages) {
        QString range = toQString(nodes[s.first].name);
        if (s.last > s.first) {
            range += QStringLiteral(" … ") + toQString(nodes[s.last].name);
        }
        QString how;
        switch (s.kind) {
        case partition::StageKind::Device:
            how = tr("whole");
            break;
        case partition::StageKind::Tiles:
            how = tr("%1×%2 tiles%3")
                      .arg(s.rows())
                      .arg(s.columns())
                      .arg(s.reuse ? tr(", data reuse") : QString());
            break;
        case partition::StageKind::Lop:
            how = tr("output channels split in %1").arg(s.cells());
            break;
        case partition::StageKind::Lip:
            how = tr("input channels split in %1").arg(s.cells());
            break;
        }
        const std::set<int> used(s.devices.begin(), s.devices.end());
        QString devices = tr("all %n devices", nullptr, int(used.size()));
        if (used.size() < cluster.devices.size()) {
            QStringList names;
            for (int d : used) {
                names.append(toQString(cluster.devices[std::size_t(d)].name));
            }
            devices = names.join(QStringLiteral(", "));
        }
        m_stages->addItem(
            tr("%1: %2 on %3 (%n node(s))", nullptr, int(s.last - s.first + 1)).arg(range, how, devices));
    }
}

} // namespace tessera::ui
