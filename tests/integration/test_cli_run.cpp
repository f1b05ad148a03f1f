// `tessera run` and `tessera bench` as a user runs them, on tiny models built here: what they print, the
// files they write, PNG input (decoded, made RGB, resized) and one clear line for every bad input.

#include <QtTest>

#include <cmath>

#include "cli_runner.h"
#include "core/exec/npy.h"
#include "support/onnx_builder.h"

using namespace tessera;
using namespace tessera::test;

namespace {

// A PNG written by hand (libpng-independent): 8-bit RGB (channels 3) or RGBA (4), filter 0 on every row,
// zlib stream from qCompress.
QByteArray encodePng(int width, int height, int channels, const QByteArray& pixels) {
    auto crc = [](const QByteArray& bytes) {
        quint32 c = 0xffffffffu;
        for (const char byte : bytes) {
            c ^= quint8(byte);
            for (int k = 0; k < 8; ++k) {
                c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
            }
        }
        return c ^ 0xffffffffu;
    };
    auto be32 = [](quint32 v) {
        QByteArray b(4, '\0');
        qToBigEndian(v, b.data());
        return b;
    };
    auto chunk = [&](const char* type, const QByteArray& data) {
        const QByteArray typed = QByteArray(type) + data;
        return be32(quint32(data.size())) + typed + be32(crc(typed));
    };
    QByteArray header = be32(quint32(width)) + be32(quint32(height));
    header += char(8);
    header += char(channels == 4 ? 6 : 2);
    header += QByteArray(3, '\0');
    QByteArray rows;
    for (int y = 0; y < height; ++y) {
        rows += char(0);
        rows += pixels.mid(y * width * channels, width * channels);
    }
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", header) +
           chunk("IDAT", qCompress(rows).mid(4)) + chunk("IEND", {});
}

// Fractions toward the next source pixel of bilinear 2 -> 4 upsampling with half-pixel centres: output
// pixel centres map to -0.25, 0.25, 0.75, 1.25, clamped to [0, 1].
constexpr float kUp2To4[4] = {0.f, 0.25f, 0.75f, 1.f};

} // namespace

