#pragma once

// The same tasks run the blocking way, for comparison with the event loop: every wait holds
// the CPU as a blocking call does, so the tasks run one after another in scenario order and
// the run lasts as long as all its steps together (Figures::sequentialMs).

#include "scenario.h"
#include "timeline.h"

namespace coroscope {

// Each task's steps back to back, each task starting when the one before it ends; the
// segments keep their kinds (a wait is still a wait, only now nothing else runs meanwhile).
Timeline blockingTimeline(const Scenario& scenario);

} // namespace coroscope
