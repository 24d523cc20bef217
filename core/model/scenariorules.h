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
#include <unordered_map>

namespace coroscope {

// Caps keep every input's memory and run time bounded; the README documents them.
inline constexpr std::int64_t kMinStepMs = 1;
inline constexpr std::int64_t kMaxStepMs = 86'400'000; // one day
inline constexpr std::size_t kMaxTasks = 100'000;
inline constexpr std::size_t kMaxStepsPerTask = 10'000;
inline constexpr std::size_t kMaxTotalSteps = 1'000'000;
inline constexpr std::size_t kMaxNameBytes = 200;
inline constexpr std::size_t kMaxTitleBytes = 500;
// Version 2's caps.
inline constexpr std::int64_t kMinThreads = 1;
inline constexpr std::int64_t kMaxThreads = 1024;
inline constexpr std::int64_t kMaxLimit = 100'000;      // a resource's slots
inline constexpr std::int64_t kMaxStartMs = 86'400'000; // one day
inline constexpr std::size_t kMaxJoined = 1000;         // the tasks one join names
inline constexpr std::size_t kMaxResourceNameBytes = 32;
inline constexpr std::size_t kMaxLabelBytes = kMaxNameBytes;

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

// ---- Version 2 ----------------------------------------------------------------------------
// Numbers are taken as doubles, as for durations, so that a file's 2.5 is judged by the rule.

// The thread pool's size: a whole number within kMinThreads..kMaxThreads.
Result<void> checkThreads(std::string_view place, double threads);
// A resource's limit: a whole number within 1..kMaxLimit (the model's 0, no limit, is not
// written in files).
Result<void> checkLimit(std::string_view place, double limit);
// A task's start_ms: a whole number of milliseconds within 0..kMaxStartMs.
Result<void> checkStartMs(std::string_view place, double ms);
inline bool startAllowed(double ms) {
    return ms >= 0 && ms <= double(kMaxStartMs) && ms == double(static_cast<std::int64_t>(ms));
}
// A resource's name: 1..kMaxResourceNameBytes of a-z, 0-9 and _, starting with a letter, and
// not the name of cpu or of a structural kind (see reservedKindName).
Result<void> checkResourceName(std::string_view place, std::string_view name);
// A resource's label: at most kMaxLabelBytes (empty: the name).
Result<void> checkLabel(std::string_view place, std::string_view label);
// How many kinds the scenario has (or would have): at most KindTable::kMaxKinds.
Result<void> checkKindCount(std::string_view place, std::size_t kinds);
// How many tasks a join names: 1..kMaxJoined.
Result<void> checkJoinCount(std::string_view place, std::size_t tasks);

// Each task's index by its name, or the first task whose name an earlier task has already:
// names are unique in a version 2 scenario, so that its spawns and joins can name tasks.
using TaskIndex = std::unordered_map<std::string_view, std::uint32_t>;
Result<TaskIndex> indexTaskNames(const Scenario& scenario);

// What every spawn and join names: tasks of the scenario, never the step's own task, each
// task once in a join; a task spawned at most once, and then without a start time.
Result<void> checkTaskReferences(const Scenario& scenario);

// Whether every task finishes, for a scenario whose references are sound: a top-level task
// starts, a spawned one when its spawner gets past the spawn, and a task gets past a join
// when every task it names finishes. Worked out as a fixed point, in time linear in the steps
// and joined tasks; the message names who waits for whom.
Result<void> checkRunEnds(const Scenario& scenario);

// The first rule the scenario breaks, or success when it can be simulated.
Result<void> validateScenario(const Scenario& scenario);

} // namespace coroscope
