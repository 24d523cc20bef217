#pragma once

// Which measured task goes with each of the model's tasks once the scenario has been edited:
// tasks deleted, inserted, duplicated, reordered or renamed since the recording. By name where a
// name is unambiguous on both sides, else by position, else none.

#include "asyncio/measuredrun.h"
#include "model/scenario.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace coroscope {

// Per model task, the index of its measured task, or none.
using TaskMatches = std::vector<std::optional<std::size_t>>;

// First, a name unique among the model's tasks and unique among the measured ones matches that
// task; then a model task still unmatched at position i takes measured task i if no model task
// has claimed it (a task renamed in place still matches); any other is unmatched. Within a
// matched pair, steps go together by step position (step i with step i). O(tasks).
TaskMatches matchTasks(std::span<const std::string> model, std::span<const std::string> measured);
TaskMatches matchTasks(const Scenario& model, const MeasuredRun& measured);

} // namespace coroscope
