#include "core/report/svg_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/cost/units.h"
#include "core/report/device_colors.h"
#include "core/report/writers.h"

namespace tessera::report {
namespace {

constexpr double kWidth = 760;
constexpr double kLabel = 150; // left column for row labels
constexpr double kRow = 26;
constexpr double kTop = 28;
const char* const kPartColors[] = {"#4e79a7", "#59a14f", "#edc948", "#b07aa1"};
const char* const kPartNames[] = {"weights", "activations", "buffers", "overhead"};

std::string num(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", v);
    return text;
}

// Collects the elements of one chart and closes it with the right height.
class Svg {
public:
    void rect(double x, double y, double w, double h, const std::string& fill,
              const std::string& extra = {}) {
        m_body << "<rect x=\"" << num(x) << "\" y=\"" << num(y) << "\" width=\"" << num(std::max(0.0, w))
               << "\" height=\"" << num(h) << "\" fill=\"" << fill << "\"" << extra << "/>";
    }
    void line(double x1, double y1, double x2, double y2, const std::string& stroke, double width = 1) {
        m_body << "<line x1=\"" << num(x1) << "\" y1=\"" << num(y1) << "\" x2=\"" << num(x2) << "\" y2=\""
               << num(y2) << "\" stroke=\"" << stroke << "\" stroke-width=\"" << num(width) << "\"/>";
    }
    // `anchor`: start, middle or end.
    void text(double x, double y, const std::string& content, const std::string& anchor = "start",
              const std::string& fill = "#222") {
        m_body << "<text x=\"" << num(x) << "\" y=\"" << num(y) << "\" text-anchor=\"" << anchor
               << "\" fill=\"" << fill << "\">" << escapeHtml(content) << "</text>";
    }
    std::string finish(double height, const std::string& title) const {
        std::ostringstream out;
        out << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"" << num(kWidth)
            << "\" height=\"" << num(height) << "\" viewBox=\"0 0 " << num(kWidth) << " " << num(height)
            << "\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\"><title>" << escapeHtml(title)
            << "</title>" << m_body.str() << "</svg>";
        return out.str();
    }

private:
    std::ostringstream m_body;
};

// A value axis along the bottom from 0 to `max` with about five labelled ticks.
void valueAxis(Svg& svg, double y, double x0, double width, double max, bool bytes) {
    svg.line(x0, y, x0 + width, y, "#888");
    for (int i = 0; i <= 4; ++i) {
        const double v = max * i / 4;
        const double x = x0 + width * i / 4;
        svg.line(x, y, x, y + 4, "#888");
        svg.text(x, y + 15, bytes ? cost::formatBytes(std::int64_t(v)) : cost::formatSeconds(v), "middle",
                 "#555");
    }
}

} // namespace

std::string memoryChartSvg(const PlanFigures& plan, const cost::Cluster& cluster) {
    Svg svg;
    double max = 1;
    for (const auto& d : plan.cost.devices) {
        max = std::max({max, double(d.totalBytes), double(d.budgetBytes)});
    }
    const double plotWidth = kWidth - kLabel - 20;
    for (int i = 0; i < 4; ++i) {
        svg.rect(kLabel + i * 110.0, 6, 10, 10, kPartColors[i]);
        svg.text(kLabel + i * 110.0 + 14, 15, kPartNames[i]);
    }
    svg.line(kLabel + 450, 5, kLabel + 450, 17, "#000", 2);
    svg.text(kLabel + 455, 15, "budget");
    double y = kTop;
    for (std::size_t d = 0; d < plan.cost.devices.size(); ++d, y += kRow) {
        const auto& c = plan.cost.devices[d];
        svg.rect(4, y + 5, 10, 10, deviceHex(int(d)));
        svg.text(18, y + 14, cluster.devices[d].name);
        const std::int64_t parts[] = {c.weightBytes, c.activationBytes, c.bufferBytes, c.overheadBytes};
        double x = kLabel;
        for (int i = 0; i < 4; ++i) {
            const double w = plotWidth * double(parts[i]) / max;
            svg.rect(x, y + 3, w, kRow - 8, kPartColors[i]);
            x += w;
        }
        if (!c.fits()) {
            svg.rect(kLabel, y + 3, x - kLabel, kRow - 8, "none", " stroke=\"#d00\" stroke-width=\"2\"");
        }
        const double budgetX = kLabel + plotWidth * double(c.budgetBytes) / max;
        svg.line(budgetX, y + 1, budgetX, y + kRow - 3, "#000", 2);
    }
    valueAxis(svg, y + 2, kLabel, plotWidth, max, true);
    return svg.finish(y + 24, "Predicted memory per device against its budget");
}

std::string trafficChartSvg(const PlanFigures& plan, const cost::Cluster& cluster) {
    Svg svg;
    double max = 1;
    for (const auto& l : plan.cost.links) {
        max = std::max(max, double(l.bytes));
    }
    const double plotWidth = kWidth - kLabel - 90;
    double y = 6;
    for (const auto& l : plan.cost.links) {
        svg.text(4, y + 14,
                 cluster.devices[std::size_t(l.from)].name + " \u2192 " +
                     cluster.devices[std::size_t(l.to)].name);
        const double w = plotWidth * double(l.bytes) / max;
        svg.rect(kLabel, y + 3, w, kRow - 8, deviceHex(l.from));
        svg.text(kLabel + w + 4, y + 14, cost::formatBytes(l.bytes));
        y += kRow;
    }
    if (plan.cost.links.empty()) {
        svg.text(4, y + 14, "No data crosses the network.");
        y += kRow;
    }
    return svg.finish(y + 4, "Traffic per link, one frame");
}

std::string timelineChartSvg(const PlanFigures& plan, const cost::Cluster& cluster) {
    Svg svg;
    const double span = std::max(plan.makespan, 1e-9);
    const double plotWidth = kWidth - kLabel - 20;
    double y = 6;
    for (std::size_t d = 0; d < cluster.devices.size(); ++d, y += kRow) {
        svg.text(4, y + 14, cluster.devices[d].name);
        svg.rect(kLabel, y + 3, plotWidth, kRow - 8, "#f1f1f1");
        for (const auto& bar : plan.timeline) {
            if (bar.device != int(d)) {
                continue;
            }
            const double x = kLabel + plotWidth * bar.start / span;
            const double w = std::max(1.0, plotWidth * (bar.end - bar.start) / span);
            svg.rect(x, y + 3, w, kRow - 8, deviceHex(int(d)), " stroke=\"#fff\" stroke-width=\"0.5\"");
            if (w > 14) {
                svg.text(x + w / 2, y + 14, std::to_string(bar.stage), "middle", "#fff");
            }
        }
    }
    valueAxis(svg, y + 2, kLabel, plotWidth, span, false);
    return svg.finish(y + 24, "Simulated timeline of one frame (numbers: stages)");
}

std::string tileGridSvg(const StageRow& stage, const cost::Cluster& cluster) {
    Svg svg;
    // Cut positions are in output pixels; the last row and column end at the extent, which a stage row does
    // not carry, so cells are drawn with equal size and the cut positions written on the edges.
    const double cell = std::min(48.0, 280.0 / std::max(stage.rows, stage.columns));
    const double x0 = 60, y0 = 20;
    for (int i = 0; i < stage.rows; ++i) {
        for (int j = 0; j < stage.columns; ++j) {
            const std::size_t k = std::size_t(i * stage.columns + j);
            const int device = k < stage.cellDevices.size() ? stage.cellDevices[k] : 0;
            svg.rect(x0 + j * cell, y0 + i * cell, cell, cell, deviceHex(device),
                     " stroke=\"#fff\" stroke-width=\"1.5\"");
            if (cell >= 24) {
                svg.text(x0 + j * cell + cell / 2, y0 + i * cell + cell / 2 + 4, std::to_string(device + 1),
                         "middle", "#fff");
            }
        }
    }
    for (std::size_t c = 0; c < stage.colCuts.size(); ++c) {
        svg.text(x0 + double(c + 1) * cell, y0 - 6, std::to_string(stage.colCuts[c]), "middle", "#555");
    }
    for (std::size_t r = 0; r < stage.rowCuts.size(); ++r) {
        svg.text(x0 - 4, y0 + double(r + 1) * cell + 4, std::to_string(stage.rowCuts[r]), "end", "#555");
    }
    // legend: the devices of the stage
    double ly = y0;
    const double lx = x0 + stage.columns * cell + 24;
    for (int d : stage.devices) {
        svg.rect(lx, ly, 10, 10, deviceHex(d));
        svg.text(lx + 14, ly + 9, std::to_string(d + 1) + " " + cluster.devices[std::size_t(d)].name);
        ly += 16;
    }
    return svg.finish(std::max(y0 + stage.rows * cell, ly) + 8,
                      "Tile grid of stage " + std::to_string(stage.index));
}

std::string latencyHistogramSvg(const MeasuredFigures& measured) {
    Svg svg;
    const Percentiles& p = measured.latency;
    const int bins = std::clamp(int(std::sqrt(double(measured.frameLatency.size()))) + 1, 5, 40);
    const double lo = p.min, hi = std::max(p.max, p.min + 1e-9);
    std::vector<int> counts(std::size_t(bins), 0);
    for (double v : measured.frameLatency) {
        ++counts[std::size_t(std::min(bins - 1, int((v - lo) / (hi - lo) * bins)))];
    }
    const int top = std::max(1, *std::max_element(counts.begin(), counts.end()));
    const double x0 = 50, plotWidth = kWidth - x0 - 20, plotTop = 24, plotHeight = 150;
    const double base = plotTop + plotHeight;
    for (int b = 0; b < bins; ++b) {
        const double h = plotHeight * counts[std::size_t(b)] / top;
        svg.rect(x0 + plotWidth * b / bins + 1, base - h, plotWidth / bins - 2, h, "#4e79a7");
    }
    svg.line(x0, plotTop, x0, base, "#888");
    svg.text(x0 - 4, plotTop + 4, std::to_string(top), "end", "#555");
    svg.text(x0 - 4, base, "0", "end", "#555");
    svg.text(x0 - 4, plotTop + 16, "frames", "end", "#555");
    const std::pair<const char*, double> marks[] = {{"p50", p.p50}, {"p95", p.p95}, {"p99", p.p99}};
    for (std::size_t i = 0; i < 3; ++i) {
        const double x = x0 + plotWidth * (marks[i].second - lo) / (hi - lo);
        svg.line(x, plotTop - 4, x, base, "#d00", 1.5);
        svg.text(x + 3, plotTop - 8 + 10.0 * double(i), marks[i].first, "start", "#d00");
    }
    // latency axis from lo to hi
    svg.line(x0, base, x0 + plotWidth, base, "#888");
    for (int i = 0; i <= 4; ++i) {
        const double x = x0 + plotWidth * i / 4;
        svg.line(x, base, x, base + 4, "#888");
        svg.text(x, base + 15, cost::formatSeconds(lo + (hi - lo) * i / 4), "middle", "#555");
    }
    return svg.finish(base + 24, "Measured latency per frame");
}

std::string computeChartSvg(const PlanFigures& plan, const MeasuredFigures& measured,
                            const cost::Cluster& cluster) {
    Svg svg;
    double max = 1e-9;
    for (std::size_t d = 0; d < cluster.devices.size(); ++d) {
        max = std::max({max, plan.busySeconds.at(d), measured.devices[d].computeMedian});
    }
    const double plotWidth = kWidth - kLabel - 20;
    svg.rect(kLabel, 6, 10, 10, "#bbb");
    svg.text(kLabel + 14, 15, "predicted");
    svg.rect(kLabel + 110, 6, 10, 10, "#4e79a7");
    svg.text(kLabel + 124, 15, "measured (median)");
    double y = kTop;
    for (std::size_t d = 0; d < cluster.devices.size(); ++d, y += kRow + 6) {
        svg.text(4, y + 17, cluster.devices[d].name);
        svg.rect(kLabel, y + 2, plotWidth * plan.busySeconds.at(d) / max, 11, "#bbb");
        svg.rect(kLabel, y + 15, plotWidth * measured.devices[d].computeMedian / max, 11, "#4e79a7");
    }
    valueAxis(svg, y + 2, kLabel, plotWidth, max, false);
    return svg.finish(y + 24, "Compute time per frame and device: predicted and measured");
}

} // namespace tessera::report
