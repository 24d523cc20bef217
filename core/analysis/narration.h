#pragma once

// The Event Log's sentences of a run: narrate's, and for a recording's run, each wait named by
// what the recorded program awaited and where ("`client.get(url)` at app.py:41").

#include "asyncio/measuredrun.h"
#include "explain/explain.h"
#include "loop/loopevent.h"
#include "model/scenario.h"

#include <span>
#include <vector>

namespace coroscope {

// measured: the recording's run, or null. The model's tasks go with the measured ones as
// matchTasks says (the scenario may have been edited since), steps by position.
std::vector<LogLine> narrateRun(const Scenario& scenario, std::span<const LoopEvent> events,
                                const MeasuredRun* measured);

} // namespace coroscope
