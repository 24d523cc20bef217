#pragma once

// The arrows that tie a version 2 run together, as Perfetto's flow events do: a spawn's from
// the parent at the moment it spawns to the child's first step, a join's from the end of the
// last task it waited for to the parent's wake-up. Worked out once per run from the lanes.

#include "model/scenario.h"
#include "view/lanes.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace coroscope {

struct FlowArrow {
    enum class Kind : std::uint8_t { Spawn, Join };
    Kind kind = Kind::Spawn;
    std::uint32_t fromTask = 0;
    std::uint32_t toTask = 0;
    std::uint32_t step = 0; // the spawn or join step (of fromTask for a spawn, toTask for a join)
    std::int64_t fromMs = 0;
    std::int64_t toMs = 0;
    friend bool operator==(const FlowArrow&, const FlowArrow&) = default;
};

// Every spawn whose child ran, and every join that waited, in scenario order (task, step).
std::vector<FlowArrow> flowArrows(const Scenario& scenario, const Lanes& lanes);

// When a task reaches a step: the start of its first segment of that step or a later one (a
// task goes on at once after a spawn), else the end of its last segment; nothing for a task
// that never ran.
std::optional<std::int64_t> reachedAt(const Lanes& lanes, std::size_t task, std::size_t step);

} // namespace coroscope
