#include "analysis/runanalysis.h"

#include "asyncio/measuredrun.h"
#include "loop/blocking.h"
#include "view/axis.h"

#include <algorithm>
#include <cmath>

namespace coroscope {

RunAnalysis analyseRun(const Scenario& scenario, const AnalysisRequest& request) {
    const std::size_t tasks = scenario.tasks.size();
    Run run = simulateRun(scenario);
    RunAnalysis analysis;
    analysis.figures = computeFigures(scenario, run.timeline, run.events);
    analysis.eventTimes = eventTimes(run.events);
    analysis.taskTotals = taskTotals(run, scenario);
    analysis.lanes = std::make_shared<const Lanes>(run.timeline, tasks);
    if (request.explaining)
        analysis.explanation = std::make_shared<const Explanation>(run.events, scenario);
    if (request.comparing)
        analysis.blocking = std::make_shared<const Lanes>(blockingTimeline(scenario), tasks);
    analysis.axisEnd = shownAxisEnd(analysis.figures, request);
    run.timeline = {}; // the lanes hold it now
    analysis.events = std::make_shared<const std::vector<LoopEvent>>(std::move(run.events));
    return analysis;
}

double shownAxisEnd(const Figures& figures, const AnalysisRequest& request) {
    std::int64_t shown = axisSpanMs(figures, request.comparing);
    if (request.measured) // a measured run may end later than the model's
        shown = std::max(shown, std::int64_t(std::ceil(request.measured->end())));
    return axisFor(shown).end;
}

} // namespace coroscope
