#pragma once

// Why tasks wait, read off the loop's reported decisions (a LoopEvent stream in report order,
// as simulateRun gives it): nothing here schedules. Three views of the same stream, each built
// once in O(events) and queried by binary search, and a plain-words log of it.
//
// A time ms means "just after every decision at times <= ms": what a paused animation at ms
// shows.

#include "explain/resourcelanes.h"
#include "loop/loopevent.h"
#include "model/scenario.h"
#include "view/intervals.h"
#include "view/lanes.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace coroscope {

// [start, end) in milliseconds.
struct Stretch {
    std::int64_t start = 0;
    std::int64_t end = 0;
    friend bool operator==(const Stretch&, const Stretch&) = default;
};

// Per task, the stretches in which it is ready (started, or its wait ended) but another task
// holds the loop: from its ready to its run, when the run comes later. Laid out as Lanes is.
class ReadyStretches {
public:
    ReadyStretches() = default;
    // tasks: the scenario's task count (a task never kept waiting gets an empty lane).
    ReadyStretches(std::span<const LoopEvent> events, std::size_t tasks);

    std::size_t tasks() const { return stretches_.tasks(); }
    std::size_t stretchCount() const { return stretches_.items.size(); }
    // A task's stretches, sorted and disjoint.
    std::span<const Stretch> lane(std::size_t task) const { return stretches_.of(task); }
    // The index of the first of a task's stretches that ends after fromMs, and one past the
    // last that starts before toMs: the stretches overlapping [fromMs, toMs).
    std::pair<std::size_t, std::size_t> overlapping(std::size_t task, double fromMs,
                                                    double toMs) const {
        return overlappingIntervals(lane(task), fromMs, toMs);
    }

private:
    PerTask<Stretch> stretches_;
};

// Who holds the loop: a task from its run to its next wait or done, nobody (kNoTask) from an
// idle to the next run.
struct Hold {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::size_t task = LoopEvent::kNoTask;
    friend bool operator==(const Hold&, const Hold&) = default;
};

// The event loop's lane: holds sorted, disjoint and without empty ones, tiling [0, makespan]
// of a whole run. Every idle ends at a run, and the run ends with a done at the makespan, so
// the last hold ends there too (often an idle one: a task whose last step is a wait is picked
// only to leave at once). Each idle decision keeps its own hold, also when a task held the loop
// for no time between two (the seed idles 600–670 and 670–800): each has its own reason.
class LoopLane {
public:
    LoopLane() = default;
    explicit LoopLane(std::span<const LoopEvent> events);

    std::span<const Hold> holds() const { return holds_; }
    // The index of the first hold that ends after fromMs, and one past the last that starts
    // before toMs.
    std::pair<std::size_t, std::size_t> overlapping(double fromMs, double toMs) const {
        return overlappingIntervals(holds(), fromMs, toMs);
    }
    // The task holding the loop at ms (start <= ms < end); kNoTask when idle or outside the run.
    std::size_t holderAt(double ms) const;
    // The holds by a task (not the idle ones) as a lane of CPU segments, drawn as a task's
    // lane is; busyHolder(i) is who held the loop in busy()[i].
    std::span<const LaneSegment> busy() const { return busy_; }
    std::size_t busyHolder(std::size_t i) const { return busyHolders_[i]; }

private:
    std::vector<Hold> holds_;
    std::vector<LaneSegment> busy_;
    std::vector<std::size_t> busyHolders_;
};

// The ready queue's contents at any moment, front first: the tasks whose step or wake-up is
// queued (queued events; in a run without them, ready ones), in queue order. The queue is FIFO
// and a run always takes its front, so the n-th run takes the n-th queued: the queue after any
// decision is a slice of the tasks in the order they became ready. queueAt is O(log instants) and
// copies nothing; memory is one index per ready and three words per distinct time.
class ReadyQueues {
public:
    ReadyQueues() = default;
    explicit ReadyQueues(std::span<const LoopEvent> events);

    // The tasks waiting in the queue just after the decisions at times <= ms (empty before 0).
    std::span<const std::size_t> queueAt(double ms) const;

private:
    struct Instant {
        std::int64_t time;
        std::size_t picked; // runs up to and at time
        std::size_t joined; // readies up to and at time
    };
    std::vector<Instant> instants_;
    std::vector<std::size_t> joined_; // each ready's task, in report order
};

// What Explain mode shows of a run, built once from its decisions.
struct Explanation {
    Explanation() = default;
    Explanation(std::span<const LoopEvent> events, const Scenario& scenario)
        : ready(events, scenario.tasks.size())
        , loop(events)
        , queues(events)
        , slotLanes(events, scenario) {}
    ReadyStretches ready;
    LoopLane loop;
    ReadyQueues queues;
    ResourceLanes slotLanes; // the limited resources' and the thread pool's lanes
};

// One line of the explaining log: every decision at one time, in report order.
struct LogLine {
    std::int64_t time = 0;
    std::string text; // without the time; names as typed (the UI escapes them)
    friend bool operator==(const LogLine&, const LogLine&) = default;
};

// What a recorded program's step (by task and index among its steps) awaited and where, as the
// log says it ("`client.get(url)` at app.py:41"); empty for a step the recording says nothing of.
using AwaitWords = std::function<std::string(std::size_t task, std::size_t step)>;

// One sentence per decision, e.g. at 370 ms of the seed: "Task 2's I/O wait is done; it joins
// the ready queue behind nobody. Task 3 yields at http(300). The loop picks Task 2." The wait
// a task yields at is the next wait among its steps (cpu steps run without a decision). With
// awaited, each sentence about a wait names what it awaited: "fetch-3 yields at
// streamreader(12), awaiting `client.get(url)` at app.py:41."
std::vector<LogLine> narrate(const Scenario& scenario, std::span<const LoopEvent> events,
                             const AwaitWords& awaited = {});
// The line of the last instant at or before ms (lines in time order), or -1 before the first.
int logLineAt(std::span<const LogLine> lines, double ms);

} // namespace coroscope
