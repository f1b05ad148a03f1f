#include "ui/run_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFontMetrics>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/core_text.h"
#include "ui/palette.h"
#include "ui/project_model.h"
#include "ui/qt_convert.h"
#include "ui/run_charts.h"
#include "ui/run_job.h"
#include "ui/run_session.h"

namespace tessera::ui {

namespace {
enum Column {
    DeviceColumn,
    StateColumn,
    ProgressColumn,
    ComputeColumn,
    RssColumn,
    LimitsColumn,
    ColumnCount
};
} // namespace

RunPanel::RunPanel(ProjectModel* project, RunSession* session, QWidget* parent)
    : QWidget(parent)
    , m_project(project)
    , m_session(session)
    , m_target(new QComboBox)
    , m_input(new QComboBox)
    , m_folder(new QLineEdit)
    , m_browse(new QToolButton)
    , m_frames(new QSpinBox)
    , m_continuous(new QCheckBox(tr("Until stopped")))
    , m_inFlight(new QSpinBox)
    , m_run(new QPushButton(tr("Run")))
    , m_deploy(new QPushButton(tr("Deploy")))
    , m_stop(new QPushButton(tr("Stop")))
    , m_stage(new QLabel)
    , m_summary(new QLabel)
    , m_emulation(new QLabel)
    , m_devices(new QTableWidget(0, ColumnCount))
    , m_charts(new RunCharts) {
    m_target->setObjectName(QStringLiteral("runTarget"));
    m_target->addItem(tr("Emulated local cluster"), int(RunTarget::EmulatedCluster));
    m_target->addItem(tr("The project's devices (SSH)"), int(RunTarget::Devices));
    m_target->setToolTip(
        tr("Emulated: one tessera-node process per device on this machine, as root each in a network "
           "namespace with the device's link rate, memory budget and speed (a CPU quota); otherwise on "
           "loopback, unlimited. Devices: deploy over SSH to each device's host and run there."));
    m_input->setObjectName(QStringLiteral("runInput"));
    m_input->addItem(tr("Generated input"), int(RunInput::Generated));
    m_input->addItem(tr("Image folder"), int(RunInput::ImageFolder));
    m_input->addItem(tr("Video file"), int(RunInput::VideoFile));
    m_folder->setObjectName(QStringLiteral("runFolder"));
    m_browse->setText(tr("…"));
    m_frames->setObjectName(QStringLiteral("runFrames"));
    m_frames->setRange(1, 1000000);
    m_frames->setValue(50);
    m_continuous->setObjectName(QStringLiteral("runContinuous"));
    m_inFlight->setRange(1, 64);
    m_inFlight->setValue(2);
    m_inFlight->setToolTip(tr("Frames at the gateway at once (pipelining)"));
    m_run->setObjectName(QStringLiteral("runButton"));
    m_deploy->setObjectName(QStringLiteral("deployButton"));
    m_deploy->setToolTip(tr("Copy the plan's bundles and tessera-node to every device over SSH, with "
                            "per-device progress, and start nothing (the project's devices only)"));
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_stage->setObjectName(QStringLiteral("runStage"));
    m_stage->setWordWrap(true);
    m_stage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setObjectName(QStringLiteral("runSummary"));
    m_emulation->setObjectName(QStringLiteral("runEmulation"));
    m_emulation->setWordWrap(true);
    m_emulation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_emulation->hide();
    m_devices->setObjectName(QStringLiteral("runDevices"));
    m_devices->setHorizontalHeaderLabels(
        {tr("Device"), tr("State"), tr("Progress"), tr("Compute"), tr("Peak RSS"), tr("Emulated as")});
    // shown beside the device's name (the table is narrow), and only while a run reports what it emulates
    m_devices->horizontalHeader()->moveSection(LimitsColumn, StateColumn);
    m_devices->horizontalHeaderItem(LimitsColumn)
        ->setToolTip(tr("What the emulated cluster holds the device to: CPU quota, link rate each way, "
                        "memory limit"));
    m_devices->verticalHeader()->hide();
    m_devices->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_devices->setSelectionMode(QAbstractItemView::NoSelection);
    m_devices->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_devices->horizontalHeader()->setSectionResizeMode(ProgressColumn, QHeaderView::Fixed);
    // room for the progress bar, and for the column's title in every language
    const QFontMetrics header = m_devices->horizontalHeader()->fontMetrics();
    m_devices->horizontalHeader()->resizeSection(
        ProgressColumn,
        std::max(60, header.horizontalAdvance(tr("Progress")) + header.averageCharWidth() * 2));
    m_devices->horizontalHeader()->setStretchLastSection(true);

    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder);
    folderRow->addWidget(m_browse);
    auto* framesRow = new QHBoxLayout;
    framesRow->addWidget(m_frames, 1);
    framesRow->addWidget(m_continuous);
    auto* form = new QFormLayout;
    form->addRow(tr("Run on"), m_target);
    form->addRow(tr("Input"), m_input);
    form->addRow(QString(), folderRow);
    form->addRow(tr("Frames"), framesRow);
    form->addRow(tr("In flight"), m_inFlight);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_deploy);
    buttons->addWidget(m_stop);
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(4, 4, 4, 4);
    leftLayout->addLayout(form);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(m_stage);
    leftLayout->addWidget(m_summary);
    leftLayout->addWidget(m_emulation);
    leftLayout->addWidget(m_devices, 1);
    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(left);
    splitter->addWidget(m_charts);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({320, 900});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_run, &QPushButton::clicked, this, &RunPanel::start);
    connect(m_deploy, &QPushButton::clicked, this, &RunPanel::deploy);
    connect(m_target, &QComboBox::currentIndexChanged, this, &RunPanel::updateControls);
    connect(m_stop, &QPushButton::clicked, this, &RunPanel::stop);
    connect(m_input, &QComboBox::currentIndexChanged, this, &RunPanel::updateControls);
    connect(m_continuous, &QCheckBox::toggled, this, &RunPanel::updateControls);
    connect(m_browse, &QToolButton::clicked, this, [this] {
        const QString path =
            m_input->currentData().toInt() == int(RunInput::VideoFile)
                ? QFileDialog::getOpenFileName(
                      this, tr("Video File"), m_folder->text(),
                      tr("Videos (*.mp4 *.mkv *.avi *.mov *.webm *.m4v);;All files (*)"))
                : QFileDialog::getExistingDirectory(this, tr("Image Folder"), m_folder->text());
        if (!path.isEmpty()) {
            m_folder->setText(path);
        }
    });
    connect(m_session, &RunSession::stageChanged, m_stage, &QLabel::setText);
    connect(m_session, &RunSession::deviceStateChanged, this, [this](int device, const QString& state) {
        if (auto* item = m_devices->item(device, StateColumn)) {
            item->setText(state);
            item->setToolTip(state);
        }
    });
    connect(m_session, &RunSession::deviceProgressChanged, this, [this](int device, double fraction) {
        if (auto* bar = qobject_cast<QProgressBar*>(m_devices->cellWidget(device, ProgressColumn))) {
            bar->setValue(int(fraction * 100));
        }
    });
    connect(m_session, &RunSession::emulationReported, this, &RunPanel::onEmulation);
    connect(m_session, &RunSession::frameDone, this, &RunPanel::onFrame);
    connect(m_session, &RunSession::telemetryReceived, this, &RunPanel::onTelemetry);
    connect(m_session, &RunSession::finished, this, &RunPanel::onFinished);
    connect(m_project, &ProjectModel::projectReset, this, [this] {
        stop();
        forgetMeasurements();
        resetDevices();
        updateControls();
    });
    connect(m_project, &ProjectModel::clusterChanged, this, [this] {
        forgetMeasurements();
        if (!isRunning()) {
            resetDevices();
        }
    });
    connect(m_project, &ProjectModel::planChanged, this, &RunPanel::forgetMeasurements);
    m_devices->setColumnHidden(LimitsColumn, true);
    resetDevices();
    updateControls();
}

