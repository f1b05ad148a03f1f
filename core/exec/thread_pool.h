#pragma once
// A fixed pool of worker threads for data-parallel kernels. parallelFor() performs no heap allocation, so
// kernels can use it inside Session::run() without allocating.
//
// A network runs dozens of kernels of well under a millisecond each (MobileNetV2: 60), one parallelFor
// after the other. Waking a sleeping worker through a condition variable costs tens of microseconds per
// kernel, so after a job a worker spins (pausing the core) for up to kSpin waiting for the next one before
// it goes to sleep; the caller likewise spins for its workers to finish before it sleeps. An idle pool
// therefore costs nothing after kSpin, and a busy one needs no system call between kernels.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace tessera::exec {

class ThreadPool {
public:
    // threads >= 1; the calling thread is one of them (threads - 1 workers are started).
    explicit ThreadPool(int threads);
    ~ThreadPool();
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;

    int threads() const { return int(m_workers.size()) + 1; }

    // How long a worker waits for the next job, and the caller for its workers, before sleeping.
    static constexpr std::chrono::microseconds kSpin{200};

    // Calls fn(begin, end) on disjoint chunks covering [0, n), spread over the threads; returns when all are
    // done. Chunks are contiguous and at least `grain` long (except the last).
    template <typename Fn> void parallelFor(std::int64_t n, Fn&& fn, std::int64_t grain = 1) {
        auto trampoline = [](void* f, std::int64_t b, std::int64_t e) { (*static_cast<Fn*>(f))(b, e); };
        dispatch(n, grain, trampoline, &fn);
    }

private:
    using Trampoline = void (*)(void*, std::int64_t, std::int64_t);
    void dispatch(std::int64_t n, std::int64_t grain, Trampoline call, void* fn);
    void workerLoop(int index);
    void runChunk(int index);

    std::vector<std::thread> m_workers;
    std::mutex m_mutex; // only for sleeping and waking
    std::condition_variable m_wake;
    std::condition_variable m_done;
    std::atomic<std::uint64_t> m_generation{0}; // one more per job; a worker runs each generation once
    std::atomic<int> m_pending{0};              // workers that have not finished the current job
    std::atomic<int> m_sleepers{0};             // workers asleep (or about to be) on m_wake
    std::atomic<bool> m_stop{false};
    // current job: written before m_generation is incremented, read after it is seen
    Trampoline m_call = nullptr;
    void* m_fn = nullptr;
    std::int64_t m_n = 0;
    std::int64_t m_chunk = 0;
};

} // namespace tessera::exec
