#include "core/sim/calibrate.h"

#include <array>
#include <cmath>
#include <limits>

#include "core/exec/net.h"

namespace tessera::sim {
namespace {

// Least squares over the active columns (0: macs, 1: bytes, 2: constant); inactive coefficients are 0.
std::array<double, 3> solve(const std::vector<std::array<double, 3>>& rows, const std::vector<double>& y,
                            const std::array<bool, 3>& active) {
    double m[3][4] = {};
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (int i = 0; i < 3; ++i) {
            for (int j = 0; j < 3; ++j) {
                m[i][j] += rows[r][std::size_t(i)] * rows[r][std::size_t(j)];
            }
            m[i][3] += rows[r][std::size_t(i)] * y[r];
        }
    }
    for (int i = 0; i < 3; ++i) { // an inactive column becomes the equation x_i = 0
        if (!active[std::size_t(i)]) {
            for (int j = 0; j < 4; ++j) {
                m[i][j] = j == i ? 1 : 0;
                if (j < 3 && j != i) {
                    m[j][i] = 0;
                }
            }
        }
    }
    for (int c = 0; c < 3; ++c) { // Gaussian elimination with partial pivoting
        int pivot = c;
        for (int r = c + 1; r < 3; ++r) {
            if (std::abs(m[r][c]) > std::abs(m[pivot][c])) {
                pivot = r;
            }
        }
        std::swap(m[c], m[pivot]);
        if (std::abs(m[c][c]) < 1e-300) {
            continue;
        }
        for (int r = 0; r < 3; ++r) {
            if (r != c) {
                const double f = m[r][c] / m[c][c];
                for (int j = c; j < 4; ++j) {
                    m[r][j] -= f * m[c][j];
                }
            }
        }
    }
    std::array<double, 3> x{};
    for (int i = 0; i < 3; ++i) {
        x[std::size_t(i)] = std::abs(m[i][i]) < 1e-300 ? 0 : m[i][3] / m[i][i];
    }
    return x;
}

} // namespace

Expected<SpeedFit> fitSpeed(const std::vector<TaskWork>& work, const std::vector<double>& seconds) {
    std::vector<std::array<double, 3>> rows;
    std::vector<double> y;
    std::array<bool, 3> active{false, false, true};
    SpeedFit fit;
    for (std::size_t i = 0; i < work.size() && i < seconds.size(); ++i) {
        if (work[i].nodes == 0) {
            continue;
        }
        rows.push_back({double(work[i].macs), double(work[i].bytes), 1.0});
        y.push_back(seconds[i]);
        active[0] = active[0] || work[i].macs > 0;
        active[1] = active[1] || work[i].bytes > 0;
        fit.measuredSeconds += seconds[i];
    }
    fit.samples = int(rows.size());
    if (rows.empty()) {
        return Error{ErrorCode::InvalidArgument, "no measured node does any work: nothing to calibrate on"};
    }
    // active set: a coefficient that comes out negative is held at zero and the rest refitted
    std::array<double, 3> x{};
    for (int round = 0; round < 3; ++round) {
        x = solve(rows, y, active);
        bool changed = false;
        for (std::size_t i = 0; i < 3; ++i) {
            if (active[i] && x[i] <= 0) {
                active[i] = false;
                changed = true;
            }
        }
        if (!changed) {
            break;
        }
    }
    fit.macsPerSecond = x[0] > 0 ? 1 / x[0] : 0;
    fit.bytesPerSecond = x[1] > 0 ? 1 / x[1] : 0;
    fit.nodeOverheadSeconds = std::max(x[2], 0.0);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        fit.predictedSeconds += rows[r][0] * x[0] + rows[r][1] * x[1] + fit.nodeOverheadSeconds;
    }
    return fit;
}

Expected<SpeedFit> calibrate(const model::Model& model, int threads, int runs, const StopToken* stop) {
    const auto work = nodeWork(model.graph);
    auto net = exec::Net::load(model);
    if (!net) {
        return net.error();
    }
    exec::Session session(*net, threads);
    for (const auto& in : model.graph.inputs) {
        auto tensor = session.input(in.name);
        if (!tensor) {
            return tensor.error();
        }
        for (std::int64_t i = 0; i < tensor->elements(); ++i) {
            tensor->data[i] = 0.5f * std::sin(0.01f * float(i));
        }
    }
    if (auto s = session.run(stop); !s) { // warm-up: first-touch of the arena, caches, thread start
        return s.error();
    }
    // per node, the least time over the runs: the run least disturbed by whatever else the machine does
    session.setProfiling(true);
    std::vector<double> seconds, before = session.stepSeconds();
    for (int r = 0; r < std::max(runs, 1); ++r) {
        if (auto s = session.run(stop); !s) {
            return s.error();
        }
        const std::vector<double>& total = session.stepSeconds();
        seconds.resize(total.size(), std::numeric_limits<double>::infinity());
        for (std::size_t i = 0; i < total.size(); ++i) {
            seconds[i] = std::min(seconds[i], total[i] - before[i]);
        }
        before = total;
    }
    return fitSpeed(work, seconds);
}

} // namespace tessera::sim
