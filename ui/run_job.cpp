#include "ui/run_job.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QUuid>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <set>
#include <thread>

#include "core/net/bundle.h"
#include "core/net/client.h"
#include "core/net/frame_stream.h"
#include "core/net/protocol.h"
#include "core/net/telemetry_subscriber.h"
#include "core/partition/program.h"
#include "core/sim/plan_cost.h"
#include "deployer/deploy.h"
#include "deployer/emulated_cluster.h"
#include "deployer/local_launch.h"
#include "deployer/node_control.h"
#include "ui/core_text.h"

namespace tessera::ui {

Expected<double> CoreSpeed::macsPerSecond() {
    std::lock_guard lock(m_mutex);
    if (!m_macsPerSecond) {
        auto measured = deployer::measureCoreMacsPerSecond();
        if (!measured) {
            return measured.error();
        }
        m_macsPerSecond = *measured;
    }
    return *m_macsPerSecond;
}

namespace {

using Clock = std::chrono::steady_clock;

// The translation context of this file's messages (free functions, so no QObject's tr()).
class RunText {
    Q_DECLARE_TR_FUNCTIONS(tessera::ui::RunJob)
};

QString stateText(deployer::DeviceState state) {
    switch (state) {
    case deployer::DeviceState::Unknown:
        break;
    case deployer::DeviceState::Connecting:
        return RunText::tr("connecting");
    case deployer::DeviceState::Ready:
        return RunText::tr("ready");
    case deployer::DeviceState::Failed:
        return RunText::tr("failed");
    }
    return RunText::tr("unknown");
}

Error userError(const QString& message) {
    return Error{ErrorCode::InvalidArgument, message.toStdString()};
}

QString text(const std::string& s) {
    return CoreText::translate(s);
}

// Runs `teardown` when the run ends, however it ends.
class Teardown {
public:
    ~Teardown() {
        if (m_teardown) {
            m_teardown();
        }
    }
    void set(std::function<void()> teardown) { m_teardown = std::move(teardown); }

private:
    std::function<void()> m_teardown;
};

// What bringing a cluster up leaves: the client's bundle directory.
struct Started {
    std::string clientDir;
};

// Bundles for the endpoints given, one directory per device under `dir`.
Status bundle(const RunRequest& r, const partition::Program& program,
              const std::vector<std::string>& endpoints, const std::string& telemetry,
              const std::string& dir) {
    net::BundleOptions options;
    options.endpoints = endpoints;
    options.telemetry = telemetry;
    for (const auto& d : sim::planCost(program, r.model->graph, r.cluster).devices) {
        options.predictedBytes.emplace_back(d.receivedBytes, d.sentBytes);
    }
    auto written = net::writeBundles(program, *r.model, r.cluster, options, dir);
    return written ? Status{} : Status{written.error()};
}

// One tessera-node per project device in an emulated cluster of this process's own (a unique name, so several
// studios never share one): where namespaces work, each device's link rate, memory budget and speed (a CPU
// quota against this machine's speed per core); elsewhere loopback processes.
Expected<Started> startEmulated(const RunRequest& r, const RunEnvironment& env,
                                const partition::Program& program, const std::string& dir,
                                const RunCallbacks& cb, const StopToken& stop, Teardown& teardown) {
    deployer::EmulationSpec spec;
    spec.name = "st" + std::to_string(getpid() % 1000000);
    spec.nodes = int(r.cluster.devices.size());
    spec.port = 0;
    spec.subnet = deployer::unusedSubnet();
    const std::string problem = env.emulateDevices ? deployer::namespaceProblem() : std::string();
    const bool noSubnet = env.emulateDevices && problem.empty() && spec.subnet.empty(); // all 256 in use
    const bool isolating = env.emulateDevices && problem.empty() && !noSubnet;
    spec.loopback = !env.emulateDevices || noSubnet;
    EmulationReport report;
    if (isolating) {
        cb.stage(RunText::tr("Measuring this machine's speed per core"));
        auto perCore = env.coreSpeed ? env.coreSpeed->macsPerSecond() : deployer::measureCoreMacsPerSecond();
        if (!perCore) {
            return perCore.error();
        }
        report.coreMacsPerSecond = *perCore;
        spec.devices = deployer::deviceLimits(r.cluster, *perCore,
                                              int(std::max(1u, std::thread::hardware_concurrency())));
    }
    cb.stage(RunText::tr("Starting the emulated cluster"));
    auto cluster = deployer::up(spec);
    if (!cluster) {
        return cluster.error();
    }
    report.isolated = cluster->isolated();
    report.fallbackReason = noSubnet ? RunText::tr("no free subnet in 10.201.0.0/16 for the devices' bridge")
                                     : text(cluster->fallbackReason);
    // the cluster's name is this process's: its node logs would only pile up (a node that fails has the end
    // of its log in the error); set before anything else can fail, so nothing of the cluster is left behind
    teardown.set([name = spec.name, nodes = cluster->nodes] {
        (void)deployer::down(name);
        for (const auto& n : nodes) {
            QFile::remove(QString::fromStdString(deployer::stateDirectory() + "/" + n.name + ".log"));
        }
    });
    for (const auto& n : cluster->nodes) {
        report.limits.push_back(n.limits);
    }
    if (cb.emulation) {
        cb.emulation(report);
    }
    std::vector<std::string> endpoints;
    for (const auto& n : cluster->nodes) {
        endpoints.push_back(n.endpoint());
    }
    // the gateway publishes where this process reaches it: in its namespace, at its address on the bridge
    const auto& gateway = cluster->nodes.front();
    const std::string telemetry = cluster->isolated()
                                      ? "tcp://" + gateway.address + ":" + std::to_string(gateway.port + 99)
                                      : "tcp://127.0.0.1:" + std::to_string(deployer::freeLoopbackPort());
    cb.stage(RunText::tr("Writing the bundles"));
    if (auto s = bundle(r, program, endpoints, telemetry, dir); !s) {
        return s.error();
    }
    std::vector<std::string> dirs;
    for (const auto& d : r.cluster.devices) {
        dirs.push_back(dir + "/" + d.name);
    }
    deployer::LocalLaunchOptions options;
    options.nodeBinary = env.nodeBinary.toStdString();
    options.readySeconds = env.readySeconds;
    cb.stage(RunText::tr("Waiting until every node serves"));
    int threads = 1;
    for (const auto& d : r.cluster.devices) {
        threads = std::max(threads, d.threads);
    }
    options.threads = threads;
    auto launched = deployer::launchLocalNodes(
        *cluster, dirs, options,
        [&cb](std::size_t node, const deployer::LocalNode& n, bool serving) {
            cb.deviceState(int(node), serving ? RunText::tr("serving (pid %1)").arg(n.pid)
                                              : RunText::tr("loading (pid %1)").arg(n.pid));
            cb.deviceProgress(int(node), serving ? 1.0 : 0.5);
        },
        &stop);
    if (!launched) {
        return launched.error();
    }
    return Started{dir};
}

// The project's devices over SSH: deploy (per-device progress), start every node and wait until it serves.
Expected<Started> startDevices(const RunRequest& r, const RunEnvironment& env,
                               const partition::Program& program, const std::string& dir,
                               const RunCallbacks& cb, const StopToken& stop, Teardown& teardown) {
    deployer::ConnectOptions connect;
    connect.relativeTo = env.projectDir.toStdString();
    QStringList unreachable;
    for (const auto& d : r.cluster.devices) {
        if (auto target = deployer::sshTarget(d, connect); !target) {
            unreachable << text(target.error().message);
        }
    }
    if (!unreachable.isEmpty()) {
        return userError(
            RunText::tr(
                "%1 of %2 devices cannot be reached over SSH: %3. Give every device a host and an "
                "\"ssh\" block in the project's cluster (docs/file-formats.md), or run on the emulated "
                "local cluster.")
                .arg(unreachable.size())
                .arg(r.cluster.devices.size())
                .arg(unreachable.join(QStringLiteral("; "))));
    }
    const auto endpoints = deployer::defaultEndpoints(r.cluster, env.basePort);
    const auto gatewayHost = r.cluster.devices.front().host;
    cb.stage(RunText::tr("Writing the bundles"));
    if (auto s = bundle(r, program, endpoints,
                        "tcp://" + gatewayHost + ":" + std::to_string(env.basePort + 99), dir);
        !s) {
        return s.error();
    }
    cb.stage(RunText::tr("Deploying to %1 devices").arg(r.cluster.devices.size()));
    deployer::DeployOptions options;
    options.connect = connect;
    options.bundlesDir = dir;
    // the node for this machine's architecture, and build/aarch64's beside the build tree when present
    options.nodeBinaries = deployer::defaultNodeBinaries(env.nodeBinary.toStdString());
    const auto state = [&cb](int device, deployer::DeviceState s, const std::string& detail) {
        cb.deviceState(device, detail.empty() ? stateText(s) : text(detail));
    };
    const auto results = deployer::deploy(
        r.cluster, options,
        [&cb](int device, double fraction, std::string_view stage) {
            if (device >= 0) {
                cb.deviceProgress(device, fraction * 0.8);
                cb.deviceState(device, text(std::string(stage)));
            }
        },
        stop, state);
    QStringList failed;
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (!results[i]) {
            failed << text(r.cluster.devices[i].name + ": " + results[i].error().message);
        }
    }
    if (!failed.isEmpty()) {
        return userError(RunText::tr("Deploying failed on %1 devices: %2")
                             .arg(failed.size())
                             .arg(failed.join(QStringLiteral("; "))));
    }
    if (r.deployOnly) {
        for (std::size_t i = 0; i < results.size(); ++i) {
            cb.deviceProgress(int(i), 1.0);
            cb.deviceState(int(i), RunText::tr("deployed"));
        }
        return Started{};
    }
    // by value: the teardown calls it after this function returned
    const auto each = [&r, connect, state](const std::function<Status(deployer::Connection&)>& job) {
        return deployer::forEachDevice(
            int(r.cluster.devices.size()),
            [&](int i) -> Status {
                auto c = deployer::connectDevice(r.cluster.devices[std::size_t(i)], connect);
                return c ? job(*c) : Status{c.error()};
            },
            state);
    };
    teardown.set([each] {
        (void)each([](deployer::Connection& c) {
            auto stopped = deployer::stopNode(c);
            return stopped ? Status{} : Status{stopped.error()};
        });
    });
    cb.stage(RunText::tr("Waiting until every node serves"));
    deployer::LaunchOptions launch;
    launch.readySeconds = int(env.readySeconds);
    const auto launched = each([&launch](deployer::Connection& c) {
        if (auto stopped = deployer::stopNode(c); !stopped) {
            return Status{stopped.error()};
        }
        auto n = deployer::launchNode(c, launch);
        return n ? Status{} : Status{n.error()};
    });
    for (std::size_t i = 0; i < launched.size(); ++i) {
        if (!launched[i]) {
            failed << text(r.cluster.devices[i].name + ": " + launched[i].error().message);
        } else {
            cb.deviceProgress(int(i), 1.0);
            cb.deviceState(int(i), RunText::tr("serving"));
        }
    }
    if (!failed.isEmpty()) {
        return userError(RunText::tr("Starting the nodes failed: %1").arg(failed.join(QStringLiteral("; "))));
    }
    return Started{dir};
}

// Every device's compute time, tasks, bytes and peak RSS in one frame's telemetry (a thief's report adds to
// its device).
void reportTelemetry(const net::wire::FrameResult& t, double at, bool published, const RunCallbacks& cb) {
    std::map<int, DeviceSample> devices;
    for (const auto& d : t.devices()) {
        auto& s = devices[d.device()];
        s.device = d.device();
        s.frame = t.frame();
        s.atSeconds = at;
        s.published = published;
        for (const auto& task : d.tasks()) {
            s.computeSeconds += task.compute_seconds();
        }
        s.tasks += d.tasks_size();
        s.bytesIn += d.bytes_in();
        s.bytesOut += d.bytes_out();
        s.peakRssBytes = std::max<std::int64_t>(s.peakRssBytes, d.peak_rss_bytes());
    }
    for (const auto& [device, sample] : devices) {
        cb.telemetry(sample);
    }
}

// Every device's telemetry of every frame, once, at the time its result came: from the gateway's telemetry
// subscription, and for the frames the subscription missed (PUB/SUB drops what is published before the
// subscription has reached the gateway, and everything when the keys are refused) from the telemetry the
// frame's result carries. The gateway publishes in the order it answers, so a published frame tells that
// the frames answered before it and not published were missed.
class TelemetryMerge {
public:
    explicit TelemetryMerge(const RunCallbacks& cb)
        : m_cb(cb) {}

