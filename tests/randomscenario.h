#pragma once

// Reproducible scenarios of many tasks for benchmarks and soak runs: each step's kind and
// duration drawn from a seeded generator.

#include "scenario.h"

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
            task.steps.push_back({kAllStepKinds[std::size_t(kind(rng))], ms(rng)});
        scenario.tasks.push_back(std::move(task));
    }
    return scenario;
}

} // namespace coroscope::test