class TestCliRun : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString npy(const QString& name, const model::Shape& shape, const std::vector<float>& values) const {
        const QString file = path(name);
        [&] { QVERIFY(exec::writeNpy(file.toStdString(), shape, values)); }();
        return file;
    }
    void writeFile(const QString& name, const QByteArray& bytes) const {
        QFile f(path(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    static exec::NpyArray load(const QString& file) {
        auto a = exec::readNpy(file.toStdString());
        return a ? *a : exec::NpyArray{};
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        OnnxBuilder vector; // x[1,10] -> Relu
        vector.input("x", {std::int64_t(1), std::int64_t(10)});
        vector.node("Relu", {"x"}, {"y"});
        vector.output("y", 2);
        vector.save(path("relu10.onnx").toStdString());

        OnnxBuilder image; // x[1,3,4,4] -> Relu
        image.input("x", {std::int64_t(1), std::int64_t(3), std::int64_t(4), std::int64_t(4)});
        image.node("Relu", {"x"}, {"y"});
        image.output("y");
        image.save(path("relu_image.onnx").toStdString());

        OnnxBuilder symbolic; // x[1,3,h,w] -> Relu
        symbolic.input("x", {std::int64_t(1), std::int64_t(3), std::string("h"), std::string("w")});
        symbolic.node("Relu", {"x"}, {"y"});
        symbolic.output("y");
        symbolic.save(path("relu_symbolic.onnx").toStdString());

        OnnxBuilder two; // x[1,10] -> Relu -> y, then Relu -> "z:1"
        two.input("x", {std::int64_t(1), std::int64_t(10)});
        two.node("Relu", {"x"}, {"y"});
        two.node("Relu", {"y"}, {"z:1"});
        two.output("y", 2);
        two.output("z:1", 2);
        two.save(path("two_outputs.onnx").toStdString());

        std::vector<float> ramp(10);
        for (int i = 0; i < 10; ++i) {
            ramp[std::size_t(i)] = float(i) - 4.5f;
        }
        npy("ramp.npy", {1, 10}, ramp);
    }

    void helpListsTheCommands() {
        const auto r = run(binary("tessera"), {"--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("run") && r.out.contains("bench"));
    }

    void runPrintsASummaryAndWritesTheOutput() {
        const auto r = run(binary("tessera"),
                           {"run", path("relu10.onnx"), "--input", path("ramp.npy"), "-o", path("out.npy")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(" ms with "), qPrintable(r.out));
        QVERIFY2(r.out.contains("output 'y' 1x10: min 0, max 4.5, mean 1.25\n"), qPrintable(r.out));
        QVERIFY2(r.out.contains("  top-5: [9] 4.5 [8] 3.5 [7] 2.5 [6] 1.5 [5] 0.5\n"), qPrintable(r.out));
        QVERIFY(r.out.contains("wrote " + path("out.npy")));
        const auto out = load(path("out.npy"));
        QCOMPARE(out.shape, (model::Shape{1, 10}));
        QCOMPARE(out.data, (std::vector<float>{0, 0, 0, 0, 0, 0.5f, 1.5f, 2.5f, 3.5f, 4.5f}));
        QVERIFY(r.err.isEmpty());
    }

    void runTakesASymbolicShapeFromTheNpyFile() {
        std::vector<float> values(1 * 3 * 5 * 7);
        for (std::size_t i = 0; i < values.size(); ++i) {
            values[i] = float(int(i % 9) - 4);
        }
        const QString input = npy("in_5x7.npy", {1, 3, 5, 7}, values);
        const auto r = run(binary("tessera"), {"run", path("relu_symbolic.onnx"), "--input", input,
                                               "--threads", "2", "-o", path("sym.npy")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("output 'y' 1x3x5x7: min 0, max 4"), qPrintable(r.out));
        QVERIFY(!r.out.contains("top-5")); // not a vector
        const auto out = load(path("sym.npy"));
        QCOMPARE(out.shape, (model::Shape{1, 3, 5, 7}));
        for (std::size_t i = 0; i < values.size(); ++i) {
            QCOMPARE(out.data[i], std::max(0.f, values[i]));
        }
        // an explicit --input-shape that disagrees with the file: both shapes are named
        const auto wrong = run(binary("tessera"), {"run", path("relu_symbolic.onnx"), "--input", input,
                                                   "--input-shape", "1,3,6,6"});
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains("input 'x' has shape 1x3x6x6, " + input + " holds 1x3x5x7"),
                 qPrintable(wrong.err));
    }

    void severalOutputsGoToOneFileEach() {
        const auto r = run(binary("tessera"), {"run", path("two_outputs.onnx"), "--input",
                                               "x=" + path("ramp.npy"), "-o", path("multi.npy")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("output 'y' 1x10") && r.out.contains("output 'z:1' 1x10"));
        QCOMPARE(load(path("multi_y.npy")).data.size(), std::size_t(10));
        QCOMPARE(load(path("multi_z_1.npy")).data[9], 4.5f);
        QVERIFY(!QFile::exists(path("multi.npy")));
    }

    void float64NpyIsConverted() {
        // a hand-made '<f8' file: numpy's default dtype
        std::string header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 10), }";
        while ((10 + header.size() + 1) % 64 != 0) {
            header += ' ';
        }
        header += '\n';
        QByteArray bytes("\x93NUMPY\x01\x00", 8);
        bytes += char(header.size() & 0xff);
        bytes += char(header.size() >> 8);
        bytes += QByteArray::fromStdString(header);
        for (int i = 0; i < 10; ++i) {
            const double v = i - 4.5;
            bytes += QByteArray(reinterpret_cast<const char*>(&v), 8);
        }
        writeFile("f64.npy", bytes);
        const auto r = run(binary("tessera"), {"run", path("relu10.onnx"), "--input", path("f64.npy")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("output 'y' 1x10: min 0, max 4.5, mean 1.25\n"), qPrintable(r.out));
    }

    void pngInputIsResizedToTheModelInput() {
        // 2x2 RGB: red, green / blue, white -> 4x4 planes R, G, B
        writeFile("2x2.png", encodePng(2, 2, 3, QByteArray("\xff\0\0\0\xff\0\0\0\xff\xff\xff\xff", 12)));
        const auto r = run(binary("tessera"), {"run", path("relu_image.onnx"), "--input", path("2x2.png"),
                                               "-o", path("png.npy")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto out = load(path("png.npy"));
        QCOMPARE(out.shape, (model::Shape{1, 3, 4, 4}));
        const float corners[3][2][2] = {{{1, 0}, {0, 1}}, {{0, 1}, {0, 1}}, {{0, 0}, {1, 1}}};
        for (int c = 0; c < 3; ++c) {
            for (int y = 0; y < 4; ++y) {
                for (int x = 0; x < 4; ++x) {
                    const float fy = kUp2To4[y], fx = kUp2To4[x];
                    const auto& k = corners[c];
                    const float expected = (k[0][0] * (1 - fx) + k[0][1] * fx) * (1 - fy) +
                                           (k[1][0] * (1 - fx) + k[1][1] * fx) * fy;
                    const float actual = out.data[std::size_t((c * 4 + y) * 4 + x)];
                    QVERIFY2(std::abs(actual - expected) < 1e-6f,
                             qPrintable(QString("c%1 y%2 x%3: %4, expected %5")
                                            .arg(c)
                                            .arg(y)
                                            .arg(x)
                                            .arg(actual)
                                            .arg(expected)));
                }
            }
        }
    }

    void pngTransparencyBecomesWhite() {
        // 1x1 RGBA, fully transparent black -> white everywhere (a larger 8x8 image, downscaled, same)
        writeFile("clear.png", encodePng(1, 1, 4, QByteArray(4, '\0')));
        auto r = run(binary("tessera"),
                     {"run", path("relu_image.onnx"), "--input", path("clear.png"), "-o", path("clear.npy")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(load(path("clear.npy")).data, std::vector<float>(48, 1.f));
        writeFile("big.png", encodePng(8, 8, 3, QByteArray(8 * 8 * 3, char(51))));
        r = run(binary("tessera"), {"run", path("relu_image.onnx"), "--input", path("big.png")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("output 'y' 1x3x4x4: min 0.2, max 0.2, mean 0.2"), qPrintable(r.out));
    }

    void badInputsGiveOneClearLine_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("exitCode");
        const QString model = path("relu10.onnx");
        writeFile("garbage.npy", "this is not numpy");
        QByteArray good = QByteArray::fromStdString(exec::encodeNpy({1, 10}, std::vector<float>(10)));
        writeFile("truncated.npy", good.left(good.size() - 5));
        writeFile("ints.npy", good.replace("<f4", "<i4"));
        writeFile("garbage.png", "not a png either");
        npy("wrong.npy", {1, 3, 4, 4}, std::vector<float>(48));
        auto row = [](const char* name, const QStringList& args, const QString& message, int code = 1) {
            QTest::newRow(name) << args << message << code;
        };
        row("missing input file", {"run", model, "-i", path("nothere.npy")},
            path("nothere.npy") + ": no such file");
        row("not npy", {"run", model, "-i", path("garbage.npy")}, path("garbage.npy") + ": not an .npy file");
        row("truncated npy", {"run", model, "-i", path("truncated.npy")},
            path("truncated.npy") +
                ": truncated .npy file: shape (1, 10) of <f4 needs 40 data bytes, the file has 35");
        row("int npy", {"run", model, "-i", path("ints.npy")},
            path("ints.npy") + ": unsupported dtype '<i4'");
        row("wrong shape", {"run", model, "-i", path("wrong.npy")},
            model + ": input 'x' has shape 1x10, " + path("wrong.npy") + " holds 1x3x4x4");
        row("not png", {"run", model, "-i", path("garbage.png")},
            path("garbage.png") + ": not a readable PNG image");
        row("png into a vector input", {"run", model, "-i", path("2x2.png")},
            "an image can only feed an input of shape Nx3xHxW or Nx1xHxW, not 1x10");
        row("unknown input name", {"run", model, "-i", "q=" + path("ramp.npy")}, "no input named 'q'");
        row("missing model", {"run", path("none.onnx"), "-i", path("ramp.npy")}, path("none.onnx"));
        row("no input", {"run", model}, "--input is required", 2);
        row("zero threads", {"run", model, "-i", path("ramp.npy"), "--threads", "0"}, "--threads", 2);
        row("symbolic shape without a file", {"run", path("relu_symbolic.onnx"), "-i", path("2x2.png")},
            "--input-shape");
    }

    void badInputsGiveOneClearLine() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QFETCH(int, exitCode);
        const auto r = run(binary("tessera"), args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.startsWith("tessera: error: "), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(r.err.count('\n') <= 2, qPrintable(r.err)); // one line (+ the usage hint for exit code 2)
        QVERIFY(r.out.isEmpty());
    }

    void benchPrintsLatencyAndThroughput() {
        const auto r =
            run(binary("tessera"), {"bench", path("relu_symbolic.onnx"), "--input-shape", "1,3,32,32",
                                    "--warmup", "1", "--runs", "4", "--threads", "2"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(": x 1x3x32x32, 2 threads, 1 warm-up + 4 timed runs\n"), qPrintable(r.out));
        const QRegularExpression latency(
            R"(latency  min (\d+\.\d+) ms, median (\d+\.\d+) ms, max (\d+\.\d+) ms)");
        const auto m = latency.match(r.out);
        QVERIFY2(m.hasMatch(), qPrintable(r.out));
        QVERIFY(m.captured(1).toDouble() <= m.captured(2).toDouble());
        QVERIFY(m.captured(2).toDouble() <= m.captured(3).toDouble());
        // Relu: one FLOP per element
        QVERIFY2(r.out.contains("compute  3.072e-06 GFLOP per run, "), qPrintable(r.out));
        QVERIFY(r.out.contains(" GFLOP/s at the median\n"));
    }

    void benchErrors() {
        auto r = run(binary("tessera"), {"bench", path("relu_symbolic.onnx")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("--input-shape"), qPrintable(r.err));
        r = run(binary("tessera"), {"bench", path("relu10.onnx"), "--runs", "0"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--runs"), qPrintable(r.err));
        r = run(binary("tessera"), {"bench", path("none.onnx")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(path("none.onnx")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliRun)
#include "test_cli_run.moc"
