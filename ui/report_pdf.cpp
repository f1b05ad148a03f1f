#include "ui/report_pdf.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPdfWriter>

#include "core/cost/analysis_report.h"
#include "core/report/svg_charts.h"
#include "ui/core_text.h"
#include "ui/pdf_pages.h"
#include "ui/qt_convert.h"

namespace tessera::ui {
namespace {

// The translation context of the PDF's headings and labels.
class ReportPdf {
    Q_DECLARE_TR_FUNCTIONS(ReportPdf)
};

QString name(const cost::Cluster& cluster, int device) {
    return toQString(cluster.devices[std::size_t(device)].name);
}

QString percent(std::int64_t part, std::int64_t whole) {
    return whole > 0 ? QString::number(100.0 * double(part) / double(whole), 'f', 0) + QLatin1Char('%')
                     : QString();
}

QString stageSplit(const report::StageRow& s) {
    switch (s.kind) {
    case partition::StageKind::Tiles: {
        QString text = ReportPdf::tr("%1×%2 tiles").arg(s.rows).arg(s.columns);
        if (s.reuse) {
            text += ReportPdf::tr(", data reuse");
        }
        if (s.stealing) {
            text += ReportPdf::tr(", work stealing");
        }
        return text;
    }
    case partition::StageKind::Lop:
        return ReportPdf::tr("%1 output-channel slices").arg(s.channelCuts.size() + 1);
    case partition::StageKind::Lip:
        return ReportPdf::tr("%1 input-channel slices").arg(s.channelCuts.size() + 1);
    case partition::StageKind::Device:
        break;
    }
    return ReportPdf::tr("whole layers");
}

void modelPart(PdfPages& pages, const report::Report& r) {
    const report::ModelSummary& m = r.model;
    pages.heading(ReportPdf::tr("Model"));
    std::vector<QStringList> rows = {
        {ReportPdf::tr("File"), toQString(m.path)},
        {ReportPdf::tr("SHA-256"), toQString(m.sha256)},
        {ReportPdf::tr("Format"), ReportPdf::tr("%1, opset %2").arg(toQString(m.format)).arg(m.opset)},
    };
    for (const auto& in : m.inputs) {
        rows.push_back({ReportPdf::tr("Input"), toQString(in)});
    }
    for (const auto& out : m.outputs) {
        rows.push_back({ReportPdf::tr("Output"), toQString(out)});
    }
    rows.push_back({ReportPdf::tr("Nodes"), QString::number(m.nodes)});
    rows.push_back({ReportPdf::tr("Parameters"), toQString(cost::groupDigits(m.params))});
    rows.push_back({ReportPdf::tr("Weights (ro)"), bytesText(m.weightBytes)});
    rows.push_back({ReportPdf::tr("MACs"), countText(m.macs)});
    rows.push_back({ReportPdf::tr("Activations (rw)"),
                    ReportPdf::tr("%1 peak with buffer reuse, %2 without")
                        .arg(bytesText(m.peakActivationBytes), bytesText(m.totalActivationBytes))});
    rows.push_back(
        {ReportPdf::tr("RAM total, one device"), bytesText(m.weightBytes + m.peakActivationBytes)});
    pages.table({{ReportPdf::tr("Item"), 160}, {ReportPdf::tr("Value"), 600}}, rows);
    QStringList ops;
    for (const auto& [op, count] : m.opCounts) {
        ops << QStringLiteral("%1 ×%2").arg(toQString(op)).arg(count);
    }
    pages.paragraph(ReportPdf::tr("Operators: %1").arg(ops.join(QStringLiteral(", "))));
}

void clusterPart(PdfPages& pages, const report::Report& r) {
    const cost::Cluster& c = r.cluster;
    pages.heading(ReportPdf::tr("Cluster"));
    pages.paragraph(
        ReportPdf::tr("%n device(s), gateway %1.", "", int(c.devices.size())).arg(name(c, c.gateway)));
    std::vector<QStringList> rows;
    for (std::size_t d = 0; d < c.devices.size(); ++d) {
        const auto& dev = c.devices[d];
        rows.push_back({toQString(dev.name), toQString(dev.host), toQString(dev.arch),
                        bytesText(dev.memoryBytes), QString::number(dev.threads),
                        ReportPdf::tr("%1 GMAC/s").arg(dev.macsPerSecond / 1e9, 0, 'f', 2),
                        bitsPerSecondText(dev.linkBitsPerSecond), bytesText(dev.runtimeOverheadBytes)});
    }
    pages.table({{ReportPdf::tr("device"), 130},
                 {ReportPdf::tr("host"), 120},
                 {ReportPdf::tr("arch"), 70},
                 {ReportPdf::tr("budget"), 80, true},
                 {ReportPdf::tr("threads"), 55, true},
                 {ReportPdf::tr("speed"), 95, true},
                 {ReportPdf::tr("link"), 90, true},
                 {ReportPdf::tr("runtime"), 80, true}},
                rows);
}

void planPart(PdfPages& pages, const report::Report& r, QGraphicsScene* graph) {
    const report::PlanFigures& p = r.plan;
    pages.heading(ReportPdf::tr("Plan"));
    pages.paragraph(toQString(p.label) + QStringLiteral(": ") +
                    ReportPdf::tr("%1 stage(s), %2 tasks.").arg(p.stages.size()).arg(p.tasks));
    std::vector<QStringList> rows;
    for (const auto& s : p.stages) {
        QStringList devices;
        for (int d : s.devices) {
            devices << name(r.cluster, d);
        }
        rows.push_back({QString::number(s.index), QString::fromLatin1(partition::toString(s.kind)),
                        toQString(s.firstNode) +
                            (s.nodes > 1 ? QStringLiteral(" … ") + toQString(s.lastNode) : QString()),
                        QString::number(s.nodes), stageSplit(s), devices.join(QLatin1Char(' '))});
    }
    pages.table({{ReportPdf::tr("#"), 30, true},
                 {ReportPdf::tr("scheme"), 55},
                 {ReportPdf::tr("layers"), 200},
                 {ReportPdf::tr("nodes"), 45, true},
                 {ReportPdf::tr("split"), 210},
                 {ReportPdf::tr("devices"), 220}},
                rows);
    for (const auto& s : p.stages) {
        if (s.kind == partition::StageKind::Tiles) {
            pages.paragraph(ReportPdf::tr("Stage %1: tile grid (cells by device, cut positions on the edges)")
                                .arg(s.index));
            pages.svg(report::tileGridSvg(s, r.cluster));
        }
    }
    if (graph) {
        pages.scenePage(
            ReportPdf::tr("Graph (layers tinted by their devices; read the columns left to right)"), graph);
    }
}

void predictionPart(PdfPages& pages, const report::Report& r) {
    const report::PlanFigures& p = r.plan;
    pages.heading(ReportPdf::tr("Memory per device (predicted)"));
    pages.svg(report::memoryChartSvg(p, r.cluster));
    std::vector<QStringList> rows;
    std::vector<bool> over;
    for (std::size_t d = 0; d < p.cost.devices.size(); ++d) {
        const auto& c = p.cost.devices[d];
        rows.push_back({name(r.cluster, int(d)), bytesText(c.weightBytes), bytesText(c.activationBytes),
                        bytesText(c.bufferBytes), bytesText(c.overheadBytes), bytesText(c.totalBytes),
                        bytesText(c.budgetBytes), percent(c.totalBytes, c.budgetBytes)});
        over.push_back(!c.fits());
    }
    pages.table({{ReportPdf::tr("device"), 130},
                 {ReportPdf::tr("weights"), 90, true},
                 {ReportPdf::tr("activations"), 90, true},
                 {ReportPdf::tr("buffers"), 90, true},
                 {ReportPdf::tr("overhead"), 90, true},
                 {ReportPdf::tr("total"), 90, true},
                 {ReportPdf::tr("budget"), 90, true},
                 {ReportPdf::tr("use"), 60, true}},
                rows, over);
    for (const auto& line : p.overBudget) {
        pages.paragraph(CoreText::translate(line), QColor(0xbb, 0, 0));
    }
    pages.heading(ReportPdf::tr("Traffic per link (predicted, one frame)"));
    const double redundant =
        p.cost.modelMacs > 0 ? 100.0 * double(p.cost.redundantMacs()) / double(p.cost.modelMacs) : 0.0;
    pages.paragraph(ReportPdf::tr("Total %1 per frame; %2 redundant MACs from tile overlap (%3%).")
                        .arg(bytesText(p.cost.trafficBytes), countText(p.cost.redundantMacs()))
                        .arg(redundant, 0, 'f', 1));
    pages.svg(report::trafficChartSvg(p, r.cluster));
    pages.heading(ReportPdf::tr("Latency (predicted)"));
    pages.paragraph(
        ReportPdf::tr(
            "One frame: %1. A stream of %2 frames submitted at once: %3 frames/s, latency median %4, max %5.")
            .arg(secondsText(p.latencySeconds))
            .arg(p.streamFrames)
            .arg(p.streamThroughput, 0, 'f', 2)
            .arg(secondsText(p.streamLatencyMedian), secondsText(p.streamLatencyMax)));
    pages.svg(report::timelineChartSvg(p, r.cluster));
}

void measuredPart(PdfPages& pages, const report::Report& r) {
    const report::MeasuredFigures& m = *r.measured;
    pages.heading(ReportPdf::tr("Measured run"));
    QString text = ReportPdf::tr("%1 frames, %2 in flight").arg(m.frames).arg(m.inFlight);
    if (m.throughput > 0) {
        text += ReportPdf::tr(", %1 frames/s over %2")
                    .arg(m.throughput, 0, 'f', 2)
                    .arg(secondsText(m.wallSeconds));
    }
    pages.paragraph(
        text + ReportPdf::tr(". Predicted one-frame latency: %1.").arg(secondsText(r.plan.latencySeconds)));
    const report::Percentiles& l = m.latency;
    QStringList values;
    for (double v : {l.min, l.mean, l.p50, l.p90, l.p95, l.p99, l.max}) {
        values << secondsText(v);
    }
    pages.table({{ReportPdf::tr("min"), 100, true},
                 {ReportPdf::tr("mean"), 100, true},
                 {ReportPdf::tr("p50"), 100, true},
                 {ReportPdf::tr("p90"), 100, true},
                 {ReportPdf::tr("p95"), 100, true},
                 {ReportPdf::tr("p99"), 100, true},
                 {ReportPdf::tr("max"), 100, true}},
                {values});
    pages.svg(report::latencyHistogramSvg(m));
    pages.svg(report::computeChartSvg(r.plan, m, r.cluster));
    std::vector<QStringList> rows;
    for (const auto& d : m.devices) {
        const auto& c = r.plan.cost.devices[std::size_t(d.device)];
        rows.push_back({name(r.cluster, d.device), secondsText(r.plan.busySeconds.at(std::size_t(d.device))),
                        secondsText(d.computeMedian),
                        bytesText(c.receivedBytes) + QStringLiteral(" / ") + bytesText(d.bytesIn),
                        bytesText(c.sentBytes) + QStringLiteral(" / ") + bytesText(d.bytesOut),
                        bytesText(c.totalBytes), bytesText(d.peakRssBytes)});
    }
    pages.table({{ReportPdf::tr("device"), 120},
                 {ReportPdf::tr("compute pred."), 90, true},
                 {ReportPdf::tr("compute meas."), 90, true},
                 {ReportPdf::tr("received pred./meas."), 135, true},
                 {ReportPdf::tr("sent pred./meas."), 135, true},
                 {ReportPdf::tr("memory pred."), 95, true},
                 {ReportPdf::tr("peak RSS"), 95, true}},
                rows);
}

void optimizerPart(PdfPages& pages, const report::Report& r) {
    const report::OptimizerSummary& o = *r.optimizer;
    pages.heading(ReportPdf::tr("Optimizer settings"));
    const std::vector<QStringList> rows = {
        {ReportPdf::tr("Objective"), toQString(o.objective)},
        {ReportPdf::tr("Time limit"), secondsText(o.timeLimitSeconds)},
        {ReportPdf::tr("Budgets"), ReportPdf::tr("the devices' memory budgets (Cluster)")}};
    pages.table({{ReportPdf::tr("Setting"), 160}, {ReportPdf::tr("Value"), 600}}, rows);
}

void comparePart(PdfPages& pages, const report::Report& r) {
    const report::PlanFigures& a = r.plan;
    const report::PlanFigures& b = *r.compare;
    pages.heading(ReportPdf::tr("Comparison"));
    const auto fits = [](const report::PlanFigures& p) {
        return p.overBudget.empty() ? ReportPdf::tr("yes")
                                    : ReportPdf::tr("%n device(s) over", "", int(p.overBudget.size()));
    };
    std::vector<QStringList> rows = {
        {ReportPdf::tr("stages"), QString::number(a.stages.size()), QString::number(b.stages.size())},
        {ReportPdf::tr("tasks"), QString::number(a.tasks), QString::number(b.tasks)},
        {ReportPdf::tr("largest device memory"), bytesText(a.largestDeviceBytes()),
         bytesText(b.largestDeviceBytes())},
        {ReportPdf::tr("fits the budgets"), fits(a), fits(b)},
        {ReportPdf::tr("traffic per frame"), bytesText(a.cost.trafficBytes), bytesText(b.cost.trafficBytes)},
        {ReportPdf::tr("redundant MACs"), countText(a.cost.redundantMacs()),
         countText(b.cost.redundantMacs())},
        {ReportPdf::tr("latency, one frame"), secondsText(a.latencySeconds), secondsText(b.latencySeconds)},
        {ReportPdf::tr("throughput, stream"), ReportPdf::tr("%1 frames/s").arg(a.streamThroughput, 0, 'f', 2),
         ReportPdf::tr("%1 frames/s").arg(b.streamThroughput, 0, 'f', 2)}};
    for (std::size_t d = 0; d < r.cluster.devices.size(); ++d) {
        rows.push_back({ReportPdf::tr("memory of %1").arg(name(r.cluster, int(d))),
                        bytesText(a.cost.devices[d].totalBytes), bytesText(b.cost.devices[d].totalBytes)});
    }
    pages.table({{QString(), 260}, {toQString(a.label), 250, true}, {toQString(b.label), 250, true}}, rows);
    pages.paragraph(ReportPdf::tr("Memory per device: %1").arg(toQString(b.label)));
    pages.svg(report::memoryChartSvg(b, r.cluster));
    pages.paragraph(ReportPdf::tr("Timeline: %1").arg(toQString(b.label)));
    pages.svg(report::timelineChartSvg(b, r.cluster));
}

void layersPart(PdfPages& pages, const report::Report& r) {
    pages.heading(ReportPdf::tr("Layers"));
    std::vector<QStringList> rows;
    for (const auto& l : r.layers) {
        // a stage over many devices would not fit the column: count them
        QStringList devices;
        for (const auto& d : l.devices) {
            devices << toQString(d);
        }
        if (devices.size() > 2) {
            devices = QStringList{ReportPdf::tr("%n devices", "", int(devices.size()))};
        }
        rows.push_back({QString::number(l.id), toQString(l.name), toQString(l.op), toQString(l.outputShape),
                        toQString(cost::groupDigits(l.params)), countText(l.macs),
                        bytesText(l.activationBytes), QString::number(l.stage),
                        devices.join(QLatin1Char(' '))});
    }
    pages.table({{ReportPdf::tr("id"), 32, true},
                 {ReportPdf::tr("name"), 140},
                 {ReportPdf::tr("op"), 85},
                 {ReportPdf::tr("output shape"), 100},
                 {ReportPdf::tr("params"), 75, true},
                 {ReportPdf::tr("MACs"), 65, true},
                 {ReportPdf::tr("activations"), 75, true},
                 {ReportPdf::tr("stage"), 40, true},
                 {ReportPdf::tr("devices"), 148}},
                rows);
}

} // namespace

bool writeReportPdf(const report::Report& r, const QString& path, QGraphicsScene* graph, QString* error) {
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    // The screen's resolution: the graph scene's fonts are sized in points, and at another resolution their
    // text would no longer fit the boxes the layout measured for it. Everything stays vector graphics.
    writer.setResolution(96);
    writer.setTitle(ReportPdf::tr("Tessera report: %1").arg(toQString(r.model.name)));
    writer.setCreator(QStringLiteral("Tessera Studio"));
    QPainter painter;
    if (!painter.begin(&writer)) {
        *error = ReportPdf::tr("Cannot write %1").arg(path);
        return false;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    PdfPages pages(&writer, &painter, ReportPdf::tr("Tessera report: %1").arg(toQString(r.model.name)));
    QString subtitle =
        ReportPdf::tr("%1 on %n device(s)", "", int(r.cluster.devices.size())).arg(toQString(r.plan.label));
    if (r.compare) {
        subtitle += ReportPdf::tr(", compared with %1").arg(toQString(r.compare->label));
    }
    if (r.measured) {
        subtitle += ReportPdf::tr(", with a measured run");
    }
    pages.title(ReportPdf::tr("Tessera report: %1").arg(toQString(r.model.name)),
                subtitle + QLatin1Char('.'));
    modelPart(pages, r);
    clusterPart(pages, r);
    planPart(pages, r, graph);
    predictionPart(pages, r);
    if (r.measured) {
        measuredPart(pages, r);
    }
    if (r.optimizer) {
        optimizerPart(pages, r);
    }
    if (r.compare) {
        comparePart(pages, r);
    }
    layersPart(pages, r);
    pages.finish();
    if (!painter.end()) {
        *error = ReportPdf::tr("Cannot write %1").arg(path);
        return false;
    }
    return true;
}

} // namespace tessera::ui
