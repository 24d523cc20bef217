#pragma once

// The version 2 scenario the timeline tests read: a handler spawning six fetches that each
// wait on a database of two connections (so four of them queue for a slot), joining all of
// them, then handing 30 ms to the thread pool; and a request of its own arriving at 10 ms.
// In the file the request comes between the handler and the fetches, which the rows' tree
// order puts under the handler.

#include "loopscript.h"

namespace coroscope::test {

inline Scenario fanOutScenario() {
    return scriptScenario("limit db 2\n"
                          "handler: cpu 5, spawn f1, spawn f2, spawn f3, spawn f4, spawn f5, "
                          "spawn f6, join f1 f2 f3 f4 f5 f6, thread 30, cpu 5\n"
                          "request @10: cpu 20\n"
                          "f1: db 40, cpu 2\n"
                          "f2: db 40, cpu 2\n"
                          "f3: db 40, cpu 2\n"
                          "f4: db 40, cpu 2\n"
                          "f5: db 40, cpu 2\n"
                          "f6: db 40, cpu 2\n");
}

} // namespace coroscope::test
