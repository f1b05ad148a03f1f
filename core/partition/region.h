#pragma once
// Rectangular regions of a tensor: one half-open range per axis. The geometry of every partition scheme
// (tiles, channel slices, border strips) is expressed with them.

#include <cstdint>
#include <string>
#include <vector>

#include "core/model/tensor.h"

namespace tessera::partition {

struct Range {
    std::int64_t begin = 0, end = 0; // [begin, end)
    std::int64_t size() const { return end > begin ? end - begin : 0; }
    bool empty() const { return end <= begin; }
    bool operator==(const Range&) const = default;
};

struct Region {
    std::vector<Range> axes; // one per axis of the value's shape; no axes = a scalar (one element)

    static Region full(const model::Shape& shape);
    // True when any axis is empty.
    bool empty() const;
    std::int64_t elements() const; // 0 when empty
    std::size_t rank() const { return axes.size(); }
    Range& operator[](std::size_t axis) { return axes[axis]; }
    const Range& operator[](std::size_t axis) const { return axes[axis]; }
    model::Shape shape() const; // extents per axis
    bool operator==(const Region&) const = default;
    // "[0:1, 32:64, 0:38, 8:16]"
    std::string toString() const;
};

// Both regions must have the same rank. The intersection of disjoint regions is empty (an empty axis).
Region intersect(const Region& a, const Region& b);
// The smallest region containing both; an empty operand gives the other one.
Region hull(const Region& a, const Region& b);
// True when every element of `inner` is in `outer` (an empty inner is contained in anything).
bool contains(const Region& outer, const Region& inner);

// Cuts [0, extent) at the given interior positions (strictly increasing, each in (0, extent)): cuts.size()+1
// ranges. Returns an empty vector when the cuts are invalid.
std::vector<Range> rangesFromCuts(std::int64_t extent, const std::vector<std::int64_t>& cuts);
// Interior cut positions that split `extent` into `parts` pieces as DeepThings does: step ceil(extent/parts),
// the last piece takes the remainder (38 in 5 parts: 8,8,8,8,6). `parts` is clamped to [1, extent].
std::vector<std::int64_t> uniformCuts(std::int64_t extent, int parts);
// Interior cut positions that give each part a share of `extent` proportional to `weights` (largest
// remainder rounding; cuts fall on multiples of `granule` and every part gets at least one granule when there
// are enough; otherwise fewer cuts come back). Used for heterogeneous channel shares.
std::vector<std::int64_t> proportionalCuts(std::int64_t extent, const std::vector<double>& weights,
                                           std::int64_t granule = 1);

} // namespace tessera::partition
