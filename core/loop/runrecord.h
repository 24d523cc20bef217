#pragma once

// A whole run recorded in one pass: its segments and the loop's decisions, and what the
// command line prints of the decisions.

#include "loop/loopevent.h"
#include "loop/timeline.h"
#include "model/scenario.h"

#include <cstdint>
#include <iosfwd>
#include <vector>

namespace coroscope {

struct Run {
    Timeline timeline;
    std::vector<LoopEvent> events; // in report order
};

// Runs a (valid) scenario to the end.
Run simulateRun(const Scenario& scenario);
// Only the decisions, in report order.
std::vector<LoopEvent> simulateLoopEvents(const Scenario& scenario);

// Where a task's life went: in steps of each kind (running cpu, waiting on I/O, on HTTP, on
// the scenario's own kinds), ready but not running (in the queue while another task holds the
// loop), and when it left.
struct TaskTotals {
    std::vector<std::int64_t> kindMs; // by StepKind
    std::int64_t readyMs = 0;
    std::int64_t finishMs = 0;
    friend bool operator==(const TaskTotals&, const TaskTotals&) = default;
};
std::vector<TaskTotals> taskTotals(const Run& run, const Scenario& scenario);

// The distinct times at which the loop decides something, in order: where stepping stops.
std::vector<std::int64_t> eventTimes(const std::vector<LoopEvent>& events);

// The --print-events contract: header time_ms,event,task, one row per decision, task names
// quoted as in --print-timeline, empty for idle.
void writeLoopEventsCsv(std::ostream& out, const Scenario& scenario,
                        const std::vector<LoopEvent>& events);

} // namespace coroscope
