#include "lanes.h"

#include <algorithm>

namespace coroscope {

Lanes::Lanes(const Timeline& timeline, std::size_t tasks)
    : offsets_(tasks + 1, 0)
    , segments_(timeline.segments.size()) {
    // A counting sort by task: the timeline holds one segment per step, so each lane's slot
    // is known from its counts, and a segment's place in it is its step index.
    for (const Segment& s : timeline.segments)
        ++offsets_[s.task + 1];
    for (std::size_t t = 0; t < tasks; ++t)
        offsets_[t + 1] += offsets_[t];
    for (const Segment& s : timeline.segments)
        segments_[offsets_[s.task] + s.step] = {s.start, s.end, s.kind};
}

std::span<const LaneSegment> Lanes::lane(std::size_t task) const {
    if (task >= tasks())
        return {};
    return {segments_.data() + offsets_[task], offsets_[task + 1] - offsets_[task]};
}

std::pair<std::size_t, std::size_t> Lanes::overlapping(std::size_t task, double fromMs,
                                                       double toMs) const {
    const std::span<const LaneSegment> segments = lane(task);
    const auto first = std::partition_point(segments.begin(), segments.end(),
                                            [&](const LaneSegment& s) { return s.end <= fromMs; });
    const auto last = std::partition_point(first, segments.end(),
                                           [&](const LaneSegment& s) { return s.start < toMs; });
    return {std::size_t(first - segments.begin()), std::size_t(last - segments.begin())};
}

std::ptrdiff_t Lanes::stepAt(std::size_t task, double ms) const {
    const std::span<const LaneSegment> segments = lane(task);
    const auto it = std::partition_point(segments.begin(), segments.end(),
                                         [&](const LaneSegment& s) { return s.end <= ms; });
    if (it != segments.end() && it->start <= ms)
        return it - segments.begin();
    return -1;
}

} // namespace coroscope