    void answered(const net::wire::FrameResult& result, double at) {
        if (m_published.erase(result.frame()) > 0) {
            return; // the subscription was first
        }
        net::wire::FrameResult devices;
        devices.set_frame(result.frame());
        *devices.mutable_devices() = result.devices();
        m_waiting.push_back({at, std::move(devices)});
    }

    void published(const net::wire::FrameResult& t, double now) {
        const auto it = std::find_if(m_waiting.begin(), m_waiting.end(),
                                     [&t](const Waiting& w) { return w.devices.frame() == t.frame(); });
        if (it == m_waiting.end()) {
            m_published.insert(t.frame());
            report(t, now, true);
            return;
        }
        for (auto missed = m_waiting.begin(); missed != it; ++missed) {
            report(missed->devices, missed->at, false);
        }
        report(t, it->at, true);
        m_waiting.erase(m_waiting.begin(), it + 1);
    }

    bool waiting() const { return !m_waiting.empty(); }

    void fillMissed() {
        for (const auto& w : m_waiting) {
            report(w.devices, w.at, false);
        }
        m_waiting.clear();
    }

private:
    struct Waiting {
        double at;
        net::wire::FrameResult devices;
    };

    void report(const net::wire::FrameResult& t, double at, bool published) const {
        if (t.error().empty()) {
            reportTelemetry(t, at, published, m_cb);
        }
    }

