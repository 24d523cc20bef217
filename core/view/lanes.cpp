#include "view/lanes.h"

#include <algorithm>

namespace coroscope {

static_assert(sizeof(LaneSegment) <= 24, "a lane segment stays 24 bytes");

Lanes::Lanes(const Timeline& timeline, std::size_t tasks) {
    std::vector<std::size_t>& offsets = lanes_.offsets;
    offsets.assign(tasks + 1, 0);
    lanes_.items.resize(timeline.segments.size());
    // A counting sort by task: each lane's slot is known from its counts, and the timeline's
    // order (by start) is each task's own. (In version 1 a segment's place is its step index;
    // version 2 has steps without a row and steps with two, queued first.)
    for (const Segment& s : timeline.segments)
        ++offsets[s.task + 1];
    for (std::size_t t = 0; t < tasks; ++t)
        offsets[t + 1] += offsets[t];
    std::vector<std::size_t> next(offsets.begin(), offsets.end() - 1);
    for (const Segment& s : timeline.segments)
        lanes_.items[next[s.task]++] = {s.start, s.end, s.kind, s.queued, std::uint32_t(s.step)};
}

LaneStep Lanes::laneStep(std::size_t task, std::size_t i) const {
    const LaneSegment& s = lane(task)[i];
    return {s.step, s.queued};
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
