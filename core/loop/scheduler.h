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
    // A row of the timeline begins; segment.end is already known. A cpu step, a wait and a
    // thread item are reported when they begin; a row whose end was not known then (the time
    // queued for a slot or a worker, a join) when it ends, with its start in the past.
    virtual void segmentStarted(const Segment& segment) = 0;
    virtual void segmentFinished(const Segment& segment) = 0;
    // Every task has left; endMs is the makespan.
    virtual void runFinished(std::int64_t endMs) = 0;
    // A decision of the loop, in the order below.
    virtual void loopEvent(const LoopEvent&) {}
};

// A scenario task, written as a user reads it: one co_await per step. The task and the kind
// table must outlive the coroutine.
TaskCoroutine playTask(const Task& task, const KindTable& kinds);

// Runs a (valid) scenario to the end on a fresh scheduler, reporting to listener.
void playToEnd(const Scenario& scenario, SchedulerListener& listener);

// A deterministic virtual-clock event loop that runs as CPython 3.11's asyncio does, callback
// by callback (the README's "Scheduling rules"): a FIFO ready queue of callbacks, turns, a timer
// heap for waits, slots of limited resources, a thread pool beside the loop.
//
// A turn: if nothing is ready, the clock jumps to the next wait's end or thread's finishing;
// the waits ended by now move to the back of the queue (by end, then start order); exactly the
// callbacks queued at that moment run, front first. The callbacks: a task's step (runs it until
// it awaits something not done; cpu moves the clock meanwhile), a wait's timer (queues the
// task's wake-up), a thread's hand-over (queues the wake-up), a gather callback (the last of a
// join's queues the joiner's wake-up), and the first one, the program's main, which queues the
// top-level tasks' first steps in scenario order.
//
// Reports at one virtual time t (fixed, tests rely on it):
//   0. at t = 0, every top-level task without a start time is ready, in scenario order;
//   1. the cpu step ending at t finishes;
//   2. the waits ending at t finish, in the order they were started, each with its task's
//      ready (an arrival: ready only);
//   3. the thread items finishing at t finish (thread-finished, ready), in the order they
//      started on a worker; each worker then starts the next queued item (thread-started);
//   4. the task whose cpu step ended goes on: another cpu step, a wait (or slot-queued), a
//      thread item (thread-started or thread-queued), a spawn (spawned, ready), a join
//      (join-waiting, and join-released with ready when all have already left), leaving (done,
//      then join-released and ready for each join its leaving completes);
//   5. the callbacks of the turn run in queue order (a task's step or wake-up joining the
//      queue reports queued, in a scenario with spawn, join, limits or threads); a task's step or
//      wake-up reports run first (not for an arrival's sleep), a holder's wake-up gives its slot
//      back (slot-handed, ready for the next queued task), a woken task begins its wait (wait);
//      then 4.;
//   6. nothing ready and tasks still waiting: the loop goes idle (once, until a task runs).
// A version 1 scenario (cpu, io and http only, no start times) reports exactly what the
// version 1 loop did.
class Scheduler {
public:
    using TaskFactory = std::function<TaskCoroutine(std::size_t taskIndex)>;
    static constexpr std::int64_t kForever = std::numeric_limits<std::int64_t>::max();

    // One coroutine per task from factory(0..taskCount-1), made again on every reset(). Without
    // a scenario every task is top-level and no resource has a limit; with one (borrowed: it
    // must outlive the scheduler) its spawned tasks, limits and pool size hold.
    Scheduler(std::size_t taskCount, TaskFactory factory, const Scenario* scenario = nullptr);
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
    friend struct ArrivalAwaitable;
    friend struct SpawnAwaitable;
    friend struct JoinAwaitable;

    // What a queued callback does.
    enum class Callback : std::uint8_t { Main, Step, Timer, HandOver, Gather };
    struct Queued {
        Callback callback;
        std::uint32_t target; // the task, or the join for a gather callback
    };
    enum class TaskState : std::uint8_t {
        Unstarted,
        Queued,
        Running,
        Cpu,
        Waiting,
        Arriving,
        SlotQueued,
        SlotWoken,
        ThreadQueued,
        OnThread,
        Joining,
        Left
    };
    static constexpr std::uint16_t kNoSlot = std::numeric_limits<std::uint16_t>::max();

