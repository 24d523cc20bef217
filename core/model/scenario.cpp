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

int formatVersion(const Scenario& scenario) {
    const KindTable& builtins = builtinKinds();
    bool plain = scenario.threads == kDefaultThreads && scenario.kinds.size() == builtins.size();
    for (std::size_t k = 0; plain && k < builtins.size(); ++k)
        plain = scenario.kinds[StepKind{std::uint16_t(k)}] == builtins[StepKind{std::uint16_t(k)}];
    for (std::size_t t = 0; plain && t < scenario.tasks.size(); ++t)
        plain = scenario.tasks[t].startMs == 0;
    return plain ? 1 : 2;
}

std::vector<bool> spawnedTasks(const Scenario& scenario) {
    std::vector<bool> spawned(scenario.tasks.size(), false);
    const std::optional<StepKind> spawn = scenario.kinds.find(KindBehaviour::Spawn);
    if (!spawn)
        return spawned;
    for (const Task& task : scenario.tasks)
        for (const Step& step : task.steps)
            if (step.kind == *spawn && !step.tasks.empty() && step.tasks[0] < spawned.size())
                spawned[step.tasks[0]] = true;
    return spawned;
}

} // namespace coroscope
