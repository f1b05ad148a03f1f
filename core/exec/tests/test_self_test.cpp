// The engine self-test that tessera-node runs on devices (--self-test): it passes on this machine, its
// networks use every kernel the engine has, and it can fail (a tolerance nothing meets is reported).

#include <QtTest>

#include <set>
#include <sstream>

#include "core/exec/kernel.h"
#include "core/exec/self_test.h"

using namespace tessera;

class TestSelfTest : public QObject {
    Q_OBJECT
private slots:
    void everyCasePassesAndEveryKernelIsCovered() {
        std::set<std::string> covered;
        int reported = 0;
        const auto results = exec::runSelfTest([&reported](const exec::SelfTestResult&) { ++reported; });
        QCOMPARE(reported, int(results.size()));
        for (const auto& r : results) {
            QVERIFY2(r.passed(), qPrintable(QString::fromStdString(r.name + ": " + r.error) +
                                            QString(" max |diff| %1").arg(double(r.maxAbsDiff))));
            std::istringstream ops(r.ops);
            for (std::string op; ops >> op;) {
                covered.insert(op);
            }
        }
        for (const auto& op : exec::kernelOps()) {
            QVERIFY2(covered.count(op), qPrintable(QString::fromStdString(op) + " has no self-test case"));
        }
    }

    void passingNeedsNoErrorAndTheTolerance() {
        exec::SelfTestResult r;
        r.maxAbsDiff = 2e-5f;
        r.tolerance = 1e-5f;
        QVERIFY(!r.passed());
        r.maxAbsDiff = NAN;
        r.tolerance = 1.f;
        QVERIFY(!r.passed());
        r.maxAbsDiff = 0.f;
        r.error = "no kernel";
        QVERIFY(!r.passed());
    }

    void stopsWhenAsked() {
        StopToken stop;
        stop.requestStop();
        QCOMPARE(exec::runSelfTest({}, &stop).size(), std::size_t(0));
    }

    void convSpeedIsMeasured() {
        auto speed = exec::measureConvSpeed({1, 2});
        QVERIFY2(speed.ok(), speed.ok() ? "" : speed.error().message.c_str());
        QCOMPARE(speed->macs, std::int64_t(64) * 32 * 9 * 28 * 28);
        QCOMPARE(speed->optimised.size(), std::size_t(2));
        QVERIFY(speed->optimised[1].threads == 2 && speed->optimised[1].seconds > 0);
        QVERIFY(speed->referenceSeconds > 0);
    }
};

QTEST_GUILESS_MAIN(TestSelfTest)
#include "test_self_test.moc"
