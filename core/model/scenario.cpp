#include "model/scenario.h"

#include "model/usertext.h"

namespace coroscope {

std::string describePlace(const Scenario& scenario, std::size_t task, std::size_t step) {
    if (task == 0)
        return "scenario";
    std::string place = "task " + std::to_string(task);
    if (task <= scenario.tasks.size() && !scenario.tasks[task - 1].name.empty())
        place += " \"" + shortened(scenario.tasks[task - 1].name) + "\"";
    if (step != 0)
        place += ", step " + std::to_string(step);
    return place;
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
