#pragma once

// The same tasks run the blocking way, for comparison with the event loop: every wait holds
// the CPU as a blocking call does, so the tasks run one after another in scenario order and
// the run lasts as long as all its steps together (Figures::sequentialMs).

#include "loop/figures.h"
#include "loop/timeline.h"
#include "model/scenario.h"

#include <cstdint>

namespace coroscope {

// Each task's steps back to back, each task starting when the one before it ends; the
// segments keep their kinds (a wait is still a wait, only now nothing else runs meanwhile).
// Version 2: the top-level tasks by start time (then scenario order), none before its start;
// a thread step holds the CPU too, a spawn runs the child to its end right there, a join
// takes no time, nobody queues for a slot.
Timeline blockingTimeline(const Scenario& scenario);

// How much of the time axis a run needs: its makespan, or compared with the blocking run the
// longer of the two (both cards share one axis).
std::int64_t axisSpanMs(const Figures& figures, bool comparing);

} // namespace coroscope
