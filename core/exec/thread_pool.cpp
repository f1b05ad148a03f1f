#include "core/exec/thread_pool.h"

#include <algorithm>
#include <thread>

namespace tessera::exec {
namespace {

using Clock = std::chrono::steady_clock;

// Tells the core that this is a spin-wait (saves power, frees the sibling hyper-thread).
inline void cpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield");
#endif
}

// Spins until done() or kSpin has passed; returns done(). After the first few microseconds it yields the
// core at every turn, so that when there are more threads than free cores (a shared machine, or a pool
// larger than the core count) the thread it waits for gets to run.
template <typename Done> bool spinUntil(Done&& done) {
    const auto start = Clock::now();
    for (int i = 0;; ++i) {
        if (done()) {
            return true;
        }
        if (i < 16) {
            cpuRelax();
            continue;
        }
        std::this_thread::yield();
        if (Clock::now() - start > ThreadPool::kSpin) {
            return done();
        }
    }
}

} // namespace

ThreadPool::ThreadPool(int threads) {
    for (int i = 1; i < std::max(threads, 1); ++i) {
        m_workers.emplace_back([this, i] { workerLoop(i); });
    }
}

ThreadPool::~ThreadPool() {
    m_stop.store(true);
    { std::lock_guard lock(m_mutex); }
    m_wake.notify_all();
    for (auto& t : m_workers) {
        t.join();
    }
}

void ThreadPool::runChunk(int index) {
    const std::int64_t begin = std::int64_t(index) * m_chunk;
    const std::int64_t end = std::min(m_n, begin + m_chunk);
    if (begin < end) {
        m_call(m_fn, begin, end);
    }
}

void ThreadPool::dispatch(std::int64_t n, std::int64_t grain, Trampoline call, void* fn) {
    if (n <= 0) {
        return;
    }
    const int parts = int(
        std::min<std::int64_t>(threads(), std::max<std::int64_t>(1, n / std::max<std::int64_t>(grain, 1))));
    if (parts <= 1) {
        call(fn, 0, n);
        return;
    }
    m_call = call;
    m_fn = fn;
    m_n = n;
    m_chunk = (n + parts - 1) / parts;
    m_pending.store(threads() - 1);
    // seq_cst pairs with the worker's m_sleepers increment and generation check: either the worker sees
    // the new generation before sleeping, or this sees it asleep and wakes it.
    m_generation.fetch_add(1);
    if (m_sleepers.load() > 0) {
        {
            std::lock_guard lock(m_mutex); // the worker is then inside wait(), not between check and wait
        }
        m_wake.notify_all();
    }
    runChunk(0);
    if (!spinUntil([this] { return m_pending.load(std::memory_order_acquire) == 0; })) {
        std::unique_lock lock(m_mutex);
        m_done.wait(lock, [this] { return m_pending.load(std::memory_order_acquire) == 0; });
    }
}

void ThreadPool::workerLoop(int index) {
    std::uint64_t seen = 0;
    for (;;) {
        auto ready = [&] { return m_stop.load() || m_generation.load() != seen; };
        if (!spinUntil(ready)) {
            std::unique_lock lock(m_mutex);
            m_sleepers.fetch_add(1);
            m_wake.wait(lock, ready);
            m_sleepers.fetch_sub(1);
        }
        if (m_stop.load()) {
            return;
        }
        seen = m_generation.load(std::memory_order_acquire);
        runChunk(index);
        if (m_pending.fetch_sub(1, std::memory_order_acq_rel) == 1) {
            {
                std::lock_guard lock(m_mutex); // the caller is then inside wait() or has not checked yet
            }
            m_done.notify_one();
        }
    }
}

} // namespace tessera::exec
