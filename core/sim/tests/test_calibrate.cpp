// Calibration of the speed model: the fit recovers known coefficients exactly, holds a coefficient the data
// cannot support at zero instead of going negative, and fitted on one network run here it predicts another.

#include <QtTest>

#include "core/model/zoo.h"
#include "core/sim/calibrate.h"

using namespace tessera;

class TestCalibrate : public QObject {
    Q_OBJECT

private slots:
    void recoversKnownCoefficients() {
        // 2 GMAC/s, 4 GB/s, 30 us per node
        std::vector<sim::TaskWork> work;
        std::vector<double> seconds;
        for (int i = 1; i <= 20; ++i) {
            const bool conv = i % 3 != 0;
            sim::TaskWork w;
            w.macs = conv ? std::int64_t(i) * 3'000'000 : 0;
            w.bytes = conv ? 0 : std::int64_t(i) * 500'000;
            w.nodes = 1;
            work.push_back(w);
            seconds.push_back(double(w.macs) / 2e9 + double(w.bytes) / 4e9 + 30e-6);
        }
        work.push_back({}); // a folded node: no work, ignored
        seconds.push_back(1.0);
        auto fit = sim::fitSpeed(work, seconds);
        QVERIFY(fit.ok());
        QCOMPARE(fit->samples, 20);
        QVERIFY(std::abs(fit->macsPerSecond / 2e9 - 1) < 1e-9);
        QVERIFY(std::abs(fit->bytesPerSecond / 4e9 - 1) < 1e-9);
        QVERIFY(std::abs(fit->nodeOverheadSeconds / 30e-6 - 1) < 1e-6);
        QVERIFY(std::abs(fit->predictedSeconds / fit->measuredSeconds - 1) < 1e-9);
    }

    void holdsUnsupportedCoefficientsAtZero() {
        // times that fall with the work would need a negative overhead: it is held at zero instead
        std::vector<sim::TaskWork> work;
        std::vector<double> seconds;
        for (int i = 1; i <= 5; ++i) {
            work.push_back({std::int64_t(i) * 1'000'000, 0, 1});
            seconds.push_back(double(i) * 1e-3 - 2e-4);
        }
        auto fit = sim::fitSpeed(work, seconds);
        QVERIFY(fit.ok());
        QCOMPARE(fit->nodeOverheadSeconds, 0.0);
        QVERIFY(fit->macsPerSecond > 0);
        QCOMPARE(fit->bytesPerSecond, 0.0); // no memory-bound node measured
        QVERIFY(!sim::fitSpeed({{0, 0, 0}}, {1.0}).ok());
    }

    // Fitted on tiny-YOLOv2 here, the model predicts the measured time of a network it has not seen, YOLOv2
    // at 416x416 (5x the work, other layer shapes), within 25%. (On the fitted network itself the prediction
    // of the total is exact by construction: least squares with a constant term leaves zero net residual.)
    void predictsAnotherNetwork() {
        auto tiny = model::buildZooModel("tiny-yolov2");
        auto yolo = model::buildZooModel("yolov2-416");
        QVERIFY(tiny.ok() && yolo.ok());
        auto fit = sim::calibrate(*tiny, 1, 5);
        QVERIFY2(fit.ok(), fit.ok() ? "" : fit.error().message.c_str());
        cost::Device device;
        device.macsPerSecond = fit->macsPerSecond;
        device.bytesPerSecond = fit->bytesPerSecond;
        device.nodeOverheadSeconds = fit->nodeOverheadSeconds;
        const double predicted = sim::workSeconds(sim::taskWork(yolo->graph), device);
        auto measured = sim::calibrate(*yolo, 1, 3);
        QVERIFY(measured.ok());
        qInfo(
            "fitted on tiny-YOLOv2: %.1f GMAC/s, %.2f GB/s, %.0f us per node; YOLOv2-416 predicted %.0f ms, "
            "measured %.0f ms",
            fit->macsPerSecond / 1e9, fit->bytesPerSecond / 1e9, fit->nodeOverheadSeconds * 1e6,
            predicted * 1e3, measured->measuredSeconds * 1e3);
        QVERIFY(std::abs(predicted / measured->measuredSeconds - 1) < 0.25);
    }
};

QTEST_GUILESS_MAIN(TestCalibrate)
#include "test_calibrate.moc"
