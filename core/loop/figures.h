#pragma once

#include "loop/timeline.h"
#include "model/scenario.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace coroscope {

// The most tasks ever queued for a limited resource's slots, or for the pool's workers.
struct QueuePeak {
    std::string name; // the resource's, or "thread"
    std::int64_t most = 0;
    friend bool operator==(const QueuePeak&, const QueuePeak&) = default;
};

// The nearest-rank p-th percentile of n sorted values: the one at rank ceil(p/100 · n),
// counting from 1 (so always one of the values); 0 when there are none.
std::int64_t nearestRank(std::span<const std::int64_t> sorted, std::size_t percent);

// What a version 2 run adds: each top-level task's latency (when it left minus its start
// time; nearestRank percentiles) and the queues' peaks (each resource with a limit, then the
// thread pool).
struct LoopFigures {
    bool shown = false;    // a version 2 scenario: printed only then
    bool arrivals = false; // some top-level task starts after 0: requests arriving over time
    std::int64_t latencyP50Ms = 0;
    std::int64_t latencyP95Ms = 0;
    std::int64_t latencyP99Ms = 0;
    std::int64_t latencyMaxMs = 0;
    std::vector<QueuePeak> mostQueued;
};

// What a run costs, and what running it one step at a time would have cost.
struct Figures {
    std::int64_t makespanMs = 0;
    std::int64_t cpuBusyMs = 0;
    double cpuBusyPct = 0;         // cpuBusyMs / makespanMs × 100
    std::int64_t sequentialMs = 0; // sum of every step: a blocking run's makespan
    double speedup = 0;            // sequentialMs / makespanMs
    std::size_t tasks = 0;
    std::size_t segments = 0;
    LoopFigures loop;
};

// From a run's rows and decisions (the latencies and queues need the decisions).
Figures computeFigures(const Scenario& scenario, const Timeline& timeline,
                       std::span<const LoopEvent> events = {});
// The same figures from a run of a (valid) scenario that keeps no segment.
Figures simulateFigures(const Scenario& scenario);

} // namespace coroscope
