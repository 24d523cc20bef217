#include "view/lanes.h"

#include <algorithm>

namespace coroscope {

Lanes::Lanes(const Timeline& timeline, std::size_t tasks) {
    std::vector<std::size_t>& offsets = lanes_.offsets;
    offsets.assign(tasks + 1, 0);
    lanes_.items.resize(timeline.segments.size());
    // A counting sort by task: the timeline holds one segment per step, so each lane's slot
    // is known from its counts, and a segment's place in it is its step index.
    for (const Segment& s : timeline.segments)
        ++offsets[s.task + 1];
    for (std::size_t t = 0; t < tasks; ++t)
        offsets[t + 1] += offsets[t];
    for (const Segment& s : timeline.segments)
        lanes_.items[offsets[s.task] + s.step] = {s.start, s.end, s.kind};
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
