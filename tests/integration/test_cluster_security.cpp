// A cluster's keys keep strangers out, with real tessera-node processes on loopback (three devices,
// tiny-YOLOv2 with an FTP stage, telemetry published). A stranger is a process without the cluster's secret
// key; it may know the cluster's public key (it is no secret) and its id. Checked:
//   - the bundle is the owner's alone: directories 0700, files 0600 (it holds the secret key);
//   - a tessera-node started from a device's bundle with another key pair, in place of that (killed) worker,
//     does not join: the gateway never counts it as the device, frames are refused naming the device, and
//     the real worker rejoins once restarted;
//   - a stranger presenting its own key pair to a worker (the cluster's public key as server key) cannot
//     deliver a tile: the worker's authentication handler refuses the connection and nothing reaches the
//     runtime;
//   - a stranger subscribing to the telemetry with its own key pair receives nothing while a subscriber
//     with the bundle's keys receives the frames;
//   - the secret key's text appears in no log, output, run record or bundle file other than cluster.key.
// (Bad messages from admitted peers and floods of them: test_transport and test_cluster_faults.)

#include <QtTest>

#include <csignal>

#include <zmq.hpp>

#include "cli_runner.h"
#include "cluster_nodes.h"
#include "core/exec/npy.h"
#include "core/model/zoo.h"
#include "core/net/bundle.h"
#include "core/net/protocol.h"
#include "support/random_plans.h"

using namespace tessera;
using tessera::test::binary;
using tessera::test::freePort;
using tessera::test::Node;
using tessera::test::run;

