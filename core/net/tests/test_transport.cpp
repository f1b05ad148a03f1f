// The transport over real sockets on loopback: peers with the cluster's keys talk; a process with another
// cluster's keys is refused by the authentication handler (and learns so from its handshake); hand-made
// bad messages from an admitted peer are refused and logged while the node keeps serving.

#include <QtTest>

#include <mutex>

#include "core/net/transport.h"

using namespace tessera;
using namespace tessera::net;
using namespace std::chrono_literals;

namespace {

struct Log {
    std::mutex mutex;
    std::vector<std::string> lines;
    std::function<void(const std::string&)> sink() {
        return [this](const std::string& line) {
            std::lock_guard lock(mutex);
            lines.push_back(line);
        };
    }
    bool contains(const std::string& text) {
        std::lock_guard lock(mutex);
        return std::any_of(lines.begin(), lines.end(),
                           [&](const std::string& l) { return l.find(text) != std::string::npos; });
    }
};

std::unique_ptr<Transport> make(const ClusterKeys& keys, int self, const std::string& listen, Log& log) {
    auto t = Transport::create({keys, 2, self, listen, log.sink()});
    if (!t) {
        qWarning("%s", t.error().message.c_str());
        return nullptr;
    }
    return std::move(*t);
}

wire::Envelope hello(const std::string& name) {
    wire::Envelope e;
    e.mutable_hello()->set_node_name(name);
    e.mutable_hello()->set_role("client");
    return e;
}

} // namespace

class TestTransport : public QObject {
    Q_OBJECT

    ClusterKeys m_keys;
    Log m_log;
    std::unique_ptr<Transport> m_node;

    // A raw DEALER socket holding the cluster's keys (an admitted peer that may send anything), connected.
    zmq::socket_t admittedSocket(zmq::context_t& context, const std::string& endpoint) const {
        zmq::socket_t raw(context, zmq::socket_type::dealer);
        raw.set(zmq::sockopt::curve_serverkey, m_keys.publicKey);
        raw.set(zmq::sockopt::curve_publickey, m_keys.publicKey);
        raw.set(zmq::sockopt::curve_secretkey, m_keys.secretKey);
        raw.set(zmq::sockopt::linger, 0);
        raw.connect(endpoint);
        return raw;
    }

private slots:
    void initTestCase() {
        auto keys = generateClusterKeys();
        QVERIFY(keys.ok());
        m_keys = *keys;
        m_node = make(m_keys, 0, "tcp://127.0.0.1:0", m_log);
        QVERIFY(m_node);
        QVERIFY(m_node->boundEndpoint().rfind("tcp://127.0.0.1:", 0) == 0);
    }

    void clusterPeersTalk() {
        Log log;
        auto client = make(m_keys, -1, "", log);
        QVERIFY(client);
        QVERIFY(client->connect(0, m_node->boundEndpoint()).ok());
        auto message = hello("client");
        QVERIFY(client->send(0, message).ok());
        auto got = m_node->receive(5s);
        QVERIFY(got);
        QCOMPARE(got->message.hello().node_name(), std::string("client"));
        QCOMPARE(got->message.sender(), -1);
        QVERIFY(!got->route.empty());
        auto answer = hello("node");
        QVERIFY(m_node->reply(got->route, answer).ok());
        auto back = client->receive(5s);
        QVERIFY(back);
        QCOMPARE(back->message.hello().node_name(), std::string("node"));
        QCOMPARE(back->message.sender(), 0);
    }

    void strangerIsRefused() {
        // another cluster's bundle: neither the node's key nor a client key it admits
        auto other = generateClusterKeys();
        QVERIFY(other.ok());
        other->clusterId = m_keys.clusterId;
        Log log;
        auto stranger = make(*other, -1, "", log);
        QVERIFY(stranger);
        QVERIFY(stranger->connect(0, m_node->boundEndpoint()).ok());
        auto message = hello("stranger");
        QVERIFY(stranger->send(0, message).ok());
        QVERIFY(!m_node->receive(1500ms));
        QVERIFY(!stranger->receive(500ms));
        QVERIFY2(stranger->handshakeFailure().find("failed the encrypted handshake") != std::string::npos,
                 stranger->handshakeFailure().c_str());
    }

    void wrongClientKeyRefusedByHandler() {
        // the node's public key is known (it is not secret), the client key pair is not the cluster's
        zmq::context_t context;
        zmq::socket_t s(context, zmq::socket_type::dealer);
        char pub[41], sec[41];
        QCOMPARE(zmq_curve_keypair(pub, sec), 0);
        s.set(zmq::sockopt::curve_serverkey, m_keys.publicKey);
        s.set(zmq::sockopt::curve_publickey, std::string(pub));
        s.set(zmq::sockopt::curve_secretkey, std::string(sec));
        s.set(zmq::sockopt::linger, 0);
        const auto before = m_node->refusedPeers();
        s.connect(m_node->boundEndpoint());
        auto e = hello("impostor");
        const std::string bytes = encode(e, {m_keys.clusterId, 2}, -1);
        s.send(zmq::buffer(bytes), zmq::send_flags::dontwait);
        QVERIFY(!m_node->receive(1500ms));
        QTRY_VERIFY(m_node->refusedPeers() > before);
        QVERIFY(m_log.contains("does not present this cluster's key"));
    }

