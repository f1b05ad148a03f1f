// The report builder and its writers: the JSON parsed back carries the figures core/sim predicts for the
// plan, the CSV tables parse back with one row per layer and per device, the HTML is well-formed XML with
// inline SVG charts and escaped names; run records round-trip and their errors name the field.

#include <QXmlStreamReader>
#include <QtTest>

#include <nlohmann/json.hpp>

#include "core/partition/program.h"
#include "core/report/report.h"
#include "core/report/writers.h"
#include "core/sim/simulator.h"
#include "support/onnx_builder.h"
#include "support/stages.h"

using namespace tessera;
using partition::Stage;
using partition::StageKind;
using tessera::test::stage;

namespace {

std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(field);
            field.clear();
        } else if (c == '\n') {
            rows.back().push_back(field);
            field.clear();
            rows.emplace_back();
        } else {
            field += c;
        }
    }
    rows.pop_back(); // after the last line break
    return rows;
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    model::Model m_model;
    cost::Cluster m_cluster = cost::uniformCluster("rpi4", 2);
    partition::Plan m_plan;

    // x[1,3,16,16] -> conv 3x3 p1 (8) -> relu -> conv 3x3 p1 (8) -> relu -> conv 1x1 (4, named "a,b").
    void buildModel() {
        test::OnnxBuilder b;
        b.input("x", {std::int64_t(1), std::int64_t(3), std::int64_t(16), std::int64_t(16)});
        b.weights("w1", {8, 3, 3, 3}, std::vector<float>(216, 0.1f));
        b.weights("w2", {8, 8, 3, 3}, std::vector<float>(576, 0.05f));
        b.weights("w3", {4, 8, 1, 1}, std::vector<float>(32, 0.2f));
        test::OnnxBuilder::setInts(b.node("Conv", {"x", "w1"}, {"c1"}), "pads", {1, 1, 1, 1});
        b.node("Relu", {"c1"}, {"r1"});
        test::OnnxBuilder::setInts(b.node("Conv", {"r1", "w2"}, {"c2"}), "pads", {1, 1, 1, 1});
        b.node("Relu", {"c2"}, {"r2"});
        b.node("Conv", {"r2", "w3"}, {"y"}, "a,b \"head\"");
        b.output("y");
        const std::string path = m_dir.filePath("net.onnx").toStdString();
        b.save(path);
        auto m = model::loadModel(path);
        if (!m) {
            qFatal("%s", m.error().message.c_str());
        }
        m_model = std::move(*m);
        m_model.graph.name = "<b>net & co</b>";
    }

    report::ReportInputs inputs() const {
        report::ReportInputs in;
        in.model = &m_model;
        in.cluster = &m_cluster;
        in.plan = {"tiles.json", m_plan};
        return in;
    }

    static report::RunRecord record(int frames) {
        report::RunRecord r;
        r.source = "test";
        r.inFlight = 2;
        r.wallSeconds = 0.5;
        for (int f = 0; f < frames; ++f) {
            report::FrameMeasure frame;
            frame.frame = std::uint64_t(f);
            frame.latencySeconds = 0.001 * (f + 1);
            frame.devices = {{"rpi4-1", 3, 0.002 + 0.001 * f, 100, 200, 50 << 20},
                             {"rpi4-2", 2, 0.004, 300, 400, (60 << 20) + f}};
            r.frames.push_back(frame);
        }
        return r;
    }

    report::Report build(const report::ReportInputs& in) {
        auto r = report::buildReport(in);
        if (!r) {
            qFatal("%s", r.error().message.c_str());
        }
        return std::move(*r);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        buildModel();
        Stage tiles = stage(StageKind::Tiles, 0, 3, {0, 1, 1, 0});
        tiles.rowCuts = {8};
        tiles.colCuts = {6};
        m_plan.stages = {tiles, stage(StageKind::Device, 4, 4, {0})};
    }

    void jsonCarriesThePredictedFigures() {
        const auto program = partition::compile(m_model, m_plan, m_cluster);
        QVERIFY(program.ok());
        const auto cost = sim::planCost(*program, m_model.graph, m_cluster);
        const auto one = sim::simulate(*program, m_cluster, {1, 0});
        auto in = inputs();
        in.measured = record(20);
        const auto doc = nlohmann::json::parse(report::reportToJson(build(in)));

        QCOMPARE(doc["format"].get<std::string>(), std::string("tessera-report"));
        QCOMPARE(doc["model"]["sha256"].get<std::string>(), m_model.sha256);
        QCOMPARE(doc["model"]["op_counts"]["Conv"].get<int>(), 3);
        QCOMPARE(doc["model"]["op_counts"]["Relu"].get<int>(), 2);
        QCOMPARE(doc["model"]["macs"].get<std::int64_t>(), cost.modelMacs);
        QCOMPARE(doc["layers"].size(), m_model.graph.nodes.size());
        QCOMPARE(doc["cluster"]["devices"].size(), std::size_t(2));

        const auto& plan = doc["plan"];
        QCOMPARE(plan["stages"][0]["kind"].get<std::string>(), std::string("tiles"));
        QCOMPARE(plan["stages"][0]["grid"]["rows"].get<int>(), 2);
        QCOMPARE(plan["stages"][0]["grid"]["col_cuts"][0].get<int>(), 6);
        QCOMPARE(plan["stages"][0]["cell_devices"][1].get<std::string>(), std::string("rpi4-2"));
        QCOMPARE(plan["tasks"].get<std::size_t>(), program->tasks.size());
        for (std::size_t d = 0; d < 2; ++d) {
            const auto& dev = plan["devices"][d];
            QCOMPARE(dev["name"].get<std::string>(), m_cluster.devices[d].name);
            QCOMPARE(dev["weight_bytes"].get<std::int64_t>(), cost.devices[d].weightBytes);
            QCOMPARE(dev["activation_bytes"].get<std::int64_t>(), cost.devices[d].activationBytes);
            QCOMPARE(dev["buffer_bytes"].get<std::int64_t>(), cost.devices[d].bufferBytes);
            QCOMPARE(dev["overhead_bytes"].get<std::int64_t>(), cost.devices[d].overheadBytes);
            QCOMPARE(dev["total_bytes"].get<std::int64_t>(), cost.devices[d].totalBytes);
            QCOMPARE(dev["budget_bytes"].get<std::int64_t>(), m_cluster.devices[d].memoryBytes);
            QCOMPARE(dev["compute_seconds"].get<double>(), cost.devices[d].computeSeconds);
            QCOMPARE(dev["busy_seconds"].get<double>(), one.deviceBusySeconds.at(d));
        }
        QVERIFY(cost.trafficBytes > 0);
        QCOMPARE(plan["traffic_bytes"].get<std::int64_t>(), cost.trafficBytes);
        QCOMPARE(plan["links"].size(), cost.links.size());
        QCOMPARE(plan["redundant_macs"].get<std::int64_t>(), cost.redundantMacs());
        QCOMPARE(plan["latency_seconds"].get<double>(), one.frameLatency.at(0));
        QCOMPARE(plan["timeline"].size(), one.tasks.size());
        QVERIFY(doc["compare"].is_null());

        const auto& measured = doc["measured"];
        QCOMPARE(measured["frames"].get<int>(), 20);
        QCOMPARE(measured["throughput_fps"].get<double>(), 40.0);
        QCOMPARE(measured["latency_seconds"]["p50"].get<double>(), 0.010);
        QCOMPARE(measured["latency_seconds"]["p95"].get<double>(), 0.019);
        QCOMPARE(measured["latency_seconds"]["max"].get<double>(), 0.020);
        QCOMPARE(measured["devices"][1]["peak_rss_bytes"].get<std::int64_t>(), std::int64_t((60 << 20) + 19));
        QCOMPARE(measured["devices"][1]["predicted_total_bytes"].get<std::int64_t>(),
                 cost.devices[1].totalBytes);
    }

    void formatsFromNamesAndPaths() {
        using report::Format;
        QCOMPARE(report::formatOfPath("out/r.HTM"), std::optional(Format::Html));
        QCOMPARE(report::formatOfPath("r.html"), std::optional(Format::Html));
        QCOMPARE(report::formatOfPath("r.Json"), std::optional(Format::Json));
        QCOMPARE(report::formatOfPath("r.csv"), std::optional(Format::Csv));
        QCOMPARE(report::formatOfPath("r.pdf"), std::optional(Format::Pdf));
        QVERIFY(!report::formatOfPath("report"));
        QVERIFY(!report::formatOfPath("r.txt"));
        QCOMPARE(report::formatFromName("csv"), std::optional(Format::Csv));
        QVERIFY(!report::formatFromName("CSV."));
        QCOMPARE(report::devicesCsvPath("out/plan.csv"), std::string("out/plan-devices.csv"));
    }

    void percentilesUseNearestRank() {
        std::vector<double> values;
        for (int i = 100; i >= 1; --i) {
            values.push_back(i);
        }
        const auto p = report::percentiles(values);
        QCOMPARE(p.min, 1.0);
        QCOMPARE(p.p50, 50.0);
        QCOMPARE(p.p90, 90.0);
        QCOMPARE(p.p99, 99.0);
        QCOMPARE(p.max, 100.0);
        QCOMPARE(p.mean, 50.5);
        QCOMPARE(report::percentiles({7.0}).p99, 7.0);
    }

    void csvTablesParseBack() {
        const auto r = build(inputs());
        const auto layers = parseCsv(report::layersCsv(r));
        QCOMPARE(layers.size(), m_model.graph.nodes.size() + 1);
        QCOMPARE(layers[0].front(), std::string("id"));
        for (const auto& row : layers) {
            QCOMPARE(row.size(), std::size_t(11));
        }
        QCOMPARE(layers[5][1], std::string("a,b \"head\"")); // quoted field survives
        QCOMPARE(layers[1][8], std::string("1"));
        QCOMPARE(layers[1][10], std::string("rpi4-1 rpi4-2"));
        QCOMPARE(layers[5][9], std::string("device"));

        const auto devices = parseCsv(report::devicesCsv(r));
        QCOMPARE(devices.size(), std::size_t(3));
        QCOMPARE(devices[0][9], std::string("total_bytes"));
        QCOMPARE(devices[2][0], std::string("rpi4-2"));
        QCOMPARE(std::stoll(devices[2][9]), r.plan.cost.devices[1].totalBytes);

        auto in = inputs();
        in.measured = record(3);
        const auto measured = parseCsv(report::devicesCsv(build(in)));
        QCOMPARE(measured[0].size(), std::size_t(22));
        QCOMPARE(measured[0][14], std::string("busy_seconds"));
        QCOMPARE(measured[1][17], std::string("3"));
    }

    void htmlIsWellFormedSelfContainedAndEscaped() {
        auto in = inputs();
        in.measured = record(12);
        in.compare = report::PlanToReport{"whole <model>", partition::wholeModelPlan(m_model.graph, 0)};
        in.optimizer = report::OptimizerSummary{"traffic", 90};
        const std::string html = report::reportToHtml(build(in));

        QXmlStreamReader xml(QString::fromStdString(html));
        int svgs = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("svg")) {
                ++svgs;
            }
        }
        QVERIFY2(!xml.hasError(),
                 qPrintable(xml.errorString() + " at line " + QString::number(xml.lineNumber())));
        // memory, traffic, timeline, tile grid, histogram, compute; compared plan's memory and timeline
        QCOMPARE(svgs, 8);
        QVERIFY(html.find("&lt;b&gt;net &amp; co&lt;/b&gt;") != std::string::npos);
        QVERIFY(html.find("<b>net") == std::string::npos);
        QVERIFY(html.find("whole &lt;model&gt;") != std::string::npos);
        QVERIFY(html.find("<script") == std::string::npos);
        QVERIFY(html.find(" src=") == std::string::npos);
        QVERIFY(html.find("href=") == std::string::npos);
        QVERIFY(html.find("<td>traffic</td>") != std::string::npos);
    }

    void comparedPlanHasItsOwnFigures() {
        auto in = inputs();
        const auto whole = partition::wholeModelPlan(m_model.graph, 0);
        in.compare = report::PlanToReport{"whole", whole};
        const auto r = build(in);
        QVERIFY(r.compare.has_value());
        const auto expected =
            sim::planCost(*partition::compile(m_model, whole, m_cluster), m_model.graph, m_cluster);
        QCOMPARE(r.compare->cost.devices[0].totalBytes, expected.devices[0].totalBytes);
        QCOMPARE(r.compare->cost.trafficBytes, std::int64_t(0));
        QVERIFY(r.plan.cost.trafficBytes > 0);
    }

    void errorsNameThePlanAndTheDevice() {
        auto in = inputs();
        partition::Plan broken = m_plan;
        broken.stages.pop_back();
        in.compare = report::PlanToReport{"other.json", broken};
        auto r = report::buildReport(in);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.rfind("other.json: ", 0) == 0, r.error().message.c_str());

        in = inputs();
        auto rec = record(2);
        rec.frames[1].devices[0].device = "jetson-9";
        in.measured = rec;
        r = report::buildReport(in);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.find("'jetson-9'") != std::string::npos, r.error().message.c_str());
    }

    void runRecordRoundTripsAndNamesBadFields() {
        const auto rec = record(4);
        const auto back = report::parseRunRecord(report::runRecordToJson(rec), "run.json");
        QVERIFY(back.ok());
        QCOMPARE(back->frames.size(), std::size_t(4));
        QCOMPARE(back->frames[3].latencySeconds, 0.004);
        QCOMPARE(back->frames[2].devices[1].peakRssBytes, std::int64_t((60 << 20) + 2));
        QCOMPARE(back->inFlight, 2);

        auto doc = nlohmann::json::parse(report::runRecordToJson(rec));
        doc["frames"][2]["devices"][1]["bytes_in"] = "many";
        auto bad = report::parseRunRecord(doc.dump(), "run.json");
        QVERIFY(!bad.ok());
        QCOMPARE(QString::fromStdString(bad.error().message),
                 QString("run.json: frames[2].devices[1].bytes_in: expected a whole number >= 0"));
        doc["version"] = 99;
        bad = report::parseRunRecord(doc.dump(), "run.json");
        QVERIFY(bad.error().message.find("newer") != std::string::npos);
        bad = report::parseRunRecord(R"({"format":"tessera-plan"})", "p.json");
        QVERIFY(bad.error().message.find("p.json: format: expected \"tessera-run\"") == 0);
        // a number beyond a double's range: an error, not an exception out of the JSON parser
        bad = report::parseRunRecord(R"({"format":"tessera-run","version":1e400})", "r.json");
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.find("r.json: not valid JSON: ") == 0 &&
                     bad.error().message.find("number overflow parsing '1e400'") != std::string::npos,
                 bad.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestReport)
#include "test_report.moc"