    const RunCallbacks& m_cb;
    std::deque<Waiting> m_waiting;       // answered, not yet published, in the order of the answers
    std::set<std::uint64_t> m_published; // published before their answer came
};

Status stream(const RunRequest& r, const RunEnvironment& env, const std::string& clientDir,
              const RunCallbacks& cb, const StopToken& stop) {
    auto client = net::loadClientBundle(clientDir);
    if (!client) {
        return client.error();
    }
    std::vector<std::pair<std::string, model::Shape>> inputs;
    for (const auto& v : client->description.inputs) {
        inputs.emplace_back(v.name, v.shape);
    }
    auto source = FrameInputs::create(r.input, r.inputSource, inputs);
    if (!source) {
        return source.error();
    }
    auto telemetry = net::TelemetrySubscriber::connect(*client);
    if (!telemetry) {
        return telemetry.error();
    }
    const auto timeout = std::chrono::milliseconds(std::int64_t(env.frameTimeoutSeconds * 1e3));
    auto connected = net::ClusterClient::connect(std::move(*client), timeout);
    if (!connected) {
        return connected.error();
    }
    cb.stage(r.frames > 0 ? RunText::tr("Running %1 frames").arg(r.frames)
                          : RunText::tr("Running until stopped"));
    net::StreamOptions options;
    options.frames = r.frames;
    options.inFlight = r.inFlight;
    options.timeout = timeout;
    const auto begin = Clock::now();
    const auto since = [begin] { return std::chrono::duration<double>(Clock::now() - begin).count(); };
    TelemetryMerge merge(cb);
    const auto drain = [&](std::chrono::milliseconds wait) {
        while (auto t = (*telemetry)->next(wait)) {
            merge.published(*t, since());
            wait = std::chrono::milliseconds(0);
        }
    };
    std::uint64_t done = 0;
    const auto sink = [&](net::StreamedFrame&& f) -> Status {
        if (done++ == 0) {
            std::map<std::string, std::vector<float>> outputs;
            for (const auto& out : f.result.outputs()) {
                auto& values = outputs[out.name()];
                values.resize(out.data().size() / sizeof(float));
                net::copyFloats(out.data(), values.data());
            }
            cb.firstOutputs(std::move(outputs));
        }
        const double at = since();
        cb.frame({f.result.frame(), f.latencySeconds, at});
        merge.answered(f.result, at);
        drain(std::chrono::milliseconds(0));
        return {};
    };
    const auto frameInputs = [&source](std::uint64_t frame) { return source->frame(frame); };
    auto streamed = net::streamFrames(**connected, options, frameInputs, sink, &stop);
    // the gateway publishes a frame's telemetry as it answers it: wait briefly for what is still on its way
    const auto deadline = Clock::now() + std::chrono::seconds(2);
    while (merge.waiting() && Clock::now() < deadline) {
        drain(std::chrono::milliseconds(100));
    }
    merge.fillMissed();
    if ((*telemetry)->refused()) {
        cb.stage(RunText::tr("The gateway refused the telemetry subscription (keys differ)"));
    }
    return streamed;
}

} // namespace

