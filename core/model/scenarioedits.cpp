#include "model/scenarioedits.h"

#include <algorithm>
#include <unordered_set>

namespace coroscope {

namespace {

// Applies `renumber` to every task a spawn or join names (nothing to do without those kinds).
template <typename Renumber> void renumberReferences(Scenario& scenario, Renumber renumber) {
    const std::optional<StepKind> spawn = scenario.kinds.find(KindBehaviour::Spawn);
    const std::optional<StepKind> join = scenario.kinds.find(KindBehaviour::Join);
    if (!spawn && !join)
        return;
    for (Task& task : scenario.tasks)
        for (Step& step : task.steps)
            if (step.kind == spawn || step.kind == join)
                for (std::uint32_t& named : step.tasks)
                    named = renumber(named);
}

template <typename Renumber> void renumberKinds(Scenario& scenario, Renumber renumber) {
    for (Task& task : scenario.tasks)
        for (Step& step : task.steps)
            step.kind.index = renumber(step.kind.index);
}

} // namespace

void insertTask(Scenario& scenario, std::size_t at, Task task) {
    scenario.tasks.insert(scenario.tasks.begin() + std::ptrdiff_t(at), std::move(task));
    renumberReferences(scenario, [at](std::uint32_t t) { return t >= at ? t + 1 : t; });
}

Task eraseTask(Scenario& scenario, std::size_t t) {
    renumberReferences(scenario, [t](std::uint32_t u) { return u > t ? u - 1 : u; });
    Task erased = std::move(scenario.tasks[t]);
    scenario.tasks.erase(scenario.tasks.begin() + std::ptrdiff_t(t));
    return erased;
}

void relocateTask(Scenario& scenario, std::size_t from, std::size_t to) {
    Task task = std::move(scenario.tasks[from]);
    scenario.tasks.erase(scenario.tasks.begin() + std::ptrdiff_t(from));
    scenario.tasks.insert(scenario.tasks.begin() + std::ptrdiff_t(to), std::move(task));
    renumberReferences(scenario, [from, to](std::uint32_t t) -> std::uint32_t {
        if (t == from)
            return std::uint32_t(to);
        if (from < to && t > from && t <= to)
            return t - 1;
        if (to < from && t >= to && t < from)
            return t + 1;
        return t;
    });
}

std::vector<StepPlace> stepsNaming(const Scenario& scenario, std::uint32_t t) {
    const std::optional<StepKind> spawn = scenario.kinds.find(KindBehaviour::Spawn);
    const std::optional<StepKind> join = scenario.kinds.find(KindBehaviour::Join);
    std::vector<StepPlace> places;
    if (!spawn && !join)
        return places;
    for (std::size_t u = 0; u < scenario.tasks.size(); ++u) {
        const std::vector<Step>& steps = scenario.tasks[u].steps;
        for (std::size_t s = 0; s < steps.size(); ++s)
            if ((steps[s].kind == spawn || steps[s].kind == join) &&
                std::find(steps[s].tasks.begin(), steps[s].tasks.end(), t) != steps[s].tasks.end())
                places.push_back({u, s});
    }
    return places;
}

std::vector<StepPlace> stepsOfKind(const Scenario& scenario, StepKind kind) {
    std::vector<StepPlace> places;
    for (std::size_t t = 0; t < scenario.tasks.size(); ++t) {
        const std::vector<Step>& steps = scenario.tasks[t].steps;
        for (std::size_t s = 0; s < steps.size(); ++s)
            if (steps[s].kind == kind)
                places.push_back({t, s});
    }
    return places;
}

std::vector<std::int64_t> spawnerOf(const Scenario& scenario) {
    std::vector<std::int64_t> spawner(scenario.tasks.size(), -1);
    const std::optional<StepKind> spawn = scenario.kinds.find(KindBehaviour::Spawn);
    if (!spawn)
        return spawner;
    for (std::size_t t = 0; t < scenario.tasks.size(); ++t)
        for (const Step& step : scenario.tasks[t].steps)
            if (step.kind == *spawn && !step.tasks.empty() && step.tasks[0] < spawner.size())
                spawner[step.tasks[0]] = std::int64_t(t);
    return spawner;
}

void eraseKind(Scenario& scenario, StepKind at) {
    scenario.kinds.remove(at);
    renumberKinds(scenario,
                  [at](std::uint16_t k) { return std::uint16_t(k > at.index ? k - 1 : k); });
}

void insertKind(Scenario& scenario, StepKind at, KindSpec spec) {
    renumberKinds(scenario,
                  [at](std::uint16_t k) { return std::uint16_t(k >= at.index ? k + 1 : k); });
    scenario.kinds.insert(at, std::move(spec));
}

std::string freeTaskName(const Scenario& scenario) {
    std::unordered_set<std::string_view> names;
    for (const Task& task : scenario.tasks)
        names.insert(task.name);
    for (std::size_t n = scenario.tasks.size() + 1;; ++n) {
        std::string name = "Task " + std::to_string(n);
        if (!names.contains(name))
            return name;
    }
}

} // namespace coroscope
