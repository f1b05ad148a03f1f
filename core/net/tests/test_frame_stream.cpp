// net::streamFrames against a fake gateway on loopback (a Transport that answers FrameStarts as the test
// says): results reach the sink in the order the frames were sent even when the gateway answers a newer
// frame first; a frame answered twice or never sent ends the stream with an error naming it.

#include <QtTest>

#include <thread>

#include "core/net/frame_stream.h"

using namespace tessera;
using namespace tessera::net;
using namespace std::chrono_literals;

namespace {

// Answers every FrameStart it receives, holding back frames as `order` says: answers are sent once
// `batch` frames are in, in the order given by `order` (indices into the batch), each `repeat` times.
class FakeGateway {
public:
    FakeGateway(const ClusterKeys& keys, std::vector<int> order, int repeat = 1)
        : m_order(std::move(order))
        , m_repeat(repeat) {
        auto t = Transport::create({keys, 1, 0, "tcp://127.0.0.1:0", {}});
        QVERIFY(t.ok());
        m_transport = std::move(*t);
        m_thread = std::thread([this] { serve(); });
    }
    ~FakeGateway() {
        m_stop = true;
        m_thread.join();
    }
    std::string endpoint() const { return m_transport->boundEndpoint(); }

private:
    void serve() {
        std::vector<std::pair<std::string, std::uint64_t>> held;
        while (!m_stop) {
            auto in = m_transport->receive(20ms);
            if (!in) {
                continue;
            }
            if (in->message.has_hello()) {
                wire::Envelope answer;
                answer.mutable_hello()->set_node_name("fake");
                (void)m_transport->reply(in->route, answer);
            } else if (in->message.has_frame_start()) {
                held.emplace_back(in->route, in->message.frame_start().frame());
                if (held.size() == m_order.size()) {
                    for (int i : m_order) {
                        for (int r = 0; r < m_repeat; ++r) {
                            wire::Envelope answer;
                            answer.mutable_frame_result()->set_frame(held[std::size_t(i)].second);
                            (void)m_transport->reply(held[std::size_t(i)].first, answer);
                        }
                    }
                    held.clear();
                }
            }
        }
    }

    std::vector<int> m_order;
    int m_repeat;
    std::unique_ptr<Transport> m_transport;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

NodeBundle clientBundle(const ClusterKeys& keys, const std::string& endpoint) {
    NodeBundle b;
    b.keys = keys;
    b.description.clusterId = keys.clusterId;
    b.description.devices = {{"fake", endpoint}};
    b.description.inputs = {{"x", {1, 2}}};
    return b;
}

const std::map<std::string, std::vector<float>> kInputs{{"x", {1.f, 2.f}}};

} // namespace

class TestFrameStream : public QObject {
    Q_OBJECT

    ClusterKeys m_keys;

    Expected<std::vector<std::uint64_t>> stream(FakeGateway& gateway, int frames, int inFlight) {
        auto client = ClusterClient::connect(clientBundle(m_keys, gateway.endpoint()), 5000ms);
        if (!client) {
            return client.error();
        }
        std::vector<std::uint64_t> got;
        StreamOptions options;
        options.firstFrame = 10;
        options.frames = frames;
        options.inFlight = inFlight;
        options.timeout = 5000ms;
        auto s = streamFrames(
            **client, options, [](std::uint64_t) { return kInputs; },
            [&](StreamedFrame&& f) {
                got.push_back(f.result.frame());
                return Status{};
            });
        if (!s) {
            return s.error();
        }
        return got;
    }

private slots:
    void initTestCase() {
        auto keys = generateClusterKeys();
        QVERIFY(keys.ok());
        m_keys = *keys;
    }

    void newerFrameAnsweredFirstIsHeldBack() {
        FakeGateway gateway(m_keys, {2, 0, 1}); // of every three frames, the third is answered first
        auto got = stream(gateway, 9, 3);
        QVERIFY2(got.ok(), got.ok() ? "" : got.error().message.c_str());
        QCOMPARE(*got, (std::vector<std::uint64_t>{10, 11, 12, 13, 14, 15, 16, 17, 18}));
    }

    void frameAnsweredTwiceIsAnError() {
        FakeGateway gateway(m_keys, {1, 0}, 2);
        auto got = stream(gateway, 4, 2);
        QVERIFY(!got.ok());
        QCOMPARE(got.error().message, std::string("the gateway answered frame 11 twice"));
    }
};

QTEST_GUILESS_MAIN(TestFrameStream)
#include "test_frame_stream.moc"
