// Where the deployer finds tessera-node for each architecture (deployer::defaultNodeBinaries): beside the
// program for the host, in lib/tessera/<arch>/ of an installed package, in build/aarch64/bin of a build tree.

#include <QtTest>

#include <fstream>
#include <sys/utsname.h>

#include "deployer/deploy.h"

using namespace tessera;

namespace {

std::string touch(const QString& path) {
    QDir().mkpath(QFileInfo(path).path());
    std::ofstream(path.toStdString()) << "#!/bin/sh\n";
    return path.toStdString();
}

std::string hostArch() {
    utsname host{};
    uname(&host);
    return host.machine;
}

} // namespace

class TestNodeBinaries : public QObject {
    Q_OBJECT

private slots:
    void installedPackage() {
        QTemporaryDir root;
        const QString usr = root.filePath("usr");
        const auto self = touch(usr + "/bin/tessera");
        touch(usr + "/bin/tessera-node");
        const auto arm = touch(usr + "/lib/tessera/aarch64/tessera-node");
        QDir().mkpath(usr + "/lib/tessera/armhf"); // a folder without a node is not an architecture
        const auto binaries = deployer::defaultNodeBinaries(self);
        QCOMPARE(binaries.at(hostArch()), (usr + "/bin/tessera-node").toStdString());
        if (hostArch() != "aarch64") {
            QCOMPARE(binaries.at("aarch64"), arm);
        }
        QVERIFY(!binaries.count("armhf"));
    }

    void buildTree() {
        QTemporaryDir root;
        const auto self = touch(root.filePath("build/dev/bin/tessera"));
        const auto arm = touch(root.filePath("build/aarch64/bin/tessera-node"));
        const auto binaries = deployer::defaultNodeBinaries(self);
        QCOMPARE(binaries.at(hostArch()), root.filePath("build/dev/bin/tessera-node").toStdString());
        if (hostArch() != "aarch64") {
            QCOMPARE(binaries.at("aarch64"), arm);
        }
        QCOMPARE(binaries.size(), std::size_t(hostArch() == "aarch64" ? 1 : 2));
    }
};

QTEST_GUILESS_MAIN(TestNodeBinaries)
#include "test_node_binaries.moc"
