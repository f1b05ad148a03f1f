#include "core/exec/allocator.h"

#include <new>

namespace tessera::exec {
namespace {

class HeapAllocator final : public Allocator {
public:
    void* allocate(std::size_t bytes) override {
        return ::operator new(bytes == 0 ? kAlignment : bytes, std::align_val_t(kAlignment));
    }
    void deallocate(void* p, std::size_t) override { ::operator delete(p, std::align_val_t(kAlignment)); }
};

} // namespace

Allocator& defaultAllocator() {
    static HeapAllocator heap;
    return heap;
}

void* CountingAllocator::allocate(std::size_t bytes) {
    void* p = m_inner.allocate(bytes);
    const std::size_t now = m_inUse += bytes;
    std::size_t peak = m_peak.load();
    while (now > peak && !m_peak.compare_exchange_weak(peak, now)) {
    }
    return p;
}

void CountingAllocator::deallocate(void* p, std::size_t bytes) {
    m_inUse -= bytes;
    m_inner.deallocate(p, bytes);
}

} // namespace tessera::exec
