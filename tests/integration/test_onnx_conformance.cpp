// ONNX conformance: the per-operator node tests of Debian's libonnx-testdata, run through the importer and
// the execution engine. One data row per test directory whose operators Tessera knows (importer or engine),
// each classified as
//   pass  - every output of every data set within |actual - expected| <= kAtol + kRtol * |expected|
//           (the ONNX backend-test defaults), on the optimised and on the reference kernels;
//   skip  - a clean refusal (importer or kernel factory error with code Unsupported), no kernel for an op,
//           non-float or non-tensor values, or a known failure listed in kKnownFailures;
//   fail  - wrong numbers or shapes, a crash or hang (each test runs in a child process), any other error.
// cleanupTestCase() prints a summary, then the same as Markdown for docs/conformance.md.

#include <QtTest>

#include <onnx/onnx_pb.h>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "core/cost/memory_plan.h"
#include "core/exec/net.h"
#include "core/model/model.h"
#include "core/model/onnx_proto.h"
#include "core/model/op_support.h"

using namespace tessera;
namespace fs = std::filesystem;

namespace {

constexpr const char* kDefaultDataDir = "/usr/share/libonnx-testdata/data/node";
constexpr double kAtol = 1e-5;
constexpr double kRtol = 1e-3;
constexpr int kChildTimeoutMs = 120'000; // per test directory; each takes milliseconds

// Inputs from this index on must be constants: the importer requires it (core/model/op_support.cpp), so the
// runner turns such graph inputs of the test models into initializers. Dropout's ratio and training_mode
// are not required to be constant, but they are in exported models, and training_mode is a bool the engine
// cannot take as a run-time input.
const std::map<std::string, int> kConstantFrom = {
    {"Conv", 1},    {"ConvTranspose", 1}, {"BatchNormalization", 1},
    {"Clip", 1},    {"Split", 1},         {"Slice", 1},
    {"Reshape", 1}, {"Squeeze", 1},       {"Unsqueeze", 1},
    {"Resize", 1},  {"Upsample", 1},      {"Pad", 1},
    {"Dropout", 1},
};

// Tests known to fail, with the reason: only for failures that are not Tessera's fault (e.g. test data the
// ONNX maintainers consider wrong). They still run: a failure is reported as a skip with this reason, a pass
// as a failure (so the entry gets removed once fixed). Empty: every current failure is a Tessera bug.
const std::map<std::string, std::string> kKnownFailures = {};

enum class Outcome { Pass, Skip, Fail };

struct Result {
    Outcome outcome = Outcome::Pass;
    std::string reason; // skip: the group in the summary; fail: the message
    std::string detail; // skip: specifics (node, values); may be empty
};

Result pass() {
    return {};
}
Result skip(std::string reason, std::string detail = {}) {
    return {Outcome::Skip, std::move(reason), std::move(detail)};
}
Result fail(std::string message) {
    return {Outcome::Fail, std::move(message), {}};
}

fs::path dataDir() {
    const QByteArray env = qgetenv("TESSERA_ONNX_TESTDATA");
    return env.isEmpty() ? fs::path(kDefaultDataDir) : fs::path(env.toStdString());
}

template <typename Proto> bool readProto(const fs::path& path, Proto& proto) {
    std::ifstream in(path, std::ios::binary);
    return in && proto.ParseFromIstream(&in);
}

bool isFloatType(int type) {
    return type == onnx::TensorProto::FLOAT || type == onnx::TensorProto::DOUBLE ||
           type == onnx::TensorProto::FLOAT16;
}

std::string typeName(int type) {
    return onnx::TensorProto_DataType_Name(onnx::TensorProto_DataType(type));
}

// The error message without the model path prefixes (the path is a temporary file or the test directory).
std::string withoutPath(std::string message, const std::string& path) {
    for (std::size_t at; (at = message.find(path + ": ")) != std::string::npos;) {
        message.erase(at, path.size() + 2);
    }
    return message;
}

// An error from the importer or from Net::load: a clean refusal of something unsupported is a skip, any
// other error on a valid ONNX test model is a failure.
Result refusal(const char* stage, const Error& error, const std::string& path) {
    // "node 'y' (MaxPool): ..." -> "MaxPool: ...", so that tests refused for the same reason group together
    static const std::regex nodeLabel("node '[^']*' \\(([A-Za-z]+)\\)");
    const std::string message = std::regex_replace(withoutPath(error.message, path), nodeLabel, "$1");
    if (error.code == ErrorCode::Unsupported) {
        return skip(std::string(stage) + " refuses: " + message);
    }
    return fail(std::string(stage) + " error (" + toString(error.code) + "): " + message);
}

// True when every node reading `value` reads it at a position that must be constant.
bool onlyConstantUses(const onnx::GraphProto& graph, const std::string& value) {
    bool used = false;
    for (const auto& node : graph.node()) {
        for (int i = 0; i < node.input_size(); ++i) {
            if (node.input(i) != value) {
                continue;
            }
            auto from = kConstantFrom.find(node.op_type());
            if (from == kConstantFrom.end() || i < from->second) {
                return false;
            }
            used = true;
        }
    }
    return used;
}

std::string indexText(std::int64_t flat, const model::Shape& shape) {
    std::string text;
    for (std::size_t d = shape.size(); d-- > 0;) {
        text = std::to_string(flat % shape[d]) + (text.empty() ? "" : "," + text);
        flat /= shape[d];
    }
    return "[" + text + "]";
}

// Empty if `actual` matches `expected` within tolerance, else what differs.
std::string compare(const std::string& name, const exec::ConstTensor& actual, const model::Tensor& expected) {
    if (actual.shape != expected.shape) {
        return "output '" + name + "' has shape " + model::toString(actual.shape) + ", expected " +
               model::toString(expected.shape);
    }
    std::int64_t bad = 0, first = -1;
    double worst = 0;
    for (std::int64_t i = 0; i < actual.elements(); ++i) {
        const double a = actual.data[i], b = expected.floats[std::size_t(i)];
        const bool ok =
            a == b || (std::isnan(a) && std::isnan(b)) || std::abs(a - b) <= kAtol + kRtol * std::abs(b);
        if (!ok) {
            first = first < 0 ? i : first;
            worst = std::isnan(a - b) ? NAN : std::max(worst, std::abs(a - b));
            ++bad;
        }
    }
    if (bad == 0) {
        return {};
    }
    const auto f = std::size_t(first);
    return "output '" + name + "': " + std::to_string(bad) + " of " + std::to_string(actual.elements()) +
           " elements out of tolerance, first at " + indexText(first, actual.shape) + ": got " +
           std::to_string(actual.data[f]) + ", expected " + std::to_string(expected.floats[f]) +
           "; max |diff| " + std::to_string(worst);
}

struct Feed {
    std::string name;
    model::Tensor tensor;
};

// Runs the imported model on the optimised and on the reference kernels and compares every output.
Result execute(const model::Model& model, const std::vector<Feed>& feeds,
               const std::vector<std::pair<std::string, model::Tensor>>& expected) {
    std::set<std::string> missing;
    for (const auto& node : model.graph.nodes) {
        if (!cost::isAliasOp(node.opType) && !exec::findKernel(node.opType)) {
            missing.insert(node.opType);
        }
    }
    if (!missing.empty()) {
        std::string ops;
        for (const auto& op : missing) {
            ops += (ops.empty() ? "" : ", ") + op;
        }
        return skip("no kernel for " + ops);
    }
    for (const bool reference : {false, true}) {
        const std::string variant = reference ? " (reference kernels)" : " (optimised kernels)";
        exec::NetOptions options;
        options.reference = reference;
        auto net = exec::Net::load(model, options);
        if (!net) {
            return refusal("engine", net.error(), model.path);
        }
        exec::Session session(*net, reference ? 1 : 2);
        for (const auto& feed : feeds) {
            const auto& data = feed.tensor.floats;
            if (auto s = session.setInput(feed.name, data.data(), data.size()); !s) {
                return fail("setInput: " + s.error().message + variant);
            }
        }
        if (auto s = session.run(); !s) {
            return fail("run: " + s.error().message + variant);
        }
        for (const auto& [name, want] : expected) {
            auto got = session.output(name);
            if (!got) {
                return fail("output: " + got.error().message + variant);
            }
            if (auto diff = compare(name, *got, want); !diff.empty()) {
                return fail(diff + variant);
            }
        }
    }
    return pass();
}

// One test_data_set_N of a test directory: build the model to import (constant inputs made initializers),
// import with the input shapes of the data set, run, compare.
Result runDataSet(const fs::path& dir, const fs::path& set, const QTemporaryDir& tmp) {
    onnx::ModelProto proto;
    if (!readProto(dir / "model.onnx", proto)) {
        return fail("cannot parse model.onnx");
    }
    onnx::GraphProto& graph = *proto.mutable_graph();
    for (const auto* list : {&graph.input(), &graph.output()}) {
        for (const auto& vi : *list) {
            if (!vi.type().has_tensor_type()) {
                return skip("non-tensor (sequence or optional) inputs or outputs");
            }
        }
    }
    std::set<std::string> initializers;
    for (const auto& init : graph.initializer()) {
        initializers.insert(init.name());
    }

    std::vector<Feed> feeds;
    model::ImportOptions options;
    google::protobuf::RepeatedPtrField<onnx::ValueInfoProto> keptInputs;
    bool modified = false;
    int k = 0;
    for (const auto& vi : graph.input()) {
        if (initializers.count(vi.name())) {
            *keptInputs.Add() = vi; // IR < 4 lists initializers among the inputs
            continue;
        }
        onnx::TensorProto tp;
        if (!readProto(set / ("input_" + std::to_string(k++) + ".pb"), tp)) {
            return fail("cannot parse " + (set / ("input_" + std::to_string(k - 1) + ".pb")).string());
        }
        const bool constant = onlyConstantUses(graph, vi.name());
        if (!constant && !isFloatType(tp.data_type())) {
            return skip("non-float data inputs (" + typeName(tp.data_type()) + ")", "'" + vi.name() + "'");
        }
        if (constant) {
            tp.set_name(vi.name());
            *graph.add_initializer() = tp;
            modified = true;
            if (proto.ir_version() < 4) {
                *keptInputs.Add() = vi; // IR 3: every initializer must also be a graph input
            }
            continue;
        }
        *keptInputs.Add() = vi;
        auto tensor = model::fromProto(tp, set.string());
        if (!tensor) {
            return fail("input '" + vi.name() + "': " + tensor.error().message);
        }
        options.inputShapes[vi.name()] = tensor->shape;
        feeds.push_back({vi.name(), std::move(*tensor)});
    }
    graph.mutable_input()->Swap(&keptInputs);

    std::vector<std::pair<std::string, model::Tensor>> expected;
    for (const auto& vi : graph.output()) {
        if (!isFloatType(vi.type().tensor_type().elem_type())) {
            return skip("non-float outputs (" + typeName(vi.type().tensor_type().elem_type()) + ")",
                        "'" + vi.name() + "'");
        }
    }
    for (int i = 0; i < graph.output_size(); ++i) {
        onnx::TensorProto tp;
        const fs::path file = set / ("output_" + std::to_string(i) + ".pb");
        if (!readProto(file, tp)) {
            return fail("cannot parse " + file.string());
        }
        auto tensor = model::fromProto(tp, set.string());
        if (!tensor) {
            return fail("output '" + graph.output(i).name() + "': " + tensor.error().message);
        }
        expected.emplace_back(graph.output(i).name(), std::move(*tensor));
    }

    std::string path = (dir / "model.onnx").string();
    if (modified) {
        path = tmp.filePath(QString::fromStdString(dir.filename().string() + "-" + set.filename().string() +
                                                   ".onnx"))
                   .toStdString();
        std::ofstream out(path, std::ios::binary);
        if (!proto.SerializeToOstream(&out)) {
            return fail("cannot write " + path);
        }
    }
    auto model = model::loadModel(path, options);
    if (!model) {
        return refusal("importer", model.error(), path);
    }
    return execute(*model, feeds, expected);
}

Result runTest(const fs::path& dir, const QTemporaryDir& tmp) {
    std::vector<fs::path> sets;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.is_directory() && entry.path().filename().string().starts_with("test_data_set_")) {
            sets.push_back(entry.path());
        }
    }
    if (sets.empty()) {
        return fail("no test_data_set_N directory");
    }
    std::sort(sets.begin(), sets.end());
    for (const auto& set : sets) {
        Result r = runDataSet(dir, set, tmp);
        if (r.outcome != Outcome::Pass) {
            if (sets.size() > 1) {
                r.detail += (r.detail.empty() ? "" : "; ") + set.filename().string();
            }
            return r;
        }
    }
    return pass();
}

