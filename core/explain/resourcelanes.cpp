#include "explain/resourcelanes.h"

#include "explain/waitsteps.h"

#include <algorithm>
#include <optional>

namespace coroscope {

void Levels::set(std::int64_t time, std::int64_t value) {
    if (!levels_.empty() && levels_.back().time == time)
        levels_.pop_back(); // the last decision at a time gives its value
    const std::int64_t before = levels_.empty() ? 0 : levels_.back().value;
    if (value != before)
        levels_.push_back({time, value});
}

std::int64_t Levels::at(double ms) const {
    const auto after = std::partition_point(levels_.begin(), levels_.end(),
                                            [&](const Level& l) { return double(l.time) <= ms; });
    return after == levels_.begin() ? 0 : (after - 1)->value;
}

std::pair<std::size_t, std::size_t> Levels::overlapping(double fromMs, double toMs) const {
    const auto after = std::partition_point(
        levels_.begin(), levels_.end(), [&](const Level& l) { return double(l.time) <= fromMs; });
    const auto first = after == levels_.begin() ? after : after - 1;
    const auto last = std::partition_point(first, levels_.end(),
                                           [&](const Level& l) { return double(l.time) < toMs; });
    return {std::size_t(first - levels_.begin()), std::size_t(last - levels_.begin())};
}

std::int64_t Levels::most() const {
    std::int64_t most = 0;
    for (const Level& l : levels_)
        most = std::max(most, l.value);
    return most;
}

std::uint32_t LowestFree::take() {
    if (returned_.empty())
        return unused_++;
    const std::uint32_t place = returned_.top();
    returned_.pop();
    return place;
}

void LowestFree::giveBack(std::uint32_t place) {
    returned_.push(place);
}

SlotLane::SlotLane(std::int64_t capacity, StepKind kind, std::vector<SlotHold> holds, Levels inUse,
                   Levels queued)
    : capacity_(capacity)
    , inUse_(std::move(inUse))
    , queued_(std::move(queued)) {
    // A counting sort by slot: a slot's holds end in time order, and they are disjoint.
    std::size_t used = 0;
    for (const SlotHold& h : holds)
        used = std::max(used, std::size_t(h.slot) + 1);
    std::vector<std::size_t>& offsets = holds_.offsets;
    offsets.assign(used + 1, 0);
    for (const SlotHold& h : holds)
        ++offsets[h.slot + 1];
    for (std::size_t s = 0; s < used; ++s)
        offsets[s + 1] += offsets[s];
    holds_.items.resize(holds.size());
    std::vector<std::size_t> next(offsets.begin(), offsets.end() - 1);
    for (const SlotHold& h : holds)
        holds_.items[next[h.slot]++] = h;
    segments_.reserve(holds_.items.size());
    for (const SlotHold& h : holds_.items)
        segments_.push_back({h.start, h.end, kind});
}

const SlotHold* SlotLane::holdAt(std::size_t slot, double ms) const {
    const auto [first, last] = overlapping(slot, ms, ms);
    const std::span<const SlotHold> holds = holdsOf(slot);
    if (first < holds.size() && double(holds[first].start) <= ms)
        return &holds[first];
    return nullptr;
}

namespace {

// One lane as the decisions build it.
struct Building {
    std::vector<SlotHold> holds; // in the order they end
    Levels inUse, queued;
    std::int64_t held = 0, waiting = 0;
    LowestFree free;

