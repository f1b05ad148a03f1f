#pragma once
// Pluggable memory for sessions: the activation arena and the kernel workspace come from an Allocator.

#include <atomic>
#include <cstddef>

namespace tessera::exec {

class Allocator {
public:
    static constexpr std::size_t kAlignment = 64;
    virtual ~Allocator() = default;
    // Returns kAlignment-aligned memory of at least `bytes` (never null: throws std::bad_alloc).
    virtual void* allocate(std::size_t bytes) = 0;
    virtual void deallocate(void* p, std::size_t bytes) = 0;
};

// The process heap (aligned new/delete).
Allocator& defaultAllocator();

// Wraps another allocator and records the bytes in use and their peak (for tests and telemetry).
class CountingAllocator final : public Allocator {
public:
    explicit CountingAllocator(Allocator& inner = defaultAllocator())
        : m_inner(inner) {}
    void* allocate(std::size_t bytes) override;
    void deallocate(void* p, std::size_t bytes) override;
    std::size_t inUse() const { return m_inUse; }
    std::size_t peak() const { return m_peak; }

private:
    Allocator& m_inner;
    std::atomic<std::size_t> m_inUse{0};
    std::atomic<std::size_t> m_peak{0};
};

} // namespace tessera::exec