bool writeAll(int fd, const std::string& data) {
    for (std::size_t done = 0; done < data.size();) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n <= 0) {
            return false;
        }
        done += std::size_t(n);
    }
    return true;
}

// Runs runTest() in a child process, so that a crash or a hang fails that one test (naming it) and the
// others still run. TESSERA_CONFORMANCE_INPROCESS=1 runs in-process instead (for a debugger).
Result runIsolated(const fs::path& dir, const QTemporaryDir& tmp) {
    if (qEnvironmentVariableIntValue("TESSERA_CONFORMANCE_INPROCESS")) {
        return runTest(dir, tmp);
    }
    int fds[2];
    if (::pipe(fds) != 0) {
        return fail("pipe() failed");
    }
    std::fflush(stdout);
    std::fflush(stderr);
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return fail("fork() failed");
    }
    if (pid == 0) {
        ::close(fds[0]);
        const Result r = runTest(dir, tmp);
        const bool written = writeAll(fds[1], char('0' + int(r.outcome)) + r.reason + '\0' + r.detail);
        ::_exit(written ? 0 : 1); // no Qt or static destructors in the child
    }
    ::close(fds[1]);
    std::string data;
    bool timedOut = false;
    for (;;) {
        pollfd p{fds[0], POLLIN, 0};
        const int ready = ::poll(&p, 1, kChildTimeoutMs);
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        if (ready <= 0) {
            timedOut = true;
            ::kill(pid, SIGKILL);
            break;
        }
        char buffer[4096];
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n <= 0) {
            break;
        }
        data.append(buffer, std::size_t(n));
    }
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (timedOut) {
        return fail("no result after " + std::to_string(kChildTimeoutMs / 1000) + " s (hangs?)");
    }
    if (WIFSIGNALED(status)) {
        return fail(std::string("crashed: ") + ::strsignal(WTERMSIG(status)) +
                    " (to debug: TESSERA_CONFORMANCE_INPROCESS=1 test_onnx_conformance nodeTest:" +
                    dir.filename().string() + ")");
    }
    const std::size_t separator = data.find('\0');
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || data.empty() || separator == std::string::npos) {
        return fail("the test process ended without a result (exit status " + std::to_string(status) + ")");
    }
    return {Outcome(data[0] - '0'), data.substr(1, separator - 1), data.substr(separator + 1)};
}

} // namespace

