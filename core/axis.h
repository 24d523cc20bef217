#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace coroscope {

// The time axis: labels at 0, step, ..., end = 5 × step.
struct AxisScale {
    double step = 1;
    double end = 5;
    std::vector<double> ticks() const; // the six label times
};

inline constexpr int kAxisIntervals = 5;

// The smallest step of {1, 2, 2.5, 5} × 10^k ms (k ≥ 0) with 5 × step ≥ makespan
// (the seed: 800 → step 200, end 1000).
AxisScale axisFor(std::int64_t makespanMs);

// Time ↔ pixel on a track of the given width whose left edge is x = 0.
inline double timeToX(double ms, double axisEnd, double width) {
    return ms / axisEnd * width;
}
inline double xToTime(double x, double axisEnd, double width) {
    return x / width * axisEnd;
}

// A tick label: "0ms", "200ms", "2.5ms" below 10 s; "12.5s" below 10 min; "25min"
// below 3 h; "12h" beyond.
std::string axisLabel(double ms);

} // namespace coroscope
