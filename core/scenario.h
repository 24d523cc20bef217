#pragma once

#include "stepkind.h"

#include <cstddef>
#include <cstdint>
#include <optional>
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
    friend bool operator==(const Scenario&, const Scenario&) = default;
};

// Caps keep every input's memory and run time bounded; the README documents them.
inline constexpr std::int64_t kMinStepMs = 1;
inline constexpr std::int64_t kMaxStepMs = 86'400'000; // one day
inline constexpr std::size_t kMaxTasks = 100'000;
inline constexpr std::size_t kMaxStepsPerTask = 10'000;
inline constexpr std::size_t kMaxTotalSteps = 1'000'000;
inline constexpr std::size_t kMaxNameBytes = 200;
inline constexpr std::size_t kMaxTitleBytes = 500;

// A broken rule, with the place it was broken (task and step numbers are 1-based, as
// users count; 0 means the rule is about the whole scenario or the whole task).
struct ScenarioError {
    std::size_t task = 0;
    std::size_t step = 0;
    std::string message; // full sentence: place, then rule
};

// The first rule the scenario breaks, or nothing when it can be simulated.
std::optional<ScenarioError> validateScenario(const Scenario& scenario);

// The duration rule as messages state it: "outside 1..86400000 ms".
std::string durationRangeRule();

// "task 2 \"Task 2\", step 3" — how every message names a place.
std::string describePlace(const Scenario& scenario, std::size_t task, std::size_t step);

std::int64_t sequentialMs(const Scenario& scenario); // all steps one after another
std::size_t totalSteps(const Scenario& scenario);

} // namespace coroscope
