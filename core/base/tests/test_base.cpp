#include <QtTest>

#include <fstream>

#include "core/base/error.h"
#include "core/base/sha256.h"

using namespace tessera;

class TestBase : public QObject {
    Q_OBJECT
private slots:
    void sha256KnownVectors() {
        // FIPS 180-4 examples
        QCOMPARE(sha256Hex(""),
                 std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(sha256Hex("abc"),
                 std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                 std::string("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
        QCOMPARE(sha256Hex(std::string(1000000, 'a')),
                 std::string("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
    }

    void sha256OfFileMatchesChunkedUpdates() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("data.bin").toStdString();
        std::string data;
        for (int i = 0; i < 3'000'000; ++i) {
            data.push_back(char(std::int64_t(i) * 7919 % 251));
        }
        std::ofstream(path, std::ios::binary) << data;
        auto fileHash = sha256File(path);
        QVERIFY(fileHash.ok());
        Sha256 pieces;
        for (std::size_t at = 0; at < data.size(); at += 777) {
            pieces.update(data.data() + at, std::min<std::size_t>(777, data.size() - at));
        }
        QCOMPARE(*fileHash, pieces.hexDigest());
        QCOMPARE(*fileHash, sha256Hex(data));
    }

    void sha256OfMissingFileIsAnError() {
        auto h = sha256File("/nonexistent/model.onnx");
        QVERIFY(!h.ok());
        QCOMPARE(h.error().code, ErrorCode::Io);
        QVERIFY(h.error().message.find("/nonexistent/model.onnx") != std::string::npos);
    }

    void expectedHoldsValueOrError() {
        Expected<int> good = 42;
        QVERIFY(good.ok());
        QCOMPARE(*good, 42);
        Expected<int> bad = Error{ErrorCode::Parse, "broken"};
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().withContext("file.cfg").message, std::string("file.cfg: broken"));
        Status fine;
        QVERIFY(fine.ok());
        Status failed = Error{ErrorCode::Io, "x"};
        QVERIFY(!failed.ok());
    }
};

QTEST_GUILESS_MAIN(TestBase)
#include "test_base.moc"