    // Kept small: the heap moves these around log n times per wait.
    struct PendingWait {
        std::int64_t end;
        std::uint64_t order; // start order: ties at equal end times keep it
        std::size_t task;
    };
    // Heap order: the wait ending first (then started first) on top.
    struct EndsLater {
        bool operator()(const PendingWait& a, const PendingWait& b) const {
            return a.end != b.end ? a.end > b.end : a.order > b.order;
        }
    };
    // One cache line per task (not two): with many tasks, each is cold when its turn comes.
    struct alignas(64) TaskSlot {
        TaskCoroutine coroutine; // owns the frame: clearing the slots destroys every task
        Segment current;         // the step it is in (or last was in)
        std::uint32_t nextStep = 0;
        TaskState state = TaskState::Unstarted;
        std::uint16_t holding = kNoSlot; // the resource whose slot its wait holds
        const Step* steps = nullptr;     // the scenario's steps of the task, for prefetching
    };
    // A join of several tasks (asyncio.gather): one gather callback per task.
    struct Gather {
        std::size_t joiner;
        std::uint32_t tasks;
        std::uint32_t left = 0;      // of its tasks
        std::uint32_t callbacks = 0; // gather callbacks run
    };
    // A resource with a limit: asyncio.Semaphore(limit). A queued step's segment starts when
    // it queued; it begins (and the queued row ends) when the task runs again.
    struct Slots {
        std::int64_t free = 0;
        std::deque<std::size_t> queue; // FIFO; the first `woken` are handed a slot, not yet run
        std::size_t woken = 0;
    };

    void start();
    void makeFrame(std::size_t task, TaskState state);
    bool spawned(std::size_t task) const;
    bool arrives(std::size_t task) const; // a top-level task with a start time
    void clear() noexcept;
    void advance(std::int64_t limit);
    void moveTo(std::int64_t t);
    void deliverThreads(std::int64_t t);
    std::int64_t nextExternal() const;
    void runCallback(Queued queued);
    void queueStep(std::size_t task); // a task's step or wake-up to the back of the queue
    void runTask(std::size_t task);
    void resume(std::size_t task);
    void leave(std::size_t task);
    void report(LoopEventKind kind, std::size_t task = LoopEvent::kNoTask,
                StepKind resource = StepKind::Cpu);
    void emitRow(const Segment& row);
    void enqueue(Callback callback, std::size_t target) {
        ready_.push_back({callback, std::uint32_t(target)});
    }

    // What the awaitables ask for.
    void beginStep(std::size_t task, StepKind kind, std::int64_t ms, KindBehaviour behaviour);
    void beginArrival(std::size_t task, std::int64_t ms);
    void spawnTask(std::size_t parent, std::size_t child);
    bool beginJoin(std::size_t task, const std::uint32_t* tasks, std::size_t count);

    void startWait(std::size_t task); // its current segment, from now
    void handNextSlot(StepKind kind);
    void startThread(std::size_t task);
    void releaseJoin(std::size_t joiner);

    std::size_t taskCount_;
    TaskFactory factory_;
    FrameArena arena_; // declared before the tasks: it outlives their frames
    std::optional<Scenario> scenario_;
    const Scenario* rules_ = nullptr; // limits, pool size, who is spawned
    SchedulerListener* listener_ = nullptr;

    std::vector<TaskSlot> tasks_;
    // By task: the callbacks waiting for it to leave, in the order they began (a joiner's
    // wake-up, a gather callback). Empty for a scenario without joins.
    std::vector<std::vector<Queued>> waitingOn_;
    std::vector<bool> spawned_; // empty for a scenario without spawns
    StepKind joinKind_ = StepKind::Cpu;
    std::deque<Queued> ready_;
    std::size_t turnLeft_ = 0;       // callbacks of the current turn still to run
    std::vector<PendingWait> waits_; // min-heap on (end, order): not yet ended
    std::deque<std::size_t> ended_;  // waits ended, their timers not yet moved to the queue
    std::optional<std::size_t> cpu_; // the task in a cpu step
    std::vector<Slots> slots_;       // by resource; empty for a scenario without limits
    std::vector<Gather> gathers_;
    // The pool: items running (min-heap on finishing, then start order), items queued.
    std::vector<PendingWait> threads_;
    std::deque<std::size_t> threadQueue_;
    std::int64_t workers_ = kDefaultThreads;
    bool directWakeUps_ = true; // no spawn, join, limit or thread: see advance()
    std::int64_t now_ = 0;
    std::uint64_t nextOrder_ = 0;
    std::size_t liveTasks_ = 0;
    bool started_ = false; // the t = 0 ready reports are made (the listener is set by then)
    bool idle_ = false;    // idle was reported and no task ran since
    bool finished_ = false;
};

} // namespace coroscope