void RunPanel::forgetMeasurements() {
    m_lastRun.reset();
    m_measured.clear();
    m_runDevices.clear(); // a run still going on records nothing more
}

bool RunPanel::isRunning() const {
    return m_session->isRunning();
}

QString RunPanel::stageText() const {
    return m_stage->text();
}

void RunPanel::setFrames(int frames) {
    m_continuous->setChecked(frames == 0);
    if (frames > 0) {
        m_frames->setValue(frames);
    }
}

void RunPanel::updateControls() {
    const bool running = isRunning();
    const auto input = RunInput(m_input->currentData().toInt());
    const bool folder = input != RunInput::Generated; // an image folder or a video file
    const bool video = input == RunInput::VideoFile;
    m_folder->setPlaceholderText(video ? tr("Video file (MP4, MKV, AVI, ...)")
                                       : tr("Folder of images (PNG, JPEG, ...)"));
    m_browse->setToolTip(video ? tr("Choose the video file") : tr("Choose the image folder"));
    for (QWidget* w : {static_cast<QWidget*>(m_target), static_cast<QWidget*>(m_input),
                       static_cast<QWidget*>(m_inFlight), static_cast<QWidget*>(m_continuous)}) {
        w->setEnabled(!running);
    }
    m_folder->setEnabled(!running && folder);
    m_browse->setEnabled(!running && folder);
    m_frames->setEnabled(!running && !m_continuous->isChecked());
    m_run->setEnabled(!running && m_project->hasProject());
    m_deploy->setEnabled(!running && m_project->hasProject() &&
                         m_target->currentData().toInt() == int(RunTarget::Devices));
    m_stop->setEnabled(running);
}

