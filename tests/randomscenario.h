#pragma once

// Reproducible scenarios of many tasks for benchmarks and soak runs: each step's kind and
// duration drawn from a seeded generator.

#include "model/scenario.h"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace coroscope::test {

inline Scenario randomScenario(std::size_t tasks, int stepsPerTask, std::uint32_t seed,
                               int minMs = 1, int maxMs = 500) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> kind(0, 2);
    std::uniform_int_distribution<int> ms(minMs, maxMs);
    Scenario scenario{std::to_string(tasks) + " tasks", "generated", {}};
    scenario.tasks.reserve(tasks);
    for (std::size_t t = 0; t < tasks; ++t) {
        Task task{"Task " + std::to_string(t + 1), {}};
        for (int s = 0; s < stepsPerTask; ++s)
            task.steps.push_back({kBuiltinKinds[std::size_t(kind(rng))], ms(rng)});
        scenario.tasks.push_back(std::move(task));
    }
    return scenario;
}

// How many tasks, steps per task and milliseconds per step a drawn scenario may have.
struct ScenarioShape {
    int minTasks, maxTasks;
    int minSteps, maxSteps;
    int minMs, maxMs;
};

// Each task's number of steps drawn too, and the number of tasks.
inline Scenario randomScenario(const ScenarioShape& shape, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> kind(0, 2);
    std::uniform_int_distribution<int> ms(shape.minMs, shape.maxMs);
    std::uniform_int_distribution<int> steps(shape.minSteps, shape.maxSteps);
    const int tasks = std::uniform_int_distribution<int>(shape.minTasks, shape.maxTasks)(rng);
    Scenario scenario{"seed " + std::to_string(seed), "generated", {}};
    for (int t = 0; t < tasks; ++t) {
        Task task{"Task " + std::to_string(t + 1), {}};
        for (int s = steps(rng); s > 0; --s)
            task.steps.push_back({kBuiltinKinds[std::size_t(kind(rng))], ms(rng)});
        scenario.tasks.push_back(std::move(task));
    }
    return scenario;
}

// The command line's benchmark workload: each task alternates a cpu step of 1..maxCpuMs with
// an io or http wait of 1..maxWaitMs (kind and durations drawn from the seed), starting with cpu.
inline Scenario alternatingScenario(std::size_t tasks, int stepsPerTask, std::uint32_t seed,
                                    int maxCpuMs = 200, int maxWaitMs = 500) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> wait(1, 2);
    std::uniform_int_distribution<int> cpuMs(1, maxCpuMs);
    std::uniform_int_distribution<int> waitMs(1, maxWaitMs);
    Scenario scenario{std::to_string(tasks) + " tasks", "alternating", {}};
    scenario.tasks.reserve(tasks);
    for (std::size_t t = 0; t < tasks; ++t) {
        Task task{"Task " + std::to_string(t + 1), {}};
        for (int s = 0; s < stepsPerTask; ++s) {
            if (s % 2 == 0)
                task.steps.push_back({StepKind::Cpu, cpuMs(rng)});
            else
                task.steps.push_back({kBuiltinKinds[std::size_t(wait(rng))], waitMs(rng)});
        }
        scenario.tasks.push_back(std::move(task));
    }
    return scenario;
}

