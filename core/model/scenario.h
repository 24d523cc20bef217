#pragma once

#include "model/stepkind.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace coroscope {

struct Step {
    StepKind kind = StepKind::Cpu;
    std::int64_t ms = 1;
    friend bool operator==(const Step&, const Step&) = default;
};

struct Task {
    std::string name;
    std::vector<Step> steps;
    friend bool operator==(const Task&, const Task&) = default;
};

struct Scenario {
    std::string title;
    std::string subtitle;
    std::vector<Task> tasks;
    KindTable kinds = KindTable(); // the built-in kinds, then those the scenario declares
    friend bool operator==(const Scenario&, const Scenario&) = default;
};

// "task 2 \"Task 2\", step 3" — how every message names a place (long names shortened).
std::string describePlace(const Scenario& scenario, std::size_t task, std::size_t step);

std::int64_t sequentialMs(const Scenario& scenario); // all steps one after another
std::size_t totalSteps(const Scenario& scenario);

} // namespace coroscope
