#include "explain/explain.h"

#include <algorithm>
#include <cassert>

namespace coroscope {

namespace {

constexpr std::int64_t kNotReady = -1;

// Calls f(task, readyTime, runTime) for each run that came later than its ready, in report
// order (so each task's stretches come sorted).
template <typename F>
void forEachReadyStretch(std::span<const LoopEvent> events, std::vector<std::int64_t>& since,
                         F&& f) {
    std::fill(since.begin(), since.end(), kNotReady);
    for (const LoopEvent& e : events) {
        if (e.task >= since.size())
            continue;
        if (e.kind == LoopEventKind::Ready) {
            since[e.task] = e.time;
        } else if (e.kind == LoopEventKind::Run && since[e.task] != kNotReady) {
            if (e.time > since[e.task])
                f(e.task, since[e.task], e.time);
            since[e.task] = kNotReady;
        }
    }
}

} // namespace

ReadyStretches::ReadyStretches(std::span<const LoopEvent> events, std::size_t tasks) {
    std::vector<std::size_t>& offsets = stretches_.offsets;
    offsets.assign(tasks + 1, 0);
    // Two passes, as Lanes' counting sort: count each lane, then fill it in order.
    std::vector<std::int64_t> since(tasks);
    forEachReadyStretch(events, since,
                        [&](std::size_t task, std::int64_t, std::int64_t) { ++offsets[task + 1]; });
    for (std::size_t t = 0; t < tasks; ++t)
        offsets[t + 1] += offsets[t];
    stretches_.items.resize(offsets[tasks]);
    std::vector<std::size_t> next(offsets.begin(), offsets.end() - 1);
    forEachReadyStretch(events, since, [&](std::size_t task, std::int64_t from, std::int64_t to) {
        stretches_.items[next[task]++] = {from, to};
    });
}

LoopLane::LoopLane(std::span<const LoopEvent> events) {
    bool open = false;
    Hold hold;
    auto close = [&](std::int64_t at) {
        // A task picked only to yield or leave at once held the loop for no time.
        if (open && at > hold.start) {
            holds_.push_back({hold.start, at, hold.task});
            if (hold.task != LoopEvent::kNoTask) {
                busy_.push_back({hold.start, at, StepKind::Cpu});
                busyHolders_.push_back(hold.task);
            }
        }
        open = false;
    };
    for (const LoopEvent& e : events) {
        switch (e.kind) {
        case LoopEventKind::Ready:
            break;
        case LoopEventKind::Run:
        case LoopEventKind::Idle:
            close(e.time);
            hold = {e.time, e.time, e.task};
            open = true;
            break;
        case LoopEventKind::Wait:
        case LoopEventKind::Done:
            assert(open && hold.task == e.task); // only the holder yields or leaves
            close(e.time);
            break;
        case LoopEventKind::Spawned:
        case LoopEventKind::SlotQueued:
        case LoopEventKind::SlotHanded:
        case LoopEventKind::ThreadQueued:
        case LoopEventKind::ThreadStarted:
        case LoopEventKind::ThreadFinished:
        case LoopEventKind::JoinWaiting:
        case LoopEventKind::JoinReleased:
            break; // the loop's hold ends at the next run or idle, as time passes only then
        }
    }
    // Only a cut stream (not a whole run) leaves a hold open: it ends at the last decision.
    if (open && !events.empty())
        close(events.back().time);
}

std::size_t LoopLane::holderAt(double ms) const {
    const auto it = std::partition_point(holds_.begin(), holds_.end(),
                                         [&](const Hold& h) { return h.end <= ms; });
    if (it != holds_.end() && it->start <= ms)
        return it->task;
    return LoopEvent::kNoTask;
}

ReadyQueues::ReadyQueues(std::span<const LoopEvent> events) {
    std::size_t picked = 0;
    for (const LoopEvent& e : events) {
        if (e.kind == LoopEventKind::Ready) {
            joined_.push_back(e.task);
        } else if (e.kind == LoopEventKind::Run) {
            // The FIFO rule this slicing rests on.
            assert(picked < joined_.size() && joined_[picked] == e.task);
            if (picked < joined_.size())
                ++picked;
        }
        if (instants_.empty() || instants_.back().time != e.time)
            instants_.push_back({e.time, 0, 0});
        instants_.back().picked = picked;
        instants_.back().joined = joined_.size();
    }
}

std::span<const std::size_t> ReadyQueues::queueAt(double ms) const {
    const auto after = std::partition_point(instants_.begin(), instants_.end(),
                                            [&](const Instant& i) { return i.time <= ms; });
    if (after == instants_.begin())
        return {};
    const Instant& at = *(after - 1);
    return {joined_.data() + at.picked, at.joined - at.picked};
}

std::vector<LogLine> narrate(const Scenario& scenario, std::span<const LoopEvent> events) {
    const std::size_t tasks = scenario.tasks.size();
    auto name = [&](std::size_t task) -> const std::string& { return scenario.tasks[task].name; };
    // Per task: the step after its last started wait, and that wait (none yet: never waited).
    std::vector<std::size_t> nextStep(tasks, 0);
    std::vector<const Step*> lastWait(tasks, nullptr);
    // Enough of the queue to say whom a task joins behind: its length and its back.
    std::size_t queued = 0;
    std::size_t back = 0;

    std::vector<LogLine> lines;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const LoopEvent& e = events[i];
        if (lines.empty() || lines.back().time != e.time)
            lines.push_back({e.time, {}});
        std::string& text = lines.back().text;
        if (!text.empty())
            text += ' ';
        if (e.kind != LoopEventKind::Idle && e.task >= tasks) {
            text += "(an event of an unknown task).";
            continue;
        }
        switch (e.kind) {
        case LoopEventKind::Ready:
            if (!lastWait[e.task]) {
                text += name(e.task) + " starts and joins the ready queue.";
            } else {
                text += name(e.task) + "'s ";
                text += scenario.kinds.waitNoun(lastWait[e.task]->kind);
                text += " wait is done; it joins the ready queue behind ";
                text += queued > 0 ? name(back) : std::string("nobody");
                text += '.';
            }
            ++queued;
            back = e.task;
            break;
        case LoopEventKind::Run:
            text += "The loop picks " + name(e.task) + '.';
            queued -= queued > 0 ? 1 : 0;
            break;
        case LoopEventKind::Wait: {
            // The cpu steps before it ran without a decision: the wait is the next one.
            const std::vector<Step>& steps = scenario.tasks[e.task].steps;
            std::size_t s = nextStep[e.task];
            while (s < steps.size() && !isWait(steps[s].kind))
                ++s;
            if (s == steps.size()) {
                text += name(e.task) + " yields.";
                break;
            }
            lastWait[e.task] = &steps[s];
            nextStep[e.task] = s + 1;
            text += name(e.task) + " yields at ";
            text += scenario.kinds[steps[s].kind].name;
            text += '(' + std::to_string(steps[s].ms) + ").";
            break;
        }
        case LoopEventKind::Done:
            text += name(e.task) + " is done.";
            break;
        case LoopEventKind::Spawned:
            text += name(e.task) + " is spawned.";
            break;
        case LoopEventKind::SlotQueued:
            text += name(e.task) + " queues for a slot of " + scenario.kinds[e.resource].name + '.';
            break;
        case LoopEventKind::SlotHanded:
            text += name(e.task) + " is handed a slot of " + scenario.kinds[e.resource].name + '.';
            break;
        case LoopEventKind::ThreadQueued:
            text += name(e.task) + "'s thread item queues for a free worker.";
            break;
        case LoopEventKind::ThreadStarted:
            text += name(e.task) + "'s thread item starts on a worker.";
            break;
        case LoopEventKind::ThreadFinished:
            text += name(e.task) + "'s thread item is done.";
            break;
        case LoopEventKind::JoinWaiting:
            text += name(e.task) + " waits for the tasks it joins.";
            break;
        case LoopEventKind::JoinReleased:
            text += "Every task " + name(e.task) + " joins has left.";
            break;
        case LoopEventKind::Idle: {
            // The next decision after an idle is the ready of the wait that ends first.
            const LoopEvent* next = i + 1 < events.size() ? &events[i + 1] : nullptr;
            if (next && next->kind == LoopEventKind::Ready && next->task < tasks &&
                lastWait[next->task]) {
                text += "Nothing is ready: the loop idles until " + name(next->task) + "'s ";
                text += scenario.kinds.waitNoun(lastWait[next->task]->kind);
                text += " wait ends.";
            } else {
                text += "Nothing is ready: the loop idles.";
            }
            break;
        }
        }
    }
    return lines;
}

} // namespace coroscope
