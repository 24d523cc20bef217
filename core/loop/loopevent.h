#pragma once

// The event loop's decisions, as the scheduler makes them: the "why" behind the segments. A
// task joins the ready queue (at the start, or when its wait ends), the loop picks it, it
// starts a wait and yields, it leaves; and the loop goes idle with nothing ready.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

namespace coroscope {

enum class LoopEventKind { Ready, Run, Wait, Done, Idle };

struct LoopEvent {
    static constexpr std::size_t kNoTask = std::numeric_limits<std::size_t>::max();
    std::int64_t time = 0;
    LoopEventKind kind = LoopEventKind::Idle;
    std::size_t task = kNoTask; // 0-based; kNoTask for Idle
    friend bool operator==(const LoopEvent&, const LoopEvent&) = default;
};

// The CSV spelling: "ready", "run", "wait", "done", "idle".
std::string_view loopEventName(LoopEventKind kind);

} // namespace coroscope
