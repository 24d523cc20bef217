#pragma once

#include "loop/timeline.h"
#include "model/scenario.h"

#include <cstddef>
#include <cstdint>

namespace coroscope {

// What a run costs, and what running it one step at a time would have cost.
struct Figures {
    std::int64_t makespanMs = 0;
    std::int64_t cpuBusyMs = 0;
    double cpuBusyPct = 0;         // cpuBusyMs / makespanMs × 100
    std::int64_t sequentialMs = 0; // sum of every step: a blocking run's makespan
    double speedup = 0;            // sequentialMs / makespanMs
    std::size_t tasks = 0;
    std::size_t segments = 0;
};

Figures computeFigures(const Scenario& scenario, const Timeline& timeline);
// The same figures from a run of a (valid) scenario that keeps no segment.
Figures simulateFigures(const Scenario& scenario);

} // namespace coroscope
