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
    }
    return "idle";
}

} // namespace coroscope
