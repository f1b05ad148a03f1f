#pragma once
// Internal to ilp.cpp: an exact branch and bound for the memory objective alone (the least max over devices
// of memory(d) - offset(d), problem.h, within per-device limits), in integer bytes.
//
// Why not only the integer program: its LP relaxation spreads an option that puts a whole layer on one device
// over all devices in fractions, so each device sees a fraction of that layer's arena and weights, and the
// bound stays put while GLPK branches (VGG-16 on 6 devices: 4.9% gap after 60 s). Here a partial choice
// keeps every device's exact weights and arena, so a bound such as "whichever option covers unit u, it lands
// on a device that already holds this much" is sharp once the heavy layers are placed, and the search visits
// hundreds of thousands of partial choices per second.
//
// The search picks the option of one uncovered unit at a time, heaviest units first (the fully connected
// layers decide the balance, the small layers only fill it), options in order of the device memory they
// leave. A partial choice is dropped when a lower bound on every completion is not below the best plan found:
//   - the largest memory(d) - offset(d) so far (weights only add up, the arena only grows),
//   - per uncovered unit, the least over the options that can still cover it of the largest
//     memory(d) - offset(d) with that option added,
//   - the average over the devices, with each uncovered unit's least share of weights (an option's total
//     weight divided by the units it covers).
// Options are also dropped when another option over the same units is no bigger on any device: in weights
// and arena before the search (dominatedOptions), in weights and in the arena it would leave during it
// (every completion of the dominated option is at least as big on every device with the other one). Neither
// changes the optimum: a plan holding the dominated option turns into one at most as big on every device.

#include <chrono>
#include <cstdint>
#include <functional>
#include <vector>

#include "core/base/cancel.h"
#include "core/optimize/problem.h"

namespace tessera::optimize::detail {

struct MemorySearch {
    // The best choice found (option indices, unit order), empty when none keeps the limits.
    std::vector<int> chosen;
    std::int64_t objective = 0; // its max over devices of memory(d) - offset(d)
    // The search ran to its end: `chosen` is optimal, or no choice keeps the limits when it is empty.
    bool proven = false;
    // Lower bound on the optimum (= objective when proven); meaningful only when stopped with a choice.
    std::int64_t bound = 0;
    std::int64_t nodes = 0; // partial choices visited
};

// Per option: true when another option over the same units is no bigger in weights and arena on any device
// (of two identical ones, the later is dropped). Every choice holding a dominated option has a counterpart
// without it that is at most as big on every device.
std::vector<bool> dominatedOptions(const Problem& problem);

// `offset` and `limit` per device (empty: all zero / no limit; limits are on memory(d) itself). Stops at
// `deadline` or on `stop` with the best choice so far and a bound. `report` (may be empty) receives the best
// objective so far (INT64_MAX before the first plan) at every better plan and at most every 100 ms otherwise;
// an exception it throws ends the search and reaches the caller. The problem must be valid (checkProblem).
MemorySearch searchMemory(const Problem& problem, const std::vector<std::int64_t>& offset,
                          const std::vector<std::int64_t>& limit,
                          std::chrono::steady_clock::time_point deadline, const StopToken* stop,
                          const std::function<void(std::int64_t best)>& report = {});

} // namespace tessera::optimize::detail
