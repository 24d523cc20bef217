#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace coroscope {

// The unit a step of the axis is counted in; its labels are written in it.
enum class TimeUnit { Millisecond, Second, Minute, Hour, Day };

double unitMs(TimeUnit unit);          // 1, 1000, 60000, 3600000, 86400000
const char* unitSymbol(TimeUnit unit); // "ms", "s", "min", "h", "d"

// Ticks sit at whole multiples of one step, picked from this list (in order):
//   ms   0.001 … 0.01 0.02 0.025 0.05 0.1 0.2 0.25 0.5 (zoomed views only: 1 2 2.5 5 × 10^-k,
//        down to 1 µs)
//   ms   1 2 5 10 20 25 50 100 200 250 500
//   s    1 2 5 10 15 20 30
//   min  1 2 5 10 15 20 30
//   h    1 2 3 6 12
//   d    1 2 5 10 20 50 100 200 500 1000 … (1 2 5 × 10^k without end)
// 20 s and 20 min are in the list because 84 min must fit as 0…100 min in steps of 20 (and
// seconds count like minutes).

// The fitted axis of a run: ticks at 0, step, …, end = n × step.
struct AxisScale {
    double step = 1; // ms
    double end = 5;  // ms
    TimeUnit unit = TimeUnit::Millisecond;
    std::vector<double> ticks() const;       // 0, step, …, end (n + 1 times, in ms)
    std::vector<std::string> labels() const; // the ticks in the step's unit: "0ms" … "1000ms"
};

// end = n × step with n in 4..6 and step ≥ 1 ms: the smallest end ≥ 1.1 × makespan whose
// step is also the one ticksFor(0, end) picks, so that the fit and a zoomed view of the whole
// run tick alike (80 s in steps of 20 is never fitted: a view of 80 s ticks every 15; 90 s in
// 15 is). Of two pairs with the same end n = 5 wins, then the smaller step (the condition
// above already leaves one). The seed: 800 ms → 0…1000 ms in steps of 200; 84 min →
// 0…100 min in 20; 14 h → 0…18 h in 3. A makespan ≤ 0 gives step 1 ms, end 5 ms.
AxisScale axisFor(std::int64_t makespanMs);

// The ticks of a zoomed view.
struct TickSet {
    double step = 1; // ms
    TimeUnit unit = TimeUnit::Millisecond;
    std::vector<double> ticks;       // ms, ascending
    std::vector<std::string> labels; // one per tick, in unit
};

// step = the smallest step of the list with (toMs − fromMs) / step ≤ 6; ticks = every
// k × step (k a whole number) in [fromMs, toMs], ends included within a hair of floating
// error. [0, axisFor(m).end] gives exactly axisFor(m)'s ticks and labels. Reversed ends are
// swapped; a NaN or infinite end gives no ticks (step 1 ms).
TickSet ticksFor(double fromMs, double toMs);

// A tick's label in unit, no space, no trailing zeros, no floating noise (rounded to
// 6 decimals at most): "0ms", "250ms", "0.3ms", "15s", "20min", "3h", "2d". Empty for a
// NaN or infinite time.
std::string tickLabel(double ms, TimeUnit unit);

// A time (the playhead's) in the ticks' unit with enough decimals to resolve a hundredth of
// the step: decimals = the smallest d ≥ 0 with step_in_unit × 10^d ≥ 100, at most 3;
// trailing zeros dropped. Step 200 ms: 369.6 → "370ms"; step 5 s: 12347 → "12.35s";
// step 20 min: 740400 → "12.3min"; step 0.5 ms: 0.1234 → "0.123ms". Empty for a NaN or
// infinite time.
std::string timeReadout(double ms, TimeUnit unit, double stepMs);
std::string timeReadout(double ms, const TickSet& ticks);

// Time ↔ pixel on a track of the given width whose left edge is x = 0.
inline double timeToX(double ms, double axisEnd, double width) {
    return ms / axisEnd * width;
}
inline double xToTime(double x, double axisEnd, double width) {
    return x / width * axisEnd;
}

// A time with a unit picked from its size (the playback bar's readout, the export dialog):
// "0ms", "200ms", "2.5ms" below 10 s; "12.5s" below 10 min; "25min" below 3 h; "12h" beyond;
// at most two decimals.
std::string axisLabel(double ms);

} // namespace coroscope
