#pragma once

// Sorted, disjoint [start, end) intervals (a task's segments, its ready stretches, the loop's
// holds): which overlap a time range, by binary search; and per-task slices of one flat array.

#include <algorithm>
#include <cstddef>
#include <span>
#include <utility>
#include <vector>

namespace coroscope {

// The index of the first interval that ends after fromMs, and one past the last that starts
// before toMs: those overlapping [fromMs, toMs). Ends are sorted too, the intervals being
// disjoint.
template <typename Interval>
std::pair<std::size_t, std::size_t> overlappingIntervals(std::span<const Interval> sorted,
                                                         double fromMs, double toMs) {
    const auto first = std::partition_point(
        sorted.begin(), sorted.end(), [&](const Interval& i) { return double(i.end) <= fromMs; });
    const auto last = std::partition_point(
        first, sorted.end(), [&](const Interval& i) { return double(i.start) < toMs; });
    return {std::size_t(first - sorted.begin()), std::size_t(last - sorted.begin())};
}

// Items grouped by task in one array: a task's items are the slice its offsets mark.
template <typename Item> struct PerTask {
    std::vector<std::size_t> offsets; // tasks + 1 entries into items
    std::vector<Item> items;

    std::size_t tasks() const { return offsets.empty() ? 0 : offsets.size() - 1; }
    std::span<const Item> of(std::size_t task) const {
        if (task >= tasks())
            return {};
        return {items.data() + offsets[task], offsets[task + 1] - offsets[task]};
    }
};

} // namespace coroscope
