#pragma once

// What a run means, in one call: everything the window, the exports and the command line show
// of a scenario's run (its segments per task, figures, where stepping stops, each task's
// totals, why tasks wait, the blocking run when comparing, the axis), computed together from
// one simulation. The bridge keeps the value and sends it on; it computes nothing itself.

#include "explain/explain.h"
#include "loop/figures.h"
#include "loop/loopevent.h"
#include "loop/runrecord.h"
#include "model/scenario.h"
#include "view/lanes.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace coroscope {

class MeasuredRun;

// What is asked besides the run itself.
struct AnalysisRequest {
    bool comparing = false;                           // the blocking run too, on the same axis
    std::shared_ptr<const MeasuredRun> measured = {}; // measured under asyncio, drawn over it
    bool explaining = true; // why tasks wait; without it the explanation is null
};

struct RunAnalysis {
    Figures figures;
    // The distinct times at which the loop decides something: where stepping stops.
    std::vector<std::int64_t> eventTimes;
    std::vector<TaskTotals> taskTotals; // in scenario order
    std::shared_ptr<const Lanes> lanes = std::make_shared<const Lanes>();
    // The loop's decisions in report order (for the event log).
    std::shared_ptr<const std::vector<LoopEvent>> events =
        std::make_shared<const std::vector<LoopEvent>>();
    std::shared_ptr<const Explanation> explanation; // null unless explaining
    std::shared_ptr<const Lanes> blocking;          // null unless comparing
    double axisEnd = 1000;                          // the time axis' fitted end
};

// A valid scenario's run, analysed.
RunAnalysis analyseRun(const Scenario& scenario, const AnalysisRequest& request);

// The fitted end of the axis that shows a run with these figures: its makespan, the blocking
// run's too when comparing, and a measured run's end. What analyseRun gives, for callers that
// need only the axis (the command line checks --from against it).
double shownAxisEnd(const Figures& figures, const AnalysisRequest& request);

} // namespace coroscope
