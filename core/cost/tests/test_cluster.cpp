// Human units and cluster files: parsing, formatting, round trips, every error a user can meet, atomic
// writes.
#include <QtTest>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "core/base/file_io.h"
#include "core/cost/cluster.h"
#include "core/cost/units.h"

using namespace tessera;
using namespace tessera::cost;

namespace {

QString q(const std::string& text) {
    return QString::fromStdString(text);
}

// The error message of a result, or "ok" (so a QCOMPARE against the expected message reads as a diff).
template <typename T> QString messageOf(const Expected<T>& result) {
    return result.ok() ? QString("ok") : q(result.error().message);
}

const char* const kLabCluster = R"({"format": "tessera-cluster", "version": 1, "name": "lab",
  "gateway": "pi-2",
  "network": {"shared_medium": true, "medium_bandwidth": "54mbit"},
  "devices": [
    {"name": "pi-1", "preset": "rpi4", "host": "192.168.1.10", "arch": "aarch64",
     "memory": "512MiB", "threads": 4, "macs_per_second": 6e9, "bytes_per_second": 3e9,
     "node_overhead": "20us", "bandwidth": "100mbit", "latency": "0.2ms", "runtime_overhead": "15MiB"},
    {"name": "pi-2", "preset": "rpi3b", "memory": 268435456, "latency": 0.0005},
    {"name": "laptop", "arch": "x86_64", "memory": "8G", "threads": 8, "macs_per_second": 50000000000,
     "bandwidth": "1 Gbit/s"}]})";

} // namespace

class TestCluster : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::string write(const std::string& name, const std::string& contents) {
        const std::string path = m_dir.filePath(q(name)).toStdString();
        std::ofstream(path, std::ios::binary) << contents;
        return path;
    }

    // Reads `contents` as the file `name` from disk and returns the error message ("ok" when it loads).
    QString readError(const std::string& name, const std::string& contents) {
        return messageOf(readCluster(write(name, contents)));
    }

    // A cluster file whose only device carries `deviceFields` (JSON members after the name).
    static std::string withDevice(const std::string& deviceFields) {
        return R"({"format": "tessera-cluster", "version": 1, "devices": [{"name": "a", "preset": "rpi4")" +
               deviceFields + "}]}";
    }

