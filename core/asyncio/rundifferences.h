#pragma once

// How a run measured under real asyncio differs from the model's schedule, task by task: the
// window lists it, largest first, beside the two timelines drawn one over the other.

#include "asyncio/measuredrun.h"
#include "asyncio/taskmatch.h"
#include "loop/runrecord.h"
#include "view/lanes.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace coroscope {

struct TaskDifference {
    std::size_t task = 0; // the model's
    // The step whose measured start is furthest from the model's, and by how much (measured
    // minus model: positive when it started later).
    std::size_t step = 0;
    double startShiftMs = 0;
    // When the model's task is done: its last wait's end and then, the loop busy, later.
    double modelFinishMs = 0;
    double measuredFinishMs = 0; // the end of its last measured one (a wait's: its await's return)
    // How long its awaits returned after their waits' nominal ends, in all: ready, waiting for
    // the loop.
    double lateMs = 0;

    double finishShiftMs() const { return measuredFinishMs - modelFinishMs; }
    // What the list is sorted by: the larger of the two shifts.
    double size() const { return std::max(std::abs(startShiftMs), std::abs(finishShiftMs())); }
};

// totals: the model's, per task (see taskTotals); matches: per model task, its measured task
// (see matchTasks). A model task matched to none has no difference; within a matched pair,
// steps are compared by position, and only the steps both have (a pair with no step in both is
// left out). Largest first; equal ones in task order.
std::vector<TaskDifference> compareRuns(const Lanes& model, const std::vector<TaskTotals>& totals,
                                        const MeasuredRun& measured, const TaskMatches& matches);

} // namespace coroscope