class TestClusterSecurity : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_dirs; // bundle directories, gateway first
    QString m_bundles, m_input, m_telemetry;
    net::ClusterKeys m_keys;
    std::vector<Node> m_nodes;
    QString m_outputs; // everything the CLI printed, for the secret check
    int m_nextFrame = 0;

    QString path(const QString& name) { return m_dir.filePath(name); }

    test::RunResult runFrames(int frames, const QStringList& extra = {}) {
        auto ran = run(binary("tessera"), QStringList{"cluster-run", m_bundles, "-i", m_input, "--frames",
                                                      QString::number(frames), "--first-frame",
                                                      QString::number(m_nextFrame), "--timeout", "60"} +
                                              extra);
        m_nextFrame += frames;
        m_outputs += ran.out + ran.err;
        return ran;
    }

    // A raw socket presenting a fresh key pair, the cluster's public key as the server's.
    static zmq::socket_t strangerSocket(zmq::context_t& context, zmq::socket_type type,
                                        const std::string& serverKey) {
        char pub[41], sec[41];
        zmq_curve_keypair(pub, sec);
        zmq::socket_t s(context, type);
        s.set(zmq::sockopt::linger, 0);
        s.set(zmq::sockopt::curve_serverkey, serverKey);
        s.set(zmq::sockopt::curve_publickey, std::string(pub));
        s.set(zmq::sockopt::curve_secretkey, std::string(sec));
        return s;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_telemetry = "tcp://127.0.0.1:" + QString::number(freePort());
        auto cluster = test::bundleTinyYolo(m_dir.path(), 3, "3x1", {"--telemetry", m_telemetry});
        QVERIFY2(cluster.error.isEmpty(), qPrintable(cluster.error));
        m_input = cluster.input;
        m_bundles = cluster.bundles;
        m_dirs = cluster.dirs;
        m_outputs += cluster.output;
        auto keys = net::readKeys((m_bundles + "/cluster.key").toStdString());
        QVERIFY(keys.ok());
        m_keys = *keys;
        m_nodes =
            test::startNodes(m_dirs, {{"rpi4-1", {"--heartbeat-ms", "300", "--heartbeat-misses", "3"}}});
        auto ran = runFrames(1);
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
    }

    void cleanupTestCase() {
        const QString logs = test::stopNodes(m_nodes);
        QVERIFY2(!logs.contains("DID NOT END CLEANLY"), qPrintable(logs));
    }

    void bundleIsPrivate() {
        int files = 0;
        QDirIterator it(m_bundles, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                        QDirIterator::Subdirectories);
        const auto mode = [](const QString& p) { return QFile::permissions(p); };
        const QFileDevice::Permissions owner =
            QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser;
        QCOMPARE(mode(m_bundles), owner | QFile::ExeOwner | QFile::ExeUser);
        while (it.hasNext()) {
            const QString p = it.next();
            if (it.fileInfo().isDir()) {
                QVERIFY2(mode(p) == (owner | QFile::ExeOwner | QFile::ExeUser), qPrintable(p));
            } else {
                QVERIFY2(mode(p) == owner, qPrintable(p));
                ++files;
            }
        }
        QCOMPARE(files, 3 * 3 + 2); // model.onnx, node.json, cluster.key per device; client.json, cluster.key
    }

    void strangerCannotJoinAsWorker() {
        Node& gateway = m_nodes[0];
        const qsizetype from = gateway.log.size();
        m_nodes[2].process->kill();
        QVERIFY(m_nodes[2].process->waitForFinished(5000));
        QVERIFY(gateway.waitForLog("device 'rpi4-3' stopped answering", 10000, from));
        // rpi4-3's bundle with another key pair (the cluster id kept)
        const QString fake = path("fake/rpi4-3");
        QVERIFY(QDir().mkpath(fake));
        for (const char* file : {"node.json", "model.onnx"}) {
            QVERIFY(QFile::copy(m_dirs[2] + "/" + file, fake + "/" + file));
        }
        auto other = net::generateClusterKeys();
        QVERIFY(other.ok());
        other->clusterId = m_keys.clusterId;
        QVERIFY(net::writeKeys(*other, (fake + "/cluster.key").toStdString()).ok());
        Node impostor = test::launchNode(fake);
        QVERIFY2(impostor.waitForLog("serving as", 30000), qPrintable(impostor.log));
        // it beats and sends for several miss limits: none of it reaches the gateway's runtime
        QVERIFY2(!gateway.waitForLog("'rpi4-3' answers again", 3000, from), qPrintable(gateway.log));
        auto refused = runFrames(1);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("device 'rpi4-3' is down"), qPrintable(refused.err));
        const bool told = impostor.waitForLog("failed the encrypted handshake", 10000);
        impostor.process->kill();
        QVERIFY(impostor.process->waitForFinished(5000));
        m_outputs += impostor.log;
        QVERIFY2(told, qPrintable(impostor.log));

        m_nodes[2] = test::launchNode(m_dirs[2]);
        QVERIFY2(m_nodes[2].waitForLog("serving as", 30000), qPrintable(m_nodes[2].log));
        QVERIFY2(gateway.waitForLog("'rpi4-3' answers again: rejoined", 10000, from),
                 qPrintable(gateway.log));
        auto ran = runFrames(2);
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
    }

    void strangerCannotSendTiles() {
        Node& worker = m_nodes[1];
        const qsizetype from = worker.log.size();
        auto bundle = net::loadBundle(m_dirs[1].toStdString());
        QVERIFY(bundle.ok());
        const auto& d = bundle->description;
        // a well-formed part for one of the worker's tasks, as the gateway would send it
        const net::TaskSpec* task = nullptr;
        for (const auto& t : d.tasks) {
            if (t.device == d.device) {
                task = &t;
                break;
            }
        }
        QVERIFY(task && !task->inputs.empty() && !task->inputs[0].sources.empty());
        const auto& source = task->inputs[0].sources[0];
        net::wire::Envelope e;
        auto* part = e.mutable_tensor_part();
        part->set_frame(std::uint64_t(m_nextFrame) + 100);
        part->set_piece(source.piece);
        part->set_task(task->id);
        net::setRegion(part->mutable_part(), source.part);
        part->set_data(std::string(std::size_t(source.part.elements()) * 4, '\0'));
        const std::string bytes = net::encode(e, {d.clusterId, int(d.devices.size())}, d.gateway);

        zmq::context_t context;
        auto s = strangerSocket(context, zmq::socket_type::dealer, m_keys.publicKey);
        s.connect(d.devices[std::size_t(d.device)].endpoint);
        for (int i = 0; i < 20; ++i) {
            (void)s.send(zmq::buffer(bytes), zmq::send_flags::dontwait);
        }
        QVERIFY2(worker.waitForLog("does not present this cluster's key", 10000, from),
                 qPrintable(worker.log));
        QTest::qWait(1000);
        worker.log += QString::fromUtf8(worker.process->readAllStandardError());
        // refused at the connection: the runtime neither took nor refused a part
        QVERIFY2(!worker.log.mid(from).contains("part"), qPrintable(worker.log.mid(from)));
        auto ran = runFrames(1);
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
    }

    void strangerCannotReadTelemetry() {
        Node& gateway = m_nodes[0];
        const qsizetype from = gateway.log.size();
        zmq::context_t context;
        auto sub = strangerSocket(context, zmq::socket_type::sub, m_keys.publicKey);
        sub.set(zmq::sockopt::subscribe, "");
        sub.connect(m_telemetry.toStdString());
        QProcess watch;
        watch.start(binary("tessera"), {"cluster-watch", m_bundles, "--count", "2", "--timeout", "30"});
        QVERIFY(watch.waitForStarted(10000));
        QVERIFY(gateway.waitForLog("does not present this cluster's key", 10000, from));
        QTest::qWait(500); // the subscription reaches the gateway before the frames
        auto ran = runFrames(3);
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
        QVERIFY(watch.waitForFinished(30000));
        const QString watched = QString::fromUtf8(watch.readAllStandardOutput());
        m_outputs += watched + QString::fromUtf8(watch.readAllStandardError());
        QCOMPARE(watch.exitCode(), 0);
        QVERIFY2(watched.count("frame ") >= 2, qPrintable(watched));
        zmq::pollitem_t item{sub.handle(), 0, ZMQ_POLLIN, 0};
        QCOMPARE(zmq::poll(&item, 1, std::chrono::milliseconds(1000)), 0); // the stranger got nothing
    }

    void secretKeyInNoLogOrFile() {
        QVERIFY(m_keys.secretKey.size() == 40);
        const QByteArray secret = QByteArray::fromStdString(m_keys.secretKey);
        auto record = runFrames(1, {"--record", path("record.json")});
        QVERIFY2(record.exitCode == 0, qPrintable(record.err));
        for (auto& n : m_nodes) {
            n.log += QString::fromUtf8(n.process->readAllStandardError());
            QVERIFY2(!n.log.toUtf8().contains(secret), qPrintable(n.name));
        }
        QVERIFY(!m_outputs.toUtf8().contains(secret));
        int checked = 0, keyFiles = 0;
        QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString p = it.next();
            QFile f(p);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const bool holds = f.readAll().contains(secret);
            if (it.fileName() == "cluster.key" && p.startsWith(m_bundles)) {
                QVERIFY2(holds, qPrintable(p)); // the check can find it
                ++keyFiles;
            } else {
                QVERIFY2(!holds, qPrintable(p));
                ++checked;
            }
        }
        QCOMPARE(keyFiles, 4);
        QVERIFY(checked >= 10); // node.json, model.onnx, client.json, the run record, the plan, ...
        qInfo("the secret key is in the 4 cluster.key files only; %d other files, %lld bytes of logs and "
              "output checked",
              checked, static_cast<long long>(m_outputs.size()));
    }
};

QTEST_GUILESS_MAIN(TestClusterSecurity)
#include "test_cluster_security.moc"
