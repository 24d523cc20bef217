#include "loop/loopevent.h"

namespace coroscope {

std::string_view loopEventName(LoopEventKind kind) {
    switch (kind) {
    case LoopEventKind::Ready:
        return "ready";
    case LoopEventKind::Run:
        return "run";
    case LoopEventKind::Wait:
        return "wait";
    case LoopEventKind::Done:
        return "done";
    case LoopEventKind::Idle:
        return "idle";
    case LoopEventKind::Spawned:
        return "spawned";
    case LoopEventKind::SlotQueued:
        return "slot-queued";
    case LoopEventKind::SlotHanded:
        return "slot-handed";
    case LoopEventKind::ThreadQueued:
        return "thread-queued";
    case LoopEventKind::ThreadStarted:
        return "thread-started";
    case LoopEventKind::ThreadFinished:
        return "thread-finished";
    case LoopEventKind::JoinWaiting:
        return "join-waiting";
    case LoopEventKind::JoinReleased:
        return "join-released";
    case LoopEventKind::Queued:
        return "queued";
    }
    return "idle";
}

} // namespace coroscope