// A version 2 scenario that always ends: cpu, io, http, a limited "db", thread steps, spawns of
// later tasks, joins of the task's own children or of later top-level tasks (so every join
// waits only for started tasks of a higher index, which end first), and arrivals. Which tasks
// may be spawned is drawn first, so that no join takes a task for top-level that is spawned.
inline Scenario randomLoopScenario(std::uint32_t seed, int maxTasks = 10, int maxMs = 40) {
    std::mt19937 rng(seed);
    auto draw = [&](int low, int high) {
        return std::uniform_int_distribution<int>(low, high)(rng);
    };
    Scenario scenario{"loop " + std::to_string(seed), "generated", {}};
    scenario.threads = draw(1, 3);
    const StepKind db = scenario.kinds.declare("db", {}, {}, draw(1, 3));
    if (draw(0, 1))
        scenario.kinds.restyle(StepKind::Http, {}, {}, draw(1, 4));
    const StepKind thread = scenario.kinds.ensure(KindBehaviour::Thread);
    const StepKind spawn = scenario.kinds.ensure(KindBehaviour::Spawn);
    const StepKind join = scenario.kinds.ensure(KindBehaviour::Join);
    const int tasks = draw(2, maxTasks);
    scenario.tasks.resize(std::size_t(tasks));
    std::vector<bool> spawnable(std::size_t(tasks), false);
    for (int t = 1; t < tasks; ++t)
        spawnable[std::size_t(t)] = draw(0, 1) == 1;
    std::vector<bool> spawned(std::size_t(tasks), false);
    for (int t = 0; t < tasks; ++t) {
        Task& task = scenario.tasks[std::size_t(t)];
        task.name = "t" + std::to_string(t);
        std::vector<std::uint32_t> children;
        for (int s = draw(1, 5); s > 0; --s) {
            const int what = draw(0, 9);
            if (what <= 5) {
                const StepKind kinds[] = {
                    StepKind::Cpu, StepKind::Cpu, StepKind::Io, StepKind::Http, db, thread};
                task.steps.push_back({kinds[what], draw(1, maxMs)});
            } else if (what <= 7 && t + 1 < tasks) {
                const auto child = std::uint32_t(draw(t + 1, tasks - 1));
                if (!spawnable[child] || spawned[child])
                    continue;
                spawned[child] = true;
                children.push_back(child);
                task.steps.push_back({spawn, 0, {child}});
            } else if (t + 1 < tasks) {
                std::vector<std::uint32_t> joined;
                for (std::uint32_t c : children)
                    if (draw(0, 1))
                        joined.push_back(c);
                for (int other = t + 1; other < tasks && joined.size() < 3; ++other)
                    if (!spawnable[std::size_t(other)] && draw(0, 3) == 0)
                        joined.push_back(std::uint32_t(other));
                std::sort(joined.begin(), joined.end());
                joined.erase(std::unique(joined.begin(), joined.end()), joined.end());
                std::shuffle(joined.begin(), joined.end(), rng);
                if (!joined.empty())
                    task.steps.push_back({join, 0, joined});
            }
        }
        if (task.steps.empty())
            task.steps.push_back({StepKind::Cpu, draw(1, maxMs)});
    }
    for (int t = 0; t < tasks; ++t)
        if (!spawned[std::size_t(t)] && draw(0, 2) == 0)
            scenario.tasks[std::size_t(t)].startMs = draw(1, maxMs);
    return scenario;
}

// The version 2 benchmark workload: requests arriving over time (one every 1..3 ms), each
// parsing (cpu 1..3), querying a database of 20 connections (db 5..40), hashing on the pool of
// 8 threads (thread 5..20) and answering (cpu 1..2).
inline Scenario requestsScenario(std::size_t requests, std::uint32_t seed) {
    std::mt19937 rng(seed);
    auto draw = [&](int low, int high) {
        return std::uniform_int_distribution<int>(low, high)(rng);
    };
    Scenario scenario{std::to_string(requests) + " requests", "arriving over time", {}};
    scenario.threads = 8;
    const StepKind db = scenario.kinds.declare("db", "DB query", {}, 20);
    const StepKind thread = scenario.kinds.ensure(KindBehaviour::Thread);
    scenario.tasks.reserve(requests);
    std::int64_t arrival = 0;
    for (std::size_t r = 0; r < requests; ++r) {
        arrival += draw(1, 3);
        Task task{"request " + std::to_string(r + 1), {}, arrival};
        task.steps = {{StepKind::Cpu, draw(1, 3)},
                      {db, draw(5, 40)},
                      {thread, draw(5, 20)},
                      {StepKind::Cpu, draw(1, 2)}};
        scenario.tasks.push_back(std::move(task));
    }
    return scenario;
}

// The same requests, each spawning a lookup of its own (http 5..30, cpu 1) right after parsing
// and joining it after the thread step, so that every request has a spawn and a join arrow;
// each lookup follows its request in the task list.
inline Scenario spawningRequestsScenario(std::size_t requests, std::uint32_t seed) {
    Scenario scenario = requestsScenario(requests, seed);
    std::mt19937 rng(seed + 1);
    auto draw = [&](int low, int high) {
        return std::uniform_int_distribution<int>(low, high)(rng);
    };
    const StepKind spawn = scenario.kinds.ensure(KindBehaviour::Spawn);
    const StepKind join = scenario.kinds.ensure(KindBehaviour::Join);
    std::vector<Task> tasks;
    tasks.reserve(2 * requests);
    for (std::size_t r = 0; r < requests; ++r) {
        Task request = std::move(scenario.tasks[r]);
        const auto lookup = std::uint32_t(tasks.size() + 1);
        request.steps.insert(request.steps.begin() + 1, Step(spawn, 0, {lookup}));
        request.steps.insert(request.steps.end() - 1, Step(join, 0, {lookup}));
        tasks.push_back(std::move(request));
        tasks.push_back({"lookup " + std::to_string(r + 1),
                         {{StepKind::Http, draw(5, 30)}, {StepKind::Cpu, 1}}});
    }
    scenario.tasks = std::move(tasks);
    scenario.subtitle = "arriving over time, each spawning a lookup";
    return scenario;
}

} // namespace coroscope::test
