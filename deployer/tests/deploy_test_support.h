#pragma once
// Test support shared by the SSH deployer tests: the machine's architecture, tiny-YOLOv2 input, the CLI as a
// process, and the tessera-node processes a launch reported.

#include <sys/utsname.h>

#include <QRegularExpression>
#include <QString>

#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "tests/integration/cli_runner.h"

namespace tessera::test {

// A random float32 input of tiny-YOLOv2's shape as .npy (version 1.0).
inline QString writeTinyYoloInput(const QString& file) {
    std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 3, 416, 416), }";
    header.resize(118, ' ');
    header += '\n';
    std::ofstream out(file.toStdString(), std::ios::binary);
    out.write("\x93NUMPY\x01\x00", 8);
    const char length[2] = {char(header.size() & 0xff), char(header.size() >> 8)};
    out.write(length, 2);
    out << header;
    std::mt19937 random(3);
    std::uniform_real_distribution<float> pixel(0.f, 1.f);
    for (int i = 0; i < 3 * 416 * 416; ++i) {
        const float v = pixel(random);
        out.write(reinterpret_cast<const char*>(&v), 4);
    }
    return file;
}

inline std::string machine() {
    utsname u{};
    uname(&u);
    return u.machine;
}

// Runs the tessera CLI and logs what it printed.
inline RunResult tessera(const QStringList& args) {
    auto r = run(binary("tessera"), args);
    qInfo("tessera %s -> %d\n%s%s", qPrintable(args.first()), r.exitCode, qPrintable(r.out),
          qPrintable(r.err));
    return r;
}

// The pids in "serving (pid N" lines.
inline std::vector<int> launchedPids(const QString& out) {
    static const QRegularExpression pid("serving \\(pid (\\d+)");
    std::vector<int> pids;
    for (auto it = pid.globalMatch(out); it.hasNext();) {
        pids.push_back(it.next().captured(1).toInt());
    }
    return pids;
}
// How many of `pids` are tessera-node processes that run (not zombies).
inline int running(const std::vector<int>& pids) {
    int count = 0;
    for (int pid : pids) {
        std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
        std::string line;
        std::getline(stat, line);
        const auto close = line.rfind(')');
        count += close != std::string::npos && line.find("(tessera-node)") != std::string::npos &&
                         line.substr(close + 2, 1) != "Z"
                     ? 1
                     : 0;
    }
    return count;
}

} // namespace tessera::test
