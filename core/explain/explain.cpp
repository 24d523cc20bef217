#include "explain/explain.h"

#include "explain/waitsteps.h"

#include <algorithm>
#include <cassert>
#include <string_view>

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
        case LoopEventKind::Queued:
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
    // A run with spawn, join, slots or threads says when each wake-up joins the loop's queue;
    // otherwise a task's wake-up stands where it became ready.
    const bool queuedShown = std::any_of(events.begin(), events.end(), [](const LoopEvent& e) {
        return e.kind == LoopEventKind::Queued;
    });
    const LoopEventKind joins = queuedShown ? LoopEventKind::Queued : LoopEventKind::Ready;
    std::size_t picked = 0;
    for (const LoopEvent& e : events) {
        if (e.kind == joins) {
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

namespace {

// What narrate keeps of the run so far: per task where it is among its steps and what it last
// waited for, per resource how many of its slots are taken, which worker runs whose item (the
// numbers of Explain's pool lane), the order tasks left in, and enough of the queue to say
// whom a task joins behind (its length and its back).
class Narrator {
public:
    // Whether events[i] comes right after a decision of the same task at the same time that
    // says why it is ready (a spawn, a slot handed, a thread finished, a join released).
    static bool followsItsReason(std::span<const LoopEvent> events, std::size_t i) {
        if (i == 0)
            return false;
        const LoopEvent& before = events[i - 1];
        return before.task == events[i].task && before.time == events[i].time &&
               before.kind != LoopEventKind::Ready && before.kind != LoopEventKind::Idle;
    }

    // Whether events[i] is a slot handed right after a run at its time that gave back a slot of its
    // resource: the slot handed is that one.
    bool handsOnGivenBack(std::span<const LoopEvent> events, std::size_t i) const {
        if (i == 0)
            return false;
        const LoopEvent& before = events[i - 1];
        return events[i].kind == LoopEventKind::SlotHanded && before.kind == LoopEventKind::Run &&
               before.time == events[i].time &&
               givenBack_ == std::pair{before.task, events[i].resource.index};
    }

    Narrator(const Scenario& scenario, const AwaitWords& awaited)
        : scenario_(scenario)
        , awaited_(awaited)
        , waits_(scenario)
        , nextJoin_(scenario.tasks.size(), 0)
        , nextThread_(scenario.tasks.size(), 0)
        , thread_(scenario.tasks.size(), 0)
        , join_(scenario.tasks.size(), SIZE_MAX)
        , worker_(scenario.tasks.size(), 0)
        , leftAs_(scenario.tasks.size(), 0)
        , lastWait_(scenario.tasks.size(), nullptr)
        , holding_(scenario.tasks.size(), false)
        , taken_(scenario.kinds.size(), 0) {}

    // The sentence for events[i], appended to text.
    void tell(std::span<const LoopEvent> events, std::size_t i, std::string& text) {
        const LoopEvent& e = events[i];
        switch (e.kind) {
        case LoopEventKind::Ready:
            ready(events, i, text);
            break;
        case LoopEventKind::Run:
            text += "The loop picks " + name(e.task) + '.';
            queued_ -= queued_ > 0 ? 1 : 0;
            givenBack_ = {SIZE_MAX, 0};
            if (holding_[e.task]) { // back from a limited wait: the slot goes back
                holding_[e.task] = false;
                givenBack_ = {e.task, lastWait_[e.task]->kind.index};
                --taken_[lastWait_[e.task]->kind.index];
                text += ' ' + name(e.task) + " gives back its slot of " +
                        kindName(lastWait_[e.task]->kind) + '.';
            }
            break;
        case LoopEventKind::Wait:
            wait(e.task, text);
            break;
        case LoopEventKind::Done:
            leftAs_[e.task] = ++left_;
            text += name(e.task) + " is done.";
            break;
        case LoopEventKind::Idle:
            idle(events, i, text);
            break;
        case LoopEventKind::Spawned:
            text += name(e.task) + " is spawned.";
            break;
        case LoopEventKind::SlotQueued:
            text += name(e.task) + " queues for a slot of " + kindName(e.resource) + " (" +
                    inUse(e.resource) + ").";
            break;
        case LoopEventKind::SlotHanded:
            ++taken_[e.resource.index];
            if (handsOnGivenBack(events, i) && !text.empty() && text.back() == '.') {
                // "f1 gives back its slot of db; f3 is woken for it (2 of 2 in use)."
                text.pop_back();
                text += "; " + name(e.task) + " is woken for it";
            } else {
                text += name(e.task) + " is handed a slot of " + kindName(e.resource);
            }
            text += " (" + inUse(e.resource) + ").";
            break;
        case LoopEventKind::ThreadQueued:
            text += threadItem(e.task, nextOf(e.task, KindBehaviour::Thread, nextThread_)) +
                    " queues for a free worker.";
            break;
        case LoopEventKind::ThreadStarted:
            thread_[e.task] = nextOf(e.task, KindBehaviour::Thread, nextThread_);
            nextThread_[e.task] = thread_[e.task] + 1;
            worker_[e.task] = workers_.take();
            ++busy_;
            text += threadItem(e.task, thread_[e.task]) + " starts on worker " +
                    std::to_string(worker_[e.task] + 1) + " (" + std::to_string(busy_) + " of " +
                    std::to_string(scenario_.threads) + " busy).";
            break;
        case LoopEventKind::ThreadFinished:
            workers_.giveBack(worker_[e.task]);
            --busy_;
            text += threadItem(e.task, thread_[e.task]) + " is done.";
            break;
        case LoopEventKind::JoinWaiting: {
            const std::size_t join = nextOf(e.task, KindBehaviour::Join, nextJoin_);
            nextJoin_[e.task] = join + 1;
            join_[e.task] = join;
            text += name(e.task) + " waits for " + joinedNames(e.task, join) +
                    wordsOf(e.task, join, ", awaiting ") + '.';
            break;
        }
        case LoopEventKind::JoinReleased:
            text += name(e.task) + "'s join is released (" + lastToLeave(e.task) + ").";
            break;
        case LoopEventKind::Queued:
            break; // narrate says nothing of it
        }
    }

private:
    const std::string& name(std::size_t task) const { return scenario_.tasks[task].name; }
    const std::string& kindName(StepKind kind) const { return scenario_.kinds[kind].name; }
    // joiner and "`client.get(url)` at app.py:41" of the task's step, if recorded; else "".
    std::string wordsOf(std::size_t task, std::size_t step, std::string_view joiner) const {
        if (!awaited_ || step >= scenario_.tasks[task].steps.size())
            return {};
        std::string words = awaited_(task, step);
        return words.empty() ? words : std::string(joiner) + words;
    }
    // The same of the task's current wait.
    std::string awaitedFor(std::size_t task, std::string_view joiner) const {
        return wordsOf(task, std::size_t(lastWait_[task] - scenario_.tasks[task].steps.data()),
                       joiner);
    }
    // The index of the task's next step of that behaviour from next[task] on (the step count
    // for none).
    std::size_t nextOf(std::size_t task, KindBehaviour behaviour,
                       const std::vector<std::size_t>& next) const {
        const std::vector<Step>& steps = scenario_.tasks[task].steps;
        std::size_t s = next[task];
        while (s < steps.size() && scenario_.kinds.behaviour(steps[s].kind) != behaviour)
            ++s;
        return s;
    }
    // "fetch's thread item", and what it runs if recorded: "fetch's thread item
    // (`asyncio.to_thread(parse)` at app.py:9)".
    std::string threadItem(std::size_t task, std::size_t step) const {
        std::string words = wordsOf(task, step, " (");
        return name(task) + "'s thread item" + (words.empty() ? words : words + ')');
    }
    // "fetch a, fetch b" of the tasks a join names: the first few, then how many more.
    std::string joinedNames(std::size_t task, std::size_t step) const {
        constexpr std::size_t kNamed = 8;
        if (step >= scenario_.tasks[task].steps.size())
            return "the tasks it joins";
        const auto& joined = scenario_.tasks[task].steps[step].tasks;
        std::string names;
        for (std::size_t i = 0; i < joined.size() && i < kNamed; ++i)
            names += (i > 0 ? ", " : "") + name(joined[i]);
        if (joined.size() > kNamed)
            names += " and " + std::to_string(joined.size() - kNamed) + " more";
        return names;
    }
    // "fetch b has left" of a join on one task, "fetch b is the last of them to leave" of more.
    std::string lastToLeave(std::size_t task) const {
        const std::size_t step = join_[task];
        if (step >= scenario_.tasks[task].steps.size())
            return "the last task it joins has left";
        const auto& joined = scenario_.tasks[task].steps[step].tasks;
        const auto last = std::max_element(joined.begin(), joined.end(),
                                           [&](auto a, auto b) { return leftAs_[a] < leftAs_[b]; });
        return name(*last) + (joined.size() == 1 ? " has left" : " is the last of them to leave");
    }
    std::string inUse(StepKind kind) const {
        return std::to_string(taken_[kind.index]) + " of " +
               std::to_string(scenario_.kinds[kind].limit) + " in use";
    }

    void ready(std::span<const LoopEvent> events, std::size_t i, std::string& text) {
        const LoopEvent& e = events[i];
        if (followsItsReason(events, i) && !text.empty() && text.back() == '.') {
            // "fetch 4 is handed a slot of http (3 of 3 in use); it joins ..."
            text.pop_back();
            text += "; it joins the ready queue behind ";
            text += queued_ > 0 ? name(back_) : std::string("nobody");
            text += '.';
        } else if (!lastWait_[e.task]) {
            text += name(e.task) + (scenario_.tasks[e.task].startMs > 0 ? " arrives" : " starts") +
                    " and joins the ready queue.";
        } else {
            text += name(e.task) + "'s ";
            text += scenario_.kinds.waitNoun(lastWait_[e.task]->kind);
            text += " wait" + awaitedFor(e.task, " for ") +
                    " is done; it joins the ready queue behind ";
            text += queued_ > 0 ? name(back_) : std::string("nobody");
            text += '.';
        }
        ++queued_;
        back_ = e.task;
    }

    void wait(std::size_t task, std::string& text) {
        const Step* next = waits_.next(task);
        if (!next) {
            text += name(task) + " yields.";
            return;
        }
        const Step& step = *next;
        lastWait_[task] = &step;
        const std::int64_t limit = scenario_.kinds[step.kind].limit;
        if (limit > 0 && !queuedFor(task, step.kind)) // it takes a free slot now
            ++taken_[step.kind.index];
        holding_[task] = limit > 0;
        text += name(task) + " yields at ";
        text += kindName(step.kind);
        text += '(' + std::to_string(step.ms) + ')' + awaitedFor(task, ", awaiting ") + '.';
    }

    // Whether task was handed its slot already (its slot is counted then).
    bool queuedFor(std::size_t task, StepKind kind) {
        auto it = std::find(handed_.begin(), handed_.end(), std::pair{task, kind.index});
        if (it == handed_.end())
            return false;
        handed_.erase(it);
        return true;
    }

    void idle(std::span<const LoopEvent> events, std::size_t i, std::string& text) {
        // The next decision after an idle is the ready of the wait that ends first.
        const std::size_t tasks = scenario_.tasks.size();
        const LoopEvent* next = i + 1 < events.size() ? &events[i + 1] : nullptr;
        if (next && next->kind == LoopEventKind::Ready && next->task < tasks &&
            lastWait_[next->task]) {
            text += "Nothing is ready: the loop idles until " + name(next->task) + "'s ";
            text += scenario_.kinds.waitNoun(lastWait_[next->task]->kind);
            text += " wait" + awaitedFor(next->task, " for ") + " ends.";
        } else if (next && next->kind == LoopEventKind::ThreadFinished && next->task < tasks) {
            text += "Nothing is ready: the loop idles until " +
                    threadItem(next->task, thread_[next->task]) + " is done.";
        } else if (next && next->kind == LoopEventKind::Ready && next->task < tasks &&
                   scenario_.tasks[next->task].startMs > 0) {
            text += "Nothing is ready: the loop idles until " + name(next->task) + " arrives.";
        } else {
            text += "Nothing is ready: the loop idles.";
        }
    }

    const Scenario& scenario_;
    const AwaitWords& awaited_;
    WaitSteps waits_;
    std::vector<std::size_t> nextJoin_, nextThread_; // where to look for its next join, thread
    std::vector<std::size_t> thread_;                // its thread item running, by step index
    std::vector<std::size_t> join_;                  // the step of its join under way
    std::vector<std::uint32_t> worker_;              // the worker its thread item runs on
    LowestFree workers_;
    std::int64_t busy_ = 0;
    std::vector<std::size_t> leftAs_; // 1 for the first task to leave, 0 while it runs
    std::size_t left_ = 0;
    std::pair<std::size_t, std::uint16_t> givenBack_{SIZE_MAX, 0}; // the last slot given back
    std::vector<const Step*> lastWait_;
    std::vector<bool> holding_;       // its current wait holds a slot
    std::vector<std::int64_t> taken_; // by resource: slots held or kept for a woken task
    std::vector<std::pair<std::size_t, std::uint16_t>> handed_; // woken, wait not yet begun
    std::size_t queued_ = 0;
    std::size_t back_ = 0;

public:
    void noteHanded(const LoopEvent& e) {
        if (e.kind == LoopEventKind::SlotHanded)
            handed_.push_back({e.task, e.resource.index});
    }
};

} // namespace

std::vector<LogLine> narrate(const Scenario& scenario, std::span<const LoopEvent> events,
                             const AwaitWords& awaited) {
    const std::size_t tasks = scenario.tasks.size();
    Narrator narrator(scenario, awaited);
    std::vector<LogLine> lines;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const LoopEvent& e = events[i];
        if (lines.empty() || lines.back().time != e.time)
            lines.push_back({e.time, {}});
        std::string& text = lines.back().text;
        if (e.kind != LoopEventKind::Idle && e.task >= tasks) {
            if (!text.empty())
                text += ' ';
            text += "(an event of an unknown task).";
            continue;
        }
        if (e.kind == LoopEventKind::Queued)
            continue; // the ready sentence said where it joins
        // A ready right after its reason continues that sentence: "...; it joins ..."; so does a
        // slot handed on as its holder gives it back: "...; f3 is woken for it".
        const bool continues =
            (e.kind == LoopEventKind::Ready && Narrator::followsItsReason(events, i)) ||
            narrator.handsOnGivenBack(events, i);
        if (!text.empty() && !continues)
            text += ' ';
        narrator.noteHanded(e);
        narrator.tell(events, i, text);
    }
    return lines;
}

int logLineAt(std::span<const LogLine> lines, double ms) {
    const auto after =
        std::upper_bound(lines.begin(), lines.end(), ms,
                         [](double time, const LogLine& line) { return time < double(line.time); });
    return int(after - lines.begin()) - 1;
}

} // namespace coroscope
