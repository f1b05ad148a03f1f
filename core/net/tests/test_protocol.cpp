// The wire protocol refuses what it cannot trust: hand-made messages with the wrong version or cluster,
// truncated bytes, tensors whose data does not match their region, malformed regions, unknown senders.

#include <QtTest>

#include "core/base/file_io.h"
#include "core/net/protocol.h"

using namespace tessera;
using namespace tessera::net;

namespace {

const ProtocolContext kContext{"cluster-a", 3};

wire::Envelope validPart() {
    wire::Envelope e;
    auto* part = e.mutable_tensor_part();
    part->set_frame(7);
    part->set_piece(2);
    part->set_task(5);
    setRegion(part->mutable_part(), partition::Region{{{0, 1}, {0, 2}, {1, 3}, {0, 2}}});
    const std::vector<float> data(8, 1.5f);
    part->set_data(floatBytes(data.data(), data.size()));
    return e;
}

QString refusal(const std::string& bytes) {
    auto d = decode(bytes, kContext);
    return d ? QString() : QString::fromStdString(d.error().message);
}

} // namespace

class TestProtocol : public QObject {
    Q_OBJECT
private slots:
    void roundTrip() {
        auto e = validPart();
        const std::string bytes = encode(e, kContext, 1);
        auto d = decode(bytes, kContext);
        QVERIFY2(d.ok(), d ? "" : d.error().message.c_str());
        QCOMPARE(d->version(), kProtocolVersion);
        QCOMPARE(d->sender(), 1);
        QCOMPARE(d->tensor_part().task(), 5);
        QCOMPARE(toRegion(d->tensor_part().part()).toString(), std::string("[0:1, 0:2, 1:3, 0:2]"));
        std::vector<float> back(8);
        copyFloats(d->tensor_part().data(), back.data());
        QCOMPARE(back[7], 1.5f);
    }

    void wrongVersion() {
        auto e = validPart();
        (void)encode(e, kContext, 1);
        e.set_version(kProtocolVersion + 1);
        QVERIFY(refusal(e.SerializeAsString()).contains("protocol version 2"));
    }

    void wrongCluster() {
        auto e = validPart();
        const std::string bytes = encode(e, ProtocolContext{"cluster-b", 3}, 1);
        QVERIFY(refusal(bytes).contains("cluster 'cluster-b'"));
    }

    void truncated() {
        auto e = validPart();
        const std::string bytes = encode(e, kContext, 1);
        // every strict prefix that still parses must fail a later check; most do not parse at all
        int refused = 0;
        for (std::size_t n = 0; n < bytes.size(); ++n) {
            refused += refusal(bytes.substr(0, n)).isEmpty() ? 0 : 1;
        }
        QCOMPARE(refused, int(bytes.size()));
        QVERIFY(refusal(bytes.substr(0, bytes.size() / 2)).contains("truncated"));
        QVERIFY(refusal("\xff\xff\xff\xff garbage").contains("malformed"));
    }

    void wrongSizes() {
        auto e = validPart();
        e.mutable_tensor_part()->mutable_data()->pop_back();
        QVERIFY(refusal(encode(e, kContext, 1)).contains("31 bytes of data for 8 floats"));

        e = validPart();
        e.mutable_tensor_part()->mutable_part()->add_begin(0); // 5 begins, 4 ends
        QVERIFY(refusal(encode(e, kContext, 1)).contains("5 begins and 4 ends"));

        e = validPart();
        e.mutable_tensor_part()->mutable_part()->set_end(2, 0); // end before begin
        QVERIFY(refusal(encode(e, kContext, 1)).contains("axis 2 is [1, 0)"));

        e = validPart();
        auto* region = e.mutable_tensor_part()->mutable_part();
        for (int a = 0; a < 4; ++a) {
            region->set_end(a, std::int64_t(1) << 40); // would overflow the byte count
        }
        QVERIFY(refusal(encode(e, kContext, 1)).contains("too large"));

        wire::Envelope frame;
        auto* t = frame.mutable_frame_start()->add_inputs();
        t->set_name("x");
        setRegion(t->mutable_region(), partition::Region{{{0, 3}}});
        t->set_data(std::string(8, '\0'));
        QVERIFY(refusal(encode(frame, kContext, -1)).contains("tensor 'x': 8 bytes of data for 3 floats"));
    }

    void unknownSenderAndEmptyBody() {
        auto e = validPart();
        QVERIFY(refusal(encode(e, kContext, 3)).contains("sender 3"));
        QVERIFY(refusal(encode(e, kContext, -2)).contains("sender -2"));
        wire::Envelope empty;
        QVERIFY(refusal(encode(empty, kContext, 0)).contains("without a body"));
    }

    // Found by fuzzing (tests/fuzz/regressions/protocol): the floats of a tensor with an empty region were
    // copied with memcpy into a null buffer (an empty vector's data()), undefined even for zero bytes.
    void emptyRegionCopiesNothing() {
        auto text = readFile(TESSERA_SOURCE_DIR "/tests/fuzz/regressions/protocol/empty-input-region.bin");
        QVERIFY(text.ok());
        auto d = decode(*text, ProtocolContext{"fuzz-cluster", 4});
        QVERIFY2(d.ok(), d ? "" : d.error().message.c_str());
        QCOMPARE(d->frame_start().inputs_size(), 1);
        const auto& input = d->frame_start().inputs(0);
        QCOMPARE(toRegion(input.region()).elements(), std::int64_t(0));
        std::vector<float> floats;
        copyFloats(input.data(), floats.data()); // null: fails under the asan preset's UBSan without the fix
        QVERIFY(floats.empty());
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "test_protocol.moc"
