#pragma once

// A finished schedule laid out per task, for drawing and pointing: each task's segments in
// step order. A task runs its steps one after another, so within a task the segments never
// overlap and both their starts and their ends are sorted: the part of a lane inside any time
// range is found by binary search, whatever the run's size.

#include "loop/timeline.h"
#include "model/stepkind.h"
#include "view/intervals.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace coroscope {

// 24 bytes, as without the last two fields: a million of them are what a big run holds.
struct LaneSegment {
    std::int64_t start = 0;
    std::int64_t end = 0;
    StepKind kind = StepKind::Cpu;
    bool queued = false;    // the time the step queued for a slot or a worker (Segment::queued)
    std::uint32_t step = 0; // the task's step it belongs to (a version 2 lane skips spawns)
    friend bool operator==(const LaneSegment&, const LaneSegment&) = default;
};

// The step a segment belongs to, and whether it is the time that step queued for a slot or a
// worker before it began.
struct LaneStep {
    std::size_t step = 0;
    bool queued = false;
    friend bool operator==(const LaneStep&, const LaneStep&) = default;
};

class Lanes {
public:
    Lanes() = default;
    // tasks: the scenario's task count (a task with no segments gets an empty lane).
    Lanes(const Timeline& timeline, std::size_t tasks);

    std::size_t tasks() const { return lanes_.tasks(); }
    std::size_t segmentCount() const { return lanes_.items.size(); }
    // A task's segments in time order; index i is its step i in version 1 (a version 2 task
    // has steps without a row, and steps with a queued row before their own).
    std::span<const LaneSegment> lane(std::size_t task) const { return lanes_.of(task); }
    // The index of the first of a task's segments that ends after fromMs, and one past the
    // last that starts before toMs: the segments overlapping [fromMs, toMs).
    std::pair<std::size_t, std::size_t> overlapping(std::size_t task, double fromMs,
                                                    double toMs) const {
        return overlappingIntervals(lane(task), fromMs, toMs);
    }
    // The index in its lane of the segment a task runs or waits in at a time (start ≤ ms <
    // end), or -1.
    std::ptrdiff_t stepAt(std::size_t task, double ms) const;
    // The step of a task's segment i (an index into lane(task)), as the segment holds it.
    LaneStep laneStep(std::size_t task, std::size_t i) const;

private:
    PerTask<LaneSegment> lanes_;
};

} // namespace coroscope