class TestOnnxConformance : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::map<std::string, Result> m_results;                // by test directory name
    std::map<std::string, std::set<std::string>> m_outside; // op -> directories not attempted

private slots:
    void initTestCase() {
        if (!fs::is_directory(dataDir())) {
            QSKIP(qPrintable("no ONNX node test data at " + QString::fromStdString(dataDir().string()) +
                             " (install libonnx-testdata or set TESSERA_ONNX_TESTDATA)"));
        }
        QVERIFY(m_tmp.isValid());
    }

    // One row per directory whose operators the importer or the engine knows; the others are counted.
    void nodeTest_data() {
        QTest::addColumn<QString>("dir");
        std::set<std::string> known = {"Constant"}; // always folded into an initializer by the importer
        for (const auto& op : model::supportedOps()) {
            known.insert(op);
        }
        for (const auto& op : exec::kernelOps()) {
            known.insert(op);
        }
        std::vector<fs::path> dirs;
        for (const auto& entry : fs::directory_iterator(dataDir())) {
            if (fs::exists(entry.path() / "model.onnx")) {
                dirs.push_back(entry.path());
            }
        }
        std::sort(dirs.begin(), dirs.end());
        for (const auto& dir : dirs) {
            const std::string name = dir.filename().string();
            onnx::ModelProto proto;
            std::set<std::string> unknown;
            if (readProto(dir / "model.onnx", proto)) {
                for (const auto& node : proto.graph().node()) {
                    const bool defaultDomain = node.domain().empty() || node.domain() == "ai.onnx";
                    if (!defaultDomain ||
                        (!known.count(node.op_type()) && !cost::isAliasOp(node.op_type()))) {
                        unknown.insert((defaultDomain ? "" : node.domain() + ".") + node.op_type());
                    }
                }
            }
            if (unknown.empty()) {
                QTest::newRow(name.c_str()) << QString::fromStdString(name);
            }
            for (const auto& op : unknown) {
                m_outside[op].insert(name);
            }
        }
    }

    void nodeTest() {
        QFETCH(QString, dir);
        const std::string name = dir.toStdString();
        Result r = runIsolated(dataDir() / name, m_tmp);
        if (auto known = kKnownFailures.find(name); known != kKnownFailures.end()) {
            if (r.outcome == Outcome::Fail) {
                r = skip("known failure: " + known->second, r.reason);
            } else if (r.outcome == Outcome::Pass) {
                r = fail("listed in kKnownFailures (" + known->second + ") but passes now: remove the entry");
            }
        }
        m_results[name] = r;
        switch (r.outcome) {
        case Outcome::Pass:
            break;
        case Outcome::Skip:
            QSKIP(qPrintable(
                QString::fromStdString(r.reason + (r.detail.empty() ? "" : " [" + r.detail + "]"))));
        case Outcome::Fail:
            QFAIL(r.reason.c_str());
        }
    }

    void cleanupTestCase() { printSummary(); }

