#pragma once

// A run measured under real asyncio (read from a recording), laid out per task as Lanes lays
// out the model's: each task's segments in step order, found in a time range by binary search
// whatever the run's size. Times are milliseconds since the run's time 0, fractions kept.

#include "model/stepkind.h"
#include "view/intervals.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coroscope {

struct MeasuredSegment {
    double start = 0;
    // A cpu step: when it ended. A wait: its nominal end (start + the step's ms).
    double end = 0;
    // A wait: when its await returned, which is later than its end when the loop was busy (the
    // task was ready, waiting for the loop). A cpu step: its end.
    double resumed = 0;
    StepKind kind = StepKind::Cpu;
    // The time queued for a slot of kind or a free worker (a "-slot" row) before its step.
    bool queued = false;
    // The index of its step in its task's steps (the step it queued for, if queued).
    std::uint32_t step = 0;

    // How long the await returned after the wait's nominal end (0 for a cpu step).
    double late() const { return std::max(0.0, resumed - end); }
    // Where its drawing ends: the end, or the late return.
    double until() const { return std::max(end, resumed); }
    friend bool operator==(const MeasuredSegment&, const MeasuredSegment&) = default;
};

// What a recorded program's await waited on, and where (a version 3 recording): its text
// ("client.get(url)") and the line of the program's own code that awaited ("app.py:41").
struct AwaitPlace {
    std::string label;
    std::string at;
    friend bool operator==(const AwaitPlace&, const AwaitPlace&) = default;
};

// "`client.get(url)` at app.py:41" (either part left out when the recording has none), as the
// Event Log names a wait.
std::string awaitWords(const AwaitPlace& place);
// "awaited `client.get(url)` at app.py:41", as a hover text says it.
std::string describeAwait(const AwaitPlace& place);

// The awaits' places of a run, per task and step: ofStep holds 1 + an index into places, or 0
// for a step that has none; each place is kept once, however many steps share it.
struct AwaitPlaces {
    PerTask<std::uint32_t> ofStep;
    std::vector<AwaitPlace> places;
};

// The row the recorder gives the loop's work that belongs to no task (protocol callbacks,
// call_soon functions) and the waits between.
inline constexpr std::string_view kLoopWorkRow = "(callbacks)";

class MeasuredRun {
public:
    static constexpr std::size_t kNoTask = std::size_t(-1);

    MeasuredRun() = default;
    // segments: per task in step order, each task's starts in order (a recording's rule);
    // taskNames: the tasks' names as recorded, one per task (see matchTasks). python and
    // stretch: how it was measured (the Python version, and how many times slower than the
    // scenario the program ran so that timing noise stays small). loopWork: the task that is
    // the recorder's kLoopWorkRow, if any.
    MeasuredRun(PerTask<MeasuredSegment> segments, std::vector<std::string> taskNames,
                std::string python, double stretch, AwaitPlaces awaits = {},
                std::size_t loopWork = kNoTask);

    std::size_t tasks() const { return segments_.tasks(); }
    std::size_t segmentCount() const { return segments_.items.size(); }
    // A task's segments: the rows of its steps that take time, in step order (a step's queued
    // time before it; a spawn, or a join that did not wait, has none). In version 1 scenarios,
    // index i is its step i.
    std::span<const MeasuredSegment> lane(std::size_t task) const { return segments_.of(task); }
    // The index of the first of a task's segments drawn after fromMs (its until() beyond it), and
    // one past the last that starts before toMs: those that may show in [fromMs, toMs).
    std::pair<std::size_t, std::size_t> overlapping(std::size_t task, double fromMs,
                                                    double toMs) const;
    // The task's segment drawn at ms (from its start to its until()), if any: the latest one
    // where two touch.
    const MeasuredSegment* segmentAt(std::size_t task, double ms) const;
    // What a task's step (by its index in the scenario's steps) awaited and where, if recorded.
    const AwaitPlace* awaited(std::size_t task, std::size_t step) const;
    const std::vector<std::string>& taskNames() const { return taskNames_; }
    // Whether the task is the row of loop work that belongs to no task, not a task at all.
    bool isLoopWork(std::size_t task) const { return task == loopWork_; }
    // The latest time the run reaches (0 for none).
    double end() const { return end_; }
    const std::string& python() const { return python_; }
    double stretch() const { return stretch_; }

private:
    PerTask<MeasuredSegment> segments_;
    std::vector<std::string> taskNames_;
    // Per segment, the latest until() of its task up to it: sorted, whereas a step may end a
    // hair before the step before it (rounding in the recording), so that it can be searched.
    std::vector<double> reach_;
    double end_ = 0;
    std::string python_;
    double stretch_ = 1;
    AwaitPlaces awaits_;
    std::size_t loopWork_ = kNoTask;
};

} // namespace coroscope
