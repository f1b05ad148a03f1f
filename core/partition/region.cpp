#include "core/partition/region.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tessera::partition {

Region Region::full(const model::Shape& shape) {
    Region r;
    for (auto extent : shape) {
        r.axes.push_back({0, extent});
    }
    return r;
}

bool Region::empty() const {
    return std::any_of(axes.begin(), axes.end(), [](const Range& a) { return a.empty(); });
}

std::int64_t Region::elements() const {
    if (empty()) {
        return 0;
    }
    std::int64_t n = 1;
    for (const auto& a : axes) {
        n *= a.size();
    }
    return n;
}

model::Shape Region::shape() const {
    model::Shape s;
    for (const auto& a : axes) {
        s.push_back(a.size());
    }
    return s;
}

std::string Region::toString() const {
    std::string s = "[";
    for (std::size_t i = 0; i < axes.size(); ++i) {
        s += (i ? ", " : "") + std::to_string(axes[i].begin) + ":" + std::to_string(axes[i].end);
    }
    return s + "]";
}

Region intersect(const Region& a, const Region& b) {
    Region r = a;
    for (std::size_t i = 0; i < r.axes.size(); ++i) {
        r[i].begin = std::max(a[i].begin, b[i].begin);
        r[i].end = std::max(r[i].begin, std::min(a[i].end, b[i].end));
    }
    return r;
}

Region hull(const Region& a, const Region& b) {
    if (a.empty()) {
        return b;
    }
    if (b.empty()) {
        return a;
    }
    Region r = a;
    for (std::size_t i = 0; i < r.axes.size(); ++i) {
        r[i].begin = std::min(a[i].begin, b[i].begin);
        r[i].end = std::max(a[i].end, b[i].end);
    }
    return r;
}

bool contains(const Region& outer, const Region& inner) {
    if (inner.empty()) {
        return true;
    }
    if (outer.rank() != inner.rank()) {
        return false;
    }
    for (std::size_t i = 0; i < inner.axes.size(); ++i) {
        if (inner[i].begin < outer[i].begin || inner[i].end > outer[i].end) {
            return false;
        }
    }
    return true;
}

std::vector<Range> rangesFromCuts(std::int64_t extent, const std::vector<std::int64_t>& cuts) {
    std::vector<Range> ranges;
    std::int64_t begin = 0;
    for (auto cut : cuts) {
        if (cut <= begin || cut >= extent) {
            return {};
        }
        ranges.push_back({begin, cut});
        begin = cut;
    }
    if (extent <= begin) {
        return {};
    }
    ranges.push_back({begin, extent});
    return ranges;
}

std::vector<std::int64_t> uniformCuts(std::int64_t extent, int parts) {
    parts = int(std::clamp<std::int64_t>(parts, 1, std::max<std::int64_t>(extent, 1)));
    const std::int64_t step = (extent + parts - 1) / parts;
    std::vector<std::int64_t> cuts;
    for (std::int64_t cut = step; cut < extent && std::int64_t(cuts.size()) + 1 < parts; cut += step) {
        cuts.push_back(cut);
    }
    return cuts;
}

std::vector<std::int64_t> proportionalCuts(std::int64_t extent, const std::vector<double>& weights,
                                           std::int64_t granule) {
    granule = std::max<std::int64_t>(granule, 1);
    const std::int64_t units = extent / granule; // the last part also takes extent % granule
    const std::size_t parts = weights.size();
    if (parts <= 1 || units <= 0) {
        return {};
    }
    double total = 0;
    for (double w : weights) {
        total += std::max(w, 0.0);
    }
    // largest remainder: floor of each exact share, the units left to the largest fractions
    std::vector<std::int64_t> share(parts);
    std::vector<std::pair<double, std::size_t>> fractions;
    std::int64_t given = 0;
    for (std::size_t i = 0; i < parts; ++i) {
        const double exact =
            total > 0 ? double(units) * std::max(weights[i], 0.0) / total : double(units) / double(parts);
        share[i] = std::int64_t(std::floor(exact));
        given += share[i];
        fractions.emplace_back(exact - double(share[i]), i);
    }
    std::stable_sort(fractions.begin(), fractions.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; given < units; ++k, ++given) {
        ++share[fractions[k % parts].second];
    }
    // every part at least one unit when there are enough: taken from the largest
    for (std::size_t i = 0; i < parts && units >= std::int64_t(parts); ++i) {
        if (share[i] == 0) {
            ++share[i];
            --*std::max_element(share.begin(), share.end());
        }
    }
    std::vector<std::int64_t> cuts;
    std::int64_t position = 0;
    for (std::size_t i = 0; i + 1 < parts; ++i) {
        position += share[i] * granule;
        if (position > (cuts.empty() ? 0 : cuts.back()) && position < extent) {
            cuts.push_back(position);
        }
    }
    return cuts;
}

} // namespace tessera::partition