private:
    void printSummary() const {
        std::map<std::string, std::vector<std::string>> skipped; // reason -> tests
        std::vector<std::pair<std::string, std::string>> failed;
        int passed = 0;
        for (const auto& [name, r] : m_results) {
            if (r.outcome == Outcome::Pass) {
                ++passed;
            } else if (r.outcome == Outcome::Skip) {
                skipped[r.reason].push_back("`" + name + "`" +
                                            (r.detail.empty() ? "" : " (" + r.detail + ")"));
            } else {
                failed.emplace_back(name, r.reason);
            }
        }
        std::set<std::string> outside;
        for (const auto& [op, dirs] : m_outside) {
            outside.insert(dirs.begin(), dirs.end());
        }
        const int skippedCount = int(m_results.size()) - passed - int(failed.size());
        qInfo("ONNX node tests: %d run, %d passed, %d skipped, %d failed; %d directories not attempted "
              "(operators outside Tessera's set)",
              int(m_results.size()), passed, skippedCount, int(failed.size()), int(outside.size()));
        for (const auto& [reason, tests] : skipped) {
            qInfo("  skipped (%d): %s", int(tests.size()), reason.c_str());
        }
        for (const auto& [name, message] : failed) {
            qInfo("  FAILED: %s: %s", name.c_str(), message.c_str());
        }

        std::string md =
            "## ONNX operator conformance\n\n"
            "The per-operator node tests of the ONNX test data (Debian package libonnx-testdata), "
            "run by `tests/integration/test_onnx_conformance`. Each test model is imported with the "
            "input shapes of its data set, then run on the optimised and on the reference kernels; "
            "every output element must satisfy |actual - expected| <= 1e-5 + 1e-3 * |expected| (the "
            "ONNX backend-test defaults). Graph inputs the importer requires to be constant (Conv "
            "weights, Reshape shapes, Slice starts, ...) are turned into initializers first.\n\n";
        md += "| Result | Tests |\n|---|---:|\n";
        md += "| passed | " + std::to_string(passed) + " |\n";
        md += "| skipped | " + std::to_string(skippedCount) + " |\n";
        md += "| failed | " + std::to_string(failed.size()) + " |\n";
        md +=
            "| not attempted (operators outside Tessera's set) | " + std::to_string(outside.size()) + " |\n";
        if (!m_outside.empty()) {
            md += "\nNot attempted (operators outside Tessera's set): ";
            for (auto it = m_outside.begin(); it != m_outside.end(); ++it) {
                md += (it == m_outside.begin() ? "" : ", ") + it->first;
            }
            md += ".\n";
        }
        if (!failed.empty()) {
            md += "\n### Failures\n\n";
            for (const auto& [name, message] : failed) {
                md += "- `" + name + "`: " + message + "\n";
            }
        }
        if (!skipped.empty()) {
            md += "\n### Skipped, by reason\n\n";
            for (const auto& [reason, tests] : skipped) {
                md += "- " + reason + " (" + std::to_string(tests.size()) + "):";
                for (std::size_t i = 0; i < tests.size(); ++i) {
                    md += (i ? ", " : " ") + tests[i];
                }
                md += "\n";
            }
        }
        std::printf("\n<!-- conformance summary (paste into docs/conformance.md) -->\n%s<!-- end -->\n",
                    md.c_str());
        std::fflush(stdout);
    }
};

QTEST_GUILESS_MAIN(TestOnnxConformance)
#include "test_onnx_conformance.moc"
