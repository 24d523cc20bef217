#include "model/scenario.h"

#include "model/usertext.h"

#include <algorithm>

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
    bool arrivals = false;
    for (const Task& task : scenario.tasks) {
        arrivals |= task.startMs > 0;
        for (const Step& step : task.steps)
            sum += step.ms; // 0 for spawn and join
    }
    if (!arrivals)
        return sum;
    // Each top-level task runs with its spawned tasks, in order of arrival, none before it
    // arrives (the blocking run of loop/blocking.h).
    std::vector<std::int64_t> own(scenario.tasks.size(), 0);
    for (std::size_t t = 0; t < scenario.tasks.size(); ++t)
        for (const Step& step : scenario.tasks[t].steps)
            own[t] += step.ms;
    const std::vector<bool> spawned = spawnedTasks(scenario);
    std::vector<std::int64_t> subtree(own); // children have higher or lower indices: iterate
    std::vector<std::size_t> parent(scenario.tasks.size(), scenario.tasks.size());
    for (std::size_t t = 0; t < scenario.tasks.size(); ++t)
        for (const Step& step : scenario.tasks[t].steps)
            if (scenario.kinds.behaviour(step.kind) == KindBehaviour::Spawn)
                parent[step.tasks.front()] = t;
    for (std::size_t t = 0; t < scenario.tasks.size(); ++t)
        if (spawned[t]) // add the child's own time to the top-level task it runs under
            for (std::size_t up = parent[t]; up < scenario.tasks.size(); up = parent[up])
                if (!spawned[up]) {
                    subtree[up] += own[t];
                    break;
                }
    std::vector<std::pair<std::int64_t, std::size_t>> order;
    for (std::size_t t = 0; t < scenario.tasks.size(); ++t)
        if (!spawned[t])
            order.push_back({scenario.tasks[t].startMs, t});
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::int64_t now = 0;
    for (const auto& [start, t] : order)
        now = std::max(now, start) + subtree[t];
    return now;
}

std::size_t totalSteps(const Scenario& scenario) {
    std::size_t n = 0;
    for (const Task& task : scenario.tasks)
        n += task.steps.size();
    return n;
}

int formatVersion(const Scenario& scenario) {
    if (scenario.threads != kDefaultThreads)
        return 2;
    const KindTable& builtins = builtinKinds();
    bool structural = false; // thread, spawn or join in the table: a step may use them
    for (StepKind kind : scenario.kinds.all()) {
        if (kind.index < builtins.size()) {
            if (!(scenario.kinds[kind] == builtins[kind]))
                return 2;
        } else if (scenario.kinds.isResource(kind)) {
            return 2;
        } else {
            structural = true;
        }
    }
    for (const Task& task : scenario.tasks) {
        if (task.startMs != 0)
            return 2;
        // A structural kind the table keeps but no step uses does not need version 2.
        for (std::size_t s = 0; structural && s < task.steps.size(); ++s)
            if (task.steps[s].kind.index >= builtins.size())
                return 2;
    }
    return 1;
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
