#pragma once

// Reproducible scenarios of many tasks for benchmarks and soak runs: each step's kind and
// duration drawn from a seeded generator.

#include "model/scenario.h"

#include <random>
#include <string>

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

} // namespace coroscope::test
