// .npy reading and writing: round trips, files laid out by hand byte for byte as numpy.save writes them,
// and broken files, each rejected with a message naming the file and the problem.

#include <QtTest>

#include <cstring>
#include <fstream>

#include "core/exec/npy.h"

using namespace tessera;
using namespace tessera::exec;

namespace {

// An .npy file assembled by hand: magic, version, little-endian header length, header, then raw data.
std::string handMade(const std::string& dict, const std::string& data, int major = 1) {
    std::string header = dict;
    const std::size_t prefix = major == 1 ? 10 : 12;
    while ((prefix + header.size() + 1) % 64 != 0) {
        header += ' ';
    }
    header += '\n';
    std::string bytes = "\x93NUMPY";
    bytes += char(major);
    bytes += '\0';
    for (std::size_t i = 0; i < prefix - 8; ++i) {
        bytes += char((header.size() >> (8 * i)) & 0xff);
    }
    return bytes + header + data;
}

template <typename T> std::string raw(const std::vector<T>& values) {
    return std::string(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
}

QString parseErrorOf(const std::string& bytes) {
    const auto r = parseNpy(bytes, "in.npy");
    return r ? QString("(parsed)") : QString::fromStdString(r.error().message);
}

} // namespace

class TestNpy : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::string path(const char* name) const { return m_dir.filePath(name).toStdString(); }

private slots:
    void roundTripThroughAFile() {
        const std::vector<float> values{1.5f, -2.f, 0.f, 3.25f, 1e-8f, -1e8f};
        const std::string file = path("a.npy");
        QVERIFY(writeNpy(file, {1, 2, 3}, values));
        const auto back = readNpy(file);
        QVERIFY2(back, back ? "" : back.error().message.c_str());
        QCOMPARE(back->shape, (model::Shape{1, 2, 3}));
        QCOMPARE(back->data, values);
    }

    void writesWhatNumpySaveWrites() {
        // numpy.save(np.arange(6, dtype='<f4').reshape(2, 3)): a 64-byte aligned v1.0 header
        const std::vector<float> values{0, 1, 2, 3, 4, 5};
        const std::string bytes = encodeNpy({2, 3}, values);
        QCOMPARE(bytes, handMade("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", raw(values)));
        QCOMPARE(bytes.size(), std::size_t(128 + 24));
        const std::string dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
        QCOMPARE(bytes.substr(10, dict.size()), dict);
        QCOMPARE(bytes.substr(10 + dict.size(), 127 - 10 - dict.size()),
                 std::string(127 - 10 - dict.size(), ' '));
        QCOMPARE(bytes[127], '\n');
        // one-dimensional shapes keep the tuple comma, 0-d arrays have an empty tuple
        QVERIFY(encodeNpy({4}, std::vector<float>(4)).find("'shape': (4,), }") != std::string::npos);
        QVERIFY(encodeNpy({}, std::vector<float>(1)).find("'shape': (), }") != std::string::npos);
        QVERIFY(!writeNpy(path("bad.npy"), {2, 2}, values));
    }

    void readsHandWrittenFiles() {
        // version 1.0, float32, keys in another order and double quotes
        auto r = parseNpy(
            handMade(R"({"shape": (3,), "fortran_order": False, "descr": "<f4"})", raw<float>({1, 2, 3})),
            "x.npy");
        QVERIFY(r);
        QCOMPARE(r->shape, model::Shape{3});
        QCOMPARE(r->data, (std::vector<float>{1, 2, 3}));
        // version 2.0 (4-byte header length), float64 converted
        r = parseNpy(handMade("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 1), }",
                              raw<double>({0.1, -4.0}), 2),
                     "y.npy");
        QVERIFY(r);
        QCOMPARE(r->shape, (model::Shape{2, 1}));
        QCOMPARE(r->data, (std::vector<float>{0.1f, -4.f}));
        // 0-d array
        r = parseNpy(handMade("{'descr': '<f4', 'fortran_order': False, 'shape': (), }", raw<float>({7})),
                     "z");
        QVERIFY(r);
        QVERIFY(r->shape.empty());
        QCOMPARE(r->data, std::vector<float>{7});
    }

    void rejectsBrokenFiles_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        const std::string good =
            handMade("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }", raw<float>({1, 2, 3, 4}));
        auto row = [](const char* name, const std::string& bytes, const QString& message) {
            QTest::newRow(name) << QByteArray(bytes.data(), qsizetype(bytes.size())) << message;
        };
        row("empty", "", "in.npy: not an .npy file");
        row("garbage", "PK\x03\x04 this is a zip archive", "in.npy: not an .npy file");
        row("magic only", "\x93NUMPY", "in.npy: not an .npy file");
        row("no header length", std::string("\x93NUMPY\x01\x00\x40", 9),
            "in.npy: truncated .npy file (the header length");
        row("truncated header", good.substr(0, 40), "in.npy: truncated .npy file (the header says 118 bytes");
        row("truncated data", good.substr(0, good.size() - 3),
            "in.npy: truncated .npy file: shape (2, 2) of <f4 needs 16 data bytes, the file has 13");
        row("trailing bytes", good + "xx", "in.npy: the .npy file has 2 bytes after the data");
        row("version 9", std::string("\x93NUMPY\x09\x00", 8) + good.substr(8),
            "in.npy: unsupported .npy format version 9.0");
        row("int64",
            handMade("{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }", raw<long long>({1})),
            "in.npy: unsupported dtype '<i8'");
        row("big-endian", handMade("{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }", "abcd"),
            "in.npy: unsupported dtype '>f4'");
        row("fortran order",
            handMade("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", raw<float>({1, 2, 3, 4})),
            "in.npy: the array is stored in Fortran (column-major) order");
        row("no shape", handMade("{'descr': '<f4', 'fortran_order': False}", ""),
            "in.npy: malformed .npy header (no 'shape' tuple)");
        row("bad shape", handMade("{'descr': '<f4', 'fortran_order': False, 'shape': (2, x), }", ""),
            "in.npy: malformed .npy header (no 'shape' tuple)");
        row("no descr", handMade("{'fortran_order': False, 'shape': (1,), }", "abcd"),
            "in.npy: malformed .npy header (no 'descr' string)");
        row("huge shape",
            handMade("{'descr': '<f4', 'fortran_order': False, 'shape': (4000000000, 4000000000, 9), }", ""),
            "in.npy: the shape (4000000000, 4000000000, 9) is too large");
    }

    void rejectsBrokenFiles() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const QString actual = parseErrorOf(bytes.toStdString());
        QVERIFY2(actual.startsWith(message), qPrintable(actual));
    }

    void fileErrorsNameTheFile() {
        auto r = readNpy(path("missing.npy"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Io);
        QCOMPARE(QString::fromStdString(r.error().message),
                 m_dir.filePath("missing.npy") + ": cannot open the file");
        const std::string truncated = path("truncated.npy");
        std::ofstream(truncated, std::ios::binary) << encodeNpy({8}, std::vector<float>(8)).substr(0, 70);
        r = readNpy(truncated);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Parse);
        QVERIFY2(r.error().message.starts_with(truncated + ": truncated .npy file"),
                 r.error().message.c_str());
        QVERIFY(!writeNpy(path("no/such/dir/out.npy"), {1}, std::vector<float>{1.f}));
    }
};

QTEST_GUILESS_MAIN(TestNpy)
#include "test_npy.moc"
