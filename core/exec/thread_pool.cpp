#include "core/exec/thread_pool.h"

#include <algorithm>

namespace tessera::exec {

ThreadPool::ThreadPool(int threads) {
    for (int i = 1; i < std::max(threads, 1); ++i) {
        m_workers.emplace_back([this, i] { workerLoop(i); });
    }
}

ThreadPool::~ThreadPool() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
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
    {
        std::lock_guard lock(m_mutex);
        m_call = call;
        m_fn = fn;
        m_n = n;
        m_chunk = (n + parts - 1) / parts;
        m_pending = threads() - 1;
        ++m_generation;
    }
    m_wake.notify_all();
    runChunk(0);
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [this] { return m_pending == 0; });
}

void ThreadPool::workerLoop(int index) {
    std::uint64_t seen = 0;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stop || m_generation != seen; });
            if (m_stop) {
                return;
            }
            seen = m_generation;
        }
        runChunk(index);
        {
            std::lock_guard lock(m_mutex);
            if (--m_pending == 0) {
                m_done.notify_one();
            }
        }
    }
}

} // namespace tessera::exec
