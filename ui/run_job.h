#pragma once
// The work behind the studio's Run, on a worker thread: bundle the project's plan (core/net/bundle.h),
// bring up the cluster - tessera-node processes on this machine (an emulated cluster on loopback,
// deployer/emulated_cluster.h and local_launch.h) or the project's devices over SSH (deployer/deploy.h,
// node_control.h) - wait until every node serves, stream frames (core/net/frame_stream.h) while reading the
// gateway's telemetry (core/net/telemetry_subscriber.h), and tear everything down again, whatever happened.
// Results are reported through callbacks on the worker thread; RunSession carries them to the GUI.

#include <QString>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/base/cancel.h"
#include "core/base/error.h"
#include "core/cost/cluster.h"
#include "core/model/model.h"
#include "core/partition/plan.h"
#include "deployer/emulated_cluster.h"
#include "ui/run_inputs.h"

namespace tessera::ui {

enum class RunTarget { EmulatedCluster, Devices };

// A snapshot of what to run, taken on the GUI thread.
struct RunRequest {
    std::shared_ptr<const model::Model> model;
    partition::Plan plan;
    cost::Cluster cluster;
    RunTarget target = RunTarget::EmulatedCluster;
    RunInput input = RunInput::Generated;
    QString inputSource;      // the image folder or video file of ImageFolder and VideoFile input
    std::int64_t frames = 20; // 0: until stopped
    int inFlight = 2;
    // Devices only: deploy the bundles and tessera-node (per-device progress) and start nothing; Run
    // deploys again (an unchanged file is not sent twice) and starts the nodes.
    bool deployOnly = false;
};

// This machine's speed per core (deployer::measureCoreMacsPerSecond), measured by the first emulated run that
// needs it and kept for the runs after it; shared by the runs of a RunSession. Thread-safe.
class CoreSpeed {
public:
    Expected<double> macsPerSecond();

private:
    std::mutex m_mutex;
    std::optional<double> m_macsPerSecond;
};

// The studio's surroundings, from the composition root.
struct RunEnvironment {
    QString nodeBinary;        // tessera-node for this machine
    QString workDir;           // bundles are written to a fresh sub-directory here
    QString projectDir;        // relative SSH key and known_hosts paths resolve against it
    double readySeconds = 600; // for every node to serve (loading takes long on small devices)
    double frameTimeoutSeconds = 120;
    int basePort = 7700; // real devices: device i listens on basePort + i, telemetry on basePort + 99
    // The emulated cluster: each device in a network namespace with its link rate, memory budget and a CPU
    // quota of its speed (deployer::deviceLimits) where this machine allows it (root, iproute2, cgroup v1);
    // false: loopback processes always.
    bool emulateDevices = true;
    std::shared_ptr<CoreSpeed> coreSpeed; // null: measured afresh by every emulated run
};

// What the emulated cluster of a run holds each device to.
struct EmulationReport {
    bool isolated = false;                      // false: loopback processes, nothing limited
    QString fallbackReason;                     // why not isolated (the deployer's words)
    double coreMacsPerSecond = 0;               // this machine's, per core (0 when not measured)
    std::vector<deployer::DeviceLimits> limits; // per device, as applied (all 0 on loopback)
};

struct FrameSample {
    std::uint64_t frame = 0;
    double latencySeconds = 0; // submission to result, at the client
    double atSeconds = 0;      // since the first frame was sent
};

struct DeviceSample {
    int device = -1;
    std::uint64_t frame = 0;
    double computeSeconds = 0;              // all its tasks of the frame
    int tasks = 0;                          // it ran for the frame (stolen ones included)
    std::int64_t bytesIn = 0, bytesOut = 0; // tensor bytes of the plan's transfers (steal traffic apart)
    std::int64_t peakRssBytes = 0;
    double atSeconds = 0;
    bool published = false; // from the telemetry subscription (else from the frame's result)
};

struct RunCallbacks {
    std::function<void(const QString& stage)> stage;
    std::function<void(int device, const QString& state)> deviceState;
    std::function<void(int device, double fraction)> deviceProgress;
    std::function<void(const EmulationReport&)> emulation; // once the emulated cluster is up
    std::function<void(const FrameSample&)> frame;
    std::function<void(const DeviceSample&)> telemetry;
    // The first frame's outputs by name.
    std::function<void(std::map<std::string, std::vector<float>>)> firstOutputs;
};

// Runs until `request.frames` frames are done, an error or `stop`; the nodes are stopped before it
// returns (with `deployOnly`: once every device has the deployment). Errors are for the user (what failed
// and what to do).
Status runJob(const RunRequest& request, const RunEnvironment& environment, const RunCallbacks& callbacks,
              const StopToken& stop);

} // namespace tessera::ui
