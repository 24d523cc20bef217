#pragma once

// A scenario as a Python 3 program (standard library only) that runs its tasks on asyncio's
// real event loop: one `async def` per task, cpu(ms) busy-waiting while it holds the loop,
// io(ms) and http(ms) awaiting asyncio.sleep(), all started with asyncio.gather() in scenario
// order. Run, it prints the timeline it observed as --print-timeline's CSV and can record the
// run as a Chrome trace (the recording format: see the program's chrome_trace()), so the
// model can be held against asyncio itself. The program's docstring says how to run it.

#include "model/scenario.h"

#include <string>

namespace coroscope {

// The program's source (UTF-8).
std::string asyncioProgram(const Scenario& scenario);

} // namespace coroscope
