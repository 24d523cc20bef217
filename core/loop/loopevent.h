#pragma once

// The event loop's decisions, as the scheduler makes them: the "why" behind the segments. A
// task is ready (at the start, when its wait ends, when it arrives, is spawned, is handed a
// slot, when its thread item finishes or the tasks it joined have left), the loop picks it, it
// starts a wait and yields, it leaves; and the loop goes idle with nothing ready. Version 2
// adds a spawn, queuing for a slot and being handed one, a thread item queued, started and
// finished, and a join waiting and being released.

#include "model/stepkind.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

namespace coroscope {

enum class LoopEventKind {
    Ready,
    Run,
    Wait,
    Done,
    Idle,
    Spawned,        // task is the child
    SlotQueued,     // for a slot of resource
    SlotHanded,     // a slot of resource is kept for the task until it runs
    ThreadQueued,   // every worker busy
    ThreadStarted,  // on a worker
    ThreadFinished, // its hand-over is queued
    JoinWaiting,
    JoinReleased, // the last task it joined has left
    Queued,       // its step or wake-up joins the back of the loop's queue (version 2)
};

struct LoopEvent {
    static constexpr std::size_t kNoTask = std::numeric_limits<std::size_t>::max();
    std::int64_t time = 0;
    LoopEventKind kind = LoopEventKind::Idle;
    std::size_t task = kNoTask;        // 0-based; kNoTask for Idle
    StepKind resource = StepKind::Cpu; // the slot's resource, for SlotQueued and SlotHanded
    friend bool operator==(const LoopEvent&, const LoopEvent&) = default;
};

// The CSV spelling: "ready", "run", "wait", "done", "idle", "spawned", "slot-queued" (the CSV
// puts the resource first: "http-slot-queued"), "slot-handed", "thread-queued",
// "thread-started", "thread-finished", "join-waiting", "join-released", "queued".
std::string_view loopEventName(LoopEventKind kind);

} // namespace coroscope
