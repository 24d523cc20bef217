#pragma once

#include "loop/coroutine.h"
#include "loop/loopevent.h"
#include "loop/segment.h"
#include "model/scenario.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

namespace coroscope {

// What the scheduler reports, in virtual time order. Plain C++: the Qt bridge adapts it.
class SchedulerListener {
public:
    virtual ~SchedulerListener() = default;
    // A step begins; segment.end is already known (durations are fixed).
    virtual void segmentStarted(const Segment& segment) = 0;
    virtual void segmentFinished(const Segment& segment) = 0;
    // Every task has left; endMs is the makespan.
    virtual void runFinished(std::int64_t endMs) = 0;
    // A decision of the loop (ready, run, wait, done, idle), in the order below.
    virtual void loopEvent(const LoopEvent&) {}
};

// A scenario task, written as a user reads it: one co_await per step. The task and the kind
// table must outlive the coroutine.
TaskCoroutine playTask(const Task& task, const KindTable& kinds);

// Runs a (valid) scenario to the end on a fresh scheduler, reporting to listener.
void playToEnd(const Scenario& scenario, SchedulerListener& listener);

// A deterministic virtual-clock event loop with asyncio's rules (listed in the README's
// "Scheduling rules"): one CPU, a FIFO ready queue, and a timer heap for waits.
//
// Order of reports at one virtual time t (fixed, tests rely on it):
//   0. at t = 0, every task is ready, in scenario order;
//   1. the CPU segment ending at t finishes;
//   2. the waits ending at t finish, in the order they were started; each task joins the
//      back of the ready queue in that order (segment finished, then ready, task by task);
//   3. the task whose CPU segment ended continues at once (no yield between steps): it
//      starts its next cpu step, starts a wait (wait), or leaves (done);
//   4. while the CPU is free, the task at the front of the ready queue is picked (run) and
//      runs until it starts a cpu step (the CPU is then busy), a wait (wait; the next ready
//      task is picked) or leaves (done);
//   5. the CPU free, nothing ready and tasks still waiting: the loop goes idle (once, until
//      it picks a task again).
// A wait that starts at t therefore never lets its task run again before t + ms, and a
// resumed task always goes through the queue, even when its next step is another wait.
class Scheduler {
public:
    using TaskFactory = std::function<TaskCoroutine(std::size_t taskIndex)>;
    static constexpr std::int64_t kForever = std::numeric_limits<std::int64_t>::max();

    // One coroutine per task from factory(0..taskCount-1), made again on every reset().
    Scheduler(std::size_t taskCount, TaskFactory factory);
    // Plays each task's steps as `co_await cpu(..); co_await io(..); ...`.
    explicit Scheduler(Scenario scenario);
    ~Scheduler();
    Scheduler(const Scheduler&) = delete;
    Scheduler& operator=(const Scheduler&) = delete;

    void setListener(SchedulerListener* listener) { listener_ = listener; }

    // Processes every event at or before t and leaves the clock at t. Earlier t: no-op.
    void runUntil(std::int64_t t);
    // Runs until every task has left; the clock stops at the makespan.
    void runToEnd();
    // Destroys every coroutine frame and starts over at t = 0 (seeking backwards).
    void reset();

    std::int64_t now() const { return now_; }
    bool finished() const { return finished_; }
    std::size_t taskCount() const { return taskCount_; }

private:
    friend struct StepAwaitable;
    // Kept small: the heap moves these around log n times per wait.
    struct PendingWait {
        std::int64_t end;
        std::uint64_t order; // start order: ties at equal end times keep it
        std::size_t task;
    };
    // One cache line per task (not two): with many tasks, each is cold when its turn comes.
    struct alignas(64) TaskSlot {
        TaskCoroutine coroutine; // owns the frame: clearing the slots destroys every task
        Segment current;         // the step it is in (or last was in)
        std::size_t nextStep = 0;
    };

    // Heap order: the wait ending first (then started first) on top.
    struct EndsLater {
        bool operator()(const PendingWait& a, const PendingWait& b) const {
            return a.end != b.end ? a.end > b.end : a.order > b.order;
        }
    };
    void spawnAll();
    void clear() noexcept;
    void advance(std::int64_t limit);
    void processEventsAt(std::int64_t t);
    void dispatchReady();
    void resume(std::size_t task);
    void report(LoopEventKind kind, std::size_t task = LoopEvent::kNoTask);
    void beginStep(std::size_t task, StepKind kind, std::int64_t ms, bool holdsLoop);

    std::size_t taskCount_;
    TaskFactory factory_;
    FrameArena arena_; // declared before the tasks: it outlives their frames
    std::optional<Scenario> scenario_;
    SchedulerListener* listener_ = nullptr;

    std::vector<TaskSlot> tasks_;
    std::deque<std::size_t> ready_;
    std::vector<PendingWait> waits_; // min-heap on (end, order)
    std::optional<Segment> cpu_;     // the step holding the CPU
    std::int64_t now_ = 0;
    std::uint64_t nextOrder_ = 0;
    std::size_t liveTasks_ = 0;
    bool started_ = false; // the t = 0 ready reports are made (the listener is set by then)
    bool idle_ = false;    // idle was reported and no task was picked since
    bool finished_ = false;
};

} // namespace coroscope
