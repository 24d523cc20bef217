#include "loop/scheduler.h"

#include <algorithm>
#include <cassert>
#include <stdexcept>
#include <utility>

namespace coroscope {

TaskCoroutine playTask(const Task& task, const KindTable& kinds) {
    for (const Step& s : task.steps) {
        if (kinds.holdsLoop(s.kind))
            co_await cpu(s.ms);
        else
            co_await wait(s.kind, s.ms);
    }
}

void playToEnd(const Scenario& scenario, SchedulerListener& listener) {
    // The scenario outlives this scheduler, so its coroutines may read it in place.
    Scheduler scheduler(scenario.tasks.size(), [&scenario](std::size_t i) {
        return playTask(scenario.tasks[i], scenario.kinds);
    });
    scheduler.setListener(&listener);
    scheduler.runToEnd();
}

void StepAwaitable::await_suspend(TaskCoroutine::Handle handle) const {
    auto& promise = handle.promise();
    assert(promise.scheduler && "cpu()/io()/http() awaited outside a Scheduler");
    promise.scheduler->beginStep(promise.taskIndex, kind, ms, holdsLoop);
}

Scheduler::Scheduler(std::size_t taskCount, TaskFactory factory)
    : taskCount_(taskCount)
    , factory_(std::move(factory)) {
    spawnAll();
}

Scheduler::Scheduler(Scenario scenario)
    : taskCount_(scenario.tasks.size())
    , factory_([this](std::size_t i) { return playTask(scenario_->tasks[i], scenario_->kinds); })
    , scenario_(std::move(scenario)) {
    spawnAll();
}

Scheduler::~Scheduler() {
    clear();
}

void Scheduler::spawnAll() {
    const FrameArena::Scope scope(arena_);
    tasks_.resize(taskCount_);
    for (std::size_t i = 0; i < taskCount_; ++i) {
        tasks_[i] = {factory_(i), {}, 0};
        auto& promise = tasks_[i].coroutine.handle().promise();
        promise.scheduler = this;
        promise.taskIndex = i;
        ready_.push_back(i); // at t = 0 every task is ready, in scenario order
    }
    liveTasks_ = taskCount_;
}

void Scheduler::clear() noexcept {
    tasks_.clear(); // destroys the frames, before the arena that holds them goes
    ready_.clear();
    waits_.clear();
    cpu_.reset();
    arena_.clear();
}

void Scheduler::reset() {
    clear();
    now_ = 0;
    nextOrder_ = 0;
    started_ = false;
    idle_ = false;
    finished_ = false;
    spawnAll();
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

void Scheduler::report(LoopEventKind kind, std::size_t task) {
    if (listener_)
        listener_->loopEvent({now_, kind, task});
}

void Scheduler::advance(std::int64_t limit) {
    if (!started_) {
        started_ = true;
        for (std::size_t task = 0; task < taskCount_; ++task)
            report(LoopEventKind::Ready, task);
    }
    for (;;) {
        dispatchReady();
        std::int64_t next = kForever;
        if (cpu_)
            next = cpu_->end;
        if (!waits_.empty())
            next = std::min(next, waits_.front().end);
        if (next == kForever) {
            if (!finished_ && liveTasks_ == 0) {
                finished_ = true;
                if (listener_)
                    listener_->runFinished(now_);
            }
            return;
        }
        if (next > limit)
            return;
        now_ = next;
        processEventsAt(next);
    }
}

void Scheduler::processEventsAt(std::int64_t t) {
    std::optional<std::size_t> continuing;
    if (cpu_ && cpu_->end == t) {
        const Segment done = *cpu_;
        cpu_.reset();
        continuing = done.task;
        if (listener_)
            listener_->segmentFinished(done);
    }
    while (!waits_.empty() && waits_.front().end <= t) {
        std::pop_heap(waits_.begin(), waits_.end(), EndsLater{});
        const std::size_t task = waits_.back().task;
        waits_.pop_back();
        if (!waits_.empty()) // the next wait to end: its slot is read then
            __builtin_prefetch(&tasks_[waits_.front().task]);
        ready_.push_back(task);
        if (listener_)
            listener_->segmentFinished(tasks_[task].current);
        report(LoopEventKind::Ready, task);
    }
    if (continuing)
        resume(*continuing);
}

void Scheduler::dispatchReady() {
    while (!cpu_ && !ready_.empty()) {
        const std::size_t task = ready_.front();
        ready_.pop_front();
        // With many tasks every frame is cold: fetch the next one while this one runs.
        if (!ready_.empty())
            __builtin_prefetch(tasks_[ready_.front()].coroutine.handle().address());
        idle_ = false;
        report(LoopEventKind::Run, task);
        resume(task);
    }
    if (!cpu_ && liveTasks_ > 0 && !idle_) {
        idle_ = true;
        report(LoopEventKind::Idle);
    }
}

void Scheduler::resume(std::size_t task) {
    TaskCoroutine& coroutine = tasks_[task].coroutine;
    const TaskCoroutine::Handle handle = coroutine.handle();
    handle.resume(); // runs to the next co_await, which calls beginStep(), or to the end
    if (!handle.done())
        return;
    std::exception_ptr error = handle.promise().error;
    coroutine.reset();
    --liveTasks_;
    report(LoopEventKind::Done, task);
    if (error)
        std::rethrow_exception(error);
}

void Scheduler::beginStep(std::size_t task, StepKind kind, std::int64_t ms, bool holdsLoop) {
    if (ms < 0)
        throw std::invalid_argument("a step cannot last a negative time");
    TaskSlot& slot = tasks_[task];
    Segment& segment = slot.current;
    segment = {task, slot.nextStep++, kind, now_, now_ + ms};
    if (listener_)
        listener_->segmentStarted(segment);
    if (holdsLoop) {
        assert(!cpu_ && "only the task holding the loop can start cpu work");
        cpu_ = segment;
    } else {
        waits_.push_back({segment.end, nextOrder_++, task});
        std::push_heap(waits_.begin(), waits_.end(), EndsLater{});
        report(LoopEventKind::Wait, task);
    }
}

} // namespace coroscope
