#pragma once

// Every rule a scenario obeys, in one place. The file loader, validation, the editable model's
// guards and the editors' ranges all ask these checks, so a rule (and its message) is written
// once. Each check takes the place being checked ("task 2 \"B\", step 3", from describePlace)
// and on failure returns "place: rule".

#include "model/result.h"
#include "model/scenario.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace coroscope {

// Caps keep every input's memory and run time bounded; the README documents them.
inline constexpr std::int64_t kMinStepMs = 1;
inline constexpr std::int64_t kMaxStepMs = 86'400'000; // one day
inline constexpr std::size_t kMaxTasks = 100'000;
inline constexpr std::size_t kMaxStepsPerTask = 10'000;
inline constexpr std::size_t kMaxTotalSteps = 1'000'000;
inline constexpr std::size_t kMaxNameBytes = 200;
inline constexpr std::size_t kMaxTitleBytes = 500;

// A step's duration: a whole number of milliseconds within kMinStepMs..kMaxStepMs. Taken as
// a double so that a file's 2.5 or 1e300 is judged (and quoted) by the same rule.
Result<void> checkDuration(std::string_view place, double ms);
// The rule alone, without a message (NaN is refused: every comparison with it is false).
inline bool durationAllowed(double ms) {
    return ms >= double(kMinStepMs) && ms <= double(kMaxStepMs) &&
           ms == double(static_cast<std::int64_t>(ms)); // in range, so the cast is exact
}
// A task's name: not empty, at most kMaxNameBytes.
Result<void> checkTaskName(std::string_view place, std::string_view name);
// The name of a task's copy: " (copy)" appended, the original cut at a character boundary so
// that the result keeps to the name rule.
std::string copyName(std::string_view name);
// The scenario's title and subtitle: at most kMaxTitleBytes each.
Result<void> checkTitles(std::string_view title, std::string_view subtitle);
// How many tasks a scenario has (or would have): 1..kMaxTasks.
Result<void> checkTaskCount(std::string_view place, std::size_t tasks);
// How many steps a task has (or would have): 1..kMaxStepsPerTask.
Result<void> checkStepCount(std::string_view place, std::size_t steps);
// How many steps the scenario has in all (or would have): at most kMaxTotalSteps.
Result<void> checkTotalSteps(std::string_view place, std::size_t steps);

// The same rules without a message, for the loader's and validation's loops, which spell out
// a place only when a rule is broken.
inline bool taskNameAllowed(std::string_view name) {
    return !name.empty() && name.size() <= kMaxNameBytes;
}
inline bool taskCountAllowed(std::size_t tasks) {
    return tasks >= 1 && tasks <= kMaxTasks;
}
inline bool stepCountAllowed(std::size_t steps) {
    return steps >= 1 && steps <= kMaxStepsPerTask;
}
inline bool totalStepsAllowed(std::size_t steps) {
    return steps <= kMaxTotalSteps;
}

// The first rule the scenario breaks, or success when it can be simulated.
Result<void> validateScenario(const Scenario& scenario);

} // namespace coroscope