void RunPanel::resetDevices() {
    m_devices->setRowCount(0);
    if (!m_project->hasProject()) {
        return;
    }
    const auto& devices = m_project->cluster().devices;
    m_devices->setRowCount(int(devices.size()));
    QStringList names;
    QList<std::int64_t> budgets;
    for (int d = 0; d < int(devices.size()); ++d) {
        const auto& device = devices[std::size_t(d)];
        names << QString::fromStdString(device.name);
        budgets << device.memoryBytes;
        auto* name = new QTableWidgetItem(names.back());
        name->setData(Qt::DecorationRole, deviceColor(d)); // the colour of its line in the latency chart
        m_devices->setItem(d, DeviceColumn, name);
        m_devices->setItem(d, StateColumn, new QTableWidgetItem(tr("idle")));
        m_devices->setItem(d, ComputeColumn, new QTableWidgetItem);
        m_devices->setItem(d, RssColumn, new QTableWidgetItem);
        m_devices->setItem(d, LimitsColumn, new QTableWidgetItem);
        auto* bar = new QProgressBar;
        bar->setRange(0, 100);
        bar->setValue(0);
        bar->setTextVisible(false);
        m_devices->setCellWidget(d, ProgressColumn, bar);
    }
    m_charts->reset(names, budgets);
}

bool RunPanel::start() {
    return begin(false);
}

bool RunPanel::deploy() {
    if (m_target->currentData().toInt() != int(RunTarget::Devices)) {
        m_stage->setText(tr("Deploy is for the project's devices: choose them under Run on."));
        return false;
    }
    return begin(true);
}

bool RunPanel::begin(bool deployOnly) {
    if (isRunning()) {
        return false;
    }
    if (!m_project->hasProject()) {
        m_stage->setText(tr("Open a project first."));
        return false;
    }
    RunRequest request;
    request.model = m_project->sharedModel();
    request.plan = m_project->plan();
    request.cluster = m_project->cluster();
    request.target = RunTarget(m_target->currentData().toInt());
    request.input = RunInput(m_input->currentData().toInt());
    request.inputSource = m_folder->text();
    request.frames = m_continuous->isChecked() ? 0 : m_frames->value();
    request.inFlight = m_inFlight->value();
    request.deployOnly = deployOnly;
    // images and videos are checked before any node starts (the folder's files listed, a video's first
    // frame decoded)
    if (!deployOnly && request.input != RunInput::Generated) {
        std::vector<std::pair<std::string, model::Shape>> inputs;
        for (const auto& v : request.model->graph.inputs) {
            inputs.emplace_back(v.name, v.shape);
        }
        if (auto source = FrameInputs::create(request.input, request.inputSource, inputs); !source) {
            m_stage->setText(CoreText::translate(source.error().message));
            return false;
        }
    }
    m_deploying = deployOnly;
    if (deployOnly) {
        // a deployment measures nothing: the last run's charts and record stay
        for (int d = 0; d < m_devices->rowCount(); ++d) {
            m_devices->item(d, StateColumn)->setText(tr("idle"));
            qobject_cast<QProgressBar*>(m_devices->cellWidget(d, ProgressColumn))->setValue(0);
        }
    } else {
        resetDevices();
        m_latencies.clear();
        m_summary->clear();
        m_emulation->clear();
        m_emulation->hide();
        m_devices->setColumnHidden(LimitsColumn, true);
        m_lastRun.reset();
        m_measured.clear();
        m_runDevices.clear();
        for (const auto& d : request.cluster.devices) {
            m_runDevices.push_back(d.name);
        }
        m_runInFlight = request.inFlight;
        m_runSeconds = 0;
    }
    if (!m_session->start(std::move(request))) {
        return false;
    }
    updateControls();
    emit runningChanged(true);
    return true;
}

bool RunPanel::runOnEmulatedCluster() {
    m_target->setCurrentIndex(m_target->findData(int(RunTarget::EmulatedCluster)));
    return start();
}

bool RunPanel::deployToDevices() {
    m_target->setCurrentIndex(m_target->findData(int(RunTarget::Devices)));
    return deploy();
}

void RunPanel::stop() {
    if (isRunning()) {
        m_session->stop();
        m_stage->setText(tr("Stopping…"));
        m_stop->setEnabled(false);
    }
}

