#pragma once

#include "model/stepkind.h"

#include <cstddef>
#include <cstdint>

namespace coroscope {

// One step of one task placed on the virtual clock: [start, end) in milliseconds.
// task and step are 0-based indices into the scenario.
struct Segment {
    std::size_t task = 0;
    std::size_t step = 0;
    StepKind kind = StepKind::Cpu;
    std::int64_t start = 0;
    std::int64_t end = 0;

    std::int64_t duration() const { return end - start; }
    friend bool operator==(const Segment&, const Segment&) = default;
};

} // namespace coroscope
