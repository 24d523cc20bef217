#pragma once

// How a run measured under real asyncio differs from the model's schedule, task by task: the
// window lists it, largest first, beside the two timelines drawn one over the other.

#include "lanes.h"
#include "measuredrun.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace coroscope {

struct TaskDifference {
    std::size_t task = 0;
    // The step whose measured start is furthest from the model's, and by how much (measured
    // minus model: positive when it started later).
    std::size_t step = 0;
    double startShiftMs = 0;
    double modelFinishMs = 0;    // the end of its last segment in the model
    double measuredFinishMs = 0; // the end of its last measured one (a wait's: its await's return)
    // How long its awaits returned after their waits' nominal ends, in all: ready, waiting for
    // the loop.
    double lateMs = 0;

    double finishShiftMs() const { return measuredFinishMs - modelFinishMs; }
    // What the list is sorted by: the larger of the two shifts.
    double size() const { return std::max(std::abs(startShiftMs), std::abs(finishShiftMs())); }
};

// Tasks and steps are matched by position: an edited model may have more or fewer of either,
// and only what both have is compared (a task with no step in both is left out). Largest first;
// equal ones in task order.
std::vector<TaskDifference> compareRuns(const Lanes& model, const MeasuredRun& measured);

} // namespace coroscope
