#include "loop/scheduler.h"

#include <algorithm>
#include <cassert>
#include <stdexcept>
#include <utility>

namespace coroscope {

TaskCoroutine playTask(const Task& task, const KindTable& kinds) {
    if (task.startMs > 0)
        co_await arrival(task.startMs);
    for (const Step& s : task.steps) {
        const KindBehaviour behaviour = kinds.behaviour(s.kind);
        if (behaviour == KindBehaviour::Spawn)
            co_await spawn(s.tasks.front());
        else if (behaviour == KindBehaviour::Join)
            co_await join(s.tasks);
        else // cpu(ms), wait(kind, ms) or onThread(kind, ms): one awaitable keeps the frame small
            co_await StepAwaitable{s.kind, s.ms, behaviour};
    }
}

void playToEnd(const Scenario& scenario, SchedulerListener& listener) {
    // The scenario outlives this scheduler, so its coroutines may read it in place.
    Scheduler scheduler(
        scenario.tasks.size(),
        [&scenario](std::size_t i) { return playTask(scenario.tasks[i], scenario.kinds); },
        &scenario);
    scheduler.setListener(&listener);
    scheduler.runToEnd();
}

namespace {

Scheduler* owner(TaskCoroutine::Handle handle) {
    assert(handle.promise().scheduler && "a step awaited outside a Scheduler");
    return handle.promise().scheduler;
}

} // namespace

void StepAwaitable::await_suspend(TaskCoroutine::Handle handle) const {
    owner(handle)->beginStep(handle.promise().taskIndex, kind, ms, behaviour);
}

void ArrivalAwaitable::await_suspend(TaskCoroutine::Handle handle) const {
    owner(handle)->beginArrival(handle.promise().taskIndex, ms);
}

bool SpawnAwaitable::await_suspend(TaskCoroutine::Handle handle) const {
    owner(handle)->spawnTask(handle.promise().taskIndex, child);
    return false;
}

bool JoinAwaitable::await_suspend(TaskCoroutine::Handle handle) const {
    return owner(handle)->beginJoin(handle.promise().taskIndex, tasks, count);
}

Scheduler::Scheduler(std::size_t taskCount, TaskFactory factory, const Scenario* scenario)
    : taskCount_(taskCount)
    , factory_(std::move(factory))
    , rules_(scenario) {
    start();
}

Scheduler::Scheduler(Scenario scenario)
    : taskCount_(scenario.tasks.size())
    , factory_([this](std::size_t i) { return playTask(scenario_->tasks[i], scenario_->kinds); })
    , scenario_(std::move(scenario))
    , rules_(&*scenario_) {
    start();
}

Scheduler::~Scheduler() {
    clear();
}

void Scheduler::start() {
    tasks_.resize(taskCount_);
    if (rules_) {
        const KindTable& kinds = rules_->kinds;
        spawned_ = spawnedTasks(*rules_);
        workers_ = rules_->threads;
        for (StepKind kind : kinds.all())
            if (kinds.isResource(kind) && kinds[kind].limit > 0) {
                slots_.resize(kinds.size());
                slots_[kind.index].free = kinds[kind].limit;
            }
        if (kinds.find(KindBehaviour::Join))
            waitingOn_.resize(taskCount_);
        directWakeUps_ = slots_.empty() && !kinds.find(KindBehaviour::Join) &&
                         !kinds.find(KindBehaviour::Spawn) && !kinds.find(KindBehaviour::Thread);
        joinKind_ = kinds.find(KindBehaviour::Join).value_or(StepKind::Cpu);
    }
    const FrameArena::Scope scope(arena_);
    for (std::size_t i = 0; i < taskCount_; ++i)
        if (!spawned(i))
            makeFrame(i, TaskState::Unstarted);
    liveTasks_ = taskCount_;
    enqueue(Callback::Main, 0);
}

void Scheduler::makeFrame(std::size_t task, TaskState state) {
    TaskSlot& slot = tasks_[task];
    slot.coroutine = factory_(task);
    slot.state = state;
    if (rules_)
        slot.steps = rules_->tasks[task].steps.data();
    auto& promise = slot.coroutine.handle().promise();
    promise.scheduler = this;
    promise.taskIndex = task;
}

void Scheduler::clear() noexcept {
    tasks_.clear(); // destroys the frames, before the arena that holds them goes
    ready_.clear();
    waits_.clear();
    ended_.clear();
    threads_.clear();
    threadQueue_.clear();
    slots_.clear();
    gathers_.clear();
    waitingOn_.clear();
    cpu_.reset();
    turnLeft_ = 0;
    arena_.clear();
}

void Scheduler::reset() {
    clear();
    now_ = 0;
    nextOrder_ = 0;
    started_ = false;
    idle_ = false;
    finished_ = false;
    start();
}

void Scheduler::runUntil(std::int64_t t) {
    if (t < now_)
        return;
    advance(t);
    now_ = t;
}

void Scheduler::runToEnd() {
    advance(kForever);
}

void Scheduler::report(LoopEventKind kind, std::size_t task, StepKind resource) {
    if (listener_)
        listener_->loopEvent({now_, kind, task, resource});
}

void Scheduler::emitRow(const Segment& row) {
    if (listener_) {
        listener_->segmentStarted(row);
        listener_->segmentFinished(row);
    }
}

bool Scheduler::spawned(std::size_t task) const {
    return !spawned_.empty() && spawned_[task];
}

bool Scheduler::arrives(std::size_t task) const {
    return rules_ && rules_->tasks[task].startMs > 0;
}

void Scheduler::advance(std::int64_t limit) {
    if (!started_) {
        started_ = true;
        for (std::size_t task = 0; task < taskCount_; ++task)
            if (!spawned(task) && !arrives(task))
                report(LoopEventKind::Ready, task);
    }
    for (;;) {
        if (cpu_) { // the cpu step's callback holds the loop; the clock moves through it
            const std::size_t task = *cpu_;
            const std::int64_t end = tasks_[task].current.end;
            const std::int64_t next = std::min(end, nextExternal());
            if (next > limit)
                return;
            if (next != end) {
                moveTo(next);
                continue;
            }
            cpu_.reset();
            now_ = end;
            if (listener_)
                listener_->segmentFinished(tasks_[task].current);
            moveTo(end);
            resume(task); // the same callback goes on
            continue;
        }
        if (turnLeft_ > 0) {
            --turnLeft_;
            const Queued queued = ready_.front();
            ready_.pop_front();
            runCallback(queued);
            continue;
        }
        // A new turn: the ended waits' timers join the queue, then exactly what it holds runs.
        if (directWakeUps_) {
            // Nothing but a timer's callback ever queues a callback here, and it queues only its
            // task's wake-up, for the next turn: queue the wake-ups behind this turn instead.
            turnLeft_ = ready_.size();
            for (; !ended_.empty(); ended_.pop_front())
                enqueue(Callback::Step, ended_.front());
        } else {
            for (; !ended_.empty(); ended_.pop_front())
                enqueue(Callback::Timer, ended_.front());
            turnLeft_ = ready_.size();
        }
        if (!ready_.empty())
            continue;
        const std::int64_t next = nextExternal();
        if (next == kForever) {
            if (!finished_ && liveTasks_ == 0) {
                finished_ = true;
                if (listener_)
                    listener_->runFinished(now_);
            }
            return;
        }
        if (!idle_) {
            idle_ = true;
            report(LoopEventKind::Idle);
        }
        if (next > limit)
            return;
        moveTo(next);
    }
}

std::int64_t Scheduler::nextExternal() const {
    std::int64_t next = kForever;
    if (!waits_.empty())
        next = waits_.front().end;
    if (!threads_.empty())
        next = std::min(next, threads_.front().end);
    return next;
}

void Scheduler::moveTo(std::int64_t t) {
    now_ = t;
    while (!waits_.empty() && waits_.front().end <= t) {
        std::pop_heap(waits_.begin(), waits_.end(), EndsLater{});
        const std::size_t task = waits_.back().task;
        waits_.pop_back();
        if (!waits_.empty()) // the next wait to end: its slot is read then
            __builtin_prefetch(&tasks_[waits_.front().task]);
        ended_.push_back(task);
        if (tasks_[task].state != TaskState::Arriving && listener_)
            listener_->segmentFinished(tasks_[task].current);
        report(LoopEventKind::Ready, task);
    }
    while (!threads_.empty() && threads_.front().end <= t) {
        std::pop_heap(threads_.begin(), threads_.end(), EndsLater{});
        const std::size_t task = threads_.back().task;
        threads_.pop_back();
        if (listener_)
            listener_->segmentFinished(tasks_[task].current);
        report(LoopEventKind::ThreadFinished, task);
        report(LoopEventKind::Ready, task);
        enqueue(Callback::HandOver, task); // at once, even in another task's cpu step
        if (!threadQueue_.empty()) {       // the worker takes the next item
            const std::size_t next = threadQueue_.front();
            threadQueue_.pop_front();
            startThread(next);
        }
    }
}

void Scheduler::queueStep(std::size_t task) {
    enqueue(Callback::Step, task);
    // Where a task's wake-up stands in the queue differs from when it became ready only when
    // callbacks other than timers' queue things (and an arrival's sleep is no run of its own).
    if (!directWakeUps_ && !(tasks_[task].state == TaskState::Unstarted && arrives(task)))
        report(LoopEventKind::Queued, task);
}

void Scheduler::runCallback(Queued queued) {
    switch (queued.callback) {
    case Callback::Main:
        for (std::size_t task = 0; task < taskCount_; ++task)
            if (!spawned(task))
                queueStep(task);
        break;
    case Callback::Step:
        runTask(queued.target);
        break;
    case Callback::Timer:
    case Callback::HandOver:
        queueStep(queued.target); // the task's wake-up
        break;
    case Callback::Gather: {
        Gather& gather = gathers_[queued.target];
        if (++gather.callbacks == gather.tasks)
            queueStep(gather.joiner);
        break;
    }
    }
}

void Scheduler::runTask(std::size_t task) {
    TaskSlot& slot = tasks_[task];
    // With many tasks every frame and step is cold: fetch the next task's while this one runs.
    if (!ready_.empty() && ready_.front().callback == Callback::Step) {
        const TaskSlot& next = tasks_[ready_.front().target];
        __builtin_prefetch(next.coroutine.handle().address());
        if (next.steps)
            __builtin_prefetch(next.steps + next.nextStep);
    }
    if (slot.state == TaskState::Unstarted && arrives(task)) {
        resume(task); // only its sleep until the start time: not a run of the task
        return;
    }
    idle_ = false;
    report(LoopEventKind::Run, task);
    if (slot.state == TaskState::SlotWoken) {
        // Handed a slot: it leaves the slot's queue, passes a still free slot on, and begins.
        const StepKind kind = slot.current.kind;
        Slots& slots = slots_[kind.index];
        assert(slots.queue.front() == task && slots.woken > 0);
        slots.queue.pop_front();
        --slots.woken;
        if (slots.free > 0)
            handNextSlot(kind);
        slot.holding = kind.index;
        Segment& row = slot.current;
        const std::int64_t ms = row.end - row.start;
        if (now_ > row.start)
            emitRow({task, row.step, kind, row.start, now_, true});
        row.start = now_;
        row.end = now_ + ms;
        startWait(task);
        return;
    }
    if (slot.holding != kNoSlot) { // back from its wait: the slot goes back (async with ends)
        const StepKind kind{slot.holding};
        slot.holding = kNoSlot;
        ++slots_[kind.index].free;
        handNextSlot(kind);
    }
    resume(task);
}

void Scheduler::resume(std::size_t task) {
    TaskCoroutine& coroutine = tasks_[task].coroutine;
    const TaskCoroutine::Handle handle = coroutine.handle();
    tasks_[task].state = TaskState::Running;
    handle.resume(); // runs to the next co_await that suspends, or to the end
    if (handle.done())
        leave(task);
}

void Scheduler::leave(std::size_t task) {
    TaskCoroutine& coroutine = tasks_[task].coroutine;
    std::exception_ptr error = coroutine.handle().promise().error;
    coroutine.reset();
    tasks_[task].state = TaskState::Left;
    --liveTasks_;
    report(LoopEventKind::Done, task);
    if (!waitingOn_.empty()) {
        // Every callback waiting on it joins the queue, in the order they began to wait.
        const std::vector<Queued> waiting = std::exchange(waitingOn_[task], {});
        for (const Queued& waiter : waiting) {
            if (waiter.callback == Callback::Step) {
                releaseJoin(waiter.target);
            } else {
                Gather& gather = gathers_[waiter.target];
                if (++gather.left == gather.tasks)
                    releaseJoin(gather.joiner);
            }
            if (waiter.callback == Callback::Step)
                queueStep(waiter.target);
            else
                ready_.push_back(waiter);
        }
    }
    if (error)
        std::rethrow_exception(error);
}

void Scheduler::beginStep(std::size_t task, StepKind kind, std::int64_t ms,
                          KindBehaviour behaviour) {
    if (ms < 0)
        throw std::invalid_argument("a step cannot last a negative time");
    TaskSlot& slot = tasks_[task];
    Segment& segment = slot.current;
    segment = {task, slot.nextStep++, kind, now_, now_ + ms};
    switch (behaviour) {
    case KindBehaviour::HoldsLoop:
        assert(!cpu_ && "only the task holding the loop can start cpu work");
        slot.state = TaskState::Cpu;
        cpu_ = task;
        if (listener_)
            listener_->segmentStarted(segment);
        return;
    case KindBehaviour::Thread:
        if (std::int64_t(threads_.size()) < workers_) {
            startThread(task);
        } else {
            slot.state = TaskState::ThreadQueued;
            threadQueue_.push_back(task);
            report(LoopEventKind::ThreadQueued, task);
        }
        return;
    default:
        break;
    }
    if (slots_.empty() || rules_->kinds[kind].limit == 0) {
        startWait(task); // no limit
        return;
    }
    Slots& slots = slots_[kind.index];
    if (slots.free > 0 && slots.queue.empty()) {
        --slots.free;
        slot.holding = kind.index;
        startWait(task);
    } else {
        slots.queue.push_back(task);
        slot.state = TaskState::SlotQueued;
        report(LoopEventKind::SlotQueued, task, kind);
    }
}

void Scheduler::startWait(std::size_t task) {
    TaskSlot& slot = tasks_[task];
    slot.state = TaskState::Waiting;
    if (listener_)
        listener_->segmentStarted(slot.current);
    waits_.push_back({slot.current.end, nextOrder_++, task});
    std::push_heap(waits_.begin(), waits_.end(), EndsLater{});
    report(LoopEventKind::Wait, task);
}

void Scheduler::handNextSlot(StepKind kind) {
    Slots& slots = slots_[kind.index];
    if (slots.woken == slots.queue.size())
        return;
    const std::size_t next = slots.queue[slots.woken++];
    --slots.free; // kept for it until it runs
    tasks_[next].state = TaskState::SlotWoken;
    report(LoopEventKind::SlotHanded, next, kind);
    report(LoopEventKind::Ready, next);
    queueStep(next);
}

void Scheduler::startThread(std::size_t task) {
    TaskSlot& slot = tasks_[task];
    Segment& row = slot.current;
    const std::int64_t ms = row.end - row.start;
    if (now_ > row.start)
        emitRow({task, row.step, row.kind, row.start, now_, true});
    row.start = now_;
    row.end = now_ + ms;
    slot.state = TaskState::OnThread;
    if (listener_)
        listener_->segmentStarted(row);
    threads_.push_back({row.end, nextOrder_++, task});
    std::push_heap(threads_.begin(), threads_.end(), EndsLater{});
    report(LoopEventKind::ThreadStarted, task);
}

void Scheduler::beginArrival(std::size_t task, std::int64_t ms) {
    tasks_[task].state = TaskState::Arriving;
    waits_.push_back({now_ + ms, nextOrder_++, task});
    std::push_heap(waits_.begin(), waits_.end(), EndsLater{});
}

void Scheduler::spawnTask(std::size_t parent, std::size_t child) {
    ++tasks_[parent].nextStep; // a step without a row
    {
        const FrameArena::Scope scope(arena_);
        makeFrame(child, TaskState::Queued);
    }
    report(LoopEventKind::Spawned, child);
    report(LoopEventKind::Ready, child);
    queueStep(child);
}

bool Scheduler::beginJoin(std::size_t task, const std::uint32_t* joined, std::size_t count) {
    TaskSlot& slot = tasks_[task];
    slot.current = {task, slot.nextStep++, joinKind_, now_, now_};
    if (count == 1) {
        if (tasks_[joined[0]].state == TaskState::Left)
            return false; // a task that has left is not awaited
        slot.state = TaskState::Joining;
        report(LoopEventKind::JoinWaiting, task);
        waitingOn_[joined[0]].push_back({Callback::Step, std::uint32_t(task)});
        return true;
    }
    // asyncio.gather: one callback per task, queued at once for a task that has left.
    const auto id = std::uint32_t(gathers_.size());
    gathers_.push_back({task, std::uint32_t(count)});
    slot.state = TaskState::Joining;
    report(LoopEventKind::JoinWaiting, task);
    for (std::size_t i = 0; i < count; ++i) {
        if (tasks_[joined[i]].state == TaskState::Left) {
            ++gathers_[id].left;
            enqueue(Callback::Gather, id);
        } else {
            waitingOn_[joined[i]].push_back({Callback::Gather, id});
        }
    }
    if (gathers_[id].left == count)
        releaseJoin(task);
    return true;
}

void Scheduler::releaseJoin(std::size_t joiner) {
    Segment& row = tasks_[joiner].current;
    row.end = now_;
    if (row.end > row.start)
        emitRow(row);
    report(LoopEventKind::JoinReleased, joiner);
    report(LoopEventKind::Ready, joiner);
}

} // namespace coroscope
