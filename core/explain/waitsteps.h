#pragma once

// Which of its steps a task's wait decision begins: the steps before it (cpu, a spawn, a join,
// a thread item) run without a wait decision, so it is the task's next resource step.

#include "model/scenario.h"

#include <cstddef>
#include <vector>

namespace coroscope {

class WaitSteps {
public:
    explicit WaitSteps(const Scenario& scenario)
        : scenario_(scenario)
        , next_(scenario.tasks.size(), 0) {}

    // The step the task's next wait decision begins, moving past it; null when it has no more
    // resource steps (it yields without a wait).
    const Step* next(std::size_t task) {
        const std::vector<Step>& steps = scenario_.tasks[task].steps;
        std::size_t s = next_[task];
        while (s < steps.size() && !scenario_.kinds.isResource(steps[s].kind))
            ++s;
        if (s == steps.size())
            return nullptr;
        next_[task] = s + 1;
        return &steps[s];
    }

private:
    const Scenario& scenario_;
    std::vector<std::size_t> next_;
};

} // namespace coroscope
