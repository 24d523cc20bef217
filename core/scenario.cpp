#include "scenario.h"

namespace coroscope {

std::string describePlace(const Scenario& scenario, std::size_t task, std::size_t step) {
    if (task == 0)
        return "scenario";
    std::string place = "task " + std::to_string(task);
    if (task <= scenario.tasks.size() && !scenario.tasks[task - 1].name.empty())
        place += " \"" + scenario.tasks[task - 1].name + "\"";
    if (step != 0)
        place += ", step " + std::to_string(step);
    return place;
}

std::string durationRangeRule() {
    return "outside " + std::to_string(kMinStepMs) + ".." + std::to_string(kMaxStepMs) + " ms";
}

namespace {

ScenarioError errorAt(const Scenario& scenario, std::size_t task, std::size_t step,
                      const std::string& rule) {
    return {task, step, describePlace(scenario, task, step) + ": " + rule};
}

std::optional<ScenarioError> validateTask(const Scenario& scenario, std::size_t t) {
    const Task& task = scenario.tasks[t - 1];
    if (task.name.empty())
        return errorAt(scenario, t, 0, "the name is empty");
    if (task.name.size() > kMaxNameBytes)
        return errorAt(scenario, t, 0,
                       "the name is longer than " + std::to_string(kMaxNameBytes) + " bytes");
    if (task.steps.empty())
        return errorAt(scenario, t, 0, "a task needs at least one step");
    if (task.steps.size() > kMaxStepsPerTask)
        return errorAt(scenario, t, 0,
                       "has " + std::to_string(task.steps.size()) + " steps, more than the " +
                           std::to_string(kMaxStepsPerTask) + " allowed");
    for (std::size_t s = 1; s <= task.steps.size(); ++s) {
        const std::int64_t ms = task.steps[s - 1].ms;
        if (ms < kMinStepMs || ms > kMaxStepMs)
            return errorAt(scenario, t, s,
                           "duration " + std::to_string(ms) + " ms is " + durationRangeRule());
    }
    return std::nullopt;
}

} // namespace

std::optional<ScenarioError> validateScenario(const Scenario& scenario) {
    if (scenario.title.size() > kMaxTitleBytes || scenario.subtitle.size() > kMaxTitleBytes)
        return errorAt(scenario, 0, 0,
                       "the title and subtitle may hold at most " + std::to_string(kMaxTitleBytes) +
                           " bytes each");
    if (scenario.tasks.empty())
        return errorAt(scenario, 0, 0, "there are no tasks; a scenario needs at least one");
    if (scenario.tasks.size() > kMaxTasks)
        return errorAt(scenario, 0, 0,
                       "has " + std::to_string(scenario.tasks.size()) + " tasks, more than the " +
                           std::to_string(kMaxTasks) + " allowed");
    std::size_t total = 0;
    for (std::size_t t = 1; t <= scenario.tasks.size(); ++t) {
        if (auto error = validateTask(scenario, t))
            return error;
        total += scenario.tasks[t - 1].steps.size();
        if (total > kMaxTotalSteps)
            return errorAt(scenario, t, 0,
                           "brings the scenario past the " + std::to_string(kMaxTotalSteps) +
                               " steps allowed in all");
    }
    return std::nullopt;
}

std::int64_t sequentialMs(const Scenario& scenario) {
    std::int64_t sum = 0;
    for (const Task& task : scenario.tasks)
        for (const Step& step : task.steps)
            sum += step.ms;
    return sum;
}

std::size_t totalSteps(const Scenario& scenario) {
    std::size_t n = 0;
    for (const Task& task : scenario.tasks)
        n += task.steps.size();
    return n;
}

} // namespace coroscope
