#pragma once
// Cancellation and progress for long core operations; both are supplied by the caller (CLI, UI, node).

#include <atomic>
#include <functional>
#include <string_view>

namespace tessera {

// Shared by a worker and whoever may cancel it; the worker polls stopRequested().
class StopToken {
public:
    void requestStop() { m_stop.store(true, std::memory_order_relaxed); }
    bool stopRequested() const { return m_stop.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_stop{false};
};

// fraction in [0,1]; stage names the current step ("shape inference", "folding constants", ...).
using ProgressFn = std::function<void(double fraction, std::string_view stage)>;

} // namespace tessera
