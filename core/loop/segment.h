#pragma once

#include "model/stepkind.h"

#include <cstddef>
#include <cstdint>

namespace coroscope {

// One step of one task placed on the virtual clock: [start, end) in milliseconds.
// task and step are 0-based indices into the scenario. A queued segment is the time a step
// spent queued before it could begin: for a slot of its resource, or for a free worker of the
// thread pool (the CSV's "db-slot", "thread-slot").
struct Segment {
    Segment() = default;
    Segment(std::size_t task, std::size_t step, StepKind kind, std::int64_t start, std::int64_t end,
            bool queued = false)
        : task(task)
        , step(step)
        , kind(kind)
        , queued(queued)
        , start(start)
        , end(end) {}

    std::size_t task = 0;
    std::size_t step = 0;
    StepKind kind = StepKind::Cpu;
    bool queued = false;
    std::int64_t start = 0;
    std::int64_t end = 0;

    std::int64_t duration() const { return end - start; }
    friend bool operator==(const Segment&, const Segment&) = default;
};

} // namespace coroscope
