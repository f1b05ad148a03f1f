// The telemetry a gateway publishes (docs/runtime.md, "Telemetry"), with real processes on loopback: a
// two-device FTP plan bundled with `--telemetry`, `tessera cluster-watch` as the subscriber.
//   - the subscriber gets exactly one message per frame once subscribed (consecutive frame numbers, none
//     twice), each with plausible figures: every device ran tasks for a positive compute time, its bytes
//     equal the plan's prediction (no stealing here), its peak RSS is that of a running node;
//   - a subscriber holding another key pair fails the encrypted handshake, says so, and prints nothing.

#include <QtTest>

#include "cli_runner.h"
#include "cluster_nodes.h"
#include "core/exec/npy.h"
#include "core/model/zoo.h"
#include "core/net/bundle.h"
#include "core/net/keys.h"
#include "support/random_plans.h"

using namespace tessera;
using tessera::test::binary;
using tessera::test::freePort;
using tessera::test::run;

class TestClusterTelemetry : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_bundles, m_input;
    std::vector<test::Node> m_nodes;
    int m_nextFrame = 0;

    QString path(const QString& name) { return m_dir.filePath(name); }

    void sendFrame() {
        auto ran = run(binary("tessera"), {"cluster-run", m_bundles, "-i", m_input, "--first-frame",
                                           QString::number(m_nextFrame++), "--timeout", "60"});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto cluster = test::bundleTinyYolo(
            m_dir.path(), 2, "2x2", {"--telemetry", "tcp://127.0.0.1:" + QString::number(freePort())});
        QVERIFY2(cluster.error.isEmpty(), qPrintable(cluster.error));
        m_input = cluster.input;
        m_bundles = cluster.bundles;
        m_nodes = test::startNodes(cluster.dirs);
        QVERIFY(m_nodes[0].waitForLog("publishing telemetry on", 5000));
    }

    void cleanupTestCase() {
        const QString logs = test::stopNodes(m_nodes);
        QVERIFY2(!logs.contains("DID NOT END CLEANLY"), qPrintable(logs));
    }

    void oneMessagePerFrame() {
        QProcess watch;
        watch.start(binary("tessera"), {"cluster-watch", m_bundles, "--count", "3", "--timeout", "60"});
        QVERIFY(watch.waitForStarted(10000));
        QString out;
        // a subscription takes a moment to reach the publisher: frames before it are not seen
        QElapsedTimer t;
        t.start();
        while (!out.contains("frame ") && t.elapsed() < 30000 && watch.state() == QProcess::Running) {
            sendFrame();
            watch.waitForReadyRead(200);
            out += QString::fromUtf8(watch.readAllStandardOutput());
        }
        QVERIFY2(out.contains("frame "), qPrintable(out + watch.readAllStandardError()));
        for (int k = 0; k < 2 && watch.state() == QProcess::Running; ++k) {
            sendFrame();
        }
        QVERIFY(watch.waitForFinished(30000));
        out += QString::fromUtf8(watch.readAllStandardOutput());
        QVERIFY2(watch.exitCode() == 0, qPrintable(out + watch.readAllStandardError()));

        auto client = net::loadClientBundle(m_bundles.toStdString());
        QVERIFY(client.ok());
        const auto& predicted = client->description.predictedBytes;
        QCOMPARE(predicted.size(), std::size_t(2));
        static const QRegularExpression frameLine("^frame (\\d+): ([0-9.]+) ms$");
        static const QRegularExpression deviceLine(
            "^  device 'rpi4-(\\d)': (\\d+) tasks, compute ([0-9.]+) ms, queued [0-9.]+ ms, received (\\d+) "
            "B, "
            "sent (\\d+) B, by steals received 0 B, sent 0 B, peak RSS (\\d+) B$");
        std::vector<int> frames;
        int devices = 0;
        for (const auto& line : out.split('\n')) {
            if (auto m = frameLine.match(line); m.hasMatch()) {
                frames.push_back(m.captured(1).toInt());
                QVERIFY(m.captured(2).toDouble() > 0 && m.captured(2).toDouble() < 60000);
            } else if (auto d = deviceLine.match(line); d.hasMatch()) {
                ++devices;
                const auto& p = predicted[std::size_t(d.captured(1).toInt() - 1)];
                QVERIFY(d.captured(2).toInt() > 0);
                QVERIFY(d.captured(3).toDouble() > 0);
                QCOMPARE(d.captured(4).toLongLong(), p.first);
                QCOMPARE(d.captured(5).toLongLong(), p.second);
                const auto rss = d.captured(6).toLongLong();
                QVERIFY2(rss > 10'000'000 && rss < 10'000'000'000, qPrintable(line));
            }
        }
        QCOMPARE(int(frames.size()), 3);
        QCOMPARE(devices, 6);
        QCOMPARE(frames[1], frames[0] + 1); // every frame once, in order, since the subscription
        QCOMPARE(frames[2], frames[0] + 2);
        QCOMPARE(frames[2], m_nextFrame - 1);
        qInfo("telemetry of frames %d..%d received", frames[0], frames[2]);
    }

    void subscriberWithoutKeysGetsNothing() {
        const QString stranger = path("stranger");
        QVERIFY(QDir().mkpath(stranger));
        QVERIFY(QFile::copy(m_bundles + "/client.json", stranger + "/client.json"));
        auto keys = net::readKeys((m_bundles + "/cluster.key").toStdString());
        QVERIFY(keys.ok());
        auto other = net::generateClusterKeys();
        QVERIFY(other.ok());
        other->clusterId = keys->clusterId;
        QVERIFY(net::writeKeys(*other, (stranger + "/cluster.key").toStdString()).ok());
        QProcess watch;
        watch.start(binary("tessera"), {"cluster-watch", stranger, "--count", "1", "--timeout", "10"});
        QVERIFY(watch.waitForStarted(10000));
        sendFrame();
        sendFrame();
        QVERIFY(watch.waitForFinished(30000));
        const QString out = QString::fromUtf8(watch.readAllStandardOutput());
        const QString err = QString::fromUtf8(watch.readAllStandardError());
        QCOMPARE(watch.exitCode(), 1);
        QVERIFY2(!out.contains("frame"), qPrintable(out));
        // the handshake fails before authentication: it encrypts to another server key
        QVERIFY2(err.contains("refused the connection: the encrypted handshake failed"), qPrintable(err));
        qInfo("%s", qPrintable(err.trimmed()));
    }
};

QTEST_GUILESS_MAIN(TestClusterTelemetry)
#include "test_cluster_telemetry.moc"
