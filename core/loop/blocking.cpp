#include "loop/blocking.h"

#include <algorithm>

namespace coroscope {

namespace {

// Runs a task to its end from now: a spawn runs the child right there, a join takes no time.
void runBlocking(const Scenario& scenario, std::size_t task, std::int64_t& now,
                 Timeline& timeline) {
    const std::vector<Step>& steps = scenario.tasks[task].steps;
    for (std::size_t step = 0; step < steps.size(); ++step) {
        const Step& s = steps[step];
        switch (scenario.kinds.behaviour(s.kind)) {
        case KindBehaviour::Spawn:
            runBlocking(scenario, s.tasks.front(), now, timeline);
            break;
        case KindBehaviour::Join:
            break;
        default:
            timeline.segments.push_back({task, step, s.kind, now, now + s.ms});
            now += s.ms;
        }
    }
}

} // namespace

Timeline blockingTimeline(const Scenario& scenario) {
    Timeline timeline;
    timeline.segments.reserve(totalSteps(scenario));
    // The top-level tasks by start time, then in scenario order, none before its start.
    const std::vector<bool> spawned = spawnedTasks(scenario);
    std::vector<std::size_t> order;
    for (std::size_t task = 0; task < scenario.tasks.size(); ++task)
        if (!spawned[task])
            order.push_back(task);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return scenario.tasks[a].startMs < scenario.tasks[b].startMs;
    });
    std::int64_t now = 0;
    for (std::size_t task : order) {
        now = std::max(now, scenario.tasks[task].startMs);
        runBlocking(scenario, task, now, timeline);
    }
    timeline.makespanMs = now;
    return timeline;
}

std::int64_t axisSpanMs(const Figures& figures, bool comparing) {
    return comparing ? std::max(figures.makespanMs, figures.sequentialMs) : figures.makespanMs;
}

} // namespace coroscope
