#pragma once
// What the harnesses and the seed writer share: the layout of a Darknet input, the model and cluster plans
// are read against, and in-memory files for readers that take a path.

#include <sys/mman.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <string_view>

#include "core/cost/cluster.h"
#include "core/model/import_pipeline.h"

namespace tessera::fuzz {

// A Darknet input is the .cfg text, optionally followed by this marker and the .weights bytes.
constexpr std::string_view kWeightsMarker{"\0WEIGHTS\0", 9};

// Plans are read against this network (nodes conv_0 .. softmax_6, a 16x16 input) on four rpi4 devices.
constexpr const char* kPlanNetwork = R"([net]
width=16
height=16
channels=3

[convolutional]
batch_normalize=1
filters=8
size=3
stride=1
pad=1
activation=leaky

[convolutional]
filters=8
size=3
stride=1
pad=1
activation=relu

[maxpool]
size=2
stride=2

[convolutional]
filters=16
size=1
stride=1
pad=0
activation=leaky

[route]
layers=-1,-2

[avgpool]

[connected]
output=10
activation=linear

[softmax]
)";

inline const model::Model& planModel() {
    static const model::Model kModel = [] {
        auto m = model::loadDarknetText(kPlanNetwork, "plan-network.cfg", {});
        if (!m) {
            std::abort(); // the harness's own network must load
        }
        return std::move(*m);
    }();
    return kModel;
}

inline const cost::Cluster& planCluster() {
    static const cost::Cluster kCluster = cost::uniformCluster("rpi4", 4);
    return kCluster;
}

// A file that lives in memory only (memfd), reachable by a path for readers that open files by name.
class MemoryFile {
public:
    explicit MemoryFile(const char* name)
        : m_fd(::memfd_create(name, MFD_CLOEXEC)) {
        if (m_fd < 0) {
            std::abort();
        }
    }
    ~MemoryFile() { ::close(m_fd); }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;

    // Replaces the contents; returns the path ("/proc/self/fd/N") that opens them.
    std::string write(std::string_view bytes) {
        if (::ftruncate(m_fd, 0) != 0 ||
            ::pwrite(m_fd, bytes.data(), bytes.size(), 0) != ssize_t(bytes.size())) {
            std::abort();
        }
        return "/proc/self/fd/" + std::to_string(m_fd);
    }

private:
    int m_fd;
};

} // namespace tessera::fuzz
