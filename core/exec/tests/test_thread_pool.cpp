// ThreadPool: every index is visited exactly once in contiguous chunks of at least `grain`, back to back
// (workers spinning between jobs) and after pauses longer than ThreadPool::kSpin (workers asleep), and the
// pool shuts down cleanly whether its workers spin, sleep or never ran a job.

#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

#include "core/exec/thread_pool.h"

using namespace tessera::exec;

namespace {

// Runs one parallelFor over n and checks the visits; returns an empty string or what went wrong.
QString checkOneJob(ThreadPool& pool, std::int64_t n, std::int64_t grain) {
    std::vector<std::atomic<int>> visits(std::size_t(std::max<std::int64_t>(n, 0)));
    std::atomic<int> shortChunks{0}, chunks{0};
    pool.parallelFor(
        n,
        [&](std::int64_t begin, std::int64_t end) {
            chunks.fetch_add(1);
            if (end - begin < grain && end != n) {
                shortChunks.fetch_add(1);
            }
            for (std::int64_t i = begin; i < end; ++i) {
                visits[std::size_t(i)].fetch_add(1);
            }
        },
        grain);
    for (std::int64_t i = 0; i < n; ++i) {
        if (visits[std::size_t(i)].load() != 1) {
            return QString("n=%1 grain=%2: index %3 visited %4 times")
                .arg(n)
                .arg(grain)
                .arg(i)
                .arg(visits[std::size_t(i)].load());
        }
    }
    if (shortChunks.load() != 0) {
        return QString("n=%1 grain=%2: %3 chunks shorter than the grain").arg(n).arg(grain).arg(shortChunks);
    }
    if (chunks.load() > pool.threads()) {
        return QString("n=%1: %2 chunks for %3 threads").arg(n).arg(chunks).arg(pool.threads());
    }
    return {};
}

} // namespace

class TestThreadPool : public QObject {
    Q_OBJECT
private slots:
    void coversEveryIndexOnce_data() {
        QTest::addColumn<int>("threads");
        for (int t : {1, 2, 3, 5}) {
            QTest::addRow("%d threads", t) << t;
        }
    }
    void coversEveryIndexOnce() {
        QFETCH(int, threads);
        ThreadPool pool(threads);
        QCOMPARE(pool.threads(), threads);
        for (std::int64_t n : {0, 1, 2, 3, 7, 64, 1000}) {
            for (std::int64_t grain : {1, 4, 64}) {
                const QString problem = checkOneJob(pool, n, grain);
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
            }
        }
    }

    // Thousands of short jobs one after the other: the spinning hand-over must not lose or repeat one.
    void backToBackJobs() {
        ThreadPool pool(3);
        std::atomic<std::int64_t> sum{0};
        for (int job = 0; job < 20000; ++job) {
            pool.parallelFor(3, [&](std::int64_t begin, std::int64_t end) {
                for (std::int64_t i = begin; i < end; ++i) {
                    sum.fetch_add(i + 1);
                }
            });
        }
        QCOMPARE(sum.load(), std::int64_t(20000) * 6);
    }

    // Pauses longer than the spin: every job then wakes sleeping workers.
    void jobsAfterWorkersSleep() {
        ThreadPool pool(3);
        for (int job = 0; job < 10; ++job) {
            std::this_thread::sleep_for(ThreadPool::kSpin * 3);
            const QString problem = checkOneJob(pool, 30, 1);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }

    // A job whose chunks take very different times: the caller waits (spinning, then asleep) for the rest.
    void callerWaitsForSlowWorkers() {
        ThreadPool pool(2);
        std::atomic<int> done{0};
        pool.parallelFor(2, [&](std::int64_t begin, std::int64_t) {
            if (begin == 1) {
                std::this_thread::sleep_for(ThreadPool::kSpin * 5);
            }
            done.fetch_add(1);
        });
        QCOMPARE(done.load(), 2);
    }

    void shutsDownInEveryState() {
        { ThreadPool idle(4); } // workers may not even have started
        {
            ThreadPool spinning(3);
            QVERIFY(checkOneJob(spinning, 100, 1).isEmpty());
        } // destroyed while its workers spin
        {
            ThreadPool sleeping(3);
            QVERIFY(checkOneJob(sleeping, 100, 1).isEmpty());
            std::this_thread::sleep_for(ThreadPool::kSpin * 3);
        } // destroyed while its workers sleep
    }
};

QTEST_GUILESS_MAIN(TestThreadPool)
#include "test_thread_pool.moc"