void RunPanel::onFrame(const FrameSample& sample) {
    m_charts->addFrame(sample);
    report::FrameMeasure& measure = m_measured[sample.frame];
    measure.frame = sample.frame;
    measure.latencySeconds = sample.latencySeconds;
    m_runSeconds = std::max(m_runSeconds, sample.atSeconds);
    m_latencies.append(sample.latencySeconds * 1e3);
    QList<double> sorted = m_latencies;
    std::sort(sorted.begin(), sorted.end());
    const double throughput = sample.atSeconds > 0 ? double(m_latencies.size()) / sample.atSeconds : 0.0;
    m_summary->setText(tr("%n frame(s), median latency %1 ms, %2 frames/s", nullptr, int(m_latencies.size()))
                           .arg(sorted[sorted.size() / 2], 0, 'f', 1)
                           .arg(throughput, 0, 'f', 1));
}

void RunPanel::onTelemetry(const DeviceSample& sample) {
    m_charts->addTelemetry(sample);
    if (sample.device >= 0 && std::size_t(sample.device) < m_runDevices.size()) {
        report::FrameMeasure& measure = m_measured[sample.frame];
        measure.frame = sample.frame;
        measure.devices.push_back({m_runDevices[std::size_t(sample.device)], sample.tasks,
                                   sample.computeSeconds, sample.bytesIn, sample.bytesOut,
                                   sample.peakRssBytes});
    }
    if (auto* item = m_devices->item(sample.device, ComputeColumn)) {
        item->setText(tr("%1 ms").arg(sample.computeSeconds * 1e3, 0, 'f', 1));
    }
    if (auto* item = m_devices->item(sample.device, RssColumn)) {
        item->setText(bytesText(sample.peakRssBytes));
    }
}

void RunPanel::onEmulation(const EmulationReport& report) {
    if (!report.isolated) {
        m_emulation->setText(tr("Not emulated (%1): the nodes run as processes on loopback without link, CPU "
                                "or memory limits, so the results are not those of the devices.")
                                 .arg(report.fallbackReason));
    } else {
        m_emulation->setText(tr("Emulated: each device in a network namespace with its link rate, memory "
                                "budget and a CPU quota for its speed (this machine: %1 GMAC/s per core).")
                                 .arg(report.coreMacsPerSecond * 1e-9, 0, 'f', 2));
    }
    m_emulation->show();
    m_devices->setColumnHidden(LimitsColumn, false);
    for (int d = 0; d < m_devices->rowCount() && std::size_t(d) < report.limits.size(); ++d) {
        const auto& l = report.limits[std::size_t(d)];
        const QString cpu = l.cpuQuota > 0 ? tr("%1 core").arg(l.cpuQuota, 0, 'f', 2) : tr("CPU unlimited");
        const QString link = l.bitsPerSecond > 0 ? bitsPerSecondText(l.bitsPerSecond) : tr("link unshaped");
        const QString memory = l.memoryBytes > 0 ? bytesText(l.memoryBytes) : tr("memory unlimited");
        if (auto* item = m_devices->item(d, LimitsColumn)) {
            item->setText(report.isolated ? QStringLiteral("%1 · %2 · %3").arg(cpu, link, memory)
                                          : tr("not limited"));
            item->setToolTip(
                report.isolated
                    ? tr("CPU quota: %1; link each way: %2; memory limit: %3").arg(cpu, link, memory)
                    : m_emulation->text());
        }
    }
}

void RunPanel::onFinished(bool ok, const QString& message) {
    m_charts->flush();
    // Only frames whose result came (telemetry alone does not make a frame).
    report::RunRecord record;
    record.source = "tessera-studio Run";
    record.inFlight = m_runInFlight;
    record.wallSeconds = m_runSeconds;
    for (auto& [frame, measure] : m_measured) {
        if (measure.latencySeconds > 0) {
            record.frames.push_back(std::move(measure));
        }
    }
    m_measured.clear();
    if (!record.frames.empty() && !m_runDevices.empty()) {
        m_lastRun = std::move(record);
    }
    if (m_deploying) {
        // the devices keep the state the deployment left them in ("deployed", or why it failed)
        m_stage->setText(ok ? tr("Deployed to %n device(s); Run starts them.", nullptr, m_devices->rowCount())
                            : tr("Deploying failed: %1").arg(message));
    } else {
        m_stage->setText(
            ok ? tr("Finished: %n frame(s); the nodes are stopped.", nullptr, int(m_latencies.size()))
               : tr("Run failed: %1").arg(message));
        for (int d = 0; d < m_devices->rowCount(); ++d) {
            if (auto* item = m_devices->item(d, StateColumn)) {
                item->setText(tr("stopped"));
            }
        }
    }
    updateControls();
    emit runningChanged(false);
}

} // namespace tessera::ui