private slots:
    void parsesSizes() {
        QCOMPARE(*parseBytes("512"), std::int64_t(512));
        QCOMPARE(*parseBytes("10B"), std::int64_t(10));
        QCOMPARE(*parseBytes("1K"), std::int64_t(1024));
        QCOMPARE(*parseBytes("1kib"), std::int64_t(1024));
        QCOMPARE(*parseBytes("1KB"), std::int64_t(1000));
        QCOMPARE(*parseBytes("512M"), std::int64_t(512) << 20);
        QCOMPARE(*parseBytes("512MiB"), std::int64_t(512) << 20);
        QCOMPARE(*parseBytes("3mb"), std::int64_t(3000000));
        QCOMPARE(*parseBytes("1.5G"), std::int64_t(3) << 29);
        QCOMPARE(*parseBytes("2 GB"), std::int64_t(2000000000));
        QCOMPARE(*parseBytes(" 1TiB "), std::int64_t(1) << 40);
        QCOMPARE(*parseBytes("23.4 MiB"), std::int64_t(24536678)); // 24536678.4, rounded to the nearest byte
        QCOMPARE(*parseBytes("1.3K"), std::int64_t(1331));
        QCOMPARE(*parseBytes("1e3"), std::int64_t(1000));
        QCOMPARE(*parseBytes("+5"), std::int64_t(5));
        QCOMPARE(*parseBytes("0"), std::int64_t(0));
    }

    void refusesBadSizes() {
        const QString examples = " (examples: 512MiB, 1G, 268435456)";
        QCOMPARE(messageOf(parseBytes("12Q")), "\"12Q\" is not a size" + examples);
        QCOMPARE(messageOf(parseBytes("")), "\"\" is not a size" + examples);
        QCOMPARE(messageOf(parseBytes("MiB")), "\"MiB\" is not a size" + examples);
        QCOMPARE(messageOf(parseBytes("1.5.3G")), "\"1.5.3G\" is not a size" + examples);
        QCOMPARE(messageOf(parseBytes("-1G")), "\"-1G\" is not a size: it is negative" + examples);
        QCOMPARE(messageOf(parseBytes("10.5")),
                 "\"10.5\" is not a size: a number of bytes must be whole" + examples);
        QCOMPARE(messageOf(parseBytes("nan")), "\"nan\" is not a size: not a finite number" + examples);
        QCOMPARE(messageOf(parseBytes("8EiB")),
                 "\"8EiB\" is not a size: too large (the largest is 8 EiB)" + examples);
        QCOMPARE(parseBytes("12Q").error().code, ErrorCode::InvalidArgument);
    }

    void parsesBandwidths() {
        QCOMPARE(*parseBitsPerSecond("100mbit"), 1e8);
        QCOMPARE(*parseBitsPerSecond("100Mbps"), 1e8);
        QCOMPARE(*parseBitsPerSecond("100 Mbit/s"), 1e8);
        QCOMPARE(*parseBitsPerSecond("1gbit"), 1e9);
        QCOMPARE(*parseBitsPerSecond("2.5GBPS"), 2.5e9);
        QCOMPARE(*parseBitsPerSecond("54kbit"), 54e3);
        QCOMPARE(*parseBitsPerSecond("1e8"), 1e8);
        QCOMPARE(*parseBitsPerSecond("9600 bit/s"), 9600.0);
        const QString examples = " (examples: 100mbit, 1gbit, 54kbit, 1e8)";
        QCOMPARE(messageOf(parseBitsPerSecond("100M")), "\"100M\" is not a bandwidth" + examples);
        QCOMPARE(messageOf(parseBitsPerSecond("-1mbit")),
                 "\"-1mbit\" is not a bandwidth: it is negative" + examples);
        QCOMPARE(messageOf(parseBitsPerSecond("1e400")), "\"1e400\" is not a bandwidth" + examples);
    }

    void parsesDurations() {
        QCOMPARE(*parseSeconds("1s"), 1.0);
        QCOMPARE(*parseSeconds("1.5"), 1.5);
        QCOMPARE(*parseSeconds("0.2ms"), 0.2 / 1e3);
        QCOMPARE(*parseSeconds("200us"), 2e-4); // exactly: 200 / 1e6 rounds once
        QCOMPARE(*parseSeconds("20us"), 2e-5);
        QCOMPARE(*parseSeconds("85 \xc2\xb5s"), 85e-6);
        QCOMPARE(*parseSeconds("400NS"), 4e-7);
        const QString examples = " (examples: 0.2ms, 200us, 1s, 0.0002)";
        QCOMPARE(messageOf(parseSeconds("2m")), "\"2m\" is not a duration" + examples);
        QCOMPARE(messageOf(parseSeconds("-1ms")), "\"-1ms\" is not a duration: it is negative" + examples);
        QCOMPARE(messageOf(parseSeconds("inf")), "\"inf\" is not a duration: not a finite number" + examples);
    }

    void formatsUnits() {
        QCOMPARE(q(formatBytes(512)), QString("512 B"));
        QCOMPARE(q(formatBytes(1023)), QString("1023 B"));
        QCOMPARE(q(formatBytes(1024)), QString("1.00 KiB"));
        QCOMPARE(q(formatBytes(24536678)), QString("23.4 MiB"));
        QCOMPARE(q(formatBytes(std::int64_t(5) << 28)), QString("1.25 GiB"));
        QCOMPARE(q(formatBytes(1048575)), QString("1.00 MiB")); // 1023.999 KiB would print as "1024 KiB"
        QCOMPARE(q(formatBytes(-2048)), QString("-2.00 KiB"));
        QCOMPARE(q(formatBytes(999, SizeUnits::Decimal)), QString("999 B"));
        QCOMPARE(q(formatBytes(1000, SizeUnits::Decimal)), QString("1.00 kB"));
        QCOMPARE(q(formatBytes(24536678, SizeUnits::Decimal)), QString("24.5 MB"));
        QCOMPARE(q(formatBytes(std::int64_t(5) << 28, SizeUnits::Decimal)), QString("1.34 GB"));
        QCOMPARE(q(formatBytes(999999, SizeUnits::Decimal)), QString("1.00 MB"));
        QCOMPARE(q(formatBytes(-2000, SizeUnits::Decimal)), QString("-2.00 kB"));
        QCOMPARE(q(formatBitsPerSecond(1e8)), QString("100 Mbit/s"));
        QCOMPARE(q(formatBitsPerSecond(5.4e7)), QString("54.0 Mbit/s"));
        QCOMPARE(q(formatBitsPerSecond(1.5e9)), QString("1.50 Gbit/s"));
        QCOMPARE(q(formatBitsPerSecond(999.7e6)), QString("1.00 Gbit/s"));
        QCOMPARE(q(formatBitsPerSecond(0)), QString("0 bit/s"));
        QCOMPARE(q(formatSeconds(0.0123)), QString("12.3 ms"));
        QCOMPARE(q(formatSeconds(1.2)), QString("1.20 s"));
        QCOMPARE(q(formatSeconds(8.5e-5)), QString("85 us"));
        QCOMPARE(q(formatSeconds(1.5e-6)), QString("1.50 us"));
        QCOMPARE(q(formatSeconds(9.996e-6)), QString("10 us"));
        QCOMPARE(q(formatSeconds(4e-7)), QString("400 ns"));
        QCOMPARE(q(formatSeconds(2.5e-9)), QString("2.50 ns"));
        QCOMPARE(q(formatSeconds(0.0009996)), QString("1.00 ms"));
        QCOMPARE(q(formatSeconds(0.9996)), QString("1.00 s"));
        QCOMPARE(q(formatSeconds(120)), QString("120 s"));
        QCOMPARE(q(formatSeconds(0)), QString("0 s"));
    }

    void formattedUnitsParseBack() {
        std::mt19937 rng(11);
        std::uniform_real_distribution<double> exponent(-8, 12);
        for (int i = 0; i < 500; ++i) {
            const double x = std::pow(10.0, exponent(rng));
            const std::int64_t bytes = std::int64_t(x * 1000);
            for (const auto units : {SizeUnits::Binary, SizeUnits::Decimal}) {
                const double b = double(*parseBytes(formatBytes(bytes, units)));
                QVERIFY2(std::abs(b - double(bytes)) <= 0.005 * double(bytes) + 0.5,
                         formatBytes(bytes, units).c_str());
            }
            if (x >= 1) { // a fraction of a bit/s shows as 0.00 bit/s
                QVERIFY2(std::abs(*parseBitsPerSecond(formatBitsPerSecond(x)) - x) <= 0.005 * x,
                         formatBitsPerSecond(x).c_str());
            }
            // three significant digits, but 10..999 us and ns are whole: off by up to half a unit in 10
            const double tolerance = x < 1e-3 ? 0.05 : 0.005;
            QVERIFY2(std::abs(*parseSeconds(formatSeconds(x)) - x) <= tolerance * x,
                     formatSeconds(x).c_str());
        }
    }

    void readsTheDocumentedExample() {
        const auto cluster = readCluster(write("lab.json", kLabCluster));
        QVERIFY2(cluster.ok(), qPrintable(messageOf(cluster)));
        QCOMPARE(cluster->name, std::string("lab"));
        QCOMPARE(cluster->gateway, 1);
        QCOMPARE(cluster->sharedMedium, true);
        QCOMPARE(cluster->mediumBitsPerSecond, 54e6);
        QCOMPARE(cluster->devices.size(), std::size_t(3));
        Device pi1;
        pi1.name = "pi-1";
        pi1.host = "192.168.1.10";
        pi1.arch = "aarch64";
        pi1.memoryBytes = std::int64_t(512) << 20;
        pi1.threads = 4;
        pi1.macsPerSecond = 6e9;
        pi1.bytesPerSecond = 3e9;
        pi1.nodeOverheadSeconds = 2e-5;
        pi1.linkBitsPerSecond = 1e8;
        pi1.linkLatencySeconds = 0.2 / 1e3;
        pi1.runtimeOverheadBytes = std::int64_t(15) << 20;
        QVERIFY(cluster->devices[0] == pi1);
        // a preset fills every field the file does not give
        Device pi2 = *presetDevice("rpi3b");
        pi2.name = "pi-2";
        pi2.memoryBytes = std::int64_t(256) << 20;
        pi2.linkLatencySeconds = 0.0005;
        QVERIFY(cluster->devices[1] == pi2);
        // without a preset, Device's defaults
        const Device& laptop = cluster->devices[2];
        QCOMPARE(laptop.arch, std::string("x86_64"));
        QCOMPARE(laptop.memoryBytes, std::int64_t(8) << 30);
        QCOMPARE(laptop.macsPerSecond, 5e10);
        QCOMPARE(laptop.bytesPerSecond, Device{}.bytesPerSecond);
        QCOMPARE(laptop.linkBitsPerSecond, 1e9);
        QCOMPARE(laptop.runtimeOverheadBytes, std::int64_t(0));
    }

    // The example in docs/file-formats.md reads as documented.
    void documentedExampleReads() {
        const auto doc = readFile(TESSERA_SOURCE_DIR "/docs/file-formats.md");
        QVERIFY(doc.ok());
        const auto start = doc->find("```json\n{\"format\": \"tessera-cluster\"");
        QVERIFY(start != std::string::npos);
        const auto begin = start + 8;
        const auto cluster = parseCluster(doc->substr(begin, doc->find("```", begin) - begin), "docs");
        QVERIFY2(cluster.ok(), qPrintable(messageOf(cluster)));
        QCOMPARE(cluster->devices.size(), std::size_t(3));
        Device pi2 = *presetDevice("rpi4");
        pi2.name = "pi-2";
        QVERIFY(cluster->devices[1] == pi2);
        QCOMPARE(cluster->devices[2].linkBitsPerSecond, 1e9);
    }

    void writesHumanUnits() {
        Cluster c = uniformCluster("rpi4", 2);
        c.devices[1].host = "10.0.0.2";
        c.devices[1].linkLatencySeconds = 0.0015;
        c.devices[1].memoryBytes = 1000000;
        const std::string text = clusterToJson(c);
        QCOMPARE(q(text), QString(R"({
  "format": "tessera-cluster",
  "version": 1,
  "name": "2 x rpi4",
  "gateway": "rpi4-1",
  "network": {
    "shared_medium": false,
    "medium_bandwidth": 0.0
  },
  "devices": [
    {
      "name": "rpi4-1",
      "host": "",
      "arch": "aarch64",
      "memory": "3584MiB",
      "threads": 4,
      "macs_per_second": 6000000000.0,
      "bytes_per_second": 3000000000.0,
      "node_overhead": "20us",
      "bandwidth": "940mbit",
      "latency": "200us",
      "runtime_overhead": "19MiB"
    },
    {
      "name": "rpi4-2",
      "host": "10.0.0.2",
      "arch": "aarch64",
      "memory": 1000000,
      "threads": 4,
      "macs_per_second": 6000000000.0,
      "bytes_per_second": 3000000000.0,
      "node_overhead": "20us",
      "bandwidth": "940mbit",
      "latency": "1.5ms",
      "runtime_overhead": "19MiB"
    }
  ]
}
)"));
        QVERIFY(*parseCluster(text, "x.json") == c);
    }

    void roundTripIsExact() {
        for (const auto& preset : devicePresets()) {
            Cluster c = uniformCluster(preset.key, 3);
            c.gateway = 2;
            QVERIFY2(*parseCluster(clusterToJson(c), "x.json") == c, preset.key.c_str());
        }
        // awkward values: no short unit string reads them back exactly, so they are written as numbers
        std::mt19937 rng(5);
        std::uniform_real_distribution<double> u(0, 1);
        for (int round = 0; round < 50; ++round) {
            Cluster c;
            c.name = "random " + std::to_string(round);
            c.sharedMedium = round % 2 == 0;
            c.mediumBitsPerSecond = 1e6 + u(rng) * 1e9;
            for (int i = 0; i < 4; ++i) {
                Device d;
                d.name = "d" + std::to_string(i);
                d.host = "h" + std::to_string(i);
                d.memoryBytes = 1 + std::int64_t(u(rng) * 1e10);
                d.threads = 1 + i;
                d.macsPerSecond = u(rng) * 1e11 + 1;
                d.bytesPerSecond = u(rng) * 1e10 + 1;
                d.nodeOverheadSeconds = u(rng) * 1e-4;
                d.linkBitsPerSecond = std::round(u(rng) * 1e4) * 1e5 + 1;
                d.linkLatencySeconds = round % 3 == 0 ? std::round(u(rng) * 1000) / 1e6 : u(rng) * 1e-2;
                d.runtimeOverheadBytes =
                    round % 2 ? std::int64_t(u(rng) * 100) << 20 : std::int64_t(u(rng) * 1e8);
                c.devices.push_back(d);
            }
            c.gateway = round % 4;
            const std::string text = clusterToJson(c);
            const auto back = parseCluster(text, "x.json");
            QVERIFY2(back.ok(), qPrintable(messageOf(back)));
            QVERIFY2(*back == c, text.c_str());
            QCOMPARE(q(clusterToJson(*back)), q(text));
        }
    }

    void refusesMalformedFiles() {
        const std::string dir = m_dir.path().toStdString() + "/";
        QCOMPARE(readError("broken.json", R"({"format": "tessera-cluster",)"),
                 q(dir +
                   "broken.json: not valid JSON (byte 30): parse error at line 1, column 30: syntax error "
                   "while parsing object key - unexpected end of input; expected string literal"));
        QCOMPARE(readError("array.json", "[1, 2]"),
                 q(dir + "array.json: not a Tessera cluster file (no \"format\": \"tessera-cluster\")"));
        QCOMPARE(readError("plan.json", R"({"format": "tessera-plan", "version": 1})"),
                 q(dir + "plan.json: not a Tessera cluster file (\"format\" is \"tessera-plan\")"));
        QCOMPARE(readError("noversion.json", R"({"format": "tessera-cluster", "devices": []})"),
                 q(dir + "noversion.json: version: missing (cluster files have \"version\": 1)"));
        QCOMPARE(readError("textversion.json", R"({"format": "tessera-cluster", "version": "1"})"),
                 q(dir + "textversion.json: version: expected a whole number of at least 1, found \"1\""));
        QCOMPARE(messageOf(readCluster(dir + "missing.json")),
                 q(dir + "missing.json: cannot open for reading: No such file or directory"));
    }

    void refusesNewerVersions() {
        const std::string path =
            write("new.json", R"({"format": "tessera-cluster", "version": 2, "devices": [], "links": []})");
        const auto result = readCluster(path);
        QCOMPARE(messageOf(result), q(path + ": written by a newer Tessera (cluster format version 2; this "
                                             "version reads up to 1) — update Tessera"));
        QCOMPARE(result.error().code, ErrorCode::Unsupported);
    }

    void refusesUnknownKeys() {
        const std::string dir = m_dir.path().toStdString() + "/";
        const QString deviceKeys =
            "(valid keys: name, preset, host, arch, memory, threads, macs_per_second, "
            "bytes_per_second, node_overhead, bandwidth, latency, runtime_overhead, ssh)";
        QCOMPARE(readError("k1.json", withDevice(R"(, "memroy": "1G")")),
                 q(dir + "k1.json: devices[0]: unknown key \"memroy\" ") + deviceKeys);
        QCOMPARE(readError("k2.json",
                           R"({"format": "tessera-cluster", "version": 1, "devices": [], "gatway": "a"})"),
                 q(dir +
                   "k2.json: unknown key \"gatway\" (valid keys: format, version, name, gateway, network, "
                   "devices)"));
        QCOMPARE(readError("k3.json", R"({"format": "tessera-cluster", "version": 1, "devices": [],
                                          "network": {"shared": true}})"),
                 q(dir +
                   "k3.json: network: unknown key \"shared\" (valid keys: shared_medium, medium_bandwidth)"));
    }

    // The optional "ssh" block: read, written back exactly, strict keys, clear refusals.
    void readsTheSshBlock() {
        const auto c = parseCluster(withDevice(R"(, "host": "10.0.0.5", "ssh": {"user": "pi", "port": 2222,
            "key_file": "keys/lab", "known_hosts": "lab_hosts", "base_dir": "/opt/tessera"})"),
                                    "s.json");
        QVERIFY2(c.ok(), qPrintable(messageOf(c)));
        const auto& ssh = c->devices[0].ssh;
        QVERIFY(ssh.has_value());
        QCOMPARE(ssh->user, std::string("pi"));
        QCOMPARE(ssh->port, 2222);
        QCOMPARE(ssh->keyFile, std::string("keys/lab"));
        QCOMPARE(ssh->knownHosts, std::string("lab_hosts"));
        QCOMPARE(ssh->baseDir, std::string("/opt/tessera"));
        QVERIFY(*parseCluster(clusterToJson(*c), "x.json") == *c);
        // defaults
        const auto d = parseCluster(withDevice(R"(, "ssh": {})"), "d.json");
        QVERIFY(d.ok() && d->devices[0].ssh == SshSettings{});
        QCOMPARE(d->devices[0].ssh->port, 22);
        QCOMPARE(d->devices[0].ssh->baseDir, std::string(".tessera"));
        QVERIFY(!parseCluster(withDevice(""), "n.json")->devices[0].ssh.has_value());

        const std::string dir = m_dir.path().toStdString() + "/";
        QCOMPARE(readError("s1.json", withDevice(R"(, "ssh": {"usr": "pi"})")),
                 q(dir + "s1.json: devices[0].ssh: unknown key \"usr\" (valid keys: user, port, key_file, "
                         "known_hosts, base_dir, jump_host)"));
        QCOMPARE(readError("s2.json", withDevice(R"(, "ssh": {"port": 70000})")),
                 q(dir + "s2.json: devices[0].ssh.port: expected a port between 1 and 65535, found 70000"));
        QCOMPARE(readError("s3.json", withDevice(R"(, "ssh": {"jump_host": "pi@gw:x"})")),
                 q(dir + "s3.json: devices[0].ssh.jump_host: expected [user@]host[:port] (e.g. "
                         "\"pi@gateway.lab:2222\"), found \"pi@gw:x\""));
        QCOMPARE(readError("s4.json", withDevice(R"(, "ssh": "pi@host")")),
                 q(dir + "s4.json: devices[0].ssh: expected an object (user, port, key_file, ...), found "
                         "\"pi@host\""));
    }

    // "[user@]host[:port]", IPv6 in brackets; written back in the same form.
    void parsesJumpHosts() {
        using J = JumpHost;
        const std::vector<std::pair<std::string, std::optional<J>>> cases = {
            {"gw", J{"", "gw", 22}},
            {"pi@gw.lab", J{"pi", "gw.lab", 22}},
            {"pi@10.0.0.1:2222", J{"pi", "10.0.0.1", 2222}},
            {"[::1]:2200", J{"", "::1", 2200}},
            {"admin@[fe80::1]", J{"admin", "fe80::1", 22}},
            {"", std::nullopt},
            {"@gw", std::nullopt},
            {"gw:", std::nullopt},
            {"gw:0", std::nullopt},
            {"gw:70000", std::nullopt},
            {"a@b@gw", std::nullopt},
            {"[::1", std::nullopt},
            {"[::1]x", std::nullopt},
        };
        for (const auto& [text, expected] : cases) {
            std::string error;
            const auto parsed = parseJumpHost(text, &error);
            QVERIFY2(parsed == expected, text.c_str());
            QVERIFY2(parsed.has_value() == error.empty(), text.c_str());
            if (parsed) {
                std::string again;
                QVERIFY2(parseJumpHost(toString(*parsed), &again) == parsed, toString(*parsed).c_str());
            }
        }
        const auto c =
            parseCluster(withDevice(R"(, "host": "10.0.0.5", "ssh": {"jump_host": "pi@gw:2222"})"), "j.json");
        QVERIFY2(c.ok(), qPrintable(messageOf(c)));
        QVERIFY(c->devices[0].ssh->jumpHost == (J{"pi", "gw", 2222}));
        QVERIFY(*parseCluster(clusterToJson(*c), "x.json") == *c);
    }

    void errorsNameTheField() {
        const std::string dir = m_dir.path().toStdString() + "/";
        const std::string threeDevices = R"({"format": "tessera-cluster", "version": 1, "devices": [
            {"name": "a", "preset": "rpi4"}, {"name": "b", "preset": "rpi4"},
            {"name": "c", "preset": "rpi4", "memory": "12Q"}]})";
        QCOMPARE(
            readError("lab.json", threeDevices),
            q(dir + "lab.json: devices[2].memory: \"12Q\" is not a size (examples: 512MiB, 1G, 268435456)"));
        QCOMPARE(readError("e1.json", withDevice(R"(, "threads": "four")")),
                 q(dir + "e1.json: devices[0].threads: expected a whole number, found \"four\""));
        QCOMPARE(readError("e2.json", withDevice(R"(, "threads": 2.5)")),
                 q(dir + "e2.json: devices[0].threads: expected a whole number, found 2.5"));
        QCOMPARE(readError("e3.json", withDevice(R"(, "latency": [1])")),
                 q(dir +
                   "e3.json: devices[0].latency: expected a number or a string such as \"0.2ms\", found an "
                   "array"));
        QCOMPARE(readError("e4.json", withDevice(R"(, "bandwidth": -5)")),
                 q(dir +
                   "e4.json: devices[0].bandwidth: \"-5\" is not a bandwidth: it is negative (examples: "
                   "100mbit, 1gbit, 54kbit, 1e8)"));
        QCOMPARE(readError("e5.json", withDevice(R"(, "macs_per_second": "6G")")),
                 q(dir + "e5.json: devices[0].macs_per_second: expected a number, found \"6G\""));
        QCOMPARE(readError("e6.json", withDevice(R"(, "host": 10)")),
                 q(dir + "e6.json: devices[0].host: expected a string, found 10"));
        QCOMPARE(readError("e7.json",
                           R"({"format": "tessera-cluster", "version": 1, "devices": [{"preset": "rpi4"}]})"),
                 q(dir + "e7.json: devices[0]: missing \"name\""));
        QCOMPARE(readError("e8.json", R"({"format": "tessera-cluster", "version": 1, "devices": [{"name": "a",
                                          "preset": "rpi9"}]})"),
                 q(dir + "e8.json: devices[0].preset: unknown preset 'rpi9' (presets: rpi3b, rpi4, rpi5, "
                         "jetson-nano, emulated)"));
        QCOMPARE(readError("e9.json", R"({"format": "tessera-cluster", "version": 1, "gateway": "pi-9",
                                          "devices": [{"name": "a", "preset": "rpi4"},
                                                      {"name": "b", "preset": "rpi4"}]})"),
                 q(dir + "e9.json: gateway: no device named 'pi-9' (devices: a, b)"));
        QCOMPARE(readError("e10.json", R"({"format": "tessera-cluster", "version": 1, "devices": {}})"),
                 q(dir + "e10.json: devices: expected an array of devices, found an object"));
        QCOMPARE(readError("e11.json", R"({"format": "tessera-cluster", "version": 1, "devices": ["a"]})"),
                 q(dir + "e11.json: devices[0]: expected an object describing a device, found \"a\""));
        QCOMPARE(readError("e12.json", R"({"format": "tessera-cluster", "version": 1})"),
                 q(dir + "e12.json: missing \"devices\""));
        QCOMPARE(readError("e13.json", R"({"format": "tessera-cluster", "version": 1, "devices": [],
                                           "network": {"shared_medium": "yes"}})"),
                 q(dir + "e13.json: network.shared_medium: expected true or false, found \"yes\""));
    }

    void listsEveryProblem() {
        const std::string path = write("problems.json", R"({"format": "tessera-cluster", "version": 1,
            "network": {"shared_medium": true},
            "devices": [{"name": "a", "preset": "rpi4"}, {"name": "a", "memory": 0, "threads": 0}]})");
        const auto result = readCluster(path);
        QCOMPARE(messageOf(result), q(path + ": the cluster is not valid (4 problems):\n"
                                             "  - device 2 'a': the name is used twice\n"
                                             "  - device 2 'a': memory budget must be positive\n"
                                             "  - device 2 'a': threads must be at least 1\n"
                                             "  - a shared medium needs a positive medium bandwidth"));
        QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(readError("empty.json", R"({"format": "tessera-cluster", "version": 1, "devices": []})"),
                 q(m_dir.path().toStdString() + "/empty.json: the cluster is not valid (2 problems):\n"
                                                "  - the cluster has no devices\n"
                                                "  - the gateway #0 is not one of the devices"));
    }

    void writesAtomically() {
        const std::string path = m_dir.filePath("atomic.json").toStdString();
        const Cluster a = uniformCluster("rpi4", 2);
        const Cluster b = uniformCluster("rpi3b", 40); // a much longer file
        const std::string textA = clusterToJson(a), textB = clusterToJson(b);
        QVERIFY(writeCluster(a, path).ok());
        QCOMPARE(q(*readFile(path)), q(textA));
        // a reader racing the writer only ever sees the old or the new file, never a mix or a partial one
        std::atomic<bool> done = false;
        std::thread writer([&] {
            for (int i = 0; i < 300; ++i) {
                (void)writeCluster(i % 2 ? a : b, path);
            }
            done = true;
        });
        int reads = 0, torn = 0;
        while (!done) {
            const auto text = readFile(path);
            torn += !text.ok() || (*text != textA && *text != textB);
            ++reads;
        }
        writer.join();
        QCOMPARE(torn, 0);
        QVERIFY(reads > 0);
        QVERIFY(*readCluster(path) == a);
        // a write that cannot replace the file leaves nothing behind
        const std::string blocked = m_dir.filePath("blocked.json").toStdString();
        std::filesystem::create_directories(blocked + "/inside");
        const Status status = writeCluster(a, blocked);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, ErrorCode::Io);
        QVERIFY(status.error().message.rfind(blocked + ": cannot replace the file: ", 0) == 0);
        for (const auto& entry : std::filesystem::directory_iterator(m_dir.path().toStdString())) {
            QVERIFY2(entry.path().string().find(".tmp.") == std::string::npos, entry.path().c_str());
        }
        QVERIFY(!writeCluster(a, m_dir.filePath("no/such/dir/c.json").toStdString()).ok());
    }

    // Found by fuzzing (tests/fuzz/regressions/cluster): a number beyond a double's range made the JSON
    // parser throw out_of_range, which nothing caught. Now a parse error naming the number.
    void numberBeyondDoubleRange() {
        auto text = readFile(TESSERA_SOURCE_DIR "/tests/fuzz/regressions/cluster/number-overflow.json");
        QVERIFY(text.ok());
        QCOMPARE(messageOf(parseCluster(*text, "c.json")),
                 QString("c.json: not valid JSON: number overflow parsing '4e444'"));
        QCOMPARE(
            messageOf(parseCluster(
                R"({"format": "tessera-cluster", "version": 1, "devices": [{"memory": 1e400}]})", "c.json")),
            QString("c.json: not valid JSON: number overflow parsing '1e400'"));
    }
};

QTEST_GUILESS_MAIN(TestCluster)
#include "test_cluster.moc"