    SlotHold take(std::size_t task, std::int64_t at) {
        inUse.set(at, ++held);
        return {at, at, task, free.take()};
    }
    void giveBack(SlotHold hold, std::int64_t at) {
        hold.end = at;
        holds.push_back(hold);
        free.giveBack(hold.slot);
        inUse.set(at, --held);
    }
    void queue(std::int64_t at, std::int64_t by) { queued.set(at, waiting += by); }
};

// Where a task stands with a slot: none, handed one (kept for it until it runs), or holding it
// through its wait.
enum class Holding : std::uint8_t { None, Handed, Waiting };

struct TaskSlot {
    Holding state = Holding::None;
    StepKind resource;
    SlotHold hold;
};

} // namespace

ResourceLanes::ResourceLanes(std::span<const LoopEvent> events, const Scenario& scenario) {
    const KindTable& kinds = scenario.kinds;
    const std::size_t tasks = scenario.tasks.size();
    std::vector<Building> byKind(kinds.size());
    Building pool;
    std::vector<TaskSlot> slots(tasks);
    std::vector<SlotHold> workers(tasks);
    std::vector<bool> onWorker(tasks, false), poolQueued(tasks, false);
    WaitSteps waits(scenario);
    for (const LoopEvent& e : events) {
        const std::size_t task = e.task;
        if (task >= tasks)
            continue;
        switch (e.kind) {
        case LoopEventKind::SlotQueued:
            byKind[e.resource.index].queue(e.time, +1);
            break;
        case LoopEventKind::SlotHanded: {
            Building& b = byKind[e.resource.index];
            b.queue(e.time, -1);
            slots[task] = {Holding::Handed, e.resource, b.take(task, e.time)};
            break;
        }
        case LoopEventKind::Wait: {
            const Step* step = waits.next(task);
            if (slots[task].state == Holding::Handed)
                slots[task].state = Holding::Waiting;
            else if (step && kinds[step->kind].limit > 0)
                slots[task] = {Holding::Waiting, step->kind,
                               byKind[step->kind.index].take(task, e.time)};
            break;
        }
        case LoopEventKind::Run: // back from its wait: the slot goes back
            if (slots[task].state == Holding::Waiting) {
                byKind[slots[task].resource.index].giveBack(slots[task].hold, e.time);
                slots[task].state = Holding::None;
            }
            break;
        case LoopEventKind::ThreadQueued:
            pool.queue(e.time, +1);
            poolQueued[task] = true;
            break;
        case LoopEventKind::ThreadStarted:
            if (poolQueued[task])
                pool.queue(e.time, -1);
            poolQueued[task] = false;
            workers[task] = pool.take(task, e.time);
            onWorker[task] = true;
            break;
        case LoopEventKind::ThreadFinished:
            if (onWorker[task])
                pool.giveBack(workers[task], e.time);
            onWorker[task] = false;
            break;
        default:
            break;
        }
    }
    // Only a cut stream (not a whole run) leaves holds open: they end at the last decision.
    if (!events.empty()) {
        const std::int64_t last = events.back().time;
        for (std::size_t t = 0; t < tasks; ++t) {
            if (slots[t].state != Holding::None)
                byKind[slots[t].resource.index].giveBack(slots[t].hold, last);
            if (onWorker[t])
                pool.giveBack(workers[t], last);
        }
    }
    for (const LaneKind& of : slotLaneKinds(scenario)) {
        Building& b = of.pool ? pool : byKind[of.kind.index];
        lanes_.push_back({of, SlotLane(of.capacity, of.kind, std::move(b.holds), std::move(b.inUse),
                                       std::move(b.queued))});
    }
}

std::vector<LaneKind> slotLaneKinds(const Scenario& scenario) {
    const KindTable& kinds = scenario.kinds;
    std::vector<bool> used(kinds.size(), false);
    for (const Task& task : scenario.tasks)
        for (const Step& step : task.steps)
            used[step.kind.index] = true;
    std::vector<LaneKind> lanes;
    for (StepKind kind : kinds.all())
        if (used[kind.index] && kinds.isResource(kind) && kinds[kind].limit > 0)
            lanes.push_back({kind, false, kinds[kind].limit});
    if (const std::optional<StepKind> thread = kinds.find(KindBehaviour::Thread);
        thread && used[thread->index])
        lanes.push_back({*thread, true, scenario.threads});
    return lanes;
}

} // namespace coroscope