Status runJob(const RunRequest& r, const RunEnvironment& env, const RunCallbacks& cb, const StopToken& stop) {
    if (!r.model || r.cluster.devices.empty()) {
        return userError(RunText::tr("Open a project with a model and at least one device first."));
    }
    if (r.deployOnly && r.target != RunTarget::Devices) {
        return userError(
            RunText::tr("Deploy sends the plan to the project's devices over SSH: choose them as "
                        "the target (the emulated cluster runs from this machine's files)."));
    }
    cb.stage(RunText::tr("Compiling the plan"));
    auto program = partition::compile(*r.model, r.plan, r.cluster);
    if (!program) {
        return program.error();
    }
    const QString dir =
        QDir(env.workDir).filePath(QStringLiteral("run-") + QUuid::createUuid().toString(QUuid::Id128));
    // the bundles are written afresh for every run and go with it, once the nodes are stopped
    struct RemoveDir {
        QString path;
        ~RemoveDir() { QDir(path).removeRecursively(); }
    } removeDir{dir};
    Teardown teardown;
    auto started = r.target == RunTarget::EmulatedCluster
                       ? startEmulated(r, env, *program, dir.toStdString(), cb, stop, teardown)
                       : startDevices(r, env, *program, dir.toStdString(), cb, stop, teardown);
    if (stop.stopRequested()) {
        // stopped by the user while the cluster came up: not an error, unless it was to deploy
        return r.deployOnly
                   ? userError(RunText::tr("Deploying was stopped: a device that had not finished keeps "
                                           "its previous release."))
                   : Status{};
    }
    if (!started) {
        return started.error();
    }
    if (r.deployOnly) {
        return {}; // every device has the deployment; nothing was started
    }
    auto streamed = stream(r, env, started->clientDir, cb, stop);
    cb.stage(RunText::tr("Stopping the nodes"));
    return streamed;
}

} // namespace tessera::ui