    void badMessagesAreRefusedAndLogged() {
        // an admitted peer sending garbage, a wrong version and a wrong size: each refused, then a good one
        zmq::context_t context;
        auto raw = admittedSocket(context, m_node->boundEndpoint());
        const ProtocolContext context2{m_keys.clusterId, 2};
        raw.send(zmq::str_buffer("\x0a\xff\xff garbage"), zmq::send_flags::none);
        wire::Envelope old = hello("old");
        (void)encode(old, context2, -1);
        old.set_version(kProtocolVersion + 7);
        raw.send(zmq::buffer(old.SerializeAsString()), zmq::send_flags::none);
        wire::Envelope part;
        part.mutable_tensor_part()->set_frame(1);
        setRegion(part.mutable_tensor_part()->mutable_part(), partition::Region{{{0, 4}}});
        part.mutable_tensor_part()->set_data(std::string(12, '\0'));
        raw.send(zmq::buffer(encode(part, context2, 1)), zmq::send_flags::none);
        wire::Envelope two = hello("two frames");
        raw.send(zmq::str_buffer("extra"), zmq::send_flags::sndmore);
        raw.send(zmq::buffer(encode(two, context2, -1)), zmq::send_flags::none);
        const auto refusedBefore = m_node->refusedMessages();
        auto good = hello("good");
        raw.send(zmq::buffer(encode(good, context2, -1)), zmq::send_flags::none);
        auto got = m_node->receive(5s);
        QVERIFY(got);
        QCOMPARE(got->message.hello().node_name(), std::string("good"));
        QCOMPARE(m_node->refusedMessages() - refusedBefore, std::uint64_t(4));
        QVERIFY(m_log.contains("malformed or truncated"));
        QVERIFY(m_log.contains("protocol version 8"));
        QVERIFY(m_log.contains("12 bytes of data for 4 floats"));
        QVERIFY(m_log.contains("3 frames"));
    }

    // A peer flooding a node with bad messages (here 10,000, half of them naming a cluster with a line break
    // and 10 KB of text) gets a bounded number of log lines: 10 per window, then one line with the count of
    // those left out; every refusal is still counted, and a peer's text is shortened and escaped.
    void floodOfBadMessagesLogsBoundedLines() {
        Log log;
        auto t = Transport::create({m_keys, 2, 0, "tcp://127.0.0.1:0", log.sink(), 10, 1000ms});
        QVERIFY(t.ok());
        auto& node = **t;
        zmq::context_t context;
        auto raw = admittedSocket(context, node.boundEndpoint());
        wire::Envelope hostile = hello("hostile");
        (void)encode(hostile, {m_keys.clusterId, 2}, -1);
        hostile.set_cluster("evil\nFAKE LOG LINE" + std::string(10000, 'x'));
        const std::string hostileBytes = hostile.SerializeAsString();
        constexpr int kMessages = 10000;
        for (int i = 0; i < kMessages; ++i) {
            if (i % 2 == 0) {
                raw.send(zmq::str_buffer("\x0a\xff\xff garbage"), zmq::send_flags::none);
            } else {
                raw.send(zmq::buffer(hostileBytes), zmq::send_flags::none);
            }
        }
        QElapsedTimer timer;
        timer.start();
        while (node.refusedMessages() < kMessages && timer.elapsed() < 60000) {
            QVERIFY(!node.receive(50ms));
        }
        QCOMPARE(node.refusedMessages(), std::uint64_t(kMessages));
        QTest::qWait(1100); // the window ends: the next receive sums up what was left out
        QVERIFY(!node.receive(10ms));
        std::lock_guard lock(log.mutex);
        std::uint64_t shown = 0, leftOut = 0;
        static const QRegularExpression summary(
            "^(\\d+) more refused message lines left out of the log in the last [0-9.]+ s \\(at most 10 per "
            "1000 ms\\)$");
        for (const auto& line : log.lines) {
            QVERIFY2(line.size() < 300 && line.find('\n') == std::string::npos, line.c_str());
            if (line.rfind("refused a message: ", 0) == 0) {
                ++shown;
            } else if (auto m = summary.match(QString::fromStdString(line)); m.hasMatch()) {
                leftOut += m.captured(1).toULongLong();
            } else {
                QFAIL(line.c_str());
            }
        }
        QCOMPARE(shown + leftOut, std::uint64_t(kMessages));
        QVERIFY2(log.lines.size() <= 40, qPrintable(QString::number(log.lines.size()) + " lines"));
        QVERIFY(std::any_of(log.lines.begin(), log.lines.end(), [](const std::string& l) {
            return l.find("message for cluster 'evil\\x0aFAKE LOG LINExxx") != std::string::npos &&
                   l.find("... (10018 bytes)") != std::string::npos;
        }));
        qInfo("%d bad messages: %zu log lines (%llu shown, %llu counted as left out)", kMessages,
              log.lines.size(), static_cast<unsigned long long>(shown),
              static_cast<unsigned long long>(leftOut));
    }
};

QTEST_GUILESS_MAIN(TestTransport)
#include "test_transport.moc"
