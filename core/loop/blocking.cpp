#include "loop/blocking.h"

#include <algorithm>

namespace coroscope {

Timeline blockingTimeline(const Scenario& scenario) {
    Timeline timeline;
    timeline.segments.reserve(totalSteps(scenario));
    std::int64_t now = 0;
    for (std::size_t task = 0; task < scenario.tasks.size(); ++task) {
        const std::vector<Step>& steps = scenario.tasks[task].steps;
        for (std::size_t step = 0; step < steps.size(); ++step) {
            timeline.segments.push_back({task, step, steps[step].kind, now, now + steps[step].ms});
            now += steps[step].ms;
        }
    }
    timeline.makespanMs = now;
    return timeline;
}

std::int64_t axisSpanMs(const Figures& figures, bool comparing) {
    return comparing ? std::max(figures.makespanMs, figures.sequentialMs) : figures.makespanMs;
}

} // namespace coroscope
