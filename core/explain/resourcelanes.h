#pragma once

// Explain mode's lanes below the loop's: per resource with a limit, who holds which of its
// slots when and how many tasks queue for one; for the thread pool, whose item runs on which
// worker and how many items wait for one. Read off the loop's decisions (in report order, as
// simulateRun gives them) in O(events), queried by binary search.
//
// A slot is held from the moment a task takes it (its wait begins with a slot free) or is handed
// it (the slot is kept for it until it runs and begins its wait) until the task runs again after
// its wait and gives it back. A holder gets the lowest slot free then, so that a slot is one
// stable sub-row; the same for workers. A task handed a slot no longer counts as queued.

#include "loop/loopevent.h"
#include "model/scenario.h"
#include "view/intervals.h"
#include "view/lanes.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <queue>
#include <span>
#include <utility>
#include <vector>

namespace coroscope {

// One task's time on one slot (or worker): [start, end).
struct SlotHold {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::size_t task = 0;
    std::uint32_t slot = 0; // 0-based
    friend bool operator==(const SlotHold&, const SlotHold&) = default;
};

// A count that changes at decisions: value holds from time until the next level's time.
struct Level {
    std::int64_t time = 0;
    std::int64_t value = 0;
    friend bool operator==(const Level&, const Level&) = default;
};

// A step function of time, 0 before its first level.
class Levels {
public:
    // Sets the value from time on (times never go back; a second value at one time replaces it).
    void set(std::int64_t time, std::int64_t value);
    std::span<const Level> levels() const { return levels_; }
    // The value just after the decisions at times <= ms.
    std::int64_t at(double ms) const;
    // The index of the level in force at fromMs (or the first after it) and one past the last
    // that starts before toMs: the levels shown over [fromMs, toMs).
    std::pair<std::size_t, std::size_t> overlapping(double fromMs, double toMs) const;
    // The largest value it ever takes.
    std::int64_t most() const;

private:
    std::vector<Level> levels_;
};

// The lowest free one of a set of numbered places (slots, workers), taken and given back in
// any order: O(log places) each.
class LowestFree {
public:
    std::uint32_t take();
    void giveBack(std::uint32_t place);

private:
    std::uint32_t unused_ = 0; // every place from here on is free
    std::priority_queue<std::uint32_t, std::vector<std::uint32_t>, std::greater<>> returned_;
};

// The slots of one resource with a limit, or the workers of the pool.
class SlotLane {
public:
    SlotLane() = default;
    // capacity: the limit, or the pool's threads; holds in the order they ended; kind: what the
    // holds are drawn as (the resource, or the thread kind).
    SlotLane(std::int64_t capacity, StepKind kind, std::vector<SlotHold> holds, Levels inUse,
             Levels queued);

    std::int64_t capacity() const { return capacity_; }
    std::size_t holdCount() const { return holds_.items.size(); }
    // One slot's holds, sorted and disjoint (empty past the slots ever used).
    std::span<const SlotHold> holdsOf(std::size_t slot) const { return holds_.of(slot); }
    std::pair<std::size_t, std::size_t> overlapping(std::size_t slot, double fromMs,
                                                    double toMs) const {
        return overlappingIntervals(holdsOf(slot), fromMs, toMs);
    }
    // The hold of a slot at ms (start <= ms < end), or null.
    const SlotHold* holdAt(std::size_t slot, double ms) const;
    // The same holds as segments of the lane's kind, drawn as a task's lane is.
    std::span<const LaneSegment> segmentsOf(std::size_t slot) const {
        const std::span<const SlotHold> holds = holdsOf(slot);
        if (holds.empty())
            return {};
        return {segments_.data() + (holds.data() - holds_.items.data()), holds.size()};
    }
    // How many slots are held, and how many tasks queue for one.
    const Levels& inUse() const { return inUse_; }
    const Levels& queued() const { return queued_; }

private:
    std::int64_t capacity_ = 0;
    PerTask<SlotHold> holds_;           // by slot
    std::vector<LaneSegment> segments_; // holds_.items' as segments
    Levels inUse_;
    Levels queued_;
};

// A lane shows its slots or workers one by one up to this many; past it, as one band of how
// many are in use (the window), or not at all (the web page).
inline constexpr std::int64_t kMostSlotRows = 8;

// A lane Explain shows: a resource with a limit, or the pool (its kind the thread kind).
struct LaneKind {
    StepKind kind;
    bool pool = false;
    std::int64_t capacity = 0; // the limit, or the pool's threads
    friend bool operator==(const LaneKind&, const LaneKind&) = default;
};

// The lanes of a scenario, known before it runs: each resource with a limit that a step waits
// on, in the kinds' order, then the pool if a step is a thread item.
std::vector<LaneKind> slotLaneKinds(const Scenario& scenario);

struct ResourceLane {
    LaneKind of;
    SlotLane lane;
};

class ResourceLanes {
public:
    ResourceLanes() = default;
    ResourceLanes(std::span<const LoopEvent> events, const Scenario& scenario);

    // As slotLaneKinds says.
    std::span<const ResourceLane> lanes() const { return lanes_; }

private:
    std::vector<ResourceLane> lanes_;
};

} // namespace coroscope
